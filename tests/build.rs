//! `leernet build` on fixture sites and on the repo's own content: pages, links, related
//! lessons, taxonomy counts, atomic output, refusal of dangerous output folders, scaffolds.

mod common;
use common::links;
use common::{Fixture, GOOD_LESSON, lesson, run_bin};
use leernet::site::{self, BuildOptions};
use std::path::Path;

fn build(f: &Fixture, out: &Path) -> Result<site::BuildReport, leernet::diagnostics::Diagnostics> {
    site::build(&BuildOptions { root: f.root().to_path_buf(), output: Some(out.to_path_buf()), ..Default::default() })
}

fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .or_else(|| html.find(&format!("id=\"_{id}\"")))
        .unwrap_or_else(|| panic!("no section {id}"));
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[test]
fn valid_fixture_builds_every_page() {
    let f = Fixture::valid();
    let out = f.root().join("public");
    let r = build(&f, &out).unwrap();
    for p in [
        "index.html",
        "404.html",
        "style.css",
        "initiatieven/index.html",
        "initiatieven/alpha/index.html",
        "lessen/index.html",
        "lessen/een/index.html",
        "thema/index.html",
        "thema/mantelzorg/index.html",
        "niveau/inwoner/index.html",
        "financiering/projectsubsidie/index.html",
        "domein/wmo/index.html",
        "vergelijk/index.html",
        "begrippen/index.html",
        "zoeken/index.html",
        "search/meta.js",
        "search_index.nl.json",
    ] {
        assert!(out.join(p).is_file(), "missing {p}");
    }
    // 7 fixed pages, 2 initiatives, 4 lessons, 4 overviews + 3+2+1+1 terms
    assert_eq!(r.pages, 7 + 2 + 4 + 4 + 7);
    let (problems, checked) = links::check_links(&out, Some("/"));
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(checked > 200, "only {checked} links checked");
}

