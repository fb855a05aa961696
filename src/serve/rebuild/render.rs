//! The workspace's three ways of rendering: everything; one edit that keeps the links (its
//! page, the pages showing its card if that changed, the feeds listing it, its JSON entry); and
//! lesson changes that change the links (the pages showing the lessons involved, every file
//! derived from the whole site). The search files are computed in one place, `search`.

use super::Workspace;
use crate::config::Taxonomy;
use crate::content::model::{Lesson, Site};
use crate::diagnostics::Diagnostic;
use crate::link::Links;
use crate::output::{Collect, OutFile};
use crate::render::pages::{Page, PageData, page_count};
use crate::render::{self, api, feeds, views::Views};
use crate::site;
use crate::timing::stage;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the pages of the last good build showed of the lessons about to change.
pub(super) struct Before {
    /// Slugs of the changed lessons (old and new).
    changed: BTreeSet<String>,
    /// Related lessons by slug, per lesson slug.
    related: HashMap<String, Vec<String>>,
    /// Initiatives and terms of the changed lessons as they were.
    initiatives: BTreeSet<String>,
    terms: BTreeSet<(Taxonomy, String)>,
    /// Every page file.
    pages: BTreeSet<String>,
}

impl Before {
    /// `site` has the old slugs (the old site, or one patched without changing any slug),
    /// `links` are the old links, `old` the changed lessons as they were.
    pub(super) fn of<'a>(
        site: &Site,
        links: &Links,
        mut changed: BTreeSet<String>,
        old: impl Iterator<Item = &'a Lesson>,
    ) -> Before {
        let related = site
            .lessons
            .iter()
            .enumerate()
            .map(|(i, l)| (l.meta.slug.clone(), related_slugs(site, links, i)))
            .collect();
        let (mut initiatives, mut terms) = (BTreeSet::new(), BTreeSet::new());
        for l in old {
            changed.insert(l.meta.slug.clone());
            touch(l, &mut initiatives, &mut terms);
        }
        let pages = Page::all(site, links).iter().map(|p| p.file(site)).collect();
        Before { changed, related, initiatives, terms, pages }
    }
}

fn related_slugs(site: &Site, links: &Links, i: usize) -> Vec<String> {
    links.related[i].iter().map(|&j| site.lessons[j].meta.slug.clone()).collect()
}

fn touch(l: &Lesson, initiatives: &mut BTreeSet<String>, terms: &mut BTreeSet<(Taxonomy, String)>) {
    initiatives.insert(l.initiative.clone());
    for tax in Taxonomy::ALL {
        terms.extend(l.meta.terms[tax.index()].iter().map(|t| (tax, t.clone())));
    }
}

/// The index of term `slug` of `tax` in the links.
fn term_index(links: &Links, tax: Taxonomy, slug: &str) -> Option<usize> {
    links.terms[tax.index()].iter().position(|(s, _)| s == slug)
}

impl Workspace {
    /// Renders everything of `site`.
    pub(super) fn render_full(&mut self, site: Site) -> Result<Vec<String>, Vec<Diagnostic>> {
        // This build writes the export itself: one an earlier rebuild was making is out of date.
        drop(self.pending_export.take());
        let links = Links::build(&site);
        let (files, _, kept) = site::render_parts(&site, &links, &mut self.theme)?;
        let pages: BTreeSet<String> = Page::all(&site, &links).iter().map(|p| p.file(&site)).collect();
        self.search_files = kept.search_files.iter().cloned().collect();
        self.machine_files = files
            .iter()
            .map(|f| &f.path)
            .filter(|p| !pages.contains(*p) && !self.theme.statics.contains_key(*p) && !self.search_files.contains(*p))
            .cloned()
            .collect();
        self.files = files.into_iter().map(|f| (f.path, f.bytes)).collect();
        (self.site, self.links, self.kept) = (site, links, kept);
        self.errors.clear();
        (self.synced, self.needs_full) = (true, false);
        Ok(self.files.keys().filter(|p| p.ends_with(".html")).cloned().collect())
    }

