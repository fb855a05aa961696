//! Every text the spreadsheet commands show a person, in one place (a later step moves them
//! into a translation catalogue): column and sheet names in both site languages, and the plain
//! Dutch problems of `leernet import`, including the translation of the checker's diagnostics.

use crate::diagnostics::Diagnostic;

/// A text in the two site languages.
#[derive(Debug, Clone, Copy)]
pub struct Label {
    pub nl: &'static str,
    pub en: &'static str,
}

impl Label {
    pub fn get(self, language: &str) -> &'static str {
        if language == "en" { self.en } else { self.nl }
    }
}

const fn l(nl: &'static str, en: &'static str) -> Label {
    Label { nl, en }
}

/// Column headers of the lessons sheet, in `columns::Field` order.
pub const LESSON_HEADERS: [Label; 11] = [
    l("Titel", "Title"),
    l("Bestandsnaam", "Slug"),
    l("Initiatief", "Initiative"),
    l("Soort", "Kind"),
    l("Thema's", "Themes"),
    l("Niveaus", "Stakeholders"),
    l("Financiering", "Financing"),
    l("Domeinen", "Domains"),
    l("Toegevoegd", "Added"),
    l("Bron", "Source"),
    l("Tekst", "Body"),
];
/// The export's column with each page's address; `import` passes over it.
pub const LINK: Label = l("Link", "Link");

pub const SHEET_LESSONS: Label = l("Lessen", "Lessons");
pub const SHEET_INITIATIVES: Label = l("Initiatieven", "Initiatives");
pub const SHEET_CHOICES: Label = l("Keuzelijsten", "Allowed values");
/// Headers of the allowed-values sheet of `new sheet`.
pub const CHOICE_HEADERS: [Label; 4] =
    [l("Kolom", "Column"), l("Waarde", "Value"), l("Slug", "Slug"), l("Omschrijving", "Description")];

/// Initiatives sheet: the columns before the flattened outcomes and figures.
pub const INITIATIVE_HEADERS: [Label; 13] = [
    l("Titel", "Title"),
    l("Bestandsnaam", "Slug"),
    l("Samenvatting", "Summary"),
    l("Regio", "Region"),
    l("Thema's", "Themes"),
    l("Niveaus", "Stakeholders"),
    l("Financiering", "Financing"),
    l("Domeinen", "Domains"),
    l("Gestart", "Started"),
    l("Fase", "Phase"),
    l("Bewijs", "Evidence"),
    l("Organisaties", "Organisations"),
    l("Lessen", "Lessons"),
];
pub const OUTCOME_PARTS: [Label; 5] =
    [l("maat", "measure"), l("voor", "before"), l("na", "after"), l("eenheid", "unit"), l("bron", "source")];
pub const OUTCOME: Label = l("Uitkomst", "Outcome");
pub const FIGURE_PARTS: [Label; 2] = [l("label", "label"), l("waarde", "value")];
pub const FIGURE: Label = l("Kengetal", "Figure");
pub const INITIATIVE_TAIL: [Label; 5] = [
    l("Contact naam", "Contact name"),
    l("Contact organisatie", "Contact organisation"),
    l("Contact url", "Contact url"),
    l("Verder lezen", "Further reading"),
    l("Laatst bekeken", "Last reviewed"),
];
/// Name of the second CSV file of an export (`<name>-initiatieven.csv`).
pub const CSV_INITIATIVES_SUFFIX: Label = l("-initiatieven", "-initiatives");
pub const INPUT_TITLE: Label = l("Kies uit de lijst", "Pick from the list");
pub const INPUT_MESSAGE: Label =
    l("De toegestane waarden staan op het blad Keuzelijsten.", "The allowed values are on the sheet Allowed values.");

// ------------------------------------------------------------------ problems of `import`

