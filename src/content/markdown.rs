//! Markdown bodies: turned into an HTML fragment once, at load time, together with what later
//! stages need from them: plain text, heading anchors and the internal links they make.
//! Internal links are normalised to `@/<path>.md#anchor` here and resolved to URLs per page by
//! the renderer. Raw HTML and unusual URL schemes are sanitised with ammonia unless the site
//! says its authors are trusted.

use super::model::{Body, LinkRef};
use super::nesting::Depth;
use crate::diagnostics::LineCursor;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

mod collapse;

/// Lowercase ASCII slug of any text: diacritics folded, everything else a hyphen.
/// Used for heading anchors and to detect file names that collide.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TASKLISTS
}

const SAFE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The scheme of a URL (`https` in `https://x`), if it has one.
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let s = &url[..colon];
    let first_ok = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))).then_some(s)
}

/// Resolves `rel` against the folder of `source` (both `/`-separated, root-relative).
fn resolve_relative(source: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = source.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// If `dest` is a link to another content file, its root-relative path and anchor.
pub fn internal_target(source: &str, dest: &str) -> Option<(String, Option<String>)> {
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    if let Some(p) = path.strip_prefix("@/") {
        return Some((resolve_relative("", p), anchor));
    }
    if path.is_empty() {
        return Some((String::new(), anchor));
    }
    if scheme(path).is_some() || path.starts_with('/') || path.starts_with("//") || !path.ends_with(".md") {
        return None;
    }
    Some((resolve_relative(source, path), anchor))
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.link_rel(None);
        for h in ["h1", "h2", "h3", "h4", "h5", "h6", "div", "sup", "li", "dfn", "abbr", "span"] {
            b.add_tag_attributes(h, ["id"]);
        }
        for t in ["sup", "div", "code", "span", "ol", "li", "section"] {
            b.add_tag_attributes(t, ["class"]);
        }
        b.add_tags(["section", "input"]);
        b.add_tag_attributes("input", ["type", "checked", "disabled"]);
        b.add_tag_attributes("ol", ["start"]);
        b
    })
}

/// A body that would need sanitising nests its HTML deeper than `nesting::MAX_DEPTH` or has a
/// tag longer than `nesting::MAX_TAG`, first at this line and column of the file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooComplex {
    pub line: usize,
    pub col: usize,
}

/// Renders one body. `source` is the file's root-relative path; `first_line` the file line the
/// body starts on; `trusted_html` keeps raw HTML as written.
pub fn render(source: &str, body: &str, first_line: usize, trusted_html: bool) -> Result<Body, TooComplex> {
    let mut events: Vec<Event> = Vec::new();
    let mut links = Vec::new();
    let mut needs_sanitizing = false;
    let mut text = String::with_capacity(body.len());
    let mut cursor = LineCursor::new(body);
    let mut depth = Depth::default();
    for (ev, range) in Parser::new_ext(body, options()).into_offset_iter() {
        depth.event(&ev, range.start);
        // A link's or an image's target, checked and rewritten (the same for both).
        let mut dest =
            |d| link_dest(source, &mut cursor, first_line, range.start, d, &mut links, &mut needs_sanitizing);
        let ev = match ev {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Link { link_type, dest_url: dest(dest_url), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Image { link_type, dest_url: dest(dest_url), title, id })
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                needs_sanitizing = true;
                ev
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                text.push_str(t);
                ev
            }
            Event::SoftBreak | Event::HardBreak => {
                text.push(' ');
                ev
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => {
                text.push(' ');
                ev
            }
            other => other,
        };
        events.push(ev);
    }
    let anchors = assign_heading_ids(&mut events);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if needs_sanitizing && !trusted_html {
        if let Some(offset) = depth.too_complex_at {
            let (line, col) = cursor.at(offset);
            return Err(TooComplex { line: line + first_line - 1, col });
        }
        html = sanitizer().clean(&html).to_string();
    }
    let text = collapse::collapse_whitespace(&text);
    // Kept for the whole build: no spare capacity (the estimate above is generous).
    html.shrink_to_fit();
    Ok(Body { html, text, anchors, links, first_line })
}

#[allow(clippy::too_many_arguments)]
fn link_dest<'a>(
    source: &str,
    cursor: &mut LineCursor,
    first_line: usize,
    offset: usize,
    dest: CowStr<'a>,
    links: &mut Vec<LinkRef>,
    needs_sanitizing: &mut bool,
) -> CowStr<'a> {
    if let Some((target, anchor)) = internal_target(source, dest.trim()) {
        let (l, c) = cursor.at(offset);
        let rewritten = if target.is_empty() {
            None
        } else {
            Some(match &anchor {
                Some(a) => format!("@/{target}#{a}"),
                None => format!("@/{target}"),
            })
        };
        links.push(LinkRef { target, anchor, line: l + first_line - 1, col: c });
        return rewritten.map(CowStr::from).unwrap_or(dest);
    }
    if looks_like_script_url(&dest) {
        return CowStr::from("#");
    }
    if !is_plain_url(&dest) {
        *needs_sanitizing = true;
    }
    dest
}

