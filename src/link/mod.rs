//! Link: everything derived from the model that connects pages — which initiatives and lessons
//! carry each taxonomy term, each initiative's lessons, related lessons, the comparison matrix
//! and the newest lessons. Computed once after validation; plain indices into the site model.

pub mod related;

use crate::config::Taxonomy;
use crate::content::model::{Initiative, Kind, Lesson, Site};
use crate::deps::fingerprint;
use std::collections::HashMap;

/// Initiatives and lessons that carry one term (indices into the site's lists).
#[derive(Debug, Clone, Default)]
pub struct TermPages {
    pub initiatives: Vec<usize>,
    pub lessons: Vec<usize>,
}

/// The derived cross-links of a site.
#[derive(Debug, Clone)]
pub struct Links {
    /// Per taxonomy, per term slug (in vocabulary order).
    pub terms: [Vec<(String, TermPages)>; 4],
    /// Per initiative (same order as `site.initiatives`), its lessons.
    pub lessons_of: Vec<Vec<usize>>,
    /// Per lesson, up to `related::MAX` related lessons.
    pub related: Vec<Vec<usize>>,
    /// Lesson indices, newest first (lessons without `added` last, then by slug).
    pub newest: Vec<usize>,
    /// Per lesson kind, its lessons.
    pub by_kind: Vec<(Kind, Vec<usize>)>,
    /// Per lesson, the index of its initiative (`usize::MAX` if it has none).
    pub initiative_of: Vec<usize>,
}

/// A fingerprint of what the links read of a lesson: its slug, terms, initiative, date and
/// kind. The links are made of these, the vocabularies and the initiatives' keys
/// (`initiative_key`) alone: a change that keeps every key keeps the links.
pub fn key(l: &Lesson) -> u64 {
    fingerprint((&l.meta.slug, &l.meta.terms, &l.initiative, &l.added, l.kind))
}

/// A fingerprint of what the links read of an initiative: its slug and terms.
pub fn initiative_key(i: &Initiative) -> u64 {
    fingerprint((&i.meta.slug, &i.meta.terms))
}

impl Links {
    pub fn build(site: &Site) -> Links {
        // Related lessons need nothing else here: they are found beside the rest, whose loops
        // and sorts are one thread's work.
        let (mut links, related) = rayon::join(|| Self::without_related(site), || related::related_lessons(site));
        links.related = related;
        links
    }

    /// Every link but the related lessons (left empty).
    fn without_related(site: &Site) -> Links {
        let mut terms: [Vec<(String, TermPages)>; 4] = Default::default();
        for tax in Taxonomy::ALL {
            let mut pos: HashMap<&str, usize> = HashMap::new();
            let list = &mut terms[tax.index()];
            for (i, t) in site.config.terms(tax).iter().enumerate() {
                pos.insert(&t.slug, i);
                list.push((t.slug.clone(), TermPages::default()));
            }
            for (ii, init) in site.initiatives.iter().enumerate() {
                for s in &init.meta.terms[tax.index()] {
                    if let Some(&p) = pos.get(s.as_str()) {
                        list[p].1.initiatives.push(ii);
                    }
                }
            }
            for (li, l) in site.lessons.iter().enumerate() {
                for s in &l.meta.terms[tax.index()] {
                    if let Some(&p) = pos.get(s.as_str()) {
                        list[p].1.lessons.push(li);
                    }
                }
            }
        }
        let mut lessons_of = vec![Vec::new(); site.initiatives.len()];
        let mut initiative_of = vec![usize::MAX; site.lessons.len()];
        for (li, l) in site.lessons.iter().enumerate() {
            if let Some(ii) = site.initiative_index(&l.initiative) {
                lessons_of[ii].push(li);
                initiative_of[li] = ii;
            }
        }
        // A term's lessons are listed grouped by initiative (so pages can be cut anywhere).
        for list in terms.iter_mut() {
            for (_, pages) in list.iter_mut() {
                pages.lessons.sort_by_key(|&li| (initiative_of[li], li));
            }
        }
        let mut newest: Vec<usize> = (0..site.lessons.len()).collect();
        newest.sort_by(|&a, &b| {
            let (la, lb) = (&site.lessons[a], &site.lessons[b]);
            lb.added.cmp(&la.added).then_with(|| la.meta.slug.cmp(&lb.meta.slug))
        });
        let by_kind = Kind::ALL
            .iter()
            .map(|&k| (k, (0..site.lessons.len()).filter(|&i| site.lessons[i].kind == k).collect()))
            .collect();
        Links { terms, lessons_of, related: Vec::new(), newest, by_kind, initiative_of }
    }

    pub fn term(&self, tax: Taxonomy, slug: &str) -> Option<&TermPages> {
        self.terms[tax.index()].iter().find(|(s, _)| s == slug).map(|(_, p)| p)
    }

    /// Where the lessons of initiative `ii` start in the (initiative-grouped) lesson list of
    /// term `ti` of `tax`, if it has any there.
    pub fn position_in_term(&self, tax: Taxonomy, ti: usize, ii: usize) -> Option<usize> {
        let list = &self.terms[tax.index()][ti].1.lessons;
        let p = list.partition_point(|&li| self.initiative_of[li] < ii);
        (p < list.len() && self.initiative_of[list[p]] == ii).then_some(p)
    }

    /// The lessons of initiative `ii` that carry term `slug` of `tax` (a comparison-matrix cell).
    pub fn cell(&self, site: &Site, ii: usize, tax: Taxonomy, slug: &str) -> Vec<usize> {
        self.lessons_of[ii]
            .iter()
            .copied()
            .filter(|&li| site.lessons[li].meta.terms[tax.index()].iter().any(|s| s == slug))
            .collect()
    }
}
