//! The search documents and their postings: every initiative and lesson run through the Dutch
//! pipeline once, giving per term the documents that contain it with their title and body
//! counts. `files` turns this into the files the client loads; the format is in
//! docs/search-format.md.

use super::pipeline::{self, Pipeline};
use crate::config::Taxonomy;
use crate::content::model::{self, Kind, Site};
use crate::strings::{Strings, teaser, tr};
use crate::urls;
use ahash::AHashMap;
use rayon::prelude::*;
use std::collections::BTreeMap;

pub const TITLE_BOOST: u32 = 10;

/// The facets, in the order the client shows them: the four taxonomies, kind and initiative.
pub const FACETS: [&str; 6] = ["thema", "niveau", "financiering", "domein", "soort", "initiatief"];
/// The facet values of kind, in order (lesson kinds, then initiatives).
pub fn kinds() -> impl Iterator<Item = &'static str> {
    Kind::NAMES.iter().copied().chain(["initiatief"])
}

/// One searchable document. It borrows the long texts from the site, so the index costs no
/// copy of the content.
pub struct Doc<'a> {
    pub title: &'a str,
    /// The body text, indexed besides the title.
    pub text: &'a str,
    /// More text indexed with the body: summary and region, initiative name, kind, term labels.
    pub extra: String,
    pub path: String,
    pub kind: &'static str,
    /// Index of its initiative (for an initiative: itself).
    pub initiative: Option<u32>,
    pub initiative_title: String,
    pub teaser: String,
    /// Value indices per facet, for the first five facets (`FACETS`; initiative is `initiative`).
    pub facets: [Vec<u32>; 5],
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

fn facet_values(site: &Site, meta: &model::Meta, kind: &str) -> [Vec<u32>; 5] {
    let mut out: [Vec<u32>; 5] = Default::default();
    for tax in Taxonomy::ALL {
        out[tax.index()] = meta.terms[tax.index()]
            .iter()
            .filter_map(|s| site.config.terms(tax).iter().position(|t| &t.slug == s).map(|i| i as u32))
            .collect();
    }
    out[4] = kinds().position(|k| k == kind).map(|i| vec![i as u32]).unwrap_or_default();
    out
}

/// The order of the lessons as documents: by initiative index, then slug (the site's order), so
/// the lessons of one initiative are one range of ids. Lessons without a known initiative last.
pub fn lesson_order(site: &Site) -> Vec<usize> {
    let init: Vec<usize> =
        site.lessons.iter().map(|l| site.initiative_index(&l.initiative).unwrap_or(usize::MAX)).collect();
    let mut order: Vec<usize> = (0..site.lessons.len()).collect();
    order.sort_unstable_by_key(|&i| (init[i], i));
    order
}

/// The search document of lesson `li` (its index in the site).
pub fn lesson_doc<'a>(site: &'a Site, t: &Strings, li: usize) -> Doc<'a> {
    doc_of_lesson(site, t, &site.lessons[li])
}

/// The search document of a lesson of `site` (or of an earlier version of one).
pub fn doc_of_lesson<'a>(site: &Site, t: &Strings, l: &'a model::Lesson) -> Doc<'a> {
    let init = site.initiative_index(&l.initiative);
    let init_title = init.map(|ii| site.initiatives[ii].meta.title.clone()).unwrap_or_default();
    Doc {
        title: &l.meta.title,
        text: &l.meta.body.text,
        extra: format!("{} {} {}", init_title, tr(t, &format!("kind_{}", l.kind.as_str())), term_labels(site, &l.meta)),
        path: urls::lesson(&l.meta.slug),
        kind: l.kind.as_str(),
        initiative: init.map(|i| i as u32),
        initiative_title: init_title,
        teaser: teaser(&l.meta.body.text, 200),
        facets: facet_values(site, &l.meta, l.kind.as_str()),
    }
}

/// Initiatives first (slug order), then lessons in `lesson_order`; a document's id is its position.
pub fn documents<'a>(site: &'a Site, t: &Strings) -> Vec<Doc<'a>> {
    let mut docs: Vec<Doc> = site
        .initiatives
        .par_iter()
        .enumerate()
        .map(|(ii, i)| Doc {
            title: &i.meta.title,
            text: &i.meta.body.text,
            extra: format!("{} {} {}", i.summary, i.region, term_labels(site, &i.meta)),
            path: urls::initiative(&i.meta.slug),
            kind: "initiatief",
            initiative: Some(ii as u32),
            initiative_title: i.meta.title.clone(),
            teaser: teaser(&i.summary, 200),
            facets: facet_values(site, &i.meta, "initiatief"),
        })
        .collect();
    let order = lesson_order(site);
    docs.par_extend(order.par_iter().map(|&li| lesson_doc(site, t, li)));
    docs
}

