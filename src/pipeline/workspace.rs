//! The preview server's workspace: keeps the last good site, its links, views, what each page
//! read (`Graph`) and every output file in memory, and after a change re-reads the changed files
//! and re-makes what they reach:
//!
//! - lessons: the site is patched in place (an edit that keeps its file) or assembled again; the
//!   links are built again only when a lesson's terms, initiative, date or kind changed; the
//!   outputs (pages, feeds, sitemap, JSON export, comparison scripts, …) whose recorded reads
//!   changed are made again (`render.rs`);
//! - initiatives, the site's own pages, templates and config: everything; a static file alone.
//!
//! The result is byte for byte what a full build gives (tests/serve.rs).

mod render;

use super::Kept;
use crate::config::Config;
use crate::content::load::{self, Loaded, Section, SourceFile};
use crate::content::model::{InfoPage, Initiative, Lesson, Site};
use crate::content::validate;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::Links;
use crate::render::{Theme, templates};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One loaded content file (or the problems that kept it from loading).
#[derive(Clone)]
enum Entry {
    Initiative(Box<Initiative>),
    Lesson(Box<Lesson>),
    Page(Box<InfoPage>),
    Failed(Vec<Diagnostic>),
}

/// What a rebuild did, for the console and the tests.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Pages re-rendered (output paths), files removed, whether everything was re-rendered.
    Rebuilt {
        pages: Vec<String>,
        removed: Vec<String>,
        full: bool,
        millis: u128,
    },
    /// The content has problems; the last good build stays.
    Failed(Diagnostics),
    Unchanged,
}

pub struct Workspace {
    pub root: PathBuf,
    /// Command-line overrides kept for full reloads: portable, base_url.
    overrides: (bool, Option<String>),
    config: Config,
    theme: Theme,
    entries: BTreeMap<String, Entry>,
    discovery: Vec<Diagnostic>,
    /// The last good site, its links, views and JSON export entries, and every output file.
    pub site: Site,
    links: Links,
    kept: Kept,
    pub files: BTreeMap<String, Vec<u8>>,
    /// What each page read, for the next rebuild; the page of each page file.
    graph: crate::pipeline::Graph,
    made_at: HashMap<String, render::Made>,
    /// Every output the graph made again in the last rebuild (pages, feeds, sitemap, …).
    made: Vec<String>,
    /// The search files (still kept by hand: `search::live`).
    search_files: BTreeSet<String>,
    /// The elasticlunr export being made on another thread after the last rebuild (see `settle`).
    pending_export: Option<std::thread::JoinHandle<Vec<crate::output::OutFile>>>,
    /// Current problems (empty when the last rebuild succeeded).
    pub errors: Diagnostics,
    /// `entries` are what `site` was made of, and `files` what it renders to (false after a
    /// failed rebuild: the next one compares with the last good site, not with `entries`).
    synced: bool,
    /// A rebuild failed after changing `site`: the next content change renders everything.
    needs_full: bool,
}

/// What re-reading the changed content files found.
struct Reloaded {
    initiative_changed: bool,
    /// Slugs of the lessons that changed (old and new slugs).
    changed: BTreeSet<String>,
    /// Files added or removed (content files, not counting edits).
    files_changed: bool,
    /// Root-relative paths of the existing files that were read again.
    edited: Vec<String>,
}

/// The content file at root-relative `rel`, its section read from its first folder.
fn source_file(root: &Path, rel: &str) -> SourceFile {
    let section = Section::of(rel).unwrap_or(Section::Lessons);
    SourceFile { section, path: root.join(rel), rel: rel.to_string() }
}

fn load_entry(config: &Config, src: &SourceFile) -> Entry {
    match load::load_file(config, src) {
        (Loaded::Initiative(i), d) if d.is_empty() => Entry::Initiative(i),
        (Loaded::Lesson(l), d) if d.is_empty() => Entry::Lesson(l),
        (Loaded::Page(p), d) if d.is_empty() => Entry::Page(p),
        (_, d) => Entry::Failed(d),
    }
}

