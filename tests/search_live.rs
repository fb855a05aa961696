//! The search index the preview server keeps up to date (`search::live`, `search::parts`):
//! after each edit of a lesson the index is patched, and the files of the parts whose
//! fingerprint changed, made again and applied to the files it had, are byte for byte the files
//! a full build of the edited site writes — and they are only a few of them.

mod common;

use common::{Fixture, lesson};
use leernet::content::model::Site;
use leernet::output::Collect;
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

/// The index of `site`, kept, and the files a build writes.
fn kept(site: &Site, t: &BTreeMap<String, String>) -> (Live, BTreeMap<String, Vec<u8>>) {
    let sink = Collect::default();
    let (live, _, _) = Live::build_into(site, t, true, &sink).unwrap();
    (live.unwrap(), as_map(sink.into_files()))
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
    let (mut live, mut current) = kept(&old, &t);
    let mut fps = live.fingerprints(&live.parts(&old), &old, &t);
    let mut with_fp: Vec<&String> = fps.keys().collect();
    with_fp.sort();
    assert_eq!(with_fp, current.keys().collect::<Vec<_>>(), "a fingerprint per file");
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
        assert!(live.update(&new, &t, &[(li, before)]), "{what}: not incremental");
        let now = live.fingerprints(&live.parts(&new), &new, &t);
        current.retain(|p, _| now.contains_key(p));
        let mut written = 0;
        for (part, paths) in live.parts(&new) {
            if paths.iter().any(|p| fps.get(p) != now.get(p)) {
                written += paths.len();
                current.extend(as_map(live.make(part, &new, &t)));
            }
        }
        let (full, _) = Live::build(&new, &t);
        let full = as_map(full);
        let differ: Vec<&String> = full.keys().filter(|k| current.get(*k) != full.get(*k)).collect();
        let extra: Vec<&String> = current.keys().filter(|k| !full.contains_key(*k)).collect();
        assert!(differ.is_empty() && extra.is_empty(), "{what}: differ {differ:?}, left over {extra:?}");
        assert!(written < full.len() / 2, "{what}: wrote {written} of {} files", full.len());
        (old, fps) = (new, now);
    }
}

#[test]
fn moving_document_ids_asks_for_a_full_build() {
    let f = Fixture::valid();
    let t = strings(f.root());
    let old = site(f.root());
    let (mut live, _) = kept(&old, &t);
    f.write("lessons/nieuw.md", &lesson(&front(99, "les"), "Tekst."));
    let new = site(f.root());
    let li = new.lessons.iter().position(|l| l.meta.slug == "nieuw").unwrap();
    assert!(!live.update(&new, &t, &[(li, &new.lessons[li])]));
}
