//! The workspace's rendering: everything (the first build, and after a change to an
//! initiative, a site page, templates or config), or the outputs a lesson change reaches.
//! Which outputs those are is not decided here: every page's, feed's, machine file's
//! (`pipeline::Machine`) and JSON entry's reads were recorded when it was made
//! (`pipeline::Graph`), and those whose reads changed are made again. Only the search files
//! are still updated by a step of their own (`search`).

use super::Workspace;
use crate::content::model::{Lesson, Site};
use crate::deps::Dep;
use crate::diagnostics::Diagnostics;
use crate::link::Links;
use crate::output::{Collect, OutFile};
use crate::pipeline;
use crate::pipeline::{Changes, Machine, Model};
use crate::render::pages::{Page, PageData};
use crate::render::{self, api, feeds::Feed, views::Views};
use crate::timing::stage;
use std::collections::{BTreeMap, BTreeSet};

/// What the workspace makes through the graph: a page, a feed or an output for machines.
#[derive(Debug, Clone, Copy)]
pub(super) enum Made {
    Page(Page),
    Feed(Feed),
    Machine(Machine),
    /// The entry of the lesson at this index in `api/lessons.json`.
    Entry(usize),
}

impl Workspace {
    /// Renders everything of `site`.
    pub(super) fn render_full(&mut self, site: Site) -> Result<Vec<String>, Diagnostics> {
        // This build writes the export itself: one an earlier rebuild was making is out of date.
        drop(self.pending_export.take());
        let links = Links::build(&site);
        let (files, _, mut kept) = pipeline::render_parts(&site, &links, &mut self.theme)?;
        self.made_at = made_at(&site, &links);
        self.search_files = kept.search_files.iter().cloned().collect();
        self.files = files.into_iter().map(|f| (f.path, f.bytes)).collect();
        self.graph = Default::default();
        self.made.clear();
        let model = Model { site: &site, links: &links, views: &kept.views, globals: &self.theme.global_fingerprints };
        self.graph.record(std::mem::take(&mut kept.reads), &model);
        (self.site, self.links, self.kept) = (site, links, kept);
        self.errors = Diagnostics::default();
        (self.synced, self.needs_full) = (true, false);
        Ok(self.files.keys().filter(|p| p.ends_with(".html")).cloned().collect())
    }

    /// Renders what the edits `patched` (index, old lesson) change when the site was patched in
    /// place and the links stay as they are.
    pub(super) fn render_edit(
        &mut self,
        patched: &[(usize, Lesson)],
        removed: &mut Vec<String>,
    ) -> Result<Vec<String>, Diagnostics> {
        if patched.is_empty() {
            return Ok(vec![]);
        }
        // Until this succeeds, the site is ahead of the files.
        self.needs_full = true;
        stage("views", || {
            for &(li, _) in patched {
                self.kept.views.update_lesson(&self.site, &self.theme.strings, li);
            }
        });
        let slugs = patched.iter().map(|&(li, _)| self.site.lessons[li].meta.slug.clone());
        let changes =
            Changes { inputs: slugs.clone().map(Dep::Lesson).collect(), cards: slugs.collect(), ..Changes::default() };
        let todo = self.dirty_outputs(&changes);
        let rebuilt = self.make(todo)?;
        self.search(Some(patched), removed);
        (self.synced, self.needs_full) = (true, false);
        Ok(rebuilt)
    }

    /// Renders what lesson changes affect when the links change: `self.site` is the new site,
    /// `self.links` the old links, `changed` the slugs of the lessons changed (old and new).
    pub(super) fn render_changed(
        &mut self,
        changed: BTreeSet<String>,
        patched: Option<&[(usize, Lesson)]>,
        removed: &mut Vec<String>,
    ) -> Result<Vec<String>, Diagnostics> {
        self.needs_full = true;
        let site = &self.site;
        self.links = stage("link", || Links::build(site));
        self.kept.views = stage("views", || Views::build(site, &self.links, &self.theme.strings));
        self.made_at = stage("outputs", || made_at(site, &self.links));
        // Pages and feeds that no longer exist: removed lessons, list pages that are no longer
        // needed, the feed of a term without lessons.
        let gone: Vec<String> =
            self.files.keys().filter(|f| self.graph.knows(f) && !self.made_at.contains_key(*f)).cloned().collect();
        if !gone.is_empty() {
            for f in gone {
                self.graph.forget(&f);
                self.files.remove(&f);
                removed.push(f);
            }
        }
        // The entries of lessons that no longer exist.
        let made_at = &self.made_at;
        let entries = &mut self.kept.lessons_json.parts;
        let gone: Vec<String> = entries.keys().filter(|s| !made_at.contains_key(&api::part_key(s))).cloned().collect();
        for slug in &gone {
            entries.remove(slug);
            self.graph.forget(&api::part_key(slug));
        }
        stage("prune", || self.graph.prune());
        let changes = Changes {
            inputs: changed.iter().cloned().map(Dep::Lesson).collect(),
            links: true,
            cards: changed.iter().cloned().collect(),
            files: patched.is_none(),
        };
        let todo = self.dirty_outputs(&changes);
        let rebuilt = self.make(todo)?;
        if !gone.is_empty() {
            self.files.insert(api::LESSONS.into(), self.kept.lessons_json.assemble());
        }
        self.search(patched, removed);
        (self.synced, self.needs_full) = (true, false);
        Ok(rebuilt)
    }

