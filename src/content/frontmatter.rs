//! Front matter: splits a content file into its YAML header and Markdown body, and parses the
//! header with serde-saphyr into key/value pairs that keep their line and column, so every
//! later check can point at the exact spot. Knows nothing of what the fields mean.

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_saphyr::Spanned;
use std::path::Path;

mod fast;

/// A value from the front matter with its 1-based position in the whole file.
#[derive(Debug, Clone)]
pub struct Field {
    pub key: String,
    pub key_line: usize,
    pub key_col: usize,
    pub value: Value,
    pub line: usize,
    pub col: usize,
}

/// A content file split into its parts.
#[derive(Debug)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// The file line on which the YAML starts (1-based).
    pub yaml_first_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// The file line on which the body starts (1-based).
    pub body_first_line: usize,
}

/// Removes a UTF-8 byte-order mark and turns CRLF (and lone CR) line ends into LF.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() }
}

/// Splits normalized text at the `---` fences.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(Diagnostic::new(file, 1, 1, msg!("no-front-matter")).with_suggestion(msg!("hint-no-front-matter")));
    }
    let mut offset = (first_end + 1).min(text.len());
    let yaml_start = offset;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..].find('\n').map(|i| offset + i).unwrap_or(text.len());
        let l = text[offset..end].trim_end();
        if l == "---" || l == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 2,
                body: &text[body_start..],
                body_first_line: line + 1,
            });
        }
        offset = end + 1;
        line += 1;
    }
    Err(Diagnostic::new(file, 1, 1, msg!("front-matter-unclosed")).with_suggestion(msg!("hint-front-matter-unclosed")))
}

struct Pairs(Vec<(Spanned<String>, Spanned<Value>)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("fields written as `name: value`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Pairs, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key()? {
                    v.push((k, m.next_value()?));
                }
                Ok(Pairs(v))
            }
            fn visit_unit<E>(self) -> Result<Pairs, E> {
                Ok(Pairs(Vec::new()))
            }
        }
        d.deserialize_map(V)
    }
}

fn options() -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    o.duplicate_keys = serde_saphyr::options::DuplicateKeyPolicy::Error;
    o.strict_booleans = true;
    o.with_snippet = false;
    let mut budget = serde_saphyr::Budget::default();
    // A lesson header is a few dozen lines: anything near these limits is hostile.
    budget.max_aliases = 100;
    budget.max_anchors = 100;
    budget.max_depth = 32;
    budget.max_nodes = 50_000;
    budget.max_events = 200_000;
    budget.max_total_scalar_bytes = 2 * 1024 * 1024;
    o.budget = Some(budget);
    o.alias_limits.max_total_replayed_events = 10_000;
    o
}

/// Parses the YAML header into positioned fields.
pub fn parse(file: &Path, split: &Split) -> Result<Vec<Field>, Diagnostic> {
    let off = split.yaml_first_line - 1;
    // The plain shape nearly every lesson has is read directly; anything else by the YAML parser.
    if let Some(fields) = fast::parse(split.yaml, off) {
        return Ok(fields);
    }
    parse_yaml(file, split)
}

/// `parse` by the YAML parser alone.
fn parse_yaml(file: &Path, split: &Split) -> Result<Vec<Field>, Diagnostic> {
    let off = split.yaml_first_line - 1;
    match serde_saphyr::from_str_with_options::<Pairs>(split.yaml, options()) {
        Ok(p) => Ok(p
            .0
            .into_iter()
            .map(|(k, v)| Field {
                key: k.value,
                key_line: k.referenced.line() as usize + off,
                key_col: k.referenced.column() as usize,
                value: v.value,
                line: v.referenced.line() as usize + off,
                col: v.referenced.column() as usize,
            })
            .collect()),
        Err(e) => {
            let (line, col) = e.location().map(|l| (l.line() as usize, l.column() as usize)).unwrap_or((0, 0));
            let (line, col) = if line == 0 { (split.yaml_first_line, 1) } else { (line + off, col) };
            if let Some(d) = super::yaml_help::explain(file, split.yaml, off, line) {
                return Err(d);
            }
            Err(Diagnostic::new(file, line, col, yaml_message(&e.without_snippet().to_string())))
        }
    }
}

/// Turns a parser message into plain language: drops the position (we print our own) and
/// explains the common cases.
fn yaml_message(raw: &str) -> Msg {
    let msg = match raw.rfind(" at line ") {
        Some(i) => &raw[..i],
        None => raw,
    };
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return msg!("yaml-duplicate-key", key = key);
    }
    if msg.contains("expected mapping") || msg.contains("fields written as") {
        return msg!("yaml-not-fields");
    }
    if msg.contains("budget") || msg.contains("alias") && msg.contains("limit") {
        return msg!("yaml-too-large", detail = msg);
    }
    msg!("yaml-syntax", detail = msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Result<Vec<Field>, Diagnostic> {
        let t = normalize(text);
        let s = split(Path::new("x.md"), &t)?;
        parse(Path::new("x.md"), &s)
    }

    #[test]
    fn positions_are_file_lines() {
        let f = fields("---\ntitle: Héllo\nthemes:\n  - a\n---\nbody\n").unwrap();
        assert_eq!((f[0].key.as_str(), f[0].key_line, f[0].line), ("title", 2, 2));
        assert_eq!((f[1].key.as_str(), f[1].key_line, f[1].line), ("themes", 3, 4));
    }

    #[test]
    fn bom_and_crlf_accepted() {
        let f = fields("\u{feff}---\r\ntitle: x\r\n---\r\nbody\r\n").unwrap();
        assert_eq!(f[0].value, Value::String("x".into()));
    }

    #[test]
    fn norway_is_not_false() {
        let f = fields("---\nx: [no, y, on]\n---\n").unwrap();
        assert_eq!(f[0].value, serde_json::json!(["no", "y", "on"]));
    }

    #[test]
    fn duplicate_key_is_plain_error() {
        let e = fields("---\ntitle: a\ntitle: b\n---\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.code, "yaml-duplicate-key", "{}", e.message);
    }

    #[test]
    fn syntax_error_has_file_line() {
        let e = fields("---\ntitle: [a\nx: 1\n---\n").unwrap_err();
        assert_eq!(e.code, "yaml-unclosed-bracket", "{}", e.message);
        assert_eq!(e.line, 2);
    }

    #[test]
    fn missing_and_unclosed_front_matter() {
        assert_eq!(fields("title: x\n").unwrap_err().code, "no-front-matter");
        assert_eq!(fields("---\ntitle: x\n").unwrap_err().code, "front-matter-unclosed");
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut y = String::from("---\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for i in 0..9 {
            let prev = if i == 0 { "a".to_string() } else { format!("l{}", i - 1) };
            y.push_str(&format!("l{i}: &l{i} [{}]\n", vec![format!("*{prev}"); 10].join(",")));
        }
        y.push_str("---\n");
        assert!(fields(&y).is_err());
    }
}
