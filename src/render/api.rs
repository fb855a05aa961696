//! API: the JSON export of the whole site under `api/`, for reuse by other tools. The format is
//! documented here and in `docs/api.md` (keep the two in step; bump `SCHEMA_VERSION` on any
//! change that is not a pure addition).
//!
//! Every file is one JSON object, compact UTF-8 ending in a newline, holding
//! `"schema_version": 1`. The output is deterministic: lists are in model order (initiatives and
//! lessons by slug, terms in vocabulary order), there are no timestamps, and keys are always
//! present (`null` or `[]` when a field is not given).
//!
//! - `api/index.json`: `schema_version`, `generator` (`name`, `version`), `site` (`title`,
//!   `description`, `language`, `base_url`), `counts` (`initiatives`, `lessons`, `terms` per
//!   taxonomy field) and `files` (the paths of the other three files).
//! - `api/initiatives.json`: `initiatives`, each with `slug`, `title`, `path` (output path,
//!   relative to the site root, e.g. `initiatieven/x/`), `url` (absolute, or `null` without a
//!   base_url), `file` (Markdown source path), `summary`, `region`, `started`, `phase`,
//!   `evidence`, `themes`, `stakeholders`, `financing`, `domains` (term slugs), `organisations`,
//!   `outcomes` (`measure`, `before`, `after`, `unit`, `source`; non-finite numbers are `null`),
//!   `figures` (`label`, `value`), `contact` (`name`, `organisation`, `url`, or `null`), `links`
//!   (`title`, `url`), `last_reviewed` (`YYYY-MM-DD` or `null`), `text` (the body as plain text)
//!   and `lessons` (lesson slugs).
//! - `api/lessons.json`: `lessons`, each with `slug`, `title`, `path`, `url`, `file`,
//!   `initiative` (slug), `kind`, the four term lists, `added` (`YYYY-MM-DD` or `null`),
//!   `source` (the front-matter source reference or `null`), `text` (plain text) and `related`
//!   (slugs of related lessons, most related first).
//! - `api/taxonomies.json`: `taxonomies`, each with `field` (front-matter name), `segment` (URL
//!   segment), `path`, and `terms`, each with `slug`, `nl`, `en`, `description`, `path`,
//!   `initiative_count` and `lesson_count`.

mod lessons;

pub use lessons::{LessonsJson, entry as lesson_entry, part_key, slug_of_part};

use crate::config::Taxonomy;
use crate::content::model::{Contact, ExtLink, Figure, Meta, Outcome, Site};
use crate::deps::{self, Dep};
use crate::diagnostics::Diagnostic;
use crate::link::Links;
use crate::output::{OutFile, Sink};
use crate::urls;
use serde::Serialize;
use std::io::Write;

/// The version of the export format.
pub const SCHEMA_VERSION: u32 = 1;
pub const INDEX: &str = "api/index.json";
pub const INITIATIVES: &str = "api/initiatives.json";
pub const LESSONS: &str = "api/lessons.json";
pub const TAXONOMIES: &str = "api/taxonomies.json";

/// The term slugs of an item per taxonomy, named by the front-matter field.
#[derive(Serialize)]
struct Terms<'a> {
    themes: &'a [String],
    stakeholders: &'a [String],
    financing: &'a [String],
    domains: &'a [String],
}

/// The number of vocabulary terms per taxonomy.
#[derive(Serialize)]
struct TermCounts {
    themes: usize,
    stakeholders: usize,
    financing: usize,
    domains: usize,
}

impl<'a> Terms<'a> {
    fn of(meta: &'a Meta) -> Self {
        let t = &meta.terms;
        Terms { themes: &t[0], stakeholders: &t[1], financing: &t[2], domains: &t[3] }
    }
}

#[derive(Serialize)]
struct InitiativeOut<'a> {
    slug: &'a str,
    title: &'a str,
    path: String,
    url: Option<String>,
    file: &'a str,
    summary: &'a str,
    region: &'a str,
    started: Option<&'a str>,
    phase: Option<&'a str>,
    evidence: Option<&'a str>,
    #[serde(flatten)]
    terms: Terms<'a>,
    organisations: &'a [String],
    outcomes: &'a [Outcome],
    figures: &'a [Figure],
    contact: Option<&'a Contact>,
    links: &'a [ExtLink],
    last_reviewed: Option<String>,
    text: &'a str,
    lessons: Vec<&'a str>,
}

#[derive(Serialize)]
struct TermOut<'a> {
    slug: &'a str,
    nl: &'a str,
    en: &'a str,
    description: &'a str,
    path: String,
    initiative_count: usize,
    lesson_count: usize,
}

#[derive(Serialize)]
struct TaxonomyOut<'a> {
    field: &'static str,
    segment: &'static str,
    path: String,
    terms: Vec<TermOut<'a>>,
}

#[derive(Serialize)]
struct Generator {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct SiteOut<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
}

#[derive(Serialize)]
struct Counts {
    initiatives: usize,
    lessons: usize,
    terms: TermCounts,
}

#[derive(Serialize)]
struct IndexOut<'a> {
    schema_version: u32,
    generator: Generator,
    site: SiteOut<'a>,
    counts: Counts,
    files: [&'static str; 3],
}

fn term_counts(cfg: &crate::config::Config) -> TermCounts {
    let n = |t: Taxonomy| cfg.terms(t).len();
    TermCounts {
        themes: n(Taxonomy::Themes),
        stakeholders: n(Taxonomy::Stakeholders),
        financing: n(Taxonomy::Financing),
        domains: n(Taxonomy::Domains),
    }
}

/// `{"schema_version":1,"<key>":<value>}` and a newline, keys in that order.
fn file<T: Serialize + ?Sized>(path: &str, key: &str, value: &T) -> OutFile {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_file(&mut bytes, key, value);
    OutFile { path: path.into(), bytes }
}

