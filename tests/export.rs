//! `leernet export` and `leernet new sheet`: what the workbook holds (read back with calamine
//! and from its XML), the site's language, CSV, and refusals.

mod common;
use calamine::{Data, Reader, Xlsx, open_workbook};
use common::Fixture;
use std::io::Read;
use std::path::Path;

fn sheet_xml(path: &Path, n: usize) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

fn rows(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(sheet).unwrap().rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    d.to_string()
}

#[test]
fn xlsx_export_of_lessons_and_initiatives() {
    let f = Fixture::valid();
    let out = f.root().join("alles.xlsx");
    let (code, _, err) = f.run(&["export", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["Lessen", "Initiatieven"]);
    let lessons = rows(&out, "Lessen");
    let header: Vec<String> = lessons[0].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "Titel",
            "Bestandsnaam",
            "Initiatief",
            "Soort",
            "Thema's",
            "Niveaus",
            "Financiering",
            "Domeinen",
            "Toegevoegd",
            "Bron",
            "Tekst",
            "Link"
        ]
    );
    assert_eq!(lessons.len(), 5);
    let een = &lessons[1];
    assert_eq!(text(&een[0]), "Les een");
    assert_eq!(text(&een[2]), "Alpha", "the initiative by its title");
    assert_eq!(text(&een[3]), "Succes", "the kind by its label");
    assert_eq!(text(&een[4]), "Mantelzorg; Wijkgericht", "terms by their labels");
    let Data::DateTime(added) = &een[8] else { panic!("added is no date: {:?}", een[8]) };
    assert_eq!(added.as_datetime().unwrap().date().to_string(), "2026-01-02");
    assert!(text(&een[10]).starts_with("Mantelzorgers helpen elkaar. Zie [Beta](@/initiatives/beta.md)"));
    assert_eq!(text(&een[11]), "https://test.example.org/lessen/een/");
    let xml = sheet_xml(&out, 1);
    assert!(xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""), "header row frozen");
    assert!(xml.contains("<autoFilter ref=\"A1:L5\""), "filters on");
    assert!(xml.contains("<col min=\"1\" max=\"1\" width="), "widths set");
    assert!(xml.contains("<hyperlink ref=\"L2\""), "links are links");

    let initiatives = rows(&out, "Initiatieven");
    let header: Vec<String> = initiatives[0].iter().map(text).collect();
    let alpha = &initiatives[1];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    assert_eq!(text(&alpha[col("Titel")]), "Alpha");
    assert_eq!(text(&alpha[col("Lessen")]), "2");
    assert_eq!(text(&alpha[col("Uitkomst 1: maat")]), "Welbevinden");
    assert_eq!(alpha[col("Uitkomst 1: voor")], Data::Float(3.5));
    assert_eq!(alpha[col("Uitkomst 1: na")], Data::Float(8.5));
    assert_eq!(text(&alpha[col("Kengetal 1: waarde")]), "300+");
    assert_eq!(text(&alpha[col("Link")]), "https://test.example.org/initiatieven/alpha/");
}

