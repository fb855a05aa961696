//! The browser search client (client/search/) against the Rust side, run by `cargo test`:
//!
//! - `js_pipeline_matches_rust`: `leernet search-pipeline` and the client's pipeline give the same
//!   token and stem for every word of the content and of tests/data/dutch-words.txt
//!   (tests/js/pipeline.test.mjs);
//! - `engine_on_hand_made_index`: ranking, AND, prefixes, facet counts and on-demand loading on
//!   a small index written by hand to the data contract (tests/js/engine.test.mjs);
//! - `shipped_client_is_the_minified_source`: static/search.min.js (what the site loads) is
//!   client/search/ bundled by esbuild at this commit (tests/js/minified.test.mjs);
//! - `elasticlunr_export_matches_client`: the real `elasticlunr` package, loading the
//!   search_index.nl.json export, finds the same documents as the client
//!   (tests/js/elasticlunr-compat.test.mjs);
//! - `elasticlunr_export_as_a_zola_theme_loads_it`: `elasticlunr.min.js`, lunr-languages'
//!   `lunr.du.js` and our `search_index.nl.js` run as a page's scripts, the index loaded from
//!   `window.searchIndex`; Dutch singular and plural find the same pages, every ref is a page of
//!   the output and every hit has its title — normal and portable build
//!   (tests/js/elasticlunr-zola.test.mjs);
//! - `search_page_in_chromium`: the search page in headless Chromium, over HTTP and from file://
//!   (tests/browser/search.e2e.mjs; screenshots in tests/artifacts/).
//!
//! They need node, the npm dev packages and Debian's chromium; `bash tests/run.sh` installs them.
//! A missing tool is a failure, never a silent skip.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

mod common;
use common::node::{files_with_ext, node, repo};

const NPM: [&str; 5] = ["elasticlunr", "lunr-languages", "playwright-core", "axe-core", "esbuild"];

/// Node always; the npm packages and chromium when asked.
fn require(npm: bool, chromium: bool) {
    common::node::require(if npm { &NPM } else { &[] }, chromium);
}

fn work() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("search_js")
}

/// Builds the repo's own site once per test run: a normal build and a portable one.
fn sites() -> &'static (PathBuf, PathBuf) {
    static SITES: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    SITES.get_or_init(|| {
        let work = work();
        std::fs::create_dir_all(&work).unwrap();
        let normal = work.join("site");
        let portable = work.join("portable");
        for (out, extra) in [(&normal, vec![]), (&portable, vec!["--portable"])] {
            common::node::build(env!("CARGO_BIN_EXE_leernet"), repo(), out, &extra);
            assert!(out.join("search/meta.js").is_file(), "the build wrote no search/meta.js");
        }
        (normal, portable)
    })
}

#[test]
fn js_pipeline_matches_rust() {
    require(false, false);
    let (site, _) = sites();
    let mut files = files_with_ext(&repo().join("initiatives"), "md");
    files.extend(files_with_ext(&repo().join("lessons"), "md"));
    assert!(files.len() > 50, "only {} content files", files.len());
    files.push(repo().join("tests/data/dutch-words.txt"));
    let mut input = String::new();
    for f in &files {
        input.push_str(&std::fs::read_to_string(f).unwrap());
        input.push('\n');
    }
    let input_file = work().join("pipeline-input.txt");
    std::fs::write(&input_file, &input).unwrap();

    let rust = Command::new(env!("CARGO_BIN_EXE_leernet"))
        .arg("search-pipeline")
        .stdin(std::fs::File::open(&input_file).unwrap())
        .output()
        .expect("run leernet search-pipeline");
    assert!(rust.status.success(), "leernet search-pipeline failed:\n{}", String::from_utf8_lossy(&rust.stderr));
    let lines = rust.stdout.iter().filter(|b| **b == b'\n').count();
    assert!(lines > 10_000, "search-pipeline printed only {lines} lines");
    let expect_file = work().join("pipeline-rust.txt");
    std::fs::write(&expect_file, &rust.stdout).unwrap();

    node(
        "tests/js/pipeline.test.mjs",
        &[site, Path::new("--input"), &input_file, Path::new("--expect"), &expect_file],
        &[],
    );
}

#[test]
fn engine_on_hand_made_index() {
    require(false, false);
    node("tests/js/engine.test.mjs", &[], &[]);
}

#[test]
fn shipped_client_is_the_minified_source() {
    require(true, false);
    node("tests/js/minified.test.mjs", &[], &[]);
}

#[test]
fn elasticlunr_export_matches_client() {
    require(true, false);
    let (site, _) = sites();
    node("tests/js/elasticlunr-compat.test.mjs", &[site], &[]);
}

#[test]
fn elasticlunr_export_as_a_zola_theme_loads_it() {
    require(true, false);
    let (site, portable) = sites();
    // config.toml's base_url: the refs of a normal build are absolute URLs under it.
    node("tests/js/elasticlunr-zola.test.mjs", &[site], &["--base-url", "https://leernet.example.org"]);
    node("tests/js/elasticlunr-zola.test.mjs", &[portable], &["--portable"]);
}

#[test]
fn search_page_in_chromium() {
    require(true, true);
    let (site, portable) = sites();
    node("tests/browser/search.e2e.mjs", &[site, portable], &[]);
}
