//! Glossary links: wraps the first mention of each glossary term in a body's HTML in
//! `<a class="gloss" href="…#id"><abbr title="…">term</abbr></a>`.
//!
//! One pass over the HTML: markup is copied as is, text outside links, abbreviations, code,
//! headings, scripts and styles is searched with one Aho-Corasick automaton of all terms
//! (leftmost-longest, so `ketenDBC` wins over `DBC`). Matches are case-sensitive and whole-word
//! (letters, digits, `_` and combining marks are word characters; a tag edge is a boundary).
//! Entities are never split; `&nbsp;`-like entities count as spaces, letter entities as letters.

use crate::config::GlossaryEntry;
use crate::content::markdown::slugify;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use std::collections::HashMap;
use std::fmt::Write;

/// Elements whose text is never annotated.
const SKIP: [&str; 18] = [
    "a", "abbr", "code", "pre", "kbd", "samp", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "button", "select", "svg",
    "math", "var",
];
/// Elements whose content is raw text, copied up to their end tag unparsed.
const RAW: [&str; 4] = ["script", "style", "textarea", "title"];
/// Named entities that stand for spaces or punctuation (every other named entity is a letter).
const NON_WORD_ENTITIES: [&str; 20] = [
    "amp", "lt", "gt", "quot", "apos", "nbsp", "ensp", "emsp", "thinsp", "ndash", "mdash", "hellip", "lsquo", "rsquo",
    "ldquo", "rdquo", "laquo", "raquo", "middot", "bull",
];

struct Term {
    /// The term as it appears in HTML text (`&`, `<`, `>` escaped).
    text: String,
    /// Attribute-escaped fragment id.
    id: String,
    /// Attribute-escaped tooltip.
    title: String,
}

/// A compiled glossary; build once, annotate many pages.
pub struct Glossary {
    ac: Option<AhoCorasick>,
    terms: Vec<Term>,
    /// Per term, the other terms that are proper prefixes of it, longest first.
    prefixes: Vec<Vec<usize>>,
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;").replace('\'', "&#39;")
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || unicode_normalization::char::is_combining_mark(c)
}

/// Whether the entity `&…;` stands for a word character.
fn entity_is_word(entity: &str) -> bool {
    let name = &entity[1..entity.len() - 1];
    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()
    } else if let Some(dec) = name.strip_prefix('#') {
        dec.parse().ok()
    } else {
        return !NON_WORD_ENTITIES.contains(&name);
    };
    code.and_then(char::from_u32).is_some_and(is_word)
}

/// The spans of the character references in a text segment.
fn entities(seg: &str) -> Vec<(usize, usize)> {
    let b = seg.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(off) = seg[i..].find('&') {
        let a = i + off;
        let mut j = a + 1;
        if j < b.len() && b[j] == b'#' {
            j += 1;
        }
        while j < b.len() && j - a < 40 && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j < b.len() && b[j] == b';' && j > a + 1 {
            spans.push((a, j + 1));
            i = j + 1;
        } else {
            i = a + 1;
        }
    }
    spans
}

impl Glossary {
    pub fn new(entries: &[GlossaryEntry]) -> Glossary {
        let mut terms: Vec<Term> = Vec::new();
        for e in entries {
            let text = escape_text(e.term.trim());
            if text.is_empty() || terms.iter().any(|t| t.text == text) {
                continue;
            }
            let exp = e.expansion.trim();
            let title = if (!exp.is_empty() && exp != e.term.trim()) || e.definition.trim().is_empty() {
                if exp.is_empty() { e.term.trim() } else { exp }
            } else {
                e.definition.trim()
            };
            terms.push(Term { text, id: escape_attr(&slugify(&e.term)), title: escape_attr(title) });
        }
        // Proper prefixes of each term, found by looking up each of its prefixes: linear in the
        // total length of the terms.
        let by_text: HashMap<&str, usize> = terms.iter().enumerate().map(|(i, t)| (t.text.as_str(), i)).collect();
        let prefixes = terms
            .iter()
            .map(|t| t.text.char_indices().rev().filter_map(|(at, _)| by_text.get(&t.text[..at]).copied()).collect())
            .collect();
        // A plain DFA without a prefilter: bodies are full of near misses (compound words holding
        // a term), which made the default SIMD prefilter stop and check at most words.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(terms.iter().map(|t| &t.text))
            .ok();
        Glossary { ac, terms, prefixes }
    }

    /// Annotates one HTML fragment; `glossary_href` is the link to the glossary page.
    pub fn annotate(&self, html: &str, glossary_href: &str) -> String {
        let Some(ac) = self.ac.as_ref().filter(|_| !self.terms.is_empty()) else { return html.to_string() };
        let mut st = State {
            g: self,
            ac,
            href: escape_attr(glossary_href),
            used: vec![false; self.terms.len()],
            remaining: self.terms.len(),
            out: String::with_capacity(html.len() + 256),
        };
        let b = html.as_bytes();
        let mut skip = 0usize;
        let mut i = 0;
        while i < b.len() {
            if st.remaining == 0 {
                st.out.push_str(&html[i..]);
                break;
            }
            let lt = html[i..].find('<').map_or(b.len(), |o| i + o);
            if lt > i {
                if skip == 0 { st.text(&html[i..lt]) } else { st.out.push_str(&html[i..lt]) }
            }
            if lt >= b.len() {
                break;
            }
            let end = markup_end(html, lt, &mut skip);
            st.out.push_str(&html[lt..end]);
            i = end;
        }
        st.out
    }
}

