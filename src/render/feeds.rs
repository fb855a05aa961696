//! Feeds: Atom 1.0 feeds of the newest lessons — one for the whole site (`atom.xml`) and one per
//! taxonomy term that has lessons (`thema/mantelzorg/atom.xml`). Feeds need absolute URLs, so
//! there are none without a `base_url`. Dates come from the content only (never the clock), so a
//! build is reproducible byte for byte. Also owns the XML escaping used by `seo`.

use crate::config::Taxonomy;
use crate::content::model::Site;
use crate::deps::{Dep, read};
use crate::link::Links;
use crate::output::OutFile;
use crate::strings::{Strings, taxonomy_name, teaser};
use crate::urls;
use chrono::NaiveDate;
use std::fmt::Write;

/// Most entries in one feed.
pub const MAX_ENTRIES: usize = 50;
/// Length of an entry's plain-text summary, in characters.
pub const SUMMARY_CHARS: usize = 300;
/// The feed file name, appended to a term's path.
pub const FEED_FILE: &str = "atom.xml";

pub use crate::escape::xml as xml_escape;

/// An RFC 3339 timestamp at midnight UTC.
fn stamp(d: NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

/// The newest date anywhere in the site: lesson `added` and initiative `last_reviewed`.
pub fn newest_date(site: &Site) -> Option<NaiveDate> {
    let lessons = site.lessons.iter().filter_map(|l| l.added);
    lessons.chain(site.initiatives.iter().filter_map(|i| i.last_reviewed)).max()
}

/// The Atom feed at `feed_path` of `lessons` (indices, newest first; at most 50 are used);
/// `None` when the site has no `base_url`.
pub fn atom(site: &Site, _links: &Links, lessons: &[usize], feed_path: &str, title: &str) -> Option<String> {
    let base = &site.config.base_url;
    let self_url = urls::absolute(base, feed_path)?;
    let abs = |path: &str| urls::absolute(base, path).unwrap_or_default();
    let page_url = urls::absolute(base, feed_path.strip_suffix(FEED_FILE).unwrap_or(""))?;
    let fallback = newest_date(site).map(stamp).unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let entries: Vec<usize> = lessons.iter().copied().filter(|&i| i < site.lessons.len()).take(MAX_ENTRIES).collect();
    // The order of the lessons and the site's newest date (for entries without one).
    read(|| Dep::Newest);
    let updated = entries.iter().filter_map(|&i| site.lessons[i].added).max().map(stamp);
    let updated = match updated {
        // Entries without a date count as the site's newest date.
        Some(u) if entries.iter().all(|&i| site.lessons[i].added.is_some()) => u,
        Some(u) => u.max(fallback.clone()),
        None => fallback.clone(),
    };
    let cfg = &site.config;
    let mut x = String::with_capacity(2048 + entries.len() * 1024);
    x.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n",
    );
    let _ = writeln!(x, "  <title>{}</title>", xml_escape(title));
    if !cfg.description.trim().is_empty() {
        let _ = writeln!(x, "  <subtitle>{}</subtitle>", xml_escape(&cfg.description));
    }
    let _ = writeln!(x, "  <id>{}</id>", xml_escape(&self_url));
    let _ = writeln!(x, "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>", xml_escape(&self_url));
    let _ = writeln!(x, "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", xml_escape(&page_url));
    let _ = writeln!(x, "  <updated>{updated}</updated>");
    let site_name = if cfg.title.trim().is_empty() { "leernet" } else { cfg.title.as_str() };
    let _ = writeln!(x, "  <author><name>{}</name></author>", xml_escape(site_name));
    let _ = writeln!(x, "  <generator version=\"{}\">leernet</generator>", env!("CARGO_PKG_VERSION"));
    for &li in &entries {
        let l = &site.lessons[li];
        read(|| Dep::Lesson(l.meta.slug.clone()));
        let url = abs(&urls::lesson(&l.meta.slug));
        x.push_str("  <entry>\n");
        let _ = writeln!(x, "    <title>{}</title>", xml_escape(&l.meta.title));
        let _ = writeln!(x, "    <id>{}</id>", xml_escape(&url));
        let _ = writeln!(x, "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", xml_escape(&url));
        match l.added {
            Some(d) => {
                let _ = writeln!(x, "    <published>{0}</published>\n    <updated>{0}</updated>", stamp(d));
            }
            None => {
                let _ = writeln!(x, "    <updated>{fallback}</updated>");
            }
        }
        let initiative = site.initiative(&l.initiative);
        if let Some(i) = initiative {
            read(|| Dep::Initiative(i.meta.slug.clone()));
        }
        let (name, uri) = match initiative {
            Some(i) if !i.meta.title.trim().is_empty() => (i.meta.title.as_str(), Some(urls::initiative(&i.meta.slug))),
            _ => (site_name, None),
        };
        let _ = write!(x, "    <author><name>{}</name>", xml_escape(name));
        if let Some(u) = uri {
            let _ = write!(x, "<uri>{}</uri>", xml_escape(&abs(&u)));
        }
        x.push_str("</author>\n");
        for tax in Taxonomy::ALL {
            for slug in &l.meta.terms[tax.index()] {
                let Some(term) = cfg.term(tax, slug) else { continue };
                let _ = writeln!(
                    x,
                    "    <category term=\"{}\" scheme=\"{}\" label=\"{}\"/>",
                    xml_escape(slug),
                    xml_escape(&abs(&urls::taxonomy(tax))),
                    xml_escape(cfg.label(term))
                );
            }
        }
        let summary = teaser(l.meta.body.text.trim(), SUMMARY_CHARS);
        if !summary.is_empty() {
            let _ = writeln!(x, "    <summary type=\"text\">{}</summary>", xml_escape(&summary));
        }
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    Some(x)
}

/// One feed of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feed {
    /// `atom.xml`, of the newest lessons.
    Site,
    /// `<segment>/<term>/atom.xml`: term `i` of a taxonomy.
    Term(Taxonomy, usize),
}

