//! The elasticlunr export: the whole index as a plain elasticlunr 0.9.5 JSON file
//! (`search_index.<lang>.json`) for other tools, and the same wrapped in a script
//! (`search_index.<lang>.js`) for pages that want to load it with a `<script>` tag. Built with
//! elasticlunr-rs and its Dutch (`du`) pipeline over folded text, fields title and body.

use super::index::Doc;
use super::pipeline::{elasticlunr_code, fold};
use crate::render::OutFile;

fn plain(text: &str) -> String {
    fold(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect()
}

pub fn files(language: &str, docs: &[Doc]) -> Vec<OutFile> {
    let lang = elasticlunr::lang::from_code(elasticlunr_code(language)).expect("the du feature is enabled");
    let mut index =
        elasticlunr::IndexBuilder::with_language(lang).add_fields(["title", "body"]).save_docs(false).build();
    for (id, d) in docs.iter().enumerate() {
        index.add_doc(&id.to_string(), [plain(d.title), plain(&format!("{} {}", d.text, d.extra))]);
    }
    let json = index.to_json();
    vec![
        OutFile {
            path: format!("search_index.{language}.js"),
            bytes: format!("window.leernetElasticlunrIndex={};\n", crate::render::escape::script_json(json.clone()))
                .into_bytes(),
        },
        OutFile { path: format!("search_index.{language}.json"), bytes: json.into_bytes() },
    ]
}
