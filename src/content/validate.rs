//! Cross-file validation: what no single file can know by itself. Duplicate slugs (naming both
//! files), lessons whose initiative does not exist, and internal links (with `#anchors`) that
//! point at no file or no heading.

use super::model::{Body, InfoPage, Initiative, Lesson};
use crate::diagnostics::{Diagnostic, closest};
use crate::{msg, tr};
// ahash: a site's worth of slugs and paths is hashed on every check (and on every preview rebuild).
use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use std::path::Path;

/// Checks the loaded content as a whole. `all_sources` are the root-relative paths of every
/// content file found, including those that failed to load (a link to a broken file is not
/// itself broken).
/// `partial` are the bodies of files that failed to load for other reasons: their links are
/// checked too, so one run reports everything.
pub fn validate(
    initiatives: &[Initiative],
    lessons: &[Lesson],
    pages: &[InfoPage],
    partial: &[super::load::Partial],
    all_sources: &[String],
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    duplicate_slugs(initiatives.iter().map(|i| (&i.meta.slug, &i.meta.file)), &tr!("what-initiative"), &mut diags);
    duplicate_slugs(lessons.iter().map(|l| (&l.meta.slug, &l.meta.file)), &tr!("what-lesson"), &mut diags);
    duplicate_slugs(pages.iter().map(|p| (&p.meta.slug, &p.meta.file)), &tr!("what-page"), &mut diags);

    let initiative_slugs: Vec<&str> = initiatives.iter().map(|i| i.meta.slug.as_str()).collect();
    let known: HashSet<&str> = initiative_slugs.iter().copied().collect();
    let lessons_initiatives = lessons.iter().map(|l| (&l.meta.file, &l.initiative, l.initiative_line));
    let partial_initiatives = partial.iter().filter_map(|p| p.initiative.as_ref().map(|(i, line)| (&p.file, i, *line)));
    for (file, initiative, line) in lessons_initiatives.chain(partial_initiatives) {
        check_initiative(file, initiative, line, &known, &initiative_slugs, &mut diags);
    }

    let mut anchors: HashMap<&str, &Body> = HashMap::new();
    for i in initiatives {
        anchors.insert(&i.meta.source, &i.meta.body);
    }
    for l in lessons {
        anchors.insert(&l.meta.source, &l.meta.body);
    }
    for p in pages {
        anchors.insert(&p.meta.source, &p.meta.body);
    }
    for p in partial {
        anchors.insert(&p.source, &p.body);
    }
    let bodies = initiatives
        .iter()
        .map(|i| (&i.meta.file, &i.meta.source, &i.meta.body))
        .chain(lessons.iter().map(|l| (&l.meta.file, &l.meta.source, &l.meta.body)))
        .chain(pages.iter().map(|p| (&p.meta.file, &p.meta.source, &p.meta.body)))
        .chain(partial.iter().map(|p| (&p.file, &p.source, &p.body)));
    let mut targets = Targets::new(anchors, all_sources);
    for (file, source, body) in bodies {
        check_links(file, source, body, &mut targets, &mut diags);
    }
    diags
}

fn check_initiative(
    file: &Path,
    initiative: &str,
    line: usize,
    known: &HashSet<&str>,
    slugs: &[&str],
    diags: &mut Vec<Diagnostic>,
) {
    if known.contains(initiative) {
        return;
    }
    let d = Diagnostic::new(file, line, 1, msg!("no-initiative", slug = initiative));
    diags.push(match closest(initiative, slugs.iter().copied()) {
        Some(s) => d.with_suggestion(msg!("hint-did-you-mean", s = s)),
        None => d.with_suggestion(msg!("hint-initiative-slug")),
    });
}

