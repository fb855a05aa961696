//! `leernet diff OLD NEW`: pages added, removed, changed and changed only in their lists between
//! two builds of a fixture site, as text and Markdown; refusal of folders that are not outputs.

mod common;
use common::{Fixture, lesson, run_bin};
use leernet::diff::{self, Changes, Page};
use leernet::site::{self, BuildOptions};
use std::path::{Path, PathBuf};

fn build(f: &Fixture, name: &str) -> PathBuf {
    let out = f.root().join(name);
    site::build(&BuildOptions { root: f.root().to_path_buf(), output: Some(out.clone()), ..Default::default() })
        .unwrap();
    out
}

fn paths(pages: &[Page]) -> Vec<&str> {
    pages.iter().map(|p| p.path.as_str()).collect()
}

fn diff_bin(a: &Path, b: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["diff", a.to_str().unwrap(), b.to_str().unwrap()];
    args.extend(extra);
    run_bin(Path::new("."), &args)
}

#[test]
fn two_builds_of_the_same_content_differ_in_nothing() {
    let f = Fixture::valid();
    let (a, b) = (build(&f, "a"), build(&f, "b"));
    assert_eq!(diff::compare(&a, &b).unwrap(), Changes::default());
    let (code, out, err) = diff_bin(&a, &b, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "Geen wijzigingen: de twee builds zijn gelijk.\n");
    let (_, md, _) = diff_bin(&a, &b, &["--format", "markdown"]);
    assert!(md.contains("Geen wijzigingen"), "{md}");
}

#[test]
fn a_new_lesson_is_added_and_the_pages_listing_it_change_only_in_their_lists() {
    let f = Fixture::valid();
    let a = build(&f, "a");
    f.write(
        "lessons/alpha/vijf.md",
        &lesson(
            "title: Les vijf over wijkteams\ninitiative: alpha\nkind: tip\nthemes: [mantelzorg]\nstakeholders: [inwoner]\nadded: 2026-05-01",
            "Een wijkteam leert van huisartsen.",
        ),
    );
    let b = build(&f, "b");
    let c = diff::compare(&a, &b).unwrap();
    assert_eq!(c.added, vec![Page { path: "lessen/vijf/".into(), title: "Les vijf over wijkteams".into() }]);
    assert!(c.removed.is_empty() && c.changed.is_empty(), "{c:?}");
    let lists = paths(&c.lists_only);
    for p in ["", "lessen/", "initiatieven/alpha/", "thema/mantelzorg/", "niveau/inwoner/", "initiatieven/", "thema/"] {
        assert!(lists.contains(&p), "{p} not among the pages changed in their lists: {lists:?}");
    }
    // The comparison table: a count went up.
    assert!(lists.contains(&"vergelijk/"), "{lists:?}");
    assert!(c.other[2] > 0, "the search index and feeds changed too: {c:?}");

    let (code, text, _) = diff_bin(&a, &b, &[]);
    assert_eq!(code, 0);
    assert!(text.starts_with("1 pagina toegevoegd, 0 verwijderd, 0 gewijzigd, "), "{text}");
    assert!(text.contains("\nToegevoegd (1):\n  /lessen/vijf/  Les vijf over wijkteams\n"), "{text}");
    assert!(text.contains("  /initiatieven/alpha/  Alpha\n"), "{text}");
    let (_, md, _) = diff_bin(&a, &b, &["--format", "markdown"]);
    assert!(
        md.contains(
            "#### Toegevoegd (1)\n\n| pagina | titel |\n| --- | --- |\n| `/lessen/vijf/` | Les vijf over wijkteams |\n"
        ),
        "{md}"
    );
    assert!(md.contains("<details><summary>Alleen gewijzigd in hun lijsten"), "{md}");
    assert!(!md.contains("#### Gewijzigd"), "{md}");
}

#[test]
fn edited_and_removed_lessons_and_an_initiatives_figures() {
    let f = Fixture::valid();
    let a = build(&f, "a");
    let een = f
        .read("lessons/alpha/een.md")
        .replace("Mantelzorgers helpen elkaar.", "Mantelzorgers helpen elkaar elke week.");
    f.write("lessons/alpha/een.md", &een);
    std::fs::remove_file(f.root().join("lessons/beta/vier.md")).unwrap();
    let alpha = f.read("initiatives/alpha.md").replace("value: \"300+\"", "value: \"400+\"");
    f.write("initiatives/alpha.md", &alpha);
    let b = build(&f, "b");
    let c = diff::compare(&a, &b).unwrap();
    assert!(c.added.is_empty(), "{c:?}");
    assert_eq!(c.removed, vec![Page { path: "lessen/vier/".into(), title: "Les vier".into() }]);
    let changed = paths(&c.changed);
    // The lesson's text and the initiative's key figure (a number the authors wrote) are changes.
    assert!(changed.contains(&"lessen/een/") && changed.contains(&"initiatieven/alpha/"), "{changed:?}");
    // The term page shows the edited lesson's teaser in a card, the lesson list lost one: lists.
    let lists = paths(&c.lists_only);
    assert!(lists.contains(&"thema/mantelzorg/") && lists.contains(&"lessen/"), "{lists:?}");
    assert!(!lists.contains(&"lessen/een/"), "{lists:?}");
}

#[test]
fn folders_that_are_not_leernet_outputs_are_refused() {
    let f = Fixture::valid();
    let a = build(&f, "a");
    let missing = f.root().join("nope");
    let (code, out, err) = diff_bin(&a, &missing, &[]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("nope: fout: bestaat niet"), "{err}");
    // A folder without the marker (the site's sources), and a file.
    let (code, _, err) = diff_bin(f.root(), &a, &[]);
    assert_eq!(code, 1);
    assert!(err.contains("is geen uitvoermap van leernet (er staat geen bestand .leernet in)"), "{err}");
    let (code, _, err) = diff_bin(&a, &f.root().join("config.toml"), &[]);
    assert_eq!(code, 1);
    assert!(err.contains("is geen map"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
