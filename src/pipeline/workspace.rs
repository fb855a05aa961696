//! The preview server's workspace: keeps the last good site, its links, views, search index,
//! what each output read (`Graph`) and every output file in memory, and after a change re-reads
//! the changed files and re-makes what they reach:
//!
//! - lessons and initiatives (edited, added, removed): the model is brought up to date
//!   (`content.rs`: the site, then the links and views when what they are made of changed, the
//!   search index), and the outputs — pages, feeds, sitemap, JSON export, comparison scripts,
//!   search files — whose recorded reads changed are made again (`render.rs`);
//! - the site's own pages, templates and config: everything; a static file alone.
//!
//! The result is byte for byte what a full build gives (tests/serve.rs).

mod content;
mod render;

use super::Kept;
use crate::config::Config;
use crate::content::load::{self, Loaded, Section, SourceFile};
use crate::content::model::{InfoPage, Initiative, Lesson, Site};
use crate::content::validate;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::Links;
use crate::render::{Theme, templates};
use crate::timing::stage;
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
    /// The last good site, its links, views, JSON export entries and search index, and every
    /// output file.
    pub site: Site,
    links: Links,
    kept: Kept,
    /// The fingerprint of each search file's part of the index (`search::Live::fingerprints`).
    search_fps: HashMap<String, u64>,
    pub files: BTreeMap<String, Vec<u8>>,
    /// What each output read, for the next rebuild; what makes each output file.
    graph: crate::pipeline::Graph,
    made_at: HashMap<String, render::Made>,
    /// What makes each search file (taken again after every change of the index).
    search_at: HashMap<String, render::Made>,
    /// Every output the graph made again in the last rebuild (pages, feeds, sitemap, …).
    made: Vec<String>,
    /// The elasticlunr export being made on another thread after the last rebuild (see `settle`).
    pending_export: Option<std::thread::JoinHandle<Vec<crate::output::OutFile>>>,
    /// Current problems (empty when the last rebuild succeeded).
    pub errors: Diagnostics,
    /// The content files read again since the last good rebuild: what `site` does not have yet.
    pending: BTreeSet<String>,
    /// A rebuild failed after it had changed the model: the next content change renders
    /// everything.
    stale: bool,
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
            search: None,
            reads: vec![],
        };
        let mut ws = Workspace {
            root: root.to_path_buf(),
            overrides: (portable, base_url.map(str::to_string)),
            site: empty,
            links,
            kept,
            search_fps: HashMap::new(),
            config,
            theme,
            entries,
            discovery,
            files: BTreeMap::new(),
            graph: Default::default(),
            made_at: HashMap::new(),
            search_at: HashMap::new(),
            made: Vec::new(),
            pending_export: None,
            errors: Diagnostics::default(),
            pending: BTreeSet::new(),
            stale: false,
        };
        let site = ws.assemble()?;
        ws.render_full(site)?;
        Ok(ws)
    }

    /// Every problem of the current entries, `site` being what they make (as `check` reports).
    fn problems(&self, site: &Site) -> Vec<Diagnostic> {
        let mut diags: Vec<Diagnostic> = self.discovery.clone();
        for e in self.entries.values() {
            if let Entry::Failed(d) = e {
                diags.extend(d.iter().cloned());
            }
        }
        let failed = diags.len() > self.discovery.len();
        let sources: Vec<String> = self.entries.keys().cloned().collect();
        diags.extend(validate::validate(&site.initiatives, &site.lessons, &site.pages, &[], &sources));
        if !failed {
            return diags;
        }
        // Two files with one slug where one of them failed to load: reported now, as `check` does.
        let files: Vec<SourceFile> = sources.iter().map(|r| source_file(&self.root, r)).collect();
        let loaded: HashSet<&str> =
            self.entries.iter().filter(|(_, e)| !matches!(e, Entry::Failed(_))).map(|(r, _)| r.as_str()).collect();
        diags.extend(validate::duplicate_slugs_of_failed(&files, &loaded));
        diags
    }

    /// The site made of the current entries, or every problem.
    fn assemble(&self) -> Result<Site, Diagnostics> {
        let (mut initiatives, mut lessons, mut pages) = (Vec::new(), Vec::new(), Vec::new());
        for e in self.entries.values() {
            match e {
                Entry::Initiative(i) => initiatives.push((**i).clone()),
                Entry::Lesson(l) => lessons.push((**l).clone()),
                Entry::Page(p) => pages.push((**p).clone()),
                Entry::Failed(_) => {}
            }
        }
        initiatives.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
        lessons.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
        pages.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
        let site = Site { root: self.root.clone(), config: self.config.clone(), initiatives, lessons, pages };
        let diags = self.problems(&site);
        if !diags.is_empty() {
            return Err(Diagnostics(diags).sorted());
        }
        Ok(site)
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
        let (mut pages, mut removed, mut full) = (Vec::new(), Vec::new(), false);
        if content_changed {
            let reread = stage("reload", || self.reload_content(&rels));
            self.pending.extend(reread);
            // A site page is in every page's footer: everything again.
            full = self.stale
                || !self.discovery.is_empty()
                || self.pending.iter().any(|r| Section::of(r) == Some(Section::Pages));
            let result = match full {
                true => self.assemble().and_then(|site| {
                    let before: BTreeSet<String> = self.files.keys().cloned().collect();
                    let p = self.render_full(site)?;
                    removed = before.into_iter().filter(|f| !self.files.contains_key(f)).collect();
                    Ok(p)
                }),
                false => self.rebuild_content(&mut removed),
            };
            match result {
                Ok(p) => (pages, self.pending) = (p, BTreeSet::new()),
                Err(d) => {
                    self.errors = d.clone();
                    return Outcome::Failed(d);
                }
            }
        }
        if static_changed
            && !full
            && let Err(d) = self.apply_static(&mut pages, &mut removed)
        {
            self.errors = d.clone().into();
            return Outcome::Failed(d.into());
        }
        self.errors = Diagnostics::default();
        Outcome::Rebuilt { pages, removed, full, millis: started.elapsed().as_millis() }
    }

    /// Puts the static files in place again (after a change in `static/`).
    fn apply_static(&mut self, pages: &mut Vec<String>, removed: &mut Vec<String>) -> Result<(), Diagnostic> {
        let statics = templates::merged_files(&templates::BUILTIN_STATIC, &self.root.join("static"))?;
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
        Ok(())
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

    /// Re-reads the changed content files into `entries`; returns the root-relative paths of
    /// the files read again, added or removed. The content folders are walked again unless
    /// every change is to a known, still plain, file.
    fn reload_content(&mut self, rels: &BTreeSet<String>) -> BTreeSet<String> {
        let content: Vec<&String> = rels.iter().filter(|r| Section::of(r).is_some()).collect();
        let known_files = content.iter().all(|r| {
            self.entries.contains_key(*r)
                && std::fs::symlink_metadata(self.root.join(r)).is_ok_and(|m| m.file_type().is_file())
        });
        let mut out = BTreeSet::new();
        let files: Vec<SourceFile> = if known_files {
            content.iter().map(|r| source_file(&self.root, r)).collect()
        } else {
            let (files, discovery) = load::discover(&self.root);
            self.discovery = discovery;
            let present: HashSet<&str> = files.iter().map(|f| f.rel.as_str()).collect();
            // Removed files (also those a folder rename took away).
            let gone: Vec<String> = self.entries.keys().filter(|k| !present.contains(k.as_str())).cloned().collect();
            for rel in gone {
                self.entries.remove(&rel);
                out.insert(rel);
            }
            files
        };
        for f in &files {
            let touched = rels.iter().any(|r| f.rel == *r || f.rel.starts_with(&format!("{r}/")));
            if touched || !self.entries.contains_key(&f.rel) {
                self.entries.insert(f.rel.clone(), load_entry(&self.config, f));
                out.insert(f.rel.clone());
            }
        }
        out
    }
}
