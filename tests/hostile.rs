//! Hostile and broken contributions: every content file is untrusted. One fixture per case,
//! asserting the exact outcome — an error naming the file, or sanitised output.

mod common;
use common::links;
use common::{Fixture, GOOD_LESSON, lesson};
use leernet::diagnostics::Diagnostic;
use leernet::site::{self, BuildOptions};
use std::path::Path;

fn check(f: &Fixture) -> Vec<Diagnostic> {
    site::check(f.root()).1.into_vec()
}

fn one_error(f: &Fixture, file: &str) -> Diagnostic {
    let d = check(f);
    assert_eq!(d.len(), 1, "expected one problem, got {d:#?}");
    assert!(d[0].file.ends_with(file), "{:?} is not {file}", d[0].file);
    d.into_iter().next().unwrap()
}

fn build_page(f: &Fixture, page: &str) -> String {
    let out = f.root().join("public");
    site::build(&BuildOptions { root: f.root().into(), output: Some(out.clone()), ..Default::default() })
        .unwrap_or_else(|d| panic!("{d:#?}"));
    std::fs::read_to_string(out.join(page)).unwrap()
}

const EVIL_BODY: &str = r#"Tekst.

<script>alert(1)</script>
<img src="x.png" onerror="alert(2)" alt="plaatje">
<a href="javascript:alert(3)">klik</a>

[md](javascript:alert(4)) ![d](data:image/svg+xml;base64,PHN2Zz4=) [e](JaVaScRiPt:alert(6))

<iframe src="https://evil.example"></iframe><object data="x.swf"></object>
<style>body{display:none}</style>
<p style="color:red" onclick="alert(5)">gestyled</p>

<details><summary>Meer</summary>Verborgen tekst</details>

<abbr title="Wet maatschappelijke ondersteuning">Wmo</abbr>

| a | b |
|---|---|
| 1 | 2 |
"#;

#[test]
fn raw_html_is_sanitised_by_default() {
    let f = Fixture::valid();
    f.write("lessons/evil.md", &lesson(GOOD_LESSON, EVIL_BODY));
    let html = build_page(&f, "lessen/evil/index.html");
    let body = &html[html.find("<div class=\"prose\">").unwrap()..];
    let body = &body[..body.find("</div>\n").unwrap()];
    for bad in [
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "data:",
        "<iframe",
        "<object",
        "<style",
        "style=",
        "display:none",
    ] {
        assert!(!body.to_lowercase().contains(bad), "{bad} survived in {body}");
    }
    for good in [
        "<details><summary>Meer</summary>Verborgen tekst</details>",
        "<abbr title=\"Wet maatschappelijke ondersteuning\">Wmo</abbr>",
        "<table>",
        "alt=\"plaatje\"",
        "gestyled",
    ] {
        assert!(body.contains(good), "{good} missing in {body}");
    }
}

#[test]
fn trusted_html_switch_keeps_raw_html() {
    let f = Fixture::valid();
    let cfg = f.read("config.toml") + "\n[content]\ntrusted_html = true\n";
    f.write("config.toml", &cfg);
    f.write("lessons/evil.md", &lesson(GOOD_LESSON, EVIL_BODY));
    let html = build_page(&f, "lessen/evil/index.html");
    assert!(html.contains("<script>alert(1)</script>"));
    assert!(html.contains("<iframe src=\"https://evil.example\"></iframe>"));
}

#[test]
fn front_matter_values_are_escaped_everywhere() {
    let f = Fixture::valid();
    let title = r#"</script><script>alert(1)</script>"><img src=x onerror=alert(2)>"#;
    f.write("lessons/evil.md", &lesson(&GOOD_LESSON.replace("title: Goed", &format!("title: '{title}'")), "Tekst."));
    let out = f.root().join("public");
    site::build(&BuildOptions { root: f.root().into(), output: Some(out.clone()), ..Default::default() }).unwrap();
    for page in [
        "lessen/evil/index.html",
        "lessen/index.html",
        "initiatieven/alpha/index.html",
        "thema/mantelzorg/index.html",
        "index.html",
    ] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        assert!(!html.contains("<script>alert(1)") && !html.contains("<img src=x"), "{page} is injectable");
        assert!(
            html.contains("&lt;&#x2F;script&gt;") || html.contains("&lt;/script&gt;"),
            "{page} lost the title text"
        );
    }
    let page = std::fs::read_to_string(out.join("lessen/evil/index.html")).unwrap();
    assert!(
        page.contains(
            "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt; · "
        ),
        "{page}"
    );
    for file in leernet_files(&out.join("search")).into_iter().chain([out.join("search_index.nl.js")]) {
        let js = std::fs::read_to_string(&file).unwrap();
        assert!(!js.contains("</script") && !js.contains("<img"), "{} carries raw markup", file.display());
    }
    // The title is in the display chunks, escaped for a script.
    let docs: String = leernet_files(&out.join("search"))
        .iter()
        .filter(|f| f.file_name().unwrap().to_str().unwrap().starts_with("d-"))
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(docs.contains(r#"\u003c/script\u003e\u003cscript\u003ealert(1)"#));
}

fn leernet_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect()
}