/// `file`, written to `out`.
fn write_file<T: Serialize + ?Sized>(out: &mut dyn std::io::Write, key: &str, value: &T) -> std::io::Result<()> {
    write!(out, "{{\"schema_version\":{SCHEMA_VERSION},\"{key}\":")?;
    // Only a writer's error is passed on; a value that cannot be serialised is `null`, as before.
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
    match serde_json::to_writer(&mut buf, value) {
        Ok(()) => {}
        Err(e) if e.is_io() => return Err(e.into()),
        Err(_) => buf.write_all(b"null")?,
    }
    buf.flush()?;
    drop(buf);
    out.write_all(b"}\n")
}

fn slugs<'a>(site: &'a Site, idx: Option<&Vec<usize>>) -> Vec<&'a str> {
    idx.map(|v| v.iter().filter_map(|&i| site.lessons.get(i)).map(|l| l.meta.slug.as_str()).collect())
        .unwrap_or_default()
}

/// The four files of the export, in the order `index`, `initiatives`, `lessons`, `taxonomies`.
pub fn export(site: &Site, links: &Links) -> Vec<OutFile> {
    let sink = crate::output::Collect::default();
    export_into(site, links, &sink).expect("collecting in memory cannot fail");
    sink.into_files()
}

/// `export`, each file handed to `sink`; the two big ones (`initiatives.json`,
/// `lessons.json`) are written as they are made instead of being held whole.
pub fn export_into(site: &Site, links: &Links, sink: &dyn Sink) -> Result<(), Diagnostic> {
    sink.put(index_file(site))?;
    initiatives_into(site, links, sink)?;
    LessonsJson::write(site, links, sink, false)?;
    sink.put(taxonomies_file(site, links))
}

/// `api/initiatives.json`, handed to `sink` as it is made. Reads every initiative and its
/// lessons.
pub fn initiatives_into(site: &Site, links: &Links, sink: &dyn Sink) -> Result<(), Diagnostic> {
    let initiatives = initiatives_out(site, links);
    sink.put_streamed(INITIATIVES, &mut |out| write_file(out, "initiatives", &initiatives))
}

fn initiatives_out<'a>(site: &'a Site, links: &Links) -> Vec<InitiativeOut<'a>> {
    deps::read(|| Dep::Initiatives);
    for i in &site.initiatives {
        deps::read(|| Dep::Initiative(i.meta.slug.clone()));
        deps::read(|| Dep::LessonsOf(i.meta.slug.clone()));
    }
    let base = &site.config.base_url;
    site.initiatives
        .iter()
        .enumerate()
        .map(|(ii, i)| {
            let path = urls::initiative(&i.meta.slug);
            InitiativeOut {
                slug: &i.meta.slug,
                title: &i.meta.title,
                url: urls::absolute(base, &path),
                path,
                file: &i.meta.source,
                summary: &i.summary,
                region: &i.region,
                started: i.started.as_deref(),
                phase: i.phase.as_deref(),
                evidence: i.evidence.as_deref(),
                terms: Terms::of(&i.meta),
                organisations: &i.organisations,
                outcomes: &i.outcomes,
                figures: &i.figures,
                contact: i.contact.as_ref(),
                links: &i.links,
                last_reviewed: i.last_reviewed.map(|d| d.format("%Y-%m-%d").to_string()),
                text: &i.meta.body.text,
                lessons: slugs(site, links.lessons_of.get(ii)),
            }
        })
        .collect()
}

/// `api/taxonomies.json`. Reads every term's lessons and initiatives (the counts).
pub fn taxonomies_file(site: &Site, links: &Links) -> OutFile {
    for &tax in &Taxonomy::ALL {
        for t in site.config.terms(tax) {
            deps::read(|| Dep::Term(tax, t.slug.clone()));
        }
    }
    let taxonomies: Vec<TaxonomyOut> = Taxonomy::ALL
        .iter()
        .map(|&tax| TaxonomyOut {
            field: tax.field(),
            segment: tax.url_segment(),
            path: urls::taxonomy(tax),
            terms: site
                .config
                .terms(tax)
                .iter()
                .map(|t| {
                    let pages = links.term(tax, &t.slug);
                    TermOut {
                        slug: &t.slug,
                        nl: &t.nl,
                        en: &t.en,
                        description: &t.description,
                        path: urls::term(tax, &t.slug),
                        initiative_count: pages.map_or(0, |p| p.initiatives.len()),
                        lesson_count: pages.map_or(0, |p| p.lessons.len()),
                    }
                })
                .collect(),
        })
        .collect();
    file(TAXONOMIES, "taxonomies", &taxonomies)
}

/// `api/index.json`. Reads the lessons and initiatives (the counts).
pub fn index_file(site: &Site) -> OutFile {
    deps::read(|| Dep::Newest);
    deps::read(|| Dep::Initiatives);
    let cfg = &site.config;
    let index = IndexOut {
        schema_version: SCHEMA_VERSION,
        generator: Generator { name: "leernet", version: env!("CARGO_PKG_VERSION") },
        site: SiteOut {
            title: &cfg.title,
            description: &cfg.description,
            language: &cfg.language,
            base_url: &cfg.base_url,
        },
        counts: Counts { initiatives: site.initiatives.len(), lessons: site.lessons.len(), terms: term_counts(cfg) },
        files: [INITIATIVES, LESSONS, TAXONOMIES],
    };
    let mut index_bytes = serde_json::to_vec(&index).unwrap_or_else(|_| b"{}".to_vec());
    index_bytes.push(b'\n');
    OutFile { path: INDEX.into(), bytes: index_bytes }
}

#[cfg(test)]
mod tests;
