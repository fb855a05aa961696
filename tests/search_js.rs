//! The browser search client (static/search.js) against the Rust side, run by `cargo test`:
//!
//! - `js_pipeline_matches_rust`: `leernet search-pipeline` and the client's pipeline give the same
//!   token and stem for every word of the content and of tests/data/dutch-words.txt
//!   (tests/js/pipeline.test.mjs);
//! - `engine_on_hand_made_index`: ranking, AND, prefixes, facet counts and on-demand loading on
//!   a small index written by hand to the data contract (tests/js/engine.test.mjs);
//! - `elasticlunr_export_matches_client`: the real `elasticlunr` package, loading the
//!   search_index.nl.json export, finds the same documents as the client
//!   (tests/js/elasticlunr-compat.test.mjs);
//! - `search_page_in_chromium`: the search page in headless Chromium, over HTTP and from file://
//!   (tests/browser/search.e2e.mjs; screenshots in tests/artifacts/).
//!
//! They need node, the npm dev packages and Debian's chromium; `bash tests/run.sh` installs them.
//! A missing tool is a failure, never a silent skip.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const SETUP: &str =
    "run `bash tests/run.sh` (it runs `npm ci` and installs Debian's chromium), then `cargo test` again";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn work() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("search_js")
}

/// Panics (the test fails) unless node, the npm dev packages and, for the browser test,
/// /usr/bin/chromium are there.
fn require(npm: bool, chromium: bool) {
    let mut missing = Vec::new();
    let node = Command::new("node").arg("--version").output();
    if !node.map(|o| o.status.success()).unwrap_or(false) {
        missing.push("node".to_string());
    }
    if npm {
        for p in ["elasticlunr", "playwright-core", "axe-core"] {
            if !repo().join("node_modules").join(p).join("package.json").is_file() {
                missing.push(format!("node_modules/{p}"));
            }
        }
    }
    if chromium && !Path::new("/usr/bin/chromium").exists() {
        missing.push("/usr/bin/chromium".to_string());
    }
    assert!(missing.is_empty(), "missing {}: {SETUP}", missing.join(", "));
}

/// Builds the repo's own site once per test run: a normal build and a portable one.
fn sites() -> &'static (PathBuf, PathBuf) {
    static SITES: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    SITES.get_or_init(|| {
        let work = work();
        std::fs::create_dir_all(&work).unwrap();
        let normal = work.join("site");
        let portable = work.join("portable");
        for (out, extra) in [(&normal, None), (&portable, Some("--portable"))] {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_leernet"));
            cmd.arg("build").arg("--root").arg(repo()).arg("--output").arg(out);
            if let Some(flag) = extra {
                cmd.arg(flag);
            }
            let o = cmd.output().expect("run leernet build");
            assert!(
                o.status.success(),
                "leernet build {} failed:\n{}{}",
                extra.unwrap_or(""),
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            assert!(out.join("search/meta.js").is_file(), "the build wrote no search/meta.js");
        }
        (normal, portable)
    })
}

/// Runs a node script from the repo root; fails with its whole output on a non-zero exit.
fn node(script: &str, args: &[&Path], more: &[&str]) {
    let o = Command::new("node")
        .arg(repo().join(script))
        .args(args)
        .args(more)
        .current_dir(repo())
        .stdin(Stdio::null())
        .output()
        .expect("run node");
    let out = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "node {script} failed ({}):\n{out}", o.status);
    println!("{out}");
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            markdown_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
}

#[test]
fn js_pipeline_matches_rust() {
    require(false, false);
    let (site, _) = sites();
    let mut files = Vec::new();
    markdown_files(&repo().join("initiatives"), &mut files);
    markdown_files(&repo().join("lessons"), &mut files);
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
fn elasticlunr_export_matches_client() {
    require(true, false);
    let (site, _) = sites();
    node("tests/js/elasticlunr-compat.test.mjs", &[site], &[]);
}

#[test]
fn search_page_in_chromium() {
    require(true, true);
    let (site, portable) = sites();
    node("tests/browser/search.e2e.mjs", &[site, portable], &[]);
}
