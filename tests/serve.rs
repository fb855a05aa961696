//! `leernet serve`: incremental rebuilds equal full builds byte for byte over a sequence of
//! edits; the HTTP server serves, reloads, shows problems while keeping the last good build,
//! and refuses to leave the output.

mod common;
use common::full::assert_same_as_full;
use common::{Fixture, GOOD_LESSON, lesson};
use leernet::pipeline::{Outcome, Workspace};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

fn pages(o: &Outcome) -> (usize, bool) {
    match o {
        Outcome::Rebuilt { pages, full, .. } => (pages.len(), *full),
        other => panic!("expected a rebuild, got {other:?}"),
    }
}

#[test]
fn incremental_rebuilds_equal_full_builds() {
    let f = Fixture::valid();
    // 130 generated lessons: the lesson list and the biggest term pages span two pages.
    for i in 0..130 {
        let theme = if i % 2 == 0 { "mantelzorg" } else { "preventie" };
        f.write(&format!("lessons/gen/g{i}.md"), &lesson(&format!("title: Gen {i}\ninitiative: beta\nkind: tip\nthemes: [{theme}]\nstakeholders: [bestuurder]\nadded: 2025-05-{:02}", i % 28 + 1), "Tekst."));
    }
    let root = f.root().to_path_buf();
    let mut ws = Workspace::open(&root, false, None).unwrap();
    let total = ws.files.keys().filter(|k| k.ends_with(".html")).count();
    let p = |rel: &str| -> Vec<PathBuf> { vec![root.join(rel)] };

    // 1. Edit a lesson's text: its page, its initiative, term pages, lists; not everything.
    f.write("lessons/alpha/een.md", &f.read("lessons/alpha/een.md").replace("helpen elkaar", "helpen elkaar graag"));
    let o = ws.apply(&p("lessons/alpha/een.md"));
    let (n, full) = pages(&o);
    assert!(!full && n < total / 2, "{n} of {total} pages for a text edit");
    assert!(ws.files["lessen/een/index.html"].windows(5).any(|w| w == b"graag"));
    assert_same_as_full(&mut ws, "text edit");

    // 2. Change its terms and kind (related lists elsewhere change).
    f.write(
        "lessons/alpha/een.md",
        &f.read("lessons/alpha/een.md")
            .replace("themes: [mantelzorg, wijkgericht]", "themes: [preventie]")
            .replace("kind: succes", "kind: mislukking"),
    );
    assert!(!pages(&ws.apply(&p("lessons/alpha/een.md"))).1);
    assert_same_as_full(&mut ws, "terms and kind");

    // 3. Add a lesson, 4. rename one, 5. delete one.
    f.write("lessons/beta/nieuw.md", &lesson("title: Nieuw\ninitiative: beta\nkind: les\nthemes: [preventie, mantelzorg]\nstakeholders: [inwoner]\nadded: 2026-09-09", "Nieuwe les."));
    assert!(!pages(&ws.apply(&p("lessons/beta/nieuw.md"))).1);
    assert!(ws.files.contains_key("lessen/nieuw/index.html"));
    assert_same_as_full(&mut ws, "add");
    std::fs::rename(root.join("lessons/beta/nieuw.md"), root.join("lessons/beta/hernoemd.md")).unwrap();
    let o = ws.apply(&[root.join("lessons/beta/nieuw.md"), root.join("lessons/beta/hernoemd.md")]);
    match &o {
        Outcome::Rebuilt { removed, full, .. } => {
            assert!(!full && removed.contains(&"lessen/nieuw/index.html".to_string()), "{o:?}")
        }
        _ => panic!("{o:?}"),
    }
    assert_same_as_full(&mut ws, "rename");
    std::fs::remove_file(root.join("lessons/gen/g3.md")).unwrap();
    ws.apply(&p("lessons/gen/g3.md"));
    assert!(!ws.files.contains_key("lessen/g3/index.html"));
    assert_same_as_full(&mut ws, "delete");

    // 6. Break a file: problems reported, last good output kept; 7. fix it.
    let good = ws.files.clone();
    f.write("lessons/alpha/twee.md", "---\ntitle: [kapot\n---\nx\n");
    match ws.apply(&p("lessons/alpha/twee.md")) {
        Outcome::Failed(d) => assert!(d[0].file.ends_with("lessons/alpha/twee.md") && d[0].line == 2, "{d:?}"),
        o => panic!("{o:?}"),
    }
    assert_eq!(ws.files, good, "the last good build stays");
    assert!(!ws.errors.is_empty());
    f.write("lessons/alpha/twee.md", &lesson(GOOD_LESSON.replace("Goed", "Twee weer").as_str(), "## Kop\n\nHersteld."));
    pages(&ws.apply(&p("lessons/alpha/twee.md")));
    assert!(ws.errors.is_empty());
    assert_same_as_full(&mut ws, "fix");

    // 8. A page of the site itself (in every footer): added, retitled, linked from a lesson, removed.
    f.write("pages/colofon.md", "---\ntitle: Colofon\n---\n## Techniek\n\nGemaakt met leernet.\n");
    assert!(pages(&ws.apply(&p("pages/colofon.md"))).1);
    assert!(ws.files["index.html"].windows(13).any(|w| w == b"over/colofon/"));
    assert_same_as_full(&mut ws, "page added");
    f.write("pages/colofon.md", "---\ntitle: Over de site\n---\n## Techniek\n\nGemaakt met leernet.\n");
    ws.apply(&p("pages/colofon.md"));
    assert_same_as_full(&mut ws, "page retitled");
    f.write(
        "lessons/alpha/een.md",
        &f.read("lessons/alpha/een.md")
            .replace("elkaar graag.", "elkaar graag (zie [colofon](@/pages/colofon.md#techniek))."),
    );
    ws.apply(&p("lessons/alpha/een.md"));
    assert!(ws.errors.is_empty(), "{:?}", ws.errors);
    assert_same_as_full(&mut ws, "link to a page");
    f.write(
        "lessons/alpha/een.md",
        &f.read("lessons/alpha/een.md").replace(" (zie [colofon](@/pages/colofon.md#techniek))", ""),
    );
    ws.apply(&p("lessons/alpha/een.md"));
    std::fs::remove_file(root.join("pages/colofon.md")).unwrap();
    ws.apply(&p("pages/colofon.md"));
    assert!(!ws.files.contains_key("over/colofon/index.html"));
    assert_same_as_full(&mut ws, "page removed");

    // 9. An initiative (made again through the graph, not everything: tests/serve_initiatives.rs),
    // 10. a static file, 11. a template: correct whatever the scope.
    f.write("initiatives/beta.md", &f.read("initiatives/beta.md").replace("title: Beta", "title: Beta Nieuw"));
    assert!(!pages(&ws.apply(&p("initiatives/beta.md"))).1);
    assert_same_as_full(&mut ws, "initiative");
    f.write("static/extra.css", "p{}");
    let (n, full) = pages(&ws.apply(&p("static/extra.css")));
    assert_eq!((n, full), (1, false), "a static file is copied alone");
    assert_same_as_full(&mut ws, "static");
    f.write(
        "templates/lesson.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ lesson.title }}</h1>{% endblock content %}",
    );
    assert!(pages(&ws.apply(&p("templates/lesson.html"))).1);
    assert_same_as_full(&mut ws, "template");
}

