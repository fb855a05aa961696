//! The search index the preview server keeps up to date (`search::live`): after each edit of a
//! lesson, the files it writes again, applied to the files it had, are byte for byte the files a
//! full build of the edited site writes — and it writes only a few of them.

mod common;

use common::{Fixture, lesson};
use leernet::content::model::Site;
use leernet::output::OutFile;
use leernet::search::live::Live;
use leernet::site::{BuildOptions, load};
use std::collections::BTreeMap;

fn site(root: &std::path::Path) -> Site {
    load(&BuildOptions { root: root.to_path_buf(), ..Default::default() }).unwrap_or_else(|d| panic!("{d:#?}"))
}

fn strings(root: &std::path::Path) -> BTreeMap<String, String> {
    leernet::render::templates::strings(root, "nl").unwrap()
}

fn as_map(files: Vec<OutFile>) -> BTreeMap<String, Vec<u8>> {
    files.into_iter().map(|f| (f.path, f.bytes)).collect()
}

fn front(n: usize, kind: &str) -> String {
    format!(
        "title: \"Les {n} over budget\"\ninitiative: alpha\nkind: {kind}\nthemes: [mantelzorg]\nstakeholders: [inwoner]"
    )
}

fn body(words: &str) -> String {
    format!("{words}\n\nMantelzorgers en wijkteams werken samen aan zorg in de buurt.\n")
}

#[test]
fn edits_patch_the_index_like_a_full_build() {
    let f = Fixture::valid();
    for n in 0..12 {
        let kind = ["les", "tip", "succes"][n % 3];
        f.write(&format!("lessons/l{n:02}.md"), &lesson(&front(n, kind), &body("Eerste tekst")));
    }
    let t = strings(f.root());
    let mut old = site(f.root());
    let (live, files, _) = Live::build(&old, &t, true);
    let mut live = live.unwrap();
    let mut current = as_map(files);
    // Each edit: (file, new text, what it changes).
    let edits = [
        ("lessons/l03.md", "les", "body words only: new terms appear", "Nieuwe woorden zoals dakgoot en regenpijp"),
        ("lessons/l03.md", "les", "body back: those terms disappear", "Eerste tekst"),
        ("lessons/l05.md", "tip", "many occurrences of a common word", &"zorg ".repeat(400)),
        ("lessons/l07.md", "succes", "kind changes: the facet sets change", "Eerste tekst"),
        ("lessons/l05.md", "tip", "back again", "Eerste tekst"),
        ("lessons/l05.md", "tip", "one word's weight changes, the others stay", "Eerste tekst tekst"),
    ];
    for (file, kind, what, text) in edits {
        let n: usize = file[9..11].parse().unwrap();
        f.write(file, &lesson(&front(n, kind), &body(text)));
        let new = site(f.root());
        let slug = format!("l{n:02}");
        let li = new.lessons.iter().position(|l| l.meta.slug == slug).unwrap();
        let before = old.lessons.iter().find(|l| l.meta.slug == slug).unwrap();
        let update = live.update(&new, &t, &[(li, before)]).unwrap_or_else(|| panic!("{what}: not incremental"));
        let written = update.files.len();
        // The site is small, so it has the elasticlunr export, which the caller makes again.
        let export = update.export.expect("an export for a small site").files();
        for p in &update.removed {
            current.remove(p);
        }
        current.extend(as_map(update.files));
        current.extend(as_map(export));
        let (_, full, _) = Live::build(&new, &t, false);
        let full = as_map(full);
        let differ: Vec<&String> = full.keys().filter(|k| current.get(*k) != full.get(*k)).collect();
        let extra: Vec<&String> = current.keys().filter(|k| !full.contains_key(*k)).collect();
        assert!(differ.is_empty() && extra.is_empty(), "{what}: differ {differ:?}, left over {extra:?}");
        assert!(written < full.len() / 2, "{what}: wrote {written} of {} files", full.len());
        old = new;
    }
}

#[test]
fn moving_document_ids_asks_for_a_full_build() {
    let f = Fixture::valid();
    let t = strings(f.root());
    let old = site(f.root());
    let mut live = Live::build(&old, &t, true).0.unwrap();
    f.write("lessons/nieuw.md", &lesson(&front(99, "les"), "Tekst."));
    let new = site(f.root());
    let li = new.lessons.iter().position(|l| l.meta.slug == "nieuw").unwrap();
    assert!(live.update(&new, &t, &[(li, &new.lessons[li])]).is_none());
}
