//! The documentation holds together: every relative link in the README, CONTRIBUTING and docs/
//! points at a file that exists, and the README stays a short page for newcomers (details
//! belong in docs/).

use std::path::Path;

fn markdown_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("CONTRIBUTING.md")];
    for e in std::fs::read_dir(root.join("docs")).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "md") {
            files.push(e.path());
        }
    }
    files
}

/// The targets of `[text](target)` links, without `#fragment`.
fn link_targets(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        let end = rest.find([')', ' ', '\n']).unwrap_or(rest.len());
        out.push(rest[..end].split('#').next().unwrap_or("").to_string());
    }
    out
}

#[test]
fn every_relative_link_in_the_docs_resolves() {
    let mut broken = Vec::new();
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        for target in link_targets(&text) {
            let external = ["http:", "https:", "mailto:", "@/"].iter().any(|p| target.starts_with(p));
            if target.is_empty() || external {
                continue;
            }
            if !file.parent().unwrap().join(&target).exists() {
                broken.push(format!("{}: {target}", file.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_readme_stays_a_short_page_for_newcomers() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let words = readme.split_whitespace().count();
    assert!(words <= 2500, "README.md has {words} words: move details to docs/");
    for must in ["## The two commands", "cargo test", "cargo install --path .", "## Add a lesson"] {
        assert!(readme.contains(must), "README.md lacks {must}");
    }
}
