//! The web form end to end (tests/browser/cms.e2e.mjs): the repo's site built with its `[cms]`,
//! the admin opened in headless Chromium with Decap's in-memory `test-repo` backend and the
//! pinned bundle from node_modules (no network); a lesson created through the form is taken as
//! Decap wrote it, and must pass `leernet check` and build into its own page.
//!
//! Needs node, the npm dev packages (decap-cms, playwright-core) and Debian's chromium;
//! `bash tests/run.sh` installs them. A missing tool is a failure, never a silent skip.

use std::path::{Path, PathBuf};

mod common;
use common::node::{copy_dir, repo};

fn leernet(args: &[&str], root: &Path) -> (bool, String) {
    let o =
        std::process::Command::new(env!("CARGO_BIN_EXE_leernet")).args(args).arg("--root").arg(root).output().unwrap();
    (o.status.success(), format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)))
}

#[test]
fn a_lesson_made_in_the_form_passes_check_and_gets_its_page() {
    common::node::require(&["playwright-core", "decap-cms"], true);
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser_cms");
    if work.exists() {
        std::fs::remove_dir_all(&work).unwrap();
    }
    let root = work.join("site");
    for dir in ["initiatives", "lessons"] {
        copy_dir(&repo().join(dir), &root.join(dir));
    }
    std::fs::copy(repo().join("config.toml"), root.join("config.toml")).unwrap();
    let out = work.join("public");
    common::node::build(env!("CARGO_BIN_EXE_leernet"), &root, &out, &[]);
    let result = work.join("saved.json");
    common::node::node("tests/browser/cms.e2e.mjs", &[&out, &root, &result], &[]);

    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&result).unwrap()).unwrap();
    let (path, raw) = (saved["path"].as_str().unwrap(), saved["raw"].as_str().unwrap());
    assert_eq!(path, "lessons/blauwe-zorg/tip-bel-eerst-de-mantelzorger.md", "lessons/<initiative>/<slug>.md");
    for line in ["title: \"Tip: bel eerst de mantelzorger\"", "initiative: blauwe-zorg", "kind: tip", "  - preventie"] {
        assert!(raw.contains(line), "{line} in\n{raw}");
    }
    std::fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
    std::fs::write(root.join(path), raw).unwrap();
    let (ok, text) = leernet(&["check"], &root);
    assert!(ok, "{text}");
    let (ok, text) = leernet(&["build", "--output", out.to_str().unwrap()], &root);
    assert!(ok, "{text}");
    let page = std::fs::read_to_string(out.join("lessen/tip-bel-eerst-de-mantelzorger/index.html")).unwrap();
    assert!(page.contains("Bel eerst de mantelzorger voordat je een afspraak maakt."), "the body is on the page");
}
