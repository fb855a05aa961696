//! Escaping for the places data ends up outside Tera's autoescape: XML/SVG text and attributes
//! (feeds, sitemap, charts) and JSON inside scripts (JSON-LD, search files, the preview overlay).

use serde::Serialize;

/// Escapes text for XML content and attribute values and drops the characters XML 1.0 forbids
/// (control characters other than tab and line breaks, U+FFFE, U+FFFF).
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// JSON that is also safe inside any script context: `<`, `>`, `&` and the JavaScript line
/// separators are written as `\uXXXX` escapes (they can only occur inside JSON strings, so it is
/// the same JSON), and a title like `</script><script>…` stays text wherever it lands.
pub fn script_json(json: String) -> String {
    if !json.contains(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Serialises `v` with `script_json`.
pub fn to_script_json<T: Serialize + ?Sized>(v: &T) -> String {
    script_json(serde_json::to_string(v).unwrap_or_else(|_| "null".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(xml("a<b>&\"'\u{1}\n"), "a&lt;b&gt;&amp;&quot;&apos;\n");
        let j = to_script_json("</script><b>&\u{2028}");
        assert_eq!(j, "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\"");
        assert_eq!(serde_json::from_str::<String>(&j).unwrap(), "</script><b>&\u{2028}");
    }
}
