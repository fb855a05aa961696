//! A sheet to write: headers, rows of typed values and column widths, saved as an `.xlsx`
//! sheet (rust_xlsxwriter: header row bold and frozen, filters on, widths set, dates as real
//! dates, links as links) or as a `.csv` file (`;` for a Dutch site, as Dutch Excel expects).

use super::messages as msg;
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// One value to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Date(chrono::NaiveDate),
    Url(String),
    Empty,
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        let s = s.into();
        if s.is_empty() { Value::Empty } else { Value::Text(s) }
    }

    fn csv(&self) -> String {
        match self {
            Value::Text(s) | Value::Url(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Empty => String::new(),
        }
    }
}

/// One sheet to write.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub name: String,
    pub headers: Vec<String>,
    /// Column widths in characters, one per header.
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<Value>>,
    /// Names each row in an error (`lessons/x/y.md`).
    pub row_names: Vec<String>,
}

fn header_format() -> Format {
    Format::new().set_bold().set_background_color("DDEBF7")
}

/// Adds `grid` as a sheet: header row bold and frozen, filters on, widths set.
pub fn add_sheet(book: &mut Workbook, grid: &Grid) -> Result<(), String> {
    let sheet = book.add_worksheet();
    fill(sheet, grid).map_err(|(row, e)| match e {
        XlsxError::MaxStringLengthExceeded => msg::cell_too_long(grid.row_names.get(row).map_or("", String::as_str)),
        e => msg::cannot_save(Path::new(&grid.name), &e),
    })
}

fn fill(sheet: &mut Worksheet, grid: &Grid) -> Result<(), (usize, XlsxError)> {
    let whole = |e| (usize::MAX, e);
    sheet.set_name(&grid.name).map_err(whole)?;
    let bold = header_format();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in grid.headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold).map_err(whole)?;
        sheet.set_column_width(c as u16, grid.widths.get(c).copied().unwrap_or(16.0)).map_err(whole)?;
    }
    for (r, row) in grid.rows.iter().enumerate() {
        let n = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            let done = match v {
                Value::Text(s) => sheet.write_string(n, c, s).map(|_| ()),
                Value::Number(x) => sheet.write_number(n, c, *x).map(|_| ()),
                Value::Date(d) => ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                    .and_then(|x| sheet.write_datetime_with_format(n, c, &x, &date).map(|_| ())),
                Value::Url(u) => sheet.write_url(n, c, u.as_str()).map(|_| ()),
                Value::Empty => Ok(()),
            };
            done.map_err(|e| (r, e))?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(whole)?;
    let last_col = grid.headers.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, grid.rows.len() as u32, last_col).map_err(whole)?;
    Ok(())
}

/// Writes `grid` as CSV, UTF-8 with a byte-order mark (so Excel reads the accents right).
pub fn write_csv(path: &Path, grid: &Grid, delimiter: u8) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| msg::cannot_save(path, e);
    let mut out: Vec<u8> = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(&mut out);
        w.write_record(&grid.headers).map_err(|e| fail(&e))?;
        for row in &grid.rows {
            w.write_record(row.iter().map(Value::csv)).map_err(|e| fail(&e))?;
        }
        w.flush().map_err(|e| fail(&e))?;
    }
    std::fs::write(path, out).map_err(|e| fail(&e))
}

/// Saves a workbook, mapping the error to plain Dutch.
pub fn save(book: &mut Workbook, path: &Path) -> Result<(), String> {
    book.save(path).map_err(|e| msg::cannot_save(path, &e))
}
