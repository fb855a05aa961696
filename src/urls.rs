//! URLs: the one link function of the site. Every page has a canonical output path (pretty,
//! `lessen/x/`); `href` turns it into what a given page writes: root-relative under the
//! `base_url` path in a normal build, or relative and ending in `index.html` in a portable build
//! (so it works from `file://`). Internal Markdown links (`@/lessons/x.md#a`) resolve here too.

use crate::config::Taxonomy;
use std::collections::HashMap;

pub fn initiative(slug: &str) -> String {
    format!("initiatieven/{slug}/")
}
pub fn lesson(slug: &str) -> String {
    format!("lessen/{slug}/")
}
pub fn taxonomy(tax: Taxonomy) -> String {
    format!("{}/", tax.url_segment())
}
pub fn term(tax: Taxonomy, slug: &str) -> String {
    format!("{}/{slug}/", tax.url_segment())
}
/// A page of the site itself (`pages/<slug>.md`): `over/<slug>/`.
pub fn info_page(slug: &str) -> String {
    format!("over/{slug}/")
}
/// The matrix of one theme's initiatives (networks of more than 50 initiatives).
pub fn theme_matrix(slug: &str) -> String {
    format!("vergelijk/thema/{slug}/")
}
pub const INITIATIVES: &str = "initiatieven/";
pub const LESSONS: &str = "lessen/";
pub const MATRIX: &str = "vergelijk/";
pub const GLOSSARY: &str = "begrippen/";
pub const SEARCH: &str = "zoeken/";

/// How links are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkMode {
    /// Root-relative under this base path (`/` or `/sub/`).
    Pretty { base_path: String },
    /// Relative to the page, ending in the file itself.
    Portable,
}

/// The prefix that leads from the page at `page_path` to the site root.
pub fn root_for(mode: &LinkMode, page_path: &str) -> String {
    match mode {
        LinkMode::Pretty { base_path } => base_path.clone(),
        LinkMode::Portable => {
            let depth = page_path.matches('/').count();
            "../".repeat(depth)
        }
    }
}

/// The href from a page whose root prefix is `root` to the canonical output path `path`
/// (`lessen/x/`, `style.css`, `` for home). Fragments (`#a`) and queries are kept.
pub fn href(root: &str, portable: bool, path: &str) -> String {
    let (path, rest) = match path.find(['#', '?']) {
        Some(i) => path.split_at(i),
        None => (path, ""),
    };
    let mut out = String::with_capacity(root.len() + path.len() + 12 + rest.len());
    out.push_str(root);
    out.push_str(path);
    if portable && (path.is_empty() || path.ends_with('/')) {
        out.push_str("index.html");
    }
    if portable && out.is_empty() {
        out.push_str("index.html");
    }
    out.push_str(rest);
    out
}

/// The absolute URL of a path, for feeds, sitemaps and JSON-LD (`None` without a base_url).
pub fn absolute(base_url: &str, path: &str) -> Option<String> {
    (!base_url.is_empty()).then(|| format!("{base_url}/{path}"))
}

/// Rewrites `href="@/…"` and `src="@/…"` in a body's HTML to real links for this page.
/// `pages` maps content source paths (`lessons/a/x.md`) to output paths (`lessen/x/`).
pub fn resolve_body(html: &str, root: &str, portable: bool, pages: &HashMap<String, String>) -> String {
    if !html.contains("=\"@/") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(i) = rest.find("=\"@/") {
        out.push_str(&rest[..i + 2]);
        let after = &rest[i + 4..];
        let end = after.find('"').unwrap_or(after.len());
        let target = &after[..end];
        let (file, anchor) = match target.find('#') {
            Some(h) => (&target[..h], &target[h..]),
            None => (target, ""),
        };
        match pages.get(file) {
            Some(p) => {
                out.push_str(&href(root, portable, p));
                out.push_str(anchor);
            }
            // Validation rejects broken links before rendering; keep the page working anyway.
            None => out.push('#'),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_and_portable_from_one_function() {
        let pretty = LinkMode::Pretty { base_path: "/kennis/".into() };
        let r = root_for(&pretty, "lessen/x/");
        assert_eq!(href(&r, false, "thema/preventie/"), "/kennis/thema/preventie/");
        let r = root_for(&LinkMode::Portable, "lessen/x/");
        assert_eq!(href(&r, true, "thema/preventie/"), "../../thema/preventie/index.html");
        assert_eq!(href(&r, true, "style.css"), "../../style.css");
        assert_eq!(href("", true, ""), "index.html");
        assert_eq!(href("", true, "zoeken/?q=zorg"), "zoeken/index.html?q=zorg");
    }

    #[test]
    fn body_links_resolved() {
        let mut m = HashMap::new();
        m.insert("lessons/a/x.md".to_string(), "lessen/x/".to_string());
        let h = r#"<a href="@/lessons/a/x.md#aanpak">x</a> <a href="https://e.nl">e</a>"#;
        assert_eq!(
            resolve_body(h, "/", false, &m),
            r#"<a href="/lessen/x/#aanpak">x</a> <a href="https://e.nl">e</a>"#
        );
        assert_eq!(
            resolve_body(h, "../../", true, &m),
            r#"<a href="../../lessen/x/index.html#aanpak">x</a> <a href="https://e.nl">e</a>"#
        );
    }
}