impl Workspace {
    /// Waits for the elasticlunr export that the last rebuild left to another thread, and puts
    /// it in `files`. The preview server calls this right after announcing a rebuild; until
    /// then the export is one edit behind (the search page never loads it).
    pub fn settle(&mut self) {
        if let Some(job) = self.pending_export.take()
            && let Ok(files) = job.join()
        {
            for f in files {
                self.search_files.insert(f.path.clone());
                self.files.insert(f.path, f.bytes);
            }
        }
    }

    /// The outputs of the graph (pages, feeds, sitemap, comparison scripts, …) that the last
    /// rebuild made again because what they read changed (empty after a full one).
    pub fn remade(&self) -> &[String] {
        &self.made
    }

    /// A full build into memory; fails like `leernet build` would.
    pub fn open(root: &Path, portable: bool, base_url: Option<&str>) -> Result<Workspace, Diagnostics> {
        let mut config = Config::load(root)?;
        config.portable |= portable;
        if let Some(b) = base_url {
            config.base_url = b.trim_end_matches('/').to_string();
        }
        let mut theme = Theme::load(root, &config)?;
        theme.track = true;
        let (files, discovery) = load::discover(root);
        let entries = files.iter().map(|f| (f.rel.clone(), load_entry(&config, f))).collect();
        let empty = Site {
            root: root.to_path_buf(),
            config: config.clone(),
            initiatives: vec![],
            lessons: vec![],
            pages: vec![],
        };
        let links = Links::build(&empty);
        let kept = Kept {
            views: crate::render::views::Views::build(&empty, &links, &theme.strings),
            lessons_json: crate::render::api::LessonsJson::default(),
            search_files: vec![],
            search: None,
            reads: vec![],
        };
        let mut ws = Workspace {
            root: root.to_path_buf(),
            overrides: (portable, base_url.map(str::to_string)),
            site: empty,
            links,
            kept,
            config,
            theme,
            entries,
            discovery,
            files: BTreeMap::new(),
            graph: Default::default(),
            made_at: HashMap::new(),
            made: Vec::new(),
            search_files: BTreeSet::new(),
            pending_export: None,
            errors: Diagnostics::default(),
            synced: false,
            needs_full: false,
        };
        let site = ws.assemble()?;
        ws.render_full(site)?;
        Ok(ws)
    }

    /// The site made of the current entries, or every problem.
    fn assemble(&self) -> Result<Site, Diagnostics> {
        let mut diags: Vec<Diagnostic> = self.discovery.clone();
        let (mut initiatives, mut lessons, mut pages) = (Vec::new(), Vec::new(), Vec::new());
        for e in self.entries.values() {
            match e {
                Entry::Initiative(i) => initiatives.push((**i).clone()),
                Entry::Lesson(l) => lessons.push((**l).clone()),
                Entry::Page(p) => pages.push((**p).clone()),
                Entry::Failed(d) => diags.extend(d.iter().cloned()),
            }
        }
        let sources: Vec<String> = self.entries.keys().cloned().collect();
        diags.extend(validate::validate(&initiatives, &lessons, &pages, &[], &sources));
        // Two files with one slug where one of them failed to load: reported now, as `check` does.
        let files: Vec<SourceFile> = sources.iter().map(|r| source_file(&self.root, r)).collect();
        let loaded: HashSet<&str> =
            self.entries.iter().filter(|(_, e)| !matches!(e, Entry::Failed(_))).map(|(r, _)| r.as_str()).collect();
        diags.extend(validate::duplicate_slugs_of_failed(&files, &loaded));
        if !diags.is_empty() {
            return Err(Diagnostics(diags).sorted());
        }
        initiatives.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
        lessons.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
        pages.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
        Ok(Site { root: self.root.clone(), config: self.config.clone(), initiatives, lessons, pages })
    }

