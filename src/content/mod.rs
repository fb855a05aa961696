//! Content: reads `initiatives/`, `lessons/` and `pages/` into the plain-data site model and checks it.
//! `load_site` is the pipeline's first two stages, load and validate.

pub mod copied;
pub mod fields;
pub mod frontmatter;
pub mod lessonfile;
pub mod load;
pub mod markdown;
pub mod model;
pub mod nesting;
pub mod validate;
pub mod yaml_help;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use model::Site;
use std::path::Path;

/// Loads and validates every content file under `root`. Always returns the site made of the
/// files that loaded, and every problem found; callers decide whether problems are fatal.
pub fn load_site(root: &Path, config: Config) -> (Site, Vec<Diagnostic>) {
    load_site_with(root, config, Vec::new())
}

/// `load_site` with some files read from memory instead of disk (what `leernet import` checks
/// its rows with): each `(file, bytes)` replaces a file found at the same path, or is added
/// after the files found, so a duplicate slug is reported on it.
pub fn load_site_with(root: &Path, config: Config, extra: Vec<(load::SourceFile, Vec<u8>)>) -> (Site, Vec<Diagnostic>) {
    let (mut files, mut diags) = crate::timing::stage("  discover", || load::discover(root));
    if !extra.is_empty() {
        let replaced: std::collections::HashSet<&Path> = extra.iter().map(|(f, _)| f.path.as_path()).collect();
        files.retain(|f| !replaced.contains(f.path.as_path()));
    }
    let sources: Vec<String> = files.iter().chain(extra.iter().map(|(f, _)| f)).map(|f| f.rel.clone()).collect();
    let load::LoadedAll { mut initiatives, mut lessons, mut pages, partial, diags: load_diags } =
        crate::timing::stage("  read + parse", || load::load_all(&config, &files, extra));
    diags.extend(load_diags);
    diags.extend(crate::timing::stage("  validate", || {
        validate::validate(&initiatives, &lessons, &pages, &partial, &sources)
    }));
    let loaded: std::collections::HashSet<&str> = initiatives
        .iter()
        .map(|i| i.meta.source.as_str())
        .chain(lessons.iter().map(|l| l.meta.source.as_str()))
        .chain(pages.iter().map(|p| p.meta.source.as_str()))
        .collect();
    diags.extend(validate::duplicate_slugs_of_failed(&files, &loaded));
    initiatives.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    lessons.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    initiatives.dedup_by(|a, b| a.meta.slug == b.meta.slug);
    lessons.dedup_by(|a, b| a.meta.slug == b.meta.slug);
    pages.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    pages.dedup_by(|a, b| a.meta.slug == b.meta.slug);
    (Site { root: root.to_path_buf(), config, initiatives, lessons, pages }, diags)
}