#[test]
fn english_site_without_base_url() {
    let f = Fixture::valid();
    let config = common::CONFIG.replace("base_url = \"https://test.example.org\"", "language = \"en\"");
    f.write("config.toml", &config);
    let out = f.root().join("all.xlsx");
    let (code, _, err) = f.run(&["export", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["Lessons", "Initiatives"]);
    let lessons = rows(&out, "Lessons");
    let header: Vec<String> = lessons[0].iter().map(text).collect();
    assert_eq!(header[..4], ["Title", "Slug", "Initiative", "Kind"]);
    assert!(!header.contains(&"Link".to_string()), "no link column without base_url");
    assert_eq!(text(&lessons[1][3]), "Success");
    assert_eq!(text(&lessons[1][4]), "Informal care; Neighbourhood");
    // It imports as it was: the fixture's hand-written files come back in the shape leernet
    // writes (same fields, same values), and from then on an export imports without a change.
    let (code, _, err) = f.run(&["import", out.to_str().unwrap(), "--update"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        f.read("lessons/alpha/twee.md"),
        "---\ntitle: \"Les twee\"\ninitiative: alpha\nkind: tip\nthemes: [mantelzorg]\nstakeholders: [inwoner, bestuurder]\n\
         added: 2026-02-03\n---\n## Kop\n\nEen tip over mantelzorg.\n"
    );
    assert_eq!(f.run(&["check"]).0, 0);
    assert_eq!(f.run(&["export", out.to_str().unwrap()]).0, 0);
    let (code, _, err) = f.run(&["import", out.to_str().unwrap(), "--update"]);
    assert_eq!(code, 0, "{err}");
    // An English site gets the import's messages in English.
    assert!(err.contains("0 new, 0 updated, 4 unchanged"), "{err}");
}

#[test]
fn csv_export_is_two_files() {
    let f = Fixture::valid();
    let out = f.root().join("alles.csv");
    let (code, stdout, err) = f.run(&["export", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("alles-initiatieven.csv"), "{stdout}");
    let lessons = f.read("alles.csv");
    assert!(lessons.starts_with("\u{feff}Titel;Bestandsnaam;Initiatief;Soort;"), "{lessons}");
    assert!(
        lessons.contains("\nLes een;een;Alpha;Succes;Mantelzorg; Wijkgericht;")
            || lessons.contains("\nLes een;een;Alpha;Succes;\"Mantelzorg; Wijkgericht\";"),
        "{lessons}"
    );
    assert!(f.read("alles-initiatieven.csv").contains("Welbevinden;3.5;8.5;"));
}

#[test]
fn export_refuses_a_site_with_problems_and_unknown_types() {
    let f = Fixture::valid();
    let (code, _, err) = f.run(&["export", f.root().join("x.pdf").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("exporteer naar een .xlsx- of .csv-bestand"), "{err}");
    f.write("lessons/kapot.md", "---\ntitle: x\n---\n");
    let (code, _, err) = f.run(&["export", f.root().join("x.xlsx").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("de site heeft") && err.contains("leernet check"), "{err}");
    assert!(!f.root().join("x.xlsx").exists());
}

#[test]
fn new_sheet_has_dropdowns_and_the_allowed_values() {
    let f = Fixture::valid();
    let out = f.root().join("nieuw.xlsx");
    let (code, stdout, err) = f.run(&["new", "sheet", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("nieuw.xlsx"));
    let book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["Lessen", "Keuzelijsten"]);
    let header: Vec<String> = rows(&out, "Lessen")[0].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "Titel",
            "Initiatief",
            "Soort",
            "Thema's",
            "Niveaus",
            "Financiering",
            "Domeinen",
            "Toegevoegd",
            "Bron",
            "Tekst"
        ]
    );
    let choices: Vec<Vec<String>> = rows(&out, "Keuzelijsten").iter().map(|r| r.iter().map(text).collect()).collect();
    assert_eq!(choices[0], ["Kolom", "Waarde", "Slug", "Omschrijving"]);
    assert_eq!(choices[1], ["Initiatief", "Alpha", "alpha", "Alpha doet iets."]);
    assert_eq!(choices[3], ["Soort", "Inzicht", "les", ""]);
    assert!(choices.contains(&vec![
        "Thema's".into(),
        "Mantelzorg".into(),
        "mantelzorg".into(),
        "Zorg door naasten.".into()
    ]));
    assert!(choices.contains(&vec!["Domeinen".into(), "Wmo".into(), "wmo".into(), "Wet.".into()]));
    let xml = sheet_xml(&out, 1);
    assert!(
        xml.contains("sqref=\"B2:B1001\"") && xml.contains("<formula1>'Keuzelijsten'!$B$2:$B$3</formula1>"),
        "{xml}"
    );
    assert!(
        xml.contains("sqref=\"C2:C1001\"") && xml.contains("<formula1>'Keuzelijsten'!$B$4:$B$8</formula1>"),
        "{xml}"
    );
    // An empty sheet imports as "no rows"; an existing file is not overwritten.
    let (code, _, err) = f.run(&["import", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("geen rijen met lessen"), "{err}");
    let (code, _, err) = f.run(&["new", "sheet", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("bestaat al"), "{err}");
}
