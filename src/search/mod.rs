//! Search: the index built at build time. Documents (initiatives and lessons) are run through
//! the Dutch pipeline once; the result is written as small script files — a meta file, term
//! shards by prefix, big terms' postings, facet sets, display and label chunks — that the
//! browser client loads on demand with `<script>` tags (so it works from `file://`), plus a
//! plain elasticlunr JSON export for other tools. Format: docs/search-format.md. Uses render's
//! URL paths and teasers (render never uses search).

pub mod elasticlunr_export;
pub mod files;
pub mod index;
pub mod pipeline;

use crate::config::ExportPolicy;
use crate::content::model::Site;
use crate::render::OutFile;
use crate::render::views::Strings;

/// Sites up to this many documents get the elasticlunr export under `elasticlunr_export = "auto"`.
pub const EXPORT_AUTO_LIMIT: usize = 5000;

/// All search files of a site, and notes for the build summary.
pub fn build(site: &Site, strings: &Strings) -> (Vec<OutFile>, Vec<String>) {
    use crate::timing::stage;
    let docs = stage("search: documents", || index::documents(site, strings));
    let idx = stage("search: postings", || index::Index::build(&docs));
    let mut files = stage("search: files", || files::files(&idx, site, &docs, strings));
    let mut notes = Vec::new();
    let export = match site.config.search.elasticlunr_export {
        ExportPolicy::Always => true,
        ExportPolicy::Never => false,
        ExportPolicy::Auto => {
            let ok = docs.len() <= EXPORT_AUTO_LIMIT;
            if !ok {
                notes.push(format!(
                    "search_index.{}.json not written: {} documents is more than {EXPORT_AUTO_LIMIT} (set [search] elasticlunr_export = \"always\" to write it anyway)",
                    site.config.language, docs.len()
                ));
            }
            ok
        }
    };
    if export {
        files.extend(elasticlunr_export::files(&site.config.language, &docs));
    }
    (files, notes)
}