    /// Applies changed paths (absolute or root-relative) and rebuilds what depends on them.
    pub fn apply(&mut self, changed: &[PathBuf]) -> Outcome {
        let started = Instant::now();
        let rels: BTreeSet<String> = changed
            .iter()
            .filter_map(|p| {
                let r = p.strip_prefix(&self.root).unwrap_or(p);
                r.to_str().map(|s| s.replace('\\', "/"))
            })
            .filter(|r| !r.split('/').any(|seg| seg.starts_with('.') && seg.len() > 1))
            .collect();
        let touches = |prefix: &str| rels.iter().any(|r| r == prefix.trim_end_matches('/') || r.starts_with(prefix));
        let (config_changed, templates_changed) = (touches("config.toml"), touches("templates/"));
        let (static_changed, content_changed) =
            (touches("static/"), Section::ALL.iter().any(|s| touches(&format!("{}/", s.dir()))));
        if !(config_changed || templates_changed || static_changed || content_changed) {
            return Outcome::Unchanged;
        }
        if config_changed || templates_changed {
            return self.reload_everything(started);
        }
        let mut pages = Vec::new();
        let mut removed = Vec::new();
        let mut full = false;
        if content_changed {
            let reloaded = crate::timing::stage("reload", || self.reload_content(&rels));
            let result = if reloaded.initiative_changed || self.needs_full {
                full = true;
                self.assemble().and_then(|site| {
                    let before: BTreeSet<String> = self.files.keys().cloned().collect();
                    let p = self.render_full(site)?;
                    removed = before.into_iter().filter(|f| !self.files.contains_key(f)).collect();
                    Ok(p)
                })
            } else {
                self.rebuild_lessons(&reloaded, &mut removed)
            };
            match result {
                Ok(p) => pages = p,
                Err(d) => {
                    self.synced = false;
                    self.errors = d.clone();
                    return Outcome::Failed(d);
                }
            }
        }
        if static_changed && !full {
            match templates::merged_files(&templates::BUILTIN_STATIC, &self.root.join("static")) {
                Ok(statics) => {
                    for old in self.theme.statics.keys() {
                        if !statics.contains_key(old) {
                            self.files.remove(old);
                            removed.push(old.clone());
                        }
                    }
                    for (p, b) in &statics {
                        if self.files.get(p) != Some(b) {
                            self.files.insert(p.clone(), b.clone());
                            pages.push(p.clone());
                        }
                    }
                    self.theme.statics = statics;
                }
                Err(d) => {
                    self.errors = d.clone().into();
                    return Outcome::Failed(d.into());
                }
            }
        }
        self.errors = Diagnostics::default();
        Outcome::Rebuilt { pages, removed, full, millis: started.elapsed().as_millis() }
    }

    fn reload_everything(&mut self, started: Instant) -> Outcome {
        let (portable, base_url) = self.overrides.clone();
        match Workspace::open(&self.root, portable, base_url.as_deref()) {
            Ok(ws) => {
                let removed = self.files.keys().filter(|f| !ws.files.contains_key(*f)).cloned().collect();
                *self = ws;
                let pages = self.files.keys().filter(|p| p.ends_with(".html")).cloned().collect();
                Outcome::Rebuilt { pages, removed, full: true, millis: started.elapsed().as_millis() }
            }
            Err(d) => {
                self.errors = d.clone();
                Outcome::Failed(d)
            }
        }
    }

