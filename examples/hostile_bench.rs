//! Times `check` and `build` on single hostile lesson files: shapes that make a naive
//! implementation superlinear (20,000 equal headings, HTML nested 50,000 deep, tens of thousands
//! of links, a megabyte without a space, ...). Each file is added to a copy of a site (the repo's
//! own content by default) and is just under `max_file_size`. Prints one line per shape with the
//! milliseconds of `check` and of a full `build` of the whole site, so that a shape that costs
//! more than the site itself stands out. Figures, not a test: nothing fails on a slow machine
//! (the shapes' outcomes are asserted in tests/hostile.rs).
//!
//!     cargo run --release --example hostile_bench [-- --root SITE] [--size BYTES] [--only NAME]
//!     cargo run --release --example hostile_bench -- --write DIR   # the files, for the fuzz corpus

use leernet::site::{self, BuildOptions};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Repeats `unit(i)` until `size` bytes would be passed.
fn fill(size: usize, head: &str, mut unit: impl FnMut(usize) -> String) -> String {
    let mut s = String::from(head);
    let mut i = 0;
    loop {
        let u = unit(i);
        if s.len() + u.len() > size {
            return s;
        }
        s.push_str(&u);
        i += 1;
    }
}

/// Every shape: a name and the body of a lesson (or, for `frontmatter-*`, extra front matter).
fn shapes(size: usize) -> Vec<(&'static str, String)> {
    let half = size / 2;
    let depth = size / 11; // "<div>" + "</div>"
    vec![
        ("headings-same", fill(size, "", |_| "## Aanpak\n\n".into())),
        ("headings-unique", fill(size, "", |i| format!("## Kop {i}\n\n"))),
        ("headings-explicit-ids", fill(size, "", |i| format!("## a {{#a-{}}}\n\n## a\n\n", i + 1))),
        ("html-nested", format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth))),
        ("html-nested-unclosed", fill(size, "", |_| "<div>".into())),
        ("html-nested-inline", fill(size, "", |_| "<b><i>".into())),
        ("html-formatting-misnested", fill(size, "", |_| "<b><i></b></i>".into())),
        ("html-table-nested", fill(size, "", |_| "<table><tr><td>".into())),
        ("html-many-attributes", format!("<span {}>x</span>", fill(size - 20, "", |i| format!("a{i}=\"1\" ")))),
        ("html-comment-unclosed", fill(size, "<!--", |_| "x -- ".into())),
        ("quotes-nested", format!("{} x\n", ">".repeat(size - 10))),
        ("lists-nested", fill(size, "", |i| format!("{}- x\n", "  ".repeat(i)))),
        ("emphasis-open", fill(size, "", |_| "*a **b ".into())),
        ("emphasis-underscore", fill(size, "", |_| "_a __b ".into())),
        ("brackets-open", fill(size, "", |_| "[".into())),
        ("brackets-link-nested", fill(size, "", |_| "[a](".into())),
        ("backticks", fill(size, "", |i| "`".repeat(i % 50 + 1) + " ")),
        ("links-anchor-ok", fill(size, "## Doel\n\n", |_| "[a](#doel) ".into())),
        ("links-anchor-broken", fill(size, "", |i| format!("## k{i}\n\n[a](#x{i})\n\n"))),
        ("links-file-broken", fill(size, "", |i| format!("[a](@/lessons/nergens/x{i}.md) "))),
        ("links-file-ok", fill(size, "", |_| "[a](@/initiatives/proeftuin-ruwaard.md) ".into())),
        ("links-reference-defs", fill(size, "", |i| format!("[r{i}]: https://e.example/{i}\n"))),
        ("links-autolinks", fill(size, "", |i| format!("<https://e.example/{i}> "))),
        ("images", fill(size, "", |i| format!("![b](x{i}.png) "))),
        ("footnotes", fill(half, "", |i| format!("t[^{i}] ")) + &fill(half, "\n\n", |i| format!("[^{i}]: n\n"))),
        ("table-wide", format!("|{}\n|{}\n|{}\n", "a|".repeat(half / 4), "-|".repeat(half / 4), "1|".repeat(half / 4))),
        ("table-long", fill(size, "|a|b|\n|-|-|\n", |_| "|1|2|\n".into())),
        ("glossary-terms", fill(size, "", |_| "Wmo Zvw Wlz Pazio keukentafelgesprek ".into())),
        ("glossary-in-links", fill(size, "", |_| "[Wmo en Zvw](https://e.example) ".into())),
        ("one-long-word", "a".repeat(size - 10)),
        ("one-long-paragraph", fill(size, "", |_| "woord ".into())),
        ("many-paragraphs", fill(size, "", |i| format!("regel {i}\n\n"))),
        ("entities", fill(size, "", |_| "&amp;&#x41;&eacute; ".into())),
        ("code-block", format!("```\n{}\n```\n", fill(size - 10, "", |_| "<x> & y\n".into()))),
        ("frontmatter-long-title", format!("title: \"{}\"", "t".repeat(size - 400))),
        ("frontmatter-themes-list", fill(size - 400, "themes:\n", |_| "  - mantelzorg\n".into())),
        ("frontmatter-deep-flow", format!("source: {}{}", "[".repeat(half - 200), "]".repeat(half - 200))),
        ("frontmatter-deep-block", fill(size - 400, "source:\n", |i| format!("{}- \n", "  ".repeat(i % 2000)))),
        ("frontmatter-aliases", aliases()),
    ]
}

