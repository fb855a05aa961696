//! Loading: finds the content files under `initiatives/`, `lessons/` and `pages/`, reads them in
//! parallel and turns each into a typed initiative, lesson or page. Every file is untrusted: an
//! unreadable, oversized, binary or malformed file becomes a diagnostic, never a panic.

use super::fields::FieldReader;
use super::frontmatter;
use super::markdown::{self, slugify};
use super::model::{Body, EVIDENCE, InfoPage, Initiative, Kind, Lesson, Meta, PHASES};
use crate::config::{Config, Taxonomy};
use crate::diagnostics::Diagnostic;
use crate::msg;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const INITIATIVE_FIELDS: [&str; 16] = [
    "title",
    "summary",
    "region",
    "themes",
    "stakeholders",
    "financing",
    "domains",
    "started",
    "phase",
    "evidence",
    "organisations",
    "outcomes",
    "figures",
    "contact",
    "links",
    "last_reviewed",
];
pub const LESSON_FIELDS: [&str; 9] =
    ["title", "initiative", "kind", "themes", "stakeholders", "financing", "domains", "added", "source"];
pub const PAGE_FIELDS: [&str; 1] = ["title"];

/// Which section a content file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Initiatives,
    Lessons,
    /// The site's own pages (`pages/`).
    Pages,
}

/// Every folder a site is made of, below its root: the content sections' folders (in
/// `Section::ALL` order), then the theme's templates and static files.
pub const SITE_DIRS: [&str; 5] = ["initiatives", "lessons", "pages", "templates", "static"];

impl Section {
    /// The sections in the order they are read.
    pub const ALL: [Section; 3] = [Section::Initiatives, Section::Lessons, Section::Pages];

    /// The section of a root-relative path to a file below a content folder (`lessons/a/b.md`).
    pub fn of(rel: &str) -> Option<Section> {
        let (dir, _) = rel.split_once('/')?;
        Section::ALL.into_iter().find(|s| s.dir() == dir)
    }

    pub fn dir(self) -> &'static str {
        match self {
            Section::Initiatives => "initiatives",
            Section::Lessons => "lessons",
            Section::Pages => "pages",
        }
    }
}

/// One content file found on disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub section: Section,
    pub path: PathBuf,
    /// Root-relative, `/`-separated.
    pub rel: String,
}

/// Finds every `.md` file under the content folders. Symlinks are followed only when they
/// stay inside the site root; loops and unreadable folders are reported.
pub fn discover(root: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for section in Section::ALL {
        let dir = root.join(section.dir());
        if !dir.exists() {
            continue;
        }
        let mut walker = WalkDir::new(&dir).follow_links(true).sort_by_file_name().into_iter();
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.clone());
                    let msg = if e.loop_ancestor().is_some() {
                        msg!("symlink-loop")
                    } else {
                        let error = e.io_error().map(|x| x.to_string()).unwrap_or_else(|| e.to_string());
                        msg!("cannot-read", error = error)
                    };
                    diags.push(Diagnostic::file(path, msg));
                    continue;
                }
            };
            let path = entry.path();
            let hidden = entry.depth() > 0 && entry.file_name().to_str().is_some_and(|n| n.starts_with('.'));
            let outside =
                entry.path_is_symlink() && !path.canonicalize().map(|c| c.starts_with(&canon_root)).unwrap_or(false);
            if outside {
                diags.push(Diagnostic::file(path, msg!("symlink-outside")));
            }
            if hidden || outside {
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
            if !entry.file_type().is_file() || path.extension().is_none_or(|x| x != "md") {
                continue;
            }
            let Some(rel) = path.strip_prefix(root).ok().and_then(|r| r.to_str()).map(|r| r.replace('\\', "/")) else {
                diags.push(Diagnostic::file(path, msg!("file-name-not-utf8")));
                continue;
            };
            files.push(SourceFile { section, path: path.to_path_buf(), rel });
        }
    }
    (files, diags)
}

/// What loading one file gave.
pub enum Loaded {
    Initiative(Box<Initiative>),
    Lesson(Box<Lesson>),
    Page(Box<InfoPage>),
    /// Not loaded; where the Markdown body could still be read, its links are checked too.
    Failed(Option<Box<Partial>>),
}

/// The body of a file that failed to load for other reasons, kept so its links get checked.
pub struct Partial {
    pub file: PathBuf,
    pub source: String,
    pub body: super::model::Body,
    /// A lesson's initiative and the line it is on, when readable: checked too.
    pub initiative: Option<(String, usize)>,
}

