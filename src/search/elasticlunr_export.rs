//! The elasticlunr export: the whole index as a plain elasticlunr 0.9.5 JSON file
//! (`search_index.<lang>.json`) for other tools, and the same wrapped in a script
//! (`search_index.<lang>.js`) for pages that want to load it with a `<script>` tag. Built with
//! elasticlunr-rs and its Dutch (`du`) pipeline over folded text, fields title and body.

use super::index::Doc;
use super::pipeline::{elasticlunr_code, fold};
use crate::render::OutFile;

/// Words longer than this are left out of the export: no one searches for them, and
/// elasticlunr-rs keeps its index as a tree one level per character, which it writes out
/// recursively (a 1 MB word overflowed the stack).
const MAX_WORD: usize = 64;

fn plain(text: &str) -> String {
    let spaced: String = fold(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    if !spaced.split(' ').any(|w| w.len() > MAX_WORD) {
        return spaced;
    }
    spaced.split(' ').filter(|w| w.len() <= MAX_WORD).collect::<Vec<_>>().join(" ")
}

/// What the export is made from, owned, so that it can be made on another thread (the preview
/// server does, to keep a rebuild fast: the export of 1,000 documents takes half a second).
pub struct Input {
    language: String,
    docs: Vec<(String, String)>,
}

impl Input {
    pub fn new(language: &str, docs: &[Doc]) -> Input {
        // Copies only: the folding happens in `files`, wherever that runs.
        let docs = docs.iter().map(|d| (d.title.to_string(), format!("{} {}", d.text, d.extra))).collect();
        Input { language: language.to_string(), docs }
    }

    /// `search_index.<lang>.json` and the same as a script.
    pub fn files(self) -> Vec<OutFile> {
        let language = self.language;
        let lang = elasticlunr::lang::from_code(elasticlunr_code(&language)).expect("the du feature is enabled");
        let mut index =
            elasticlunr::IndexBuilder::with_language(lang).add_fields(["title", "body"]).save_docs(false).build();
        for (id, (title, body)) in self.docs.into_iter().enumerate() {
            index.add_doc(&id.to_string(), [plain(&title), plain(&body)]);
        }
        let json = index.to_json();
        vec![
            OutFile {
                path: format!("search_index.{language}.js"),
                bytes: format!(
                    "window.leernetElasticlunrIndex={};\n",
                    crate::render::escape::script_json(json.clone())
                )
                .into_bytes(),
            },
            OutFile { path: format!("search_index.{language}.json"), bytes: json.into_bytes() },
        ]
    }
}

pub fn files(language: &str, docs: &[Doc]) -> Vec<OutFile> {
    Input::new(language, docs).files()
}
