//! A body's text with its whitespace collapsed: every body's text goes through it once, so it
//! skips printable ASCII eight bytes at a time and copies runs of words already joined by single
//! spaces in one piece.

/// `s`'s words joined by one space (what `split_whitespace` and `join(" ")` give), in one pass
/// and one allocation: every body's text goes through it.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    // The words since `seg` are already joined by single spaces: they are copied in one piece
    // when a longer gap (or the end) comes, not word by word.
    let (mut seg, mut word_end): (Option<usize>, usize) = (None, 0);
    let flush = |out: &mut String, from: usize, to: usize| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[from..to]);
    };
    let mut i = 0;
    // Byte by byte: an ASCII byte decides with one comparison; only non-ASCII characters are
    // decoded (some of them are whitespace too).
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b < 128 {
            (is_ascii_space(b), 1)
        } else {
            let c = s[i..].chars().next().expect("a char starts here");
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            i += len;
            continue;
        }
        // A word starts at i.
        match seg {
            Some(from) if !(i == word_end + 1 && bytes[word_end] == b' ') => {
                flush(&mut out, from, word_end);
                seg = Some(i);
            }
            Some(_) => {}
            None => seg = Some(i),
        }
        // Its end: the next whitespace (every ASCII whitespace byte is at most b' ').
        while i < bytes.len() {
            i += printable_ascii_run(&bytes[i..]);
            let Some(&b) = bytes.get(i) else { break };
            if b > b' ' && b < 128 {
                i += 1;
            } else if b < 128 {
                if is_ascii_space(b) {
                    break;
                }
                i += 1;
            } else {
                let c = s[i..].chars().next().expect("a char starts here");
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        word_end = i;
    }
    if let Some(from) = seg {
        flush(&mut out, from, word_end);
    }
    out
}

/// Whether ASCII byte `b` is whitespace as `char::is_whitespace` has it (with the vertical tab,
/// which `u8::is_ascii_whitespace` leaves out).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// How many bytes `b` starts with that are printable ASCII (above b' ', below 128), counted
/// eight at a time: a byte below 0x21 or with its high bit set ends the run. The last bytes,
/// fewer than eight, are left to the caller: the run may be longer than the count.
fn printable_ascii_run(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const BELOW: u64 = 0x2121_2121_2121_2121;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // The lowest flagged byte is exact (a borrow only flags bytes above a true one).
        let stop = (x & HIGH) | (x.wrapping_sub(BELOW) & !x & HIGH);
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_runs_end_at_the_first_other_byte() {
        for n in 0..40usize {
            for stop in [b' ', b'\n', 0, 0x20, 0x7f, 0x80, 0xc3, 0xff, b'!'] {
                let mut b = vec![b'a'; n];
                b.extend([stop, b'b', 0x01, b'c']);
                let want = b.iter().position(|&c| c <= b' ' || c >= 128).unwrap();
                let run = printable_ascii_run(&b);
                assert!(run == want || run < want && run + 8 > b.len(), "{n} {stop}");
            }
        }
    }

    #[test]
    fn collapsed_whitespace_is_split_and_joined() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "a  b\tc\n\nd",
            "\u{a0}x\u{2003}y\u{3000}",
            "é  ü\r\n",
            "\u{b}a\u{85}b\u{200b}c",
            "\u{c}x\u{1c}y\u{1f} z\u{7f}",
        ] {
            assert_eq!(collapse_whitespace(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
        // Every string of up to five pieces from these: gaps of one space and longer ones, at
        // either end and between words, ASCII and not.
        let pieces = ["a", "bé", " ", "  ", "\n", "\u{a0}", "\u{3000}x", "\u{85}"];
        let mut strings = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                strings.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
            strings.extend(longer.into_iter().filter(|s| s.len() < 24));
            strings.sort();
            strings.dedup();
        }
        for s in &strings {
            assert_eq!(collapse_whitespace(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }
}