/// The "billion laughs": each list refers to the one before it ten times.
fn aliases() -> String {
    let mut s = String::from("x0: &a0 [\"lol\"]\n");
    for i in 1..30 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        let _ = writeln!(s, "x{i}: &a{i} [{refs}]");
    }
    s
}

/// A lesson file: valid front matter, then the shape as body or as extra front matter.
fn lesson(initiative: &str, name: &str, shape: &str) -> String {
    let (fm_title, extra, body) = if name.starts_with("frontmatter-") {
        let mut own: Vec<&str> = Vec::new();
        if !shape.starts_with("title:") {
            own.push("title: Vijandige les");
        }
        (own.join("\n"), shape.to_string(), "Tekst.".to_string())
    } else {
        ("title: Vijandige les".to_string(), String::new(), shape.to_string())
    };
    let themes = if extra.starts_with("themes:") { "" } else { "themes: [mantelzorg]\n" };
    format!(
        "---\n{fm_title}\ninitiative: {initiative}\nkind: les\n{themes}stakeholders: [inwoner]\nadded: 2024-01-01\n{extra}\n---\n{body}\n"
    )
}

fn copy_site(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let rel = entry.path().strip_prefix(from).unwrap();
        let top = rel.components().next().map(|c| c.as_os_str().to_string_lossy().to_string());
        let keep = matches!(top.as_deref(), Some("config.toml" | "initiatives" | "lessons" | "templates" | "static"));
        if !keep {
            continue;
        }
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

fn main() {
    let (mut root, mut size, mut only, mut write) = (PathBuf::from("."), 1_000_000usize, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--root" => root = args.next().expect("--root DIR").into(),
            "--size" => size = args.next().expect("--size BYTES").parse().expect("a number"),
            "--only" => only = args.next(),
            "--write" => write = args.next().map(PathBuf::from),
            other => panic!("unknown argument {other}"),
        }
    }
    let site_dir = tempfile::tempdir().expect("temp dir");
    copy_site(&root, site_dir.path());
    let initiative = std::fs::read_dir(site_dir.path().join("initiatives"))
        .expect("initiatives/")
        .filter_map(Result::ok)
        .find_map(|e| e.file_name().to_string_lossy().strip_suffix(".md").map(str::to_string))
        .expect("an initiative");
    let file = site_dir.path().join("lessons/vijandig.md");
    let out = site_dir.path().join("public");
    let opts = BuildOptions { root: site_dir.path().into(), output: Some(out), ..Default::default() };
    let t = Instant::now();
    let base = site::build(&opts).map(|r| r.pages).unwrap_or_else(|d| panic!("the site itself fails: {d:#?}"));
    println!("site without a hostile file: {base} pages built in {} ms", t.elapsed().as_millis());
    println!("{:<28} {:>9} {:>10} {:>10}  outcome", "shape", "bytes", "check ms", "build ms");
    for (name, shape) in shapes(size) {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let text = lesson(&initiative, name, &shape);
        if let Some(dir) = &write {
            std::fs::create_dir_all(dir).expect("--write DIR");
            std::fs::write(dir.join(format!("{name}.md")), &text).expect("write shape");
            continue;
        }
        std::fs::write(&file, &text).expect("write lesson");
        let t = Instant::now();
        let problems = site::check(site_dir.path()).1;
        let check_ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let built = site::build(&opts);
        let build_ms = t.elapsed().as_secs_f64() * 1000.0;
        let outcome = match (&built, problems.first()) {
            (Ok(r), _) => format!("built, {} pages", r.pages),
            (Err(d), _) => format!("{} problem(s): {}", d.len(), d[0].message.chars().take(60).collect::<String>()),
        };
        println!("{name:<28} {:>9} {check_ms:>10.0} {build_ms:>10.0}  {outcome}", text.len());
    }
}