/// Duplicate slugs where one of the two files failed to load (so `validate` cannot see it):
/// reported in the same run as the files' other problems, not only once those are fixed.
pub fn duplicate_slugs_of_failed(
    files: &[super::load::SourceFile],
    loaded: &std::collections::HashSet<&str>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (section, what) in [
        (super::load::Section::Initiatives, "what-initiative"),
        (super::load::Section::Lessons, "what-lesson"),
        (super::load::Section::Pages, "what-page"),
    ] {
        let mut seen: HashMap<String, &super::load::SourceFile> = HashMap::new();
        for f in files.iter().filter(|f| f.section == section) {
            let slug = super::markdown::slugify(&f.path.file_stem().unwrap_or_default().to_string_lossy());
            match seen.get(&slug) {
                Some(first) if !loaded.contains(first.rel.as_str()) || !loaded.contains(f.rel.as_str()) => {
                    let what = crate::i18n::text(what, None);
                    let other = first.path.display().to_string();
                    diags.push(
                        Diagnostic::file(&f.path, msg!("duplicate-slug", what = what, slug = &slug, other = other))
                            .with_suggestion(msg!("hint-rename-one")),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(slug, f);
                }
            }
        }
    }
    diags
}

fn duplicate_slugs<'a>(
    items: impl Iterator<Item = (&'a String, &'a std::path::PathBuf)>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for (slug, file) in items {
        if let Some(first) = seen.get(slug.as_str()) {
            diags.push(
                Diagnostic::file(
                    file,
                    msg!("duplicate-slug", what = what, slug = slug, other = first.display().to_string()),
                )
                .with_suggestion(msg!("hint-rename-one")),
            );
        } else {
            seen.insert(slug, file);
        }
    }
}

/// The files and headings links can point at, for checking many links in time linear in their
/// number: sources in a set, a long list of headings in a set built when first needed.
struct Targets<'a> {
    bodies: HashMap<&'a str, &'a Body>,
    /// Files that exist but failed to load: a link to one is not reported.
    failed: HashSet<&'a str>,
    anchor_sets: HashMap<&'a str, HashSet<&'a str>>,
}

/// Headings lists up to this long are searched one by one; longer ones through a set.
const SHORT_ANCHOR_LIST: usize = 32;
/// Broken links of one file that get a did-you-mean suggestion. Each suggestion compares the
/// wrong name with every candidate, so without a cap a file of 50,000 broken links to a file
/// of 20,000 headings would take minutes; the first ones are the ones people read.
const SUGGESTIONS_PER_FILE: usize = 50;

impl<'a> Targets<'a> {
    fn new(bodies: HashMap<&'a str, &'a Body>, all_sources: &'a [String]) -> Self {
        let failed = all_sources.iter().map(String::as_str).filter(|s| !bodies.contains_key(s)).collect();
        Targets { bodies, failed, anchor_sets: HashMap::new() }
    }

    fn has_anchor(&mut self, target: &'a str, body: &'a Body, anchor: &str) -> bool {
        if body.anchors.len() <= SHORT_ANCHOR_LIST {
            return body.anchors.iter().any(|x| x == anchor);
        }
        self.anchor_sets
            .entry(target)
            .or_insert_with(|| body.anchors.iter().map(String::as_str).collect())
            .contains(anchor)
    }
}

fn check_links<'a>(
    file: &Path,
    source: &'a str,
    body: &'a Body,
    targets: &mut Targets<'a>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut suggestions = SUGGESTIONS_PER_FILE;
    let mut suggest = |wrong: &str, candidates: &mut dyn Iterator<Item = &'a str>| {
        if suggestions == 0 {
            return None;
        }
        suggestions -= 1;
        closest(wrong, candidates)
    };
    for link in &body.links {
        let target = if link.target.is_empty() { source } else { link.target.as_str() };
        let Some(&tbody) = targets.bodies.get(target) else {
            if targets.failed.contains(target) {
                continue; // the target exists but has errors of its own
            }
            let mut d = Diagnostic::new(file, link.line, link.col, msg!("broken-link", target = target));
            d = match suggest(target, &mut targets.bodies.keys().copied()) {
                Some(s) => d.with_suggestion(msg!("hint-link-did-you-mean", s = s)),
                None => d.with_suggestion(msg!("hint-link-form")),
            };
            diags.push(d);
            continue;
        };
        if let Some(a) = &link.anchor
            && !a.is_empty()
            && !targets.has_anchor(target, tbody, a)
        {
            let mut d = Diagnostic::new(file, link.line, link.col, msg!("broken-anchor", target = target, anchor = a));
            if let Some(s) = suggest(a, &mut tbody.anchors.iter().map(String::as_str)) {
                d = d.with_suggestion(msg!("hint-anchor-did-you-mean", s = s));
            }
            diags.push(d);
        }
    }
}
