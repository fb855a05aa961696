//! `leernet import`: one lesson file per row. Each row becomes the text `leernet new` would
//! write (`content::lessonfile`), and that text is checked by the loader and validator of
//! `leernet check`, in memory, together with every file of the site: there is no second
//! validator. Each diagnostic is mapped back from its line to the row and column it came from.

use super::cells::{self, Resolver};
use super::columns::{self, Columns, Field};
use super::messages::{self as msg, CellContext};
use super::read::{self, Cell};
use crate::config::Config;
use crate::content::lessonfile::{self, LessonDraft};
use crate::content::load::{Section, SourceFile};
use crate::content::markdown::slugify;
use crate::diagnostics::Diagnostic;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// What `leernet import` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub file: PathBuf,
    pub sheet: Option<String>,
    /// Rewrite files that exist from their row.
    pub update: bool,
    /// Write the valid rows even when others have problems.
    pub skip_invalid: bool,
    /// Write nothing; say what would be written.
    pub dry_run: bool,
}

/// One problem of the sheet: in a row (0: the file as a whole) and a column (as headed).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub row: usize,
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    /// `FILE:rij N, kolom "Thema's": message`.
    pub fn render(&self, file: &str) -> String {
        match (self.row, &self.column) {
            (0, _) => format!("{file}: {}", self.message),
            (r, Some(c)) => format!("{file}:rij {r}, kolom \"{c}\": {}", self.message),
            (r, None) => format!("{file}:rij {r}: {}", self.message),
        }
    }
}

/// One file the import writes (or would write).
#[derive(Debug, Clone)]
pub struct Planned {
    pub row: usize,
    /// Root-relative path, `lessons/<initiative>/<slug>.md`.
    pub rel: String,
    pub text: String,
    /// Whether a file was there before, and whether its bytes differ from `text`.
    pub existed: bool,
    pub changed: bool,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub files: Vec<Planned>,
    pub problems: Vec<Problem>,
    /// Rows left out under `--skip-invalid`.
    pub skipped: Vec<usize>,
    /// Problems of the site's own files, not of the sheet.
    pub site_problems: usize,
    /// Whether `files` were written.
    pub written: bool,
}

/// A row on its way to a file.
struct Row {
    number: usize,
    cells: BTreeMap<Field, Cell>,
    text: String,
    rel: String,
    /// Left out of the check (a second row with the same file name).
    checked: bool,
    /// A lesson with this slug exists (`rel` is its path).
    exists: bool,
    /// Columns whose problem was found before the check (a formula error).
    reported: Vec<Field>,
    problems: Vec<Problem>,
}

/// The column that names a row's file: the file name when the sheet has that column.
fn name_column(columns: &Columns) -> String {
    match columns.fields.values().any(|(f, _)| *f == Field::Slug) {
        true => column_name(columns, Field::Slug),
        false => column_name(columns, Field::Title),
    }
}

fn column_name(columns: &Columns, field: Field) -> String {
    columns
        .fields
        .values()
        .find(|(f, _)| *f == field)
        .map(|(_, typed)| typed.clone())
        .unwrap_or(field.header().nl.into())
}

