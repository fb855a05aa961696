//! The overview contexts of `PageData`: a taxonomy with its terms and their counts, the
//! comparison page (the view of chosen initiatives; the full matrices of a small network, the
//! per-theme matrices of a large one), and the glossary by letter.

use super::{MATRIX_MAX, PAGE_SIZE, PageData, page_count, page_of, paged};
use crate::config::Taxonomy;
use crate::deps::{Dep, read};
use crate::render::views;
use crate::strings::tr;
use crate::urls;
use serde::Serialize;
use tera::{Context, Value};

#[derive(Serialize)]
struct MatrixCell {
    count: usize,
    /// The initiative itself carries the term.
    own: bool,
    path: String,
}

#[derive(Serialize)]
struct MatrixRow {
    initiative: Value,
    cells: Vec<MatrixCell>,
}

#[derive(Serialize)]
struct MatrixTable {
    field: &'static str,
    name: String,
    columns: Vec<views::TermRef>,
    rows: Vec<MatrixRow>,
    caption: String,
}

impl PageData<'_> {
    pub(super) fn taxonomy(&self, tax: Taxonomy) -> serde_json::Value {
        let cfg = &self.site.config;
        let terms: Vec<_> = self.links.terms[tax.index()]
            .iter()
            .map(|(slug, pages)| {
                read(|| Dep::Term(tax, slug.clone()));
                let term = cfg.term(tax, slug).expect("links are built from the vocabulary");
                serde_json::json!({
                    "slug": slug, "label": cfg.label(term), "description": term.description,
                    "path": urls::term(tax, slug),
                    "initiative_count": pages.initiatives.len(), "lesson_count": pages.lessons.len(),
                })
            })
            .collect();
        serde_json::json!({
            "field": tax.field(), "name": crate::strings::taxonomy_name(self.t, tax), "path": urls::taxonomy(tax),
            "intro": tr(self.t, &format!("tax_{}_intro", tax.field())), "terms": terms,
        })
    }

    /// The comparison page: the view of chosen initiatives and, up to `MATRIX_MAX` initiatives,
    /// the full matrices; above that, links to the per-theme matrices.
    pub(super) fn matrix_page(&self, c: &mut Context) {
        let site = self.site;
        c.insert_value("compare_strings", Value::safe_string(&self.compare_strings()));
        c.insert("page_title", &tr(self.t, "matrix"));
        let full = site.initiatives.len() <= MATRIX_MAX;
        c.insert("full_matrix", &full);
        read(|| Dep::Initiatives);
        if full {
            let all: Vec<usize> = (0..site.initiatives.len()).collect();
            self.matrix_tables(c, &[Taxonomy::Themes, Taxonomy::Stakeholders], &all);
            return;
        }
        let themes: Vec<_> = self.links.terms[Taxonomy::Themes.index()]
            .iter()
            .inspect(|(slug, _)| read(|| Dep::Term(Taxonomy::Themes, slug.clone())))
            .filter(|(_, p)| !p.initiatives.is_empty())
            .map(|(slug, p)| {
                let term = site.config.term(Taxonomy::Themes, slug).expect("links come from the vocabulary");
                serde_json::json!({"label": site.config.label(term), "path": urls::theme_matrix(slug), "count": p.initiatives.len()})
            })
            .collect();
        c.insert("theme_matrices", &themes);
    }

    /// The matrix of theme `ti`'s initiatives against the levels, page `n`.
    pub(super) fn theme_matrix_page(&self, c: &mut Context, ti: usize, n: u32) {
        let slug = &self.links.terms[Taxonomy::Themes.index()][ti].0;
        let pages = self.term_members(Taxonomy::Themes, ti);
        let term = self.site.config.term(Taxonomy::Themes, slug).expect("links come from the vocabulary");
        let label = self.site.config.label(term);
        self.matrix_tables(c, &[Taxonomy::Stakeholders], page_of(&pages.initiatives, n));
        let base = urls::theme_matrix(slug);
        c.insert("pagination", &self.pagination(&base, n, page_count(pages.initiatives.len())));
        c.insert("theme", &serde_json::json!({"label": label, "path": urls::term(Taxonomy::Themes, slug)}));
        c.insert("full_matrix", &true);
        c.insert("page_title", &format!("{}: {label}", tr(self.t, "matrix")));
    }

    /// The matrices of `taxes` and the side-by-side table, for initiatives `rows`.
    fn matrix_tables(&self, c: &mut Context, taxes: &[Taxonomy], rows: &[usize]) {
        let tables: Vec<MatrixTable> = taxes.iter().map(|&tax| self.matrix(tax, rows)).collect();
        c.insert("tables", &tables);
        let side: Vec<_> = rows
            .iter()
            .map(|&ii| {
                read(|| Dep::Initiative(self.site.initiatives[ii].meta.slug.clone()));
                serde_json::json!({
                    "initiative": self.views.initiatives[ii],
                    "terms": self.views.initiative_terms[ii],
                    "figures": self.site.initiatives[ii].figures,
                })
            })
            .collect();
        c.insert("comparison", &side);
    }

    fn matrix(&self, tax: Taxonomy, rows: &[usize]) -> MatrixTable {
        let site = self.site;
        // Terms no content uses have no page worth linking: shown unlinked (an empty path), or
        // left out, as `[display] empty_terms` says. Each column keeps its vocabulary index.
        let hide = site.config.display.empty_terms == crate::config::EmptyTerms::Hidden;
        let columns: Vec<(usize, views::TermRef)> = site
            .config
            .terms(tax)
            .iter()
            .enumerate()
            .filter_map(|(ti, term)| {
                let used = self.links.terms[tax.index()]
                    .get(ti)
                    .is_some_and(|(_, p)| !p.initiatives.is_empty() || !p.lessons.is_empty());
                let path = if used { urls::term(tax, &term.slug) } else { String::new() };
                (used || !hide).then(|| {
                    (ti, views::TermRef { slug: term.slug.clone(), label: site.config.label(term).to_string(), path })
                })
            })
            .collect();
        // The rows are made on several threads: what they read is noted here, on this one.
        for (_, col) in &columns {
            read(|| Dep::Term(tax, col.slug.clone()));
        }
        for &ii in rows {
            read(|| Dep::InitiativeCard(site.initiatives[ii].meta.slug.clone()));
            read(|| Dep::LessonsOf(site.initiatives[ii].meta.slug.clone()));
            read(|| Dep::Initiative(site.initiatives[ii].meta.slug.clone()));
        }
        use rayon::prelude::*;
        let rows = rows
            .par_iter()
            .map(|&ii| (ii, &site.initiatives[ii]))
            .map(|(ii, init)| MatrixRow {
                initiative: self.views.initiative_values[ii].clone(),
                cells: columns
                    .iter()
                    .map(|&(ti, ref col)| MatrixCell {
                        count: self.links.cell(site, ii, tax, &col.slug).len(),
                        own: init.meta.terms[tax.index()].contains(&col.slug),
                        // The page of the term's list where this initiative's lessons start.
                        path: match self.links.position_in_term(tax, ti, ii) {
                            Some(p) => format!("{}#i-{}", paged(&col.path, (p / PAGE_SIZE) as u32), init.meta.slug),
                            None => col.path.clone(),
                        },
                    })
                    .collect(),
            })
            .collect();
        MatrixTable {
            field: tax.field(),
            name: crate::strings::taxonomy_name(self.t, tax),
            columns: columns.into_iter().map(|(_, col)| col).collect(),
            rows,
            caption: tr(self.t, &format!("matrix_caption_{}", tax.field())),
        }
    }
}

