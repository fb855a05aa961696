//! Bringing the model up to date after lesson or initiative files changed (edited, added or
//! removed), when nothing else did. Each derived part is made again only when what it is made
//! of changed:
//!
//! - the site: the lessons and initiatives of the changed files are taken out and their new
//!   versions put in, in slug order; the whole site is then checked as `check` does (a few
//!   milliseconds at 10,000 lessons) and, on a problem, put back as it was;
//! - the links, when the `link::key` of a lesson (slug, terms, initiative, date, kind) or of an
//!   initiative (slug, terms) taken out differs from that of the one put in its place, or
//!   files came or went;
//! - the views, with the links, when files came or went or an initiative changed (a lesson's
//!   card shows its initiative), else the cards of the lessons read again;
//! - the search index: patched for lessons edited in place, else built again.
//!
//! Then the outputs whose recorded reads changed are made again (`render.rs`).

use super::{Entry, Workspace};
use crate::content::model::{Initiative, Lesson, Meta};
use crate::deps::Dep;
use crate::diagnostics::Diagnostics;
use crate::link::{self, Links};
use crate::pipeline::Changes;
use crate::render::views::Views;
use crate::search::live::Live;
use crate::search::parts::Part;
use crate::timing::stage;
use std::collections::BTreeSet;

/// Takes the items of the files `sources` out of `items` and puts `incoming` in, in slug order;
/// returns those taken out.
fn swap<T>(items: &mut Vec<T>, sources: &BTreeSet<String>, incoming: Vec<T>, meta: fn(&T) -> &Meta) -> Vec<T> {
    let out = items.extract_if(.., |x| sources.contains(&meta(x).source)).collect();
    if !incoming.is_empty() {
        items.extend(incoming);
        items.sort_by(|a, b| meta(a).slug.cmp(&meta(b).slug));
    }
    out
}

/// Slug and file of each item, sorted: equal for an edit that keeps both.
fn identities<'a, T: 'a>(items: impl Iterator<Item = &'a T>, meta: fn(&T) -> &Meta) -> Vec<(&'a str, &'a str)> {
    let mut v: Vec<(&str, &str)> = items.map(|x| (meta(x).slug.as_str(), meta(x).source.as_str())).collect();
    v.sort_unstable();
    v
}

/// The sorted link keys of some items: equal before and after a change, equal links.
fn keys<'a, T: 'a>(items: impl Iterator<Item = &'a T>, key: fn(&T) -> u64) -> Vec<u64> {
    let mut k: Vec<u64> = items.map(key).collect();
    k.sort_unstable();
    k
}

/// The items whose file is in `sources`.
fn of<'a, T>(items: &'a [T], sources: &BTreeSet<String>, meta: fn(&T) -> &Meta) -> Vec<&'a T> {
    items.iter().filter(|x| sources.contains(&meta(x).source)).collect()
}

const LESSON: fn(&Lesson) -> &Meta = |l| &l.meta;
const INITIATIVE: fn(&Initiative) -> &Meta = |i| &i.meta;

impl Workspace {
    /// Brings the model up to date with the lesson and initiative files in `pending` and makes
    /// again the outputs that reach; returns the pages made.
    pub(super) fn rebuild_content(&mut self, removed: &mut Vec<String>) -> Result<Vec<String>, Diagnostics> {
        let (mut lessons, mut initiatives) = (Vec::new(), Vec::new());
        for r in &self.pending {
            match self.entries.get(r) {
                Some(Entry::Lesson(l)) => lessons.push((**l).clone()),
                Some(Entry::Initiative(i)) => initiatives.push((**i).clone()),
                _ => {}
            }
        }
        let pending = &self.pending;
        let old = stage("site", || swap(&mut self.site.lessons, pending, lessons, LESSON));
        let old_inits = swap(&mut self.site.initiatives, pending, initiatives, INITIATIVE);
        let problems = stage("validate", || self.problems(&self.site));
        if !problems.is_empty() {
            swap(&mut self.site.lessons, &self.pending, old, LESSON);
            swap(&mut self.site.initiatives, &self.pending, old_inits, INITIATIVE);
            return Err(Diagnostics(problems).sorted());
        }
        // Until the outputs are made, the model is ahead of them.
        self.stale = true;
        let site = &self.site;
        let (new, new_inits) = (of(&site.lessons, pending, LESSON), of(&site.initiatives, pending, INITIATIVE));
        let files_changed = identities(old.iter(), LESSON) != identities(new.iter().copied(), LESSON)
            || identities(old_inits.iter(), INITIATIVE) != identities(new_inits.iter().copied(), INITIATIVE);
        let links_changed = keys(old.iter(), link::key) != keys(new.iter().copied(), link::key)
            || keys(old_inits.iter(), link::initiative_key) != keys(new_inits.iter().copied(), link::initiative_key);
        let inits: BTreeSet<&str> =
            old_inits.iter().chain(new_inits.iter().copied()).map(|i| i.meta.slug.as_str()).collect();
        // The cards to take again: of the lessons read again, and of every lesson of a changed
        // initiative (a card shows its initiative).
        let slugs: BTreeSet<String> = old.iter().chain(new.iter().copied()).map(|l| l.meta.slug.clone()).collect();
        let mut inputs: std::collections::HashSet<Dep> = slugs.iter().cloned().map(Dep::Lesson).collect();
        inputs.extend(inits.iter().map(|s| Dep::Initiative(s.to_string())));
        let mut cards = slugs;
        cards
            .extend(site.lessons.iter().filter(|l| inits.contains(l.initiative.as_str())).map(|l| l.meta.slug.clone()));
        let t = &self.theme.strings;
        let initiatives_changed = !inits.is_empty();
        if links_changed {
            self.links = stage("link", || Links::build(site));
        }
        if links_changed || files_changed || initiatives_changed {
            self.kept.views = stage("views", || Views::build(site, &self.links, t));
        } else {
            for li in (0..site.lessons.len()).filter(|&li| pending.contains(&site.lessons[li].meta.source)) {
                self.kept.views.update_lesson(site, t, li);
            }
        }
        let parts = self.update_search(&old, files_changed || initiatives_changed);
        let changes = Changes {
            inputs,
            // An initiative's card and lists are taken again as after new links.
            links: links_changed || initiatives_changed,
            cards: cards.into_iter().collect(),
            files: files_changed,
            search: true,
        };
        let made = self.render(&changes, links_changed || files_changed, parts, removed)?;
        self.stale = false;
        Ok(made)
    }

    /// Patches the search index for lessons edited in place (`old`: their previous versions),
    /// or builds it again (`again`: files came or went, an initiative changed) or when a patch
    /// cannot keep document ids. Returns its parts (`search::Live::parts`), their fingerprints
    /// taken again.
    fn update_search(&mut self, old: &[Lesson], again: bool) -> Vec<(Part, Vec<String>)> {
        let (site, t) = (&self.site, &self.theme.strings);
        let at = |l: &Lesson| site.lessons.binary_search_by(|x| x.meta.slug.cmp(&l.meta.slug)).ok();
        let edited: Vec<(usize, &Lesson)> = old.iter().filter_map(|l| at(l).map(|li| (li, l))).collect();
        let patched = !again
            && edited.len() == old.len()
            && self
                .kept
                .search
                .as_mut()
                .is_some_and(|live| stage("search index (update)", || live.update(site, t, &edited)));
        if !patched {
            self.kept.search = Some(stage("search index", || Live::rebuild(site, t)));
        }
        self.search_parts()
    }
}
