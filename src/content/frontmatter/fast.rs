//! The front matter's common shape read without the YAML parser: one `key: value` a line, each
//! value a double-quoted string without escapes, a plain word (letters, digits, `-`, `_`, `.`
//! and single spaces; not a number, boolean or null), a `YYYY-MM-DD`-like date, or a flow list of
//! plain words. Gives what serde-saphyr gives for such a header (values and positions), or
//! `None` for anything else (comments, blocks, escapes, numbers, repeated keys, …), which the
//! YAML parser then reads.

use super::Field;
use serde_json::Value;

/// Headers longer than this go to the YAML parser (and its budgets).
const MAX_LEN: usize = 16 * 1024;

/// The fields of `yaml` (its first line is file line `off + 1`), if it has the common shape.
pub(super) fn parse(yaml: &str, off: usize) -> Option<Vec<Field>> {
    if yaml.len() > MAX_LEN || yaml.is_empty() {
        return None;
    }
    let mut fields: Vec<Field> = Vec::with_capacity(8);
    for (i, line) in yaml.strip_suffix('\n').unwrap_or(yaml).split('\n').enumerate() {
        let (key, rest) = line.split_once(':')?;
        let key_ok = key.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && !special(key);
        // At least one space after the colon, and a value.
        let text = rest.strip_prefix(' ')?.trim_start_matches(' ');
        if !key_ok || text.is_empty() || fields.iter().any(|f| f.key == key) {
            return None;
        }
        let value = value(text)?;
        // The value's column, in characters: all before it on the line is ASCII.
        let (line_no, col) = (i + 1 + off, line.len() - text.len() + 1);
        fields.push(Field { key: key.to_string(), key_line: line_no, key_col: 1, value, line: line_no, col });
    }
    Some(fields)
}

fn value(text: &str) -> Option<Value> {
    if let Some(inner) = text.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        let plain = inner.chars().all(|c| c != '"' && c != '\\' && printable(c));
        return plain.then(|| Value::String(inner.to_string()));
    }
    if let Some(inner) = text.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        if inner.trim_matches(' ').is_empty() {
            return Some(Value::Array(Vec::new()));
        }
        let items: Option<Vec<Value>> = inner.split(',').map(|item| word(item.trim_matches(' '))).collect();
        return items.map(Value::Array);
    }
    word(text).or_else(|| date(text))
}

/// A plain word that YAML reads as a string: starts with a letter, holds letters, digits, `-`,
/// `_`, `.` and single spaces, and is none of YAML's special words.
fn word(text: &str) -> Option<Value> {
    let b = text.as_bytes();
    let ok = b.first().is_some_and(|c| c.is_ascii_alphabetic())
        && !text.ends_with(' ')
        && !text.contains("  ")
        && b.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b' '));
    (ok && !special(text)).then(|| Value::String(text.to_string()))
}

/// Words some YAML reads as null, a boolean or a number.
fn special(text: &str) -> bool {
    const SPECIAL: [&str; 14] =
        ["null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity", "none", "nil"];
    SPECIAL.iter().any(|w| w.eq_ignore_ascii_case(text))
}

/// `YYYY-MM` or `YYYY-MM-DD` (digits only): a string to YAML's core schema.
fn date(text: &str) -> Option<Value> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shape = match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    shape.then(|| Value::String(text.to_string()))
}

/// A character YAML takes as it is inside a double-quoted string on one line.
fn printable(c: char) -> bool {
    !(c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c) || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}'))
}

#[cfg(test)]
mod tests {
    use super::super::{Split, parse_yaml};
    use std::path::Path;

    /// The fast reading, where it reads a header, equals the YAML parser's.
    fn same(yaml: &str) -> bool {
        let Some(fast) = super::parse(yaml, 1) else { return false };
        let split = Split { yaml, yaml_first_line: 2, body: "", body_first_line: 1 };
        let slow = parse_yaml(Path::new("x.md"), &split).expect("the YAML parser reads what the fast way reads");
        assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{yaml:?}");
        true
    }

    #[test]
    fn the_common_shape_reads_as_the_yaml_parser_reads_it() {
        let lesson = "title: \"Wat wij leerden: één\"\ninitiative: init-000838\nkind: tip\nthemes: [mantelzorg, patientparticipatie]\n\
            stakeholders: []\nadded: 2022-04-21\nstarted: 2019-03\nsource: \"Synthetisch #1\"\n";
        assert!(same(lesson));
        for ok in [
            "a: b",
            "a:   b c.d_e-f",
            "a: \"\"",
            "a: [ p ,q ]",
            "a: [b c, d.e]",
            "a: []",
            "a: [ ]",
            "a-b_c: x\nd: \"é\"\n",
        ] {
            assert!(same(ok), "{ok:?}");
        }
        // Left to the YAML parser: what the fast way does not read as YAML does.
        for other in [
            "",
            "a: 12",
            "a: yes",
            "a: True",
            "a: ~",
            "a: null",
            "a: b  c",
            "a: b ",
            "a: \"x\\\"y\"",
            "a: 'x'",
            "a: b # c",
            "# c\na: b",
            "a:\n  - b",
            "a: b\n\nc: d",
            "a: [b, 1]",
            "a: [b,]",
            "a: [\"b\"]",
            "a: b\na: c",
            "a:b",
            " a: b",
            "true: b",
            "a: 2022-04-21x",
            "a: 20220421",
            "a: \"x\u{7}\"",
            "a: -b",
            "a: b: c",
            "a: {b: c}",
            "a: \"x",
        ] {
            assert!(super::parse(other, 1).is_none(), "{other:?}");
        }
    }

    /// Every header of the repo's own content (or of the folder `LEERNET_FM_DIR`, e.g. a
    /// generated corpus) that the fast way reads, it reads as the YAML parser does.
    #[test]
    fn every_header_of_a_folder_reads_alike() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs: Vec<std::path::PathBuf> = match std::env::var_os("LEERNET_FM_DIR") {
            Some(d) => vec![d.into()],
            None => ["initiatives", "lessons", "pages"].iter().map(|d| root.join(d)).collect(),
        };
        let (mut fast, mut all) = (0, 0);
        for entry in dirs.iter().flat_map(|d| walkdir::WalkDir::new(d).into_iter().flatten()) {
            if entry.path().extension().is_some_and(|e| e == "md") {
                let text = super::super::normalize(&std::fs::read_to_string(entry.path()).unwrap());
                if let Ok(split) = super::super::split(entry.path(), &text) {
                    all += 1;
                    fast += usize::from(same(split.yaml));
                }
            }
        }
        eprintln!("{fast} of {all} headers read the fast way");
        assert!(all > 0 && fast > 0, "{fast} of {all}");
    }
}
