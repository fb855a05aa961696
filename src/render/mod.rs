//! Render: turns the linked site into output files — every page through its template, plus the
//! theme's static files. Pages render in parallel; templates are compiled once per build.

pub mod api;
pub mod charts;
pub mod cms;
pub mod compare;
pub mod feeds;
pub mod glossary;
pub mod pages;
pub mod seo;
pub mod templates;
pub mod views;
pub mod wording;

use crate::config::{Config, Taxonomy};
use crate::content::model::Site;
use crate::deps::Dep;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::Links;
use crate::output::{OutFile, Sink};
use crate::strings::Strings;
use crate::urls;
use pages::{Page, PageData};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use tera::Tera;

/// The names `Theme::set_globals` gives every template.
pub const GLOBALS: [&str; 4] = ["info_pages", "site", "t", "taxonomies"];

/// The compiled theme: templates, interface strings and static files.
pub struct Theme {
    pub tera: Tera,
    pub strings: Strings,
    pub statics: BTreeMap<String, Vec<u8>>,
    /// The words each page template can name (`templates::words`).
    words: BTreeMap<String, Option<std::collections::BTreeSet<String>>>,
    /// A fingerprint of each value `set_globals` gave every template, by name and template: of
    /// the part of it the template can name.
    pub global_fingerprints: BTreeMap<(String, String), u64>,
    /// Whether `set_globals` takes the fingerprints (the preview server); a build does not.
    pub track: bool,
}

/// A fingerprint of the part of `v` a template can name: object fields not among `words` are
/// left out, at any depth (all of `v` when `words` is `None`).
fn fingerprint(v: &serde_json::Value, words: Option<&std::collections::BTreeSet<String>>) -> u64 {
    use serde_json::Value as J;
    use std::hash::{Hash, Hasher};
    fn part(v: &J, words: &std::collections::BTreeSet<String>, h: &mut std::hash::DefaultHasher) {
        match v {
            J::Object(m) => {
                for (k, x) in m.iter().filter(|(k, _)| words.contains(*k)) {
                    k.hash(h);
                    part(x, words, h);
                }
                '}'.hash(h);
            }
            J::Array(a) => {
                a.iter().for_each(|x| part(x, words, h));
                a.len().hash(h);
            }
            other => other.to_string().hash(h),
        }
    }
    let mut h = std::hash::DefaultHasher::new();
    match words {
        Some(w) => part(v, w, &mut h),
        None => v.to_string().hash(&mut h),
    }
    h.finish()
}

impl Theme {
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Diagnostics> {
        let language = config.language.as_str();
        let strings = templates::strings(root, language)?;
        let tera = templates::load(root, |tera| wording::register(tera, &strings, language))?;
        let statics = templates::merged_files(&templates::BUILTIN_STATIC, &root.join("static"))?;
        // The images config.toml names must be static files.
        let d = &config.display;
        let missing: Vec<Diagnostic> = [("logo", &d.logo), ("favicon", &d.favicon)]
            .into_iter()
            .filter(|(_, file)| !file.is_empty() && !statics.contains_key(file.trim_start_matches('/')))
            .map(|(key, file)| {
                Diagnostic::file(&config.path, crate::msg!("display-not-static", key = key, file = file))
                    .with_suggestion(crate::msg!("hint-display-static"))
            })
            .collect();
        if !missing.is_empty() {
            return Err(missing.into());
        }
        let words = templates::words(root);
        Ok(Theme { tera, strings, statics, words, global_fingerprints: BTreeMap::new(), track: false })
    }

    /// The values every template can see (`set_globals`) that `template` (with the templates
    /// it extends and includes) names: what a page made with it reads besides its context.
    /// All of them when the template cannot be read.
    pub fn globals_of(&self, template: &str) -> Vec<Dep> {
        let names = self.tera.get_template_variables(template).ok();
        GLOBALS
            .iter()
            .filter(|g| names.as_ref().is_none_or(|n| n.contains(**g)))
            .map(|g| Dep::Global(g.to_string(), template.to_string()))
            .collect()
    }

