//! The dependency-tracked rebuild: every page's reads are recorded while it is made, so the
//! preview server re-makes exactly the pages whose reads changed — also for what a theme's
//! own templates show, which no hand-written rule knew about.

mod common;
use common::{Fixture, lesson};
use leernet::pipeline::{Outcome, Workspace};
use std::collections::BTreeMap;

fn full_build(ws: &Workspace) -> BTreeMap<String, Vec<u8>> {
    let (files, _) = leernet::site::render_site(&ws.site).expect("full build");
    files.into_iter().map(|f| (f.path, f.bytes)).collect()
}

fn assert_same_as_full(ws: &mut Workspace, step: &str) {
    ws.settle();
    let full = full_build(ws);
    let differ: Vec<_> = full.iter().filter(|(k, v)| ws.files.get(*k) != Some(*v)).map(|(k, _)| k).collect();
    let extra: Vec<_> = ws.files.keys().filter(|k| !full.contains_key(*k)).collect();
    assert!(differ.is_empty() && extra.is_empty(), "{step}: differ {differ:?}, extra {extra:?}");
}

fn rebuilt(o: &Outcome) -> Vec<String> {
    match o {
        Outcome::Rebuilt { pages, full: false, .. } => pages.clone(),
        other => panic!("expected an incremental rebuild, got {other:?}"),
    }
}

fn site_with(f: &Fixture, n: usize) {
    for i in 0..n {
        let front = format!(
            "title: Gen {i}\ninitiative: beta\nkind: tip\nthemes: [mantelzorg]\nstakeholders: [bestuurder]\nadded: 2025-05-{:02}",
            i % 28 + 1
        );
        f.write(&format!("lessons/gen/g{i}.md"), &lesson(&front, &format!("{} Slot {i}.", "Lange tekst. ".repeat(40))));
    }
}

/// A theme whose lesson page shows the number of lessons of the site (a value every template
/// can see): adding a lesson changes every lesson page, and the recorded reads know it.
#[test]
fn a_template_value_a_page_shows_makes_it_again() {
    let f = Fixture::valid();
    site_with(&f, 20);
    f.write(
        "templates/lesson.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ lesson.title }}</h1><p>{{ site.lesson_count }} lessen</p>{% endblock content %}",
    );
    let root = f.root().to_path_buf();
    let mut ws = Workspace::open(&root, false, None).unwrap();
    f.write(
        "lessons/gen/extra.md",
        &lesson("title: Extra\ninitiative: beta\nkind: tip\nthemes: [mantelzorg]\nstakeholders: [bestuurder]\nadded: 2024-01-01", "Tekst."),
    );
    let pages = rebuilt(&ws.apply(&[root.join("lessons/gen/extra.md")]));
    assert!(pages.contains(&"lessen/g3/index.html".to_string()), "{pages:?}");
    assert_same_as_full(&mut ws, "a lesson added, its count on every lesson page");
}

/// An edit nothing else shows (the end of a long text) makes the lesson's own page again and no
/// other; an edit of what its card shows makes the pages listing it again, not the others.
#[test]
fn only_the_pages_that_read_what_changed_are_made_again() {
    let f = Fixture::valid();
    site_with(&f, 30);
    let root = f.root().to_path_buf();
    let mut ws = Workspace::open(&root, false, None).unwrap();
    let g5 = "lessons/gen/g5.md";
    f.write(g5, &f.read(g5).replace("Slot 5.", "Slot 5, langer."));
    assert_eq!(rebuilt(&ws.apply(&[root.join(g5)])), ["lessen/g5/index.html"]);
    assert_same_as_full(&mut ws, "the end of a text");
    f.write(g5, &f.read(g5).replace("title: Gen 5", "title: Gen vijf"));
    let pages = rebuilt(&ws.apply(&[root.join(g5)]));
    for listing in ["lessen/g5/index.html", "initiatieven/beta/index.html", "thema/mantelzorg/index.html"] {
        assert!(pages.contains(&listing.to_string()), "{listing} not in {pages:?}");
    }
    for other in ["initiatieven/alpha/index.html", "vergelijk/index.html", "begrippen/index.html", "404.html"] {
        assert!(!pages.contains(&other.to_string()), "{other} in {pages:?}");
    }
    assert_same_as_full(&mut ws, "a title");
}
