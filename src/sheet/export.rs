//! `leernet export`: the whole collection for administrators, as an `.xlsx` workbook with a
//! sheet of lessons and a sheet of initiatives (outcomes and figures flattened into columns),
//! or as two `.csv` files. Labels are in the site's language. The lessons sheet is an import
//! sheet: importing it with `--update` writes every lesson file back byte for byte.

use super::cells::Resolver;
use super::columns::Field;
use super::grid::{self, Grid, Value};
use super::messages::{self as msg, Label};
use crate::config::Taxonomy;
use crate::content::frontmatter;
use crate::content::model::{Initiative, Site};
use crate::urls;
use std::path::{Path, PathBuf};

fn terms(site: &Site, r: &Resolver, field: Field, slugs: &[String]) -> Value {
    let lang = &site.config.language;
    Value::text(slugs.iter().map(|s| r.label(field, s, lang)).collect::<Vec<_>>().join("; "))
}

const TERM_FIELDS: [Field; 4] = [Field::Themes, Field::Stakeholders, Field::Financing, Field::Domains];

/// The Markdown body of a content file as written (the model keeps only its HTML).
fn raw_body(path: &Path) -> String {
    let text = std::fs::read(path).map(|b| frontmatter::normalize(&String::from_utf8_lossy(&b))).unwrap_or_default();
    frontmatter::split(path, &text).map(|s| s.body.trim_end().to_string()).unwrap_or_default()
}

fn link(site: &Site, path: &str) -> Option<Value> {
    urls::absolute(&site.config.base_url, path).map(Value::Url)
}

/// The lessons sheet: the import's columns, then the page's address when `base_url` is set.
pub fn lessons(site: &Site, r: &Resolver) -> Grid {
    let lang = site.config.language.as_str();
    let with_link = !site.config.base_url.is_empty();
    let mut headers: Vec<String> = Field::ALL.iter().map(|f| f.header().get(lang).to_string()).collect();
    let mut widths = vec![50.0, 30.0, 28.0, 12.0, 40.0, 30.0, 30.0, 20.0, 12.0, 40.0, 80.0];
    if with_link {
        headers.push(msg::LINK.get(lang).into());
        widths.push(45.0);
    }
    let mut lessons: Vec<_> = site.lessons.iter().collect();
    lessons.sort_by(|a, b| a.meta.source.cmp(&b.meta.source));
    let rows = lessons
        .iter()
        .map(|l| {
            let mut row = vec![
                Value::text(l.meta.title.clone()),
                Value::text(l.meta.slug.clone()),
                Value::text(r.label(Field::Initiative, &l.initiative, lang)),
                Value::text(r.label(Field::Kind, l.kind.as_str(), lang)),
            ];
            for (f, tax) in TERM_FIELDS.iter().zip(Taxonomy::ALL) {
                row.push(terms(site, r, *f, &l.meta.terms[tax.index()]));
            }
            row.push(l.added.map(Value::Date).unwrap_or(Value::Empty));
            row.push(Value::text(l.source_ref.clone().unwrap_or_default()));
            row.push(Value::text(raw_body(&l.meta.file)));
            row.extend(with_link.then(|| link(site, &urls::lesson(&l.meta.slug))).flatten());
            row
        })
        .collect();
    let row_names = lessons.iter().map(|l| l.meta.source.clone()).collect();
    Grid { name: msg::SHEET_LESSONS.get(lang).into(), headers, widths, rows, row_names }
}

fn numbered(label: Label, n: usize, parts: &[Label], lang: &str) -> Vec<String> {
    parts.iter().map(|p| format!("{} {n}: {}", label.get(lang), p.get(lang))).collect()
}

