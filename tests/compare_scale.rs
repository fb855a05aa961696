//! The comparison at the benchmark's scale: 1,000 initiatives (examples/gen_corpus.rs). The
//! comparison page and the initiative list stay small (no page lists the whole network), and the
//! data the comparison view loads is one small script per chosen initiative.

use std::path::{Path, PathBuf};
use std::process::Command;

const INITIATIVES: usize = 1000;

fn corpus(dir: &Path) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "-q", "--example", "gen_corpus", "--", "--lessons", "2000", "--initiatives"])
        .arg(INITIATIVES.to_string())
        .arg("--out")
        .arg(dir)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "gen_corpus failed");
}

fn size(p: PathBuf) -> u64 {
    std::fs::metadata(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).len()
}

#[test]
fn comparison_data_and_lists_stay_small_at_1000_initiatives() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare_scale");
    let _ = std::fs::remove_dir_all(&dir);
    corpus(&dir.join("site"));
    let out = dir.join("out");
    let st = Command::new(env!("CARGO_BIN_EXE_leernet"))
        .args(["build", "-q", "--root"])
        .arg(dir.join("site"))
        .arg("--output")
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success());
    let scripts: Vec<u64> =
        std::fs::read_dir(out.join("vergelijk/i")).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).collect();
    assert_eq!(scripts.len(), INITIATIVES, "one data script per initiative");
    let (max, total) = (*scripts.iter().max().unwrap(), scripts.iter().sum::<u64>());
    let page = size(out.join("vergelijk/index.html"));
    let list = size(out.join("initiatieven/index.html"));
    eprintln!(
        "at {INITIATIVES} initiatives: vergelijk/index.html {page} B; vergelijk/i/*.js max {max} B, mean {} B, all {total} B; initiatieven/index.html {list} B",
        total / INITIATIVES as u64
    );
    assert!(max < 2_000, "the largest data script is {max} bytes");
    // Before: one 2.5 MB page with two 1,000-row matrices.
    assert!(page < 40_000, "the comparison page is {page} bytes");
    let html = std::fs::read_to_string(out.join("vergelijk/index.html")).unwrap();
    assert!(!html.contains("class=\"matrix\""), "no full matrix above 50 initiatives");
    // Instead, one matrix per theme, paginated like the lists.
    let theme = html.split("href=\"/vergelijk/thema/").nth(1).expect("links to the per-theme matrices");
    let theme = &theme[..theme.find('/').unwrap()];
    let per_theme = std::fs::read_to_string(out.join(format!("vergelijk/thema/{theme}/index.html"))).unwrap();
    let rows = per_theme.matches("<tr><th scope=\"row\"").count();
    assert!(per_theme.contains("class=\"matrix\"") && rows > 0 && rows <= 200, "{rows} rows");
    eprintln!("vergelijk/thema/{theme}/index.html: {} B, {rows} rows", per_theme.len());
    // Before: one 340 KB list of every initiative; now 100 a page.
    assert!(list < 120_000, "the first page of the initiative list is {list} bytes");
    assert!(out.join("initiatieven/pagina/10/index.html").is_file() && !out.join("initiatieven/pagina/11").exists());
    // A term's initiatives are paginated too: its pages together list each of them once.
    let term_page = |n: usize| {
        let page = if n == 1 { String::new() } else { format!("pagina/{n}/") };
        std::fs::read_to_string(out.join(format!("thema/{theme}/{page}index.html"))).ok()
    };
    let first = term_page(1).unwrap();
    let count: usize =
        first.split("<h2 id=\"term-inits\">").nth(1).unwrap().split(['(', ')']).nth(1).unwrap().parse().unwrap();
    assert!(count > 100, "the theme has {count} initiatives: more than one page");
    let mut listed = std::collections::BTreeSet::new();
    for html in (1..).map_while(term_page) {
        let Some(section) = html.split("aria-labelledby=\"term-inits\"").nth(1) else { continue };
        let section = &section[..section.find("</section>").unwrap()];
        for card in section.split("id=\"pick-").skip(1) {
            assert!(listed.insert(card[..card.find('"').unwrap()].to_string()), "listed twice");
        }
    }
    assert_eq!(listed.len(), count, "every initiative of the theme on one of its pages");
    let _ = std::fs::remove_dir_all(&dir);
}
