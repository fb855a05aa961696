//! The repo's own site in headless Chromium, page by page, run by `cargo test`:
//!
//! - `portable_build_works_by_clicking`: a `--portable` build opened from `file://` and from a
//!   sub-folder of an HTTP server, navigated by clicks only; every page styled, no failed
//!   request, no console error (tests/browser/portable.e2e.mjs);
//! - `every_template_is_accessible`: axe-core (WCAG 2.0/2.1 A and AA) on every page template at
//!   1280 and 390 pixels wide, skip link, visible focus, no sideways scrolling, `<html lang>`,
//!   the print stylesheet, for a Dutch build and an English one (`language = "en"`), which must
//!   mark its Dutch content `lang="nl"` and show no Dutch interface strings
//!   (tests/browser/a11y.e2e.mjs);
//! - `choose_and_compare_initiatives`: tick initiatives on the list, compare them side by side,
//!   the link that reproduces it, the A4 landscape print, axe-core (tests/browser/compare.e2e.mjs);
//! - `english_build_has_no_dutch_interface_strings`: the same on every page of the English build,
//!   as markup (no browser needed).
//!
//! The browser tests need node, the npm dev packages and Debian's chromium; `bash tests/run.sh` installs them.
//! A missing tool is a failure, never a silent skip.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod common;
use common::node::{copy_dir, files_with_ext, repo};

fn work() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser_pages")
}

/// Node, playwright-core, axe-core and /usr/bin/chromium, or the test fails.
fn require() {
    common::node::require(&["playwright-core", "axe-core"], true);
}

fn build(root: &Path, out: &Path, extra: &[&str]) {
    common::node::build(env!("CARGO_BIN_EXE_leernet"), root, out, extra);
    assert!(out.join("index.html").is_file(), "the build wrote no index.html into {}", out.display());
}

fn node(script: &str, args: &[&Path]) {
    common::node::node(script, args, &[]);
}

/// Lessons added to the English site so that its lesson list has a second page (100 a page):
/// the pagination partial is then checked too.
const EXTRA_LESSONS: usize = 40;

/// Initiatives added to the English site so that it has more than 50: the comparison is then
/// one matrix per theme (`vergelijk/thema/<theme>/`), checked too.
const EXTRA_INITIATIVES: usize = 50;

