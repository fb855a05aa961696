//! SEO: `sitemap.xml`, `robots.txt` and the schema.org JSON-LD of initiatives (`Project`) and
//! lessons (`Article`). Absolute URLs need a `base_url`; without one there is no sitemap and the
//! JSON-LD leaves out `url` and `@id`. JSON-LD text is escaped so it can sit inside
//! `<script type="application/ld+json">` whatever the content says.

use super::feeds::xml_escape;
use crate::config::Taxonomy;
use crate::content::model::{Meta, Site};
use crate::strings::teaser;
use crate::urls;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;

/// The sitemap of `page_paths` (canonical output paths, in the order given; `404.html` is
/// left out); `None` without a `base_url`. `<lastmod>` only where a date is known: a lesson's
/// `added`, an initiative's `last_reviewed`.
pub fn sitemap(site: &Site, page_paths: &[String]) -> Option<String> {
    let base = &site.config.base_url;
    if base.is_empty() {
        return None;
    }
    let mut dates: HashMap<String, NaiveDate> = HashMap::new();
    for l in &site.lessons {
        if let Some(d) = l.added {
            dates.insert(urls::lesson(&l.meta.slug), d);
        }
    }
    for i in &site.initiatives {
        if let Some(d) = i.last_reviewed {
            dates.insert(urls::initiative(&i.meta.slug), d);
        }
    }
    let mut x = String::with_capacity(256 + page_paths.len() * 96);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in page_paths {
        if p == "404.html" {
            continue;
        }
        let Some(url) = urls::absolute(base, p) else { continue };
        let _ = write!(x, "  <url><loc>{}</loc>", xml_escape(&url));
        if let Some(d) = dates.get(p.as_str()) {
            let _ = write!(x, "<lastmod>{}</lastmod>", d.format("%Y-%m-%d"));
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    Some(x)
}

/// `robots.txt`: everything may be crawled; names the sitemap when there is a `base_url`.
pub fn robots(site: &Site) -> String {
    let mut s = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = urls::absolute(&site.config.base_url, "sitemap.xml") {
        // A base_url is checked to be http(s) at load time; keep the line on one line anyway.
        let _ = write!(s, "\nSitemap: {}\n", url.replace(['\r', '\n'], ""));
    }
    s
}

/// Serialises JSON-LD so it is safe inside a `<script>` element (see `escape::script_json`).
pub fn script_safe_json<T: Serialize + ?Sized>(v: &T) -> String {
    crate::escape::to_script_json(v)
}

const CONTEXT: Option<&str> = Some("https://schema.org");

#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// A schema.org `Project`; the fields in the order they are written.
#[derive(Serialize, Default)]
struct ProjectLd<'a> {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    context: Option<&'static str>,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id", skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(rename = "areaServed", skip_serializing_if = "Option::is_none")]
    area_served: Option<&'a str>,
    #[serde(rename = "foundingDate", skip_serializing_if = "Option::is_none")]
    founding_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    member: Vec<Named<'a>>,
}

/// A schema.org `Article`.
#[derive(Serialize)]
struct ArticleLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    headline: &'a str,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(rename = "inLanguage")]
    in_language: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    about: Vec<Named<'a>>,
    #[serde(rename = "isPartOf", skip_serializing_if = "Option::is_none")]
    is_part_of: Option<ProjectLd<'a>>,
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

/// The interface-language labels of every term of an item, in taxonomy and front-matter order;
/// a "not described" term is no keyword.
fn term_labels<'a>(site: &'a Site, meta: &Meta) -> Vec<&'a str> {
    let cfg = &site.config;
    Taxonomy::ALL
        .iter()
        .flat_map(|&tax| meta.terms[tax.index()].iter().filter_map(move |s| cfg.term(tax, s)))
        .filter(|t| !t.not_described)
        .map(|t| cfg.label(t))
        .collect()
}

/// The identifying part of the `Project` of initiative `i`: type, `@id`, `url` and name.
fn project_ref(site: &Site, i: usize) -> Option<ProjectLd<'_>> {
    let init = site.initiatives.get(i)?;
    let url = urls::absolute(&site.config.base_url, &urls::initiative(&init.meta.slug));
    Some(ProjectLd {
        kind: "Project",
        id: url.as_ref().map(|u| format!("{u}#project")),
        url,
        name: &init.meta.title,
        ..ProjectLd::default()
    })
}

/// The schema.org `Project` of initiative `i` as script-safe JSON ("" when `i` is out of range).
pub fn initiative_jsonld(site: &Site, i: usize) -> String {
    let (Some(init), Some(p)) = (site.initiatives.get(i), project_ref(site, i)) else { return String::new() };
    let ld = ProjectLd {
        context: CONTEXT,
        description: non_empty(&init.summary),
        area_served: non_empty(&init.region),
        founding_date: init.started.as_deref().and_then(non_empty),
        keywords: term_labels(site, &init.meta).into_iter().map(String::from).collect(),
        member: init
            .organisations
            .iter()
            .filter(|o| !o.trim().is_empty())
            .map(|o| Named { kind: "Organization", name: o })
            .collect(),
        ..p
    };
    script_safe_json(&ld)
}

