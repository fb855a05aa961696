//! Limits checked before a spreadsheet reaches its parser, so a small hostile file cannot make
//! it allocate gigabytes: the declared unpacked size of a workbook's parts, and for `.ods` the
//! grid that calamine would fill (it expands repeated rows and columns into a dense range: a
//! 10 KB file repeating one row a million times becomes a million rows).

use super::messages as msg;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// Unpacked parts of a workbook may add up to this many bytes.
pub const MAX_UNPACKED: u64 = 1_000_000_000;
/// Cells in the rectangle an `.ods` sheet spans up to its last value (calamine holds each as a
/// value of its own: a million text cells take about 120 MB).
pub const MAX_ODS_CELLS: u64 = 2_500_000;

/// Checks the zip container of an `.xlsx` or `.ods`; returns `content.xml` for an `.ods`.
pub fn check_zip(bytes: &[u8], ods: bool) -> Result<Option<Vec<u8>>, String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(None) }; // the reader says why
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let size = zip.by_index_raw(i).map(|f| f.size()).unwrap_or(0);
        total = total.saturating_add(size);
    }
    if total > MAX_UNPACKED {
        return Err(msg::unpacks_too_large(total, MAX_UNPACKED));
    }
    if !ods {
        return Ok(None);
    }
    let Ok(part) = zip.by_name("content.xml") else { return Ok(None) };
    let mut content = Vec::new();
    part.take(MAX_UNPACKED).read_to_end(&mut content).map_err(|e| msg::not_a_spreadsheet("OpenDocument", &e))?;
    Ok(Some(content))
}

fn repeat(e: &BytesStart, name: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.value.parse().ok())
        .unwrap_or(1)
}

fn has_value(e: &BytesStart) -> bool {
    e.attributes().flatten().any(|a| a.key.local_name().as_ref() == "value-type")
}

/// The largest rectangle (rows × columns up to the last value) of any sheet of `content.xml`.
pub fn ods_cells(content: &[u8]) -> u64 {
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let (mut row, mut col, mut reps, mut row_has) = (0u64, 0u64, 1u64, false);
    let (mut last_row, mut last_col, mut most) = (0u64, 0u64, 0u64);
    loop {
        let (event, empty) = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => (Some(e.into_owned()), false),
            Ok(Event::Empty(e)) => (Some(e.into_owned()), true),
            Ok(Event::End(e)) if e.local_name().as_ref() == "table-row" => {
                if row_has {
                    last_row = row.saturating_add(reps);
                }
                row = row.saturating_add(reps);
                (None, false)
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => (None, false),
        };
        if let Some(e) = event {
            match e.local_name().as_ref() {
                "table" => (row, last_row, last_col) = (0, 0, 0),
                "table-row" => {
                    (col, reps, row_has) = (0, repeat(&e, "number-rows-repeated"), false);
                    if empty {
                        row = row.saturating_add(reps);
                    }
                }
                "table-cell" | "covered-table-cell" => {
                    let n = repeat(&e, "number-columns-repeated");
                    if has_value(&e) {
                        row_has = true;
                        last_col = last_col.max(col.saturating_add(n));
                    }
                    col = col.saturating_add(n);
                }
                _ => {}
            }
        }
        most = most.max(last_row.saturating_mul(last_col));
        buf.clear();
    }
    most
}

/// Refuses an `.ods` whose sheets would expand into too many cells.
pub fn check_ods(content: &[u8]) -> Result<(), String> {
    let cells = ods_cells(content);
    if cells > MAX_ODS_CELLS { Err(msg::too_many_cells(cells, MAX_ODS_CELLS)) } else { Ok(()) }
}

#[cfg(test)]
#[test]
fn a_million_repeated_rows_are_refused() {
    let row = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2" office:value-type="string"/><table:table-cell table:number-columns-repeated="16000"/></table:table-row>"#;
    let content = format!("<office:document-content><table:table>{row}</table:table></office:document-content>");
    assert_eq!(ods_cells(content.as_bytes()), 3_000_000);
    assert!(check_ods(content.as_bytes()).is_err());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rows: &str) -> String {
        format!("<office:document-content><table:table>{rows}</table:table></office:document-content>")
    }

    #[test]
    fn repeated_rows_with_values_count_and_empty_ones_do_not() {
        let cell = r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;
        let small = doc(&format!(
            r#"<table:table-row>{cell}{cell}</table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#
        ));
        assert_eq!(ods_cells(small.as_bytes()), 2);
        let big = doc(&format!(
            r#"<table:table-row table:number-rows-repeated="1000000">{cell}<table:table-cell table:number-columns-repeated="100" office:value-type="float"/></table:table-row>"#
        ));
        assert_eq!(ods_cells(big.as_bytes()), 1_000_000 * 101);
        assert!(check_ods(big.as_bytes()).is_err());
    }
}
