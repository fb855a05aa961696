//! Incremental rebuilds for the preview server. A `Workspace` keeps the last good site and its
//! rendered files in memory. A changed lesson re-renders only the pages that show it: its own
//! page, its initiative's page, the term pages and overviews it appears on, the lists (home,
//! lessons, initiatives, matrix), the lessons whose related-lesson lists change, and the search
//! index. Initiatives, templates and config re-render everything; a static file is copied alone.
//! The result is byte for byte what a full build gives (tested on a sequence of edits).

use crate::config::{Config, Taxonomy};
use crate::content::load::{self, Loaded, Section, SourceFile};
use crate::content::model::{Initiative, Lesson, Site};
use crate::content::validate;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::Links;
use crate::render::pages::Page;
use crate::render::{OutFile, Theme, templates};
use crate::site;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One loaded content file (or the problems that kept it from loading).
#[derive(Clone)]
enum Entry {
    Initiative(Box<Initiative>),
    Lesson(Box<Lesson>),
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
    Failed(Vec<Diagnostic>),
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
    /// The last good site, its links and every output file.
    pub site: Site,
    links: Links,
    pub files: BTreeMap<String, Vec<u8>>,
    /// The output files that are not pages or static files (rewritten on every rebuild).
    derived: BTreeSet<String>,
    /// Current problems (empty when the last rebuild succeeded).
    pub errors: Vec<Diagnostic>,
}

fn load_entry(config: &Config, src: &SourceFile) -> Entry {
    match load::load_file(config, src) {
        (Loaded::Initiative(i), d) if d.is_empty() => Entry::Initiative(i),
        (Loaded::Lesson(l), d) if d.is_empty() => Entry::Lesson(l),
        (_, d) => Entry::Failed(d),
    }
}

impl Workspace {
    /// A full build into memory; fails like `leernet build` would.
    pub fn open(root: &Path, portable: bool, base_url: Option<&str>) -> Result<Workspace, Vec<Diagnostic>> {
        let mut config = Config::load(root)?;
        config.portable |= portable;
        if let Some(b) = base_url {
            config.base_url = b.trim_end_matches('/').to_string();
        }
        let theme = Theme::load(root, &config.language)?;
        let (files, discovery) = load::discover(root);
        let entries = files.iter().map(|f| (f.rel.clone(), load_entry(&config, f))).collect();
        let mut ws = Workspace {
            root: root.to_path_buf(),
            overrides: (portable, base_url.map(str::to_string)),
            site: Site { root: root.to_path_buf(), config: config.clone(), initiatives: vec![], lessons: vec![] },
            links: Links::build(&Site {
                root: root.into(),
                config: config.clone(),
                initiatives: vec![],
                lessons: vec![],
            }),
            config,
            theme,
            entries,
            discovery,
            files: BTreeMap::new(),
            derived: BTreeSet::new(),
            errors: vec![],
        };
        match ws.assemble() {
            Ok(site) => {
                ws.render_full(site)?;
                Ok(ws)
            }
            Err(d) => Err(d),
        }
    }

    /// The site made of the current entries, or every problem.
    fn assemble(&self) -> Result<Site, Vec<Diagnostic>> {
        let mut diags: Vec<Diagnostic> = self.discovery.clone();
        let (mut initiatives, mut lessons) = (Vec::new(), Vec::new());
        for e in self.entries.values() {
            match e {
                Entry::Initiative(i) => initiatives.push((**i).clone()),
                Entry::Lesson(l) => lessons.push((**l).clone()),
                Entry::Failed(d) => diags.extend(d.iter().cloned()),
            }
        }
        let sources: Vec<String> = self.entries.keys().cloned().collect();
        diags.extend(validate::validate(&initiatives, &lessons, &[], &sources));
        if !diags.is_empty() {
            return Err(Diagnostics(diags).sorted());
        }
        initiatives.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
        lessons.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
        Ok(Site { root: self.root.clone(), config: self.config.clone(), initiatives, lessons })
    }

