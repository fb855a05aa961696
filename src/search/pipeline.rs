//! The text pipeline of the search index: lowercase, fold diacritics, split into runs of
//! letters and digits, drop Dutch stop words, stem with Snowball Dutch. The browser client
//! (client/search/text.js) implements the same steps; a test runs both over the same words.
//! Each distinct word is stemmed once (a cache), because a large site has far fewer distinct
//! words than tokens.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// elasticlunr-rs's Dutch stop-word list (`du`), which the elasticlunr export uses too.
pub const STOP_WORDS: &[&str] = &[
    "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de", "der", "deze", "die",
    "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge", "geen", "geweest", "haar", "had", "heb",
    "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "iemand", "iets", "ik", "in", "is", "ja", "je",
    "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets",
    "nog", "nu", "of", "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen",
    "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "werd", "wezen", "wie", "wil",
    "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zonder", "zou",
];

/// elasticlunr's language code for the site (Dutch is `du` there, not `nl`). The content is
/// Dutch whatever the interface language, so an English interface still gets the Dutch pipeline.
pub fn elasticlunr_code(_site_language: &str) -> &'static str {
    "du"
}

/// Lowercase and remove diacritics (`Coördinatie` → `coordinatie`).
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// Folded tokens: maximal runs of letters and digits.
pub fn tokens(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty())
}

/// What one byte of the text is to the tokenizer: an ASCII lowercase letter or digit, an ASCII
/// uppercase letter, an ASCII separator, or part of a non-ASCII character (decided by decoding it).
const LOWER: u8 = 0;
const UPPER: u8 = 1;
const SEPARATOR: u8 = 2;
const NON_ASCII: u8 = 3;
const CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};

/// The same tokens as `tokens(&fold(text))`, produced without folding the whole text first:
/// the raw text is split into runs of letters, digits and combining marks, and only runs with
/// non-ASCII characters are folded (then split again, since folding drops the marks). Calls `f`
/// with each folded token; `buf` is scratch space.
pub fn for_each_token(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let is_word = |c: char| c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
    // Byte by byte: ASCII decides with one comparison; only non-ASCII characters are decoded.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII separators (most of them) are skipped without decoding anything.
        while i < bytes.len() && CLASS[bytes[i] as usize] == SEPARATOR {
            i += 1;
        }
        let start = i;
        let (mut ascii, mut upper) = (true, false);
        while i < bytes.len() {
            let class = CLASS[bytes[i] as usize];
            if class == LOWER {
                i += 1;
            } else if class == UPPER {
                upper = true;
                i += 1;
            } else if class == SEPARATOR {
                break;
            } else {
                let c = text[i..].chars().next().expect("a char starts here");
                if !is_word(c) {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        if start == i {
            // A separator: a whole non-ASCII character (or the end).
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let run = &text[start..i];
        if !ascii {
            for t in tokens(&fold(run)) {
                f(t);
            }
        } else if upper {
            buf.clear();
            buf.push_str(run);
            buf.make_ascii_lowercase();
            f(buf);
        } else {
            f(run);
        }
    }
}

/// Stems words, remembering every word it has seen.
pub struct Pipeline {
    stemmer: Stemmer,
    cache: HashMap<String, Option<String>>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    pub fn new() -> Self {
        Pipeline { stemmer: Stemmer::create(Algorithm::Dutch), cache: HashMap::new() }
    }

    /// The index term of one folded token, or `None` for a stop word (no caching).
    pub fn analyse(&self, token: &str) -> Option<String> {
        if STOP_WORDS.binary_search(&token).is_ok() { None } else { Some(self.stemmer.stem(token).into_owned()) }
    }

    /// `analyse`, remembering every token seen.
    pub fn term(&mut self, token: &str) -> Option<&str> {
        if !self.cache.contains_key(token) {
            let v = self.analyse(token);
            self.cache.insert(token.to_string(), v);
        }
        self.cache[token].as_deref()
    }

    /// Every (token, term) of a text, in order; stop words give `None`.
    pub fn run(&mut self, text: &str) -> Vec<(String, Option<String>)> {
        let folded = fold(text);
        tokens(&folded).map(|t| (t.to_string(), self.term(t).map(str::to_string))).collect()
    }

    pub fn distinct_words(&self) -> usize {
        self.cache.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_tokens_equal_fold_then_split() {
        let texts = [
            "De Coördinatie van ZORG-verleners, café e\u{301}t Ærø ǅemal ½ 3,5 — Ⓐb İstanbul ΣΑΣ ﬁne",
            "naïeve reünie: één, twee! x\u{300}y\u{301}",
        ];
        // And many mixtures of ASCII, accents, combining marks, separators and other scripts.
        let parts = [
            "a", "Zorg", "9", " ", "-", "é", "e\u{301}", "\u{301}", "—", "½", "Ⓐ", "ß", "İ", "Σ", ",", "ﬁ", "\n", "ij",
        ];
        let mut seed = 7u64;
        let mixes: Vec<String> = (0..2000)
            .map(|_| {
                (0..12)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        parts[(seed >> 33) as usize % parts.len()]
                    })
                    .collect()
            })
            .collect();
        for t in texts.iter().copied().chain(mixes.iter().map(String::as_str)) {
            let slow: Vec<String> = tokens(&fold(t)).map(str::to_string).collect();
            let mut fast = Vec::new();
            for_each_token(t, &mut String::new(), |tok| fast.push(tok.to_string()));
            assert_eq!(fast, slow, "{t}");
        }
    }

    #[test]
    fn stop_words_sorted_for_binary_search() {
        let mut s = STOP_WORDS.to_vec();
        s.sort();
        assert_eq!(s, STOP_WORDS);
    }

    #[test]
    fn folds_and_stems() {
        let mut p = Pipeline::new();
        let out = p.run("De Coördinatie van mantelzorgers, 2014!");
        let terms: Vec<_> = out.iter().map(|(t, s)| (t.as_str(), s.as_deref())).collect();
        assert_eq!(terms[0], ("de", None));
        assert_eq!(terms[1].0, "coordinatie");
        assert_eq!(p.run("coordinatie")[0].1, terms[1].1.map(str::to_string));
        assert_eq!(terms[4], ("2014", Some("2014")));
    }

    /// Our cached pipeline gives the same terms as elasticlunr-rs's own Dutch pipeline.
    #[test]
    fn same_as_elasticlunr_du_pipeline() {
        let lang = elasticlunr::lang::from_code(elasticlunr_code("nl")).unwrap();
        let el = lang.make_pipeline();
        let words = "mantelzorgers wijkverpleegkundigen ondersteuning gemeenten zorgverzekeraar \
            samenwerking bewoners huisartsen zelfmanagement opschaling financiering leersessies \
            kinderen lopen liep gelopen mogelijkheden gezondheid positieve aan de het een zijn";
        let mut ours = Pipeline::new();
        for w in words.split_whitespace() {
            let theirs: Vec<String> = el.run(vec![w.to_string()]);
            let mine: Vec<String> = ours.term(w).map(|s| vec![s.to_string()]).unwrap_or_default();
            assert_eq!(mine, theirs, "word {w}");
        }
    }
}
