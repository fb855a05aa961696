//! The word-run matcher behind `check --sources`: words normalised for case, diacritics and
//! punctuation, an index of every run of `RUN` words (a "shingle") in the source texts, and a
//! linear scan of a content text that merges overlapping shared windows into one run each.
//! Words inside quotation marks are marked, so that a quotation can be skipped. Knows nothing of
//! files or Markdown.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use unicode_normalization::UnicodeNormalization;

/// The shortest run of shared words that is reported.
pub const RUN: usize = 8;

/// One word of a text: where it is (byte offsets in that text), its normalised hash and whether
/// it stands between quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
    pub quoted: bool,
}

/// Fixed seeds: the same words give the same hashes in every run (no randomness in reports).
fn hasher() -> ahash::RandomState {
    ahash::RandomState::with_seeds(0x6c65_6572, 0x6e65_7420, 0x636f_7069, 0x6564_2121)
}

fn word_hash(state: &ahash::RandomState, word: &str) -> u64 {
    let mut h = state.build_hasher();
    // Lower-cased, diacritics dropped: `Cliënt` and `client` are one word.
    for c in word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        for l in c.to_lowercase() {
            h.write_u32(l as u32);
        }
    }
    h.finish()
}

const DOUBLE_OPEN: [char; 3] = ['“', '„', '«'];
const DOUBLE_CLOSE: [char; 2] = ['”', '»'];
const SINGLE: [char; 3] = ['\'', '‘', '’'];

/// Dutch words written with a leading apostrophe (`'s avonds`, `'t`, `'n`): not a quotation.
fn elided_word(rest: &str) -> bool {
    let mut it = rest.chars();
    matches!(it.next(), Some('s' | 't' | 'n' | 'S' | 'T' | 'N')) && !it.next().is_some_and(char::is_alphanumeric)
}

/// Splits `text` into words (runs of letters and digits), each with its hash and whether it is
/// quoted: between `"…"`, `“…”`, `„…”`, `«…»` or a pair of single quotes `'…'` / `‘…’`. An
/// apostrophe inside a word (`zo'n`) or before `'s`/`'t`/`'n` opens nothing. `quoted` marks
/// every word when the whole text is a quotation (a Markdown block quote).
pub fn words(text: &str, quoted: bool) -> Vec<Word> {
    let state = hasher();
    let mut out = Vec::new();
    let (mut double, mut single) = (false, false);
    let mut prev: Option<char> = None;
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Word>, s: usize, e: usize, q: bool| {
        out.push(Word { start: s, end: e, hash: word_hash(&state, &text[s..e]), quoted: q || quoted });
    };
    let mut word_quoted = false;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
                word_quoted = double || single;
            }
            prev = Some(c);
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut out, s, i, word_quoted);
        }
        let rest = &text[i + c.len_utf8()..];
        let next = rest.chars().next();
        let prev_word = prev.is_some_and(|p| p.is_alphanumeric() || ".,;:!?…)".contains(p));
        let next_word = next.is_some_and(|n| n.is_alphanumeric());
        if c == '"' {
            double = !double;
        } else if DOUBLE_OPEN.contains(&c) {
            // „…“ (German style) closes with the sign that opens in English.
            double = !(double && c == '“');
        } else if DOUBLE_CLOSE.contains(&c) {
            double = false;
        } else if SINGLE.contains(&c) {
            // Anything else is an apostrophe: zo'n, cliënts', 's avonds.
            if single && prev_word && !next_word {
                single = false;
            } else if !single && !prev.is_some_and(char::is_alphanumeric) && next_word && !elided_word(rest) {
                single = true;
            }
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        push(&mut out, s, text.len(), word_quoted);
    }
    out
}

/// The hash of the `RUN` words starting at each position (none when there are fewer words).
fn window_hashes(words: &[Word]) -> impl Iterator<Item = u64> + '_ {
    words.windows(RUN).map(|w| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for x in w {
            h = (h ^ x.hash).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
        }
        h
    })
}

/// Where a shingle was first seen: source file (index into the list of files) and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub file: u32,
    pub line: u32,
}

/// Every run of `RUN` words of the source texts.
#[derive(Default)]
pub struct Index {
    shingles: HashMap<u64, Origin, ahash::RandomState>,
}

impl Index {
    /// Adds the shingles of one source text (file number `file`).
    pub fn add(&mut self, file: u32, text: &str) {
        let words = words(text, false);
        // The line of each word, counted once over the text.
        let mut line = 1u32;
        let mut at = 0;
        let mut lines = Vec::with_capacity(words.len());
        for w in &words {
            line += text.as_bytes()[at..w.start].iter().filter(|b| **b == b'\n').count() as u32;
            at = w.start;
            lines.push(line);
        }
        for (i, h) in window_hashes(&words).enumerate() {
            self.shingles.entry(h).or_insert(Origin { file, line: lines[i] });
        }
    }

