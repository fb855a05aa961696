//! The outputs for machines are outputs of the preview server's graph like pages: a
//! comparison script, the sitemap and the JSON export are made again when what they read changes,
//! and not otherwise; each step equals a full build byte for byte.

mod common;
use common::full::assert_same_as_full;
use common::{Fixture, lesson};
use leernet::pipeline::{Outcome, Workspace};

fn remade(ws: &Workspace, o: &Outcome) -> Vec<String> {
    assert!(matches!(o, Outcome::Rebuilt { full: false, .. }), "{o:?}");
    ws.remade().to_vec()
}

#[test]
fn comparison_scripts_and_sitemap_follow_what_they_read() {
    let f = Fixture::valid();
    let root = f.root().to_path_buf();
    let mut ws = Workspace::open(&root, false, None).unwrap();
    let edit = |ws: &mut Workspace, rel: &str, from: &str, to: &str| {
        let text = f.read(rel);
        assert!(text.contains(from), "{rel} has no {from:?}");
        f.write(rel, &text.replacen(from, to, 1));
        ws.apply(&[root.join(rel)])
    };
    let (alpha, beta) = ("vergelijk/i/alpha.js".to_string(), "vergelijk/i/beta.js".to_string());
    assert!(ws.files.contains_key(&alpha) && ws.files.contains_key("sitemap.xml"));

    // An unrelated lesson's body: no comparison script, no sitemap.
    let o = edit(&mut ws, "lessons/beta/vier.md", "Iets over", "Nog iets over");
    let made = remade(&ws, &o);
    assert!(made.contains(&"lessen/vier/index.html".to_string()), "{made:?}");
    // Its entry in the JSON export is made again, the export's other files are not.
    assert!(made.contains(&"api/lessons.json".to_string()) && !made.iter().any(|m| m == "api/index.json"));
    for other in [&alpha, &beta, &"sitemap.xml".to_string(), &"robots.txt".to_string()] {
        assert!(!made.contains(other), "{other} in {made:?}");
    }
    assert_same_as_full(&mut ws, "body edit");

    // A lesson of alpha changes kind: alpha's script counts it, beta's does not change.
    let o = edit(&mut ws, "lessons/alpha/twee.md", "kind: tip", "kind: knelpunt");
    let made = remade(&ws, &o);
    assert!(made.contains(&alpha) && !made.contains(&beta), "{made:?}");
    assert_same_as_full(&mut ws, "kind");

    // A new lesson: a new page, so the sitemap; beta's script counts it.
    f.write("lessons/beta/vijf.md", &lesson("title: Les vijf\ninitiative: beta\nkind: tip\nthemes: [preventie]\nstakeholders: [bestuurder]\nadded: 2026-04-05", "Vijf."));
    let o = ws.apply(&[root.join("lessons/beta/vijf.md")]);
    let made = remade(&ws, &o);
    assert!(made.contains(&beta) && made.contains(&"sitemap.xml".to_string()) && !made.contains(&alpha), "{made:?}");
    for api in ["api/index.json", "api/initiatives.json", "api/lessons.json"] {
        assert!(made.iter().any(|m| m == api), "{api} not in {made:?}");
    }
    assert_same_as_full(&mut ws, "new lesson");

    // The initiative itself: its script says the new title.
    edit(&mut ws, "initiatives/alpha.md", "title: Alpha", "title: Alpha herzien");
    assert!(String::from_utf8_lossy(&ws.files[&alpha]).contains("Alpha herzien"));
    assert_same_as_full(&mut ws, "initiative");
}