/// The letter a glossary term is filed under: its first letter without accents, upper case;
/// `#` for a term that starts with anything else.
pub(super) fn glossary_letter(term: &str) -> char {
    use unicode_normalization::UnicodeNormalization;
    match term.nfd().next() {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase(),
        _ => '#',
    }
}

impl PageData<'_> {
    /// The glossary as the A–Z list shows it: every letter A to Z (`id` of its group, or none when
    /// no term starts with it) with its entries. An entry shows its expansion only when that says
    /// more than the term itself, and the English gloss only in the English interface.
    pub(super) fn glossary_letters(&self) -> Vec<serde_json::Value> {
        let cfg = &self.site.config;
        let mut entries = cfg.glossary.clone();
        entries.sort_by_key(|e| e.term.to_lowercase());
        let english = cfg.language == "en";
        let mut letters: Vec<(char, Vec<serde_json::Value>)> =
            ('A'..='Z').map(|c| (c, Vec::new())).chain([('#', Vec::new())]).collect();
        for e in &entries {
            let (x, term) = (e.expansion.trim(), e.term.trim());
            let expansion = (!x.is_empty() && x.to_lowercase() != term.to_lowercase()).then_some(x);
            let letter = glossary_letter(&e.term);
            let group = letters.iter_mut().find(|(c, _)| *c == letter).expect("A–Z and #");
            group.1.push(serde_json::json!({
                "id": crate::content::markdown::slugify(&e.term), "term": e.term, "expansion": expansion,
                "definition": e.definition, "en": if english { e.en.as_str() } else { "" },
            }));
        }
        letters
            .into_iter()
            .filter(|(c, entries)| *c != '#' || !entries.is_empty())
            .map(|(c, entries)| {
                let name = if c == '#' { "overig".to_string() } else { c.to_ascii_lowercase().to_string() };
                let id = (!entries.is_empty()).then(|| format!("letter-{name}"));
                serde_json::json!({"letter": c.to_string(), "id": id, "entries": entries})
            })
            .collect()
    }
}

impl PageData<'_> {
    /// The interface strings the comparison view (`static/compare.js`) uses, as JSON for a
    /// `<script type="application/json">`.
    pub(super) fn compare_strings(&self) -> String {
        let keys = [
            "region",
            "started",
            "phase",
            "evidence",
            "tax_financing",
            "tax_domains",
            "tax_themes",
            "tax_stakeholders",
            "key_figures",
            "outcomes",
            "compare_lessons",
            "contact",
            "compare_unknown",
            "compare_missing",
            "initiative",
            "compare_caption",
            "before",
            "after",
        ];
        let map: std::collections::BTreeMap<&str, String> = keys.iter().map(|&k| (k, tr(self.t, k))).collect();
        crate::escape::to_script_json(&map)
    }
}
