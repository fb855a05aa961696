//! The per-term and per-document search files (format: docs/search-format.md): term shards
//! split by prefix, one postings file per big term, display chunks; the encoded postings they
//! are made of (`Encoded`). Everything is encoded compactly (v64 numbers) because the bytes a
//! reader downloads for a query are the point of this module. The files that describe the
//! whole index (meta, keys, facets) are in `meta`.

use super::codes::Codes;
use super::encode::postings;
use super::index::{Doc, Index};
use crate::escape::script_json;
use crate::output::OutFile;
use rayon::prelude::*;
use serde_json::json;
use std::ops::Range;

/// The most bytes a term shard should hold: a prefix whose terms are larger is split by one more
/// character (a single term larger than this gets a shard of its own).
pub const SHARD_BYTES: usize = 12 * 1024;
/// Postings longer than this (encoded with codes) go to a file of their own, and the shard
/// holds the term's summary instead, so a shard stays a small dictionary and a query for a rare
/// word never loads a common word's postings.
pub const BIG_TERM: usize = 3072;
/// Front-coded shard keys longer than this are not written into meta.js but into one file per
/// first character (`k-<c>.js`), so meta stays small on a large site.
pub const KEYS_INLINE: usize = 12 * 1024;
/// Documents per display chunk: the client loads the chunks of the results it shows. 4 keeps
/// the ten results of a first screen within ~16 KB while writing half the files of 2 (2,750
/// fewer at 10,000 lessons: each one costs a create now and an unlink at the next build).
pub const CHUNK: usize = 4;
/// Initiatives per label chunk.
pub const LABELS: usize = 4;
/// How many completions a word being typed expands to.
pub const PREFIX_TERMS: usize = 8;

/// One shard: its key, the terms it holds and, for a prefix that was split, all the terms below
/// it (for its `top` list).
#[derive(Debug, PartialEq)]
pub struct Shard {
    pub key: String,
    pub terms: Range<usize>,
    pub below: Option<Range<usize>>,
}

fn prefix(t: &str, n: usize) -> &str {
    t.char_indices().nth(n).map(|(i, _)| &t[..i]).unwrap_or(t)
}

/// Splits the sorted terms (with their sizes in bytes) into shards by prefix: by first
/// character, and a group larger than `SHARD_BYTES` by one more character, recursively. A term
/// belongs to the shard with the longest key that is a prefix of it; keys are unique.
pub fn shard_terms(terms: &[&str], size: &[usize]) -> Vec<Shard> {
    fn split(terms: &[&str], size: &[usize], base: usize, depth: usize, out: &mut Vec<Shard>) {
        let mut i = 0;
        while i < terms.len() {
            let key = prefix(terms[i], depth);
            let mut j = i;
            let mut bytes = 0;
            while j < terms.len() && prefix(terms[j], depth) == key {
                bytes += size[j];
                j += 1;
            }
            let longer = terms[i..j].iter().any(|t| t.chars().count() > depth);
            if bytes <= SHARD_BYTES || !longer || j - i == 1 {
                out.push(Shard { key: key.to_string(), terms: base + i..base + j, below: None });
            } else {
                // Terms equal to the key stay under the key (a shard that exists even when
                // empty: it carries the key's `top` list); the rest split further.
                let mut k = i;
                while k < j && terms[k].chars().count() == depth {
                    k += 1;
                }
                out.push(Shard { key: key.to_string(), terms: base + i..base + k, below: Some(base + i..base + j) });
                split(&terms[k..j], &size[k..j], base + k, depth + 1, out);
            }
            i = j;
        }
    }
    let mut out = Vec::new();
    split(terms, size, 0, 1, &mut out);
    out
}

/// A file-name-safe form of a shard key: ASCII letters and digits as they are, others as `_hex`.
pub fn file_key(key: &str) -> String {
    let mut name = String::new();
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            name.push_str(&format!("_{:x}", c as u32));
        }
    }
    name
}

/// The file of the shard with key `key`.
pub fn shard_file(key: &str) -> String {
    format!("search/t-{}.js", file_key(key))
}

