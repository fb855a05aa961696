//! Every text the spreadsheet commands show a person: column and sheet names in both site
//! languages (data of the sheets, here), and the problems of `leernet import`, `export` and
//! `new sheet` — including the wording of the checker's diagnostics for one cell — from the
//! message catalogues (`sheet-…` in src/i18n/*.ftl), in the message language.

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
// The texts are in the catalogues (src/i18n/*.ftl, `sheet-…`), in the message language.

use crate::tr;

pub fn unknown_file_type() -> String {
    tr!("sheet-unknown-file-type")
}
pub fn cannot_open(e: &dyn std::fmt::Display) -> String {
    tr!("sheet-cannot-open", error = e.to_string())
}
pub fn not_a_spreadsheet(kind: &str, e: &dyn std::fmt::Display) -> String {
    tr!("sheet-not-a-spreadsheet", kind = kind, error = e.to_string())
}
pub fn crashed() -> String {
    tr!("sheet-crashed")
}
pub fn too_large(len: u64, max: u64) -> String {
    tr!("sheet-too-large", mb = len / 1_000_000, max = max / 1_000_000)
}
pub fn too_many_rows(max: usize) -> String {
    tr!("sheet-too-many-rows", max = max)
}
pub fn not_utf8() -> String {
    tr!("sheet-not-utf8")
}
pub fn binary_csv() -> String {
    tr!("sheet-binary-csv")
}
pub fn csv_error(e: &dyn std::fmt::Display) -> String {
    tr!("sheet-csv-error", error = e.to_string())
}
pub fn no_sheet(name: &str, sheets: &[String]) -> String {
    tr!("sheet-no-sheet", name = name, sheets = sheets.join(", "))
}
pub fn no_sheets() -> String {
    tr!("sheet-no-sheets")
}
pub fn empty_sheet() -> String {
    tr!("sheet-empty")
}
pub fn no_rows() -> String {
    tr!("sheet-no-rows")
}
pub fn unknown_column(name: &str, suggestion: Option<&str>, all: &str) -> String {
    match suggestion {
        Some(s) => tr!("sheet-unknown-column-suggest", name = name, s = s),
        None => tr!("sheet-unknown-column", name = name, all = all),
    }
}
pub fn duplicate_column(first: &str) -> String {
    tr!("sheet-duplicate-column", first = first)
}
pub fn missing_column(nl: &str, field: &str) -> String {
    tr!("sheet-missing-column", nl = nl, field = field)
}
pub fn cell_without_header(col: &str) -> String {
    tr!("sheet-cell-without-header", col = col)
}
pub fn formula_error(e: &str) -> String {
    tr!("sheet-formula-error", error = e)
}
pub fn same_slug(slug: &str, first_row: usize) -> String {
    tr!("sheet-same-slug", slug = slug, row = first_row)
}
pub fn title_without_letters() -> String {
    tr!("sheet-title-without-letters")
}
pub fn exists(rel: &str) -> String {
    tr!("sheet-exists", path = rel)
}
pub fn cannot_write(rel: &str, e: &dyn std::fmt::Display) -> String {
    tr!("sheet-cannot-write", path = rel, error = e.to_string())
}
pub fn site_problems(n: usize) -> String {
    tr!("sheet-site-problems", n = n)
}

/// The summary after an import: `written` files new or changed, `unchanged` left alone.
pub fn summary(new: usize, changed: usize, unchanged: usize, dry_run: bool) -> String {
    if dry_run {
        tr!("sheet-summary-dry-run", new = new, changed = changed, unchanged = unchanged)
    } else {
        tr!("sheet-summary", new = new, changed = changed, unchanged = unchanged)
    }
}
pub fn failed(problems: usize) -> String {
    tr!("sheet-failed", n = problems)
}
pub fn skipped(rows: &[usize]) -> String {
    let list: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
    tr!("sheet-skipped", n = rows.len(), rows = list.join(", "))
}
pub fn status_word(new: bool, changed: bool) -> String {
    match (new, changed) {
        (true, _) => tr!("sheet-status-new"),
        (false, true) => tr!("sheet-status-changed"),
        (false, false) => tr!("sheet-status-unchanged"),
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
        Some(slug) => tr!("sheet-did-you-mean", text = text, s = (c.show)(&slug)),
        None => text,
    };
    match d.code {
        "unknown-term" => hint(tr!("sheet-unknown-term", term = args.first().copied().unwrap_or(c.cell))),
        "no-initiative" => hint(tr!("sheet-no-initiative", value = c.cell)),
        "bad-choice" => hint(tr!("sheet-bad-choice", value = c.cell)),
        "bad-date" => tr!("sheet-bad-date", value = c.cell),
        "terms-needed" => tr!("sheet-terms-needed"),
        "field-empty" if arg(0) == "title" => tr!("sheet-title-missing"),
        "field-empty" | "missing-field" => tr!("sheet-required-empty"),
        "body-empty" => tr!("sheet-body-missing"),
        "duplicate-slug" => {
            let other = ["gebruikt door ", "used by "]
                .iter()
                .find_map(|by| m.split(by).nth(1))
                .and_then(|r| r.split(';').next())
                .unwrap_or("");
            tr!("sheet-slug-used", slug = arg(0), other = other)
        }
        "broken-link" => hint(tr!("sheet-broken-link", target = arg(0))),
        "broken-anchor" => hint(tr!("sheet-broken-anchor", target = arg(0), anchor = arg(1))),
        _ => match &d.suggestion {
            Some(s) => format!("{m} ({s})"),
            None => m.to_string(),
        },
    }
}
pub fn at_body_line(message: &str, line: usize) -> String {
    tr!("sheet-at-body-line", message = message, line = line)
}

// ------------------------------------------------------------------ `export` and `new sheet`

pub fn unknown_export_type() -> String {
    tr!("sheet-unknown-export-type")
}
pub fn sheet_exists(path: &std::path::Path) -> String {
    tr!("sheet-file-exists", path = path.display().to_string())
}
pub fn cell_too_long(what: &str) -> String {
    tr!("sheet-cell-too-long", what = what)
}
pub fn cannot_save(path: &std::path::Path, e: &dyn std::fmt::Display) -> String {
    tr!("sheet-cannot-save", path = path.display().to_string(), error = e.to_string())
}
pub fn site_has_problems(n: usize) -> String {
    tr!("sheet-site-has-problems", n = n)
}
pub fn unpacks_too_large(len: u64, max: u64) -> String {
    tr!("sheet-unpacks-too-large", mb = len / 1_000_000, max = max / 1_000_000)
}
pub fn too_many_cells(cells: u64, max: u64) -> String {
    tr!("sheet-too-many-cells", cells = cells, max = max)
}