/// Reads `opts.file` and imports it into the site at `root`.
pub fn import(root: &Path, config: &Config, opts: &ImportOptions) -> ImportReport {
    let mut report = ImportReport::default();
    let whole = |m: String| vec![Problem { row: 0, column: None, message: m }];
    let table = match read::read(&opts.file, opts.sheet.as_deref()) {
        Ok(t) => t,
        Err(m) => return ImportReport { problems: whole(m), ..report },
    };
    let mut rows_iter = table.rows.into_iter();
    let Some((header_row, header)) = rows_iter.next() else {
        return ImportReport { problems: whole(msg::empty_sheet()), ..report };
    };
    let columns = match columns::parse_header(&header) {
        Ok(c) => c,
        Err(ps) => {
            let to = |(column, message)| Problem { row: header_row as usize + 1, column, message };
            return ImportReport { problems: ps.into_iter().map(to).collect(), ..report };
        }
    };
    let resolver = Resolver::new(root, config);
    let existing = existing_lessons(root);
    let make = |(r, cells)| make_row(r as usize + 1, cells, &columns, &resolver, &existing);
    let mut rows: Vec<Row> = rows_iter.map(make).collect();
    if rows.is_empty() {
        return ImportReport { problems: whole(msg::no_rows()), ..report };
    }
    mark_duplicates(&mut rows, &columns);
    for row in rows.iter_mut().filter(|r| !opts.update && (r.exists || root.join(&r.rel).exists())) {
        let message = msg::exists(&row.rel);
        row.problems.push(Problem { row: row.number, column: Some(name_column(&columns)), message });
    }
    let all: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].checked).collect();
    report.site_problems = check_rows(root, config, &mut rows, &all, &columns, &resolver);
    let bad = |rows: &[Row], i: usize| !rows[i].problems.is_empty() || !rows[i].checked;
    let mut valid: Vec<usize> = (0..rows.len()).filter(|&i| !bad(&rows, i)).collect();
    if opts.skip_invalid {
        // Without the skipped rows a link to one of them breaks: check what is left again.
        for _ in 0..5 {
            if valid.len() == rows.len() || valid.is_empty() {
                break;
            }
            check_rows(root, config, &mut rows, &valid, &columns, &resolver);
            let before = valid.len();
            valid.retain(|&i| !bad(&rows, i));
            if valid.len() == before {
                break;
            }
        }
        report.skipped = (0..rows.len()).filter(|i| !valid.contains(i)).map(|i| rows[i].number).collect();
    }
    report.problems = rows.iter_mut().flat_map(|r| std::mem::take(&mut r.problems)).collect();
    let position =
        |p: &Problem| columns.fields.iter().find(|(_, (_, t))| Some(t) == p.column.as_ref()).map(|(c, _)| *c);
    report.problems.sort_by_key(|p| (p.row, position(p)));
    report.files = valid.iter().map(|&i| plan(root, &rows[i])).collect();
    if report.problems.is_empty() || opts.skip_invalid {
        if !opts.dry_run
            && let Err(p) = write(root, &report.files)
        {
            report.problems.push(p);
            return report;
        }
        report.written = !opts.dry_run;
    }
    report
}

/// Every lesson file of the site by slug (its file name), with its root-relative path.
fn existing_lessons(root: &Path) -> HashMap<String, String> {
    let (files, _) = crate::content::load::discover(root);
    let stem = |f: &SourceFile| f.path.file_stem().and_then(|s| s.to_str()).map(slugify).unwrap_or_default();
    files.into_iter().filter(|f| f.section == Section::Lessons).map(|f| (stem(&f), f.rel)).collect()
}

/// The cells of one row by field, its lesson text and where that goes: the file of the lesson
/// with its slug where there is one, else `lessons/<initiative>/<slug>.md`.
fn make_row(
    number: usize,
    raw: BTreeMap<u32, Cell>,
    columns: &Columns,
    resolver: &Resolver,
    existing: &HashMap<String, String>,
) -> Row {
    let mut row = Row {
        number,
        cells: BTreeMap::new(),
        text: String::new(),
        rel: String::new(),
        checked: true,
        exists: false,
        reported: Vec::new(),
        problems: Vec::new(),
    };
    for (col, cell) in raw {
        match (columns.fields.get(&col), cell) {
            (None, _) if columns.ignored.contains(&col) => {}
            (None, _) => {
                let message = msg::cell_without_header(&column_letter(col));
                row.problems.push(Problem { row: number, column: None, message });
            }
            (Some((field, typed)), Cell::Error(e)) => {
                row.problems.push(Problem {
                    row: number,
                    column: Some(typed.clone()),
                    message: msg::formula_error(&e),
                });
                row.reported.push(*field);
            }
            (Some((field, _)), cell) => {
                row.cells.insert(*field, cell);
            }
        }
    }
    let draft: LessonDraft = cells::draft(&row.cells, resolver);
    let named = row.cells.get(&Field::Slug).map(|c| slugify(&c.text())).unwrap_or_default();
    let slug = if named.is_empty() { slugify(&draft.title) } else { named };
    if slug.is_empty() && !draft.title.is_empty() {
        let message = msg::title_without_letters();
        row.problems.push(Problem { row: number, column: Some(column_name(columns, Field::Title)), message });
    }
    let folder = Some(slugify(&draft.initiative)).filter(|s| !s.is_empty()).unwrap_or("zonder-initiatief".into());
    let name = if slug.is_empty() { format!("rij-{number}") } else { slug };
    row.exists = existing.contains_key(&name);
    row.rel = existing.get(&name).cloned().unwrap_or(format!("lessons/{folder}/{name}.md"));
    row.text = lessonfile::render(&draft, None);
    row
}