/// Above 50 initiatives the comparison page has per-theme matrices instead of the full ones:
/// lesson edits that change their counts, and an initiative changing theme, keep them exact.
#[test]
fn per_theme_matrices_of_a_large_network_follow_edits() {
    let f = Fixture::valid();
    for i in 0..50 {
        let theme = if i % 2 == 0 { "mantelzorg" } else { "preventie" };
        f.write(&format!("initiatives/i{i}.md"), &format!("---\ntitle: Initiatief {i}\nsummary: Iets.\nregion: Regio\nthemes: [{theme}]\nstakeholders: [inwoner]\nfinancing: [projectsubsidie]\n---\nTekst.\n"));
    }
    let root = f.root().to_path_buf();
    let mut ws = Workspace::open(&root, false, None).unwrap();
    assert!(ws.files.contains_key("vergelijk/thema/mantelzorg/index.html"), "per-theme matrix");
    assert!(!String::from_utf8_lossy(&ws.files["vergelijk/index.html"]).contains("class=\"matrix\""));
    let p = |rel: &str| -> Vec<PathBuf> { vec![root.join(rel)] };
    f.write(
        "lessons/alpha/een.md",
        &f.read("lessons/alpha/een.md")
            .replace("kind: succes", "kind: tip")
            .replace("stakeholders: [inwoner]", "stakeholders: [bestuurder]"),
    );
    ws.apply(&p("lessons/alpha/een.md"));
    assert_same_as_full(&mut ws, "lesson levels and kind");
    f.write(
        "lessons/i3/nieuw.md",
        &lesson(
            "title: Nieuw bij i3\ninitiative: i3\nkind: les\nthemes: [wijkgericht]\nstakeholders: [inwoner]",
            "Tekst.",
        ),
    );
    ws.apply(&p("lessons/i3/nieuw.md"));
    assert_same_as_full(&mut ws, "lesson added");
    f.write("initiatives/i4.md", &f.read("initiatives/i4.md").replace("themes: [mantelzorg]", "themes: [wijkgericht]"));
    ws.apply(&p("initiatives/i4.md"));
    assert_same_as_full(&mut ws, "initiative changes theme");
}

