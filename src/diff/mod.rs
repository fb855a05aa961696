//! `leernet diff OLD NEW`: what changed between two builds, for a pull request's reviewers. It
//! compares two output folders (each must hold leernet's `.leernet` marker): the pages (every
//! `index.html`) added, removed and changed, with their titles, and apart from those the pages
//! whose only change is in what their lists show (lesson and initiative cards, pagination,
//! counts: see `page`); other files (search index, feeds, JSON) only as a count. Written as text
//! or as Markdown for a pull-request comment or job summary. The rule: docs/publishing.md.

mod page;

use crate::diagnostics::Diagnostic;
use crate::output::MARKER;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Pages listed per group at most; the rest is counted (a template change touches every page).
pub const MAX_LISTED: usize = 200;

/// A page: its path in the site (`lessen/x/`, `` for home) and its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub title: String,
}

/// What differs between two builds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<Page>,
    pub removed: Vec<Page>,
    pub changed: Vec<Page>,
    /// Pages whose only change is in their lists and counts.
    pub lists_only: Vec<Page>,
    /// Files other than pages: added, removed, changed.
    pub other: [usize; 3],
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.lists_only.is_empty()
            && self.other == [0; 3]
    }
}

/// Every file below `dir` (relative paths with `/`), except the marker.
fn files(dir: &Path) -> Result<BTreeMap<String, PathBuf>, Diagnostic> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry =
            entry.map_err(|e| Diagnostic::file(dir, crate::msg!("diff-cannot-read-folder", error = e.to_string())))?;
        if !entry.file_type().is_file() || entry.file_name() == MARKER {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).expect("below dir");
        let rel: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        out.insert(rel.join("/"), entry.into_path());
    }
    Ok(out)
}