    /// The pages and feeds of the current site to make again after `changes`: those whose
    /// recorded reads changed, and those not made before.
    fn dirty_outputs(&mut self, changes: &Changes) -> Vec<Made> {
        stage("globals", || self.theme.set_globals(&self.site, &self.links));
        let model = Model {
            site: &self.site,
            links: &self.links,
            views: &self.kept.views,
            globals: &self.theme.global_fingerprints,
        };
        let dirty = stage("dirty", || self.graph.dirty(&model, changes));
        let affected = self.graph.affected(&dirty);
        let mut todo: Vec<(&String, Made)> =
            affected.iter().filter_map(|f| self.made_at.get_key_value(*f)).map(|(f, m)| (f, *m)).collect();
        // Outputs not made before (only when the set of outputs changed: after new links).
        if changes.links {
            todo.extend(self.made_at.iter().filter(|(f, _)| !self.graph.knows(f)).map(|(f, m)| (f, *m)));
        }
        todo.sort_by_key(|(f, _)| *f);
        todo.into_iter().map(|(_, m)| m).collect()
    }

    /// Makes `todo` of the current site into `files`, recording what each read; returns the
    /// paths of the pages made (all outputs made are in `self.made`).
    fn make(&mut self, todo: Vec<Made>) -> Result<Vec<String>, Diagnostics> {
        let (mut pages, mut feeds, mut machine, mut entries) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for m in todo {
            match m {
                Made::Page(p) => pages.push(p),
                Made::Feed(f) => feeds.push(f),
                // `admin/` is two files made together.
                Made::Machine(m) if !machine.contains(&m) => machine.push(m),
                Made::Machine(_) => {}
                Made::Entry(li) => entries.push(li),
            }
        }
        self.make_entries(&entries);
        let (site, links) = (&self.site, &self.links);
        let t = &self.theme.strings;
        let data = PageData::new(site, links, t, &self.kept.views, pipeline::link_mode(site));
        let sink = Collect::default();
        let reads = stage("render + write pages", || render::render_pages(&self.theme, &data, &pages, &sink, true))?;
        let model = Model { site, links, views: &self.kept.views, globals: &self.theme.global_fingerprints };
        self.graph.record(reads, &model);
        let page_files = sink.into_files();
        let rebuilt: Vec<String> = page_files.iter().map(|f| f.path.clone()).collect();
        let sink = Collect::default();
        let mut reads = stage("feeds", || pipeline::feeds_into(site, links, t, &feeds, &sink, true))?;
        // The sitemap lists every page.
        let all = match machine.contains(&Machine::Sitemap) {
            true => Page::all(site, links),
            false => vec![],
        };
        reads.extend(stage("machine", || pipeline::machine_into(site, links, t, &machine, &all, &sink, true))?);
        self.graph.record(reads, &model);
        let other = sink.into_files();
        self.made = rebuilt.iter().chain(other.iter().map(|f| &f.path)).cloned().collect();
        if !entries.is_empty() {
            self.made.push(api::LESSONS.into());
        }
        for OutFile { path, bytes } in page_files.into_iter().chain(other) {
            self.files.insert(path, bytes);
        }
        Ok(rebuilt)
    }

    /// Makes the entries of `api/lessons.json` of the lessons `todo` again, recording what
    /// each read, and puts the file together again.
    fn make_entries(&mut self, todo: &[usize]) {
        use rayon::prelude::*;
        if todo.is_empty() {
            return;
        }
        let (site, links) = (&self.site, &self.links);
        let made: Vec<(String, Vec<u8>, Vec<Dep>)> = stage("api entries", || {
            (todo.par_iter())
                .map(|&li| {
                    let (bytes, read) = crate::deps::recording(true, || api::lesson_entry(site, links, li));
                    (site.lessons[li].meta.slug.clone(), bytes, read)
                })
                .collect()
        });
        let model = Model { site, links, views: &self.kept.views, globals: &self.theme.global_fingerprints };
        let mut reads = Vec::with_capacity(made.len());
        for (slug, bytes, read) in made {
            reads.push((api::part_key(&slug), read));
            self.kept.lessons_json.parts.insert(slug, bytes);
        }
        self.graph.record(reads, &model);
        let file = stage("api assemble", || self.kept.lessons_json.assemble());
        self.files.insert(api::LESSONS.into(), file);
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

/// Puts `new` in `files` as the whole of a group of derived files (`group`: the search files):
/// the group's files that `new` no longer has are removed and listed.
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

/// Every page, feed and output for machines of `site` by output file.
fn made_at(site: &Site, links: &Links) -> std::collections::HashMap<String, Made> {
    let pages = Page::all(site, links).into_iter().map(|p| (p.file(site), Made::Page(p)));
    let feeds = Feed::all(site, links).into_iter().map(|f| (f.path(links), Made::Feed(f)));
    let machine =
        Machine::all(site).into_iter().flat_map(|m| m.paths(site).into_iter().map(move |p| (p, Made::Machine(m))));
    let entries = site.lessons.iter().enumerate().map(|(li, l)| (api::part_key(&l.meta.slug), Made::Entry(li)));
    pages.chain(feeds).chain(machine).chain(entries).collect()
}
