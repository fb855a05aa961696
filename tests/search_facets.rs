//! The initiative facets of the search index (format v4, docs/search-format.md), on the repo's
//! own content and on a fixture with missing and odd values: phase, evidence, region and year
//! started, with only the values some initiative has, "Niet beschreven" for a missing field, and
//! each initiative's value in `search/a.js`.

mod common;
use common::Fixture;
use leernet::site::{self, BuildOptions};
use serde_json::Value;
use std::path::Path;

/// The arguments of the one `leernetSearch.<name>(…)` call in a search file, as a JSON array.
fn call(out: &Path, file: &str, name: &str) -> Value {
    let text = std::fs::read_to_string(out.join(file)).unwrap();
    let body = text.strip_prefix(&format!("leernetSearch.{name}(")).and_then(|t| t.strip_suffix(");\n"));
    serde_json::from_str(&format!("[{}]", body.unwrap_or_else(|| panic!("{file}: not one {name} call")))).unwrap()
}

/// v64 numbers under 32, one character each (the values of a small site's facets).
fn small_v64(s: &str) -> Vec<u32> {
    const V64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    s.chars().map(|c| V64.find(c).filter(|&g| g < 32).expect("a one-character v64 number") as u32).collect()
}

fn build(root: &Path, out: &Path) -> Value {
    let options = BuildOptions { root: root.to_path_buf(), output: Some(out.to_path_buf()), ..Default::default() };
    site::build(&options).unwrap();
    call(out, "search/meta.js", "meta")[0].clone()
}

/// The labels of an initiative facet's values.
fn labels(meta: &Value, param: &str) -> Vec<String> {
    let f = meta["facets"].as_array().unwrap().iter().find(|f| f["param"] == param).unwrap();
    assert_eq!(f["by"], "initiative", "{param}");
    f["values"].as_array().unwrap().iter().map(|v| v["label"].as_str().unwrap().to_string()).collect()
}

/// Per initiative facet, each initiative's value (`search/a.js`).
fn values(out: &Path) -> Vec<Vec<u32>> {
    let attrs = call(out, "search/a.js", "attrs");
    attrs[0].as_array().unwrap().iter().map(|s| small_v64(s.as_str().unwrap())).collect()
}

#[test]
fn missing_and_odd_values() {
    // alpha: Oss, 2014, pilot, procesevaluatie; beta: Maastricht and nothing else.
    let f = Fixture::valid();
    let init = |title: &str, rest: &str| {
        format!(
            "---\ntitle: {title}\nsummary: Iets.\nthemes: [preventie]\nstakeholders: [inwoner]\nfinancing: [projectsubsidie]\n{rest}---\nTekst.\n"
        )
    };
    f.write("initiatives/gamma.md", &init("Gamma", "region: \"OSS \"\nstarted: 2021-05-01\nphase: geborgd\n"));
    f.write("initiatives/delta.md", &init("Delta", "region: Niet beschreven\nstarted: 2014\n"));
    let out = f.root().join("public");
    let meta = build(f.root(), &out);
    // Phases in their fixed order, only those used; "Niet beschreven" last for beta and delta.
    assert_eq!(labels(&meta, "fase"), ["Pilot", "Geborgd", "Niet beschreven"]);
    assert_eq!(labels(&meta, "onderbouwing"), ["Procesevaluatie", "Niet beschreven"]);
    // Oss and "OSS " are one region, named as the first initiative (alpha) spells it; a region
    // that says "Niet beschreven" is none.
    assert_eq!(labels(&meta, "regio"), ["Maastricht", "Oss", "Niet beschreven"]);
    // Years newest first, from a year or a date.
    assert_eq!(labels(&meta, "gestart"), ["2021", "2014", "Niet beschreven"]);
    // Per facet, the initiatives in slug order: alpha, beta, delta, gamma.
    assert_eq!(values(&out), [[0, 2, 2, 1], [0, 1, 1, 1], [1, 0, 2, 1], [1, 2, 1, 0]]);
}

#[test]
fn repo_index_has_the_initiative_facets() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let meta = &build(repo, out.path());
    assert_eq!(meta["version"], 4);
    let facets = meta["facets"].as_array().unwrap();
    let params: Vec<&str> = facets.iter().map(|f| f["param"].as_str().unwrap()).collect();
    assert_eq!(
        params,
        [
            "thema",
            "niveau",
            "financiering",
            "domein",
            "soort",
            "fase",
            "onderbouwing",
            "regio",
            "gestart",
            "initiatief"
        ]
    );
    let labels = |param: &str| labels(meta, param);
    // Only the phases some initiative is in (no Verkenning, Geborgd, Beëindigd), in their order.
    assert_eq!(labels("fase"), ["Pilot", "Opschaling"]);
    assert_eq!(labels("onderbouwing"), ["Ervaringsverhaal", "Procesevaluatie", "Effectevaluatie"]);
    assert_eq!(
        labels("regio"),
        ["Landelijk", "Maastricht", "Oss (wijk Ruwaard)", "Overijssel en Gelderland (ontstaan in Luttenberg)"]
    );
    // One initiative says when it started; the others do not.
    assert_eq!(labels("gestart"), ["2009", "Niet beschreven"]);
    let names: Vec<&str> = facets[5..9].iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Fase", "Onderbouwing", "Regio", "Startjaar"]);
    // No code bits for them: the postings stay as they were.
    let offsets = meta["code"]["offsets"].as_array().unwrap();
    assert!(offsets[..5].iter().all(Value::is_u64) && offsets[5..].iter().all(Value::is_null), "{offsets:?}");

    // a.js: each initiative's value per facet, initiatives in slug order (as the label chunks).
    let attrs = values(out.path());
    let mut slugs: Vec<String> = Vec::new();
    for n in 0..2 {
        for e in call(out.path(), &format!("search/i-{n}.js"), "labels")[1].as_array().unwrap() {
            slugs.push(e[0].as_str().unwrap().to_string());
        }
    }
    assert_eq!(attrs.len(), 4);
    let of = |slug: &str| -> Vec<u32> {
        let i = slugs.iter().position(|s| s == slug).unwrap();
        attrs.iter().map(|a| a[i]).collect()
    };
    // OZOverbindzorg: opschaling, effectevaluatie, Overijssel en Gelderland, no start year.
    assert_eq!(of("ozoverbindzorg"), [1, 2, 3, 1]);
    assert_eq!(of("blauwe-zorg"), [0, 1, 1, 1]);
    assert_eq!(of("bot-in-balans"), [1, 0, 0, 0]);
    assert!(attrs.iter().all(|a| a.len() == slugs.len()));
}