/// Refuses what is not a leernet output folder.
fn check_output(dir: &Path) -> Result<(), Diagnostic> {
    if !dir.is_dir() {
        let what = if dir.exists() { crate::msg!("diff-not-folder") } else { crate::msg!("diff-missing") };
        return Err(Diagnostic::file(dir, what));
    }
    if !dir.join(MARKER).is_file() {
        return Err(Diagnostic::file(dir, crate::msg!("diff-not-output", marker = MARKER)));
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    std::fs::read(path).map_err(|e| Diagnostic::file(path, crate::msg!("cannot-read", error = e.to_string())))
}

fn page_path(file: &str) -> Option<String> {
    file.strip_suffix("index.html").filter(|p| p.is_empty() || p.ends_with('/')).map(str::to_string)
}

fn title_of(bytes: &[u8]) -> String {
    page::read(&String::from_utf8_lossy(bytes)).title
}

enum Outcome {
    Added(Page),
    Removed(Page),
    Changed(Page),
    ListsOnly(Page),
    Other(usize),
    Same,
}

fn compare_one(file: &str, old: Option<&PathBuf>, new: Option<&PathBuf>) -> Result<Outcome, Diagnostic> {
    let Some(path) = page_path(file) else {
        return Ok(match (old, new) {
            (Some(a), Some(b)) if read(a)? == read(b)? => Outcome::Same,
            (Some(_), Some(_)) => Outcome::Other(2),
            (None, _) => Outcome::Other(0),
            (_, None) => Outcome::Other(1),
        });
    };
    Ok(match (old, new) {
        (Some(a), Some(b)) => {
            let (a, b) = (read(a)?, read(b)?);
            if a == b {
                return Ok(Outcome::Same);
            }
            let (a, b) = (page::read(&String::from_utf8_lossy(&a)), page::read(&String::from_utf8_lossy(&b)));
            let page = Page { path, title: b.title };
            if a.skeleton == b.skeleton { Outcome::ListsOnly(page) } else { Outcome::Changed(page) }
        }
        (None, Some(b)) => Outcome::Added(Page { path, title: title_of(&read(b)?) }),
        (Some(a), None) => Outcome::Removed(Page { path, title: title_of(&read(a)?) }),
        (None, None) => Outcome::Same,
    })
}

/// Compares the output folders `old` and `new`.
pub fn compare(old: &Path, new: &Path) -> Result<Changes, Diagnostic> {
    check_output(old)?;
    check_output(new)?;
    let (a, b) = (files(old)?, files(new)?);
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort_unstable();
    names.dedup();
    let outcomes: Vec<Outcome> =
        names.par_iter().map(|f| compare_one(f, a.get(*f), b.get(*f))).collect::<Result<_, _>>()?;
    let mut c = Changes::default();
    for o in outcomes {
        match o {
            Outcome::Added(p) => c.added.push(p),
            Outcome::Removed(p) => c.removed.push(p),
            Outcome::Changed(p) => c.changed.push(p),
            Outcome::ListsOnly(p) => c.lists_only.push(p),
            Outcome::Other(i) => c.other[i] += 1,
            Outcome::Same => {}
        }
    }
    Ok(c)
}

fn headline(c: &Changes) -> String {
    crate::tr!(
        "diff-headline",
        added = c.added.len(),
        removed = c.removed.len(),
        changed = c.changed.len(),
        lists = c.lists_only.len(),
        oadded = c.other[0],
        oremoved = c.other[1],
        ochanged = c.other[2]
    )
}

fn groups(c: &Changes) -> [(String, &[Page]); 4] {
    [
        (crate::tr!("diff-group-added"), &c.added),
        (crate::tr!("diff-group-removed"), &c.removed),
        (crate::tr!("diff-group-changed"), &c.changed),
        (crate::tr!("diff-group-lists"), &c.lists_only),
    ]
}

fn shown(path: &str) -> String {
    format!("/{path}")
}

/// The changes as plain text.
pub fn to_text(c: &Changes) -> String {
    if c.is_empty() {
        return format!("{}\n", crate::tr!("diff-none"));
    }
    let mut out = format!("{}\n", headline(c));
    for (name, pages) in groups(c).iter().map(|(n, p)| (n.as_str(), *p)) {
        if pages.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{name} ({}):\n", pages.len()));
        for p in pages.iter().take(MAX_LISTED) {
            out.push_str(&format!("  {}  {}\n", shown(&p.path), p.title));
        }
        if pages.len() > MAX_LISTED {
            out.push_str(&format!("  {}\n", crate::tr!("diff-more", n = pages.len() - MAX_LISTED)));
        }
    }
    out
}

/// Markdown table cell text: no line breaks, no markup (pipes and HTML escaped).
fn cell(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The changes as Markdown, for a pull-request comment or a job summary: a table per group,
/// the pages changed only in their lists folded away.
pub fn to_markdown(c: &Changes) -> String {
    let mut out = format!("### {}\n\n", crate::tr!("diff-md-title"));
    if c.is_empty() {
        out.push_str(&format!("{}\n", crate::tr!("diff-none")));
        return out;
    }
    out.push_str(&format!("{}.\n", headline(c)));
    for (name, pages) in groups(c).iter().map(|(n, p)| (n.as_str(), *p)) {
        if pages.is_empty() {
            continue;
        }
        let folded = std::ptr::eq(pages, c.lists_only.as_slice());
        if folded {
            out.push_str(&format!("\n<details><summary>{name}: {}</summary>\n\n", pages.len()));
        } else {
            out.push_str(&format!("\n#### {name} ({})\n\n", pages.len()));
        }
        out.push_str(&format!(
            "| {} | {} |\n| --- | --- |\n",
            crate::tr!("diff-col-page"),
            crate::tr!("diff-col-title")
        ));
        for p in pages.iter().take(MAX_LISTED) {
            out.push_str(&format!("| `{}` | {} |\n", cell(&shown(&p.path)), cell(&p.title)));
        }
        if pages.len() > MAX_LISTED {
            out.push_str(&format!("| … | {} |\n", crate::tr!("diff-more", n = pages.len() - MAX_LISTED)));
        }
        if folded {
            out.push_str("\n</details>\n");
        }
    }
    out
}
