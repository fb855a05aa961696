//! The search files that describe the whole index:
//! `search/meta.js` (what every search loads first: version, sizes, facets, interface strings
//! and, on a small site, the shard keys), the key files of a large site, and the facet files
//! f.js (a document set per facet value), r.js (the initiative ranges), a.js (the initiative
//! facets, attrs.rs) and n.js (the first slug of each label chunk). Format:
//! docs/search-format.md.

use super::attrs::Attrs;
use super::codes::{HEAD, Layout, TOPS};
use super::encode::{doc_set, front_coded, v64};
use super::files::{CHUNK, Encoded, KEYS_INLINE, LABELS, PREFIX_TERMS, Shard, file_key, json};
use super::index::{FACETS, TITLE_BOOST, kinds};
use super::pipeline::STOP_WORDS;
use crate::config::Taxonomy;
use crate::content::model::Site;
use crate::escape::script_json;
use crate::output::OutFile;
use crate::strings::{Strings, tr};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

/// The code layout of a site: its facets' value counts.
pub fn layout(site: &Site) -> Layout {
    let sizes = facets_sizes(site);
    Layout::new([sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]])
}

/// Where the shard keys go: front-coded into meta.js, or, when that would be over
/// `KEYS_INLINE`, grouped by first character into one key file per group (`search/k-<c>.js`).
enum Keys<'a> {
    Inline(String),
    Groups(Vec<(String, Vec<&'a str>)>),
}

impl<'a> Keys<'a> {
    fn of(keys: impl Iterator<Item = &'a str> + Clone) -> Keys<'a> {
        let all = front_coded(keys.clone());
        if all.len() <= KEYS_INLINE {
            return Keys::Inline(all);
        }
        let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
        for key in keys {
            let first: String = key.chars().take(1).collect();
            match groups.last_mut() {
                Some((g, keys)) if *g == first => keys.push(key),
                _ => groups.push((first, vec![key])),
            }
        }
        Keys::Groups(groups)
    }
}

fn key_file(group: &str) -> String {
    format!("search/k-{}.js", file_key(group))
}

/// The key files written for these shard keys (none when they fit in meta.js).
pub fn key_files<'a>(keys: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    match Keys::of(keys) {
        Keys::Inline(_) => Vec::new(),
        Keys::Groups(groups) => groups.iter().map(|(g, _)| key_file(g)).collect(),
    }
}

/// `search/meta.js` and, when the keys are not inline, the key files.
pub fn meta_files(
    site: &Site,
    t: &Strings,
    attrs: &Attrs,
    shards: &[Shard],
    enc: &Encoded,
    count: usize,
) -> Vec<OutFile> {
    let mut out = Vec::new();
    let (keys, groups) = match Keys::of(shards.iter().map(|s| s.key.as_str())) {
        Keys::Inline(all) => (Some(all), None),
        Keys::Groups(groups) => {
            for (g, keys) in &groups {
                let body = json(&front_coded(keys.iter().copied()));
                let bytes = format!("leernetSearch.keys({},{body});\n", json(g)).into_bytes();
                out.push(OutFile { path: key_file(g), bytes });
            }
            (None, Some(groups.into_iter().map(|(g, _)| g).collect()))
        }
    };
    let layout = &enc.codes.layout;
    let mut offsets: Vec<Option<usize>> = layout.offsets.iter().map(|&o| Some(o)).collect();
    offsets.extend(attrs.facets.iter().map(|_| None));
    offsets.push(None);
    let meta = Meta {
        version: 4,
        lang: &site.config.language,
        stopwords: STOP_WORDS,
        boost: json!({"title": TITLE_BOOST, "body": 1}),
        count,
        initiatives: site.initiatives.len(),
        chunk: CHUNK,
        labels: LABELS,
        prefix: PREFIX_TERMS,
        keys,
        groups,
        big: enc.big_count(),
        code: json!({"words": layout.words, "offsets": offsets}),
        head: HEAD,
        tops: TOPS,
        facets: facets(site, t, attrs),
        strings: client_strings(t),
    };
    out.push(OutFile {
        path: "search/meta.js".into(),
        bytes: format!("leernetSearch.meta({});\n", script_json(serde_json::to_string(&meta).expect("plain data")))
            .into_bytes(),
    });
    out
}

