//! The workspace's rendering: everything (the first build, and after a change to an
//! initiative, a site page, templates or config), or the outputs a change reaches. Which
//! outputs those are is not decided here: every page's, feed's, machine file's
//! (`pipeline::Machine`), JSON entry's and search file's (`search::parts`) reads were recorded
//! when it was made (`pipeline::Graph`), and those whose reads changed are made again.

use super::Workspace;
use crate::content::model::Site;
use crate::deps::Dep;
use crate::diagnostics::Diagnostics;
use crate::link::Links;
use crate::output::{Collect, OutFile};
use crate::pipeline;
use crate::pipeline::{Changes, Machine, Model};
use crate::render::pages::{Page, PageData};
use crate::render::{self, api, feeds::Feed};
use crate::search::parts::Part;
use crate::timing::stage;
use rayon::prelude::*;
use std::collections::HashMap;

/// What the workspace makes through the graph: a page, a feed or an output for machines.
#[derive(Debug, Clone, Copy)]
pub(super) enum Made {
    Page(Page),
    Feed(Feed),
    Machine(Machine),
    /// The entry of the lesson at this index in `api/lessons.json`.
    Entry(usize),
    /// A search file (or the export's two files).
    Search(Part),
}

impl Workspace {
    /// The model as the graph's fingerprints see it.
    fn model(&self) -> Model<'_> {
        Model {
            site: &self.site,
            links: &self.links,
            views: &self.kept.views,
            globals: &self.theme.global_fingerprints,
            search: &self.search_fps,
        }
    }

    /// Keeps what outputs read, for the next rebuild.
    fn record(&mut self, reads: Vec<render::PageReads>) {
        let mut graph = std::mem::take(&mut self.graph);
        graph.record(reads, &self.model());
        self.graph = graph;
    }

    /// Renders everything of `site`.
    pub(super) fn render_full(&mut self, site: Site) -> Result<Vec<String>, Diagnostics> {
        // This build writes the export itself: one an earlier rebuild was making is out of date.
        drop(self.pending_export.take());
        let links = Links::build(&site);
        let (files, _, mut kept) = pipeline::render_parts(&site, &links, &mut self.theme)?;
        self.made_at = made_at(&site, &links);
        self.files = files.into_iter().map(|f| (f.path, f.bytes)).collect();
        self.graph = Default::default();
        self.made.clear();
        let reads = std::mem::take(&mut kept.reads);
        (self.site, self.links, self.kept) = (site, links, kept);
        self.search_at = search_outputs(self.search_parts());
        self.record(reads);
        self.errors = Diagnostics::default();
        self.stale = false;
        Ok(self.files.keys().filter(|p| p.ends_with(".html")).cloned().collect())
    }

    /// Makes again the outputs whose reads `changes` altered, after the model was brought up to
    /// date (`content.rs`); with `outputs_changed` (new links or files) the set of pages, feeds
    /// and entries is taken again too. Outputs no longer made are removed (`removed`), new ones
    /// made; `search` are the parts of the search index now. Returns the pages made.
    pub(super) fn render(
        &mut self,
        changes: &Changes,
        outputs_changed: bool,
        search: Vec<(Part, Vec<String>)>,
        removed: &mut Vec<String>,
    ) -> Result<Vec<String>, Diagnostics> {
        let (gone, new) = stage("outputs", || self.refresh_outputs(outputs_changed, search));
        let entries_gone = gone.iter().any(|(_, m)| matches!(m, Made::Entry(_)));
        let prune = !gone.is_empty();
        for (key, made) in gone {
            self.graph.forget(&key);
            if let Made::Entry(_) = made {
                self.kept.lessons_json.parts.remove(api::slug_of_part(&key));
            } else if self.files.remove(&key).is_some() {
                removed.push(key);
            }
        }
        if prune {
            stage("prune", || self.graph.prune());
        }
        if entries_gone {
            // Without the removed lessons' entries, before the changed ones are put in.
            self.files.insert(api::LESSONS.into(), self.kept.lessons_json.assemble());
        }
        let todo = self.dirty_outputs(changes, new);
        self.make(todo)
    }

    /// Takes again which outputs there are: the search files (of `search`), and with `all` the
    /// others too. Returns those no longer made and the new ones.
    #[allow(clippy::type_complexity)]
    fn refresh_outputs(
        &mut self,
        all: bool,
        search: Vec<(Part, Vec<String>)>,
    ) -> (Vec<(String, Made)>, Vec<(String, Made)>) {
        let (mut gone, mut new) = (Vec::new(), Vec::new());
        if all {
            let now = made_at(&self.site, &self.links);
            compare(&self.made_at, &now, &mut gone, &mut new);
            self.made_at = now;
        }
        let now = search_outputs(search);
        compare(&self.search_at, &now, &mut gone, &mut new);
        self.search_at = now;
        (gone, new)
    }

    /// The outputs of the current site to make again after `changes`: those whose recorded
    /// reads changed, and the `new` ones.
    fn dirty_outputs(&mut self, changes: &Changes, new: Vec<(String, Made)>) -> Vec<(String, Made)> {
        stage("globals", || self.theme.set_globals(&self.site, &self.links));
        let mut graph = std::mem::take(&mut self.graph);
        let dirty = stage("dirty", || graph.dirty(&self.model(), changes));
        self.graph = graph;
        let affected = self.graph.affected(&dirty);
        let mut todo: Vec<(String, Made)> = (affected.iter())
            .filter_map(|f| self.made_at.get_key_value(*f).or_else(|| self.search_at.get_key_value(*f)))
            .map(|(f, m)| (f.clone(), *m))
            .chain(new)
            .collect();
        todo.sort_by(|a, b| a.0.cmp(&b.0));
        todo.dedup_by(|a, b| a.0 == b.0);
        todo
    }

    /// Makes `todo` of the current site into `files`, recording what each read; returns the
    /// paths of the pages made (all outputs made are in `self.made`).
    fn make(&mut self, todo: Vec<(String, Made)>) -> Result<Vec<String>, Diagnostics> {
        let (mut pages, mut feeds, mut machine, mut entries) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut search = Vec::new();
        for (path, m) in todo {
            match m {
                Made::Page(p) => pages.push(p),
                Made::Feed(f) => feeds.push(f),
                // `admin/` is two files made together.
                Made::Machine(m) if !machine.contains(&m) => machine.push(m),
                Made::Machine(_) => {}
                Made::Entry(li) => entries.push(li),
                Made::Search(part) => search.push((path, part)),
            }
        }
        self.make_entries(&entries);
        let search_files = stage("search files", || self.make_search(&search));
        let (site, links, t) = (&self.site, &self.links, &self.theme.strings);
        let data = PageData::new(site, links, t, &self.kept.views, pipeline::link_mode(site));
        let sink = Collect::default();
        let mut reads =
            stage("render + write pages", || render::render_pages(&self.theme, &data, &pages, &sink, true))?;
        let page_files = sink.into_files();
        let rebuilt: Vec<String> = page_files.iter().map(|f| f.path.clone()).collect();
        let sink = Collect::default();
        reads.extend(stage("feeds", || pipeline::feeds_into(site, links, t, &feeds, &sink, true))?);
        // The sitemap lists every page.
        let all = match machine.contains(&Machine::Sitemap) {
            true => Page::all(site, links),
            false => vec![],
        };
        reads.extend(stage("machine", || pipeline::machine_into(site, links, t, &machine, &all, &sink, true))?);
        // Each search file reads its part of the index.
        reads.extend(search.into_iter().map(|(path, _)| (path.clone(), vec![Dep::Search(path)])));
        self.record(reads);
        let mut other = sink.into_files();
        other.extend(search_files);
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
    /// each read, and puts them in the file.
    fn make_entries(&mut self, todo: &[usize]) {
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
        let mut reads = Vec::with_capacity(made.len());
        let mut entries = Vec::with_capacity(made.len());
        for (slug, bytes, read) in made {
            reads.push((api::part_key(&slug), read));
            entries.push((slug, bytes));
        }
        self.record(reads);
        let file = self.files.entry(api::LESSONS.into()).or_default();
        stage("api splice", || self.kept.lessons_json.replace(file, entries));
    }

    /// The parts of the kept search index (`search::Live::parts`), their fingerprints taken
    /// again for the graph.
    pub(super) fn search_parts(&mut self) -> Vec<(Part, Vec<String>)> {
        let Some(live) = &self.kept.search else { return Vec::new() };
        let parts = live.parts(&self.site);
        self.search_fps = stage("search fingerprints", || live.fingerprints(&parts, &self.site, &self.theme.strings));
        parts
    }

    /// Makes the search files of the parts `todo` (path and part). The elasticlunr export is
    /// made on another thread (see `settle`).
    fn make_search(&mut self, todo: &[(String, Part)]) -> Vec<OutFile> {
        let Some(live) = &self.kept.search else { return Vec::new() };
        let (site, t) = (&self.site, &self.theme.strings);
        let mut seen = std::collections::HashSet::new();
        let parts: Vec<Part> = todo.iter().map(|(_, p)| *p).filter(|p| seen.insert(*p)).collect();
        if parts.contains(&Part::Export) {
            let input = live.export_input(site, t);
            self.pending_export = Some(std::thread::spawn(move || input.files()));
        }
        let parts = parts.into_par_iter().filter(|p| *p != Part::Export);
        parts.flat_map_iter(|p| live.make(p, site, t)).collect()
    }
}

