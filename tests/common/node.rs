//! Shared by the tests that run node and Chromium (tests/search_js.rs, tests/browser_pages.rs):
//! checking the tools are installed, building sites with the leernet binary, running scripts.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

pub const SETUP: &str =
    "run `bash tests/run.sh` (it runs `npm ci` and installs Debian's chromium), then `cargo test` again";

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Panics (the test fails, never skips) unless node, the given npm packages and, when asked,
/// /usr/bin/chromium are there.
pub fn require(packages: &[&str], chromium: bool) {
    let mut missing = Vec::new();
    let node = Command::new("node").arg("--version").output();
    if !node.map(|o| o.status.success()).unwrap_or(false) {
        missing.push("node".to_string());
    }
    for p in packages {
        if !repo().join("node_modules").join(p).join("package.json").is_file() {
            missing.push(format!("node_modules/{p}"));
        }
    }
    if chromium && !Path::new("/usr/bin/chromium").exists() {
        missing.push("/usr/bin/chromium".to_string());
    }
    assert!(missing.is_empty(), "missing {}: {SETUP}", missing.join(", "));
}

/// `leernet build --root ROOT --output OUT EXTRA…`; fails the test with its output on an error.
pub fn build(bin: &str, root: &Path, out: &Path, extra: &[&str]) {
    let o = Command::new(bin).arg("build").arg("--root").arg(root).arg("--output").arg(out).args(extra).output();
    let o = o.expect("run leernet build");
    assert!(
        o.status.success(),
        "leernet build {} failed:\n{}{}",
        extra.join(" "),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Runs a node script from the repo root; fails with its whole output on a non-zero exit. One
/// script at a time per test binary: they start browsers on a small machine.
pub fn node(script: &str, args: &[&Path], more: &[&str]) {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
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

/// Every file below `dir` with extension `ext`, sorted.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Copies the folder `from` with everything in it to `to` (a site to build in a test folder).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}