impl Feed {
    /// Every feed of the site: `atom.xml` and one for each term with lessons. None without a
    /// `base_url`.
    pub fn all(site: &Site, links: &Links) -> Vec<Feed> {
        if urls::absolute(&site.config.base_url, FEED_FILE).is_none() {
            return vec![];
        }
        let mut out = vec![Feed::Site];
        for tax in Taxonomy::ALL {
            let with = links.terms[tax.index()].iter().enumerate().filter(|(_, (_, p))| !p.lessons.is_empty());
            out.extend(with.map(|(ti, _)| Feed::Term(tax, ti)));
        }
        out
    }

    /// The file the feed is written to.
    pub fn path(&self, links: &Links) -> String {
        match *self {
            Feed::Site => FEED_FILE.into(),
            Feed::Term(tax, ti) => format!("{}{FEED_FILE}", urls::term(tax, &links.terms[tax.index()][ti].0)),
        }
    }

    /// The feed (`rank` from `ranks`); `None` when it has nothing to show.
    pub fn make(&self, site: &Site, links: &Links, t: &Strings, rank: &[usize]) -> Option<OutFile> {
        match *self {
            Feed::Site => site_feed(site, links),
            Feed::Term(tax, ti) => term_feed(site, links, t, rank, tax, ti),
        }
    }
}

/// Every feed of the site (`Feed::all`), made.
pub fn feeds(site: &Site, links: &Links, t: &Strings) -> Vec<OutFile> {
    let rank = ranks(links);
    Feed::all(site, links).iter().filter_map(|f| f.make(site, links, t, &rank)).collect()
}

/// The site's feed, `atom.xml`, of the newest lessons.
pub fn site_feed(site: &Site, links: &Links) -> Option<OutFile> {
    let main = atom(site, links, &links.newest, FEED_FILE, &site.config.title)?;
    Some(OutFile { path: FEED_FILE.into(), bytes: main.into_bytes() })
}

/// Each lesson's position in `links.newest`.
pub fn ranks(links: &Links) -> Vec<usize> {
    let mut rank = vec![usize::MAX; links.newest.len()];
    for (pos, &li) in links.newest.iter().enumerate() {
        if let Some(r) = rank.get_mut(li) {
            *r = pos;
        }
    }
    rank
}

/// The lessons in the feed of term `ti` of `tax`, newest first (`rank` from `ranks`); the feed
/// shows the first `MAX_ENTRIES`.
pub fn term_entries(links: &Links, rank: &[usize], tax: Taxonomy, ti: usize) -> Vec<usize> {
    let pages = &links.terms[tax.index()][ti].1;
    let mut lessons: Vec<usize> = pages.lessons.iter().copied().filter(|&i| i < rank.len()).collect();
    lessons.sort_by_key(|&i| (rank[i], i));
    lessons
}

