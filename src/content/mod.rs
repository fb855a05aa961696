//! Content: reads `initiatives/`, `lessons/` and `pages/` into the plain-data site model and checks it.
//! `load_site` is the pipeline's first two stages, load and validate.

pub mod copied;
pub mod fields;
pub mod frontmatter;
pub mod load;
pub mod markdown;
pub mod model;
pub mod nesting;
pub mod validate;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use model::Site;
use std::path::Path;

/// Loads and validates every content file under `root`. Always returns the site made of the
/// files that loaded, and every problem found; callers decide whether problems are fatal.
pub fn load_site(root: &Path, config: Config) -> (Site, Vec<Diagnostic>) {
    let (files, mut diags) = crate::timing::stage("  discover", || load::discover(root));
    let load::LoadedAll { mut initiatives, mut lessons, mut pages, partial, diags: load_diags } =
        crate::timing::stage("  read + parse", || load::load_all(&config, &files));
    diags.extend(load_diags);
    let sources: Vec<String> = files.iter().map(|f| f.rel.clone()).collect();
    diags.extend(crate::timing::stage("  validate", || {
        validate::validate(&initiatives, &lessons, &pages, &partial, &sources)
    }));
    initiatives.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    lessons.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    initiatives.dedup_by(|a, b| a.meta.slug == b.meta.slug);
    lessons.dedup_by(|a, b| a.meta.slug == b.meta.slug);
    pages.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    pages.dedup_by(|a, b| a.meta.slug == b.meta.slug);
    (Site { root: root.to_path_buf(), config, initiatives, lessons, pages }, diags)
}
