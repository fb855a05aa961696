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

/// The top-level modules a file's code names: `crate::x` and `use crate::{x, y::{z}}` (the
/// message macros `msg!` and `tr!` belong to `i18n`).
fn used(text: &str) -> BTreeSet<String> {
    let word = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let before = &rest[..i];
        rest = &rest[i + "crate::".len()..];
        if before.ends_with('$') || before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            continue; // `$crate::` inside a macro (the macro's own module), or `other_crate::`
        }
        match rest.strip_prefix('{') {
            Some(group) => out.extend(top_level_items(group).iter().map(|p| word(p.trim())).filter(|w| !w.is_empty())),
            None => {
                out.insert(word(rest));
            }
        }
    }
    out.into_iter().map(|m| if m == "msg" || m == "tr" { "i18n".to_string() } else { m }).collect()
}

/// The comma-separated items of a `{…}` group up to its closing brace, nested groups kept
/// inside their item: `a::{b, c}, d}` gives `a::{b, c}` and `d`.
fn top_level_items(group: &str) -> Vec<&str> {
    let (mut depth, mut start, mut items) = (0usize, 0usize, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    items
}

/// Every use of a module drawn above or beside the using one; `files` are (module, code).
fn violations(drawn: &[String], files: &[(String, String, String)]) -> Vec<String> {
    let mut wrong = Vec::new();
    for (module, name, text) in files {
        let Some(i) = drawn.iter().position(|m| m == module) else { continue };
        for other in used(text) {
            let Some(j) = drawn.iter().position(|m| *m == other) else { continue };
            if other != *module && j <= i {
                wrong.push(format!("{name} uses `{other}`, which is not below `{module}`"));
            }
        }
    }
    wrong
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
    let mut files = Vec::new();
    for module in &drawn {
        for file in rust_files(module) {
            let text = std::fs::read_to_string(&file).unwrap();
            files.push((module.clone(), file.display().to_string(), text));
        }
    }
    let wrong = violations(&drawn, &files);
    assert!(wrong.is_empty(), "against the layers of src/lib.rs:\n{}", wrong.join("\n"));
}

#[test]
fn the_scan_sees_imports() {
    let seen = used(
        "use crate::content::model;\nuse crate::{msg, tr};\nlet x = crate::render::urls::lesson();\n$crate::i18n::x",
    );
    assert_eq!(seen, ["content", "i18n", "render"].iter().map(|s| s.to_string()).collect());
    // Nested groups: every top-level item counts, however deep its own group.
    let seen = used("use crate::{output::{OutFile, Sink}, link::Links, urls};\nuse other_crate::site;");
    assert_eq!(seen, ["link", "output", "urls"].iter().map(|s| s.to_string()).collect());
}

#[test]
fn a_sideways_or_upward_import_is_caught() {
    let drawn: Vec<String> = ["site", "render", "search", "output", "urls"].iter().map(|s| s.to_string()).collect();
    let file = |m: &str, code: &str| (m.to_string(), format!("src/{m}/x.rs"), code.to_string());
    let ok = [file("render", "use crate::{search::x, output::{OutFile, Sink}};"), file("urls", "use std::fmt;")];
    assert!(violations(&drawn, &ok).is_empty());
    let wrong = violations(
        &drawn,
        &[file("search", "use crate::render::views::Strings;"), file("output", "use crate::{urls, search::{a, b}};")],
    );
    assert_eq!(wrong.len(), 2, "{wrong:?}");
    assert!(wrong[0].contains("uses `render`") && wrong[1].contains("uses `search`"), "{wrong:?}");
}

/// What issue 14 asked for by name: the search index and the output folder are made without
/// the renderer (so `render` is drawn above both).
#[test]
fn search_and_output_are_below_render() {
    let drawn = diagram();
    let at = |m: &str| drawn.iter().position(|x| x == m).unwrap();
    assert!(at("render") < at("search") && at("render") < at("output"), "{drawn:?}");
}
