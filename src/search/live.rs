//! The search index kept in memory, so that the preview server can bring it up to date after a
//! lesson edit by touching only that lesson's terms: it re-analyses the old and the new version
//! of the lesson, patches those terms' postings and writes again only the files whose bytes
//! change (the shards and big-term files of those terms, the lesson's display chunk, and the
//! facet and meta files when what they say changed). The result is byte for byte what a full
//! build writes; anything that moves document ids (a lesson added, removed or moved to another
//! initiative) is a full rebuild instead.

use super::codes::Codes;
use super::files::{self, CHUNK, Encoded, Shard};
use super::index::{self, Doc, Index};
use super::pipeline::Pipeline;
use super::{elasticlunr_export, export_wanted};
use crate::content::model::{Lesson, Site};
use crate::diagnostics::Diagnostic;
use crate::output::{Collect, OutFile, Sink};
use crate::strings::Strings;
use std::collections::BTreeSet;

/// What `Live::build_into` gives: the kept state (with `keep`), and two lists of paths written.
pub type Built = (Option<Live>, Vec<String>, Vec<String>);

/// A shard described by term strings, not indices (indices move when terms come and go).
#[derive(PartialEq)]
struct Signature {
    key: String,
    terms: (Option<String>, usize),
    below: Option<(String, usize)>,
}

pub struct Live {
    enc: Encoded,
    shards: Vec<Shard>,
    /// Per document id: its path (identity), display record and facet values.
    paths: Vec<String>,
    display: Vec<String>,
    facets: Vec<[Vec<u32>; 5]>,
    pipeline: Pipeline,
}

/// What an update writes and removes.
pub struct Update {
    pub files: Vec<OutFile>,
    pub removed: Vec<String>,
    /// The elasticlunr export to make again (when the site has one): the caller decides when.
    pub export: Option<elasticlunr_export::Input>,
}

impl Live {
    /// A full build: every search file, notes for the build summary and, when `keep`, the index
    /// for later updates (a plain build does not keep the postings, which saves their memory).
    pub fn build(site: &Site, t: &Strings, keep: bool) -> (Option<Live>, Vec<OutFile>, Vec<String>) {
        let files = Collect::default();
        let (live, _, notes) = Live::build_into(site, t, keep, &files).expect("collecting cannot fail");
        let mut files = files.into_files();
        files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        (live, files, notes)
    }

    /// `build`, handing every file to `sink` as soon as it is made; returns the kept state (with
    /// `keep`) and the paths written.
    pub fn build_into(site: &Site, t: &Strings, keep: bool, sink: &dyn Sink) -> Result<Built, Diagnostic> {
        use crate::timing::stage;
        let docs = stage("search: documents", || index::documents(site, t));
        let idx = stage("search: postings", || Index::build(&docs));
        let mut codes = Codes::new(super::meta::layout(site), docs.iter().map(|d| (&d.facets, d.initiative)));
        codes.attrs = super::attrs::Attrs::new(site, t).for_codes();
        let enc = stage("search: encode", || Encoded::new(idx, keep, codes));
        let display: Vec<String> = docs.iter().map(files::display).collect();
        let shards = enc.shards();
        let mut paths = stage("search: files", || super::meta::files(&enc, &shards, site, &docs, &display, t, sink))?;
        let (export, notes) = export_wanted(site, docs.len());
        if export {
            for f in stage("search: elasticlunr export", || elasticlunr_export::files(site, &docs)) {
                paths.push(f.path.clone());
                sink.put(f)?;
            }
        }
        if !keep {
            return Ok((None, paths, notes));
        }
        let live = Live {
            shards,
            enc,
            paths: docs.iter().map(|d| d.path.clone()).collect(),
            display,
            facets: docs.iter().map(|d| d.facets.clone()).collect(),
            pipeline: Pipeline::new(),
        };
        Ok((Some(live), paths, notes))
    }

    fn signature(&self, s: &Shard) -> Signature {
        let names = &self.enc.terms;
        Signature {
            key: s.key.clone(),
            terms: (names.get(s.terms.start).filter(|_| !s.terms.is_empty()).cloned(), s.terms.len()),
            below: s.below.as_ref().map(|b| (names[b.start].clone(), b.len())),
        }
    }