/// The initiatives sheet: every field, outcomes and figures one group of columns each.
pub fn initiatives(site: &Site, r: &Resolver) -> Grid {
    let lang = site.config.language.as_str();
    let outcomes = site.initiatives.iter().map(|i| i.outcomes.len()).max().unwrap_or(0);
    let figures = site.initiatives.iter().map(|i| i.figures.len()).max().unwrap_or(0);
    let mut headers: Vec<String> = msg::INITIATIVE_HEADERS.iter().map(|h| h.get(lang).to_string()).collect();
    let mut widths = vec![35.0, 22.0, 50.0, 18.0, 40.0, 30.0, 30.0, 20.0, 10.0, 12.0, 16.0, 40.0, 8.0];
    for n in 1..=outcomes {
        headers.extend(numbered(msg::OUTCOME, n, &msg::OUTCOME_PARTS, lang));
        widths.extend([30.0, 8.0, 8.0, 14.0, 25.0]);
    }
    for n in 1..=figures {
        headers.extend(numbered(msg::FIGURE, n, &msg::FIGURE_PARTS, lang));
        widths.extend([25.0, 12.0]);
    }
    headers.extend(msg::INITIATIVE_TAIL.iter().map(|h| h.get(lang).to_string()));
    widths.extend([20.0, 25.0, 30.0, 50.0, 14.0]);
    let with_link = !site.config.base_url.is_empty();
    if with_link {
        headers.push(msg::LINK.get(lang).into());
        widths.push(45.0);
    }
    let rows = site.initiatives.iter().map(|i| initiative_row(site, r, i, outcomes, figures, with_link)).collect();
    let row_names = site.initiatives.iter().map(|i| i.meta.source.clone()).collect();
    Grid { name: msg::SHEET_INITIATIVES.get(lang).into(), headers, widths, rows, row_names }
}

fn initiative_row(
    site: &Site,
    r: &Resolver,
    i: &Initiative,
    outcomes: usize,
    figures: usize,
    link_col: bool,
) -> Vec<Value> {
    let lessons = site.lessons.iter().filter(|l| l.initiative == i.meta.slug).count();
    let mut row = vec![
        Value::text(i.meta.title.clone()),
        Value::text(i.meta.slug.clone()),
        Value::text(i.summary.clone()),
        Value::text(i.region.clone()),
    ];
    for (f, tax) in TERM_FIELDS.iter().zip(Taxonomy::ALL) {
        row.push(terms(site, r, *f, &i.meta.terms[tax.index()]));
    }
    let started = i.started.clone().unwrap_or_default();
    row.push(match started.parse::<f64>() {
        Ok(year) => Value::Number(year),
        Err(_) => {
            chrono::NaiveDate::parse_from_str(&started, "%Y-%m-%d").map(Value::Date).unwrap_or(Value::text(started))
        }
    });
    row.push(Value::text(i.phase.clone().unwrap_or_default()));
    row.push(Value::text(i.evidence.clone().unwrap_or_default()));
    row.push(Value::text(i.organisations.join("; ")));
    row.push(Value::Number(lessons as f64));
    for n in 0..outcomes {
        match i.outcomes.get(n) {
            Some(o) => row.extend([
                Value::text(o.measure.clone()),
                Value::Number(o.before),
                Value::Number(o.after),
                Value::text(o.unit.clone()),
                Value::text(o.source.clone()),
            ]),
            None => row.extend(std::iter::repeat_n(Value::Empty, 5)),
        }
    }
    for n in 0..figures {
        match i.figures.get(n) {
            Some(f) => row.extend([Value::text(f.label.clone()), Value::text(f.value.clone())]),
            None => row.extend([Value::Empty, Value::Empty]),
        }
    }
    let c = i.contact.clone().unwrap_or_default();
    row.extend([Value::text(c.name), Value::text(c.organisation), Value::text(c.url)]);
    row.push(Value::text(i.links.iter().map(|l| format!("{} <{}>", l.title, l.url)).collect::<Vec<_>>().join("; ")));
    row.push(i.last_reviewed.map(Value::Date).unwrap_or(Value::Empty));
    if link_col {
        row.extend(link(site, &urls::initiative(&i.meta.slug)));
    }
    row
}

/// Writes the export to `out` (`.xlsx`, or `.csv` plus `<name>-initiatieven.csv`). Returns the
/// files written.
pub fn export(site: &Site, out: &Path) -> Result<Vec<PathBuf>, String> {
    let ext = out.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let r = Resolver::new(&site.root, &site.config);
    let (lessons, initiatives) = (lessons(site, &r), initiatives(site, &r));
    match ext.as_str() {
        "xlsx" => {
            let mut book = rust_xlsxwriter::Workbook::new();
            grid::add_sheet(&mut book, &lessons)?;
            grid::add_sheet(&mut book, &initiatives)?;
            grid::save(&mut book, out)?;
            Ok(vec![out.to_path_buf()])
        }
        "csv" => {
            let lang = site.config.language.as_str();
            let delimiter = if lang == "nl" { b';' } else { b',' };
            let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or("export");
            let second = out.with_file_name(format!("{stem}{}.csv", msg::CSV_INITIATIVES_SUFFIX.get(lang)));
            grid::write_csv(out, &lessons, delimiter)?;
            grid::write_csv(&second, &initiatives, delimiter)?;
            Ok(vec![out.to_path_buf(), second])
        }
        _ => Err(msg::unknown_export_type()),
    }
}