#[test]
fn lesson_page_links_initiative_terms_and_related() {
    let f = Fixture::valid();
    let out = f.root().join("public");
    build(&f, &out).unwrap();
    let html = std::fs::read_to_string(out.join("lessen/een/index.html")).unwrap();
    assert!(html.contains("<h1>Les een</h1>"));
    assert!(html.contains(r#"<a href="/initiatieven/alpha/">Alpha</a>"#));
    assert!(html.contains(r#"href="/thema/mantelzorg/">Mantelzorg</a>"#));
    assert!(html.contains(r#"href="/niveau/inwoner/">Inwoner</a>"#));
    // Markdown links resolved: @/ path and relative .md with anchor.
    assert!(html.contains(r#"<a href="/initiatieven/beta/">Beta</a>"#), "{html}");
    assert!(html.contains(r#"<a href="/lessen/twee/#kop">twee</a>"#), "{html}");
    // Related: twee shares mantelzorg+inwoner (2 terms, same initiative), drie shares mantelzorg
    // (1 term, other initiative); vier shares nothing.
    let rel = section(&html, "verwant");
    let twee = rel.find("/lessen/twee/").expect("twee related");
    let drie = rel.find("/lessen/drie/").expect("drie related");
    assert!(twee < drie, "more shared terms rank first");
    assert!(!rel.contains("/lessen/vier/"));
}

#[test]
fn related_prefers_other_initiatives_on_equal_terms() {
    let f = Fixture::valid();
    f.write(
        "lessons/alpha/vijf.md",
        &lesson("title: Vijf\ninitiative: alpha\nkind: les\nthemes: [preventie]\nstakeholders: [bestuurder]", "x"),
    );
    let out = f.root().join("public");
    build(&f, &out).unwrap();
    let html = std::fs::read_to_string(out.join("lessen/vijf/index.html")).unwrap();
    let rel = section(&html, "verwant");
    // drie and vier (beta) share preventie+bestuurder; twee (alpha) shares only bestuurder.
    let (drie, vier, twee) =
        (rel.find("/lessen/drie/").unwrap(), rel.find("/lessen/vier/").unwrap(), rel.find("/lessen/twee/").unwrap());
    assert!(drie < twee && vier < twee);
}

#[test]
fn taxonomy_counts_and_term_pages() {
    let f = Fixture::valid();
    let out = f.root().join("public");
    build(&f, &out).unwrap();
    let overview = std::fs::read_to_string(out.join("thema/index.html")).unwrap();
    let mz = &overview[overview.find("/thema/mantelzorg/").unwrap()..];
    let mz = &mz[..mz.find("</li>").unwrap()];
    assert!(mz.contains("1 initiatief · 3 lessen"), "{mz}");
    let term = std::fs::read_to_string(out.join("thema/preventie/index.html")).unwrap();
    assert!(term.contains("Lessen (2)"));
    assert!(term.contains("id=\"i-beta\""));
    assert!(term.contains("/lessen/drie/") && term.contains("/lessen/vier/") && !term.contains("/lessen/een/"));
    let matrix = std::fs::read_to_string(out.join("vergelijk/index.html")).unwrap();
    assert!(
        matrix.contains(r#"<a href="/thema/mantelzorg/#i-alpha">2</a>"#),
        "matrix cell links to the lessons behind it"
    );
}

#[test]
fn initiative_page_has_profile_outcomes_and_lessons_by_kind() {
    let f = Fixture::valid();
    let out = f.root().join("public");
    build(&f, &out).unwrap();
    let html = std::fs::read_to_string(out.join("initiatieven/alpha/index.html")).unwrap();
    let row = &html[html.find("<th scope=\"row\">Welbevinden</th>").expect("outcome row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    let (before, after) =
        (row.find(">3,5</td>").expect("before, Dutch decimal"), row.find(">8,5</td>").expect("after"));
    assert!(before < after, "{row}");
    assert!(html.contains("300+"));
    assert!(html.contains(r#"<h2 id="aanpak">Aanpak</h2>"#));
    let lessons = section(&html, "lessen");
    assert!(lessons.find("Successen").unwrap() < lessons.find("Tips").unwrap());
    assert!(lessons.contains("/lessen/een/") && lessons.contains("/lessen/twee/"));
}

#[test]
fn base_url_with_path_prefixes_links() {
    let f = Fixture::valid();
    let out = f.root().join("public");
    site::build(&BuildOptions {
        root: f.root().into(),
        output: Some(out.clone()),
        base_url: Some("https://x.nl/kennis/".into()),
        ..Default::default()
    })
    .unwrap();
    let html = std::fs::read_to_string(out.join("lessen/een/index.html")).unwrap();
    assert!(html.contains(r#"href="/kennis/initiatieven/alpha/""#));
    assert!(html.contains(r#"<link rel="canonical" href="https://x.nl/kennis/lessen/een/">"#));
    let (problems, _) = links::check_links(&out, Some("/kennis/"));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let f = Fixture::valid();
    let out = f.root().join("public");
    build(&f, &out).unwrap();
    let before = std::fs::read(out.join("lessen/een/index.html")).unwrap();
    f.write(
        "lessons/kapot.md",
        &lesson("title: Kapot\ninitiative: nergens\nkind: les\nthemes: [x]\nstakeholders: [inwoner]", "x"),
    );
    f.write("lessons/alpha/een.md", &lesson(GOOD_LESSON, "Gewijzigd."));
    let (code, _, err) = f.run(&["build"]);
    assert_eq!(code, 1);
    assert!(err.contains("de uitvoermap is niet veranderd"), "{err}");
    assert_eq!(std::fs::read(out.join("lessen/een/index.html")).unwrap(), before);
    assert!(!out.join("lessen/kapot").exists());
    let siblings: Vec<_> = std::fs::read_dir(f.root()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(!siblings.iter().any(|n| n.to_string_lossy().contains("leernet-")), "{siblings:?}");
}

#[test]
fn refuses_output_that_would_destroy_content() {
    let f = Fixture::valid();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("notes.txt"), "mine").unwrap();
    let root = f.root().to_str().unwrap().to_string();
    let bads = [
        root.clone(),
        format!("{root}/lessons"),
        format!("{root}/initiatives/out"),
        format!("{root}/pages/out"),
        "/".into(),
        other.path().to_str().unwrap().into(),
    ];
    for bad in &bads {
        let (code, _, err) = f.run(&["build", "--output", bad]);
        assert_eq!(code, 1, "{bad}");
        assert!(err.contains("wordt niet als uitvoermap gebruikt"), "{bad}: {err}");
    }
    assert!(f.root().join("lessons/alpha/een.md").exists());
    assert!(f.root().join("config.toml").exists());
    assert!(other.path().join("notes.txt").exists());
}

#[test]
fn new_writes_ready_to_fill_files() {
    let f = Fixture::valid();
    let (code, out, err) = f.run(&["new", "lesson", "--initiative", "alpha", "Coördinatie in de wijk"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "lessons/alpha/coordinatie-in-de-wijk.md");
    let text = f.read("lessons/alpha/coordinatie-in-de-wijk.md");
    for field in [
        "title:",
        "initiative: alpha",
        "kind:",
        "themes:",
        "stakeholders:",
        "financing:",
        "domains:",
        "added:",
        "source:",
    ] {
        assert!(text.contains(field), "{field} in\n{text}");
    }
    assert!(text.contains("# Thema's, minstens één van: mantelzorg, preventie, wijkgericht."));
    // Unfilled, check says exactly what to fill in.
    let d = site::check(f.root()).1;
    let msgs: Vec<_> = d.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "`themes` heeft minstens één term nodig",
            "`stakeholders` heeft minstens één term nodig",
            "de tekst is nog de voorbeeldtekst die `leernet new` schreef"
        ]
    );
    assert_eq!(d[2].line, 21, "the first line below the closing `---`");
    // Filled in, it passes.
    let body_start = text.find("\n---\n").unwrap() + 5;
    let filled = format!("{}Mantelzorgers steunen elkaar.\n", &text[..body_start])
        .replace("themes: []", "themes: [mantelzorg]")
        .replace("stakeholders: []", "stakeholders: [inwoner]");
    f.write("lessons/alpha/coordinatie-in-de-wijk.md", &filled);
    assert_eq!(site::check(f.root()).1, vec![]);
    // No overwrite, unknown initiative gets a suggestion.
    let (code, _, err) = f.run(&["new", "lesson", "--initiative", "alpha", "Coördinatie in de wijk"]);
    assert_eq!(code, 1);
    assert!(err.contains("bestaat al"));
    // A slug another initiative's lesson already uses is refused, naming that file.
    let (code, _, err) = f.run(&["new", "lesson", "--initiative", "beta", "Coördinatie in de wijk"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("`coordinatie-in-de-wijk` wordt al gebruikt door lessons/alpha/coordinatie-in-de-wijk.md"),
        "{err}"
    );
    assert!(!f.root().join("lessons/beta/coordinatie-in-de-wijk.md").exists());
    let (code, _, err) = f.run(&["new", "lesson", "--initiative", "alfa", "X"]);
    assert_eq!(code, 1);
    assert!(err.contains("bedoelde je `alpha`?"), "{err}");
    let (code, out, _) = f.run(&["new", "initiative", "Nieuw Initiatief"]);
    assert_eq!((code, out.trim()), (0, "initiatives/nieuw-initiatief.md"));
    let d = site::check(f.root()).1;
    assert!(d.iter().all(|d| d.file.ends_with("initiatives/nieuw-initiatief.md")), "{d:#?}");
    assert!(d.iter().any(|d| d.message == "`summary` is leeg"));
    assert!(d.iter().any(|d| d.code == "body-placeholder"), "{d:#?}");
    // Facts are left for the author: no start year, phase or evidence filled in.
    let text = f.read("initiatives/nieuw-initiatief.md");
    for fact in ["\n# started:", "\n# phase:", "\n# evidence:"] {
        assert!(text.contains(fact), "{fact} commented out in\n{text}");
    }
    assert!(!text.contains("\nphase:") && !text.contains("\nevidence:") && !text.contains("\nstarted:"));
}

#[test]
fn site_templates_override_builtin_ones() {
    let f = Fixture::valid();
    f.write("templates/lesson.html", "<p>eigen {{ lesson.title }}</p>");
    let out = f.root().join("public");
    build(&f, &out).unwrap();
    assert_eq!(std::fs::read_to_string(out.join("lessen/een/index.html")).unwrap(), "<p>eigen Les een</p>");
    assert!(std::fs::read_to_string(out.join("index.html")).unwrap().contains("<!DOCTYPE html>"));
}

/// A site's template may loop over a map: its entries come in the order leernet made them (a
/// card's fields in their declared order), the same on every build.
#[test]
fn a_loop_over_a_map_goes_in_a_fixed_order() {
    let f = Fixture::valid();
    f.write("templates/lesson.html", "{% for key, value in lesson %}{{ key }} {% endfor %}");
    let out = f.root().join("public");
    let mut seen = Vec::new();
    for _ in 0..4 {
        build(&f, &out).unwrap();
        seen.push(std::fs::read_to_string(out.join("lessen/een/index.html")).unwrap());
    }
    assert!(seen[0].starts_with("slug title path kind kind_label initiative "), "{}", seen[0]);
    assert!(seen.iter().all(|s| *s == seen[0]), "{seen:#?}");
}

#[test]
fn template_error_names_the_template() {
    let f = Fixture::valid();
    f.write("templates/lesson.html", "<p>\n{{ lesson.title </p>");
    let e = build(&f, &f.root().join("public")).unwrap_err();
    assert!(e[0].file.ends_with("templates/lesson.html"), "{e:#?}");
    assert_eq!(e[0].line, 2);
}

/// The repo's own content builds, and every internal href/src in the output resolves.
#[test]
fn repo_content_builds_with_no_broken_links() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let (code, _, err) = run_bin(repo, &["build", "--output", out.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (problems, checked) = links::check_links(out.path(), Some("/"));
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(checked > 3000, "only {checked} links checked");
    let (code, _, err) = run_bin(repo, &["check"]);
    assert_eq!(code, 0, "{err}");
    let lessons = std::fs::read_dir(out.path().join("lessen")).unwrap().count() - 1;
    assert!(lessons >= 35, "{lessons} lessons");
}

#[test]
fn long_lists_are_paginated_and_matrix_cells_find_the_right_page() {
    let f = Fixture::valid();
    for i in 0..250 {
        let init = if i < 180 { "alpha" } else { "beta" };
        f.write(
            &format!("lessons/gen/g{i:03}.md"),
            &lesson(
                &format!(
                    "title: Gen {i}\ninitiative: {init}\nkind: tip\nthemes: [mantelzorg]\nstakeholders: [inwoner]"
                ),
                "Tekst.",
            ),
        );
    }
    let out = f.root().join("public");
    build(&f, &out).unwrap();
    // mantelzorg: 3 fixture lessons + 250 = 253 lessons → 3 pages; lessons: 254 → 3 pages.
    for p in [
        "thema/mantelzorg/index.html",
        "thema/mantelzorg/pagina/2/index.html",
        "thema/mantelzorg/pagina/3/index.html",
        "lessen/pagina/3/index.html",
    ] {
        assert!(out.join(p).is_file(), "missing {p}");
    }
    assert!(!out.join("thema/mantelzorg/pagina/4").exists());
    assert!(!out.join("thema/preventie/pagina").exists(), "short lists have one page");
    let first = std::fs::read_to_string(out.join("thema/mantelzorg/index.html")).unwrap();
    assert!(first.contains(r#"href="/thema/mantelzorg/pagina/2/" rel="next""#), "{first}");
    assert_eq!(
        first.matches("class=\"card ").count() + first.matches("class=\"card\"").count() - 1,
        100,
        "100 lessons (+1 initiative card) on a page"
    );
    // Beta's lessons (alpha's 182 come first) start on page 2: the matrix cell points there.
    let matrix = std::fs::read_to_string(out.join("vergelijk/index.html")).unwrap();
    assert!(matrix.contains(r#"href="/thema/mantelzorg/pagina/2/#i-beta""#), "matrix cell");
    let (problems, _) = links::check_links(&out, Some("/"));
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A financing term marked `not_described` ("Niet beschreven") is shown with its label on the
/// initiative page, in the comparison table and on its own term page, but is no JSON-LD keyword.
#[test]
fn a_not_described_financing_term_shows_as_such() {
    let f = Fixture::valid();
    let config = f.read("config.toml").replace(
        "[[domains]]",
        "[[financing]]\nslug = \"onbekend\"\nnl = \"Niet beschreven\"\nen = \"Not described\"\n\
         description = \"De bronnen zeggen niet hoe het wordt betaald.\"\nnot_described = true\n\n[[domains]]",
    );
    f.write("config.toml", &config);
    let beta = f.read("initiatives/beta.md").replace("financing: [projectsubsidie]", "financing: [onbekend]");
    f.write("initiatives/beta.md", &beta);
    let out = f.root().join("public");
    build(&f, &out).unwrap();
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let page = read("initiatieven/beta/index.html");
    assert!(page.contains(r#"href="/financiering/onbekend/">Niet beschreven</a>"#), "{page}");
    let ld = &page[page.find("\"keywords\"").expect("JSON-LD keywords")..];
    let ld = &ld[..ld.find(']').unwrap()];
    assert!(ld.contains("Preventie") && !ld.contains("Niet beschreven"), "{ld}");
    let alpha = read("initiatieven/alpha/index.html");
    assert!(
        alpha.contains("\"keywords\":[\"Mantelzorg\",\"Wijkgericht\",\"Inwoner\",\"Projectsubsidie\",\"Wmo\"]"),
        "{alpha}"
    );
    let matrix = read("vergelijk/index.html");
    assert!(matrix.contains(r#"<a href="/financiering/onbekend/">Niet beschreven</a>"#), "{matrix}");
    let term = read("financiering/onbekend/index.html");
    assert!(term.contains("Niet beschreven") && term.contains("De bronnen zeggen niet hoe het wordt betaald."));
    assert!(term.contains(r#"href="/initiatieven/beta/""#) && !term.contains(r#"href="/initiatieven/alpha/""#));
}

/// The repo's own content: the sources do not say how Scan & Plan and Blauwe Zorg are financed.
#[test]
fn repo_marks_undescribed_financing_as_not_described() {
    let (site, diags) = site::check(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(diags.is_empty(), "{diags:#?}");
    let site = site.unwrap();
    let fin = leernet::config::Taxonomy::Financing;
    let term = site.config.term(fin, "onbekend").expect("financing term onbekend");
    assert_eq!((term.nl.as_str(), term.not_described), ("Niet beschreven", true));
    for slug in ["scan-en-plan", "blauwe-zorg"] {
        let terms = &site.initiative(slug).unwrap().meta.terms[fin.index()];
        assert_eq!(terms, &["onbekend"], "{slug}");
    }
}
