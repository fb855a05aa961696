//! Facet codes and big-term summaries (format v4, docs/search-format.md): what lets the client
//! count facets exactly without downloading a facet table. Every posting of a small term carries
//! its document's facet code (a bit per facet value); a big term's shard entry carries a
//! summary instead: its facet counts, its top initiatives and its best documents, which is all a
//! one-word query on that term shows.

use super::encode::v64;

/// Bits per code word: a code is written as one or more v64 numbers of at most 30 bits, so the
/// client decodes every word as an exact small integer.
pub const WORD_BITS: usize = 30;
/// Documents in a big term's summary (its best, in rank order): the first page of results.
pub const HEAD: usize = 20;
/// Initiatives in a big term's summary: the ones the initiative facet shows.
pub const TOPS: usize = 10;
/// The order of the facets' bits in a code (indices into the five value facets thema, niveau,
/// financiering, domein, soort): the facets every document has first, so codes stay short.
const BIT_ORDER: [usize; 5] = [4, 1, 0, 2, 3];

/// Where each facet value's bit is.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Values per facet, in facet order.
    pub sizes: [usize; 5],
    /// Bit of each facet's first value, in facet order.
    pub offsets: [usize; 5],
    /// Code words per document.
    pub words: usize,
}

impl Layout {
    pub fn new(sizes: [usize; 5]) -> Layout {
        let mut offsets = [0; 5];
        let mut bit = 0;
        for f in BIT_ORDER {
            offsets[f] = bit;
            bit += sizes[f];
        }
        Layout { sizes, offsets, words: bit.div_ceil(WORD_BITS).max(1) }
    }

    fn bits(&self) -> usize {
        self.sizes.iter().sum()
    }
}

/// Per document its code words and its initiative (`u32::MAX`: none).
pub struct Codes {
    pub layout: Layout,
    pub words: Vec<u32>,
    pub owners: Vec<u32>,
    /// Per document the characters its code words take.
    chars: Vec<u8>,
    /// The initiative facets (attrs.rs): per facet its value count and each initiative's value,
    /// counted in summaries through each document's initiative.
    pub attrs: Vec<(usize, Vec<u32>)>,
}

/// Characters of `n` as a v64 number.
fn v64_len(n: u32) -> usize {
    (32 - n.leading_zeros() as usize).div_ceil(5).max(1)
}