#[test]
fn malformed_yaml_tabs_and_duplicate_keys() {
    let f = Fixture::valid();
    f.write("lessons/kapot.md", "---\ntitle: \"niet gesloten\ninitiative: alpha\n---\nTekst.\n");
    let d = one_error(&f, "lessons/kapot.md");
    assert_eq!(d.message, "een aanhalingsteken (`\"`) dat hier begint, wordt niet afgesloten");
    assert_eq!(d.line, 2, "{d:?}");

    let f = Fixture::valid();
    f.write("lessons/tab.md", "---\ntitle: Tab\ninitiative: alpha\nkind: les\nthemes:\n\t- mantelzorg\nstakeholders: [inwoner]\n---\nTekst.\n");
    let d = one_error(&f, "lessons/tab.md");
    assert_eq!(d.message, "deze regel springt in met een tab; velden mogen alleen met spaties inspringen");
    assert_eq!(d.line, 6);

    let f = Fixture::valid();
    f.write("lessons/dubbel.md", &lesson(&format!("{GOOD_LESSON}\nkind: tip"), "Tekst."));
    let d = one_error(&f, "lessons/dubbel.md");
    assert_eq!((d.message.as_str(), d.line), ("het veld `kind` staat er twee keer; laat er één staan", 7));
}

#[test]
fn alias_bomb_and_deep_nesting_are_refused_quickly() {
    let f = Fixture::valid();
    let mut y = String::from("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 0..12 {
        let prev = if i == 0 { "a".to_string() } else { format!("b{}", i - 1) };
        y.push_str(&format!("b{i}: &b{i} [{}]\n", vec![format!("*{prev}"); 9].join(",")));
    }
    y.push_str("---\nTekst.\n");
    f.write("lessons/bom.md", &y);
    let started = std::time::Instant::now();
    let d = one_error(&f, "lessons/bom.md");
    assert!(d.message.contains("te groot of te diep genest") || d.code == "yaml-syntax", "{}", d.message);
    assert!(started.elapsed().as_secs() < 20, "alias bomb took {:?}", started.elapsed());

    let f = Fixture::valid();
    let deep = format!("---\n{GOOD_LESSON}\nsource: {}{}\n---\nTekst.\n", "[".repeat(500), "]".repeat(500));
    f.write("lessons/diep.md", &deep);
    let d = one_error(&f, "lessons/diep.md");
    assert!(d.message.contains("te groot of te diep genest") || d.code == "yaml-syntax", "{}", d.message);
}

#[test]
fn large_files_are_reported_not_read_and_the_limit_is_configurable() {
    let f = Fixture::valid();
    let big = lesson(GOOD_LESSON, &"Een hele lange zin over mantelzorg in de wijk. ".repeat(60_000));
    f.write("lessons/groot.md", &big);
    let d = one_error(&f, "lessons/groot.md");
    assert_eq!(d.message, format!("het bestand is {} bytes, meer dan de grens van 1048576 bytes", big.len()));
    assert_eq!(d.suggestion.as_deref(), Some("splits het op, of verhoog [content] max_file_size in config.toml"));
    let cfg = f.read("config.toml") + "\n[content]\nmax_file_size = 10000000\n";
    f.write("config.toml", &cfg);
    assert_eq!(check(&f), vec![], "accepted with a higher limit");
}

#[test]
fn binary_empty_front_matter_only_and_non_utf8() {
    let f = Fixture::valid();
    std::fs::write(f.root().join("lessons/plaatje.md"), [0x89u8, b'P', b'N', b'G', 0, 0, 0xff, 0xfe, 0x00, 0x01])
        .unwrap();
    let d = one_error(&f, "lessons/plaatje.md");
    assert_eq!(
        d.message,
        "het bestand is geen gewone tekst (UTF-8); misschien is het een ander soort bestand of een andere tekencodering"
    );

    let f = Fixture::valid();
    f.write("lessons/leeg.md", "");
    assert_eq!(one_error(&f, "lessons/leeg.md").message, "het bestand is leeg");

    let f = Fixture::valid();
    f.write("lessons/kop.md", &format!("---\n{GOOD_LESSON}\n---\n"));
    let d = one_error(&f, "lessons/kop.md");
    assert_eq!((d.message.as_str(), d.line), ("de tekst ontbreekt", 7));

    let f = Fixture::valid();
    let mut bytes = lesson(GOOD_LESSON, "Caf").into_bytes();
    bytes.extend([0xe9, b'\n']); // Latin-1 é
    std::fs::write(f.root().join("lessons/latin1.md"), bytes).unwrap();
    let d = one_error(&f, "lessons/latin1.md");
    assert_eq!(
        d.message,
        "het bestand is geen gewone tekst (UTF-8); misschien is het een ander soort bestand of een andere tekencodering"
    );
    assert_eq!((d.line, d.column), (9, 1));
    assert_eq!(d.suggestion.as_deref(), Some("sla het bestand op als UTF-8-tekst"));
}