fn rebuilt(o: &Outcome) -> Vec<String> {
    match o {
        Outcome::Rebuilt { pages, full: false, .. } => pages.clone(),
        other => panic!("expected an incremental rebuild, got {other:?}"),
    }
}

/// The shortcuts of a one-lesson edit (links kept, only the pages showing what changed, the
/// feeds listing it, its JSON entry), and the cases that must not take them.
#[test]
fn one_lesson_edits_equal_full_builds() {
    let f = Fixture::valid();
    let long = "Een lange tekst over mantelzorg in de wijk. ".repeat(20);
    for i in 0..130 {
        let theme = if i % 2 == 0 { "mantelzorg" } else { "preventie" };
        f.write(&format!("lessons/gen/g{i}.md"), &lesson(&format!("title: Gen {i}\ninitiative: beta\nkind: tip\nthemes: [{theme}]\nstakeholders: [bestuurder]\nadded: 2025-05-{:02}", i % 28 + 1), &format!("{long}Slot {i}.")));
    }
    let root = f.root().to_path_buf();
    let mut ws = Workspace::open(&root, false, None).unwrap();
    let total = ws.files.keys().filter(|k| k.ends_with(".html")).count();
    let g7 = "lessons/gen/g7.md";
    let edit = |ws: &mut Workspace, rel: &str, from: &str, to: &str| {
        let text = f.read(rel);
        assert!(text.contains(from), "{rel} has no {from:?}");
        f.write(rel, &text.replacen(from, to, 1));
        ws.apply(&[root.join(rel)])
    };

    // 1. Text at the end of a long body: teaser and feed summary stay, so only its own page.
    let o = edit(&mut ws, g7, "Slot 7.", "Slot 7, met een zin erbij.");
    assert_eq!(rebuilt(&o), ["lessen/g7/index.html"]);
    assert!(String::from_utf8_lossy(&ws.files["api/lessons.json"]).contains("met een zin erbij"));
    assert_same_as_full(&mut ws, "body edit, teaser kept");

    // 2. Text at the start: the teaser changes, so the pages showing its card follow (g27 is
    // among the newest of its terms: related to many).
    let o = edit(&mut ws, "lessons/gen/g27.md", "Een lange tekst", "Een korte tekst");
    let pages = rebuilt(&o);
    assert!(pages.contains(&"initiatieven/beta/index.html".to_string()), "{pages:?}");
    assert!(pages.iter().any(|p| p.starts_with("lessen/g") && p != "lessen/g27/index.html"), "related: {pages:?}");
    for other in ["vergelijk/index.html", "initiatieven/alpha/index.html", "lessen/een/index.html"] {
        assert!(!pages.contains(&other.to_string()), "{other} in {pages:?}");
    }
    assert_same_as_full(&mut ws, "body edit, teaser changed");

    // 3. The title of a lesson on the home page and in the site feed.
    let o = edit(&mut ws, "lessons/alpha/een.md", "title: Les een", "title: Les een herzien");
    assert!(rebuilt(&o).contains(&"index.html".to_string()));
    assert!(String::from_utf8_lossy(&ws.files["atom.xml"]).contains("Les een herzien"));
    assert_same_as_full(&mut ws, "title of a newest lesson");

    // 4. The source reference: its own page and its JSON entry only.
    let o = edit(&mut ws, "lessons/alpha/twee.md", "added: 2026-02-03", "added: 2026-02-03\nsource: Verslag 2026");
    assert_eq!(rebuilt(&o), ["lessen/twee/index.html"]);
    assert_same_as_full(&mut ws, "source reference");

    // 5. A date that moves the lesson to the top of the lists and feeds (the links change).
    edit(&mut ws, g7, "added: 2025-05-08", "added: 2026-12-31");
    let feed = String::from_utf8_lossy(&ws.files["thema/preventie/atom.xml"]).into_owned();
    assert!(feed.find("Gen 7").unwrap() < feed.find("Les drie").unwrap());
    assert_same_as_full(&mut ws, "date moves the lesson");

    // 6. Its terms, 7. its kind, 8. its initiative (the links change).
    edit(&mut ws, g7, "themes: [preventie]", "themes: [mantelzorg, wijkgericht]");
    assert_same_as_full(&mut ws, "terms");
    edit(&mut ws, g7, "kind: tip", "kind: succes");
    assert_same_as_full(&mut ws, "kind");
    edit(&mut ws, g7, "initiative: beta", "initiative: alpha");
    assert_same_as_full(&mut ws, "initiative");

    // 9. A heading another lesson links to (`twee.md#kop`): every link is checked again.
    match edit(&mut ws, "lessons/alpha/twee.md", "## Kop", "## Andere kop") {
        Outcome::Failed(d) => assert!(d[0].file.ends_with("lessons/alpha/een.md"), "{d:?}"),
        o => panic!("{o:?}"),
    }
    edit(&mut ws, "lessons/alpha/twee.md", "## Andere kop", "## Kop");
    assert!(ws.errors.is_empty());
    assert_same_as_full(&mut ws, "heading back");
    // 10. Its own link breaks, then is fixed; the text edit made meanwhile shows.
    assert!(matches!(edit(&mut ws, "lessons/alpha/een.md", "twee.md#kop", "twee.md#kopp"), Outcome::Failed(_)));
    assert!(matches!(edit(&mut ws, "lessons/alpha/een.md", "elkaar.", "elkaar vaak."), Outcome::Failed(_)));
    edit(&mut ws, "lessons/alpha/een.md", "twee.md#kopp", "twee.md#kop");
    assert!(ws.errors.is_empty() && ws.files["lessen/een/index.html"].windows(4).any(|w| w == b"vaak"));
    assert_same_as_full(&mut ws, "link fixed");

    // 11. Add a lesson, edit it, remove it.
    f.write("lessons/gen/nieuw.md", &lesson("title: Nieuw\ninitiative: beta\nkind: les\nthemes: [preventie]\nstakeholders: [inwoner]\nadded: 2027-01-01", "Nieuw."));
    ws.apply(&[root.join("lessons/gen/nieuw.md")]);
    assert_same_as_full(&mut ws, "add");
    let pages = rebuilt(&edit(&mut ws, "lessons/gen/nieuw.md", "Nieuw.", "Nieuw!"));
    assert!(pages.contains(&"index.html".to_string()) && pages.len() < total / 4, "{pages:?}");
    assert_same_as_full(&mut ws, "edit the new lesson");
    std::fs::remove_file(root.join("lessons/gen/nieuw.md")).unwrap();
    ws.apply(&[root.join("lessons/gen/nieuw.md")]);
    assert!(!ws.files.contains_key("lessen/nieuw/index.html"));
    assert_same_as_full(&mut ws, "remove");
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let code = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (code, text)
}