pub(super) fn json(s: &str) -> String {
    script_json(serde_json::to_string(s).expect("strings serialise"))
}

/// The terms with their postings, encoded, and which are big (numbered in term order).
pub struct Encoded {
    pub terms: Vec<String>,
    /// The postings themselves: kept for incremental updates (serve), empty in a plain build.
    pub lists: Vec<Vec<[u32; 2]>>,
    /// Documents per term.
    pub df: Vec<u32>,
    /// Per term: a small term's postings with codes, a big term's without (its p-file).
    pub encoded: Vec<String>,
    /// Per term: a big term's summary, empty for a small term.
    pub summary: Vec<String>,
    /// Per term its big-file number, or `u32::MAX` when its postings are inline.
    pub big: Vec<u32>,
    /// Every document's facet code and initiative.
    pub codes: Codes,
    /// Per term a fingerprint of its shard entry (name, postings, summary, count): kept with
    /// the postings, for the preview server's fingerprints of the search files (`parts`).
    pub fp: Vec<u64>,
}

fn term_fp(term: &str, encoded: &str, summary: &str, df: u32) -> u64 {
    crate::deps::fingerprint((term, encoded, summary, df))
}

/// A term's encoded postings and, for a big term, its summary.
fn encode_term(list: &[[u32; 2]], codes: &Codes) -> (String, String) {
    // Every posting takes at least three characters (gap, weight, one code word).
    if list.len() * 3 <= BIG_TERM && codes.postings_len(list) <= BIG_TERM {
        return (codes.postings(list), String::new());
    }
    (postings(list), codes.summary(list))
}

impl Encoded {
    /// Encodes every term's postings; keeps the postings too when `keep` (for updates).
    pub fn new(index: Index, keep: bool, codes: Codes) -> Encoded {
        let (terms, mut lists): (Vec<String>, Vec<Vec<[u32; 2]>>) = index.postings.into_iter().unzip();
        let (encoded, summary): (Vec<String>, Vec<String>) = lists.par_iter().map(|l| encode_term(l, &codes)).unzip();
        let df: Vec<u32> = lists.iter().map(|l| l.len() as u32).collect();
        let mut fp = Vec::new();
        if keep {
            let each = (0..terms.len()).into_par_iter();
            fp = each.map(|i| term_fp(&terms[i], &encoded[i], &summary[i], df[i])).collect();
        } else {
            lists = Vec::new();
        }
        let mut e = Encoded { terms, lists, df, encoded, summary, big: Vec::new(), codes, fp };
        e.number_big();
        e
    }

    /// Encodes term `i` again from its (kept) postings.
    pub fn encode_at(&mut self, i: usize) {
        (self.encoded[i], self.summary[i]) = encode_term(&self.lists[i], &self.codes);
        self.df[i] = self.lists[i].len() as u32;
        self.fp[i] = term_fp(&self.terms[i], &self.encoded[i], &self.summary[i], self.df[i]);
    }

    /// A new term at `i`, with no postings yet.
    pub fn insert_term(&mut self, i: usize, term: String) {
        self.terms.insert(i, term);
        self.lists.insert(i, Vec::new());
        self.df.insert(i, 0);
        self.encoded.insert(i, String::new());
        self.summary.insert(i, String::new());
        self.big.insert(i, u32::MAX);
        self.fp.insert(i, 0);
    }

    /// Takes term `i` out.
    pub fn remove_term(&mut self, i: usize) {
        self.terms.remove(i);
        self.lists.remove(i);
        self.df.remove(i);
        self.encoded.remove(i);
        self.summary.remove(i);
        self.big.remove(i);
        self.fp.remove(i);
    }

    /// Numbers the big terms in term order.
    pub fn number_big(&mut self) {
        let mut n = 0;
        self.big = self
            .summary
            .iter()
            .map(|e| {
                if !e.is_empty() {
                    n += 1;
                    n - 1
                } else {
                    u32::MAX
                }
            })
            .collect();
    }

    pub fn big_count(&self) -> usize {
        self.big.iter().filter(|&&b| b != u32::MAX).count()
    }