pub fn unknown_file_type() -> String {
    "onbekend bestandstype; gebruik een .xlsx-, .ods- of .csv-bestand".into()
}
pub fn cannot_open(e: &dyn std::fmt::Display) -> String {
    format!("kan het bestand niet openen: {e}")
}
pub fn not_a_spreadsheet(kind: &str, e: &dyn std::fmt::Display) -> String {
    format!("dit is geen leesbaar {kind}-bestand ({e}); is het beschadigd, of heeft het de verkeerde extensie?")
}
pub fn crashed() -> String {
    "het bestand is beschadigd en kan niet gelezen worden".into()
}
pub fn too_large(len: u64, max: u64) -> String {
    format!("het bestand is {} MB, meer dan de grens van {} MB", len / 1_000_000, max / 1_000_000)
}
pub fn too_many_rows(max: usize) -> String {
    format!("het blad heeft meer dan {max} rijen; splits het in kleinere bladen")
}
pub fn not_utf8() -> String {
    "het CSV-bestand is geen UTF-8-tekst; sla het op als \"CSV UTF-8\"".into()
}
pub fn binary_csv() -> String {
    "het CSV-bestand bevat binaire gegevens (NUL-tekens); is het wel een CSV-bestand?".into()
}
pub fn csv_error(e: &dyn std::fmt::Display) -> String {
    format!("het CSV-bestand is niet te lezen: {e}")
}
pub fn no_sheet(name: &str, sheets: &[String]) -> String {
    format!("er is geen blad \"{name}\"; de bladen heten: {}", sheets.join(", "))
}
pub fn no_sheets() -> String {
    "het bestand heeft geen bladen".into()
}
pub fn empty_sheet() -> String {
    "het blad is leeg: verwacht een kopregel met kolomnamen en daaronder een rij per les".into()
}
pub fn no_rows() -> String {
    "het blad heeft een kopregel maar geen rijen met lessen".into()
}
pub fn unknown_column(name: &str, suggestion: Option<&str>, all: &str) -> String {
    match suggestion {
        Some(s) => format!("onbekende kolom \"{name}\"; bedoelt u \"{s}\"?"),
        None => format!("onbekende kolom \"{name}\"; bekende kolommen zijn: {all}"),
    }
}
pub fn duplicate_column(first: &str) -> String {
    format!("deze kolom staat er twee keer in (ook \"{first}\"); houd er één")
}
pub fn missing_column(nl: &str, field: &str) -> String {
    format!("de kolom \"{nl}\" (of \"{field}\") ontbreekt")
}
pub fn cell_without_header(col: &str) -> String {
    format!("kolom {col} heeft geen kop maar deze rij heeft daar wel iets ingevuld")
}
pub fn formula_error(e: &str) -> String {
    format!("de cel bevat een formulefout ({e})")
}
pub fn same_slug(slug: &str, first_row: usize) -> String {
    format!("deze les krijgt dezelfde bestandsnaam \"{slug}.md\" als rij {first_row}; maak één van de titels anders")
}
pub fn title_without_letters() -> String {
    "de titel heeft geen letters of cijfers om een bestandsnaam van te maken".into()
}
pub fn exists(rel: &str) -> String {
    format!("{rel} bestaat al; gebruik --update om het bestand uit deze rij opnieuw te schrijven")
}
pub fn cannot_write(rel: &str, e: &dyn std::fmt::Display) -> String {
    format!("kan {rel} niet schrijven: {e}")
}
pub fn site_problems(n: usize) -> String {
    format!("let op: de site zelf heeft nog {n} andere problemen; zie `leernet check`")
}

/// The summary after an import: `written` files new or changed, `unchanged` left alone.
pub fn summary(new: usize, changed: usize, unchanged: usize, dry_run: bool) -> String {
    let verb = if dry_run { "zou schrijven" } else { "geschreven" };
    format!("{verb}: {new} nieuw, {changed} bijgewerkt, {unchanged} ongewijzigd")
}
pub fn failed(problems: usize) -> String {
    let n = if problems == 1 { "1 probleem".to_string() } else { format!("{problems} problemen") };
    format!("{n} gevonden; er is niets geschreven (met --skip-invalid worden de goede rijen wel geschreven)")
}
pub fn skipped(rows: &[usize]) -> String {
    let list: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
    format!("overgeslagen rijen ({}): {}", rows.len(), list.join(", "))
}
pub fn status_word(new: bool, changed: bool) -> &'static str {
    match (new, changed) {
        (true, _) => "nieuw",
        (false, true) => "bijgewerkt",
        (false, false) => "ongewijzigd",
    }
}

/// What the sheet and the checker need to word a diagnostic for one cell.
pub struct CellContext<'a> {
    /// The text of the cell as typed.
    pub cell: &'a str,
    /// Shows a suggested slug the way the user would type it (`mantelzorg (Mantelzorg)`).
    pub show: &'a dyn Fn(&str) -> String,
}

