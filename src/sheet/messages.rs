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

/// The text between the first pair of backticks.
fn quoted_arg(s: &str) -> Option<&str> {
    let a = s.find('`')? + 1;
    let b = a + s[a..].find('`')?;
    Some(&s[a..b])
}

/// Plain Dutch for a diagnostic of the checker about one cell. Recognises the checker's
/// messages by their wording (each class a row can cause is tested in `tests/import.rs`); anything else is
/// passed on as the checker worded it.
pub fn translate(d: &Diagnostic, c: &CellContext) -> String {
    let m = d.message.as_str();
    let hint = |text: String| match d.suggestion.as_deref().filter(|s| s.starts_with("did you mean")) {
        Some(s) => match quoted_arg(s) {
            Some(slug) => format!("{text}; bedoelt u {}?", (c.show)(slug)),
            None => text,
        },
        None => text,
    };
    if m.starts_with("unknown ") && m.contains(" term `") {
        return hint(format!("onbekende term \"{}\"", quoted_arg(m).unwrap_or(c.cell)));
    }
    if m.starts_with("there is no initiative") {
        return hint(format!("er is geen initiatief \"{}\"", c.cell));
    }
    if m.contains("` cannot be `") {
        return hint(format!("\"{}\" is geen toegestane waarde", c.cell));
    }
    if m.contains("is not a valid date") {
        return format!("\"{}\" is geen geldige datum; schrijf bijvoorbeeld 2026-03-12 of 12-3-2026", c.cell);
    }
    if m.contains("needs at least one term") {
        return "vul minstens één term in".into();
    }
    if m.starts_with("`title` is empty") {
        return "de titel ontbreekt".into();
    }
    if m.ends_with("` is empty") || m.starts_with("missing required field") {
        return "deze kolom is verplicht maar leeg".into();
    }
    if m.starts_with("the body is empty") {
        return "de tekst ontbreekt".into();
    }
    if m.starts_with("lesson slug") && m.contains("is also used by") {
        let other = m.split("is also used by ").nth(1).and_then(|r| r.split(';').next()).unwrap_or("");
        let slug = quoted_arg(m).unwrap_or("");
        return format!("deze titel geeft de bestandsnaam \"{slug}.md\", maar die is al in gebruik door {other}");
    }
    if let Some(rest) = m.strip_prefix("broken link: there is no content file ") {
        return hint(format!("kapotte link in de tekst: er is geen bestand {}", rest.replace('`', "\"")));
    }
    if let Some(rest) = m.strip_prefix("broken link: ") {
        return hint(format!(
            "kapotte link in de tekst: {}",
            rest.replace("has no heading", "heeft geen kop").replace('`', "\"")
        ));
    }
    match &d.suggestion {
        Some(s) => format!("{m} ({s})"),
        None => m.to_string(),
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