impl Codes {
    /// Codes of documents given as (facet values per facet, initiative).
    pub fn new<'a>(layout: Layout, docs: impl Iterator<Item = (&'a [Vec<u32>; 5], Option<u32>)>) -> Codes {
        let mut codes = Codes { layout, words: Vec::new(), owners: Vec::new(), chars: Vec::new(), attrs: Vec::new() };
        for (facets, owner) in docs {
            let start = codes.words.len();
            codes.words.resize(start + codes.layout.words, 0);
            codes.owners.push(owner.unwrap_or(u32::MAX));
            codes.chars.push(0);
            codes.set(start / codes.layout.words, facets);
        }
        codes
    }

    /// Sets document `doc`'s code from its facet values.
    pub fn set(&mut self, doc: usize, facets: &[Vec<u32>; 5]) {
        let w = self.layout.words;
        let code = &mut self.words[doc * w..(doc + 1) * w];
        code.fill(0);
        for (f, values) in facets.iter().enumerate() {
            for &v in values {
                if (v as usize) < self.layout.sizes[f] {
                    let bit = self.layout.offsets[f] + v as usize;
                    code[bit / WORD_BITS] |= 1 << (bit % WORD_BITS);
                }
            }
        }
        self.chars[doc] = code.iter().map(|&w| v64_len(w) as u8).sum();
    }

    pub fn code(&self, doc: u32) -> &[u32] {
        let w = self.layout.words;
        self.words.get(doc as usize * w..(doc as usize + 1) * w).unwrap_or(&[])
    }

    /// The length of `postings(list)`, without writing it.
    pub fn postings_len(&self, list: &[[u32; 2]]) -> usize {
        let mut prev = 0;
        list.iter()
            .map(|p| {
                let n = v64_len(p[0] - prev) + v64_len(p[1]) + *self.chars.get(p[0] as usize).unwrap_or(&1) as usize;
                prev = p[0];
                n
            })
            .sum()
    }

    /// A small term's postings as its shard holds them: `gap, weight` and the document's code
    /// words per document (see the format).
    pub fn postings(&self, list: &[[u32; 2]]) -> String {
        let mut s = String::with_capacity(list.len() * (3 + 4 * self.layout.words));
        let mut prev = 0;
        for p in list {
            v64(&mut s, p[0] - prev);
            v64(&mut s, p[1]);
            for &w in self.code(p[0]) {
                v64(&mut s, w);
            }
            prev = p[0];
        }
        s
    }

    /// A big term's summary (see the format): facet counts, top initiatives, best documents.
    pub fn summary(&self, list: &[[u32; 2]]) -> String {
        let layout = &self.layout;
        let mut bits = vec![0u32; layout.bits()];
        let mut owners: Vec<(u32, u32)> = Vec::new();
        for p in list {
            for (w, &word) in self.code(p[0]).iter().enumerate() {
                let mut rest = word;
                while rest != 0 {
                    let b = rest.trailing_zeros() as usize;
                    if let Some(c) = bits.get_mut(w * WORD_BITS + b) {
                        *c += 1;
                    }
                    rest &= rest - 1;
                }
            }
            match (self.owners.get(p[0] as usize), owners.last_mut()) {
                (Some(&o), Some(last)) if last.0 == o => last.1 += 1,
                (Some(&o), _) if o != u32::MAX => owners.push((o, 1)),
                _ => {}
            }
        }
        let mut s = String::with_capacity(256);
        for f in 0..5 {
            for v in 0..layout.sizes[f] {
                v64(&mut s, bits[layout.offsets[f] + v]);
            }
        }
        for (size, of) in &self.attrs {
            let mut counts = vec![0u32; *size];
            for p in list {
                let value = self.owners.get(p[0] as usize).and_then(|&o| of.get(o as usize));
                if let Some(c) = value.and_then(|&v| counts.get_mut(v as usize)) {
                    *c += 1;
                }
            }
            for c in counts {
                v64(&mut s, c);
            }
        }
        // Lessons follow their initiatives in id order, so runs merge all but an initiative's
        // own document (ids 0..I-1) with its lessons.
        owners.sort_unstable();
        owners.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += b.1;
            }
            same
        });
        owners.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        owners.truncate(TOPS);
        v64(&mut s, owners.len() as u32);
        for (o, n) in owners {
            v64(&mut s, o);
            v64(&mut s, n);
        }
        let mut head: Vec<[u32; 2]> = list.to_vec();
        let rank = |a: &[u32; 2], b: &[u32; 2]| b[1].cmp(&a[1]).then(a[0].cmp(&b[0]));
        if head.len() > HEAD {
            head.select_nth_unstable_by(HEAD - 1, rank);
            head.truncate(HEAD);
        }
        head.sort_unstable_by(rank);
        v64(&mut s, head.len() as u32);
        for p in head {
            v64(&mut s, p[0]);
            v64(&mut s, p[1]);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::encode::v64 as enc;

    fn decode(s: &str) -> Vec<u32> {
        const V64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = Vec::new();
        let (mut n, mut shift) = (0u32, 0);
        for c in s.chars() {
            let g = V64.find(c).unwrap() as u32;
            n |= (g & 31) << shift;
            if g >= 32 {
                shift += 5;
            } else {
                out.push(n);
                n = 0;
                shift = 0;
            }
        }
        out
    }

    #[test]
    fn layout_puts_common_facets_first_and_splits_words() {
        let l = Layout::new([12, 8, 7, 5, 6]);
        assert_eq!(l.offsets, [14, 6, 26, 33, 0]);
        assert_eq!(l.words, 2);
        assert_eq!(Layout::new([0, 0, 0, 0, 0]).words, 1);
    }

    #[test]
    fn codes_and_summaries() {
        // Two facets in use: thema (2 values) and soort (3); 2 initiatives, docs 0-1 are them.
        let layout = Layout::new([2, 0, 0, 0, 3]);
        let facets: Vec<[Vec<u32>; 5]> = vec![
            [vec![0], vec![], vec![], vec![], vec![2]],
            [vec![1], vec![], vec![], vec![], vec![2]],
            [vec![0, 1], vec![], vec![], vec![], vec![0]],
            [vec![], vec![], vec![], vec![], vec![1]],
            [vec![1], vec![], vec![], vec![], vec![0]],
        ];
        let owners = [Some(0), Some(1), Some(0), Some(1), Some(1)];
        let codes = Codes::new(layout, facets.iter().zip(owners));
        // soort bits 0-2, thema bits 3-4.
        assert_eq!(codes.code(2), &[0b11001]);
        let s = codes.summary(&[[1, 5], [2, 9], [3, 9], [4, 1]]);
        let mut want = String::new();
        for n in [1, 3, 2, 1, 1] {
            enc(&mut want, n); // thema a, b; soort 0, 1, 2
        }
        for n in [2, 1, 3, 0, 1] {
            enc(&mut want, n); // 2 initiatives: 1 (3 docs), 0 (1)
        }
        for n in [4, 2, 9, 3, 9, 1, 5, 4, 1] {
            enc(&mut want, n); // head by weight, then id
        }
        assert_eq!(s, want);
        assert_eq!(decode(&s)[..5], [1, 3, 2, 1, 1]);
        // Postings with codes: gap, weight, code (one word here).
        assert_eq!(decode(&codes.postings(&[[2, 9], [4, 1]])), [2, 9, 0b11001, 2, 1, 0b10001]);
        for list in [&[[2, 9], [4, 1]][..], &[[0, 40], [3, 1000], [4, 1]], &[]] {
            assert_eq!(codes.postings_len(list), codes.postings(list).len());
        }
        assert_eq!(
            [v64_len(0), v64_len(31), v64_len(32), v64_len(1023), v64_len(1024), v64_len(u32::MAX)],
            [1, 1, 2, 2, 3, 7]
        );
    }

    #[test]
    fn summaries_count_initiative_facets_through_each_documents_initiative() {
        // One value facet (soort, 2 values); 2 initiatives (docs 0-1), lessons 2-3 of
        // initiative 0, lesson 4 of 1, lesson 5 of none. An initiative facet with 3 values:
        // initiative 0 has value 2, initiative 1 value 0; and one with 1 value, all value 0.
        let facets: Vec<[Vec<u32>; 5]> =
            (0..6).map(|d| [vec![], vec![], vec![], vec![], vec![u32::from(d >= 2)]]).collect();
        let owners = [Some(0), Some(1), Some(0), Some(0), Some(1), None];
        let mut codes = Codes::new(Layout::new([0, 0, 0, 0, 2]), facets.iter().zip(owners));
        let plain = codes.summary(&[[0, 3], [2, 1], [4, 2], [5, 1]]);
        codes.attrs = vec![(3, vec![2, 0]), (1, vec![0, 0])];
        let s = codes.summary(&[[0, 3], [2, 1], [4, 2], [5, 1]]);
        // soort: 1 initiative, 3 lessons; then 1 with value 0 (doc 4), none 1, 2 with value 2
        // (docs 0, 2); the second facet: 3 (doc 5 has no initiative); then as without them.
        assert_eq!(decode(&s)[..6], [1, 3, 1, 0, 2, 3]);
        assert_eq!(decode(&s)[6..], decode(&plain)[2..]);
    }
}
