//! The sharded index: postings per term (document, title count, body count), split into shard
//! files by the first characters of the term, and the document store (what a result shows)
//! split into chunks. The format is described in the README ("How search works").

use super::pipeline::{self, Pipeline, STOP_WORDS};
use crate::config::Taxonomy;
use crate::content::model::{self, Kind, Site};
use crate::render::OutFile;
use crate::render::urls;
use crate::render::views::{Strings, teaser, tr};
use ahash::AHashMap;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// The most bytes a term shard should hold: a shard whose terms would be larger is split by
/// longer prefixes (a single term larger than this gets a shard of its own).
pub const SHARD_BYTES: usize = 16 * 1024;
/// Documents per document chunk: small, so showing the first results loads little.
pub const CHUNK: usize = 32;
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
        let init = site.initiative_index(&l.initiative);
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

/// One worker's share of the index: its own token cache and term dictionary, so the hot loop
/// does one hash look-up per token and stems each distinct word once per worker.
#[derive(Default)]
struct Local {
    /// Folded token → local term id (`None` for stop words).
    tokens: AHashMap<String, Option<u32>>,
    terms: Vec<String>,
    term_ids: AHashMap<String, u32>,
    postings: Vec<Vec<[u32; 3]>>,
    /// Per local term: counts in the current document, and which were touched.
    counts: Vec<[u32; 2]>,
    touched: Vec<u32>,
}

impl Local {
    fn add(&mut self, p: &Pipeline, id: u32, doc: &Doc) {
        let mut buf = String::new();
        for (field, text) in [(0, &doc.title), (1, &doc.body)] {
            let Local { tokens, terms, term_ids, postings, counts, touched } = self;
            pipeline::for_each_token(text, &mut buf, |tok| {
                let term = match tokens.get(tok) {
                    Some(t) => *t,
                    None => {
                        let t = p.analyse(tok).map(|stem| {
                            let next = terms.len() as u32;
                            *term_ids.entry(stem.clone()).or_insert_with(|| {
                                terms.push(stem);
                                postings.push(Vec::new());
                                counts.push([0, 0]);
                                next
                            })
                        });
                        tokens.insert(tok.to_string(), t);
                        t
                    }
                };
                if let Some(t) = term {
                    let c = &mut counts[t as usize];
                    if c[0] == 0 && c[1] == 0 {
                        touched.push(t);
                    }
                    c[field] += 1;
                }
            });
        }
        for &t in &self.touched {
            let c = &mut self.counts[t as usize];
            self.postings[t as usize].push([id, c[0], c[1]]);
            *c = [0, 0];
        }
        self.touched.clear();
    }
}

impl Index {
    pub fn build(docs: &[Doc]) -> Index {
        let pipeline = Pipeline::new();
        // One contiguous share per thread: each share stems its distinct words once.
        let share = docs.len().div_ceil(rayon::current_num_threads()).max(1);
        let parts: Vec<Local> = docs
            .par_chunks(share)
            .enumerate()
            .map(|(n, chunk)| {
                let mut local = Local::default();
                for (j, d) in chunk.iter().enumerate() {
                    local.add(&pipeline, (n * share + j) as u32, d);
                }
                local
            })
            .collect();
        let distinct_words = parts.iter().map(|l| l.tokens.len()).max().unwrap_or(0);
        let mut postings: AHashMap<String, Vec<[u32; 3]>> = AHashMap::new();
        for part in parts {
            for (term, list) in part.terms.into_iter().zip(part.postings) {
                match postings.get_mut(&term) {
                    Some(l) => l.extend(list),
                    None => {
                        postings.insert(term, list);
                    }
                }
            }
        }
        let mut postings: Vec<(String, Vec<[u32; 3]>)> = postings.into_iter().collect();
        postings.par_iter_mut().for_each(|(_, l)| l.sort_unstable_by_key(|p| p[0]));
        Index { postings: postings.into_iter().collect(), distinct_words }
    }

