//! The search documents and their postings: every initiative and lesson run through the Dutch
//! pipeline once, giving per term the documents that contain it with their title and body
//! counts. `files` turns this into the files the client loads; the format is in
//! docs/search-format.md.

use super::pipeline::{self, Pipeline};
use crate::config::Taxonomy;
use crate::content::model::{self, Kind, Site};
use crate::render::urls;
use crate::render::views::{Strings, teaser, tr};
use ahash::AHashMap;
use rayon::prelude::*;
use std::collections::BTreeMap;

pub const TITLE_BOOST: u32 = 10;

/// The facets, in the order the client shows them: the four taxonomies, kind and initiative.
pub const FACETS: [&str; 6] = ["thema", "niveau", "financiering", "domein", "soort", "initiatief"];
/// The facet values of kind, in order (lesson kinds, then initiatives).
pub fn kinds() -> impl Iterator<Item = &'static str> {
    Kind::NAMES.iter().copied().chain(["initiatief"])
}

/// One searchable document. It borrows the long texts from the site, so the index costs no
/// copy of the content.
pub struct Doc<'a> {
    pub title: &'a str,
    /// The body text, indexed besides the title.
    pub text: &'a str,
    /// More text indexed with the body: summary and region, initiative name, kind, term labels.
    pub extra: String,
    pub path: String,
    pub kind: &'static str,
    /// Index of its initiative (for an initiative: itself).
    pub initiative: Option<u32>,
    pub initiative_title: String,
    pub teaser: String,
    /// Value indices per facet, for the first five facets (`FACETS`; initiative is `initiative`).
    pub facets: [Vec<u32>; 5],
}

fn term_labels(site: &Site, meta: &model::Meta) -> String {
    let mut s = String::new();
    for tax in Taxonomy::ALL {
        for slug in &meta.terms[tax.index()] {
            if let Some(t) = site.config.term(tax, slug) {
                s.push(' ');
                s.push_str(site.config.label(t));
            }
        }
    }
    s
}

fn facet_values(site: &Site, meta: &model::Meta, kind: &str) -> [Vec<u32>; 5] {
    let mut out: [Vec<u32>; 5] = Default::default();
    for tax in Taxonomy::ALL {
        out[tax.index()] = meta.terms[tax.index()]
            .iter()
            .filter_map(|s| site.config.terms(tax).iter().position(|t| &t.slug == s).map(|i| i as u32))
            .collect();
    }
    out[4] = kinds().position(|k| k == kind).map(|i| vec![i as u32]).unwrap_or_default();
    out
}

/// The order of the lessons as documents: by initiative index, then slug (the site's order), so
/// the lessons of one initiative are one range of ids. Lessons without a known initiative last.
pub fn lesson_order(site: &Site) -> Vec<usize> {
    let init: Vec<usize> =
        site.lessons.iter().map(|l| site.initiative_index(&l.initiative).unwrap_or(usize::MAX)).collect();
    let mut order: Vec<usize> = (0..site.lessons.len()).collect();
    order.sort_unstable_by_key(|&i| (init[i], i));
    order
}

/// The search document of lesson `li` (its index in the site).
pub fn lesson_doc<'a>(site: &'a Site, t: &Strings, li: usize) -> Doc<'a> {
    doc_of_lesson(site, t, &site.lessons[li])
}

/// The search document of a lesson of `site` (or of an earlier version of one).
pub fn doc_of_lesson<'a>(site: &Site, t: &Strings, l: &'a model::Lesson) -> Doc<'a> {
    let init = site.initiative_index(&l.initiative);
    let init_title = init.map(|ii| site.initiatives[ii].meta.title.clone()).unwrap_or_default();
    Doc {
        title: &l.meta.title,
        text: &l.meta.body.text,
        extra: format!("{} {} {}", init_title, tr(t, &format!("kind_{}", l.kind.as_str())), term_labels(site, &l.meta)),
        path: urls::lesson(&l.meta.slug),
        kind: l.kind.as_str(),
        initiative: init.map(|i| i as u32),
        initiative_title: init_title,
        teaser: teaser(&l.meta.body.text, 200),
        facets: facet_values(site, &l.meta, l.kind.as_str()),
    }
}