/// `A`, `B`, ..., `Z`, `AA`: a column as the spreadsheet names it.
fn column_letter(mut col: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Two rows that would get one file name: the later one is a problem, and is not checked.
fn mark_duplicates(rows: &mut [Row], columns: &Columns) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for row in rows.iter_mut() {
        let slug = row.rel.rsplit('/').next().unwrap_or("").trim_end_matches(".md").to_string();
        match first.get(&slug) {
            Some(&n) => {
                let message = msg::same_slug(&slug, n);
                row.problems.push(Problem {
                    row: row.number,
                    column: Some(column_name(columns, Field::Title)),
                    message,
                });
                row.checked = false;
            }
            None => {
                first.insert(slug, row.number);
            }
        }
    }
}

/// Checks the rows `which` with the real loader and validator, in the site, and adds each
/// diagnostic to its row. Returns how many problems belong to the site's own files.
fn check_rows(
    root: &Path,
    config: &Config,
    rows: &mut [Row],
    which: &[usize],
    columns: &Columns,
    resolver: &Resolver,
) -> usize {
    let extra: Vec<(SourceFile, Vec<u8>)> = which
        .iter()
        .map(|&i| {
            let r = &rows[i];
            (
                SourceFile { section: Section::Lessons, path: root.join(&r.rel), rel: r.rel.clone() },
                r.text.clone().into_bytes(),
            )
        })
        .collect();
    let by_path: HashMap<PathBuf, usize> = which.iter().map(|&i| (root.join(&rows[i].rel), i)).collect();
    let (_, diags) = crate::content::load_site_with(root, config.clone(), extra);
    let mut others = 0;
    for d in diags.into_iter().filter(Diagnostic::is_error) {
        match by_path.get(&d.file) {
            Some(&i) => {
                let row = &mut rows[i];
                let (field, body_line) = field_of(&row.text, &d);
                if !row.reported.contains(&field) {
                    let p = problem(row, field, body_line, &d, columns, resolver);
                    if !row.problems.contains(&p) {
                        row.problems.push(p);
                    }
                }
            }
            None => others += 1,
        }
    }
    others
}

/// The column a diagnostic is about, from its line in the row's text; for the body also the
/// line within the text.
fn field_of(text: &str, d: &Diagnostic) -> (Field, Option<usize>) {
    let close = text.lines().skip(1).position(|l| l == "---").map(|i| i + 2).unwrap_or(usize::MAX);
    let named = |s: &str| s.split('`').nth(1).and_then(Field::from_key);
    match d.line {
        0 => (Field::Title, None),
        1 => (named(&d.message).unwrap_or(Field::Title), None),
        l if l >= close => (Field::Body, Some(l.saturating_sub(close).max(1))),
        l => {
            let line = text.lines().nth(l - 1).unwrap_or("");
            (line.split(':').next().and_then(Field::from_key).unwrap_or(Field::Title), None)
        }
    }
}

fn problem(
    row: &Row,
    field: Field,
    body_line: Option<usize>,
    d: &Diagnostic,
    columns: &Columns,
    r: &Resolver,
) -> Problem {
    let cell = row.cells.get(&field).map(|c| c.text().trim().to_string()).unwrap_or_default();
    let show = |slug: &str| if field == Field::Body { format!("\"{slug}\"") } else { r.show(field, slug) };
    let mut message = msg::translate(d, &CellContext { cell: &cell, show: &show });
    if let (Some(n), false) = (body_line, d.code == "body-empty") {
        message = msg::at_body_line(&message, n);
    }
    Problem { row: row.number, column: Some(column_name(columns, field)), message }
}

fn plan(root: &Path, row: &Row) -> Planned {
    let old = std::fs::read(root.join(&row.rel)).ok();
    Planned {
        row: row.number,
        rel: row.rel.clone(),
        existed: old.is_some(),
        changed: old.as_deref() != Some(row.text.as_bytes()),
        text: row.text.clone(),
    }
}

/// Writes the new and changed files; files whose bytes are already right are not touched.
fn write(root: &Path, files: &[Planned]) -> Result<(), Problem> {
    for f in files.iter().filter(|f| f.changed) {
        let path = root.join(&f.rel);
        let fail = |e: std::io::Error| Problem { row: f.row, column: None, message: msg::cannot_write(&f.rel, &e) };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        std::fs::write(&path, &f.text).map_err(fail)?;
    }
    Ok(())
}