/// The texts between pairs of backticks, in order.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// The slug a did-you-mean suggestion of the checker names (`mantelzorg`, `@/lessons/x.md`,
/// `#kop`), recognised as one of the catalogue's did-you-mean texts in the current language.
fn suggested(d: &Diagnostic) -> Option<String> {
    let s = d.suggestion.as_deref()?;
    let arg = *backticked(s).first()?;
    let plain = arg.strip_prefix("@/").or_else(|| arg.strip_prefix('#')).unwrap_or(arg);
    let known = [
        crate::tr!("hint-did-you-mean", s = arg),
        crate::tr!("hint-link-did-you-mean", s = plain),
        crate::tr!("hint-anchor-did-you-mean", s = plain),
    ];
    known.contains(&s.to_string()).then(|| arg.to_string())
}

/// Plain Dutch for a diagnostic of the checker about one cell, by the diagnostic's machine
/// code (each code a row can cause is tested in `tests/import.rs`); anything else is passed on
/// as the checker worded it.
pub fn translate(d: &Diagnostic, c: &CellContext) -> String {
    let m = d.message.as_str();
    let args = backticked(m);
    let arg = |i: usize| args.get(i).copied().unwrap_or("");
    let hint = |text: String| match suggested(d) {
        Some(slug) => format!("{text}; bedoelt u {}?", (c.show)(&slug)),
        None => text,
    };
    match d.code {
        "unknown-term" => hint(format!("onbekende term \"{}\"", args.first().copied().unwrap_or(c.cell))),
        "no-initiative" => hint(format!("er is geen initiatief \"{}\"", c.cell)),
        "bad-choice" => hint(format!("\"{}\" is geen toegestane waarde", c.cell)),
        "bad-date" => format!("\"{}\" is geen geldige datum; schrijf bijvoorbeeld 2026-03-12 of 12-3-2026", c.cell),
        "terms-needed" => "vul minstens één term in".into(),
        "field-empty" if arg(0) == "title" => "de titel ontbreekt".into(),
        "field-empty" | "missing-field" => "deze kolom is verplicht maar leeg".into(),
        "body-empty" => "de tekst ontbreekt".into(),
        "duplicate-slug" => {
            let other = ["gebruikt door ", "used by "]
                .iter()
                .find_map(|by| m.split(by).nth(1))
                .and_then(|r| r.split(';').next())
                .unwrap_or("");
            format!("deze titel geeft de bestandsnaam \"{}.md\", maar die is al in gebruik door {other}", arg(0))
        }
        "broken-link" => hint(format!("kapotte link in de tekst: er is geen bestand \"{}\"", arg(0))),
        "broken-anchor" => hint(format!("kapotte link in de tekst: \"{}\" heeft geen kop \"{}\"", arg(0), arg(1))),
        _ => match &d.suggestion {
            Some(s) => format!("{m} ({s})"),
            None => m.to_string(),
        },
    }
}
pub fn at_body_line(message: &str, line: usize) -> String {
    format!("{message} (regel {line} van de tekst)")
}

// ------------------------------------------------------------------ `export` and `new sheet`

pub fn unknown_export_type() -> String {
    "onbekend bestandstype; exporteer naar een .xlsx- of .csv-bestand".into()
}
pub fn sheet_exists(path: &std::path::Path) -> String {
    format!("{} bestaat al; kies een andere naam of verwijder het eerst", path.display())
}
pub fn cell_too_long(what: &str) -> String {
    format!("de tekst van {what} is te lang voor een Excel-cel (meer dan 32.767 tekens); exporteer naar .csv")
}
pub fn cannot_save(path: &std::path::Path, e: &dyn std::fmt::Display) -> String {
    format!("kan {} niet schrijven: {e}", path.display())
}
pub fn site_has_problems(n: usize) -> String {
    format!("de site heeft {n} problemen; los ze eerst op (zie `leernet check`)")
}
pub fn unpacks_too_large(len: u64, max: u64) -> String {
    format!("het bestand pakt uit tot {} MB, meer dan de grens van {} MB", len / 1_000_000, max / 1_000_000)
}
pub fn too_many_cells(cells: u64, max: u64) -> String {
    format!("het blad beslaat {cells} cellen (herhaalde rijen of kolommen), meer dan de grens van {max}")
}