/// `javascript:`, `vbscript:` or `data:` even when hidden behind spaces, control characters or
/// percent-encoding. Harmless in browsers once encoded, but never worth keeping.
fn looks_like_script_url(dest: &str) -> bool {
    let head: String = dest.chars().take(64).collect();
    let decoded = percent_decode(&head).to_ascii_lowercase();
    let squeezed: String = decoded.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    ["javascript:", "vbscript:", "data:"].iter().any(|s| squeezed.starts_with(s))
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether a link target can be written without sanitising: a relative URL, or one with a
/// scheme from `SAFE_SCHEMES`. Browsers ignore tabs, newlines and leading control characters in
/// URLs (`java\tscript:`), so those are removed before the scheme is read; anything unusual
/// goes to ammonia, which knows the rules.
fn is_plain_url(dest: &str) -> bool {
    let squeezed: String = dest.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let before_path = squeezed.split(['/', '?', '#']).next().unwrap_or("");
    match before_path.find(':') {
        None => true,
        Some(_) => scheme(&squeezed).is_some_and(|s| SAFE_SCHEMES.contains(&s.to_ascii_lowercase().as_str())),
    }
}

/// Gives every heading an id (its own `{#id}` or a slug of its text, made unique) and returns
/// the ids in document order.
fn assign_heading_ids(events: &mut [Event]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut anchors = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            let mut j = i + 1;
            let mut title = String::new();
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    title.push_str(t);
                }
                j += 1;
            }
            let base = match id {
                Some(id) => id.to_string(),
                None => {
                    let s = slugify(&title);
                    if s.is_empty() { "kop".to_string() } else { s }
                }
            };
            // The first of `base`, `base-1`, `base-2`, … not taken yet. Taken ids stay taken,
            // so the search for a base goes on where its last one stopped: linear in the
            // number of headings, even when all of them have the same text.
            let n = next_suffix.entry(base.clone()).or_insert(0);
            let mut unique = if *n == 0 { base.clone() } else { format!("{base}-{n}") };
            while !seen.insert(unique.clone()) {
                *n += 1;
                unique = format!("{base}-{n}");
            }
            *n += 1;
            if let Event::Start(Tag::Heading { level, classes, attrs, .. }) = &events[i] {
                let (level, classes, attrs): (HeadingLevel, _, _) = (*level, classes.clone(), attrs.clone());
                events[i] =
                    Event::Start(Tag::Heading { level, id: Some(CowStr::from(unique.clone())), classes, attrs });
            }
            anchors.push(unique);
            i = j;
        }
        i += 1;
    }
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_folds_diacritics() {
        assert_eq!(slugify("Coördinatie & Zorg in de wijk!"), "coordinatie-zorg-in-de-wijk");
        assert_eq!(slugify("Ça va"), "ca-va");
    }

    #[test]
    fn headings_get_unique_ids() {
        let b = render("lessons/a.md", "## Aanpak\n\n## Aanpak\n\n## Eigen {#mijn}\n", 5, false).unwrap();
        assert_eq!(b.anchors, vec!["aanpak", "aanpak-1", "mijn"]);
        assert!(b.html.contains("<h2 id=\"aanpak-1\">"), "{}", b.html);
    }

    #[test]
    fn internal_links_are_normalised_with_lines() {
        let md = "Zie [x](@/initiatives/ozo.md#aanpak).\n\nEn [y](../b/c.md) en [z](https://a.nl/x.md) en [w](#top).\n";
        let b = render("lessons/a/l.md", md, 10, false).unwrap();
        assert_eq!(b.links.len(), 3);
        assert_eq!(b.links[0].target, "initiatives/ozo.md");
        assert_eq!(b.links[0].anchor.as_deref(), Some("aanpak"));
        assert_eq!(b.links[0].line, 10);
        assert_eq!(b.links[1].target, "lessons/b/c.md");
        assert_eq!(b.links[1].line, 12);
        assert_eq!(b.links[2].target, "");
        assert!(b.html.contains("href=\"@/lessons/b/c.md\""));
        assert!(b.html.contains("href=\"https://a.nl/x.md\""));
    }

    #[test]
    fn tables_footnotes_and_text() {
        let b = render("l.md", "| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1].\n\n[^1]: Voetnoot.\n", 1, false).unwrap();
        assert!(b.html.contains("<table>"));
        assert!(b.html.contains("footnote-reference"));
        assert!(b.text.contains("Tekst"));
    }

    #[test]
    fn hidden_javascript_urls_are_caught() {
        for md in [
            "[x](java&#x09;script:alert(1))",
            "[x](&#x20;javascript:alert(1))",
            "[x]( JAVASCRIPT:alert(1))",
            "<javascript:alert(1)>",
            "![i](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
        ] {
            let b = render("l.md", md, 1, false).unwrap();
            // What a browser would see: it drops tabs and newlines inside URLs (a percent-encoded
            // `%09` is kept, making the URL relative and harmless).
            let seen = b.html.to_lowercase().replace(['\t', '\n', '\r'], "");
            for attr in ["href=\"", "src=\""] {
                for part in seen.split(attr).skip(1) {
                    let url = &part[..part.find('"').unwrap_or(part.len())];
                    assert!(!looks_like_script_url(url), "{md} -> {}", b.html);
                }
            }
        }
        assert!(is_plain_url("https://a.nl/x:y") && is_plain_url("../x.md") && is_plain_url("mailto:a@b.nl"));
        assert!(!is_plain_url("javascript:x") && !is_plain_url("java\tscript:x"));
    }

    #[test]
    fn raw_html_is_sanitised_unless_trusted() {
        let md = "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <abbr title=\"Wet\">Wmo</abbr>\n";
        let b = render("l.md", md, 1, false).unwrap();
        assert!(!b.html.contains("<script"), "{}", b.html);
        assert!(!b.html.contains("javascript:"), "{}", b.html);
        assert!(b.html.contains("<abbr title=\"Wet\">Wmo</abbr>"), "{}", b.html);
        let t = render("l.md", md, 1, true).unwrap();
        assert!(t.html.contains("<script>"));
    }
}
