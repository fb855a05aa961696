//! The search index, built once and, in the preview server, kept and brought up to date after a
//! lesson edit by touching only that lesson's terms: it re-analyses the old and the new version
//! of the lesson and patches those terms' postings, its display record and facets. Which files
//! that changes is not decided here: every search file is a `Part` with a fingerprint of what it
//! is made of (`parts`), and the pipeline makes again those whose fingerprint changed. Anything
//! that moves document ids (a lesson added, removed or moved to another initiative) builds the
//! index again instead.

use super::codes::Codes;
use super::files::{self, Encoded, Shard};
use super::index::{self, Doc, Index};
use super::parts::Part;
use super::pipeline::Pipeline;
use super::{elasticlunr_export, export_wanted};
use crate::content::model::{Lesson, Site};
use crate::deps::fingerprint as hash;
use crate::diagnostics::Diagnostic;
use crate::output::{Collect, OutFile, Sink};
use crate::strings::Strings;
use rayon::prelude::*;
use std::collections::BTreeSet;

pub struct Live {
    pub(super) enc: Encoded,
    pub(super) shards: Vec<Shard>,
    /// Per document id: its path (identity), display record and facet values.
    paths: Vec<String>,
    pub(super) display: Vec<String>,
    /// A fingerprint of each display record (kept only for updates).
    pub(super) display_fps: Vec<u64>,
    pub(super) facets: Vec<[Vec<u32>; 5]>,
    /// The initiatives' facets (of the site the index was built for: an update only takes
    /// lesson edits).
    pub(super) attrs: super::attrs::Attrs,
    /// Whether the site has the elasticlunr export, and per document a fingerprint of what the
    /// export holds of it (kept only for updates).
    pub(super) export: bool,
    pub(super) doc_fps: Vec<u64>,
    pipeline: Pipeline,
}

/// What the elasticlunr export holds of a document.
fn export_fp(d: &Doc) -> u64 {
    hash((&d.path, d.title, &d.teaser, d.text, &d.extra))
}

impl Live {
    /// A full build: every search file (sorted by path), and notes for the build summary.
    pub fn build(site: &Site, t: &Strings) -> (Vec<OutFile>, Vec<String>) {
        let files = Collect::default();
        let (_, _, notes) = Live::build_into(site, t, false, &files).expect("collecting cannot fail");
        let mut files = files.into_files();
        files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        (files, notes)
    }

    /// Builds the index and makes every part of it, handing each file to `sink` as soon as it is
    /// made; returns the index when `keep` (the preview server: a plain build does not keep the
    /// postings, which saves their memory), the paths written and notes for the build summary.
    #[allow(clippy::type_complexity)]
    pub fn build_into(
        site: &Site,
        t: &Strings,
        keep: bool,
        sink: &dyn Sink,
    ) -> Result<(Option<Live>, Vec<String>, Vec<String>), Diagnostic> {
        use crate::timing::stage;
        let docs = stage("search: documents", || index::documents(site, t));
        let (live, notes) = Live::of(site, t, &docs, keep);
        let parts = live.parts(site);
        let made = |(part, _): &(Part, Vec<String>)| match part {
            // Made here from the documents at hand.
            Part::Export => elasticlunr_export::files(site, &docs),
            _ => live.make(*part, site, t),
        };
        stage("search: files", || parts.par_iter().flat_map_iter(made).try_for_each(|f| sink.put(f)))?;
        let paths = parts.into_iter().flat_map(|(_, p)| p).collect();
        Ok((keep.then_some(live), paths, notes))
    }

    /// The index of the documents `docs` of `site`.
    fn of(site: &Site, t: &Strings, docs: &[Doc], keep: bool) -> (Live, Vec<String>) {
        use crate::timing::stage;
        let idx = stage("search: postings", || Index::build(docs));
        let mut codes = Codes::new(super::meta::layout(site), docs.iter().map(|d| (&d.facets, d.initiative)));
        let attrs = super::attrs::Attrs::new(site, t);
        codes.attrs = attrs.for_codes();
        let enc = stage("search: encode", || Encoded::new(idx, keep, codes));
        let (export, notes) = export_wanted(site, docs.len());
        let display: Vec<String> = docs.iter().map(files::display).collect();
        let live = Live {
            shards: enc.shards(),
            enc,
            paths: docs.iter().map(|d| d.path.clone()).collect(),
            display_fps: if keep { display.iter().map(hash).collect() } else { Vec::new() },
            display,
            facets: docs.iter().map(|d| d.facets.clone()).collect(),
            attrs,
            export,
            doc_fps: if keep && export { docs.par_iter().map(export_fp).collect() } else { Vec::new() },
            pipeline: Pipeline::new(),
        };
        (live, notes)
    }

