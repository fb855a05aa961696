//! How deeply a body's HTML nests: Markdown containers and raw HTML tags together. The HTML
//! sanitiser builds a tree whose cost grows with the square of its depth (50,000 nested
//! `<div>`s took 53 s), while no real text nests more than a few dozen levels; so a body that
//! would need sanitising and nests deeper than `MAX_DEPTH` is refused with its line instead.

use pulldown_cmark::Event;

/// Deeper than this, a body that needs sanitising is refused. Real lessons stay below 20.
pub const MAX_DEPTH: usize = 256;
/// A raw HTML tag longer than this (in bytes, `<` to `>`) is refused too: the sanitiser
/// compares each attribute with the ones before it, so 90,000 attributes took 8 s.
pub const MAX_TAG: usize = 8192;

/// Elements that never have content, so open no level.
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Follows the nesting over a body's Markdown events, in one pass.
#[derive(Default)]
pub struct Depth {
    markdown: usize,
    html: usize,
    /// Byte offset in the body of the first event that went past `MAX_DEPTH` or `MAX_TAG`.
    pub too_complex_at: Option<usize>,
}

impl Depth {
    /// Takes one event that starts at byte `offset` of the body.
    pub fn event(&mut self, ev: &Event, offset: usize) {
        match ev {
            Event::Start(_) => self.markdown += 1,
            Event::End(_) => self.markdown = self.markdown.saturating_sub(1),
            Event::Html(t) | Event::InlineHtml(t) => {
                let (end, deepest, longest_tag) = html_depth(self.html, t);
                self.html = end;
                if self.too_complex_at.is_none() && (self.markdown + deepest > MAX_DEPTH || longest_tag > MAX_TAG) {
                    self.too_complex_at = Some(offset);
                }
                return;
            }
            _ => return,
        }
        if self.too_complex_at.is_none() && self.markdown + self.html > MAX_DEPTH {
            self.too_complex_at = Some(offset);
        }
    }
}

/// The depth after the tags in `html`, starting from `depth`, the deepest it went, and the
/// length of the longest tag: an opening tag adds a level, a closing one removes one; comments,
/// declarations, void and self-closing elements none. An estimate (a `>` inside a quoted
/// attribute ends a tag early), never more than linear.
fn html_depth(mut depth: usize, html: &str) -> (usize, usize, usize) {
    let b = html.as_bytes();
    let (mut deepest, mut longest) = (depth, 0);
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        i += p + 1;
        let rest = &html[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_start = i + usize::from(closing);
        let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            continue; // `<!doctype`, `<?…`, `< 5`: not an element
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = b[name_start..].iter().position(|&c| c == b'>').map(|e| name_start + e);
        longest = longest.max(end.map_or(b.len(), |e| e + 1) - (i - 1));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) && !end.is_some_and(|e| e > 0 && b[e - 1] == b'/') {
            depth += 1;
            deepest = deepest.max(depth);
        }
        i = end.map_or(b.len(), |e| e + 1);
    }
    (depth, deepest, longest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_open_and_closed_elements() {
        assert_eq!(html_depth(0, "<div><p>x</p>"), (1, 2, 5));
        assert_eq!(html_depth(2, "</div></section></x>"), (0, 2, 10));
        assert_eq!(html_depth(0, "<br><img src=x><x/><!-- <div> --><!doctype html><? x ?>a < b").0, 0);
        assert_eq!(html_depth(0, &"<div>".repeat(300)), (300, 300, 5));
        assert_eq!(html_depth(0, &"<div>".repeat(300).repeat(2).replace("<div><div>", "<div></div>")).1, 1);
        assert_eq!(html_depth(0, "<DIV class='a'\n>"), (1, 1, 16));
        assert_eq!(html_depth(0, "<div"), (1, 1, 4));
    }

    #[test]
    fn reports_where_the_limit_is_passed() {
        let body = format!("Tekst\n\n{}", "<div>".repeat(MAX_DEPTH + 5));
        let mut d = Depth::default();
        for (ev, range) in pulldown_cmark::Parser::new(&body).into_offset_iter() {
            d.event(&ev, range.start);
        }
        assert_eq!(d.too_complex_at, Some(7));
        // Nested and closed again within one HTML block: the deepest point counts.
        let mut balanced = Depth::default();
        let block = format!("{}x{}", "<div>".repeat(MAX_DEPTH + 1), "</div>".repeat(MAX_DEPTH + 1));
        for (ev, range) in pulldown_cmark::Parser::new(&block).into_offset_iter() {
            balanced.event(&ev, range.start);
        }
        assert_eq!(balanced.too_complex_at, Some(0));
        let mut long_tag = Depth::default();
        let tag = format!("Tekst <span {}>x</span>", "a=\"1\" ".repeat(MAX_TAG / 6 + 1));
        for (ev, range) in pulldown_cmark::Parser::new(&tag).into_offset_iter() {
            long_tag.event(&ev, range.start);
        }
        assert_eq!(long_tag.too_complex_at, Some(6));
        let mut shallow = Depth::default();
        for (ev, range) in pulldown_cmark::Parser::new("> > > <div><div></div></div>").into_offset_iter() {
            shallow.event(&ev, range.start);
        }
        assert_eq!(shallow.too_complex_at, None);
    }
}