    /// Re-reads the changed content files into `entries`. The content folders are walked again
    /// unless every change is to a known, still plain, file.
    fn reload_content(&mut self, rels: &BTreeSet<String>) -> Reloaded {
        let content: Vec<&String> = rels.iter().filter(|r| Section::of(r).is_some()).collect();
        let known_files = content.iter().all(|r| {
            self.entries.contains_key(*r)
                && std::fs::symlink_metadata(self.root.join(r)).is_ok_and(|m| m.file_type().is_file())
        });
        let mut out =
            Reloaded { initiative_changed: false, changed: BTreeSet::new(), files_changed: false, edited: vec![] };
        let note = |e: &Entry, out: &mut Reloaded| match e {
            // A page is in every footer: like an initiative, it changes every page.
            Entry::Initiative(_) | Entry::Page(_) => out.initiative_changed = true,
            Entry::Lesson(l) => {
                out.changed.insert(l.meta.slug.clone());
            }
            Entry::Failed(_) => {}
        };
        let files: Vec<SourceFile> = if known_files {
            content.iter().map(|r| source_file(&self.root, r)).collect()
        } else {
            let (files, discovery) = load::discover(&self.root);
            self.discovery = discovery;
            let present: HashMap<&str, &SourceFile> = files.iter().map(|f| (f.rel.as_str(), f)).collect();
            // Removed files (also those a folder rename took away).
            let gone: Vec<String> =
                self.entries.keys().filter(|k| !present.contains_key(k.as_str())).cloned().collect();
            for rel in gone {
                if let Some(e) = self.entries.remove(&rel) {
                    out.files_changed = true;
                    note(&e, &mut out);
                }
            }
            files
        };
        for f in &files {
            let is_new = !self.entries.contains_key(&f.rel);
            let touched = rels.iter().any(|r| f.rel == *r || f.rel.starts_with(&format!("{r}/")));
            if is_new || touched {
                if let Some(old) = self.entries.get(&f.rel) {
                    note(old, &mut out);
                    out.edited.push(f.rel.clone());
                } else {
                    out.files_changed = true;
                }
                let e = load_entry(&self.config, f);
                note(&e, &mut out);
                if f.section != Section::Lessons {
                    out.initiative_changed = true;
                }
                self.entries.insert(f.rel.clone(), e);
            }
        }
        out
    }

    /// Rebuilds after lesson changes: patches the site in place when every change is an edit of
    /// a lesson that keeps its file, else assembles the site again.
    fn rebuild_lessons(&mut self, r: &Reloaded, removed: &mut Vec<String>) -> Result<Vec<String>, Diagnostics> {
        if let Some(patched) = crate::timing::stage("patch", || self.patch(r)) {
            let patched = patched?;
            let same_links = patched.iter().all(|(li, old)| {
                let new = &self.site.lessons[*li];
                new.meta.terms == old.meta.terms
                    && new.initiative == old.initiative
                    && new.added == old.added
                    && new.kind == old.kind
            });
            if same_links {
                return self.render_edit(&patched, removed);
            }
            let changed = patched.iter().map(|(_, l)| l.meta.slug.clone()).collect();
            return self.render_changed(changed, Some(&patched), removed);
        }
        self.site = crate::timing::stage("assemble", || self.assemble())?;
        self.render_changed(r.changed.clone(), None, removed)
    }

    /// Replaces the edited lessons in the site, when that is all that changed, and checks them.
    /// Returns the lessons replaced (index and old lesson), the problems (the site is then put
    /// back), or `None` when the site has to be assembled again.
    #[allow(clippy::type_complexity)]
    fn patch(&mut self, r: &Reloaded) -> Option<Result<Vec<(usize, Lesson)>, Diagnostics>> {
        if !self.synced || r.files_changed || r.initiative_changed || !self.discovery.is_empty() {
            return None;
        }
        let mut at = Vec::new();
        for rel in &r.edited {
            let Some(Entry::Lesson(new)) = self.entries.get(rel) else { return None };
            let li = self.site.lessons.binary_search_by(|l| l.meta.slug.cmp(&new.meta.slug)).ok()?;
            if self.site.lessons[li].meta.source != *rel {
                return None;
            }
            at.push(li);
        }
        let mut old = Vec::new();
        for (rel, &li) in r.edited.iter().zip(&at) {
            if let Some(Entry::Lesson(new)) = self.entries.get(rel) {
                old.push((li, std::mem::replace(&mut self.site.lessons[li], (**new).clone())));
            }
        }
        // Heading ids are what links elsewhere point at: if they changed, check everything.
        let anchors_kept = old.iter().all(|(li, o)| self.site.lessons[*li].meta.body.anchors == o.meta.body.anchors);
        let diags = if anchors_kept {
            validate::validate_changed(&self.site.initiatives, &self.site.lessons, &self.site.pages, &at)
        } else {
            let sources: Vec<String> = self.entries.keys().cloned().collect();
            validate::validate(&self.site.initiatives, &self.site.lessons, &self.site.pages, &[], &sources)
        };
        if diags.is_empty() {
            return Some(Ok(old));
        }
        for (li, l) in old {
            self.site.lessons[li] = l;
        }
        Some(Err(Diagnostics(diags).sorted()))
    }
}