/// `search/f.js`: one document set per facet value.
pub fn facet_file(site: &Site, facets: &[&[Vec<u32>; 5]]) -> OutFile {
    let sizes: Vec<usize> = facets_sizes(site);
    let mut sets: Vec<Vec<Vec<u32>>> = sizes.iter().map(|&n| vec![Vec::new(); n]).collect();
    for (id, d) in facets.iter().enumerate() {
        for (f, values) in d.iter().enumerate() {
            for &v in values {
                sets[f][v as usize].push(id as u32);
            }
        }
    }
    let values: Vec<Vec<String>> = sets.par_iter().map(|f| f.iter().map(|ids| doc_set(ids)).collect()).collect();
    let body = json!({"values": values});
    OutFile { path: "search/f.js".into(), bytes: format!("leernetSearch.facets({body});\n").into_bytes() }
}

/// `search/r.js`: for each initiative in order, how many lessons it has (its range of ids).
pub fn ranges_file(site: &Site, owners: &[u32]) -> OutFile {
    let n = site.initiatives.len();
    let mut per_init = vec![0u32; n];
    for &o in owners.get(n..).unwrap_or(&[]) {
        if let Some(c) = per_init.get_mut(o as usize) {
            *c += 1;
        }
    }
    let mut counts = String::new();
    for c in per_init {
        v64(&mut counts, c);
    }
    OutFile { path: "search/r.js".into(), bytes: format!("leernetSearch.ranges({});\n", json(&counts)).into_bytes() }
}

pub(super) fn facets_sizes(site: &Site) -> Vec<usize> {
    let mut v: Vec<usize> = Taxonomy::ALL.iter().map(|&t| site.config.terms(t).len()).collect();
    v.push(kinds().count());
    v
}

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    lang: &'a str,
    stopwords: &'static [&'static str],
    boost: serde_json::Value,
    count: usize,
    initiatives: usize,
    chunk: usize,
    labels: usize,
    prefix: usize,
    keys: Option<String>,
    groups: Option<Vec<String>>,
    big: usize,
    code: serde_json::Value,
    head: usize,
    tops: usize,
    facets: Vec<serde_json::Value>,
    strings: BTreeMap<String, String>,
}

fn facets(site: &Site, t: &Strings, attrs: &Attrs) -> Vec<serde_json::Value> {
    let cfg = &site.config;
    let mut out: Vec<serde_json::Value> = Taxonomy::ALL.iter().map(|&tax| json!({
        "param": tax.facet_param(),
        "name": tr(t, &format!("tax_{}", tax.field())),
        "values": cfg.terms(tax).iter().map(|term| json!({"slug": term.slug, "label": cfg.label(term)})).collect::<Vec<_>>(),
    })).collect();
    let kinds: Vec<_> = kinds().map(|k| json!({"slug": k, "label": tr(t, &format!("kind_{k}"))})).collect();
    out.push(json!({"param": FACETS[4], "name": tr(t, "facet_soort"), "values": kinds}));
    out.extend(attrs.meta());
    out.push(json!({"param": FACETS[5], "name": tr(t, "facet_initiatief"), "values": null}));
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
    fn keys_move_to_key_files_when_meta_would_be_too_big() {
        let small = ["a", "b", "ø"];
        assert!(key_files(small.iter().copied()).is_empty());
        // Long keys that share little: over KEYS_INLINE front-coded, in three first characters.
        let many: Vec<String> =
            ["a", "b", "ø"].iter().flat_map(|c| (0..2000).map(move |n| format!("{c}{:x}", n * 7919))).collect();
        let mut many: Vec<&str> = many.iter().map(String::as_str).collect();
        many.sort_unstable();
        assert!(front_coded(many.iter().copied()).len() > KEYS_INLINE);
        assert_eq!(key_files(many.iter().copied()), ["search/k-a.js", "search/k-b.js", "search/k-_f8.js"]);
    }
}