    fn render_full(&mut self, site: Site) -> Result<Vec<String>, Vec<Diagnostic>> {
        let links = Links::build(&site);
        let (files, _) = site::render_parts(&site, &links, &mut self.theme, None)?;
        let pages: BTreeSet<String> = Page::all(&site, &links).iter().map(|p| p.file(&site)).collect();
        self.derived = files
            .iter()
            .map(|f| f.path.clone())
            .filter(|p| !pages.contains(p) && !self.theme.statics.contains_key(p))
            .collect();
        self.files = files.into_iter().map(|f| (f.path, f.bytes)).collect();
        self.site = site;
        self.links = links;
        self.errors.clear();
        Ok(self.files.keys().filter(|p| p.ends_with(".html")).cloned().collect())
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
        let (static_changed, content_changed) = (touches("static/"), touches("initiatives/") || touches("lessons/"));
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
            match crate::timing::stage("reload + assemble", || self.reload_content(&rels)) {
                Err(d) => {
                    self.errors = d.clone();
                    return Outcome::Failed(d);
                }
                Ok((site, initiative_changed, changed_lessons)) => {
                    let result = if initiative_changed {
                        full = true;
                        let before: BTreeSet<String> = self.files.keys().cloned().collect();
                        self.render_full(site).map(|p| {
                            removed = before.into_iter().filter(|f| !self.files.contains_key(f)).collect();
                            p
                        })
                    } else {
                        self.render_lessons(site, &changed_lessons, &mut removed)
                    };
                    match result {
                        Ok(p) => pages = p,
                        Err(d) => {
                            self.errors = d.clone();
                            return Outcome::Failed(d);
                        }
                    }
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
                    self.errors = vec![d.clone()];
                    return Outcome::Failed(vec![d]);
                }
            }
        }
        self.errors.clear();
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

    /// Re-reads the changed content files. Returns the new site, whether an initiative changed,
    /// and the slugs of the lessons that changed (old and new slugs).
    fn reload_content(&mut self, rels: &BTreeSet<String>) -> Result<(Site, bool, BTreeSet<String>), Vec<Diagnostic>> {
        let (files, discovery) = load::discover(&self.root);
        self.discovery = discovery;
        let present: HashMap<&str, &SourceFile> = files.iter().map(|f| (f.rel.as_str(), f)).collect();
        let mut initiative_changed = false;
        let mut changed = BTreeSet::new();
        let note = |e: &Entry, init: &mut bool, changed: &mut BTreeSet<String>| match e {
            Entry::Initiative(_) => *init = true,
            Entry::Lesson(l) => {
                changed.insert(l.meta.slug.clone());
            }
            Entry::Failed(_) => {}
        };
        // Removed files (also those a folder rename took away).
        let gone: Vec<String> = self.entries.keys().filter(|k| !present.contains_key(k.as_str())).cloned().collect();
        for rel in gone {
            if let Some(e) = self.entries.remove(&rel) {
                note(&e, &mut initiative_changed, &mut changed);
            }
        }
        for f in &files {
            let is_new = !self.entries.contains_key(&f.rel);
            let touched = rels.iter().any(|r| f.rel == *r || f.rel.starts_with(&format!("{r}/")));
            if is_new || touched {
                if let Some(old) = self.entries.get(&f.rel) {
                    note(old, &mut initiative_changed, &mut changed);
                }
                let e = load_entry(&self.config, f);
                note(&e, &mut initiative_changed, &mut changed);
                if f.section == Section::Initiatives {
                    initiative_changed = true;
                }
                self.entries.insert(f.rel.clone(), e);
            }
        }
        let site = self.assemble()?;
        Ok((site, initiative_changed, changed))
    }