/// Reads server-sent events until one named `name` arrives; returns its data line.
fn wait_event(reader: &mut BufReader<TcpStream>, name: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut current = String::new();
    while Instant::now() < deadline {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            continue;
        }
        if let Some(e) = line.strip_prefix("event: ") {
            current = e.trim().to_string();
        } else if let Some(d) = line.strip_prefix("data: ")
            && current == name
        {
            return d.trim().to_string();
        }
    }
    panic!("no `{name}` event within 20 s");
}

#[test]
fn server_reloads_shows_problems_and_stays_inside_the_output() {
    let f = Fixture::valid();
    f.write("pages/over.md", "---\ntitle: Over ons\n---\nWie wij zijn.\n");
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let opts = leernet::serve::ServeOptions {
        root: f.root().into(),
        interface: "127.0.0.1".into(),
        port: 0,
        open: false,
        portable: false,
    };
    let flag = stop.clone();
    let server = std::thread::spawn(move || leernet::serve::serve(&opts, flag, Some(tx)));
    let port = rx.recv_timeout(Duration::from_secs(60)).expect("server ready");

    let (code, page) = get(port, "/lessen/een/");
    assert_eq!(code, 200);
    assert!(page.contains("Mantelzorgers helpen elkaar."));
    assert!(page.contains("id=\"leernet-live\""), "reload script injected in serve mode");
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"http://127.0.0.1:{port}/lessen/een/\">")));

    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    events.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
    write!(events, "GET /__leernet/events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut events = BufReader::new(events);
    wait_event(&mut events, "hello");

    // Edit: the page changes and a reload event is sent.
    std::thread::sleep(Duration::from_millis(300));
    f.write("lessons/alpha/een.md", &f.read("lessons/alpha/een.md").replace("helpen elkaar", "steunen elkaar"));
    wait_event(&mut events, "reload");
    assert!(get(port, "/lessen/een/").1.contains("Mantelzorgers steunen elkaar."));

    // Break: overlay data names file and line; the last good page is still served.
    f.write("lessons/alpha/een.md", "---\ntitle: Een\ninitiative: alpha\nkind: succes\nthemes: [mantelzorgg]\nstakeholders: [inwoner]\n---\nKapot.\n");
    let data = wait_event(&mut events, "problems");
    assert!(
        data.contains("\"file\":\"lessons/alpha/een.md\"")
            && data.contains("\"line\":5")
            && data.contains("`mantelzorgg` is geen bekend thema"),
        "{data}"
    );
    let (code, page) = get(port, "/lessen/een/");
    assert_eq!(code, 200);
    assert!(page.contains("Mantelzorgers steunen elkaar."), "last good build");
    assert!(page.contains("`mantelzorgg` is geen bekend thema"), "overlay data in the page");
    // Fix: reload again, no problems.
    f.write("lessons/alpha/een.md", &lesson(GOOD_LESSON, "Weer goed."));
    wait_event(&mut events, "reload");
    let (_, page) = get(port, "/lessen/een/");
    assert!(page.contains("Weer goed.") && page.contains("const initial=[];"));
    // The site's own pages (pages/) are watched too.
    assert!(get(port, "/over/over/").1.contains("Wie wij zijn."));
    f.write("pages/over.md", "---\ntitle: Over ons\n---\nWie wij nu zijn.\n");
    wait_event(&mut events, "reload");
    assert!(get(port, "/over/over/").1.contains("Wie wij nu zijn."));

    // Traversal and odd paths.
    for bad in [
        "/../config.toml",
        "/%2e%2e/config.toml",
        "/lessen/%2E%2E%2F%2E%2E%2Fconfig.toml",
        "/..%5cconfig.toml",
        "/%2fetc%2fpasswd",
    ] {
        let (code, body) = get(port, bad);
        assert_eq!(code, 404, "{bad}");
        assert!(!body.contains("base_url"), "{bad} leaked config");
    }
    assert_eq!(get(port, "/lessen/een").0, 301);
    assert_eq!(get(port, "/nergens/").0, 404);

    stop.store(true, Ordering::SeqCst);
    server.join().unwrap().unwrap();
}

