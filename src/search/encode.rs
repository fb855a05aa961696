//! The compact encodings of the search files (docs/search-format.md): v64 numbers, postings,
//! document sets and front-coded keys. The browser client decodes them (client/search/encodings.js);
//! both sides test against the same vectors.

const V64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends `n` as a v64 number: 5-bit groups, least significant first, `+32` on all but the last.
pub fn v64(out: &mut String, mut n: u32) {
    loop {
        let group = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(V64[group] as char);
            return;
        }
        out.push(V64[group | 32] as char);
    }
}

/// A term's postings: `gap, weight` per document (see the format).
pub fn postings(list: &[[u32; 2]]) -> String {
    let mut s = String::with_capacity(list.len() * 2 + 2);
    let mut prev = 0;
    for p in list {
        v64(&mut s, p[0] - prev);
        v64(&mut s, p[1]);
        prev = p[0];
    }
    s
}

/// A set of document ids (ascending) as a bitset (`b…`) or gaps (`g…`), whichever is shorter.
pub fn doc_set(ids: &[u32]) -> String {
    let mut gaps = String::from("g");
    let mut prev = 0;
    for &id in ids {
        v64(&mut gaps, id - prev);
        prev = id;
    }
    let bits_len = 1 + ids.last().map_or(0, |&l| l as usize / 6 + 1);
    if gaps.len() <= bits_len {
        return gaps;
    }
    let mut bits = vec![0u8; bits_len - 1];
    for &id in ids {
        bits[id as usize / 6] |= 1 << (id % 6);
    }
    let mut s = String::with_capacity(bits_len);
    s.push('b');
    s.extend(bits.iter().map(|&b| V64[b as usize] as char));
    s
}

/// Sorted keys, each written as the number of code points it shares with the previous key (one
/// base-36 digit, at most 35) and the rest, separated by spaces: `zo zor zorg` → `0zo 2r 3g`.
pub fn front_coded<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut prev: Vec<char> = Vec::new();
    for key in keys {
        let chars: Vec<char> = key.chars().collect();
        let shared = prev.iter().zip(&chars).take_while(|(a, b)| a == b).count().min(35);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(char::from_digit(shared as u32, 36).expect("at most 35"));
        out.extend(&chars[shared..]);
        prev = chars;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v64_numbers_and_postings() {
        let mut s = String::new();
        for n in [0, 1, 31, 32, 33, 1023, 1024] {
            v64(&mut s, n);
            s.push(' ');
        }
        // 32 = group 0 with "more" (32 → 'g'), then 1 ('B'); 1023 = 31+32 ('_'), 31 ('f').
        assert_eq!(s, "A B f gB hB _f ggB ");
        // Docs 3, 7, 8 with weights 12, 1, 20: gaps 3, 4, 1.
        assert_eq!(postings(&[[3, 12], [7, 1], [8, 20]]), "DMEBBU");
    }

    #[test]
    fn keys_are_front_coded() {
        assert_eq!(front_coded(["a", "zo", "zor", "zorg", "zoö", "zoöx"].into_iter()), "0a 0zo 2r 3g 2ö 3x");
        assert_eq!(front_coded(std::iter::empty()), "");
    }

    #[test]
    fn doc_sets_pick_the_shorter_form() {
        assert_eq!(doc_set(&[]), "g");
        assert_eq!(doc_set(&[2, 40]), "gCmB");
        // Dense: 0..12 → bits 0-5 set in two characters (63 = '_').
        assert_eq!(doc_set(&(0..12).collect::<Vec<_>>()), "b__");
        assert_eq!(doc_set(&[0, 1, 7]), "bDC");
    }
}
