//! Reading a spreadsheet into rows of cells: `.xlsx` (calamine's streaming cell reader, so a
//! stray cell far away costs nothing), `.ods` (calamine) and `.csv` (the csv crate, `,` or `;`,
//! with or without a byte-order mark). Merged cells give their value to every cell they cover;
//! formulas give their last computed value. A broken file is an error, never a panic.

use super::messages as msg;
use calamine::{Data, Reader};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::{BufReader, Cursor};
use std::path::Path;

/// Larger files are refused before they are opened.
pub const MAX_FILE_BYTES: u64 = 100_000_000;
/// More rows than this are refused (the import writes one file per row).
pub const MAX_ROWS: usize = 200_000;

/// One cell, as far as the import cares.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    /// A formula that failed (`#REF!`, `#N/A`, ...).
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, the way it reads in the sheet.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A sheet: its rows by 0-based row index, each with its non-empty cells by 0-based column.
#[derive(Debug, Default)]
pub struct Table {
    pub rows: BTreeMap<u32, BTreeMap<u32, Cell>>,
}

/// Reads the sheet `sheet` (else the first) of `path`. Errors are plain Dutch, about the file.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Table, String> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if !matches!(ext.as_str(), "xlsx" | "xlsm" | "ods" | "csv" | "txt") {
        return Err(msg::unknown_file_type());
    }
    let len = std::fs::metadata(path).map_err(|e| msg::cannot_open(&e))?.len();
    if len > MAX_FILE_BYTES {
        return Err(msg::too_large(len, MAX_FILE_BYTES));
    }
    let bytes = std::fs::read(path).map_err(|e| msg::cannot_open(&e))?;
    if ext != "csv"
        && ext != "txt"
        && let Some(content) = super::limits::check_zip(&bytes, ext == "ods")?
    {
        super::limits::check_ods(&content)?;
    }
    // The readers are third-party parsers of untrusted files: a panic in one is a broken file.
    let table = std::panic::catch_unwind(|| match ext.as_str() {
        "xlsx" | "xlsm" => read_xlsx(bytes, sheet),
        "ods" => read_ods(bytes, sheet),
        _ => read_csv(&bytes),
    })
    .unwrap_or_else(|_| Err(msg::crashed()))?;
    if table.rows.len() > MAX_ROWS {
        return Err(msg::too_many_rows(MAX_ROWS));
    }
    Ok(table)
}

fn pick_sheet(names: Vec<String>, wanted: Option<&str>) -> Result<String, String> {
    match wanted {
        Some(w) => names
            .iter()
            .find(|n| n.as_str() == w)
            .or_else(|| names.iter().find(|n| n.to_lowercase() == w.to_lowercase()))
            .cloned()
            .ok_or_else(|| msg::no_sheet(w, &names)),
        None => names.into_iter().next().ok_or_else(msg::no_sheets),
    }
}

fn date_of(dt: &calamine::ExcelDateTime) -> Cell {
    match dt.as_datetime() {
        Some(d) if dt.is_datetime() => Cell::Date(d.date()),
        _ => Cell::Number(dt.as_f64()),
    }
}

fn iso_date(s: &str) -> Cell {
    match s.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        Some(d) => Cell::Date(d),
        None => Cell::Text(s.to_string()),
    }
}

