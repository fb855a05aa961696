//! Initiative facets (format v4, docs/search-format.md): phase, evidence, region and the year an
//! initiative started. Each initiative has exactly one value of each (its own, or "niet
//! beschreven" when the field is missing); a lesson has its initiative's. They are not in the
//! facet codes or f.js: `search/a.js` lists each initiative's value per facet, and the client
//! finds a document's value through its initiative (r.js), so the postings stay as short as
//! before. Only values that some initiative has are offered.

use super::encode::v64;
use crate::content::markdown::slugify;
use crate::content::model::{EVIDENCE, Initiative, PHASES, Site};
use crate::output::OutFile;
use crate::strings::{Strings, tr};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};

/// The value slug of a missing field.
pub const NOT_DESCRIBED: &str = "niet-beschreven";

/// One initiative facet: its URL parameter, name, values (slug, label) and each initiative's
/// value index.
#[derive(Debug, PartialEq, Hash)]
pub struct Facet {
    pub param: &'static str,
    pub name: String,
    pub values: Vec<(String, String)>,
    pub of: Vec<u32>,
}

/// The four initiative facets of a site, in the order the client shows them.
#[derive(Debug, PartialEq, Default, Hash)]
pub struct Attrs {
    pub facets: Vec<Facet>,
}

/// The year of a `started` value (`2009`, `2009-04`, `2009-04-01`).
fn year(started: &str) -> Option<String> {
    let y: String = started.trim().chars().take(4).collect();
    (y.len() == 4 && y.chars().all(|c| c.is_ascii_digit())).then_some(y)
}

/// One name per slug, as most initiatives spell it (a tie: as the first of them), sorted by name.
fn spelled(names: Vec<String>) -> Vec<String> {
    // Per slug its spellings with how often each is used, in order of first use.
    let mut by_slug: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for name in names {
        let list = by_slug.entry(slugify(&name)).or_default();
        match list.iter_mut().find(|(n, _)| *n == name) {
            Some(e) => e.1 += 1,
            None => list.push((name, 1)),
        }
    }
    // max_by_key keeps the last of equals: reversed, that is the first used.
    let mut out: Vec<String> =
        by_slug.into_values().filter_map(|list| list.into_iter().rev().max_by_key(|e| e.1).map(|e| e.0)).collect();
    out.sort_by_key(|r| (r.to_lowercase(), r.clone()));
    out
}

/// A facet from all its possible values (slug, label) and each initiative's value (a slug, or a
/// text whose slug it is): only the values some initiative has, in the given order, then "niet
/// beschreven" when some initiative has none.
fn facet(param: &'static str, name: String, all: Vec<(String, String)>, of: Vec<Option<String>>, nd: &str) -> Facet {
    let position: HashMap<&str, usize> = all.iter().enumerate().map(|(n, (slug, _))| (slug.as_str(), n)).collect();
    let index: Vec<Option<usize>> =
        of.iter().map(|v| v.as_deref().and_then(|v| position.get(slugify(v).as_str()).copied())).collect();
    let mut used = vec![false; all.len()];
    for &n in index.iter().flatten() {
        used[n] = true;
    }
    let (mut renumber, mut values) = (vec![0u32; all.len()], Vec::new());
    for (n, v) in all.iter().enumerate().filter(|(n, _)| used[*n]) {
        renumber[n] = values.len() as u32;
        values.push(v.clone());
    }
    let none = values.len() as u32;
    if index.contains(&None) {
        values.push((NOT_DESCRIBED.to_string(), nd.to_string()));
    }
    let of = index.iter().map(|n| n.map_or(none, |n| renumber[n])).collect();
    Facet { param, name, values, of }
}

impl Attrs {
    pub fn new(site: &Site, t: &Strings) -> Attrs {
        let inits = &site.initiatives;
        // A region with no letters or digits, or one that says "niet beschreven", is none.
        let region = |i: &Initiative| {
            Some(i.region.trim().to_string()).filter(|r| !matches!(slugify(r).as_str(), "" | NOT_DESCRIBED))
        };
        let regions = spelled(inits.iter().filter_map(region).collect());
        let mut years: Vec<String> = inits.iter().filter_map(|i| i.started.as_deref().and_then(year)).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let listed = |names: &[&str], key: &str| -> Vec<(String, String)> {
            names.iter().map(|n| (n.to_string(), tr(t, &format!("{key}_{n}")))).collect()
        };
        let plain =
            |names: Vec<String>| -> Vec<(String, String)> { names.into_iter().map(|n| (slugify(&n), n)).collect() };
        let nd = tr(t, "facet_not_described");
        let of = |value: &dyn Fn(&Initiative) -> Option<String>| -> Vec<Option<String>> {
            inits.iter().map(value).collect()
        };
        Attrs {
            facets: vec![
                facet("fase", tr(t, "phase"), listed(&PHASES, "phase"), of(&|i| i.phase.clone()), &nd),
                facet(
                    "onderbouwing",
                    tr(t, "evidence"),
                    listed(&EVIDENCE, "evidence"),
                    of(&|i| i.evidence.clone()),
                    &nd,
                ),
                facet("regio", tr(t, "region"), plain(regions), of(&region), &nd),
                facet(
                    "gestart",
                    tr(t, "facet_started"),
                    plain(years),
                    of(&|i| i.started.as_deref().and_then(year)),
                    &nd,
                ),
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
