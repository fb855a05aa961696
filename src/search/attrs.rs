//! Initiative facets (format v4, docs/search-format.md): phase, evidence, region and the year an
//! initiative started. Each initiative has exactly one value of each (its own, or "niet
//! beschreven" when the field is missing); a lesson has its initiative's. They are not in the
//! facet codes or f.js: `search/a.js` lists each initiative's value per facet, and the client
//! finds a document's value through its initiative (r.js), so the postings stay as short as
//! before. Only values that some initiative has are offered.

use super::encode::v64;
use crate::content::markdown::slugify;
use crate::content::model::{EVIDENCE, Initiative, PHASES, Site};
use crate::render::OutFile;
use crate::render::views::{Strings, tr};
use serde_json::json;

/// The value slug of a missing field.
pub const NOT_DESCRIBED: &str = "niet-beschreven";

/// One initiative facet: its URL parameter, name, values (slug, label) and each initiative's
/// value index.
#[derive(Debug, PartialEq)]
pub struct Facet {
    pub param: &'static str,
    pub name: String,
    pub values: Vec<(String, String)>,
    pub of: Vec<u32>,
}

/// The four initiative facets of a site, in the order the client shows them.
#[derive(Debug, PartialEq, Default)]
pub struct Attrs {
    pub facets: Vec<Facet>,
}

/// The year of a `started` value (`2009`, `2009-04`, `2009-04-01`).
fn year(started: &str) -> Option<String> {
    let y: String = started.trim().chars().take(4).collect();
    (y.len() == 4 && y.chars().all(|c| c.is_ascii_digit())).then_some(y)
}

impl Attrs {
    pub fn new(site: &Site, t: &Strings) -> Attrs {
        let inits = &site.initiatives;
        // A region with no letters or digits, or one that says "niet beschreven", is none.
        let region = |i: &Initiative| {
            Some(i.region.trim().to_string()).filter(|r| !matches!(slugify(r).as_str(), "" | NOT_DESCRIBED))
        };
        let mut regions: Vec<String> = inits.iter().filter_map(region).collect();
        regions.sort_by_key(|r| (r.to_lowercase(), r.clone()));
        regions.dedup_by_key(|r| slugify(r));
        let mut years: Vec<String> = inits.iter().filter_map(|i| i.started.as_deref().and_then(year)).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let listed = |names: &[&str], key: &str| -> Vec<(String, String)> {
            names.iter().map(|n| (n.to_string(), tr(t, &format!("{key}_{n}")))).collect()
        };
        let plain =
            |names: Vec<String>| -> Vec<(String, String)> { names.into_iter().map(|n| (slugify(&n), n)).collect() };
        let not_described = tr(t, "facet_not_described");
        let facet = |param: &'static str,
                     name: &str,
                     all: Vec<(String, String)>,
                     value: &dyn Fn(&Initiative) -> Option<String>| {
            // Each initiative's value, matched by slug (a region's slug is made from its text).
            let index: Vec<Option<usize>> = inits
                .iter()
                .map(|i| value(i).and_then(|v| all.iter().position(|(slug, _)| *slug == slugify(&v))))
                .collect();
            let used: Vec<usize> = (0..all.len()).filter(|n| index.contains(&Some(*n))).collect();
            let mut values: Vec<(String, String)> = used.iter().map(|&n| all[n].clone()).collect();
            let missing = index.iter().any(Option::is_none);
            if missing {
                values.push((NOT_DESCRIBED.to_string(), not_described.clone()));
            }
            let of = index
                .iter()
                .map(|n| n.and_then(|n| used.iter().position(|&u| u == n)).unwrap_or(used.len()) as u32)
                .collect();
            Facet { param, name: tr(t, name), values, of }
        };
        Attrs {
            facets: vec![
                facet("fase", "phase", listed(&PHASES, "phase"), &|i| i.phase.clone()),
                facet("onderbouwing", "evidence", listed(&EVIDENCE, "evidence"), &|i| i.evidence.clone()),
                facet("regio", "region", plain(regions), &region),
                facet("gestart", "facet_started", plain(years), &|i| i.started.as_deref().and_then(year)),
            ],
        }
    }

    /// The facets as meta.js lists them (after the value facets with codes).
    pub fn meta(&self) -> Vec<serde_json::Value> {
        self.facets
            .iter()
            .map(|f| {
                let values: Vec<_> =
                    f.values.iter().map(|(slug, label)| json!({"slug": slug, "label": label})).collect();
                json!({"param": f.param, "name": f.name, "values": values, "by": "initiative"})
            })
            .collect()
    }

    /// What the summaries of big terms count (`Codes::attrs`): per facet its value count and
    /// each initiative's value.
    pub fn for_codes(&self) -> Vec<(usize, Vec<u32>)> {
        self.facets.iter().map(|f| (f.values.len(), f.of.clone())).collect()
    }

    /// `search/a.js`: per facet, each initiative's value index as v64 numbers, in initiative order.
    pub fn file(&self) -> OutFile {
        let lists: Vec<String> = self
            .facets
            .iter()
            .map(|f| {
                let mut s = String::with_capacity(f.of.len());
                for &v in &f.of {
                    v64(&mut s, v);
                }
                s
            })
            .collect();
        let body = serde_json::to_string(&lists).expect("plain strings");
        OutFile { path: "search/a.js".into(), bytes: format!("leernetSearch.attrs({body});\n").into_bytes() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_come_from_dates_and_years() {
        assert_eq!(year("2009").as_deref(), Some("2009"));
        assert_eq!(year("2021-04-01").as_deref(), Some("2021"));
        assert_eq!(year("voorjaar"), None);
        assert_eq!(year(""), None);
    }
}