#[test]
fn a_duplicate_slug_with_a_broken_file_is_reported_at_once() {
    let f = Fixture::valid();
    let root = f.root().to_path_buf();
    let mut ws = Workspace::open(&root, false, None).unwrap();
    // A second `een` that does not load (no title): both problems in one go, as `check` has.
    let copy = root.join("lessons/beta/een.md");
    f.write(
        "lessons/beta/een.md",
        &lesson("initiative: beta\nkind: tip\nthemes: [preventie]\nstakeholders: [inwoner]", "Tekst."),
    );
    let Outcome::Failed(d) = ws.apply(std::slice::from_ref(&copy)) else { panic!("expected problems") };
    assert!(d.iter().any(|x| x.code == "missing-field" && x.file == copy), "{d:#?}");
    assert!(d.iter().any(|x| x.code == "duplicate-slug"), "{d:#?}");
    let (_, check) = leernet::site::check(&root);
    let codes = |v: &[leernet::diagnostics::Diagnostic]| {
        let mut c: Vec<&str> = v.iter().map(|x| x.code).collect();
        c.sort();
        c
    };
    assert_eq!(codes(&d), codes(&check), "serve reports what check reports");
}

// The dependency-tracked rebuild: every page's reads are recorded while it is made, so the
// preview server re-makes exactly the pages whose reads changed — also for what a theme's own
// templates show, which no hand-written rule knew about.

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