/// The search files of `parts` (`search::Live::parts`) by output file.
fn search_outputs(parts: Vec<(Part, Vec<String>)>) -> HashMap<String, Made> {
    parts.into_iter().flat_map(|(part, paths)| paths.into_iter().map(move |p| (p, Made::Search(part)))).collect()
}

/// The outputs in `before` but not in `now` (`gone`) and in `now` but not in `before` (`new`).
fn compare(
    before: &HashMap<String, Made>,
    now: &HashMap<String, Made>,
    gone: &mut Vec<(String, Made)>,
    new: &mut Vec<(String, Made)>,
) {
    gone.extend(before.iter().filter(|(k, _)| !now.contains_key(*k)).map(|(k, m)| (k.clone(), *m)));
    new.extend(now.iter().filter(|(k, _)| !before.contains_key(*k)).map(|(k, m)| (k.clone(), *m)));
}

/// Every page, feed and output for machines of `site` by output file.
fn made_at(site: &Site, links: &Links) -> HashMap<String, Made> {
    let pages = Page::all(site, links).into_iter().map(|p| (p.file(site), Made::Page(p)));
    let feeds = Feed::all(site, links).into_iter().map(|f| (f.path(links), Made::Feed(f)));
    let machine =
        Machine::all(site).into_iter().flat_map(|m| m.paths(site).into_iter().map(move |p| (p, Made::Machine(m))));
    let entries = site.lessons.iter().enumerate().map(|(li, l)| (api::part_key(&l.meta.slug), Made::Entry(li)));
    pages.chain(feeds).chain(machine).chain(entries).collect()
}