/// Postings of every term: (doc, weight), docs ascending; the weight is
/// `TITLE_BOOST × count in the title + count in the rest`.
pub struct Index {
    pub postings: BTreeMap<String, Vec<[u32; 2]>>,
}

/// One worker's share of the index: its own token cache and term dictionary, so the hot loop
/// does one hash look-up per token and stems each distinct word once per worker.
#[derive(Default)]
struct Local {
    /// Folded token → local term id (`None` for stop words).
    tokens: Tokens,
    terms: Vec<String>,
    term_ids: AHashMap<String, u32>,
    postings: Vec<Vec<[u32; 2]>>,
    /// Per local term: its weight in the current document, and which were touched.
    counts: Vec<u32>,
    touched: Vec<u32>,
}

/// The token cache: most tokens are short, and those are looked up by their bytes packed into
/// one or two integers (hashed and compared as such, with no pointer to follow: Dutch compounds
/// are often longer than 16 bytes); the rare longer ones by string.
#[derive(Default)]
struct Tokens {
    short: AHashMap<Bytes<1>, Option<u32>>,
    mid: AHashMap<Bytes<2>, Option<u32>>,
    long: AHashMap<String, Option<u32>>,
}

/// Up to `16 × N` bytes of a token as `2 × N` words: aligned to 8 bytes, not to the 16 of a
/// `u128`, so a table entry with its term takes 24 bytes instead of 32 (fewer cache misses in
/// the hot loop, which waits on memory).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Bytes<const N: usize>([[u64; 2]; N]);

impl<const N: usize> std::hash::Hash for Bytes<N> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for [lo, hi] in self.0 {
            state.write_u128(u128::from(lo) | (u128::from(hi) << 64));
        }
    }
}

/// A token's bytes in one integer (up to 16) or two (up to 32): a token never holds a zero byte,
/// so no two tokens pack alike.
enum Packed<'a> {
    Short(Bytes<1>),
    Mid(Bytes<2>),
    Long(&'a str),
}

impl Tokens {
    fn packed(tok: &str) -> Packed<'_> {
        let b = tok.as_bytes();
        let pack = |part: &[u8]| {
            let mut key = [0u8; 16];
            key[..part.len()].copy_from_slice(part);
            let word = u128::from_le_bytes(key);
            [word as u64, (word >> 64) as u64]
        };
        match b.len() {
            0..=16 => Packed::Short(Bytes([pack(b)])),
            17..=32 => Packed::Mid(Bytes([pack(&b[..16]), pack(&b[16..])])),
            _ => Packed::Long(tok),
        }
    }

    fn get(&self, tok: &str) -> Option<Option<u32>> {
        match Self::packed(tok) {
            Packed::Short(key) => self.short.get(&key).copied(),
            Packed::Mid(key) => self.mid.get(&key).copied(),
            Packed::Long(tok) => self.long.get(tok).copied(),
        }
    }

    fn insert(&mut self, tok: &str, term: Option<u32>) {
        match Self::packed(tok) {
            Packed::Short(key) => self.short.insert(key, term),
            Packed::Mid(key) => self.mid.insert(key, term),
            Packed::Long(tok) => self.long.insert(tok.to_string(), term),
        };
    }
}

impl Local {
    fn add(&mut self, p: &Pipeline, id: u32, doc: &Doc) {
        let mut buf = String::new();
        for (boost, text) in [(TITLE_BOOST, doc.title), (1, doc.text), (1, doc.extra.as_str())] {
            let Local { tokens, terms, term_ids, postings, counts, touched } = self;
            pipeline::for_each_token(text, &mut buf, |tok| {
                let term = match tokens.get(tok) {
                    Some(t) => t,
                    None => {
                        let t = p.analyse(tok).map(|stem| {
                            let next = terms.len() as u32;
                            *term_ids.entry(stem.clone()).or_insert_with(|| {
                                terms.push(stem);
                                postings.push(Vec::new());
                                counts.push(0);
                                next
                            })
                        });
                        tokens.insert(tok, t);
                        t
                    }
                };
                if let Some(t) = term {
                    let c = &mut counts[t as usize];
                    if *c == 0 {
                        touched.push(t);
                    }
                    *c += boost;
                }
            });
        }
        for &t in &self.touched {
            let c = &mut self.counts[t as usize];
            self.postings[t as usize].push([id, *c]);
            *c = 0;
        }
        self.touched.clear();
    }
}

impl Index {
    pub fn build(docs: &[Doc]) -> Index {
        let pipeline = Pipeline::new();
        // One contiguous share per thread, of about equal text (an initiative has more than a
        // lesson): each share stems its distinct words once.
        let parts: Vec<Local> = shares(docs, rayon::current_num_threads())
            .into_par_iter()
            .map(|range| {
                let mut local = Local::default();
                for id in range {
                    local.add(&pipeline, id as u32, &docs[id]);
                }
                local
            })
            .collect();
        Index { postings: merge(parts) }
    }
}