/// Where the markup starting with `<` at `lt` ends; updates the depth of skipped elements.
/// A `<` that starts no markup is returned as a one-byte "markup" (copied as is).
fn markup_end(html: &str, lt: usize, skip: &mut usize) -> usize {
    let b = html.as_bytes();
    let rest = &html[lt..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        return comment.find("-->").map_or(b.len(), |o| lt + 4 + o + 3);
    }
    let next = b.get(lt + 1).copied().unwrap_or(0);
    let (closing, name_at) = match next {
        b'/' if b.get(lt + 2).is_some_and(|c| c.is_ascii_alphabetic()) => (true, lt + 2),
        c if c.is_ascii_alphabetic() => (false, lt + 1),
        b'!' | b'?' => return rest.find('>').map_or(b.len(), |o| lt + o + 1),
        _ => return lt + 1,
    };
    let mut j = name_at;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
        j += 1;
    }
    let name = &html[name_at..j];
    while j < b.len() && b[j] != b'>' {
        if b[j] == b'"' || b[j] == b'\'' {
            j = html[j + 1..].find(b[j] as char).map_or(b.len(), |o| j + 1 + o);
        }
        j += 1;
    }
    let end = (j + 1).min(b.len());
    let self_closing = end >= 2 && b[end - 1] == b'>' && b[end - 2] == b'/';
    let is = |list: &[&str]| list.iter().any(|s| s.eq_ignore_ascii_case(name));
    if closing {
        if is(&SKIP) {
            *skip = skip.saturating_sub(1);
        }
    } else if !self_closing && is(&RAW) {
        return raw_end(html, end, name);
    } else if !self_closing && is(&SKIP) {
        *skip += 1;
    }
    end
}

/// The end of a raw-text element's end tag (`</script>`), searched from `from`.
fn raw_end(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let mut k = from;
    while let Some(o) = html[k..].find("</") {
        let at = k + o + 2;
        let after = at + name.len();
        if after <= b.len()
            && b[at..after].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return html[after..].find('>').map_or(b.len(), |o| after + o + 1);
        }
        k = at;
    }
    b.len()
}

struct State<'a> {
    g: &'a Glossary,
    ac: &'a AhoCorasick,
    href: String,
    used: Vec<bool>,
    remaining: usize,
    out: String,
}

impl State<'_> {
    /// Annotates one text segment (between two tags) into `out`.
    fn text(&mut self, seg: &str) {
        let spans = if seg.contains('&') { entities(seg) } else { Vec::new() };
        let (mut pos, mut last) = (0, 0);
        while pos < seg.len() && self.remaining > 0 {
            let Some(m) = self.ac.find(Input::new(seg).range(pos..)) else { break };
            let s = m.start();
            let p = m.pattern().as_usize();
            let candidates = std::iter::once(p).chain(self.g.prefixes[p].iter().copied());
            let chosen = candidates.into_iter().find(|&q| whole_word(seg, &spans, s, s + self.g.terms[q].text.len()));
            match chosen {
                Some(q) => {
                    let e = s + self.g.terms[q].text.len();
                    if !self.used[q] {
                        self.used[q] = true;
                        self.remaining -= 1;
                        let t = &self.g.terms[q];
                        let (before, term, href) = (&seg[last..s], &seg[s..e], &self.href);
                        let _ = write!(
                            self.out,
                            r#"{before}<a class="gloss" href="{href}#{}"><abbr title="{}">{term}</abbr></a>"#,
                            t.id, t.title
                        );
                        last = e;
                    }
                    pos = e;
                }
                None => pos = s + seg[s..].chars().next().map_or(1, char::len_utf8),
            }
        }
        self.out.push_str(&seg[last..]);
    }
}

/// Whether `seg[s..e]` is a whole word that splits no entity (`spans` sorted, disjoint).
fn whole_word(seg: &str, spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let inside = |x: usize| {
        let i = spans.partition_point(|&(a, _)| a < x);
        i > 0 && x < spans[i - 1].1
    };
    if inside(s) || inside(e) {
        return false;
    }
    let ending = spans.partition_point(|&(_, b)| b < s);
    let before = match spans.get(ending).filter(|&&(_, b)| b == s) {
        Some(&(a, b)) => entity_is_word(&seg[a..b]),
        None => seg[..s].chars().next_back().is_some_and(is_word),
    };
    let starting = spans.partition_point(|&(a, _)| a < e);
    let after = match spans.get(starting).filter(|&&(a, _)| a == e) {
        Some(&(a, b)) => entity_is_word(&seg[a..b]),
        None => seg[e..].chars().next().is_some_and(is_word),
    };
    !before && !after
}

/// Wraps the first mention of each glossary term in `html`; see the module documentation.
pub fn annotate(html: &str, entries: &[GlossaryEntry], glossary_href: &str) -> String {
    Glossary::new(entries).annotate(html, glossary_href)
}

#[cfg(test)]
mod tests;
