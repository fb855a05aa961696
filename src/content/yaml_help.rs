//! Plain help for the YAML mistakes people actually make in front matter: a colon inside an
//! unquoted value (`title: Tip: bel eerst`), a tab before a field, a quote or a `[` list that is
//! never closed. Used only once the parser has refused the header, to say what happened and
//! how to fix it instead of the parser's own words.

use crate::diagnostics::Diagnostic;
use crate::msg;
use std::path::Path;

/// A plain explanation of why `yaml` (whose first line is file line `off + 1`) does not parse,
/// when one of its lines up to the parser's `error_line` (a file line) shows a known mistake.
pub fn explain(file: &Path, yaml: &str, off: usize, error_line: usize) -> Option<Diagnostic> {
    for (i, line) in yaml.lines().enumerate() {
        let n = i + 1 + off;
        if n > error_line {
            break;
        }
        if let Some(d) = explain_line(file, line, n) {
            return Some(d);
        }
    }
    None
}

fn explain_line(file: &Path, line: &str, n: usize) -> Option<Diagnostic> {
    let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
    if let Some(tab) = indent.chars().position(|c| c == '\t') {
        return Some(Diagnostic::new(file, n, tab + 1, msg!("yaml-tab")).with_suggestion(msg!("hint-yaml-tab")));
    }
    let rest = line.trim_start();
    let rest = rest.strip_prefix("- ").map(str::trim_start).unwrap_or(rest);
    let (key, value) = rest.split_once(':')?;
    if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-') {
        return None;
    }
    let value = value.trim_start();
    let col = line[..line.len() - value.len()].chars().count() + 1;
    let value = value.trim_end();
    let at = |m| Diagnostic::new(file, n, col, m);
    match value.chars().next()? {
        q @ ('"' | '\'') => {
            let inner = &value[1..];
            let closed = if q == '"' { closes_double(inner) } else { inner.contains('\'') };
            (!closed).then(|| {
                at(msg!("yaml-unclosed-quote", quote = q.to_string())).with_suggestion(msg!("hint-yaml-unclosed-quote"))
            })
        }
        '[' => (!value.contains(']'))
            .then(|| at(msg!("yaml-unclosed-bracket")).with_suggestion(msg!("hint-yaml-unclosed-bracket"))),
        '{' | '|' | '>' | '&' | '*' | '!' => None,
        _ if value.contains(": ") || value.ends_with(':') => {
            let fixed = value.replace('\\', "\\\\").replace('"', "\\\"");
            Some(at(msg!("yaml-colon")).with_suggestion(msg!("hint-yaml-colon", key = key, value = fixed)))
        }
        _ => None,
    }
}

/// Whether a double-quoted value (after its opening quote) has a closing, unescaped quote.
fn closes_double(inner: &str) -> bool {
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return true,
            _ => escaped = false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(yaml: &str) -> Diagnostic {
        explain(Path::new("x.md"), yaml, 1, 99).expect("an explanation")
    }

    #[test]
    fn colon_in_title() {
        let d = explained("title: Tip: bel eerst\nkind: tip\n");
        assert_eq!((d.code, d.line, d.column), ("yaml-colon", 2, 8));
        assert!(d.suggestion.unwrap().contains(r#"title: "Tip: bel eerst""#));
    }

    #[test]
    fn tab_unclosed_quote_and_bracket() {
        let d = explained("title: a\nthemes:\n\t- mantelzorg\n");
        assert_eq!((d.code, d.line, d.column), ("yaml-tab", 4, 1));
        let d = explained("title: \"Goed\nkind: tip\n");
        assert_eq!((d.code, d.line), ("yaml-unclosed-quote", 2));
        let d = explained("title: Goed\nthemes: [mantelzorg, preventie\n");
        assert_eq!((d.code, d.line, d.column), ("yaml-unclosed-bracket", 3, 9));
    }

    #[test]
    fn good_lines_are_not_explained() {
        let ok = "title: \"Tip: bel eerst\"\nsource: 'a'\nthemes: [a, b]\nurl: https://x.nl\nbody: |\n";
        assert!(explain(Path::new("x.md"), ok, 1, 99).is_none());
        // Lines after the parser's error line are not looked at.
        assert!(explain(Path::new("x.md"), "a: 1\nb: Tip: x\n", 1, 2).is_none());
    }
}
