//! `leernet serve` after initiative edits: the model is brought up to date and only the outputs
//! whose recorded reads changed are made again, not everything — and the result is still byte
//! for byte what a full build of the files on disk gives, for every kind of initiative edit.

mod common;
use common::full::assert_same_as_full;
use common::{Fixture, lesson};
use leernet::pipeline::{Outcome, Workspace};
use leernet::site::{BuildOptions, load, render_site};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a rebuild made: the pages and whether it was a full one.
fn made(o: &Outcome) -> (Vec<String>, bool) {
    match o {
        Outcome::Rebuilt { pages, full, .. } => (pages.clone(), *full),
        other => panic!("expected a rebuild, got {other:?}"),
    }
}

/// Fails unless the workspace's files are those of a full build of the files on disk (not only
/// of the workspace's own site).
fn assert_same_as_disk(ws: &mut Workspace, root: &Path, step: &str) {
    assert_same_as_full(ws, step);
    let site = load(&BuildOptions { root: root.to_path_buf(), ..Default::default() }).expect("loads");
    let (files, _) = render_site(&site).expect("full build");
    let disk: BTreeMap<String, Vec<u8>> = files.into_iter().map(|f| (f.path, f.bytes)).collect();
    let differ: Vec<&String> = disk.keys().filter(|k| ws.files.get(*k) != disk.get(*k)).collect();
    let extra: Vec<&String> = ws.files.keys().filter(|k| !disk.contains_key(*k)).collect();
    assert!(differ.is_empty() && extra.is_empty(), "{step}: differ {differ:?}, extra {extra:?}");
}

#[test]
fn initiative_edits_remake_what_reads_them() {
    let f = Fixture::valid();
    // With the web form, whose `admin/` lists every initiative by title.
    f.write(
        "config.toml",
        &format!("{}\n[cms]\nbackend = \"github\"\nrepo = \"leernet/leernet\"\n", f.read("config.toml")),
    );
    for i in 0..12 {
        // The undated lessons of a theme only alpha's lessons have: its feed dates them by the
        // site's newest date, which a review of beta can move.
        let (init, theme) = if i % 2 == 0 { ("alpha", "wijkgericht") } else { ("beta", "preventie") };
        let front =
            format!("title: Les {i}\ninitiative: {init}\nkind: tip\nthemes: [{theme}]\nstakeholders: [inwoner]");
        f.write(&format!("lessons/gen/l{i}.md"), &lesson(&front, "Tekst over de wijk."));
    }
    let root = f.root().to_path_buf();
    let mut ws = Workspace::open(&root, false, None).unwrap();
    let total = ws.files.keys().filter(|k| k.ends_with(".html")).count();
    let p = |rel: &str| -> Vec<PathBuf> { vec![root.join(rel)] };
    let edit = |ws: &mut Workspace, from: &str, to: &str| {
        let text = f.read("initiatives/beta.md");
        assert!(text.contains(from), "{from}");
        f.write("initiatives/beta.md", &text.replacen(from, to, 1));
        made(&ws.apply(&p("initiatives/beta.md")))
    };
    // The body text: the initiative's own page, not the lists.
    let (pages, full) = edit(&mut ws, "Beta voorkomt problemen.", "Beta voorkomt veel problemen.");
    assert!(!full && pages.contains(&"initiatieven/beta/index.html".to_string()), "{pages:?}");
    assert!(pages.len() < total / 2, "{} of {total} pages", pages.len());
    assert!(!pages.contains(&"initiatieven/alpha/index.html".to_string()), "{pages:?}");
    assert_same_as_disk(&mut ws, &root, "initiative text");
    // The title: shown on its lessons' pages and cards, in lists, the feeds and the web form.
    let (pages, full) = edit(&mut ws, "title: Beta", "title: Beta Nieuw");
    assert!(!full && pages.contains(&"lessen/l1/index.html".to_string()), "{pages:?}");
    assert!(!pages.contains(&"lessen/l0/index.html".to_string()), "an alpha lesson: {pages:?}");
    assert_same_as_disk(&mut ws, &root, "initiative title");
    // Its themes (the links change), its summary, region and phase (cards, search facets).
    edit(&mut ws, "themes: [preventie]", "themes: [preventie, mantelzorg]");
    assert_same_as_disk(&mut ws, &root, "initiative themes");
    edit(&mut ws, "summary: Beta doet iets anders.", "summary: Beta doet nu iets heel anders.");
    assert_same_as_disk(&mut ws, &root, "initiative summary");
    edit(&mut ws, "region: Maastricht", "region: Heerlen\nphase: pilot\nstarted: 2019");
    assert_same_as_disk(&mut ws, &root, "initiative region, phase, start");
    // A review date: the sitemap's and the feeds' dates; then an older one of alpha's (the
    // site's newest date stays, the sitemap's date of alpha's page changes).
    edit(&mut ws, "region: Heerlen", "region: Heerlen\nlast_reviewed: 2027-01-05");
    assert_same_as_disk(&mut ws, &root, "initiative reviewed");
    f.write(
        "initiatives/alpha.md",
        &f.read("initiatives/alpha.md").replace("region: Oss", "region: Oss\nlast_reviewed: 2026-06-01"),
    );
    ws.apply(&p("initiatives/alpha.md"));
    assert_same_as_disk(&mut ws, &root, "another initiative reviewed");
    // A new initiative, a lesson moved to it, the initiative removed again with its lesson.
    f.write("initiatives/gamma.md", "---\ntitle: Gamma\nsummary: Nieuw.\nregion: Oss\nthemes: [preventie]\nstakeholders: [inwoner]\nfinancing: [projectsubsidie]\n---\nGamma.\n");
    let (pages, full) = made(&ws.apply(&p("initiatives/gamma.md")));
    assert!(!full && pages.contains(&"initiatieven/gamma/index.html".to_string()), "{pages:?}");
    assert_same_as_disk(&mut ws, &root, "initiative added");
    f.write("lessons/gen/l3.md", &f.read("lessons/gen/l3.md").replace("initiative: beta", "initiative: gamma"));
    ws.apply(&p("lessons/gen/l3.md"));
    assert_same_as_disk(&mut ws, &root, "lesson moved to the new initiative");
    std::fs::remove_file(root.join("initiatives/gamma.md")).unwrap();
    std::fs::remove_file(root.join("lessons/gen/l3.md")).unwrap();
    let (_, full) = made(&ws.apply(&[root.join("initiatives/gamma.md"), root.join("lessons/gen/l3.md")]));
    assert!(!full && !ws.files.contains_key("initiatieven/gamma/index.html"));
    assert_same_as_disk(&mut ws, &root, "initiative removed");
    // Removing an initiative that still has lessons is a problem; the last good site stays.
    std::fs::remove_file(root.join("initiatives/beta.md")).unwrap();
    assert!(matches!(ws.apply(&p("initiatives/beta.md")), Outcome::Failed(_)));
    assert!(ws.files.contains_key("initiatieven/beta/index.html"));
    f.write("initiatives/beta.md", "---\ntitle: Beta\nsummary: Terug.\nregion: Oss\nthemes: [preventie]\nstakeholders: [bestuurder]\nfinancing: [projectsubsidie]\n---\nTerug.\n");
    ws.apply(&p("initiatives/beta.md"));
    assert_same_as_disk(&mut ws, &root, "initiative back");
}
