//! Tests of `api`.

use super::*;
use crate::render::feeds::fixture;
use serde_json::Value;

fn parsed(site: &Site) -> Vec<(String, Value, String)> {
    let links = Links::build(site);
    export(site, &links)
        .into_iter()
        .map(|f| {
            let text = String::from_utf8(f.bytes).unwrap();
            (f.path, serde_json::from_str(&text).unwrap(), text)
        })
        .collect()
}

#[test]
fn four_files_with_schema_version() {
    let files = parsed(&fixture::site());
    let paths: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(paths, [INDEX, INITIATIVES, LESSONS, TAXONOMIES]);
    for (_, v, text) in &files {
        assert_eq!(v["schema_version"], 1);
        assert!(text.ends_with("}\n"));
    }
    let index = &files[0].1;
    assert_eq!(index["counts"]["lessons"], 3);
    assert_eq!(index["counts"]["terms"]["themes"], 2);
    assert_eq!(index["files"][1], "api/lessons.json");
    assert_eq!(index["site"]["base_url"], "https://leer.net");
    assert!(files[0].2.starts_with(r#"{"schema_version":1,"generator":{"name":"leernet","version":""#));
    assert!(
        files[0]
            .2
            .ends_with(concat!(r#""files":["api/initiatives.json","api/lessons.json","api/taxonomies.json"]}"#, "\n"))
    );
}

#[test]
fn initiatives_have_every_field() {
    let files = parsed(&fixture::site());
    assert_eq!(
        files[1].2,
        concat!(
            r#"{"schema_version":1,"initiatives":[{"slug":"alpha","title":"Alpha & Co","path":"initiatieven/alpha/","#,
            r#""url":"https://leer.net/initiatieven/alpha/","file":"initiatives/alpha.md","summary":"Samen zorgen.","#,
            r#""region":"Maastricht","started":"2014","phase":"pilot","evidence":null,"themes":["mantelzorg"],"#,
            r#""stakeholders":[],"financing":[],"domains":[],"organisations":["GGD","Gemeente"],"#,
            r#""outcomes":[{"measure":"Welbevinden","before":3.5,"after":8.5,"unit":"cijfer 1-10","source":"Meting"}],"#,
            r#""figures":[],"contact":null,"links":[],"last_reviewed":"2024-06-01","text":"Over Alpha.","#,
            r#""lessons":["a-les","b-les","c-les"]}]}"#,
            "\n"
        )
    );
    let i = &files[1].1["initiatives"][0];
    assert_eq!(i["lessons"], serde_json::json!(["a-les", "b-les", "c-les"]));
    assert_eq!(i["outcomes"][0]["before"], 3.5);
    assert_eq!(i["last_reviewed"], "2024-06-01");
    assert_eq!(i["evidence"], Value::Null);
    assert_eq!(i["file"], "initiatives/alpha.md");
}

#[test]
fn lessons_have_text_source_and_related() {
    let files = parsed(&fixture::site());
    let l = &files[2].1["lessons"];
    assert_eq!(l[1]["slug"], "b-les");
    assert_eq!(l[1]["path"], "lessen/b-les/");
    assert_eq!(l[1]["url"], "https://leer.net/lessen/b-les/");
    assert_eq!(l[1]["file"], "lessons/alpha/b-les.md");
    assert_eq!(l[1]["kind"], "tip");
    assert_eq!(l[1]["themes"], serde_json::json!(["mantelzorg", "preventie"]));
    assert_eq!(l[1]["added"], "2025-03-01");
    assert_eq!(l[1]["source"], "Rapport");
    assert_eq!(l[1]["text"], "Tekst van b-les.");
    assert_eq!(l[1]["related"], serde_json::json!(["a-les", "c-les"]));
    assert_eq!(l[2]["added"], Value::Null);
}

#[test]
fn taxonomies_with_labels_and_counts() {
    let files = parsed(&fixture::site());
    let t = &files[3].1["taxonomies"];
    assert_eq!(t.as_array().unwrap().len(), 4);
    assert_eq!(
        files[3].2.split(r#""terms":["#).nth(1).unwrap().split("},").next().unwrap(),
        r#"{"slug":"mantelzorg","nl":"Mantelzorg","en":"Informal care","description":"Naasten","path":"thema/mantelzorg/","initiative_count":1,"lesson_count":2"#
    );
    assert_eq!(t[0]["segment"], "thema");
    assert_eq!(t[1]["terms"][0]["lesson_count"], 0);
}

#[test]
fn deterministic_and_urls_null_without_base_url() {
    let mut site = fixture::site();
    site.lessons[0].meta.title = "</script>\"\u{0}".into();
    site.initiatives[0].outcomes[0].after = f64::NAN;
    let a = parsed(&site);
    assert_eq!(a.iter().map(|f| &f.2).collect::<Vec<_>>(), parsed(&site).iter().map(|f| &f.2).collect::<Vec<_>>());
    assert_eq!(a[2].1["lessons"][0]["title"], "</script>\"\u{0}");
    assert_eq!(a[1].1["initiatives"][0]["outcomes"][0]["after"], Value::Null);
    site.config.base_url.clear();
    let b = parsed(&site);
    assert_eq!(b[2].1["lessons"][0]["url"], Value::Null);
    assert_eq!(b[2].1["lessons"][0]["path"], "lessen/a-les/");
}

#[test]
fn replacing_entries_in_the_file_equals_putting_it_together_again() {
    let mut json = LessonsJson::default();
    for (slug, body) in [("a", "{\"a\":1}"), ("b", "{\"b\":22}"), ("c", "{\"c\":333}"), ("d", "{}")] {
        json.parts.insert(slug.into(), body.as_bytes().to_vec());
    }
    let mut file = json.assemble();
    // Longer, shorter and equally long entries at once, then a new lesson's entry.
    let edits: [Vec<(&str, &str)>; 3] = [
        vec![("b", "{\"b\":\"much longer than before\"}"), ("c", "{}"), ("a", "{\"a\":2}")],
        vec![("d", "{\"d\":[1,2,3]}")],
        vec![("ab", "{\"ab\":0}"), ("a", "{}")],
    ];
    for edit in edits {
        let made = edit.iter().map(|(s, b)| (s.to_string(), b.as_bytes().to_vec())).collect();
        json.replace(&mut file, made);
        assert_eq!(String::from_utf8_lossy(&file), String::from_utf8_lossy(&json.assemble()));
        assert!(serde_json::from_slice::<Value>(&file).is_ok());
    }
    assert_eq!(json.parts.len(), 5);
}
