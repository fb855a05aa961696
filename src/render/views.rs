//! Views: what templates see of the model. Plain serialisable structs with labels in the
//! interface language and canonical output paths (templates turn paths into links with the
//! `url` filter). Built once per build and shared by all pages; the preview server keeps them
//! between rebuilds and updates the cards of the lessons that changed.

use crate::config::{Config, Taxonomy};
use crate::content::model::{Initiative, Lesson, Site};
use crate::link::Links;
use crate::strings::{Strings, taxonomy_name, teaser, tr};
use crate::urls;
use serde::Serialize;
use std::collections::HashMap;
use tera::Value;

#[derive(Debug, Clone, Serialize)]
pub struct TermRef {
    pub slug: String,
    pub label: String,
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermGroup {
    pub field: &'static str,
    pub name: String,
    pub path: String,
    pub terms: Vec<TermRef>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Hash)]
pub struct LessonCard {
    pub slug: String,
    pub title: String,
    pub path: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub initiative: String,
    pub initiative_title: String,
    pub initiative_path: String,
    pub added: String,
    pub teaser: String,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct InitiativeCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub region: String,
    pub path: String,
    pub started: String,
    pub phase: String,
    pub phase_label: String,
    pub evidence: String,
    pub evidence_label: String,
    pub lesson_count: usize,
}

/// Cards and term groups for every item, built once.
pub struct Views {
    pub lessons: Vec<LessonCard>,
    pub initiatives: Vec<InitiativeCard>,
    pub lesson_terms: Vec<Vec<TermGroup>>,
    pub initiative_terms: Vec<Vec<TermGroup>>,
    /// The cards as template values (what every list of cards clones from).
    pub lesson_values: Vec<Value>,
    pub initiative_values: Vec<Value>,
    /// Content source path → output path, for resolving links in bodies.
    pub sources: HashMap<String, String>,
}

pub fn term_groups(config: &Config, t: &Strings, terms: &[Vec<String>; 4]) -> Vec<TermGroup> {
    Taxonomy::ALL
        .iter()
        .filter(|tax| !terms[tax.index()].is_empty())
        .map(|&tax| TermGroup {
            field: tax.field(),
            name: taxonomy_name(t, tax),
            path: urls::taxonomy(tax),
            terms: terms[tax.index()]
                .iter()
                .filter_map(|s| config.term(tax, s))
                .map(|term| TermRef {
                    slug: term.slug.clone(),
                    label: config.label(term).to_string(),
                    path: urls::term(tax, &term.slug),
                })
                .collect(),
        })
        .collect()
}

fn lesson_card(site: &Site, t: &Strings, l: &Lesson) -> LessonCard {
    let init = site.initiative(&l.initiative);
    LessonCard {
        slug: l.meta.slug.clone(),
        title: l.meta.title.clone(),
        path: urls::lesson(&l.meta.slug),
        kind: l.kind.as_str(),
        kind_label: tr(t, &format!("kind_{}", l.kind.as_str())),
        initiative: l.initiative.clone(),
        initiative_title: init.map(|i| i.meta.title.clone()).unwrap_or_default(),
        initiative_path: urls::initiative(&l.initiative),
        added: l.added.map(|d| d.to_string()).unwrap_or_default(),
        teaser: teaser(&l.meta.body.text, 180),
    }
}

fn initiative_card(t: &Strings, i: &Initiative, lesson_count: usize) -> InitiativeCard {
    let label =
        |prefix: &str, v: &Option<String>| v.as_ref().map(|v| tr(t, &format!("{prefix}_{v}"))).unwrap_or_default();
    InitiativeCard {
        slug: i.meta.slug.clone(),
        title: i.meta.title.clone(),
        summary: i.summary.clone(),
        region: i.region.clone(),
        path: urls::initiative(&i.meta.slug),
        started: i.started.clone().unwrap_or_default(),
        phase: i.phase.clone().unwrap_or_default(),
        phase_label: label("phase", &i.phase),
        evidence: i.evidence.clone().unwrap_or_default(),
        evidence_label: label("evidence", &i.evidence),
        lesson_count,
    }
}

impl Views {
    pub fn build(site: &Site, links: &Links, t: &Strings) -> Views {
        use rayon::prelude::*;
        let c = &site.config;
        let lessons: Vec<LessonCard> = site.lessons.par_iter().map(|l| lesson_card(site, t, l)).collect();
        let initiatives: Vec<InitiativeCard> = site
            .initiatives
            .iter()
            .enumerate()
            .map(|(ii, i)| initiative_card(t, i, links.lessons_of[ii].len()))
            .collect();
        let mut sources = HashMap::new();
        for i in &site.initiatives {
            sources.insert(i.meta.source.clone(), urls::initiative(&i.meta.slug));
        }
        for l in &site.lessons {
            sources.insert(l.meta.source.clone(), urls::lesson(&l.meta.slug));
        }
        for p in &site.pages {
            sources.insert(p.meta.source.clone(), urls::info_page(&p.meta.slug));
        }
        Views {
            lesson_values: lessons.par_iter().map(Value::from_serializable).collect(),
            initiative_values: initiatives.iter().map(Value::from_serializable).collect(),
            lessons,
            initiatives,
            lesson_terms: site.lessons.par_iter().map(|l| term_groups(c, t, &l.meta.terms)).collect(),
            initiative_terms: site.initiatives.iter().map(|i| term_groups(c, t, &i.meta.terms)).collect(),
            sources,
        }
    }

    /// Updates the card and term groups of lesson `li` after an edit that kept every slug, source
    /// file and initiative of the site (what `build` would give now). Returns whether the card
    /// changed, that is whether the lists that show it change.
    pub fn update_lesson(&mut self, site: &Site, t: &Strings, li: usize) -> bool {
        let l = &site.lessons[li];
        self.lesson_terms[li] = term_groups(&site.config, t, &l.meta.terms);
        let card = lesson_card(site, t, l);
        if card == self.lessons[li] {
            return false;
        }
        self.lesson_values[li] = Value::from_serializable(&card);
        self.lessons[li] = card;
        true
    }
}