    /// Sets what every page shares: site settings, interface strings, taxonomy overview.
    pub fn set_globals(&mut self, site: &Site, links: &Links) {
        let cfg = &site.config;
        let taxonomies: Vec<_> = Taxonomy::ALL
            .iter()
            .map(|&tax| {
                serde_json::json!({
                    "field": tax.field(),
                    "name": crate::strings::taxonomy_name(&self.strings, tax),
                    "path": urls::taxonomy(tax),
                    "terms": links.terms[tax.index()].iter().map(|(slug, p)| {
                        let term = cfg.term(tax, slug).expect("links come from the vocabulary");
                        serde_json::json!({"slug": slug, "label": cfg.label(term), "path": urls::term(tax, slug),
                            "initiative_count": p.initiatives.len(), "lesson_count": p.lessons.len()})
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();
        // The site's own pages, by title, for the footer.
        let mut info: Vec<_> = site
            .pages
            .iter()
            .map(|p| serde_json::json!({"title": p.meta.title, "path": urls::info_page(&p.meta.slug)}))
            .collect();
        info.sort_by(|a, b| a["title"].as_str().cmp(&b["title"].as_str()));
        let site_value = serde_json::json!({
            "title": cfg.title, "description": cfg.description, "language": cfg.language, "base_url": cfg.base_url,
            "initiative_count": site.initiatives.len(), "lesson_count": site.lessons.len(),
            "organisation": cfg.organisation, "logo": cfg.display.logo.trim_start_matches('/'),
            "favicon": cfg.display.favicon.trim_start_matches('/'),
            "link_empty_terms": cfg.display.empty_terms == crate::config::EmptyTerms::Unlinked,
        });
        let values = [
            ("info_pages", serde_json::json!(info)),
            ("site", site_value.clone()),
            ("t", serde_json::json!(self.strings)),
            ("taxonomies", serde_json::json!(taxonomies)),
        ];
        if !self.track {
            return self.insert_globals(info, site_value, taxonomies);
        }
        self.global_fingerprints = (self.words.iter())
            .flat_map(|(template, words)| {
                values
                    .iter()
                    .map(move |(name, v)| ((name.to_string(), template.clone()), fingerprint(v, words.as_ref())))
            })
            .collect();
        let [(_, info), (_, site_value), _, (_, taxonomies)] = values;
        self.insert_globals(info, site_value, taxonomies);
    }

    fn insert_globals(
        &mut self,
        info: impl serde::Serialize,
        site_value: serde_json::Value,
        taxonomies: impl serde::Serialize,
    ) {
        let g = self.tera.global_context();
        g.insert("info_pages", &info);
        g.insert("site", &site_value);
        g.insert("t", &self.strings);
        g.insert("taxonomies", &taxonomies);
    }
}

/// What one page read of the model while it was made: its output file and its reads.
pub type PageReads = (String, Vec<Dep>);

/// Renders `pages` in parallel, handing each to `sink` as soon as it is ready. With `record`,
/// also returns what each page read (`deps`): its context's reads and the values every
/// template can see that its template names.
pub fn render_pages(
    theme: &Theme,
    data: &PageData,
    pages: &[Page],
    sink: &dyn Sink,
    record: bool,
) -> Result<Vec<PageReads>, Diagnostics> {
    let dir = data.site.root.join("templates");
    let errors = std::sync::Mutex::new(Vec::<Diagnostic>::new());
    let reads = std::sync::Mutex::new(Vec::new());
    // The globals each template reads, looked up once per template.
    let globals: BTreeMap<&str, Vec<Dep>> = match record {
        true => {
            let templates: std::collections::BTreeSet<&str> = pages.iter().map(|p| p.template()).collect();
            templates.into_iter().map(|t| (t, theme.globals_of(t))).collect()
        }
        false => BTreeMap::new(),
    };
    thread_local! {
        /// Each thread renders into one buffer it keeps: no page grows a fresh one.
        static PAGE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    pages.par_iter().for_each(|&page| {
        let (ctx, mut read) = crate::deps::recording(record, || data.context(page));
        crate::timing::page_done();
        // The page's link root as its context has it (what the `url` filter would look up).
        let root = ctx.get("root").and_then(|v| v.as_str()).unwrap_or_default();
        let portable = ctx.get("portable").and_then(|v| v.as_bool()).unwrap_or(false);
        let file = page.file(data.site);
        let result = PAGE.with_borrow_mut(|html| {
            html.clear();
            templates::links_from(root, portable, || theme.tera.render_to(page.template(), &ctx, &mut *html))
                .map_err(|e| templates::template_error(&dir, &e))
                .and_then(|()| sink.put_slice(file.clone(), html))
        });
        if record {
            read.extend(globals.get(page.template()).into_iter().flatten().cloned());
            reads.lock().unwrap_or_else(|e| e.into_inner()).push((file, read));
        }
        if let Err(d) = result {
            let mut errs = errors.lock().unwrap_or_else(|e| e.into_inner());
            if !errs.iter().any(|e| e.message == d.message) {
                errs.push(d);
            }
        }
    });
    let errors = errors.into_inner().unwrap_or_else(|e| e.into_inner());
    Diagnostics(errors).or_ok(reads.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// The theme's static files, copied to the output root.
pub fn static_files(theme: &Theme) -> Vec<OutFile> {
    theme.statics.iter().map(|(p, b)| OutFile { path: p.clone(), bytes: b.clone() }).collect()
}