    /// Brings the index up to date after lessons were edited in place: `edited` holds, per
    /// edited lesson, its index in `site` and its previous version. `None` when document ids
    /// moved (the caller builds again).
    pub fn update(&mut self, site: &Site, t: &Strings, edited: &[(usize, &Lesson)]) -> Option<Update> {
        use crate::timing::stage;
        let order = stage("search: order", || index::lesson_order(site));
        let initiatives = site.initiatives.len();
        if order.len() + initiatives != self.paths.len() {
            return None;
        }
        let mut position = vec![0; order.len()];
        for (n, &li) in order.iter().enumerate() {
            position[li] = initiatives + n;
        }
        let mut ids = Vec::new();
        for &(li, old) in edited {
            let id = *position.get(li)?;
            let path = crate::urls::lesson(&site.lessons[li].meta.slug);
            if self.paths[id] != path || crate::urls::lesson(&old.meta.slug) != path {
                return None;
            }
            ids.push((id, li, old));
        }
        if edited.iter().any(|(li, old)| site.lessons[*li].initiative != old.initiative) {
            return None;
        }
        let before: Vec<Signature> =
            stage("search: signatures", || self.shards.iter().map(|s| self.signature(s)).collect());
        let old_big: Vec<(String, u32)> = self.big_terms();
        let mut touched: BTreeSet<String> = BTreeSet::new();
        let mut docs_changed = Vec::new();
        let mut facets_changed = false;
        for &(id, li, old) in &ids {
            let old_doc = index::doc_of_lesson(site, t, old);
            let new_doc = index::lesson_doc(site, t, li);
            // A new facet code changes every posting of the document: all its terms again.
            let recode = new_doc.facets != self.facets[id];
            if recode {
                self.enc.codes.set(id, &new_doc.facets);
            }
            self.patch(id as u32, &old_doc, &new_doc, recode, &mut touched);
            let record = files::display(&new_doc);
            if record != self.display[id] {
                self.display[id] = record;
                docs_changed.push(id);
            }
            if recode {
                self.facets[id] = new_doc.facets;
                facets_changed = true;
            }
        }
        self.enc.number_big();
        let big_moved = self.big_terms() != old_big;
        let shards = stage("search: shards", || self.enc.shards());
        let mut out = Vec::new();
        let term_at = |term: &str| self.enc.terms.binary_search_by(|t| t.as_str().cmp(term)).ok();
        let touched_at: BTreeSet<usize> = touched.iter().filter_map(|t| term_at(t)).collect();
        let hits = |r: &std::ops::Range<usize>| touched_at.range(r.clone()).next().is_some();
        let old_keys: BTreeSet<&str> = before.iter().map(|s| s.key.as_str()).collect();
        for s in &shards {
            let same =
                before.binary_search_by(|b| b.key.as_str().cmp(&s.key)).is_ok_and(|i| before[i] == self.signature(s));
            if big_moved || !same || hits(&s.terms) || s.below.as_ref().is_some_and(hits) {
                out.push(self.enc.shard_file(s));
            }
        }
        let new_keys: BTreeSet<&str> = shards.iter().map(|s| s.key.as_str()).collect();
        let mut removed: Vec<String> = old_keys.difference(&new_keys).map(|k| files::shard_file(k)).collect();
        for (i, _) in self.enc.big.iter().enumerate().filter(|(_, b)| **b != u32::MAX) {
            if big_moved || touched_at.contains(&i) {
                out.push(self.enc.big_file(i));
            }
        }
        let n_big = self.enc.big_count();
        removed.extend((n_big..old_big.len()).map(|n| format!("search/p-{n}.js")));
        let chunks: BTreeSet<usize> = docs_changed.iter().map(|id| id / CHUNK).collect();
        for n in chunks {
            let end = ((n + 1) * CHUNK).min(self.display.len());
            out.push(files::display_chunk(n, &self.display[n * CHUNK..end]));
        }
        if facets_changed {
            let refs: Vec<&[Vec<u32>; 5]> = self.facets.iter().collect();
            out.push(super::meta::facet_file(site, &refs));
        }
        if big_moved || new_keys != old_keys {
            out.extend(super::meta::meta_files(site, t, &shards, &self.enc, self.paths.len()));
            // Key files of first characters no longer used (or of keys now inline in meta.js).
            let now = super::meta::key_files(new_keys.iter().copied());
            removed.extend(super::meta::key_files(old_keys.iter().copied()).into_iter().filter(|f| !now.contains(f)));
        }
        self.shards = shards;
        // The export is the whole elasticlunr index: made again from all documents.
        let export = export_wanted(site, self.paths.len())
            .0
            .then(|| elasticlunr_export::Input::new(site, &index::documents(site, t)));
        Some(Update { files: out, removed, export })
    }

    fn big_terms(&self) -> Vec<(String, u32)> {
        self.enc
            .terms
            .iter()
            .zip(&self.enc.big)
            .filter(|(_, b)| **b != u32::MAX)
            .map(|(t, b)| (t.clone(), *b))
            .collect()
    }

    /// Replaces document `id`'s postings: those of `old` out, those of `new` in. Only the terms
    /// whose weight in the document changed are touched; with `recode` (its facet code changed)
    /// every term of `new` is, as all its postings change.
    fn patch(&mut self, id: u32, old: &Doc, new: &Doc, recode: bool, touched: &mut BTreeSet<String>) {
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
                    enc.terms.insert(i, term.clone());
                    enc.lists.insert(i, Vec::new());
                    enc.df.insert(i, 0);
                    enc.encoded.insert(i, String::new());
                    enc.summary.insert(i, String::new());
                    enc.big.insert(i, u32::MAX);
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
                    enc.terms.remove(i);
                    enc.lists.remove(i);
                    enc.df.remove(i);
                    enc.encoded.remove(i);
                    enc.summary.remove(i);
                    enc.big.remove(i);
                } else {
                    enc.encode_at(i);
                }
            }
        }
    }
}
