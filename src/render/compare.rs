//! Comparison data: one small script per initiative, `vergelijk/i/<slug>.js`, that the
//! comparison view (`/vergelijk/?i=a,b,…`, `static/compare.js`) loads for the initiatives a
//! reader chose. A script, not JSON, so it loads from `file://` too: it calls
//! `leernetCompare(<data>)`. Labels are in the interface language; what the initiative does not
//! say is left out (the view shows "onbekend"). The format is in docs/compare.md.

use super::charts::format_number;
use super::wording::date_words;
use crate::config::Taxonomy;
use crate::content::model::{Kind, Site};
use crate::escape::to_script_json;
use crate::link::Links;
use crate::output::OutFile;
use crate::strings::{Strings, tr};
use crate::urls;
use serde::Serialize;

/// The folder of the per-initiative scripts.
pub const DIR: &str = "vergelijk/i/";

#[derive(Serialize)]
struct Outcome<'a> {
    measure: &'a str,
    before: f64,
    after: f64,
    /// The values as the interface language writes them.
    before_text: String,
    after_text: String,
    unit: &'a str,
}

#[derive(Serialize)]
struct Data<'a> {
    slug: &'a str,
    title: &'a str,
    /// Output path of the initiative page (the view makes the link).
    path: String,
    region: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    started: Option<[String; 2]>,
    #[serde(skip_serializing_if = "String::is_empty")]
    phase: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    evidence: String,
    /// Term labels per taxonomy field (`themes`, `stakeholders`, `financing`, `domains`).
    terms: Vec<(&'static str, Vec<&'a str>)>,
    figures: Vec<[&'a str; 2]>,
    outcomes: Vec<Outcome<'a>>,
    /// Lessons per kind that has any: [label, count].
    lessons: Vec<(String, usize)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<&'a crate::content::model::Contact>,
}

/// The script of initiative `ii`.
pub fn script(site: &Site, links: &Links, t: &Strings, ii: usize) -> OutFile {
    let init = &site.initiatives[ii];
    let lang = site.config.language.as_str();
    let label =
        |prefix: &str, v: &Option<String>| v.as_ref().map(|v| tr(t, &format!("{prefix}_{v}"))).unwrap_or_default();
    let terms = Taxonomy::ALL
        .iter()
        .map(|&tax| {
            let labels = init.meta.terms[tax.index()]
                .iter()
                .filter_map(|s| site.config.term(tax, s))
                .filter(|term| !term.not_described)
                .map(|term| site.config.label(term))
                .collect();
            (tax.field(), labels)
        })
        .collect();
    let lessons = Kind::ALL
        .iter()
        .filter_map(|&k| {
            let n = links.lessons_of[ii].iter().filter(|&&li| site.lessons[li].kind == k).count();
            (n > 0).then(|| (tr(t, &format!("kinds_{}", k.as_str())), n))
        })
        .collect();
    let data = Data {
        slug: &init.meta.slug,
        title: &init.meta.title,
        path: urls::initiative(&init.meta.slug),
        region: &init.region,
        started: init.started.as_ref().map(|s| [s.clone(), date_words(t, s)]),
        phase: label("phase", &init.phase),
        evidence: label("evidence", &init.evidence),
        terms,
        figures: init.figures.iter().map(|f| [f.label.as_str(), f.value.as_str()]).collect(),
        outcomes: init
            .outcomes
            .iter()
            .map(|o| Outcome {
                measure: &o.measure,
                before: finite(o.before),
                after: finite(o.after),
                before_text: format_number(o.before, lang),
                after_text: format_number(o.after, lang),
                unit: o.unit.trim(),
            })
            .collect(),
        lessons,
        contact: init.contact.as_ref(),
    };
    OutFile {
        path: format!("{DIR}{}.js", init.meta.slug),
        bytes: format!("leernetCompare({});\n", to_script_json(&data)).into_bytes(),
    }
}

/// A value the view can draw (NaN and infinities count as 0; their text says what they are).
fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

/// The scripts of every initiative.
pub fn scripts(site: &Site, links: &Links, t: &Strings) -> Vec<OutFile> {
    (0..site.initiatives.len()).map(|ii| script(site, links, t, ii)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::feeds::fixture;

    fn strings() -> Strings {
        toml::from_str(include_str!("../../templates/i18n/nl.toml")).unwrap()
    }

    fn data(site: &Site) -> serde_json::Value {
        let links = Links::build(site);
        let file = script(site, &links, &strings(), 0);
        assert_eq!(file.path, "vergelijk/i/alpha.js");
        let text = String::from_utf8(file.bytes).unwrap();
        let json = text.strip_prefix("leernetCompare(").and_then(|t| t.strip_suffix(");\n")).expect("one call");
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn what_the_view_shows_and_nothing_it_cannot_know() {
        let d = data(&fixture::site());
        assert_eq!(d["title"], "Alpha & Co");
        assert_eq!(d["path"], "initiatieven/alpha/");
        assert_eq!(d["started"], serde_json::json!(["2014", "2014"]));
        assert_eq!(d["phase"], "Pilot");
        // Unknown: left out, the view says "onbekend".
        assert!(d.get("evidence").is_none() && d.get("contact").is_none());
        assert_eq!(d["outcomes"][0]["before_text"], "3,5");
        assert_eq!(d["outcomes"][0]["unit"], "cijfer 1-10");
        // Three tips.
        assert_eq!(d["lessons"], serde_json::json!([["Tips", 3]]));
    }

    #[test]
    fn text_cannot_end_the_script() {
        let mut site = fixture::site();
        site.initiatives[0].meta.title = "</script><script>alert(1)</script>".into();
        site.initiatives[0].started = Some("2013-04".into());
        let links = Links::build(&site);
        let text = String::from_utf8(script(&site, &links, &strings(), 0).bytes).unwrap();
        assert!(!text.contains("</script") && !text.contains("<script"));
        assert_eq!(data(&site)["title"], "</script><script>alert(1)</script>");
        assert_eq!(data(&site)["started"], serde_json::json!(["2013-04", "april 2013"]));
    }
}