    fn entry(&self, i: usize) -> String {
        match self.big[i] {
            u32::MAX => format!("\"{}\"", self.encoded[i]),
            n => format!("[{n},{},\"{}\"]", self.df[i], self.summary[i]),
        }
    }

    pub fn shards(&self) -> Vec<Shard> {
        let names: Vec<&str> = self.terms.iter().map(String::as_str).collect();
        let size: Vec<usize> = (0..self.terms.len())
            .map(|i| {
                self.terms[i].len()
                    + 4
                    + if self.big[i] == u32::MAX { self.encoded[i].len() + 2 } else { 16 + self.summary[i].len() }
            })
            .collect();
        shard_terms(&names, &size)
    }

    /// A shard's file: its terms and, for a split prefix, its `top` list.
    pub fn shard_file(&self, shard: &Shard) -> OutFile {
        let mut js = String::with_capacity(SHARD_BYTES + 256);
        js.push_str("leernetSearch.shard(");
        js.push_str(&json(&shard.key));
        js.push_str(",{");
        for (n, i) in shard.terms.clone().enumerate() {
            if n > 0 {
                js.push(',');
            }
            js.push_str(&json(&self.terms[i]));
            js.push(':');
            js.push_str(&self.entry(i));
        }
        js.push('}');
        if let Some(below) = &shard.below {
            let mut top: Vec<usize> = below.clone().collect();
            top.sort_by(|&a, &b| self.df[b].cmp(&self.df[a]).then(a.cmp(&b)));
            js.push_str(",[");
            for (n, &i) in top.iter().take(PREFIX_TERMS).enumerate() {
                if n > 0 {
                    js.push(',');
                }
                js.push('[');
                js.push_str(&json(&self.terms[i]));
                js.push(',');
                js.push_str(&self.entry(i));
                js.push(']');
            }
            js.push(']');
        }
        js.push_str(");\n");
        OutFile { path: shard_file(&shard.key), bytes: js.into_bytes() }
    }

    /// The postings file of big term `i`.
    pub fn big_file(&self, i: usize) -> OutFile {
        OutFile {
            path: format!("search/p-{}.js", self.big[i]),
            bytes: format!("leernetSearch.postings({},\"{}\");\n", self.big[i], self.encoded[i]).into_bytes(),
        }
    }
}

/// A document as a display chunk shows it (a JSON object).
pub fn display(d: &Doc) -> String {
    json!({"t": d.title, "u": d.path, "k": d.kind, "n": d.initiative_title, "s": d.teaser}).to_string()
}

/// Display chunk `n` of the documents' display records.
pub fn display_chunk(n: usize, records: &[String]) -> OutFile {
    let body = script_json(format!("[{}]", records.join(",")));
    OutFile { path: format!("search/d-{n}.js"), bytes: format!("leernetSearch.docs({n},{body});\n").into_bytes() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_until_small_and_keys_find_terms() {
        let names = ["a", "ma", "mantel", "mantelzorg", "mar", "markt", "mb", "zorg"];
        let size = [10, 10, 9000, 9000, 10, 9000, 10, 10];
        let shards = shard_terms(&names, &size);
        let keys: Vec<&str> = shards.iter().map(|s| s.key.as_str()).collect();
        for (i, t) in names.iter().enumerate() {
            let holders: Vec<&str> = shards.iter().filter(|s| s.terms.contains(&i)).map(|s| s.key.as_str()).collect();
            assert_eq!(holders.len(), 1, "{t}");
            let longest = keys.iter().filter(|k| t.starts_with(**k)).max_by_key(|k| k.len()).unwrap();
            assert_eq!(holders[0], *longest, "{t} in {keys:?}");
        }
        assert!(keys.contains(&"mantel") && keys.contains(&"mantelz"), "{keys:?}");
        let mut sorted = keys.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "unique keys");
        // "m" was split: its shard exists (no term is just "m") and knows all terms below it.
        let m = shards.iter().find(|s| s.key == "m").unwrap();
        assert_eq!((m.terms.len(), m.below.clone()), (0, Some(1..7)));
        assert_eq!(shards.iter().find(|s| s.key == "zorg" || s.key == "z").unwrap().below, None);
    }
}