/// The feed of term `ti` of `tax`, `<segment>/<term>/atom.xml`; `None` when the term has no
/// lessons or the site no `base_url`.
pub fn term_feed(site: &Site, links: &Links, t: &Strings, rank: &[usize], tax: Taxonomy, ti: usize) -> Option<OutFile> {
    let (slug, pages) = &links.terms[tax.index()][ti];
    read(|| Dep::Term(tax, slug.clone()));
    if pages.lessons.is_empty() {
        return None;
    }
    let lessons = term_entries(links, rank, tax, ti);
    let label = site.config.term(tax, slug).map(|term| site.config.label(term)).unwrap_or(slug);
    let title = format!("{}: {label} · {}", taxonomy_name(t, tax), site.config.title);
    let path = format!("{}{FEED_FILE}", urls::term(tax, slug));
    let feed = atom(site, links, &lessons, &path, &title)?;
    Some(OutFile { path, bytes: feed.into_bytes() })
}

/// A small site shared by the tests of the render modules.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::config::Config;
    use crate::content::model::{Body, Initiative, Kind, Lesson, Meta, Outcome, Site};
    use chrono::NaiveDate;
    use std::path::{Path, PathBuf};

    const CONFIG: &str = r#"
title = "Leernet"
description = "Lessen uit zorg & welzijn"
base_url = "https://leer.net"
[[themes]]
slug = "mantelzorg"
nl = "Mantelzorg"
en = "Informal care"
description = "Naasten"
[[themes]]
slug = "preventie"
nl = "Preventie"
en = "Prevention"
[[stakeholders]]
slug = "bestuurder"
nl = "Bestuurder"
en = "Executive"
[[glossary]]
term = "Wmo"
expansion = "Wet maatschappelijke ondersteuning"
definition = "Wet voor gemeenten."
"#;

    pub fn meta(slug: &str, source: &str, title: &str, themes: &[&str], text: &str) -> Meta {
        Meta {
            slug: slug.into(),
            source: source.into(),
            file: PathBuf::from(format!("/site/{source}")),
            title: title.into(),
            terms: [themes.iter().map(|s| s.to_string()).collect(), vec![], vec![], vec![]],
            body: Body { html: format!("<p>{text}</p>"), text: text.into(), ..Body::default() },
        }
    }

    fn lesson(slug: &str, added: Option<(i32, u32, u32)>, themes: &[&str]) -> Lesson {
        let source = format!("lessons/alpha/{slug}.md");
        Lesson {
            meta: meta(slug, &source, &format!("Les {slug}"), themes, &format!("Tekst van {slug}.")),
            initiative: "alpha".into(),
            initiative_line: 3,
            kind: Kind::Tip,
            added: added.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            source_ref: Some("Rapport".into()),
        }
    }

    /// One initiative `alpha` with lessons `a-les` (2025-01-02, mantelzorg), `b-les`
    /// (2025-03-01, mantelzorg + preventie) and `c-les` (no date, preventie).
    pub fn site() -> Site {
        let config = Config::parse(Path::new("config.toml"), CONFIG).expect("fixture config");
        let alpha = Initiative {
            meta: meta("alpha", "initiatives/alpha.md", "Alpha & Co", &["mantelzorg"], "Over Alpha."),
            summary: "Samen zorgen.".into(),
            region: "Maastricht".into(),
            started: Some("2014".into()),
            phase: Some("pilot".into()),
            evidence: None,
            organisations: vec!["GGD".into(), "Gemeente".into()],
            outcomes: vec![Outcome {
                measure: "Welbevinden".into(),
                before: 3.5,
                after: 8.5,
                unit: "cijfer 1-10".into(),
                source: "Meting".into(),
            }],
            figures: vec![],
            contact: None,
            links: vec![],
            last_reviewed: NaiveDate::from_ymd_opt(2024, 6, 1),
        };
        let lessons = vec![
            lesson("a-les", Some((2025, 1, 2)), &["mantelzorg"]),
            lesson("b-les", Some((2025, 3, 1)), &["mantelzorg", "preventie"]),
            lesson("c-les", None, &["preventie"]),
        ];
        Site { root: PathBuf::from("/site"), config, initiatives: vec![alpha], lessons, pages: vec![] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> Strings {
        [("tax_themes", "Thema")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn site_feed_lists_newest_first_with_absolute_urls() {
        let site = fixture::site();
        let links = Links::build(&site);
        let x = atom(&site, &links, &links.newest, "atom.xml", "Leernet").unwrap();
        assert!(
            x.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"")
        );
        assert!(x.contains("  <id>https://leer.net/atom.xml</id>\n"));
        assert!(x.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://leer.net/\"/>"));
        assert!(x.contains("  <subtitle>Lessen uit zorg &amp; welzijn</subtitle>\n"));
        // c-les has no date: the site's newest date (2025-03-01) stands in.
        assert!(x.contains("  <updated>2025-03-01T00:00:00Z</updated>\n  <author>"));
        let b = x.find("<title>Les b-les</title>").unwrap();
        let a = x.find("<title>Les a-les</title>").unwrap();
        let c = x.find("<title>Les c-les</title>").unwrap();
        assert!(b < a && a < c);
        assert!(x.contains(
            "    <id>https://leer.net/lessen/b-les/</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"https://leer.net/lessen/b-les/\"/>\n    <published>2025-03-01T00:00:00Z</published>\n    <updated>2025-03-01T00:00:00Z</updated>\n    <author><name>Alpha &amp; Co</name><uri>https://leer.net/initiatieven/alpha/</uri></author>\n"
        ));
        assert!(x.contains(
            "<category term=\"preventie\" scheme=\"https://leer.net/thema/\" label=\"Preventie\"/>\n    <summary type=\"text\">Tekst van b-les.</summary>"
        ));
        assert!(x.contains("<title>Les c-les</title>\n    <id>https://leer.net/lessen/c-les/</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"https://leer.net/lessen/c-les/\"/>\n    <updated>2025-03-01T00:00:00Z</updated>\n"));
        assert!(x.ends_with("</feed>\n"));
    }

    #[test]
    fn no_base_url_no_feed() {
        let mut site = fixture::site();
        site.config.base_url.clear();
        let links = Links::build(&site);
        assert_eq!(atom(&site, &links, &links.newest, "atom.xml", "x"), None);
        assert!(feeds(&site, &links, &strings()).is_empty());
    }

    #[test]
    fn dates_are_deterministic_without_any_date() {
        let mut site = fixture::site();
        for l in &mut site.lessons {
            l.added = None;
        }
        site.initiatives[0].last_reviewed = None;
        let links = Links::build(&site);
        let x = atom(&site, &links, &links.newest, "atom.xml", "x").unwrap();
        assert!(x.contains("  <updated>1970-01-01T00:00:00Z</updated>\n  <author>"));
        assert_eq!(x, atom(&site, &links, &links.newest, "atom.xml", "x").unwrap());
    }

    #[test]
    fn at_most_fifty_entries_and_long_summaries_cut() {
        let mut site = fixture::site();
        site.lessons[0].meta.body.text = "woord ".repeat(200);
        let links = Links::build(&site);
        let many: Vec<usize> = std::iter::repeat_n(0, 80).collect();
        let x = atom(&site, &links, &many, "atom.xml", "x").unwrap();
        assert_eq!(x.matches("<entry>").count(), 50);
        let summary = x.split("<summary type=\"text\">").nth(1).unwrap().split("</summary>").next().unwrap();
        assert!(summary.chars().count() <= 301 && summary.ends_with("woord…"));
        // Out-of-range indices are skipped, not a panic.
        assert_eq!(atom(&site, &links, &[99], "atom.xml", "x").unwrap().matches("<entry>").count(), 0);
    }

    #[test]
    fn hostile_text_is_escaped_and_forbidden_chars_dropped() {
        let mut site = fixture::site();
        site.lessons[1].meta.title = "</title><script>alert(1)</script>\u{1}".into();
        let links = Links::build(&site);
        let x = atom(&site, &links, &links.newest, "atom.xml", "a\"<b>").unwrap();
        assert!(x.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(x.contains("<title>a&quot;&lt;b&gt;</title>"));
        assert!(!x.contains('\u{1}') && !x.contains("<script"));
    }

    #[test]
    fn one_feed_per_term_with_lessons() {
        let site = fixture::site();
        let links = Links::build(&site);
        let files = feeds(&site, &links, &strings());
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["atom.xml", "thema/mantelzorg/atom.xml", "thema/preventie/atom.xml"]);
        let prev = String::from_utf8(files[2].bytes.clone()).unwrap();
        assert!(prev.contains("  <title>Thema: Preventie · Leernet</title>\n"));
        assert!(prev.contains("<id>https://leer.net/thema/preventie/atom.xml</id>"));
        assert!(prev.contains("href=\"https://leer.net/thema/preventie/\"/>"));
        assert!(prev.find("Les b-les").unwrap() < prev.find("Les c-les").unwrap());
        assert!(!prev.contains("Les a-les"));
    }
}