    /// The index of `site` built again (after changes that move document ids).
    pub fn rebuild(site: &Site, t: &Strings) -> Live {
        Live::of(site, t, &index::documents(site, t), true).0
    }

    /// Brings the index up to date after lessons were edited in place: `edited` holds, per
    /// edited lesson, its index in `site` and its previous version; the initiatives are those
    /// the index was built with (an initiative change builds everything again). False when
    /// document ids moved (then `rebuild`).
    pub fn update(&mut self, site: &Site, t: &Strings, edited: &[(usize, &Lesson)]) -> bool {
        let order = index::lesson_order(site);
        let initiatives = site.initiatives.len();
        if order.len() + initiatives != self.paths.len() {
            return false;
        }
        let mut position = vec![0; order.len()];
        for (n, &li) in order.iter().enumerate() {
            position[li] = initiatives + n;
        }
        let mut ids = Vec::new();
        for &(li, old) in edited {
            let id = position[li];
            let path = crate::urls::lesson(&site.lessons[li].meta.slug);
            if self.paths[id] != path || crate::urls::lesson(&old.meta.slug) != path {
                return false;
            }
            if site.lessons[li].initiative != old.initiative {
                return false;
            }
            ids.push((id, li, old));
        }
        for (id, li, old) in ids {
            let old_doc = index::doc_of_lesson(site, t, old);
            let new_doc = index::lesson_doc(site, t, li);
            // A new facet code changes every posting of the document: all its terms again.
            let recode = new_doc.facets != self.facets[id];
            if recode {
                self.enc.codes.set(id, &new_doc.facets);
            }
            self.patch(id as u32, &old_doc, &new_doc, recode);
            self.display[id] = files::display(&new_doc);
            self.display_fps[id] = hash(&self.display[id]);
            if self.export {
                self.doc_fps[id] = export_fp(&new_doc);
            }
            self.facets[id] = new_doc.facets;
        }
        self.enc.number_big();
        self.shards = crate::timing::stage("search: shards", || self.enc.shards());
        true
    }

    /// Replaces document `id`'s postings: those of `old` out, those of `new` in. Only the terms
    /// whose weight in the document changed are touched; with `recode` (its facet code changed)
    /// every term of `new` is, as all its postings change.
    fn patch(&mut self, id: u32, old: &Doc, new: &Doc, recode: bool) {
        let mut touched: BTreeSet<String> = BTreeSet::new();
        let (before, after) = (index::analyse_doc(&self.pipeline, old), index::analyse_doc(&self.pipeline, new));
        if before == after && !recode {
            return;
        }
        let enc = &mut self.enc;
        let weight_in = |list: &[(String, u32)], term: &str| {
            list.binary_search_by(|(t, _)| t.as_str().cmp(term)).ok().map(|i| list[i].1)
        };
        for (term, weight) in &before {
            if weight_in(&after, term) != Some(*weight)
                && let Ok(i) = enc.terms.binary_search(term)
            {
                enc.lists[i].retain(|p| p[0] != id);
                touched.insert(term.clone());
            }
        }
        for (term, weight) in after {
            if weight_in(&before, &term) == Some(weight) {
                if recode {
                    touched.insert(term);
                }
                continue;
            }
            let i = match enc.terms.binary_search(&term) {
                Ok(i) => i,
                Err(i) => {
                    enc.insert_term(i, term.clone());
                    i
                }
            };
            let list = &mut enc.lists[i];
            let at = list.partition_point(|p| p[0] < id);
            list.insert(at, [id, weight]);
            touched.insert(term);
        }
        for term in touched.iter() {
            if let Ok(i) = enc.terms.binary_search(term) {
                if enc.lists[i].is_empty() {
                    enc.remove_term(i);
                } else {
                    enc.encode_at(i);
                }
            }
        }
    }
}
