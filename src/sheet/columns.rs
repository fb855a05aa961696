//! The columns of a lessons sheet: one per front-matter field of a lesson plus the body, named
//! by the field (`themes`) or by its header in either site language (`Thema's`, `Themes`), in
//! any order and case; the export's `Link` column is passed over.

use super::messages::{self as msg, LESSON_HEADERS, LINK, Label};
use super::read::Cell;
use crate::config::Taxonomy;
use crate::content::markdown::slugify;
use crate::diagnostics::closest;
use std::collections::{BTreeMap, BTreeSet};

/// A column of the lessons sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    /// The file name without `.md` (optional: else made from the title, as `new` does).
    Slug,
    Initiative,
    Kind,
    Themes,
    Stakeholders,
    Financing,
    Domains,
    Added,
    Source,
    Body,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Title,
        Field::Slug,
        Field::Initiative,
        Field::Kind,
        Field::Themes,
        Field::Stakeholders,
        Field::Financing,
        Field::Domains,
        Field::Added,
        Field::Source,
        Field::Body,
    ];

    /// The front-matter field (`body` for the Markdown text).
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Slug => "slug",
            Field::Initiative => "initiative",
            Field::Kind => "kind",
            Field::Added => "added",
            Field::Source => "source",
            Field::Body => "body",
            f => f.taxonomy().map(Taxonomy::field).unwrap_or(""),
        }
    }

    pub fn header(self) -> Label {
        LESSON_HEADERS[self as usize]
    }

    /// A sheet without this column cannot give a valid lesson.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::Title | Field::Initiative | Field::Kind | Field::Themes | Field::Stakeholders | Field::Body
        )
    }

    pub fn taxonomy(self) -> Option<Taxonomy> {
        match self {
            Field::Themes => Some(Taxonomy::Themes),
            Field::Stakeholders => Some(Taxonomy::Stakeholders),
            Field::Financing => Some(Taxonomy::Financing),
            Field::Domains => Some(Taxonomy::Domains),
            _ => None,
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A header as compared: letters and digits only, lowercase, without accents.
fn fold_header(s: &str) -> String {
    slugify(s).replace('-', "")
}

/// The columns of the header row: the field of each, with its header as typed (for messages),
/// and the columns passed over.
#[derive(Debug, Default)]
pub struct Columns {
    pub fields: BTreeMap<u32, (Field, String)>,
    pub ignored: BTreeSet<u32>,
}

/// Reads the header row. Problems are `(header as typed, message)`; the header is `None` for a
/// problem of the row as a whole (a missing column).
pub fn parse_header(row: &BTreeMap<u32, Cell>) -> Result<Columns, Vec<(Option<String>, String)>> {
    let mut names: Vec<(String, Option<Field>)> = Vec::new();
    for f in Field::ALL {
        for n in [f.key(), f.header().nl, f.header().en] {
            names.push((fold_header(n), Some(f)));
        }
    }
    names.push((fold_header(LINK.nl), None));
    names.push((fold_header(LINK.en), None));
    let shown: Vec<&str> = Field::ALL.iter().map(|f| f.header().nl).chain([LINK.nl]).collect();
    let mut columns = Columns::default();
    let mut problems = Vec::new();
    for (&col, cell) in row {
        let typed = cell.text().trim().to_string();
        match names.iter().find(|(n, _)| *n == fold_header(&typed)) {
            Some((_, None)) => {
                columns.ignored.insert(col);
            }
            Some((_, Some(field))) => {
                if let Some((_, first)) = columns.fields.values().find(|(f, _)| f == field) {
                    problems.push((Some(typed.clone()), msg::duplicate_column(first)));
                } else {
                    columns.fields.insert(col, (*field, typed));
                }
            }
            None => {
                let all = Field::ALL.iter().flat_map(|f| [f.key(), f.header().nl, f.header().en]);
                let hint = closest(&typed, all).map(|s| Field::from_key(s).map(|f| f.header().nl).unwrap_or(s));
                problems.push((Some(typed.clone()), msg::unknown_column(&typed, hint, &shown.join(", "))));
            }
        }
    }
    for f in Field::ALL.into_iter().filter(|f| f.required()) {
        if !columns.fields.values().any(|(g, _)| *g == f) {
            problems.push((None, msg::missing_column(f.header().nl, f.key())));
        }
    }
    if problems.is_empty() { Ok(columns) } else { Err(problems) }
}