/// Reads and checks one file. Problems go to the returned diagnostics.
pub fn load_file(config: &Config, src: &SourceFile) -> (Loaded, Vec<Diagnostic>) {
    let path = &src.path;
    let fail = |d: Diagnostic| (Loaded::Failed(None), vec![d]);
    let cannot_read = |e: std::io::Error| fail(Diagnostic::file(path, msg!("cannot-read", error = e.to_string())));
    // One open, then the size from the open file (no second walk of the path).
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return cannot_read(e),
    };
    let max = config.content.max_file_size;
    let too_big = |len: u64| {
        fail(
            Diagnostic::file(path, msg!("file-too-large", len = len, max = max))
                .with_suggestion(msg!("hint-file-too-large")),
        )
    };
    let len = match file.metadata() {
        Ok(m) => m.len(),
        Err(e) => return cannot_read(e),
    };
    if len > max {
        return too_big(len);
    }
    // Read at most one byte past the limit, in case the file grew since.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    match std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, max + 1), &mut bytes) {
        Ok(_) if bytes.len() as u64 > max => too_big(bytes.len() as u64),
        Ok(_) => parse_file(config, src, bytes),
        Err(e) => cannot_read(e),
    }
}

/// Checks and converts the bytes of one content file (no file-system access: what the fuzz
/// targets call).
pub fn parse_file(config: &Config, src: &SourceFile, bytes: Vec<u8>) -> (Loaded, Vec<Diagnostic>) {
    let path = &src.path;
    let fail = |d: Diagnostic| (Loaded::Failed(None), vec![d]);
    let text = match decode(path, bytes) {
        Ok(raw) => frontmatter::normalize(&raw),
        Err(d) => return fail(d),
    };
    let split = match frontmatter::split(path, &text) {
        Ok(s) => s,
        Err(d) => return fail(d),
    };
    let fields = match frontmatter::parse(path, &split) {
        Ok(f) => f,
        Err(d) => return fail(d),
    };
    let allowed: &[&str] = match src.section {
        Section::Initiatives => &INITIATIVE_FIELDS,
        Section::Lessons => &LESSON_FIELDS,
        Section::Pages => &PAGE_FIELDS,
    };
    let mut r = FieldReader::new(path, &text, fields, allowed);
    let title = r.text("title");
    let mut terms: [Vec<String>; 4] = Default::default();
    for tax in Taxonomy::ALL.into_iter().filter(|_| src.section != Section::Pages) {
        let required = matches!(tax, Taxonomy::Themes | Taxonomy::Stakeholders)
            || (src.section == Section::Initiatives && tax == Taxonomy::Financing);
        terms[tax.index()] = r.terms(tax, config, required);
    }
    let slug = slugify(path.file_stem().and_then(|s| s.to_str()).unwrap_or(""));
    let mut diags = check_body(path, &slug, &split);
    let body = render_body(config, src, &split, &mut diags);
    let meta = |title: String, body| Meta { slug, source: src.rel.clone(), file: path.clone(), title, terms, body };
    // A lesson's initiative is read first, so it is checked even when other fields are wrong.
    let lesson_initiative = (src.section == Section::Lessons)
        .then(|| (r.text("initiative").map(|s| slugify(&s)), r.key_line("initiative")));
    let initiative = lesson_initiative.clone().and_then(|(i, line)| i.map(|i| (i, line)));
    let partial = |body| {
        let initiative = initiative.clone();
        Loaded::Failed(Some(Box::new(Partial { file: path.clone(), source: src.rel.clone(), body, initiative })))
    };
    let loaded = match src.section {
        Section::Initiatives => read_initiative(&mut r, title, body, meta),
        Section::Lessons => read_lesson(&mut r, title, body, meta, lesson_initiative),
        Section::Pages => match title {
            Some(t) => Ok(Loaded::Page(Box::new(InfoPage { meta: meta(t, body) }))),
            None => Err(body),
        },
    };
    diags.extend(r.diags);
    match loaded {
        Ok(loaded) if diags.is_empty() => (loaded, diags),
        Ok(Loaded::Initiative(i)) => (partial(i.meta.body), diags),
        Ok(Loaded::Lesson(l)) => (partial(l.meta.body), diags),
        Ok(Loaded::Page(p)) => (partial(p.meta.body), diags),
        Ok(failed) => (failed, diags),
        Err(body) => (partial(body), diags),
    }
}

/// The text of a file's bytes: refuses an empty file, one that is not UTF-8 (at the first bad
/// byte's line and column) and one holding NUL bytes.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Diagnostic::file(path, msg!("file-empty")).with_suggestion(msg!("hint-file-empty")));
    }
    let raw = String::from_utf8(bytes).map_err(|e| {
        let off = e.utf8_error().valid_up_to();
        let (line, col) = crate::diagnostics::line_col(std::str::from_utf8(&e.as_bytes()[..off]).unwrap_or(""), off);
        Diagnostic::new(path, line, col, msg!("file-not-utf8")).with_suggestion(msg!("hint-save-utf8"))
    })?;
    if raw.contains('\0') {
        return Err(Diagnostic::file(path, msg!("file-nul-bytes")));
    }
    Ok(raw)
}