    /// The meta file, term shards and document chunks.
    pub fn files(&self, site: &Site, docs: &[Doc], t: &Strings) -> Vec<OutFile> {
        let terms: Vec<(&String, &Vec<[u32; 3]>)> = self.postings.iter().collect();
        let shards = shard_terms(&terms);
        let mut files: Vec<OutFile> = shards
            .par_iter()
            .map(|(key, range)| {
                let mut js = String::with_capacity(4096);
                js.push_str("leernetSearch.shard(");
                js.push_str(&json(key));
                js.push_str(",{");
                for (i, (term, list)) in terms[range.clone()].iter().enumerate() {
                    if i > 0 {
                        js.push(',');
                    }
                    js.push_str(&json(term));
                    js.push(':');
                    write_postings(&mut js, list);
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
            shards: shards.iter().map(|(k, _)| (k.clone(), shard_file(k))).collect(),
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

use crate::render::escape::script_json as script_safe;

/// A term's postings as written: `[doc gap, weight, doc gap, weight, …]`, where the gap is the
/// difference to the previous document id (the first is the id itself) and the weight is
/// `TITLE_BOOST × title count + body count`.
fn write_postings(js: &mut String, list: &[[u32; 3]]) {
    let mut num = itoa::Buffer::new();
    js.push('[');
    let mut prev = 0;
    for (j, p) in list.iter().enumerate() {
        if j > 0 {
            js.push(',');
        }
        js.push_str(num.format(p[0] - prev));
        js.push(',');
        js.push_str(num.format(TITLE_BOOST * p[1] + p[2]));
        prev = p[0];
    }
    js.push(']');
}

/// Approximate bytes a term takes in a shard file.
fn term_bytes(term: &str, list: &[[u32; 3]]) -> usize {
    term.len() + 4 + list.len() * 6
}

/// Splits the sorted terms into shards: by first character, and a group larger than
/// `SHARD_BYTES` by one more character, recursively. Returns (key, range of `terms`); a term
/// belongs to the shard with the longest key that is a prefix of it. Keys are unique.
pub fn shard_terms(terms: &[(&String, &Vec<[u32; 3]>)]) -> Vec<(String, std::ops::Range<usize>)> {
    fn prefix(t: &str, n: usize) -> &str {
        t.char_indices().nth(n).map(|(i, _)| &t[..i]).unwrap_or(t)
    }
    fn split(
        terms: &[(&String, &Vec<[u32; 3]>)],
        base: usize,
        depth: usize,
        out: &mut Vec<(String, std::ops::Range<usize>)>,
    ) {
        let mut i = 0;
        while i < terms.len() {
            let key = prefix(terms[i].0, depth);
            let mut j = i;
            let mut bytes = 0;
            while j < terms.len() && prefix(terms[j].0, depth) == key {
                bytes += term_bytes(terms[j].0, terms[j].1);
                j += 1;
            }
            let longer = terms[i..j].iter().any(|(t, _)| t.chars().count() > depth);
            if bytes <= SHARD_BYTES || !longer || j - i == 1 {
                out.push((key.to_string(), base + i..base + j));
            } else {
                // Terms equal to the key itself stay under the key; the rest split further.
                let mut k = i;
                while k < j && terms[k].0.chars().count() == depth {
                    k += 1;
                }
                if k > i {
                    out.push((key.to_string(), base + i..base + k));
                }
                split(&terms[k..j], base + k, depth + 1, out);
            }
            i = j;
        }
    }
    let mut out = Vec::new();
    split(terms, 0, 1, &mut out);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_until_small_and_keys_find_terms() {
        let big: Vec<[u32; 3]> = (0..3000).map(|d| [d, 1, 0]).collect();
        let small: Vec<[u32; 3]> = vec![[1, 0, 1]];
        let names: Vec<String> =
            ["a", "ma", "mantel", "mantelzorg", "mar", "markt", "mb", "zorg"].iter().map(|s| s.to_string()).collect();
        let lists = [&small, &small, &big, &big, &small, &big, &small, &small];
        let terms: Vec<(&String, &Vec<[u32; 3]>)> = names.iter().zip(lists).collect();
        let shards = shard_terms(&terms);
        let keys: Vec<&str> = shards.iter().map(|(k, _)| k.as_str()).collect();
        // Every term in exactly one shard, and that shard's key is the longest key prefixing it.
        for (i, (t, _)) in terms.iter().enumerate() {
            let holders: Vec<&str> = shards.iter().filter(|(_, r)| r.contains(&i)).map(|(k, _)| k.as_str()).collect();
            assert_eq!(holders.len(), 1, "{t}");
            let longest = keys.iter().filter(|k| t.starts_with(**k)).max_by_key(|k| k.len()).unwrap();
            assert_eq!(holders[0], *longest, "{t} in {keys:?}");
        }
        assert!(keys.contains(&"mantel") && keys.contains(&"mantelz"), "{keys:?}");
        let mut sorted = keys.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "unique keys");
    }

    #[test]
    fn postings_are_gaps_and_weights() {
        let mut js = String::new();
        write_postings(&mut js, &[[3, 1, 2], [7, 0, 1], [8, 2, 0]]);
        assert_eq!(js, "[3,12,4,1,1,20]");
    }
}