    /// Renders what the edits `patched` (index, old lesson) change when the site was patched in
    /// place and the links stay as they are.
    pub(super) fn render_edit(
        &mut self,
        patched: &[(usize, Lesson)],
        removed: &mut Vec<String>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        if patched.is_empty() {
            return Ok(vec![]);
        }
        // Until this succeeds, the site is ahead of the files.
        self.needs_full = true;
        let (site, links, strings) = (&self.site, &self.links, &self.theme.strings);
        let mut pages = BTreeSet::new();
        let mut derived = Vec::new();
        stage("views", || {
            for &(li, _) in patched {
                pages.insert(Page::Lesson(li));
                if self.kept.views.update_lesson(site, strings, li) {
                    pages.extend(Page::showing_card(links, li));
                }
            }
        });
        stage("api", || {
            // Always there: a full render writes it.
            if let Some(file) = self.files.get_mut(api::LESSONS) {
                for &(li, _) in patched {
                    self.kept.lessons_json.update(site, links, li, file);
                }
            }
        });
        stage("feeds", || {
            let rank = feeds::ranks(links);
            let site_feed =
                patched.iter().any(|&(li, _)| links.newest[..links.newest.len().min(feeds::MAX_ENTRIES)].contains(&li));
            if site_feed {
                derived.extend(feeds::site_feed(site, links));
            }
            let mut terms = BTreeSet::new();
            for &(li, _) in patched {
                for tax in Taxonomy::ALL {
                    for slug in &site.lessons[li].meta.terms[tax.index()] {
                        let Some(ti) = term_index(links, tax, slug) else { continue };
                        let entries = feeds::term_entries(links, &rank, tax, ti);
                        if entries.iter().take(feeds::MAX_ENTRIES).any(|&x| x == li) {
                            terms.insert((tax, ti));
                        }
                    }
                }
            }
            derived.extend(
                terms.into_iter().filter_map(|(tax, ti)| feeds::term_feed(site, links, strings, &rank, tax, ti)),
            );
        });
        let rebuilt = self.render_pages(pages.into_iter().collect())?;
        for f in derived {
            self.files.insert(f.path, f.bytes);
        }
        self.search(Some(patched), removed);
        (self.synced, self.needs_full) = (true, false);
        Ok(rebuilt)
    }

    /// Renders what lesson changes affect when the links change: `self.site` is the new site,
    /// `self.links` the old links, `before` what the old pages showed.
    pub(super) fn render_changed(
        &mut self,
        before: Before,
        patched: Option<&[(usize, Lesson)]>,
        removed: &mut Vec<String>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        self.needs_full = true;
        let site = &self.site;
        let links = stage("link", || Links::build(site));
        let mut pages: BTreeSet<Page> = [Page::Home, Page::Matrix].into_iter().collect();
        // Their cells count lessons.
        pages.extend(Page::theme_matrices(site, &links));
        // Initiative cards show their lesson counts.
        pages.extend((0..page_count(site.initiatives.len())).map(Page::InitiativeList));
        // Every page of the lesson list: one new or removed lesson shifts them all.
        pages.extend((0..page_count(site.lessons.len())).map(Page::LessonList));
        pages.extend(Taxonomy::ALL.iter().map(|&t| Page::Taxonomy(t)));
        let (mut initiatives, mut terms) = (before.initiatives, before.terms);
        for l in site.lessons.iter().filter(|l| before.changed.contains(&l.meta.slug)) {
            touch(l, &mut initiatives, &mut terms);
        }
        for (i, l) in site.lessons.iter().enumerate() {
            let now = related_slugs(site, &links, i);
            let changed = |s: &String| before.changed.contains(s);
            if changed(&l.meta.slug) || before.related.get(&l.meta.slug) != Some(&now) || now.iter().any(changed) {
                pages.insert(Page::Lesson(i));
            }
        }
        for (i, init) in site.initiatives.iter().enumerate() {
            if initiatives.contains(&init.meta.slug) {
                pages.insert(Page::Initiative(i));
                // Its card (with its lesson count) shows on the pages of its own terms.
                for tax in Taxonomy::ALL {
                    terms.extend(init.meta.terms[tax.index()].iter().map(|t| (tax, t.clone())));
                }
            }
        }
        for tax in Taxonomy::ALL {
            let vocabulary = site.config.terms(tax);
            pages.extend(
                Page::term_pages(&links, tax).filter(
                    |p| matches!(p, Page::Term(_, i, _) if terms.contains(&(tax, vocabulary[*i].slug.clone()))),
                ),
            );
        }
        self.kept.views = stage("views", || Views::build(site, &links, &self.theme.strings));
        let all = Page::all(site, &links);
        let (machine, lessons_json) =
            stage("feeds, sitemap, api", || site::machine_files(site, &links, &self.theme, &all, &mut vec![]));
        // Pages that no longer exist: removed lessons, list pages that are no longer needed.
        let now: BTreeSet<String> = all.iter().map(|p| p.file(site)).collect();
        for gone in before.pages.difference(&now) {
            if self.files.remove(gone).is_some() {
                removed.push(gone.clone());
            }
        }
        self.links = links;
        self.kept.lessons_json = lessons_json;
        let rebuilt = self.render_pages(pages.into_iter().collect())?;
        // Files derived from the whole site are all written again; those no longer written (a
        // term lost its last lesson) go.
        replace_group(&mut self.files, &mut self.machine_files, machine, removed);
        self.search(patched, removed);
        (self.synced, self.needs_full) = (true, false);
        Ok(rebuilt)
    }

