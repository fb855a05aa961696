//! The pipeline's memory between builds: for every page, what it read of the model (recorded by
//! `deps::read` while its context was made), and a fingerprint of each thing read. After a
//! change, the fingerprints are taken again of what may have changed; the pages that read a
//! thing whose fingerprint differs are made again, and no others.
//!
//! Early cut-off, as in salsa: the fingerprint is of what a page sees (a card, a list of slugs,
//! a template value), not of the input file, so an edit that changes nothing a list shows
//! re-makes nothing but the lesson's own page. Things are fingerprinted again only when what
//! they are derived from was made again: the links (`Changes::links`), a lesson's card
//! (`Changes::cards`), the globals, the search index (`Changes::search`); a lesson's, initiative's or page's own fields only change
//! when its file was read again (`Changes::inputs`).

use super::Model;
use crate::deps::Dep;
use crate::render::PageReads;
use std::collections::{HashMap, HashSet};

/// What a rebuild made again, besides the files it read: the fingerprints to take again.
#[derive(Debug, Default)]
pub struct Changes {
    /// The lessons, initiatives and site pages whose files were read again (old and new slugs).
    pub inputs: HashSet<Dep>,
    /// The links were built again (lists, terms, related lessons may have changed).
    pub links: bool,
    /// The lessons whose cards may have changed: a card is made of its lesson and its
    /// initiative alone, so only those whose file was read again (an initiative change makes
    /// everything again).
    pub cards: Vec<String>,
    /// Files were added, removed or renamed (internal links may resolve elsewhere).
    pub files: bool,
    /// The search index was updated or built again.
    pub search: bool,
}

/// The pages of the last build, what each read, and the fingerprint of everything read.
#[derive(Default)]
pub struct Graph {
    reads: HashMap<String, Vec<Dep>>,
    /// Who read each thing: the outputs by what they read.
    readers: HashMap<Dep, HashSet<String>>,
    fingerprints: HashMap<Dep, Option<u64>>,
}

impl Graph {
    /// Keeps what pages read; fingerprints what no page read before.
    pub fn record(&mut self, pages: Vec<PageReads>, model: &Model) {
        for (file, reads) in pages {
            self.unlink(&file);
            for dep in &reads {
                if !self.fingerprints.contains_key(dep) {
                    self.fingerprints.insert(dep.clone(), model.fingerprint(dep));
                }
                self.readers.entry(dep.clone()).or_default().insert(file.clone());
            }
            self.reads.insert(file, reads);
        }
    }

    /// The things read whose fingerprint `changes` altered in `model`; their fingerprints are
    /// updated.
    pub fn dirty(&mut self, model: &Model, changes: &Changes) -> HashSet<Dep> {
        use rayon::prelude::*;
        let cards: HashSet<&str> = changes.cards.iter().map(String::as_str).collect();
        let again = |dep: &Dep| match dep {
            Dep::Lesson(_) | Dep::Initiative(_) | Dep::Info(_) => changes.inputs.contains(dep),
            Dep::Card(slug) => cards.contains(slug.as_str()),
            Dep::Sources => changes.files,
            Dep::Search(_) => changes.search,
            Dep::Global(..) => true,
            _ => changes.links,
        };
        // Taken again on all threads: after new links, that is every list.
        let now: Vec<(&Dep, Option<u64>)> = (self.fingerprints.par_iter())
            .filter(|(dep, _)| again(dep))
            .filter_map(|(dep, fp)| {
                let now = model.fingerprint(dep);
                (now != *fp || changes.inputs.contains(dep)).then_some((dep, now))
            })
            .collect();
        let dirty: Vec<(Dep, Option<u64>)> = now.into_iter().map(|(d, fp)| (d.clone(), fp)).collect();
        for (dep, fp) in &dirty {
            self.fingerprints.insert(dep.clone(), *fp);
        }
        dirty.into_iter().map(|(d, _)| d).collect()
    }

    /// The output files of the last build that read anything in `dirty`.
    pub fn affected(&self, dirty: &HashSet<Dep>) -> HashSet<&str> {
        dirty.iter().filter_map(|d| self.readers.get(d)).flatten().map(String::as_str).collect()
    }

    /// Takes `file` out of the readers of what it read.
    fn unlink(&mut self, file: &str) {
        for dep in self.reads.get(file).into_iter().flatten() {
            if let Some(r) = self.readers.get_mut(dep) {
                r.remove(file);
            }
        }
    }

    /// Whether `file` is a page this graph knows.
    pub fn knows(&self, file: &str) -> bool {
        self.reads.contains_key(file)
    }

    /// Forgets a page that is no longer made.
    pub fn forget(&mut self, file: &str) {
        self.unlink(file);
        self.reads.remove(file);
    }

    /// Fingerprints no page reads any more are dropped (after pages were removed).
    pub fn prune(&mut self) {
        self.readers.retain(|_, r| !r.is_empty());
        self.fingerprints.retain(|d, _| self.readers.contains_key(d));
    }
}
