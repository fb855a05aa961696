//! Cells the way people type them, turned into front-matter values (and back, for the export):
//! several terms in one cell split at `;` (or `,`), a term by its slug or its Dutch or English
//! label, the initiative by slug or title, the kind by slug or label, case and accents folded;
//! dates as spreadsheet dates, `YYYY-MM-DD` or `D-M-YYYY`. What matches nothing is passed on as
//! typed, for the checker to report.

use super::columns::Field;
use super::read::Cell;
use crate::config::{Config, Taxonomy};
use crate::content::lessonfile::LessonDraft;
use crate::content::load::{self, Loaded, Section};
use crate::content::markdown::slugify;
use crate::content::model::Kind;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Knows every slug with its labels: the site's vocabularies, initiatives and kinds.
pub struct Resolver {
    /// Folded slug or label → slug, per taxonomy, then initiatives, then kinds.
    maps: [HashMap<String, String>; 6],
    /// Slug → (Dutch label, English label), same order. An initiative's two labels are its title.
    labels: [HashMap<String, (String, String)>; 6],
}

const INITIATIVES: usize = 4;
const KINDS: usize = 5;

/// What a slug or label is compared as: lowercase, accents and punctuation folded.
pub fn fold(s: &str) -> String {
    slugify(s)
}

fn table(
    entries: impl Iterator<Item = (String, String, String)>,
) -> (HashMap<String, String>, HashMap<String, (String, String)>) {
    let entries: Vec<_> = entries.collect();
    let mut map = HashMap::new();
    // Labels first, slugs last: a slug always means its own term.
    for (slug, nl, en) in &entries {
        map.entry(fold(nl)).or_insert_with(|| slug.clone());
        map.entry(fold(en)).or_insert_with(|| slug.clone());
    }
    for (slug, _, _) in &entries {
        map.insert(fold(slug), slug.clone());
    }
    let labels = entries.into_iter().map(|(s, nl, en)| (s, (nl, en))).collect();
    (map, labels)
}

impl Resolver {
    /// Reads the vocabularies from `config`, the initiatives' titles from `root/initiatives/`
    /// and the kinds' labels from the site's interface strings.
    pub fn new(root: &Path, config: &Config) -> Resolver {
        let mut maps: [HashMap<String, String>; 6] = Default::default();
        let mut labels: [HashMap<String, (String, String)>; 6] = Default::default();
        for tax in Taxonomy::ALL {
            let terms = config.terms(tax).iter().map(|t| (t.slug.clone(), t.nl.clone(), t.en.clone()));
            (maps[tax.index()], labels[tax.index()]) = table(terms);
        }
        let (files, _) = load::discover(root);
        let initiatives = files.iter().filter(|f| f.section == Section::Initiatives).filter_map(|f| {
            match load::load_file(config, f).0 {
                Loaded::Initiative(i) => Some((i.meta.slug.clone(), i.meta.title.clone(), i.meta.title.clone())),
                _ => None,
            }
        });
        (maps[INITIATIVES], labels[INITIATIVES]) = table(initiatives);
        let nl = crate::render::templates::strings(root, "nl").unwrap_or_default();
        let en = crate::render::templates::strings(root, "en").unwrap_or_default();
        let kind =
            |t: &BTreeMap<String, String>, k: &str| t.get(&format!("kind_{k}")).cloned().unwrap_or(k.to_string());
        let kinds = Kind::NAMES.iter().map(|k| (k.to_string(), kind(&nl, k), kind(&en, k)));
        (maps[KINDS], labels[KINDS]) = table(kinds);
        Resolver { maps, labels }
    }

    fn slot(field: Field) -> Option<usize> {
        match field {
            Field::Initiative => Some(INITIATIVES),
            Field::Kind => Some(KINDS),
            f => f.taxonomy().map(Taxonomy::index),
        }
    }

    /// The slug a typed value stands for, or the value as typed.
    pub fn resolve(&self, field: Field, typed: &str) -> String {
        let typed = typed.trim();
        Self::slot(field).and_then(|i| self.maps[i].get(&fold(typed))).cloned().unwrap_or_else(|| typed.to_string())
    }