/// Problems of the file name and the body as text: no slug, an empty body, or the example text
/// `leernet new` writes still in it.
fn check_body(path: &Path, slug: &str, split: &frontmatter::Split) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if slug.is_empty() {
        diags.push(Diagnostic::file(path, msg!("slug-empty")));
    }
    if split.body.trim().is_empty() {
        diags.push(
            Diagnostic::new(path, split.body_first_line.saturating_sub(1).max(1), 1, msg!("body-empty"))
                .with_suggestion(msg!("hint-body-empty")),
        );
    } else if let Some(off) = super::model::placeholder_in(split.body) {
        let (line, col) = crate::diagnostics::line_col(split.body, off);
        diags.push(
            Diagnostic::new(path, line + split.body_first_line - 1, col, msg!("body-placeholder"))
                .with_suggestion(msg!("hint-body-placeholder")),
        );
    }
    diags
}

/// The body as HTML; HTML nested too deep is a problem (and an empty body).
fn render_body(config: &Config, src: &SourceFile, split: &frontmatter::Split, diags: &mut Vec<Diagnostic>) -> Body {
    match markdown::render(&src.rel, split.body, split.body_first_line, config.content.trusted_html) {
        Ok(body) => body,
        Err(deep) => {
            let msg = msg!("html-too-deep", depth = super::nesting::MAX_DEPTH, tag = super::nesting::MAX_TAG);
            diags
                .push(Diagnostic::new(&src.path, deep.line, deep.col, msg).with_suggestion(msg!("hint-html-too-deep")));
            Body::default()
        }
    }
}

/// An initiative's own fields (every one read, so each problem is reported); the body back when
/// a required one is missing.
fn read_initiative(
    r: &mut FieldReader,
    title: Option<String>,
    body: Body,
    meta: impl FnOnce(String, Body) -> Meta,
) -> Result<Loaded, Body> {
    let summary = r.text("summary");
    let region = r.text("region");
    let started = r.year_or_date("started");
    let phase = r.choice("phase", &PHASES, false);
    let evidence = r.choice("evidence", &EVIDENCE, false);
    let organisations = r.text_list("organisations");
    let outcomes = r.outcomes();
    let figures = r.figures();
    let contact = r.contact();
    let links = r.links();
    let last_reviewed = r.date("last_reviewed");
    let (Some(title), Some(summary), Some(region)) = (title, summary, region) else { return Err(body) };
    Ok(Loaded::Initiative(Box::new(Initiative {
        meta: meta(title, body),
        summary,
        region,
        started,
        phase,
        evidence,
        organisations,
        outcomes,
        figures,
        contact,
        links,
        last_reviewed,
    })))
}

/// A lesson's own fields (its initiative was read before); the body back when a required one
/// is missing.
fn read_lesson(
    r: &mut FieldReader,
    title: Option<String>,
    body: Body,
    meta: impl FnOnce(String, Body) -> Meta,
    initiative: Option<(Option<String>, usize)>,
) -> Result<Loaded, Body> {
    let (initiative, initiative_line) = initiative.unwrap_or_default();
    let kind = r.choice("kind", &Kind::NAMES, true).and_then(|k| Kind::parse(&k));
    let added = r.date("added");
    let source_ref = r.opt_text("source");
    let (Some(title), Some(initiative), Some(kind)) = (title, initiative, kind) else { return Err(body) };
    Ok(Loaded::Lesson(Box::new(Lesson {
        meta: meta(title, body),
        initiative,
        initiative_line,
        kind,
        added,
        source_ref,
    })))
}

/// Everything loading found: what loaded, the bodies of files that did not, and the problems.
pub struct LoadedAll {
    pub initiatives: Vec<Initiative>,
    pub lessons: Vec<Lesson>,
    pub pages: Vec<InfoPage>,
    pub partial: Vec<Partial>,
    pub diags: Vec<Diagnostic>,
}

/// Loads all files in parallel, then the `extra` ones from memory. Results come back in the
/// order of `files`, then of `extra`.
pub fn load_all(config: &Config, files: &[SourceFile], extra: Vec<(SourceFile, Vec<u8>)>) -> LoadedAll {
    let mut results: Vec<(Loaded, Vec<Diagnostic>)> = files.par_iter().map(|f| load_file(config, f)).collect();
    results.par_extend(extra.into_par_iter().map(|(f, bytes)| parse_file(config, &f, bytes)));
    let mut all = LoadedAll {
        initiatives: Vec::new(),
        lessons: Vec::new(),
        pages: Vec::new(),
        partial: Vec::new(),
        diags: Vec::new(),
    };
    for (loaded, d) in results {
        all.diags.extend(d);
        match loaded {
            Loaded::Initiative(i) => all.initiatives.push(*i),
            Loaded::Lesson(l) => all.lessons.push(*l),
            Loaded::Page(p) => all.pages.push(*p),
            Loaded::Failed(Some(p)) => all.partial.push(*p),
            Loaded::Failed(None) => {}
        }
    }
    all
}
