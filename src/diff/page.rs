//! One page of a built site as `diff` sees it: its title and its skeleton — the page's `<title>`
//! and `<main>` with what only lists show taken out (the rule is in docs/publishing.md):
//!
//! - every card list (`<ul class="cards">`), with the heading right before it (its group
//!   heading), and the pagination (`<nav class="pagination">`);
//! - outside what the authors wrote (below), every element whose whole text is a number or
//!   nothing (a count: `<a>3</a>` in the comparison table, `<strong>15</strong>`,
//!   `<span class="count">4</span>`; an empty table cell), unless it holds an image or a form
//!   control; and every line of counted phrases (`<p class="counts">`), whose words follow the
//!   numbers ("1 les", "2 lessen");
//! - the digits of the remaining text, except in what the authors wrote: the `<h1>`, the body
//!   (`.prose`), the lead, the facts, the key figures and the outcome table.
//!
//! Two versions of a page with the same skeleton differ only in their lists and counts. Read
//! with html5ever's tokenizer (the pages are ours, so a small tree of its tokens is enough).

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use std::cell::RefCell;

/// Classes of the elements whose text an author wrote: their numbers are content, not counts.
const CONTENT: [&str; 6] = ["prose", "lead", "facts", "figures", "outcomes", "outcome-chart"];
/// Elements that show something without text.
const MEDIA: [&str; 8] = ["img", "input", "select", "textarea", "button", "iframe", "video", "audio"];
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"];

enum Node {
    Element { name: String, attrs: Vec<(String, String)>, children: Vec<Node> },
    Text(String),
}

/// Builds the tree from the tokens: a start tag opens an element, an end tag closes the nearest
/// open element of its name (and any left open inside it).
#[derive(Default)]
struct TreeSink {
    /// Open elements; the first is the document.
    stack: RefCell<Vec<Node>>,
}

impl TreeSink {
    fn close_top(stack: &mut Vec<Node>) {
        let node = stack.pop().expect("the document is never closed");
        if let Some(Node::Element { children, .. }) = stack.last_mut() {
            children.push(node);
        }
    }
}