    /// The label of a slug in `language` for a cell of the export; the slug itself when the
    /// label would read back as another slug (so an export always imports as it was).
    pub fn label(&self, field: Field, slug: &str, language: &str) -> String {
        let Some(i) = Self::slot(field) else { return slug.to_string() };
        match self.labels[i].get(slug) {
            Some((nl, en)) => {
                let l = if language == "en" { en } else { nl };
                if self.resolve(field, l) == slug { l.clone() } else { slug.to_string() }
            }
            None => slug.to_string(),
        }
    }

    /// A suggested slug as a person would recognise it: `mantelzorg (Mantelzorg)`.
    pub fn show(&self, field: Field, slug: &str) -> String {
        match Self::slot(field).and_then(|i| self.labels[i].get(slug)) {
            Some((nl, _)) if nl != slug => format!("\"{nl}\" ({slug})"),
            _ => format!("\"{slug}\""),
        }
    }
}

/// Splits a cell of several terms: at `;` or line breaks when there are any, else at `,`.
pub fn split_list(s: &str) -> Vec<String> {
    let parts: Vec<&str> =
        if s.contains([';', '\n']) { s.split([';', '\n']).collect() } else { s.split(',').collect() };
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

/// A date cell as `YYYY-MM-DD`; text that is no date is passed on as typed.
pub fn date(cell: &Cell) -> String {
    let text = match cell {
        Cell::Date(d) => return d.to_string(),
        c => c.text().trim().to_string(),
    };
    if NaiveDate::parse_from_str(&text, "%Y-%m-%d").is_ok() {
        return text;
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts[..] {
        let n = |s: &str, max_len| {
            (s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
        };
        if let (Some(d), Some(m), Some(y), 4) = (n(d, 2), n(m, 2), n(y, 4), y.len())
            && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
        {
            return date.to_string();
        }
    }
    text
}

/// The lesson a row describes, as front-matter text: what the checker then reads.
pub fn draft(cells: &BTreeMap<Field, Cell>, r: &Resolver) -> LessonDraft {
    let text = |f: Field| cells.get(&f).map(|c| c.text().trim().to_string()).unwrap_or_default();
    let mut d = LessonDraft {
        title: text(Field::Title),
        initiative: r.resolve(Field::Initiative, &text(Field::Initiative)),
        kind: r.resolve(Field::Kind, &text(Field::Kind)),
        added: cells.get(&Field::Added).map(date).unwrap_or_default(),
        source: text(Field::Source),
        body: cells.get(&Field::Body).map(|c| c.text().replace("\r\n", "\n").replace('\r', "\n")).unwrap_or_default(),
        ..LessonDraft::default()
    };
    for f in [Field::Themes, Field::Stakeholders, Field::Financing, Field::Domains] {
        let tax = f.taxonomy().map(Taxonomy::index).unwrap_or(0);
        for term in split_list(&text(f)).iter().map(|t| r.resolve(f, t)) {
            if !d.terms[tax].contains(&term) {
                d.terms[tax].push(term);
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_people_type_them() {
        assert_eq!(date(&Cell::Text("12-3-2026".into())), "2026-03-12");
        assert_eq!(date(&Cell::Text("01/02/2026".into())), "2026-02-01");
        assert_eq!(date(&Cell::Text(" 2026-03-12 ".into())), "2026-03-12");
        assert_eq!(date(&Cell::Text("31-2-2026".into())), "31-2-2026");
        assert_eq!(date(&Cell::Text("12-3-26".into())), "12-3-26");
        assert_eq!(date(&Cell::Date(NaiveDate::from_ymd_opt(2025, 9, 28).unwrap())), "2025-09-28");
    }

    #[test]
    fn lists_split_at_semicolons_first() {
        assert_eq!(split_list("a; b ;;c"), ["a", "b", "c"]);
        assert_eq!(split_list("a, b"), ["a", "b"]);
        assert_eq!(split_list("Wonen, zorg en welzijn; b"), ["Wonen, zorg en welzijn", "b"]);
        assert_eq!(split_list("a\nb"), ["a", "b"]);
    }
}
