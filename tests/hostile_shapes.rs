//! Single hostile files of shapes that made earlier versions superlinear: the outcome each gets
//! (an error at the right line, or a page that is right). Their times are printed by
//! `cargo run --release --example hostile_bench`, not asserted here.

mod common;
use common::{Fixture, GOOD_LESSON, lesson};
use leernet::site::{self, BuildOptions};

/// The body starts on this line of a file made by `lesson(GOOD_LESSON, …)`.
const BODY_LINE: usize = 8;

fn build(f: &Fixture) -> std::path::PathBuf {
    let out = f.root().join("public");
    site::build(&BuildOptions { root: f.root().into(), output: Some(out.clone()), ..Default::default() })
        .unwrap_or_else(|d| panic!("{d:#?}"));
    out
}

#[test]
fn html_nested_too_deep_is_refused_at_its_line() {
    let f = Fixture::valid();
    let deep = format!("Tekst.\n\nMeer tekst.\n\n{}x{}\n", "<div>".repeat(300), "</div>".repeat(300));
    f.write("lessons/diep.md", &lesson(GOOD_LESSON, &deep));
    let d = site::check(f.root()).1;
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].file.ends_with("lessons/diep.md"));
    assert_eq!(d[0].line, BODY_LINE + 4, "{:?}", d[0]);
    assert!(d[0].message.contains("256 lagen"), "{}", d[0].message);
    assert!(site::build(&BuildOptions { root: f.root().into(), ..Default::default() }).is_err());
    assert!(!f.root().join("public").exists(), "nothing is written when a file is refused");
}

#[test]
fn html_within_the_limit_is_sanitised_and_kept() {
    let f = Fixture::valid();
    let nested = format!("{}<script>x</script>binnen{}\n", "<div>".repeat(200), "</div>".repeat(200));
    f.write("lessons/genest.md", &lesson(GOOD_LESSON, &nested));
    let html = std::fs::read_to_string(build(&f).join("lessen/genest/index.html")).unwrap();
    assert!(html.contains("binnen"));
    assert!(!html.contains("<script>x"), "still sanitised");
    assert!(html.matches("<div>").count() >= 200);
}

#[test]
fn a_tag_with_thousands_of_attributes_is_refused() {
    let f = Fixture::valid();
    let attrs: String = (0..2000).map(|i| format!("a{i}=\"1\" ")).collect();
    f.write("lessons/attr.md", &lesson(GOOD_LESSON, &format!("Tekst.\n\n<span {attrs}>x</span>\n")));
    let d = site::check(f.root()).1;
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!((d[0].line, d[0].file.ends_with("lessons/attr.md")), (BODY_LINE + 2, true));
}

#[test]
fn thousands_of_equal_headings_get_unique_ids() {
    let f = Fixture::valid();
    f.write("lessons/koppen.md", &lesson(GOOD_LESSON, &"## Aanpak\n\n".repeat(3000)));
    let html = std::fs::read_to_string(build(&f).join("lessen/koppen/index.html")).unwrap();
    for id in ["aanpak", "aanpak-1", "aanpak-1500", "aanpak-2999"] {
        assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
    }
    assert!(!html.contains("id=\"aanpak-3000\""));
}

#[test]
fn many_broken_links_are_each_reported_at_their_own_line() {
    let f = Fixture::valid();
    let body: String =
        (0..400).map(|i| format!("## Kop {i}\n\nZie [a](#kop-{i}x) en [b](@/lessons/nergens{i}.md).\n\n")).collect();
    f.write("lessons/links.md", &lesson(GOOD_LESSON, &body));
    let d = site::check(f.root()).1;
    assert_eq!(d.len(), 800, "two broken links per paragraph");
    for (i, pair) in d.chunks(2).enumerate() {
        let line = BODY_LINE + 4 * i + 2;
        assert!(pair.iter().all(|x| x.line == line), "paragraph {i}: {pair:#?}");
    }
    // The first ones get a did-you-mean; past a cap per file the rest do without.
    assert_eq!(d[0].suggestion.as_deref(), Some("bedoelde je `#kop-0`?"));
    let suggested = d.iter().filter(|x| x.suggestion.as_deref().is_some_and(|s| s.starts_with("bedoelde je"))).count();
    assert!((1..=50).contains(&suggested), "{suggested}");
}

#[test]
fn a_megabyte_without_a_space_builds_and_stays_out_of_the_export() {
    let f = Fixture::valid();
    let word = "a".repeat(900_000);
    f.write("lessons/woord.md", &lesson(GOOD_LESSON, &format!("Begin {word} einde.\n")));
    let out = build(&f);
    assert!(out.join("lessen/woord/index.html").exists());
    // elasticlunr keeps its terms as a tree of one level per character: with the word in it the
    // export would hold 900,000 nested levels (and its writer overflowed the stack).
    let export = std::fs::read_to_string(out.join("search_index.nl.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&export).unwrap();
    let index = json["index"].to_string();
    assert!(index.len() < 100_000, "the index (not the stored texts) stays small: {} bytes", index.len());
    assert!(!index.contains(&"{\"a\":".repeat(70)), "no 70-letter chain of `a`");
    assert!(index.contains("\"e\":{") && index.contains("\"b\":{"), "the words around it are indexed");
}