/// The repo's content with `language = "en"` in its config.toml, in a fresh folder, plus
/// EXTRA_LESSONS generated lessons and EXTRA_INITIATIVES generated initiatives.
fn english_root() -> PathBuf {
    let root = work().join("english-root");
    if root.exists() {
        std::fs::remove_dir_all(&root).unwrap();
    }
    std::fs::create_dir_all(&root).unwrap();
    for dir in ["initiatives", "lessons", "pages"] {
        copy_dir(&repo().join(dir), &root.join(dir));
    }
    let config = std::fs::read_to_string(repo().join("config.toml")).unwrap();
    let mut replaced = false;
    let lines: Vec<String> = config
        .lines()
        .map(|l| {
            if !replaced && l.trim_start().starts_with("language") && l.contains('=') {
                replaced = true;
                "language = \"en\"".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    let mut config = lines.join("\n") + "\n";
    if !replaced {
        config = format!("language = \"en\"\n{config}");
    }
    std::fs::write(root.join("config.toml"), config).unwrap();
    let extra = root.join("lessons").join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    for i in 0..EXTRA_LESSONS {
        let lesson = format!(
            "---\ntitle: \"Extra les {i} over samenwerken in de wijk\"\ninitiative: proeftuin-ruwaard\nkind: tip\n\
             themes: [wijkgericht]\nstakeholders: [professional]\n---\n\
             Een gegenereerde les om de tweede pagina van de lessenlijst te testen.\n"
        );
        std::fs::write(extra.join(format!("extra-les-{i:02}.md")), lesson).unwrap();
    }
    for i in 0..EXTRA_INITIATIVES {
        let initiative = format!(
            "---\ntitle: \"Extra initiatief {i}\"\nsummary: \"Een gegenereerd initiatief.\"\nregion: \"Oss\"\n\
             themes: [wijkgericht]\nstakeholders: [professional]\nfinancing: [ontschot-wijkbudget]\n---\n\
             Een gegenereerd initiatief om de vergelijking per thema te testen.\n"
        );
        std::fs::write(root.join("initiatives").join(format!("extra-initiatief-{i:02}.md")), initiative).unwrap();
    }
    root
}

struct Sites {
    /// Held until the test process ends: another `cargo test` on this checkout waits instead of
    /// rebuilding the same folders under our feet.
    _lock: std::fs::File,
    normal: PathBuf,
    portable: PathBuf,
    english: PathBuf,
}

/// Builds the repo's site once per test run: normal, portable (in a folder whose name has a
/// space, as folders on a USB stick often do) and English.
fn sites() -> &'static Sites {
    static SITES: OnceLock<Sites> = OnceLock::new();
    SITES.get_or_init(|| {
        let work = work();
        std::fs::create_dir_all(&work).unwrap();
        let lock = std::fs::File::create(work.join(".lock")).unwrap();
        lock.lock().expect("lock target/tmp/browser_pages/.lock");
        let s = Sites {
            _lock: lock,
            normal: work.join("site"),
            portable: work.join("portable").join("leernet site"),
            english: work.join("english"),
        };
        std::fs::create_dir_all(s.portable.parent().unwrap()).unwrap();
        build(repo(), &s.normal, &[]);
        build(repo(), &s.portable, &["--portable"]);
        build(&english_root(), &s.english, &[]);
        let lang = |dir: &Path| {
            let home = std::fs::read_to_string(dir.join("index.html")).unwrap();
            home.contains("<html lang=\"en\">")
        };
        assert!(lang(&s.english), "the English build's home page has no <html lang=\"en\">");
        assert!(
            s.english.join("lessen/pagina/2/index.html").is_file(),
            "the English build's lesson list has no page 2"
        );
        assert!(!lang(&s.normal), "the normal build's home page says <html lang=\"en\">");
        s
    })
}

#[test]
fn portable_build_works_by_clicking() {
    require();
    let s = sites();
    node("tests/browser/portable.e2e.mjs", &[&s.portable]);
}

#[test]
fn choose_and_compare_initiatives() {
    require();
    let s = sites();
    node("tests/browser/compare.e2e.mjs", &[&s.normal, &s.portable]);
}

#[test]
fn every_template_is_accessible() {
    require();
    let s = sites();
    node("tests/browser/a11y.e2e.mjs", &[&s.normal, &s.english]);
}

/// Interface strings of the Dutch build, as they appear in its markup. The English build must
/// have none of them on any page; the Dutch build must have each (so the list stays current).
const DUTCH_INTERFACE: [&str; 14] = [
    ">Initiatieven</a>",
    ">Vergelijken</a>",
    ">Begrippen</a>",
    ">Zoeken</a>",
    ">Naar de inhoud</a>",
    "aria-label=\"Hoofdmenu\"",
    "aria-label=\"Kruimelpad\"",
    ">Kenmerken</h2>",
    ">Kerncijfers</h2>",
    ">Gemeten resultaten</h2>",
    ">Verwante lessen</h2>",
    ">Nieuwste lessen</h2>",
    ">Pagina niet gevonden</h1>",
    ">Lessen uit dit initiatief</h2>",
];

#[test]
fn english_build_has_no_dutch_interface_strings() {
    let s = sites();
    let read_all = |dir: &Path| {
        let files = files_with_ext(dir, "html");
        assert!(files.len() > 100, "only {} pages in {}", files.len(), dir.display());
        files.into_iter().map(|f| (std::fs::read_to_string(&f).unwrap(), f)).collect::<Vec<_>>()
    };
    let dutch = read_all(&s.normal);
    for needle in DUTCH_INTERFACE {
        assert!(
            dutch.iter().any(|(html, _)| html.contains(needle)),
            "the Dutch build never shows {needle}: update the list"
        );
    }
    let mut found = Vec::new();
    for (html, file) in read_all(&s.english) {
        for needle in DUTCH_INTERFACE {
            if html.contains(needle) {
                found.push(format!("{}: {needle}", file.strip_prefix(&s.english).unwrap().display()));
            }
        }
    }
    assert!(found.is_empty(), "Dutch interface strings in the English build:\n{}", found.join("\n"));
}