    /// Re-renders what a change to the lessons `changed` (slugs) affects.
    fn render_lessons(
        &mut self,
        site: Site,
        changed: &BTreeSet<String>,
        removed: &mut Vec<String>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        let links = crate::timing::stage("link", || Links::build(&site));
        let old = &self.site;
        let related_of = |s: &Site, l: &Links, i: usize| -> Vec<String> {
            l.related[i].iter().map(|&j| s.lessons[j].meta.slug.clone()).collect()
        };
        let old_related: HashMap<&str, Vec<String>> = old
            .lessons
            .iter()
            .enumerate()
            .map(|(i, l)| (l.meta.slug.as_str(), related_of(old, &self.links, i)))
            .collect();
        let mut pages: BTreeSet<Page> = [Page::Home, Page::InitiativeList, Page::Matrix].into_iter().collect();
        // Every page of the lesson list: one new or removed lesson shifts them all.
        pages.extend((0..crate::render::pages::page_count(site.lessons.len())).map(Page::LessonList));
        pages.extend(Taxonomy::ALL.iter().map(|&t| Page::Taxonomy(t)));
        let mut touched_initiatives = BTreeSet::new();
        let mut touched_terms: BTreeSet<(Taxonomy, String)> = BTreeSet::new();
        for s in [old, &site] {
            for l in s.lessons.iter().filter(|l| changed.contains(&l.meta.slug)) {
                touched_initiatives.insert(l.initiative.clone());
                for tax in Taxonomy::ALL {
                    for t in &l.meta.terms[tax.index()] {
                        touched_terms.insert((tax, t.clone()));
                    }
                }
            }
        }
        for (i, l) in site.lessons.iter().enumerate() {
            let now = related_of(&site, &links, i);
            let before = old_related.get(l.meta.slug.as_str());
            if changed.contains(&l.meta.slug) || before != Some(&now) || now.iter().any(|s| changed.contains(s)) {
                pages.insert(Page::Lesson(i));
            }
        }
        for (i, init) in site.initiatives.iter().enumerate() {
            if touched_initiatives.contains(&init.meta.slug) {
                pages.insert(Page::Initiative(i));
                // Its card (with its lesson count) shows on the pages of its own terms.
                for tax in Taxonomy::ALL {
                    for t in &init.meta.terms[tax.index()] {
                        touched_terms.insert((tax, t.clone()));
                    }
                }
            }
        }
        for tax in Taxonomy::ALL {
            let terms = site.config.terms(tax);
            pages.extend(Page::term_pages(&links, tax).filter(
                |p| matches!(p, Page::Term(_, i, _) if touched_terms.contains(&(tax, terms[*i].slug.clone()))),
            ));
        }
        let pages: Vec<Page> = pages.into_iter().collect();
        let (files, _) = site::render_parts(&site, &links, &mut self.theme, Some(&pages))?;
        // Pages that no longer exist: removed lessons, list pages that are no longer needed.
        let old_pages: BTreeSet<String> = Page::all(old, &self.links).iter().map(|p| p.file(old)).collect();
        let new_pages: BTreeSet<String> = Page::all(&site, &links).iter().map(|p| p.file(&site)).collect();
        for gone in old_pages.difference(&new_pages) {
            if self.files.remove(gone).is_some() {
                removed.push(gone.clone());
            }
        }
        // Files derived from the whole site (search index, feeds, sitemap, JSON export) are all
        // written again; those no longer written (a term lost its last lesson) go.
        let page_files: BTreeSet<String> = pages.iter().map(|p| p.file(&site)).collect();
        let derived: BTreeSet<String> =
            files.iter().map(|f| f.path.clone()).filter(|p| !page_files.contains(p)).collect();
        for k in self.derived.difference(&derived) {
            if self.files.remove(k).is_some() {
                removed.push(k.clone());
            }
        }
        self.derived = derived;
        let mut rebuilt = Vec::new();
        for OutFile { path, bytes } in files {
            if path.ends_with(".html") {
                rebuilt.push(path.clone());
            }
            self.files.insert(path, bytes);
        }
        self.site = site;
        self.links = links;
        Ok(rebuilt)
    }
}
