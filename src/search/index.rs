//! The sharded index: postings per term (document, title count, body count), split into shard
//! files by the first characters of the term, and the document store (what a result shows)
//! split into chunks. The format is described in the README ("How search works").

use super::pipeline::{self, Pipeline, STOP_WORDS};
use crate::config::Taxonomy;
use crate::content::model::{self, Kind, Site};
use crate::render::OutFile;
use crate::render::urls;
use crate::render::views::{Strings, teaser, tr};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Characters of a term that choose its shard.
pub const PREFIX: usize = 2;
/// Documents per document chunk.
pub const CHUNK: usize = 500;
pub const TITLE_BOOST: u32 = 10;

/// The facets, in the order the client shows them: the four taxonomies, kind and initiative.
pub const FACETS: [&str; 6] = ["thema", "niveau", "financiering", "domein", "soort", "initiatief"];

/// One searchable document.
pub struct Doc {
    pub title: String,
    /// Text indexed besides the title: summary, body, initiative name, term labels.
    pub body: String,
    pub path: String,
    pub kind: &'static str,
    pub initiative: String,
    pub initiative_title: String,
    pub teaser: String,
    /// Per facet (see `FACETS`), value indices.
    pub facets: [Vec<u32>; 6],
}

fn term_labels(site: &Site, meta: &model::Meta) -> String {
    let mut s = String::new();
    for tax in Taxonomy::ALL {
        for slug in &meta.terms[tax.index()] {
            if let Some(t) = site.config.term(tax, slug) {
                s.push(' ');
                s.push_str(site.config.label(t));
            }
        }
    }
    s
}

fn term_indices(site: &Site, meta: &model::Meta) -> [Vec<u32>; 4] {
    let mut out: [Vec<u32>; 4] = Default::default();
    for tax in Taxonomy::ALL {
        out[tax.index()] = meta.terms[tax.index()]
            .iter()
            .filter_map(|s| site.config.terms(tax).iter().position(|t| &t.slug == s).map(|i| i as u32))
            .collect();
    }
    out
}

/// Initiatives first, then lessons, both in slug order; a document's id is its position.
pub fn documents(site: &Site, t: &Strings) -> Vec<Doc> {
    let kind_index = |k: &str| Kind::NAMES.iter().position(|n| *n == k).unwrap_or(Kind::NAMES.len()) as u32;
    let mut docs: Vec<Doc> = site
        .initiatives
        .par_iter()
        .enumerate()
        .map(|(ii, i)| {
            let [a, b, c, d] = term_indices(site, &i.meta);
            Doc {
                title: i.meta.title.clone(),
                body: format!("{} {} {} {}", i.summary, i.region, i.meta.body.text, term_labels(site, &i.meta)),
                path: urls::initiative(&i.meta.slug),
                kind: "initiatief",
                initiative: i.meta.slug.clone(),
                initiative_title: i.meta.title.clone(),
                teaser: teaser(&i.summary, 200),
                facets: [a, b, c, d, vec![kind_index("initiatief")], vec![ii as u32]],
            }
        })
        .collect();
    docs.par_extend(site.lessons.par_iter().map(|l| {
        let [a, b, c, d] = term_indices(site, &l.meta);
        let init = site.initiatives.binary_search_by(|i| i.meta.slug.cmp(&l.initiative)).ok();
        let init_title = init.map(|ii| site.initiatives[ii].meta.title.clone()).unwrap_or_default();
        Doc {
            title: l.meta.title.clone(),
            body: format!(
                "{} {} {} {}",
                l.meta.body.text,
                init_title,
                tr(t, &format!("kind_{}", l.kind.as_str())),
                term_labels(site, &l.meta)
            ),
            path: urls::lesson(&l.meta.slug),
            kind: l.kind.as_str(),
            initiative: l.initiative.clone(),
            initiative_title: init_title,
            teaser: teaser(&l.meta.body.text, 200),
            facets: [a, b, c, d, vec![kind_index(l.kind.as_str())], init.map(|i| vec![i as u32]).unwrap_or_default()],
        }
    }));
    docs
}

/// Postings of every term: (doc, title count, body count), docs ascending.
pub struct Index {
    pub postings: BTreeMap<String, Vec<[u32; 3]>>,
    pub distinct_words: usize,
}

impl Index {
    pub fn build(docs: &[Doc]) -> Index {
        // Each worker keeps its own stem cache; documents are counted in parallel chunks.
        let parts: Vec<(HashMap<String, Vec<[u32; 3]>>, usize)> = docs
            .par_chunks(256)
            .enumerate()
            .map(|(ci, chunk)| {
                let mut p = Pipeline::new();
                let mut post: HashMap<String, Vec<[u32; 3]>> = HashMap::new();
                for (j, d) in chunk.iter().enumerate() {
                    let id = (ci * 256 + j) as u32;
                    let mut counts: HashMap<String, [u32; 2]> = HashMap::new();
                    for (field, text) in [(0, &d.title), (1, &d.body)] {
                        let folded = pipeline::fold(text);
                        for tok in pipeline::tokens(&folded) {
                            if let Some(term) = p.term(tok) {
                                match counts.get_mut(term) {
                                    Some(c) => c[field] += 1,
                                    None => {
                                        let mut c = [0, 0];
                                        c[field] = 1;
                                        counts.insert(term.to_string(), c);
                                    }
                                }
                            }
                        }
                    }
                    for (term, [t, b]) in counts {
                        post.entry(term).or_default().push([id, t, b]);
                    }
                }
                (post, p.distinct_words())
            })
            .collect();
        let mut postings: BTreeMap<String, Vec<[u32; 3]>> = BTreeMap::new();
        let mut distinct_words = 0;
        for (part, words) in parts {
            distinct_words = distinct_words.max(words);
            for (term, list) in part {
                postings.entry(term).or_default().extend(list);
            }
        }
        postings.par_iter_mut().for_each(|(_, l)| l.sort_unstable_by_key(|p| p[0]));
        Index { postings, distinct_words }
    }

