//! `leernet build --portable` and `--zip`: every internal link relative and ending in a file,
//! so the site works from a folder, a USB stick or `file://`.

mod common;
use common::links;
use common::{Fixture, run_bin};
use std::path::Path;

/// Every internal href/src of every HTML file: not root-relative, not ending in a folder.
fn bad_links(out: &Path) -> Vec<String> {
    let mut bad = Vec::new();
    for file in links::walkdir(out).into_iter().filter(|p| p.extension().is_some_and(|e| e == "html")) {
        let html = std::fs::read_to_string(&file).unwrap();
        let mut all = links::attr_values(&html, "href");
        all.extend(links::attr_values(&html, "src"));
        all.extend(links::attr_values(&html, "action"));
        for l in all {
            if l.starts_with("https://") || l.starts_with("http://") || l.starts_with("mailto:") || l.starts_with('#') {
                continue;
            }
            let path = l.split(['#', '?']).next().unwrap_or("");
            if l.starts_with('/') || path.ends_with('/') || path.is_empty() || path == ".." || path == "." {
                bad.push(format!("{}: {l}", file.strip_prefix(out).unwrap().display()));
            }
        }
    }
    bad
}

#[test]
fn repo_portable_build_has_only_relative_file_links() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let (code, _, err) = run_bin(repo, &["build", "--portable", "--output", out.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let bad = bad_links(out.path());
    assert!(bad.is_empty(), "{} bad links, e.g. {:#?}", bad.len(), &bad[..bad.len().min(10)]);
    let (problems, checked) = links::check_links(out.path(), None);
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(checked > 3000);
    // The normal build keeps pretty URLs.
    let pretty = tempfile::tempdir().unwrap();
    run_bin(repo, &["build", "--output", pretty.path().to_str().unwrap()]);
    assert!(bad_links(pretty.path()).len() > 1000, "normal build should use pretty folder URLs");
}

#[test]
fn portable_from_config_and_links_from_every_depth() {
    let f = Fixture::valid();
    let cfg = f
        .read("config.toml")
        .replace("description = \"Een testsite\"", "description = \"Een testsite\"\nportable = true");
    f.write("config.toml", &cfg);
    let (code, _, err) = f.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let out = f.root().join("public");
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#"href="style.css""#) && home.contains(r#"href="lessen/een/index.html""#));
    let lesson = std::fs::read_to_string(out.join("lessen/een/index.html")).unwrap();
    assert!(lesson.contains(r#"href="../../style.css""#));
    assert!(lesson.contains(r#"<a href="../../initiatieven/beta/index.html">Beta</a>"#), "markdown links too");
    assert!(lesson.contains(r#"<a href="../../lessen/twee/index.html#kop">twee</a>"#));
    let matrix = std::fs::read_to_string(out.join("vergelijk/index.html")).unwrap();
    assert!(matrix.contains(r#"href="../thema/mantelzorg/index.html#i-alpha""#));
    let nf = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(nf.contains(r#"href="index.html""#));
    assert!(bad_links(&out).is_empty(), "{:#?}", bad_links(&out));
}

#[test]
fn zip_holds_the_portable_site_and_is_reproducible() {
    let f = Fixture::valid();
    let z1 = f.root().join("dist/leernet-site.zip");
    let z2 = f.root().join("dist/again.zip");
    let (code, _, err) = f.run(&["build", "--zip", z1.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("pakt uit in leernet-site/"), "{err}");
    let bytes = std::fs::read(&z1).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    assert!(names.iter().all(|n| n.starts_with("leernet-site/")));
    assert!(names.contains(&"leernet-site/index.html".to_string()));
    let mut page = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("leernet-site/lessen/een/index.html").unwrap(), &mut page)
        .unwrap();
    assert!(page.contains(r#"href="../../style.css""#), "zip holds the portable build");
    // Same content, same archive (fixed timestamps, sorted entries) — name aside.
    f.run(&["build", "--zip", z1.to_str().unwrap()]);
    assert_eq!(std::fs::read(&z1).unwrap(), bytes);
    let (code, _, _) = f.run(&["build", "--zip", z2.to_str().unwrap()]);
    assert_eq!(code, 0);
    let (code, _, err) = f.run(&["build", "--zip", f.root().join("public/x.zip").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("kan niet in de uitvoermap staan"), "{err}");
}

#[test]
fn portable_without_base_url_has_no_absolute_urls() {
    let f = Fixture::valid();
    let cfg = f.read("config.toml").replace("base_url = \"https://test.example.org\"", "");
    f.write("config.toml", &cfg);
    let (code, _, err) = f.run(&["build", "--portable"]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(f.root().join("public/lessen/een/index.html")).unwrap();
    assert!(!page.contains("rel=\"canonical\""));
}