fn from_data(v: &Data) -> Cell {
    match v {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => date_of(d),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn put(table: &mut Table, row: u32, col: u32, cell: Cell) -> Result<(), String> {
    if cell.is_empty() {
        return Ok(());
    }
    if !table.rows.contains_key(&row) && table.rows.len() >= MAX_ROWS {
        return Err(msg::too_many_rows(MAX_ROWS));
    }
    table.rows.entry(row).or_default().insert(col, cell);
    Ok(())
}

fn read_xlsx(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table, String> {
    let broken = |e: &dyn std::fmt::Display| msg::not_a_spreadsheet("Excel", e);
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    let name = pick_sheet(book.sheet_names(), sheet)?;
    let mut table = Table::default();
    {
        let mut cells = book.worksheet_cells_reader(&name).map_err(|e| broken(&e))?;
        while let Some(cell) = cells.next_cell().map_err(|e| broken(&e))? {
            let (r, c) = cell.get_position();
            put(&mut table, r, c, from_data(&Data::from(cell.get_value().clone())))?;
        }
    }
    let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
    fill_merged(&mut table, merged.iter().map(|d| (d.start, d.end)));
    Ok(table)
}

/// Gives the value of each merged region's first cell to the cells it covers, only in rows and
/// columns that hold something, and at most a few times as many cells as the sheet has (a
/// region over a whole sheet, or thousands of overlapping ones, cost no more than the data).
fn fill_merged(table: &mut Table, regions: impl Iterator<Item = ((u32, u32), (u32, u32))>) {
    let used: std::collections::BTreeSet<u32> = table.rows.values().flat_map(|r| r.keys().copied()).collect();
    let mut budget = 4 * table.rows.values().map(|r| r.len()).sum::<usize>() + 1000;
    for ((r0, c0), (r1, c1)) in regions {
        let Some(value) = table.rows.get(&r0).and_then(|r| r.get(&c0)).cloned() else { continue };
        for (_, row) in table.rows.range_mut(r0..=r1.max(r0)) {
            for &c in used.range(c0..=c1.max(c0)) {
                if budget == 0 {
                    return;
                }
                budget -= 1;
                row.entry(c).or_insert_with(|| value.clone());
            }
        }
    }
}

fn read_ods(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table, String> {
    let broken = |e: &dyn std::fmt::Display| msg::not_a_spreadsheet("OpenDocument", e);
    let mut book: calamine::Ods<_> = calamine::Ods::new(BufReader::new(Cursor::new(bytes))).map_err(|e| broken(&e))?;
    let name = pick_sheet(book.sheet_names(), sheet)?;
    let range = book.worksheet_range(&name).map_err(|e| broken(&e))?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut table = Table::default();
    for (r, c, v) in range.used_cells() {
        put(&mut table, r0 + r as u32, c0 + c as u32, from_data(v))?;
    }
    Ok(table)
}

fn read_csv(bytes: &[u8]) -> Result<Table, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| msg::not_utf8())?;
    if text.contains('\0') {
        return Err(msg::binary_csv());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut table = Table::default();
    for (r, record) in reader.records().enumerate() {
        let record = record.map_err(|e| msg::csv_error(&e))?;
        for (c, field) in record.iter().enumerate() {
            put(&mut table, r as u32, c as u32, Cell::Text(field.to_string()))?;
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_semicolons_and_bom() {
        let t = read_csv("\u{feff}Titel;Thema's\r\n\"Een; twee\";mantelzorg\r\n".as_bytes()).unwrap();
        assert_eq!(t.rows[&0][&1], Cell::Text("Thema's".into()));
        assert_eq!(t.rows[&1][&0], Cell::Text("Een; twee".into()));
    }

    #[test]
    fn merged_region_over_a_whole_sheet_is_cheap() {
        let mut t = Table::default();
        for r in 0..3 {
            t.rows.entry(r).or_default().insert(0, Cell::Text(format!("r{r}")));
        }
        t.rows.get_mut(&1).unwrap().insert(1, Cell::Text("merged".into()));
        t.rows.get_mut(&0).unwrap().insert(3, Cell::Text("kop".into()));
        fill_merged(&mut t, [((1, 1), (1_048_575, 16_383))].into_iter());
        assert_eq!(t.rows[&2][&1], Cell::Text("merged".into()));
        assert_eq!(t.rows[&2][&3], Cell::Text("merged".into()));
        assert!(!t.rows[&0].contains_key(&1), "above the region");
        assert_eq!(t.rows[&2].len(), 3, "only the columns in use");
    }
}
