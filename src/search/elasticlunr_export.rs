//! The elasticlunr export: the whole index as an elasticlunr 0.9.5 index in the shape the zola
//! ecosystem expects (`search_index.<lang>.json`, and `search_index.<lang>.js`, which sets
//! `window.searchIndex` as zola's does). Each document's ref is its page's URL and the document
//! store holds its title, description (teaser) and plain-text body, so a client that loads it
//! can link and show every hit. Built with elasticlunr-rs and its Dutch (`du`) pipeline; the
//! words are folded (lowercase, no diacritics) before they enter the pipeline, the same words
//! our own index has, while the stored texts stay as written. Format: docs/elasticlunr-export.md.

use super::index::Doc;
use super::pipeline::{elasticlunr_code, fold, tokens};
use crate::config::Config;
use crate::content::model::Site;
use crate::output::OutFile;
use crate::urls;

/// The fields, in the order of `Input::docs`' texts. Searched with title boosted by
/// `index::TITLE_BOOST`, as our own index weighs it (docs/elasticlunr-export.md).
pub const FIELDS: [&str; 3] = ["title", "description", "body"];

/// The URL a client outside the site links a page by: absolute from `base_url` (as zola's
/// refs are), root-relative without one, and in a portable build relative to the site root,
/// ending in `index.html` (as the portable site links).
pub fn page_url(config: &Config, path: &str) -> String {
    if config.portable {
        return urls::href("", true, path);
    }
    urls::absolute(&config.base_url, path).unwrap_or_else(|| urls::href(&config.base_path(), false, path))
}

/// Words longer than this are left out of the export: no one searches for them, and
/// elasticlunr-rs keeps its index as a tree one level per character, which it writes out
/// recursively (a 1 MB word overflowed the stack).
const MAX_WORD: usize = 64;

/// Folded words: what the Dutch pipeline gets (elasticlunr-rs would otherwise split on spaces
/// and hyphens only and keep diacritics).
fn folded_words(text: &str) -> Vec<String> {
    tokens(&fold(text)).filter(|w| w.len() <= MAX_WORD).map(str::to_lowercase).collect()
}

/// What the export is made from, owned, so that it can be made on another thread (the preview
/// server does, to keep a rebuild fast: the export of 1,000 documents takes half a second).
pub struct Input {
    language: String,
    /// Per document: its ref (URL), then its title, description and body.
    docs: Vec<(String, [String; 3])>,
}

impl Input {
    pub fn new(site: &Site, docs: &[Doc]) -> Input {
        let docs = docs
            .iter()
            .map(|d| {
                // The body: the page's text, then what it is filed under (initiative, kind, term
                // labels; an initiative's summary and region), which our own index searches too.
                let body = format!("{}\n{}", d.text, d.extra.trim());
                (page_url(&site.config, &d.path), [d.title.to_string(), d.teaser.clone(), body])
            })
            .collect();
        Input { language: site.config.language.clone(), docs }
    }

    /// `search_index.<lang>.json` and the same as a script.
    pub fn files(self) -> Vec<OutFile> {
        let language = self.language;
        let lang = elasticlunr::lang::from_code(elasticlunr_code(&language)).expect("the du feature is enabled");
        let mut builder = elasticlunr::IndexBuilder::with_language(lang).save_docs(true);
        for field in FIELDS {
            builder = builder.add_field_with_tokenizer(field, Box::new(folded_words));
        }
        let mut index = builder.build();
        for (url, texts) in self.docs {
            index.add_doc(&url, texts);
        }
        let json = index.to_json();
        vec![
            OutFile {
                path: format!("search_index.{language}.js"),
                bytes: format!("window.searchIndex = {};\n", crate::escape::script_json(json.clone())).into_bytes(),
            },
            OutFile { path: format!("search_index.{language}.json"), bytes: json.into_bytes() },
        ]
    }
}

pub fn files(site: &Site, docs: &[Doc]) -> Vec<OutFile> {
    Input::new(site, docs).files()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn refs_are_absolute_root_relative_or_portable() {
        let mut c = Config::parse(Path::new("c.toml"), "title='x'\nbase_url='https://a.nl/kennis/'").unwrap();
        c.base_url = c.base_url.trim_end_matches('/').to_string();
        assert_eq!(page_url(&c, "lessen/x/"), "https://a.nl/kennis/lessen/x/");
        c.base_url.clear();
        assert_eq!(page_url(&c, "lessen/x/"), "/lessen/x/");
        c.portable = true;
        assert_eq!(page_url(&c, "initiatieven/y/"), "initiatieven/y/index.html");
    }

    #[test]
    fn words_are_folded_for_the_pipeline() {
        assert_eq!(folded_words("Coördinatie, wijk-teams!"), ["coordinatie", "wijk", "teams"]);
    }
}