/// `n` contiguous ranges of `docs` (at least one) with about the same amount of text each.
fn shares(docs: &[Doc], n: usize) -> Vec<std::ops::Range<usize>> {
    let size = |d: &Doc| d.title.len() + d.text.len() + d.extra.len() + 1;
    let per = docs.iter().map(size).sum::<usize>().div_ceil(n.max(1)).max(1);
    let (mut out, mut start, mut filled) = (Vec::new(), 0, 0);
    for (i, d) in docs.iter().enumerate() {
        filled += size(d);
        if filled >= per && out.len() + 1 < n {
            out.push(start..i + 1);
            (start, filled) = (i + 1, 0);
        }
    }
    out.push(start..docs.len());
    out
}

/// The shares' postings joined per term. Shares are contiguous and in document order, so a
/// term's list is its shares' lists one after the other (documents ascending).
fn merge(parts: Vec<Local>) -> BTreeMap<String, Vec<[u32; 2]>> {
    let mut all: Vec<(String, usize, Vec<[u32; 2]>)> = parts
        .into_iter()
        .enumerate()
        .flat_map(|(n, part)| part.terms.into_iter().zip(part.postings).map(move |(t, l)| (t, n, l)))
        .collect();
    all.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut joined: Vec<(String, Vec<[u32; 2]>)> = Vec::with_capacity(all.len());
    for (term, _, list) in all {
        match joined.last_mut() {
            Some((t, l)) if *t == term => l.extend_from_slice(&list),
            _ => joined.push((term, list)),
        }
    }
    // Already in term order: the map is built from the sorted list without sorting again.
    joined.into_iter().collect()
}

/// One document's terms with their weights, sorted by term.
pub fn analyse_doc(p: &Pipeline, doc: &Doc) -> Vec<(String, u32)> {
    let mut local = Local::default();
    local.add(p, 0, doc);
    let mut out: Vec<(String, u32)> = local.terms.into_iter().zip(local.postings).map(|(t, l)| (t, l[0][1])).collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(title: &'a str, text: &'a str) -> Doc<'a> {
        Doc {
            title,
            text,
            extra: String::new(),
            path: String::new(),
            kind: "les",
            initiative: None,
            initiative_title: String::new(),
            teaser: String::new(),
            facets: Default::default(),
        }
    }

    #[test]
    fn shares_cover_every_document_once_in_order() {
        let long = "woord ".repeat(50);
        let docs: Vec<Doc> = (0..10).map(|i| doc("t", if i < 3 { &long } else { "kort" })).collect();
        for n in [1, 2, 3, 16] {
            let s = shares(&docs, n);
            assert!(!s.is_empty() && s.len() <= n);
            assert_eq!(s.iter().flat_map(|r| r.clone()).collect::<Vec<_>>(), (0..10).collect::<Vec<_>>());
        }
        // The three long documents weigh as much as the rest: they get a share of their own.
        assert_eq!(shares(&docs, 2)[0], 0..2);
        assert_eq!(shares(&[], 2), vec![std::ops::Range { start: 0, end: 0 }]);
    }

    #[test]
    fn the_token_cache_tells_apart_tokens_of_every_length() {
        let mut tokens = Tokens::default();
        // Around the packing limits (16 and 32 bytes), with shared beginnings and endings.
        let words: Vec<String> = (1..=40)
            .flat_map(|n| ["a".repeat(n), format!("{}b", "a".repeat(n - 1)), format!("b{}", "a".repeat(n - 1))])
            .chain(["zorgverzekeraarsoverleg".into(), "zorgverzekeraarsoverlegje".into(), "ë".repeat(9)])
            .fold(Vec::new(), |mut v, w| {
                if !v.contains(&w) {
                    v.push(w);
                }
                v
            });
        for (i, w) in words.iter().enumerate() {
            assert_eq!(tokens.get(w), None, "{w} not seen yet");
            tokens.insert(w, (i % 3 != 0).then_some(i as u32));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(tokens.get(w), Some((i % 3 != 0).then_some(i as u32)), "{w}");
        }
        assert!(!tokens.short.is_empty() && !tokens.mid.is_empty() && !tokens.long.is_empty());
    }

    #[test]
    fn postings_are_the_same_whatever_the_shares() {
        let texts = ["zorg en welzijn", "mantelzorg zorg", "wijkteam", "zorg zorg budget"];
        let docs: Vec<Doc> = texts.iter().map(|t| doc("Zorg", t)).collect();
        let one = {
            let p = Pipeline::new();
            let mut local = Local::default();
            for (i, d) in docs.iter().enumerate() {
                local.add(&p, i as u32, d);
            }
            merge(vec![local])
        };
        assert_eq!(Index::build(&docs).postings, one);
        assert_eq!(one["zorg"], [[0, 11], [1, 11], [2, 10], [3, 12]]);
    }
}