impl TokenSink for TreeSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut stack = self.stack.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                if tag.kind == TagKind::StartTag {
                    let attrs = tag.attrs.iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect();
                    stack.push(Node::Element { name: name.clone(), attrs, children: vec![] });
                    if tag.self_closing || VOID.contains(&name.as_str()) {
                        TreeSink::close_top(&mut stack);
                    }
                } else if let Some(at) =
                    stack.iter().rposition(|n| matches!(n, Node::Element { name: m, .. } if *m == name))
                {
                    while stack.len() > at.max(1) {
                        TreeSink::close_top(&mut stack);
                    }
                }
            }
            Token::CharacterTokens(text) => {
                if let Some(Node::Element { children, .. }) = stack.last_mut() {
                    match children.last_mut() {
                        Some(Node::Text(t)) => t.push_str(&text),
                        _ => children.push(Node::Text(text.to_string())),
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn parse(html: &str) -> Node {
    let sink = TreeSink::default();
    sink.stack.borrow_mut().push(Node::Element { name: String::new(), attrs: vec![], children: vec![] });
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut stack = tokenizer.sink.stack.take();
    while stack.len() > 1 {
        TreeSink::close_top(&mut stack);
    }
    stack.pop().expect("the document")
}

impl Node {
    fn is(&self, tag: &str, class: Option<&str>) -> bool {
        match self {
            Node::Element { name, attrs, .. } => {
                name == tag
                    && class
                        .is_none_or(|c| attrs.iter().any(|(k, v)| k == "class" && v.split_whitespace().any(|x| x == c)))
            }
            Node::Text(_) => false,
        }
    }

    fn text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::Element { children, .. } => children.iter().for_each(|c| c.text(out)),
        }
    }

    fn find(&self, tag: &str) -> Option<&Node> {
        if self.is(tag, None) {
            return Some(self);
        }
        match self {
            Node::Element { children, .. } => children.iter().find_map(|c| c.find(tag)),
            Node::Text(_) => None,
        }
    }

    fn is_heading(&self) -> bool {
        ["h2", "h3", "h4", "h5", "h6"].iter().any(|h| self.is(h, None))
    }

    fn is_list(&self) -> bool {
        self.is("ul", Some("cards")) || self.is("nav", Some("pagination"))
    }

    fn has_media(&self) -> bool {
        match self {
            Node::Element { name, children, .. } => {
                MEDIA.contains(&name.as_str()) || children.iter().any(Node::has_media)
            }
            Node::Text(_) => false,
        }
    }

    /// Whether the element is a line of counted phrases, or its whole text is a number, as `12`
    /// or `(12)`, or nothing, and it shows no image or form control.
    fn is_count(&self) -> bool {
        let mut t = String::new();
        self.text(&mut t);
        let t = t.trim().trim_start_matches('(').trim_end_matches(')');
        self.is("p", Some("counts"))
            || matches!(self, Node::Element { .. }) && t.chars().all(|c| c.is_ascii_digit()) && !self.has_media()
    }

    fn skeleton(&self, content: bool, out: &mut String) {
        match self {
            Node::Text(t) => {
                for word in t.split_whitespace() {
                    out.push(' ');
                    if content {
                        out.push_str(word);
                    } else {
                        let mut digits = false;
                        for c in word.chars() {
                            if !c.is_ascii_digit() {
                                out.push(c);
                            } else if !digits {
                                out.push('#');
                            }
                            digits = c.is_ascii_digit();
                        }
                    }
                }
            }
            Node::Element { name, attrs, children } => {
                let content =
                    content || name == "h1" || name == "title" || CONTENT.iter().any(|c| self.is(name, Some(c)));
                out.push('<');
                out.push_str(name);
                for (k, v) in attrs {
                    out.push_str(&format!(" {k}=\"{v}\""));
                }
                out.push('>');
                let elements: Vec<&Node> = children.iter().filter(|c| !is_blank(c)).collect();
                for (i, child) in elements.iter().enumerate() {
                    let heads_a_list = child.is_heading() && elements.get(i + 1).is_some_and(|n| n.is_list());
                    if child.is_list() || heads_a_list || (!content && child.is_count()) {
                        continue;
                    }
                    child.skeleton(content, out);
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
}

fn is_blank(n: &Node) -> bool {
    matches!(n, Node::Text(t) if t.trim().is_empty())
}

/// A page's title and skeleton.
pub struct Page {
    pub title: String,
    pub skeleton: String,
}

/// Reads a page: the title is its `<h1>` (else its `<title>`), whitespace collapsed.
pub fn read(html: &str) -> Page {
    let doc = parse(html);
    let mut title = String::new();
    if let Some(h) = doc.find("h1").or_else(|| doc.find("title")) {
        h.text(&mut title);
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut skeleton = String::new();
    for part in ["title", "main"] {
        if let Some(n) = doc.find(part) {
            n.skeleton(false, &mut skeleton);
        }
    }
    Page { title, skeleton }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(main: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><title>T · Site</title><meta charset=utf-8></head><body><header>nav 1</header><main>{main}</main></body></html>"
        )
    }

    #[test]
    fn title_from_h1_with_entities_decoded() {
        let p = read(&page("<h1>Zorg &amp; <em>welzijn</em>\n samen</h1>"));
        assert_eq!(p.title, "Zorg & welzijn samen");
        assert_eq!(read("<title>Alleen &lt;titel&gt;</title>").title, "Alleen <titel>");
    }

    #[test]
    fn lists_counts_and_group_headings_are_not_the_skeleton() {
        let old = page(
            r#"<h1>Mantelzorg</h1><h2>Lessen (2)</h2><h3>Lessen van A</h3><ul class="cards"><li>x</li></ul>
            <p class="muted counts">1 initiatief · 1 les</p><table><tr><td></td></tr></table>"#,
        );
        let new = page(
            r#"<h1>Mantelzorg</h1><h2>Lessen (3)</h2><h3>Lessen van A</h3><ul class="cards"><li>x</li><li>y</li></ul>
            <h3>Lessen van B</h3><ul class="cards"><li>z</li></ul><nav class="pagination"><a>2</a></nav>
            <p class="muted counts">1 initiatief · 3 lessen</p><table><tr><td><a href="/t/#b">1</a></td></tr></table>"#,
        );
        assert_eq!(read(&old).skeleton, read(&new).skeleton);
        assert!(!read(&old).skeleton.contains("cards"));
    }

    #[test]
    fn authors_numbers_and_words_are_the_skeleton() {
        let a = read(&page(r#"<h1>X</h1><div class="prose"><p>Met 30 gemeenten</p></div>"#));
        let b = read(&page(r#"<h1>X</h1><div class="prose"><p>Met 40 gemeenten</p></div>"#));
        assert_ne!(a.skeleton, b.skeleton);
        let c = read(&page(r#"<h1>X</h1><p class="muted">Bron: rapport</p>"#));
        let d = read(&page(r#"<h1>X</h1><p class="muted">Bron: verslag</p>"#));
        assert_ne!(c.skeleton, d.skeleton);
        // A heading that heads no list stays, and so does a link target.
        let e = read(&page(r#"<h2>Kenmerken</h2><p><a href="/a/">a</a></p>"#));
        let f = read(&page(r#"<h2>Kenmerken</h2><p><a href="/b/">a</a></p>"#));
        assert_ne!(e.skeleton, f.skeleton);
        assert!(e.skeleton.contains("Kenmerken"));
    }
}