    /// Renders `pages` of the current site into `files`; returns their paths.
    fn render_pages(&mut self, pages: Vec<Page>) -> Result<Vec<String>, Vec<Diagnostic>> {
        let (site, links) = (&self.site, &self.links);
        self.theme.set_globals(site, links);
        let data = PageData::new(site, links, &self.theme.strings, &self.kept.views, site::link_mode(site));
        let sink = Collect::default();
        stage("render + write pages", || render::render_pages(&self.theme, &data, &pages, &sink))?;
        let mut rebuilt = Vec::new();
        for OutFile { path, bytes } in sink.into_files() {
            rebuilt.push(path.clone());
            self.files.insert(path, bytes);
        }
        Ok(rebuilt)
    }

    /// The search files of the current site, written into `files` (those no longer written
    /// are removed): after in-place lesson edits (`edited`: index and previous version) an
    /// incremental update of the kept index, else the index built again.
    fn search(&mut self, edited: Option<&[(usize, Lesson)]>, removed: &mut Vec<String>) {
        // A newer index replaces whatever export an earlier rebuild was still making.
        drop(self.pending_export.take());
        let (site, strings) = (&self.site, &self.theme.strings);
        let update = edited.zip(self.kept.search.as_mut()).and_then(|(e, live)| {
            let e: Vec<(usize, &Lesson)> = e.iter().map(|(i, l)| (*i, l)).collect();
            stage("search index (update)", || live.update(site, strings, &e))
        });
        if let Some(mut u) = update {
            if let Some(input) = u.export.take() {
                self.pending_export = Some(std::thread::spawn(move || input.files()));
            }
            stage("write search files", || {
                for p in u.removed {
                    self.search_files.remove(&p);
                    if self.files.remove(&p).is_some() {
                        removed.push(p);
                    }
                }
                for f in u.files {
                    self.search_files.insert(f.path.clone());
                    self.files.insert(f.path, f.bytes);
                }
            });
            return;
        }
        let (live, files, _) = stage("search index", || crate::search::live::Live::build(site, strings, true));
        self.kept.search = live;
        stage("write search files", || replace_group(&mut self.files, &mut self.search_files, files, removed));
    }
}

/// Puts `new` in `files` as the whole of a group of derived files (`group`: the machine files or
/// the search files): the group's files that `new` no longer has are removed and listed.
fn replace_group(
    files: &mut BTreeMap<String, Vec<u8>>,
    group: &mut BTreeSet<String>,
    new: Vec<OutFile>,
    removed: &mut Vec<String>,
) {
    let now: BTreeSet<String> = new.iter().map(|f| f.path.clone()).collect();
    for gone in group.difference(&now) {
        if files.remove(gone).is_some() {
            removed.push(gone.clone());
        }
    }
    *group = now;
    for f in new {
        files.insert(f.path, f.bytes);
    }
}