/// Initiatives first (slug order), then lessons in `lesson_order`; a document's id is its position.
pub fn documents<'a>(site: &'a Site, t: &Strings) -> Vec<Doc<'a>> {
    let mut docs: Vec<Doc> = site
        .initiatives
        .par_iter()
        .enumerate()
        .map(|(ii, i)| Doc {
            title: &i.meta.title,
            text: &i.meta.body.text,
            extra: format!("{} {} {}", i.summary, i.region, term_labels(site, &i.meta)),
            path: urls::initiative(&i.meta.slug),
            kind: "initiatief",
            initiative: Some(ii as u32),
            initiative_title: i.meta.title.clone(),
            teaser: teaser(&i.summary, 200),
            facets: facet_values(site, &i.meta, "initiatief"),
        })
        .collect();
    let order = lesson_order(site);
    docs.par_extend(order.par_iter().map(|&li| lesson_doc(site, t, li)));
    docs
}

/// Postings of every term: (doc, weight), docs ascending; the weight is
/// `TITLE_BOOST × count in the title + count in the rest`.
pub struct Index {
    pub postings: BTreeMap<String, Vec<[u32; 2]>>,
}

/// One worker's share of the index: its own token cache and term dictionary, so the hot loop
/// does one hash look-up per token and stems each distinct word once per worker.
#[derive(Default)]
struct Local {
    /// Folded token → local term id (`None` for stop words).
    tokens: AHashMap<String, Option<u32>>,
    terms: Vec<String>,
    term_ids: AHashMap<String, u32>,
    postings: Vec<Vec<[u32; 2]>>,
    /// Per local term: its weight in the current document, and which were touched.
    counts: Vec<u32>,
    touched: Vec<u32>,
}

impl Local {
    fn add(&mut self, p: &Pipeline, id: u32, doc: &Doc) {
        let mut buf = String::new();
        for (boost, text) in [(TITLE_BOOST, doc.title), (1, doc.text), (1, doc.extra.as_str())] {
            let Local { tokens, terms, term_ids, postings, counts, touched } = self;
            pipeline::for_each_token(text, &mut buf, |tok| {
                let term = match tokens.get(tok) {
                    Some(t) => *t,
                    None => {
                        let t = p.analyse(tok).map(|stem| {
                            let next = terms.len() as u32;
                            *term_ids.entry(stem.clone()).or_insert_with(|| {
                                terms.push(stem);
                                postings.push(Vec::new());
                                counts.push(0);
                                next
                            })
                        });
                        tokens.insert(tok.to_string(), t);
                        t
                    }
                };
                if let Some(t) = term {
                    let c = &mut counts[t as usize];
                    if *c == 0 {
                        touched.push(t);
                    }
                    *c += boost;
                }
            });
        }
        for &t in &self.touched {
            let c = &mut self.counts[t as usize];
            self.postings[t as usize].push([id, *c]);
            *c = 0;
        }
        self.touched.clear();
    }
}

impl Index {
    pub fn build(docs: &[Doc]) -> Index {
        let pipeline = Pipeline::new();
        // One contiguous share per thread: each share stems its distinct words once.
        let share = docs.len().div_ceil(rayon::current_num_threads()).max(1);
        let parts: Vec<Local> = docs
            .par_chunks(share)
            .enumerate()
            .map(|(n, chunk)| {
                let mut local = Local::default();
                for (j, d) in chunk.iter().enumerate() {
                    local.add(&pipeline, (n * share + j) as u32, d);
                }
                local
            })
            .collect();
        let mut postings: AHashMap<String, Vec<[u32; 2]>> = AHashMap::new();
        for part in parts {
            for (term, list) in part.terms.into_iter().zip(part.postings) {
                match postings.get_mut(&term) {
                    Some(l) => l.extend(list),
                    None => {
                        postings.insert(term, list);
                    }
                }
            }
        }
        let mut postings: Vec<(String, Vec<[u32; 2]>)> = postings.into_iter().collect();
        postings.par_iter_mut().for_each(|(_, l)| l.sort_unstable_by_key(|p| p[0]));
        Index { postings: postings.into_iter().collect() }
    }
}

/// One document's terms with their weights, sorted by term.
pub fn analyse_doc(p: &Pipeline, doc: &Doc) -> Vec<(String, u32)> {
    let mut local = Local::default();
    local.add(p, 0, doc);
    let mut out: Vec<(String, u32)> = local.terms.into_iter().zip(local.postings).map(|(t, l)| (t, l[0][1])).collect();
    out.sort_unstable();
    out
}