#[test]
fn non_utf8_file_name_is_reported() {
    use std::os::unix::ffi::OsStrExt;
    let f = Fixture::valid();
    let name = std::ffi::OsStr::from_bytes(b"lessons/caf\xe9.md");
    std::fs::write(f.root().join(name), lesson(GOOD_LESSON, "Tekst.")).unwrap();
    let d = check(&f);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "de bestandsnaam bevat tekens die niet gelezen kunnen worden; geef het bestand een andere naam"
    );
}

#[test]
fn awkward_file_names_get_clean_urls_and_collisions_name_both_files() {
    let f = Fixture::valid();
    f.write("lessons/Mijn Eerste Les.md", &lesson(GOOD_LESSON, "Spaties."));
    f.write("lessons/Coördinatie.md", &lesson(GOOD_LESSON, "Diakrieten."));
    assert_eq!(check(&f), vec![]);
    let out = f.root().join("public");
    site::build(&BuildOptions { root: f.root().into(), output: Some(out.clone()), ..Default::default() }).unwrap();
    assert!(out.join("lessen/mijn-eerste-les/index.html").is_file());
    assert!(out.join("lessen/coordinatie/index.html").is_file());

    f.write("lessons/alpha/mijn-eerste-les.md", &lesson(GOOD_LESSON, "Botsing."));
    let d = check(&f);
    assert_eq!(d.len(), 1, "{d:#?}");
    let both = format!("{} {}", d[0].file.display(), d[0].message);
    assert!(both.contains("Mijn Eerste Les.md") && both.contains("alpha/mijn-eerste-les.md"), "{both}");
    assert!(d[0].message.starts_with("de naam `mijn-eerste-les` van deze les wordt ook gebruikt door"));
}

#[test]
fn symlink_loops_and_links_outside_the_root() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("geheim.md"), lesson(GOOD_LESSON, "Van buiten.")).unwrap();
    let f = Fixture::valid();
    std::os::unix::fs::symlink(f.root().join("lessons"), f.root().join("lessons/alpha/lus")).unwrap();
    std::os::unix::fs::symlink(outside.path(), f.root().join("lessons/buiten")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("geheim.md"), f.root().join("lessons/geheim.md")).unwrap();
    std::fs::create_dir_all(f.root().join("extra")).unwrap();
    std::fs::write(f.root().join("extra/binnen.md"), lesson(GOOD_LESSON, "Binnen de root.")).unwrap();
    std::os::unix::fs::symlink(f.root().join("extra/binnen.md"), f.root().join("lessons/binnen.md")).unwrap();
    let d = check(&f);
    let msgs: Vec<String> =
        d.iter().map(|d| format!("{}: {}", d.file.file_name().unwrap().to_string_lossy(), d.message)).collect();
    assert_eq!(
        msgs,
        [
            "lus: snelkoppeling die naar zichzelf terugwijst; de map wordt overgeslagen",
            "buiten: snelkoppeling naar een plek buiten de sitemap; niet gevolgd",
            "geheim.md: snelkoppeling naar een plek buiten de sitemap; niet gevolgd",
        ]
    );
    // The link that stays inside the root is followed.
    let (site, _) = site::check(f.root());
    assert!(site.unwrap().lessons.iter().any(|l| l.meta.slug == "binnen"));
}

#[test]
fn killed_build_leaves_previous_output_whole() {
    let f = Fixture::valid();
    for i in 0..1500 {
        f.write(
            &format!("lessons/gen/les-{i}.md"),
            &lesson(
                GOOD_LESSON,
                &format!("Les nummer {i} over mantelzorg en preventie in de wijk.\n\n## Kop {i}\n\nMeer tekst."),
            ),
        );
    }
    let out = f.root().join("public");
    let (code, _, err) = f.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let snapshot = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = links::walkdir(dir)
            .into_iter()
            .map(|p| (p.strip_prefix(dir).unwrap().display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        v.sort();
        v
    };
    let before = snapshot(&out);
    f.write("lessons/gen/les-0.md", &lesson(GOOD_LESSON, "Gewijzigd."));
    // The new build, whole, made elsewhere: a kill may also land after the swap (while the
    // process frees its memory), and then the output must be exactly this.
    let reference = tempfile::tempdir().unwrap();
    let (code, _, err) = f.run(&["build", "--output", reference.path().join("site").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let after = snapshot(&reference.path().join("site"));
    assert_ne!(before, after);
    for delay_ms in [5, 30, 80, 150, 300] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_leernet"))
            .args(["--root", f.root().to_str().unwrap(), "build"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let now = snapshot(&out);
        if finished {
            assert!(
                now.iter()
                    .any(|(p, b)| p == "lessen/les-0/index.html" && String::from_utf8_lossy(b).contains("Gewijzigd."))
            );
            return; // the build won the race: the output is the new one, whole
        }
        assert!(
            now == before || now == after,
            "after a kill at {delay_ms} ms the output is neither the old nor the new site"
        );
        if now == after {
            return; // killed after the swap: the new output, whole
        }
    }
}

#[test]
fn home_folder_is_refused() {
    let f = Fixture::valid();
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leernet"))
        .env("HOME", home.path())
        .args(["--root", f.root().to_str().unwrap(), "build", "--output", home.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("het is je persoonlijke map"));
}