    /// How many different runs the sources hold.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.shingles.len()
    }

    /// The runs of at least `RUN` words of `words` that also stand in a source, none of whose
    /// words is quoted; overlapping windows are merged into one run. Linear in `words`.
    pub fn runs(&self, words: &[Word]) -> Vec<Run> {
        // quoted_before[i]: how many of the first i words are quoted.
        let mut quoted_before = Vec::with_capacity(words.len() + 1);
        quoted_before.push(0usize);
        for w in words {
            quoted_before.push(quoted_before.last().copied().unwrap_or(0) + usize::from(w.quoted));
        }
        let mut runs: Vec<Run> = Vec::new();
        for (i, h) in window_hashes(words).enumerate() {
            if quoted_before[i + RUN] != quoted_before[i] {
                continue;
            }
            let Some(origin) = self.shingles.get(&h) else { continue };
            match runs.last_mut() {
                Some(r) if i < r.end => r.end = i + RUN,
                _ => runs.push(Run { start: i, end: i + RUN, origin: *origin }),
            }
        }
        runs
    }
}

/// A run of shared words: `words[start..end]` of the content text, first seen in the source at
/// `origin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "Bekijk het rapport.\nVerken de populatie in de wijken waar je zorg biedt. \
                          Met deze cijfers en kennis kan de juiste zorg worden ingezet.";

    fn index() -> Index {
        let mut ix = Index::default();
        ix.add(0, SOURCE);
        ix
    }

    fn shown(text: &str) -> Vec<String> {
        let w = words(text, false);
        index().runs(&w).iter().map(|r| text[w[r.start].start..w[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn finds_a_copied_run_with_its_source_line() {
        let text = "Een tip: verken de populatie in de wijken waar je zorg biedt, zegt het rapport.";
        let w = words(text, false);
        let runs = index().runs(&w);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(
            &text[w[runs[0].start].start..w[runs[0].end - 1].end],
            "verken de populatie in de wijken waar je zorg biedt"
        );
        assert_eq!(runs[0].end - runs[0].start, 10);
        assert_eq!(runs[0].origin, Origin { file: 0, line: 2 });
    }

    #[test]
    fn case_diacritics_and_punctuation_are_normalised() {
        // Other case, a comma and a line break inside, an accent, a hyphen for a space.
        let text = "VERKEN de populatie, in dé wijken\nwaar-je zorg biedt!";
        assert_eq!(shown(text), ["VERKEN de populatie, in dé wijken\nwaar-je zorg biedt"]);
    }

    #[test]
    fn seven_words_are_not_reported_eight_are() {
        assert!(shown("Zij zeggen: verken de populatie in de wijken waar, en meer.").is_empty());
        assert_eq!(
            shown("Zij zeggen: verken de populatie in de wijken waar je, en meer."),
            ["verken de populatie in de wijken waar je"]
        );
    }

    #[test]
    fn quoted_runs_are_skipped_in_every_kind_of_quotation_mark() {
        for (open, close) in [("“", "”"), ("„", "”"), ("\"", "\""), ("'", "'"), ("‘", "’"), ("«", "»"), ("„", "“")]
        {
            let text =
                format!("Het rapport zegt: {open}Verken de populatie in de wijken waar je zorg biedt.{close} Mooi.");
            assert!(shown(&text).is_empty(), "{text}: {:?}", shown(&text));
        }
        // After the closing mark, the words count again.
        let text = "Zo'n 'advies' luidt: verken de populatie in de wijken waar je zorg biedt.";
        assert_eq!(shown(text).len(), 1, "an apostrophe in zo'n and a closed quote do not hide the run");
    }

    #[test]
    fn a_run_partly_quoted_counts_only_its_unquoted_part() {
        // Quoted up to "wijken"; the unquoted rest is 4 words: nothing to report.
        let text = "“Verken de populatie in de wijken” waar je zorg biedt.";
        assert!(shown(text).is_empty());
        // Quoted part short, unquoted part 8 words: reported.
        let text = "“Verken de” populatie in de wijken waar je zorg biedt.";
        assert_eq!(shown(text), ["populatie in de wijken waar je zorg biedt"]);
    }

    #[test]
    fn elided_words_and_block_quotes() {
        let w = words("'s avonds zegt ze 'wat wil ik' en 't klopt", false);
        let quoted: Vec<bool> = w.iter().map(|x| x.quoted).collect();
        assert_eq!(quoted, [false, false, false, false, true, true, true, false, false, false]);
        assert!(words("alles geciteerd", true).iter().all(|x| x.quoted));
    }

    #[test]
    fn two_separate_runs_are_two_warnings_overlapping_windows_one() {
        let text = "Verken de populatie in de wijken waar je zorg biedt. Iets heel anders hier tussen. \
                    Met deze cijfers en kennis kan de juiste zorg worden ingezet.";
        assert_eq!(shown(text).len(), 2);
        let w = words(text, false);
        let runs = index().runs(&w);
        assert_eq!(runs[1].end - runs[1].start, 11);
    }
}