/// The schema.org `Article` of lesson `li` as script-safe JSON ("" when `li` is out of range).
pub fn lesson_jsonld(site: &Site, li: usize) -> String {
    let Some(l) = site.lessons.get(li) else { return String::new() };
    let ii = site.initiative_index(&l.initiative);
    let ld = ArticleLd {
        context: "https://schema.org",
        kind: "Article",
        url: urls::absolute(&site.config.base_url, &urls::lesson(&l.meta.slug)),
        headline: &l.meta.title,
        description: teaser(l.meta.body.text.trim(), 200),
        date_published: l.added.map(|d| d.format("%Y-%m-%d").to_string()),
        in_language: "nl",
        about: term_labels(site, &l.meta).into_iter().map(|name| Named { kind: "Thing", name }).collect(),
        is_part_of: ii.and_then(|ii| project_ref(site, ii)),
    };
    script_safe_json(&ld)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::feeds::fixture;
    use serde_json::Value;

    fn paths() -> Vec<String> {
        ["", "lessen/a-les/", "lessen/c-les/", "initiatieven/alpha/", "404.html"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn sitemap_has_absolute_urls_and_known_dates_only() {
        let site = fixture::site();
        let x = sitemap(&site, &paths()).unwrap();
        assert_eq!(
            x,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
             \x20 <url><loc>https://leer.net/</loc></url>\n\
             \x20 <url><loc>https://leer.net/lessen/a-les/</loc><lastmod>2025-01-02</lastmod></url>\n\
             \x20 <url><loc>https://leer.net/lessen/c-les/</loc></url>\n\
             \x20 <url><loc>https://leer.net/initiatieven/alpha/</loc><lastmod>2024-06-01</lastmod></url>\n\
             </urlset>\n"
        );
    }

    #[test]
    fn no_base_url_no_sitemap_line() {
        let mut site = fixture::site();
        assert_eq!(robots(&site), "User-agent: *\nAllow: /\n\nSitemap: https://leer.net/sitemap.xml\n");
        site.config.base_url.clear();
        assert_eq!(sitemap(&site, &paths()), None);
        assert_eq!(robots(&site), "User-agent: *\nAllow: /\n");
    }

    #[test]
    fn initiative_is_a_project() {
        let site = fixture::site();
        let j = initiative_jsonld(&site, 0);
        assert_eq!(
            j,
            r#"{"@context":"https://schema.org","@type":"Project","@id":"https://leer.net/initiatieven/alpha/#project","url":"https://leer.net/initiatieven/alpha/","name":"Alpha \u0026 Co","description":"Samen zorgen.","areaServed":"Maastricht","foundingDate":"2014","keywords":["Mantelzorg"],"member":[{"@type":"Organization","name":"GGD"},{"@type":"Organization","name":"Gemeente"}]}"#
        );
        let v: Value = serde_json::from_str(&j).unwrap();
        assert_eq!(v["name"], "Alpha & Co");
        assert_eq!(initiative_jsonld(&site, 9), "");
    }

    #[test]
    fn lesson_is_an_article_part_of_the_project() {
        let mut site = fixture::site();
        let j = lesson_jsonld(&site, 1);
        assert_eq!(
            j,
            r#"{"@context":"https://schema.org","@type":"Article","url":"https://leer.net/lessen/b-les/","headline":"Les b-les","description":"Tekst van b-les.","datePublished":"2025-03-01","inLanguage":"nl","about":[{"@type":"Thing","name":"Mantelzorg"},{"@type":"Thing","name":"Preventie"}],"isPartOf":{"@type":"Project","@id":"https://leer.net/initiatieven/alpha/#project","url":"https://leer.net/initiatieven/alpha/","name":"Alpha \u0026 Co"}}"#
        );
        site.config.base_url.clear();
        let j = lesson_jsonld(&site, 2);
        assert!(!j.contains("\"url\"") && !j.contains("datePublished") && !j.contains("@id"));
        assert_eq!(lesson_jsonld(&site, 3), "");
    }

    #[test]
    fn hostile_title_cannot_close_the_script() {
        let mut site = fixture::site();
        let evil = "</script><script>alert(1)</script>\u{2028}";
        site.lessons[0].meta.title = evil.into();
        site.initiatives[0].meta.title = evil.into();
        site.initiatives[0].organisations = vec!["<!--".into()];
        for j in [lesson_jsonld(&site, 0), initiative_jsonld(&site, 0)] {
            assert!(!j.contains('<') && !j.contains('>') && !j.contains('&') && !j.contains('\u{2028}'));
            assert!(j.contains(r#"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u2028"#));
            let v: Value = serde_json::from_str(&j).unwrap();
            let name = v.get("headline").or_else(|| v.get("name")).unwrap();
            assert_eq!(name, evil);
        }
    }

    #[test]
    fn sitemap_escapes_urls() {
        let mut site = fixture::site();
        site.config.base_url = "https://a.nl/x&y".into();
        let x = sitemap(&site, &["a<b/".to_string()]).unwrap();
        assert!(x.contains("<loc>https://a.nl/x&amp;y/a&lt;b/</loc>"));
    }
}
