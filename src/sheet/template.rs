//! `leernet new sheet FILE.xlsx`: an empty import sheet. The header row of the lessons sheet,
//! drop-down lists for the single-value columns (initiative, kind), and a second sheet that
//! lists every allowed value per column with its slug and description.

use super::cells::Resolver;
use super::columns::Field;
use super::grid::{self, Grid, Value};
use super::messages as msg;
use crate::config::Taxonomy;
use crate::content::model::{Kind, Site};
use rust_xlsxwriter::{DataValidation, Formula, Workbook};
use std::path::Path;

/// Rows of the sheet that get the drop-down lists.
const ROWS: u32 = 1000;

/// The allowed-values sheet, and the rows (1-based, inclusive) holding the initiatives and
/// the kinds.
fn choices(site: &Site, r: &Resolver) -> (Grid, (u32, u32), (u32, u32)) {
    let lang = site.config.language.as_str();
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut add = |field: Field, value: String, slug: &str, description: &str| {
        rows.push(vec![
            Value::text(field.header().get(lang)),
            Value::text(value),
            Value::text(slug),
            Value::text(description),
        ]);
        rows.len() as u32 + 1
    };
    let mut first = 0;
    let mut last = 0;
    for (n, i) in site.initiatives.iter().enumerate() {
        last = add(Field::Initiative, r.label(Field::Initiative, &i.meta.slug, lang), &i.meta.slug, &i.summary);
        if n == 0 {
            first = last;
        }
    }
    let initiatives = (first, last);
    for (n, k) in Kind::NAMES.iter().enumerate() {
        last = add(Field::Kind, r.label(Field::Kind, k, lang), k, "");
        if n == 0 {
            first = last;
        }
    }
    let kinds = (first, last);
    for (f, tax) in
        [Field::Themes, Field::Stakeholders, Field::Financing, Field::Domains].into_iter().zip(Taxonomy::ALL)
    {
        for t in site.config.terms(tax) {
            add(f, r.label(f, &t.slug, lang), &t.slug, &t.description);
        }
    }
    let grid = Grid {
        name: msg::SHEET_CHOICES.get(lang).into(),
        headers: msg::CHOICE_HEADERS.iter().map(|h| h.get(lang).to_string()).collect(),
        widths: vec![16.0, 40.0, 36.0, 90.0],
        rows,
        row_names: Vec::new(),
    };
    (grid, initiatives, kinds)
}

/// A drop-down list over rows 2.. of `col`, its values in column B of the choices sheet.
fn dropdown(sheet: &str, (first, last): (u32, u32), lang: &str) -> Result<DataValidation, String> {
    let formula = Formula::new(format!("='{}'!$B${first}:$B${last}", sheet.replace('\'', "''")));
    let fail = |e: rust_xlsxwriter::XlsxError| e.to_string();
    DataValidation::new()
        .allow_list_formula(formula)
        .set_input_title(msg::INPUT_TITLE.get(lang))
        .and_then(|v| v.set_input_message(msg::INPUT_MESSAGE.get(lang)))
        .map_err(fail)
}

/// Writes the empty import sheet to `out` (which must not exist yet).
pub fn new_sheet(site: &Site, out: &Path) -> Result<(), String> {
    if out.extension().and_then(|e| e.to_str()).is_none_or(|e| !e.eq_ignore_ascii_case("xlsx")) {
        return Err(msg::unknown_export_type());
    }
    if out.exists() {
        return Err(msg::sheet_exists(out));
    }
    let lang = site.config.language.as_str();
    let r = Resolver::new(&site.root, &site.config);
    // The file name is made from the title: a new sheet has no column for it.
    let fields: Vec<Field> = Field::ALL.into_iter().filter(|f| *f != Field::Slug).collect();
    let lessons = Grid {
        name: msg::SHEET_LESSONS.get(lang).into(),
        headers: fields.iter().map(|f| f.header().get(lang).to_string()).collect(),
        widths: vec![50.0, 28.0, 12.0, 40.0, 30.0, 30.0, 20.0, 12.0, 40.0, 80.0],
        ..Grid::default()
    };
    let (choices, initiatives, kinds) = choices(site, &r);
    let mut book = Workbook::new();
    grid::add_sheet(&mut book, &lessons)?;
    grid::add_sheet(&mut book, &choices)?;
    let sheet = book.worksheet_from_index(0).map_err(|e| e.to_string())?;
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let fail = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let col = |f: Field| fields.iter().position(|g| *g == f).unwrap_or(0) as u16;
    if initiatives.0 > 0 {
        let v = dropdown(&choices.name, initiatives, lang)?;
        sheet.add_data_validation(1, col(Field::Initiative), ROWS, col(Field::Initiative), &v).map_err(fail)?;
    }
    let v = dropdown(&choices.name, kinds, lang)?;
    sheet.add_data_validation(1, col(Field::Kind), ROWS, col(Field::Kind), &v).map_err(fail)?;
    sheet.set_column_format(col(Field::Added), &date).map_err(fail)?;
    grid::save(&mut book, out)
}
