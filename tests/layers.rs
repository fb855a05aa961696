//! The house diagram in `src/lib.rs` is true: it names every top-level module once, in layers
//! from top to bottom, and no module's code uses a module drawn above it or beside it (which
//! also rules out import circles). The diagram is read from lib.rs's doc comment, so changing
//! the layering means changing the picture a newcomer reads.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module names of the diagram, top to bottom.
fn diagram() -> Vec<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let block: Vec<&str> = lib
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("//! ```text"))
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with("//! ```"))
        .collect();
    block.iter().filter_map(|l| l.trim_start_matches("//!").split_whitespace().next()).map(str::to_string).collect()
}

/// `pub mod x;` lines of lib.rs.
fn declared() -> BTreeSet<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    lib.lines().filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';')).map(str::to_string).collect()
}

fn rust_files(module: &str) -> Vec<PathBuf> {
    let dir = src().join(module);
    if dir.is_dir() { walk(&dir) } else { vec![src().join(format!("{module}.rs"))] }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}

/// The top-level modules a file's code names: `crate::x` and `use crate::{x, y}` (the message
/// macros `msg!` and `tr!` belong to `i18n`).
fn used(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let word = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let before = &rest[..i];
        rest = &rest[i + "crate::".len()..];
        if before.ends_with('$') {
            continue; // `$crate::` inside a macro: the macro's own module
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            out.extend(group[..end].split(',').map(|p| word(p.trim())).filter(|w| !w.is_empty()));
        } else {
            out.insert(word(rest));
        }
    }
    out.into_iter().map(|m| if m == "msg" || m == "tr" { "i18n".to_string() } else { m }).collect()
}

#[test]
fn the_diagram_names_every_module_once() {
    let drawn = diagram();
    let unique: BTreeSet<String> = drawn.iter().cloned().collect();
    assert_eq!(unique.len(), drawn.len(), "a module drawn twice: {drawn:?}");
    assert_eq!(unique, declared(), "the diagram in src/lib.rs and its `pub mod` lines differ");
}

#[test]
fn no_module_uses_one_drawn_above_or_beside_it() {
    let drawn = diagram();
    let mut wrong = Vec::new();
    for (i, module) in drawn.iter().enumerate() {
        for file in rust_files(module) {
            let text = std::fs::read_to_string(&file).unwrap();
            for other in used(&text) {
                let Some(j) = drawn.iter().position(|m| *m == other) else { continue };
                if other != *module && j <= i {
                    wrong.push(format!("{} uses `{other}`, which is not below `{module}`", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "against the layers of src/lib.rs:\n{}", wrong.join("\n"));
}

#[test]
fn the_scan_sees_imports() {
    let seen = used(
        "use crate::content::model;\nuse crate::{msg, tr};\nlet x = crate::render::urls::lesson();\n$crate::i18n::x",
    );
    assert_eq!(seen, ["content", "i18n", "render"].iter().map(|s| s.to_string()).collect());
}