    /// The meta file, term shards and document chunks.
    pub fn files(&self, site: &Site, docs: &[Doc], t: &Strings) -> Vec<OutFile> {
        let mut shards: BTreeMap<String, Vec<(&String, &Vec<[u32; 3]>)>> = BTreeMap::new();
        for (term, list) in &self.postings {
            shards.entry(shard_key(term)).or_default().push((term, list));
        }
        let mut files: Vec<OutFile> = shards
            .par_iter()
            .map(|(key, terms)| {
                let mut js = String::with_capacity(4096);
                js.push_str("leernetSearch.shard(");
                js.push_str(&json(key));
                js.push_str(",{");
                for (i, (term, list)) in terms.iter().enumerate() {
                    if i > 0 {
                        js.push(',');
                    }
                    js.push_str(&json(term));
                    js.push_str(":[");
                    for (j, p) in list.iter().enumerate() {
                        if j > 0 {
                            js.push(',');
                        }
                        js.push_str(&format!("{},{},{}", p[0], p[1], p[2]));
                    }
                    js.push(']');
                }
                js.push_str("});\n");
                OutFile { path: shard_file(key), bytes: js.into_bytes() }
            })
            .collect();
        let chunks: Vec<OutFile> = docs
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(n, chunk)| {
                let list: Vec<_> = chunk.iter().map(|d| serde_json::json!({
                    "t": d.title, "u": d.path, "k": d.kind, "i": d.initiative, "n": d.initiative_title, "s": d.teaser, "f": d.facets,
                })).collect();
                OutFile { path: format!("search/d-{n}.js"), bytes: format!("leernetSearch.docs({n},{});\n", script_safe(serde_json::Value::from(list).to_string())).into_bytes() }
            })
            .collect();
        let doc_files: Vec<String> = chunks.iter().map(|f| f.path.clone()).collect();
        files.extend(chunks);
        let meta = SearchMeta {
            version: 1,
            lang: &site.config.language,
            stopwords: STOP_WORDS,
            boost: serde_json::json!({"title": TITLE_BOOST, "body": 1}),
            prefix: PREFIX,
            shards: shards.keys().map(|k| (k.clone(), shard_file(k))).collect(),
            docs: doc_files,
            chunk: CHUNK,
            count: docs.len(),
            facets: facets(site, t),
            strings: client_strings(t),
        };
        files.push(OutFile {
            path: "search/meta.js".into(),
            bytes: format!("leernetSearch.meta({});\n", script_safe(serde_json::to_string(&meta).expect("plain data")))
                .into_bytes(),
        });
        files
    }
}

#[derive(Serialize)]
struct SearchMeta<'a> {
    version: u32,
    lang: &'a str,
    stopwords: &'static [&'static str],
    boost: serde_json::Value,
    prefix: usize,
    shards: BTreeMap<String, String>,
    docs: Vec<String>,
    chunk: usize,
    count: usize,
    facets: Vec<serde_json::Value>,
    strings: BTreeMap<String, String>,
}

fn json(s: &str) -> String {
    script_safe(serde_json::to_string(s).expect("strings serialise"))
}

/// JSON that is also safe inside any script context: `<`, `>`, `&` and the JavaScript line
/// separators are written as escapes (they can only occur inside JSON strings), so a title like
/// `</script><script>…` stays text wherever the data ends up.
pub fn script_safe(json: String) -> String {
    if !json.contains(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        return json;
    }
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The shard a term belongs to: its first `PREFIX` characters.
pub fn shard_key(term: &str) -> String {
    term.chars().take(PREFIX).collect()
}

/// A file-name-safe form of a shard key: ASCII letters and digits as they are, others as `_hex`.
pub fn shard_file(key: &str) -> String {
    let mut name = String::from("search/t-");
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            name.push_str(&format!("_{:x}", c as u32));
        }
    }
    name.push_str(".js");
    name
}

fn facets(site: &Site, t: &Strings) -> Vec<serde_json::Value> {
    let cfg = &site.config;
    let mut out: Vec<serde_json::Value> = Taxonomy::ALL.iter().map(|&tax| serde_json::json!({
        "param": tax.facet_param(),
        "name": tr(t, &format!("tax_{}", tax.field())),
        "values": cfg.terms(tax).iter().map(|term| serde_json::json!({"slug": term.slug, "label": cfg.label(term)})).collect::<Vec<_>>(),
    })).collect();
    let kinds: Vec<_> = Kind::NAMES
        .iter()
        .chain(["initiatief"].iter())
        .map(|k| serde_json::json!({"slug": k, "label": tr(t, &format!("kind_{k}"))}))
        .collect();
    out.push(serde_json::json!({"param": "soort", "name": tr(t, "facet_soort"), "values": kinds}));
    let inits: Vec<_> =
        site.initiatives.iter().map(|i| serde_json::json!({"slug": i.meta.slug, "label": i.meta.title})).collect();
    out.push(serde_json::json!({"param": "initiatief", "name": tr(t, "facet_initiatief"), "values": inits}));
    out
}

fn client_strings(t: &Strings) -> BTreeMap<String, String> {
    let mut s: BTreeMap<String, String> =
        t.iter().filter_map(|(k, v)| k.strip_prefix("search_").map(|k| (k.to_string(), v.clone()))).collect();
    s.insert("initiative".into(), tr(t, "initiative"));
    s
}
