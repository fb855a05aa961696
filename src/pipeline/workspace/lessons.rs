//! Bringing the model up to date after lesson files changed (edited, added or removed), when
//! nothing else did. Each derived part is made again only when what it is made of changed:
//!
//! - the site: the lessons of the changed files are taken out and their new versions put in,
//!   in slug order; the whole site is then checked as `check` does (a few milliseconds at
//!   10,000 lessons) and, on a problem, put back as it was;
//! - the links, when the `link::key` (slug, terms, initiative, date, kind) of a lesson taken out
//!   differs from that of the lesson put in its place, or lessons came or went;
//! - the views, with the links or when files came or went, else the cards of the lessons read
//!   again;
//! - the search index: patched for lessons edited in place, else built again.
//!
//! Then the outputs whose recorded reads changed are made again (`render.rs`).

use super::{Entry, Workspace};
use crate::content::model::Lesson;
use crate::deps::Dep;
use crate::diagnostics::Diagnostics;
use crate::link::{self, Links};
use crate::pipeline::Changes;
use crate::render::views::Views;
use crate::search::live::Live;
use crate::search::parts::Part;
use crate::timing::stage;
use std::collections::BTreeSet;

/// Takes the lessons of the files `sources` out of `lessons` and puts `incoming` in, in slug
/// order; returns those taken out.
fn swap(lessons: &mut Vec<Lesson>, sources: &BTreeSet<String>, incoming: Vec<Lesson>) -> Vec<Lesson> {
    let out = lessons.extract_if(.., |l| sources.contains(&l.meta.source)).collect();
    if !incoming.is_empty() {
        lessons.extend(incoming);
        lessons.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    }
    out
}

/// Slug and file of each lesson, sorted: equal for an edit that keeps both.
fn identities<'a>(lessons: impl Iterator<Item = &'a Lesson>) -> Vec<(&'a str, &'a str)> {
    let mut v: Vec<(&str, &str)> = lessons.map(|l| (l.meta.slug.as_str(), l.meta.source.as_str())).collect();
    v.sort_unstable();
    v
}

impl Workspace {
    /// Brings the model up to date with the lesson files in `pending` and makes again the
    /// outputs that reach; returns the pages made.
    pub(super) fn rebuild_lessons(&mut self, removed: &mut Vec<String>) -> Result<Vec<String>, Diagnostics> {
        let incoming: Vec<Lesson> = (self.pending.iter())
            .filter_map(|r| match self.entries.get(r) {
                Some(Entry::Lesson(l)) => Some((**l).clone()),
                _ => None,
            })
            .collect();
        let old = stage("site", || swap(&mut self.site.lessons, &self.pending, incoming));
        let problems = stage("validate", || self.problems(&self.site));
        if !problems.is_empty() {
            swap(&mut self.site.lessons, &self.pending, old);
            return Err(Diagnostics(problems).sorted());
        }
        // Until the outputs are made, the model is ahead of them.
        self.stale = true;
        let new: Vec<&Lesson> = self.site.lessons.iter().filter(|l| self.pending.contains(&l.meta.source)).collect();
        let slugs: BTreeSet<String> = old.iter().chain(new.iter().copied()).map(|l| l.meta.slug.clone()).collect();
        let files_changed = identities(old.iter()) != identities(new.iter().copied());
        let keys = |ls: &mut dyn Iterator<Item = &Lesson>| {
            let mut k: Vec<u64> = ls.map(link::key).collect();
            k.sort_unstable();
            k
        };
        let links_changed = keys(&mut old.iter()) != keys(&mut new.iter().copied());
        let (site, t) = (&self.site, &self.theme.strings);
        if links_changed {
            self.links = stage("link", || Links::build(site));
        }
        if links_changed || files_changed {
            self.kept.views = stage("views", || Views::build(site, &self.links, t));
        } else {
            for li in (0..site.lessons.len()).filter(|&li| self.pending.contains(&site.lessons[li].meta.source)) {
                self.kept.views.update_lesson(site, t, li);
            }
        }
        let parts = self.update_search(&old, files_changed);
        let changes = Changes {
            inputs: slugs.iter().cloned().map(Dep::Lesson).collect(),
            links: links_changed,
            cards: slugs.into_iter().collect(),
            files: files_changed,
            search: true,
        };
        let made = self.render(&changes, links_changed || files_changed, parts, removed)?;
        self.stale = false;
        Ok(made)
    }

    /// Patches the search index for lessons edited in place (`old`: their previous versions),
    /// or builds it again when files came or went or a patch cannot keep document ids. Returns
    /// its parts (`search::Live::parts`), their fingerprints taken again.
    fn update_search(&mut self, old: &[Lesson], files_changed: bool) -> Vec<(Part, Vec<String>)> {
        let (site, t) = (&self.site, &self.theme.strings);
        let at = |l: &Lesson| site.lessons.binary_search_by(|x| x.meta.slug.cmp(&l.meta.slug)).ok();
        let edited: Vec<(usize, &Lesson)> = old.iter().filter_map(|l| at(l).map(|li| (li, l))).collect();
        let patched = !files_changed
            && edited.len() == old.len()
            && self
                .kept
                .search
                .as_mut()
                .is_some_and(|live| stage("search index (update)", || live.update(site, t, &edited)));
        if !patched {
            self.kept.search = Some(stage("search index", || Live::rebuild(site, t)));
        }
        let Some(live) = &self.kept.search else { return Vec::new() };
        let parts = live.parts(site);
        self.search_fps = stage("search fingerprints", || live.fingerprints(&parts, site, t));
        parts
    }
}
