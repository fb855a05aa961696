//! `leernet import`: one fixture per error class (the message, the row and the column), the
//! files it writes (where `check` accepts them, in the shape `new` writes), `--update`,
//! `--skip-invalid`, `--dry-run`, broken and hostile files, and 10,000 rows.

mod common;
use common::{Fixture, run_bin};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::path::{Path, PathBuf};

/// Writes an .xlsx with one sheet: `=...` cells become formulas (with their result after `|`),
/// `date:YYYY-MM-DD` real dates.
fn xlsx(dir: &Path, name: &str, rows: &[&[&str]]) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("d-m-yyyy");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if let Some(f) = cell.strip_prefix('=') {
                let (f, result) = f.split_once('|').unwrap_or((f, ""));
                sheet.write_formula(r, c, Formula::new(f).set_result(result)).unwrap();
            } else if let Some(d) = cell.strip_prefix("date:") {
                let d = ExcelDateTime::parse_from_str(d).unwrap();
                sheet.write_datetime_with_format(r, c, &d, &date).unwrap();
            } else if !cell.is_empty() {
                sheet.write_string(r, c, *cell).unwrap();
            }
        }
    }
    let path = dir.join(name);
    book.save(&path).unwrap();
    path
}

const HEADER: &[&str] = &["Titel", "Initiatief", "Soort", "Thema's", "Niveaus", "Toegevoegd", "Tekst"];

/// Imports `rows` (under `HEADER`) into the valid fixture; returns exit code and stderr.
fn import_rows(f: &Fixture, rows: &[&[&str]], args: &[&str]) -> (i32, String, String) {
    let mut all = vec![HEADER];
    all.extend_from_slice(rows);
    let sheet = xlsx(f.root(), "lessen.xlsx", &all);
    let mut a = vec!["import", sheet.to_str().unwrap()];
    a.extend_from_slice(args);
    f.run(&a)
}

/// The problems printed, without the file name in front.
fn problems(err: &str) -> Vec<String> {
    err.lines().filter_map(|l| l.split_once("lessen.xlsx:").map(|(_, p)| p.to_string())).collect()
}

fn only_problem(rows: &[&[&str]]) -> String {
    let f = Fixture::valid();
    let (code, _, err) = import_rows(&f, rows, &[]);
    assert_eq!(code, 1, "{err}");
    let p = problems(&err);
    assert_eq!(p.len(), 1, "{err}");
    assert!(!f.root().join("lessons/alpha/nieuw.md").exists(), "nothing is written");
    p.into_iter().next().unwrap()
}

