//! Search: the index built at build time. Documents (initiatives and lessons) are run through
//! the Dutch pipeline once; the result is written as small script files — a meta file, term
//! shards by prefix, big terms' postings, facet sets, display and label chunks — that the
//! browser client loads on demand with `<script>` tags (so it works from `file://`), plus the
//! elasticlunr export for other clients (docs/elasticlunr-export.md). Format:
//! docs/search-format.md. Uses render's URL paths and teasers (render never uses search).

pub mod attrs;
pub mod codes;
pub mod elasticlunr_export;
pub mod encode;
pub mod files;
pub mod index;
pub mod live;
pub mod meta;
pub mod parts;
pub mod pipeline;

use crate::config::ExportPolicy;
use crate::content::model::Site;
use crate::output::OutFile;
use crate::strings::Strings;

/// Sites up to this many documents get the elasticlunr export under `elasticlunr_export = "auto"`.
/// Measured (docs/elasticlunr-export.md): at 1,000 documents the export takes 1.4 s of a 1.8 s
/// release build and is 21 MB (2 MB gzipped); at 5,000, 6.2 s of 8.4 s and 90 MB.
pub const EXPORT_AUTO_LIMIT: usize = 1000;

/// All search files of a site, and notes for the build summary.
pub fn build(site: &Site, strings: &Strings) -> (Vec<OutFile>, Vec<String>) {
    live::Live::build(site, strings)
}

/// Whether the elasticlunr export is written for a site of `docs` documents, and why not.
pub fn export_wanted(site: &Site, docs: usize) -> (bool, Vec<String>) {
    match site.config.search.elasticlunr_export {
        ExportPolicy::Always => (true, vec![]),
        ExportPolicy::Never => (false, vec![]),
        ExportPolicy::Auto if docs <= EXPORT_AUTO_LIMIT => (true, vec![]),
        ExportPolicy::Auto => (
            false,
            vec![format!(
                "search_index.{}.json not written: {docs} documents is more than {EXPORT_AUTO_LIMIT} (set [search] elasticlunr_export = \"always\" to write it anyway)",
                site.config.language
            )],
        ),
    }
}