#[test]
fn a_good_row_becomes_a_file_that_check_accepts() {
    let f = Fixture::valid();
    let (code, out, err) = import_rows(
        &f,
        &[&["Nieuw", "Alpha", "Tip", "Mantelzorg; preventie", "inwoner", "12-3-2026", "Tekst.\n\nMeer."]],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("lessons/alpha/nieuw.md (nieuw)"), "{out}");
    assert_eq!(
        f.read("lessons/alpha/nieuw.md"),
        "---\ntitle: \"Nieuw\"\ninitiative: alpha\nkind: tip\nthemes: [mantelzorg, preventie]\nstakeholders: [inwoner]\n\
         added: 2026-03-12\n---\nTekst.\n\nMeer.\n"
    );
    let (code, _, err) = f.run(&["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("5 lessen"), "{err}");
}

#[test]
fn import_writes_what_new_writes_without_its_help() {
    let f = Fixture::valid();
    let (code, _, err) = f.run(&["new", "lesson", "--initiative", "alpha", "Coördinatie in de wijk"]);
    assert_eq!(code, 0, "{err}");
    let template = f.read("lessons/alpha/coordinatie-in-de-wijk.md");
    let fields: String = template.lines().filter(|l| !l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    // new's body is example text that check refuses (as import does); the row has its own.
    let placeholder = fields.splitn(3, "---\n").nth(2).unwrap().to_string();
    let body = "Eigen tekst over de wijk.\n".to_string();
    let fields = fields.replace(&placeholder, &body);
    std::fs::remove_file(f.root().join("lessons/alpha/coordinatie-in-de-wijk.md")).unwrap();
    let added = fields.lines().find_map(|l| l.strip_prefix("added: ")).unwrap().to_string();
    let row: &[&str] = &["Coördinatie in de wijk", "alpha", "les", "mantelzorg", "inwoner", &added, &body];
    let (code, _, err) = import_rows(&f, &[row], &[]);
    assert_eq!(code, 0, "{err}");
    let imported = f.read("lessons/alpha/coordinatie-in-de-wijk.md");
    // The same lines in the same order and quoting; only the template's empty fields differ.
    let expected = fields
        .replace("themes: []", "themes: [mantelzorg]")
        .replace("stakeholders: []", "stakeholders: [inwoner]")
        .replace("financing: []\n", "")
        .replace("domains: []\n", "")
        .replace("source: \"\"\n", "");
    assert_eq!(imported, expected);
}

#[test]
fn typo_in_a_term() {
    let p = only_problem(&[&["Nieuw", "alpha", "tip", "mantelzrog", "inwoner", "", "Tekst."]]);
    assert_eq!(p, "rij 2, kolom \"Thema's\": onbekende term \"mantelzrog\"; bedoelt u \"Mantelzorg\" (mantelzorg)?");
}

#[test]
fn unknown_initiative_by_title() {
    let p = only_problem(&[&["Nieuw", "Alfa", "tip", "mantelzorg", "inwoner", "", "Tekst."]]);
    assert_eq!(p, "rij 2, kolom \"Initiatief\": er is geen initiatief \"Alfa\"; bedoelt u \"Alpha\" (alpha)?");
}

#[test]
fn missing_title() {
    let p = only_problem(&[&["", "alpha", "tip", "mantelzorg", "inwoner", "", "Tekst."]]);
    assert_eq!(p, "rij 2, kolom \"Titel\": de titel ontbreekt");
}

#[test]
fn missing_body() {
    let p = only_problem(&[&["Nieuw", "alpha", "tip", "mantelzorg", "inwoner"]]);
    assert_eq!(p, "rij 2, kolom \"Tekst\": de tekst ontbreekt");
}

#[test]
fn bad_date() {
    let p = only_problem(&[&["Nieuw", "alpha", "tip", "mantelzorg", "inwoner", "30-2-2026", "Tekst."]]);
    assert_eq!(
        p,
        "rij 2, kolom \"Toegevoegd\": \"30-2-2026\" is geen geldige datum; schrijf bijvoorbeeld 2026-03-12 of 12-3-2026"
    );
}

#[test]
fn real_dates_and_typed_dates() {
    let f = Fixture::valid();
    let rows: &[&[&str]] = &[
        &["Vijf", "alpha", "tip", "mantelzorg", "inwoner", "date:2025-09-28", "Tekst."],
        &["Zes", "alpha", "tip", "mantelzorg", "inwoner", "2025-09-28", "Tekst."],
        &["Zeven", "alpha", "tip", "mantelzorg", "inwoner", "28-9-2025", "Tekst."],
    ];
    let (code, _, err) = import_rows(&f, rows, &[]);
    assert_eq!(code, 0, "{err}");
    for name in ["vijf", "zes", "zeven"] {
        assert!(f.read(&format!("lessons/alpha/{name}.md")).contains("\nadded: 2025-09-28\n"), "{name}");
    }
}

#[test]
fn bad_kind() {
    let p = only_problem(&[&["Nieuw", "alpha", "lesje", "mantelzorg", "inwoner", "", "Tekst."]]);
    assert_eq!(p, "rij 2, kolom \"Soort\": \"lesje\" is geen toegestane waarde; bedoelt u \"Inzicht\" (les)?");
}

#[test]
fn two_rows_with_one_slug() {
    let f = Fixture::valid();
    let rows: &[&[&str]] = &[
        &["Nieuw!", "alpha", "tip", "mantelzorg", "inwoner", "", "Tekst."],
        &["nieuw", "beta", "tip", "mantelzorg", "inwoner", "", "Tekst."],
    ];
    let (code, _, err) = import_rows(&f, rows, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        problems(&err),
        [
            "rij 3, kolom \"Titel\": deze les krijgt dezelfde bestandsnaam \"nieuw.md\" als rij 2; maak één van de titels anders"
        ]
    );
}

#[test]
fn slug_of_an_existing_lesson_elsewhere_is_refused() {
    // `een` lives in lessons/alpha/; a row of beta with that title would make a second `een`.
    let p = only_problem(&[&["Een", "beta", "tip", "mantelzorg", "inwoner", "", "Tekst."]]);
    assert!(p.starts_with("rij 2, kolom \"Titel\": lessons/alpha/een.md bestaat al; gebruik --update"), "{p}");
}

#[test]
fn every_problem_of_every_row_in_one_run() {
    let f = Fixture::valid();
    let rows: &[&[&str]] = &[
        &["Een fout", "Alfa", "lesje", "mantelzrog", "inwoner", "30-2-2026", "Tekst."],
        &["Goed", "alpha", "tip", "mantelzorg", "inwoner", "", "Tekst."],
        &["", "alpha", "tip", "", "inwoner", "", "Zie [x](@/lessons/alpha/weg.md)."],
    ];
    let (code, _, err) = import_rows(&f, rows, &[]);
    assert_eq!(code, 1);
    let p = problems(&err);
    let cols: Vec<&str> = p.iter().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(
        cols,
        [
            "rij 2, kolom \"Initiatief\"",
            "rij 2, kolom \"Soort\"",
            "rij 2, kolom \"Thema's\"",
            "rij 2, kolom \"Toegevoegd\"",
            "rij 4, kolom \"Titel\"",
            "rij 4, kolom \"Thema's\"",
            "rij 4, kolom \"Tekst\"",
        ],
        "{err}"
    );
    assert!(p[5].ends_with("vul minstens één term in"), "{}", p[5]);
    assert!(p[6].contains("kapotte link in de tekst: er is geen bestand \"lessons/alpha/weg.md\""), "{}", p[6]);
    assert!(err.contains("7 problemen gevonden; er is niets geschreven"), "{err}");
    assert!(!f.root().join("lessons/alpha/goed.md").exists());
}

#[test]
fn skip_invalid_writes_the_good_rows_and_lists_the_others() {
    let f = Fixture::valid();
    let rows: &[&[&str]] = &[
        &["Fout", "alpha", "tip", "mantelzrog", "inwoner", "", "Tekst."],
        &["Goed", "alpha", "tip", "mantelzorg", "inwoner", "", "Tekst."],
    ];
    let (code, _, err) = import_rows(&f, rows, &["--skip-invalid"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("overgeslagen rijen (1): 2"), "{err}");
    assert!(f.root().join("lessons/alpha/goed.md").exists());
    assert!(!f.root().join("lessons/alpha/fout.md").exists());
    // Nothing valid at all is a failure, also with --skip-invalid.
    let (code, _, err) = import_rows(&f, &[rows[0]], &["--skip-invalid"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn unknown_column_with_suggestion_and_missing_column() {
    let f = Fixture::valid();
    let sheet = xlsx(f.root(), "lessen.xlsx", &[&["Titel", "Initiatief", "Soort", "Themas", "Niveau", "Tekst"]]);
    let (code, _, err) = f.run(&["import", sheet.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        problems(&err),
        [
            "rij 1, kolom \"Niveau\": onbekende kolom \"Niveau\"; bedoelt u \"Niveaus\"?",
            "rij 1: de kolom \"Niveaus\" (of \"stakeholders\") ontbreekt"
        ]
    );
}

#[test]
fn field_names_in_any_order_and_case() {
    let f = Fixture::valid();
    let rows: &[&[&str]] = &[
        &["BODY", "Stakeholders", "themes", "KIND", "initiative", "Title"],
        &["Tekst.", "Inwoner", "Informal care, Prevention", "Succes", "ALPHA", "Engels"],
    ];
    let sheet = xlsx(f.root(), "lessen.xlsx", rows);
    let (code, _, err) = f.run(&["import", sheet.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(f.read("lessons/alpha/engels.md").contains("kind: succes\nthemes: [mantelzorg, preventie]\n"));
}

#[test]
fn empty_sheet_and_header_only() {
    let f = Fixture::valid();
    let empty = xlsx(f.root(), "lessen.xlsx", &[]);
    let (code, _, err) = f.run(&["import", empty.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("lessen.xlsx: het blad is leeg"), "{err}");
    let header = xlsx(f.root(), "kop.xlsx", &[HEADER]);
    let (code, _, err) = f.run(&["import", header.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("kop.xlsx: het blad heeft een kopregel maar geen rijen"), "{err}");
}

#[test]
fn merged_cells_and_formulas() {
    let f = Fixture::valid();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    // The initiative and kind merged over two rows, as people do; a title made by a formula.
    sheet.merge_range(1, 1, 2, 1, "alpha", &Format::new()).unwrap();
    sheet.merge_range(1, 2, 2, 2, "tip", &Format::new()).unwrap();
    sheet.write_formula(1, 0, Formula::new("=\"Samen\"&\"gevoegd\"").set_result("Samengevoegd")).unwrap();
    sheet.write_string(2, 0, "Tweede").unwrap();
    for r in 1..=2 {
        sheet.write_string(r, 3, "mantelzorg").unwrap();
        sheet.write_string(r, 4, "inwoner").unwrap();
        sheet.write_string(r, 6, "Tekst.").unwrap();
    }
    sheet.write_formula(3, 0, Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
    let path = f.root().join("lessen.xlsx");
    book.save(&path).unwrap();
    let (code, _, err) = f.run(&["import", path.to_str().unwrap(), "--skip-invalid"]);
    assert_eq!(code, 0, "{err}");
    assert!(f.read("lessons/alpha/samengevoegd.md").contains("initiative: alpha\nkind: tip\n"));
    assert!(f.read("lessons/alpha/tweede.md").contains("initiative: alpha\nkind: tip\n"));
    assert!(err.contains("rij 4, kolom \"Titel\": de cel bevat een formulefout (#DIV/0!)"), "{err}");
}

#[test]
fn csv_with_bom_and_semicolons() {
    let f = Fixture::valid();
    let csv = "\u{feff}Titel;Initiatief;Soort;Thema's;Niveaus;Toegevoegd;Tekst\r\n\
               Puntkomma;Beta;Knelpunt;\"Mantelzorg, Preventie\";Bestuurder;1-2-2026;\"Regel een.\r\n\r\nRegel twee; met puntkomma.\"\r\n";
    f.write("lessen.csv", csv);
    let (code, _, err) = f.run(&["import", f.root().join("lessen.csv").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        f.read("lessons/beta/puntkomma.md"),
        "---\ntitle: \"Puntkomma\"\ninitiative: beta\nkind: knelpunt\nthemes: [mantelzorg, preventie]\n\
         stakeholders: [bestuurder]\nadded: 2026-02-01\n---\nRegel een.\n\nRegel twee; met puntkomma.\n"
    );
}

#[test]
fn ods_made_by_libreoffice() {
    let f = Fixture::valid();
    let ods = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lessen.ods");
    let (code, _, err) = f.run(&["import", ods.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = f.read("lessons/alpha/een-les-uit-libreoffice.md");
    assert!(
        text.contains("kind: tip\nthemes: [mantelzorg, preventie]\nstakeholders: [inwoner]\nadded: 2026-03-12\n"),
        "{text}"
    );
}

#[test]
fn broken_files_are_named_never_a_panic() {
    let f = Fixture::valid();
    let garbage: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    for name in ["kapot.xlsx", "kapot.ods", "kapot.csv"] {
        std::fs::write(f.root().join(name), &garbage).unwrap();
        let (code, _, err) = f.run(&["import", f.root().join(name).to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains(&format!("{name}: ")), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    // A zip that is no workbook, a truncated workbook, a file that is not there, a wrong type.
    let good = xlsx(f.root(), "goed.xlsx", &[HEADER]);
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(f.root().join("half.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    for name in ["half.xlsx", "nergens.xlsx", "lessen.pdf"] {
        let (code, _, err) = f.run(&["import", f.root().join(name).to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains(&format!("{name}: ")) && !err.contains("panicked"), "{name}: {err}");
    }
}

#[test]
fn existing_file_needs_update_and_update_is_idempotent() {
    let f = Fixture::valid();
    let row: &[&str] = &["Nieuw", "alpha", "tip", "mantelzorg", "inwoner", "", "Tekst."];
    assert_eq!(import_rows(&f, &[row], &[]).0, 0);
    let (code, _, err) = import_rows(&f, &[row], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("lessons/alpha/nieuw.md bestaat al; gebruik --update"), "{err}");
    let changed: &[&str] = &["Nieuw", "alpha", "succes", "mantelzorg", "inwoner", "", "Andere tekst."];
    let (code, out, err) = import_rows(&f, &[changed], &["--update"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("lessons/alpha/nieuw.md (bijgewerkt)"), "{out}");
    let first = f.read("lessons/alpha/nieuw.md");
    assert!(first.contains("kind: succes") && first.ends_with("Andere tekst.\n"));
    let (code, out, err) = import_rows(&f, &[changed], &["--update"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 nieuw, 0 bijgewerkt, 1 ongewijzigd"), "{out}{err}");
    assert_eq!(f.read("lessons/alpha/nieuw.md"), first);
}

#[test]
fn dry_run_prints_and_writes_nothing() {
    let f = Fixture::valid();
    let row: &[&str] = &["Nieuw", "alpha", "tip", "mantelzorg", "inwoner", "", "Tekst."];
    let (code, out, err) = import_rows(&f, &[row], &["--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("==> lessons/alpha/nieuw.md (nieuw) <==\n---\ntitle: \"Nieuw\""), "{out}");
    assert!(!f.root().join("lessons/alpha/nieuw.md").exists());
}

#[test]
fn ten_thousand_rows() {
    let f = Fixture::valid();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=10_000u32 {
        let row = [format!("Les nummer {r}"), "Alpha".into(), "tip".into(), "Mantelzorg; Preventie".into()];
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r, c as u16, v).unwrap();
        }
        sheet.write_string(r, 4, "inwoner").unwrap();
        sheet.write_string(r, 5, "12-3-2026").unwrap();
        sheet.write_string(r, 6, format!("Tekst van les {r}.")).unwrap();
    }
    sheet.write_string(10_000, 3, "mantelzrog").unwrap();
    let path = f.root().join("groot.xlsx");
    book.save(&path).unwrap();
    let (code, _, err) = f.run(&["import", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().filter(|l| l.contains("groot.xlsx:rij")).count(), 1, "{err}");
    assert!(err.contains("groot.xlsx:rij 10001, kolom \"Thema's\": onbekende term \"mantelzrog\""), "{err}");
    let (code, _, err) = f.run(&["import", path.to_str().unwrap(), "--skip-invalid", "-q"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_dir(f.root().join("lessons/alpha")).unwrap().count(), 2 + 9_999);
    assert!(f.read("lessons/alpha/les-nummer-9999.md").contains("themes: [mantelzorg, preventie]"));
}

/// The repository's own site (config, templates, initiatives, lessons), copied.
fn real_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("config.toml"), dir.path().join("config.toml")).unwrap();
    for sub in ["initiatives", "lessons", "templates"] {
        for entry in walkdir::WalkDir::new(repo.join(sub)).into_iter().flatten().filter(|e| e.file_type().is_file()) {
            let to = dir.path().join(entry.path().strip_prefix(repo).unwrap());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), to).unwrap();
        }
    }
    dir
}

fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root.join("lessons"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn real_content_labels_folded() {
    let site = real_site();
    let rows: &[&[&str]] = &[
        HEADER,
        &["Een", "Proeftuin Ruwaard", "Les", "Patiëntparticipatie", "inwoner", "", "Tekst."],
        &["Twee", "proeftuin ruwaard", "les", "patientparticipatie", "Inwoner", "", "Tekst."],
        &["Drie", "PROEFTUIN-RUWAARD", "LES", "PATIËNTPARTICIPATIE; patient participation", "resident", "", "Tekst."],
        &["Vier", "Proeftuin Ruwaart", "les", "mantelzrog", "inwoner", "", "Tekst."],
    ];
    let path = xlsx(site.path(), "lessen.xlsx", rows);
    let (code, _, err) = run_bin(site.path(), &["import", path.to_str().unwrap(), "--skip-invalid"]);
    assert_eq!(code, 0, "{err}");
    for name in ["een", "twee", "drie"] {
        let text = std::fs::read_to_string(site.path().join(format!("lessons/proeftuin-ruwaard/{name}.md"))).unwrap();
        assert!(text.contains("initiative: proeftuin-ruwaard\nkind: les\nthemes: [patientparticipatie]\n"), "{text}");
    }
    assert!(
        err.contains(
            "rij 5, kolom \"Initiatief\": er is geen initiatief \"Proeftuin Ruwaart\"; bedoelt u \"Proeftuin Ruwaard\""
        ),
        "{err}"
    );
    assert!(
        err.contains("rij 5, kolom \"Thema's\": onbekende term \"mantelzrog\"; bedoelt u \"Mantelzorg\" (mantelzorg)?"),
        "{err}"
    );
}

#[test]
fn round_trip_of_the_real_content_changes_no_byte() {
    let site = real_site();
    let before = snapshot(site.path());
    assert!(before.len() > 50);
    for file in ["alles.xlsx", "alles.csv"] {
        let out = site.path().join(file);
        let (code, _, err) = run_bin(site.path(), &["export", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        let (code, _, err) = run_bin(site.path(), &["import", out.to_str().unwrap(), "--update"]);
        assert_eq!(code, 0, "{file}: {err}");
        assert!(err.contains(&format!("0 nieuw, 0 bijgewerkt, {} ongewijzigd", before.len())), "{file}: {err}");
        assert!(snapshot(site.path()) == before, "{file}: the round trip changed a lesson file");
    }
}

#[test]
fn update_twice_on_the_real_content_changes_no_byte() {
    let site = real_site();
    let rows: &[&[&str]] = &[
        HEADER,
        &["Nieuwe les", "Blauwe Zorg in de wijk", "tip", "Mantelzorg", "Inwoner", "1-12-2026", "Tekst.\n\nMeer tekst."],
    ];
    let path = xlsx(site.path(), "lessen.xlsx", rows);
    assert_eq!(run_bin(site.path(), &["import", path.to_str().unwrap(), "--update"]).0, 0);
    let once = snapshot(site.path());
    let (code, _, err) = run_bin(site.path(), &["import", path.to_str().unwrap(), "--update"]);
    assert_eq!(code, 0, "{err}");
    assert!(snapshot(site.path()) == once);
    assert_eq!(run_bin(site.path(), &["check"]).0, 0);
}

#[test]
fn ods_repeating_a_row_a_million_times_is_refused_at_once() {
    // LibreOffice's own fixture with its data row repeated a million times: 10 KB on disk, a
    // million rows for a reader that expands it.
    let f = Fixture::valid();
    let ods = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lessen.ods");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(ods).unwrap()).unwrap();
    let path = f.root().join("groot.ods");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut bytes).unwrap();
        if part.name() == "content.xml" {
            let text = String::from_utf8(bytes).unwrap();
            let second = text.match_indices("<table:table-row ").nth(1).unwrap().0;
            let repeated = "<table:table-row table:number-rows-repeated=\"1000000\" ";
            bytes = format!("{}{repeated}{}", &text[..second], &text[second + 17..]).into_bytes();
        }
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        out.start_file(part.name().to_string(), options).unwrap();
        std::io::Write::write_all(&mut out, &bytes).unwrap();
    }
    out.finish().unwrap();
    // Refused by the pre-check (its message), before calamine expands the rows.
    let (code, _, err) = f.run(&["import", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("groot.ods: het blad beslaat 7000007 cellen"), "{err}");
}

#[test]
fn sheet_by_name_and_csv_with_commas() {
    let f = Fixture::valid();
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Uitleg").unwrap().write_string(0, 0, "Vul het tweede blad in.").unwrap();
    let sheet = book.add_worksheet().set_name("Maart").unwrap();
    for (r, row) in [HEADER, &["Uit maart", "alpha", "tip", "mantelzorg", "inwoner", "", "Tekst."]].iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let path = f.root().join("bladen.xlsx");
    book.save(&path).unwrap();
    let (code, _, err) = f.run(&["import", path.to_str().unwrap()]);
    assert_eq!(code, 1, "the first sheet is read by default");
    assert!(err.contains("onbekende kolom \"Vul het tweede blad in.\""), "{err}");
    let (code, _, err) = f.run(&["import", path.to_str().unwrap(), "--sheet", "April"]);
    assert_eq!(code, 1);
    assert!(err.contains("bladen.xlsx: er is geen blad \"April\"; de bladen heten: Uitleg, Maart"), "{err}");
    let (code, _, err) = f.run(&["import", path.to_str().unwrap(), "--sheet", "maart"]);
    assert_eq!(code, 0, "{err}");
    assert!(f.root().join("lessons/alpha/uit-maart.md").exists());

    f.write("komma.csv", "title,initiative,kind,themes,stakeholders,body\nMet komma's,beta,tip,\"mantelzorg, preventie\",bestuurder,\"Een, twee.\"\n");
    let (code, _, err) = f.run(&["import", f.root().join("komma.csv").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(f.read("lessons/beta/met-komma-s.md").contains("themes: [mantelzorg, preventie]\n"));
    assert!(f.read("lessons/beta/met-komma-s.md").ends_with("---\nEen, twee.\n"));
}

#[test]
fn a_cell_without_a_header_is_a_problem_of_its_row() {
    let p = only_problem(&[&["Nieuw", "alpha", "tip", "mantelzorg", "inwoner", "", "Tekst.", "", "vergeten"]]);
    assert_eq!(p, "rij 2: kolom I heeft geen kop maar deze rij heeft daar wel iets ingevuld");
}

#[test]
fn empty_required_cell_and_a_link_to_a_missing_heading() {
    let p = only_problem(&[&["Nieuw", "alpha", "", "mantelzorg", "inwoner", "", "Tekst."]]);
    assert_eq!(p, "rij 2, kolom \"Soort\": deze kolom is verplicht maar leeg");
    let p = only_problem(&[&[
        "Nieuw",
        "alpha",
        "tip",
        "mantelzorg",
        "inwoner",
        "",
        "Eerst.\n\nZie [twee](@/lessons/alpha/twee.md#kopp).",
    ]]);
    assert_eq!(
        p,
        "rij 2, kolom \"Tekst\": kapotte link in de tekst: \"lessons/alpha/twee.md\" heeft geen kop \"#kopp\"; \
         bedoelt u \"#kop\"? (regel 3 van de tekst)"
    );
}
