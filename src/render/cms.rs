//! The web form for programme staff: `admin/index.html` and `admin/config.yml` for Decap CMS,
//! generated from config.toml's vocabularies and the content model's fields, so the form can
//! never drift from what `check` accepts. Written only when config.toml has a `[cms]` table.
//! The admin page is the only page that loads a script from elsewhere: the Decap bundle,
//! pinned to one version and checked with a Subresource Integrity hash (or the site's own copy).

use crate::config::{CmsConfig, Config, Taxonomy};
use crate::content::load::{INITIATIVE_FIELDS, LESSON_FIELDS};
use crate::content::model::{EVIDENCE, Kind, PHASES, Site};
use crate::output::OutFile;
use crate::tr;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The Decap CMS release the admin loads, and the SRI hash of its `dist/decap-cms.js`
/// (`tests/cms.rs` checks it against the npm package in node_modules).
pub const DECAP_VERSION: &str = "3.16.3";
pub const DECAP_SRI: &str = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";

/// The admin files, or none without `[cms]`. `strings` are the theme's interface strings
/// (labels of kinds, phases and evidence levels).
pub fn admin_files(site: &Site, strings: &BTreeMap<String, String>) -> Vec<OutFile> {
    let config = &site.config;
    let Some(cms) = &config.cms else { return Vec::new() };
    let yaml = config_yml(config, cms, strings);
    vec![
        OutFile { path: "admin/index.html".into(), bytes: index_html(site, cms, strings).into_bytes() },
        OutFile { path: "admin/config.yml".into(), bytes: yaml.into_bytes() },
    ]
}

/// The page: Decap reads `config.yml` from the same folder by itself.
fn index_html(site: &Site, cms: &CmsConfig, strings: &BTreeMap<String, String>) -> String {
    let config = &site.config;
    let esc = |s: &str| crate::escape::xml(s);
    let script = match &cms.script {
        Some(own) => format!(r#"<script src="{}"></script>"#, esc(own)),
        None => format!(
            r#"<script src="https://unpkg.com/decap-cms@{DECAP_VERSION}/dist/decap-cms.js" integrity="{DECAP_SRI}" crossorigin="anonymous"></script>"#
        ),
    };
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
</head>
<body>
{script}
<script>{preview}</script>
</body>
</html>
"#,
        lang = esc(&config.language),
        preview = include_str!("cms_preview.js").replace("/*LABELS*/null", &preview_labels(site, strings)),
        title = esc(&tr!("cms-page-title", site = &config.title)),
    )
}

/// What the preview shows instead of slugs: kind labels, initiative titles, term labels.
fn preview_labels(site: &Site, strings: &BTreeMap<String, String>) -> String {
    let config = &site.config;
    let kinds: BTreeMap<&str, &str> =
        Kind::NAMES.iter().map(|k| (*k, strings.get(&format!("kind_{k}")).map_or(*k, String::as_str))).collect();
    let initiatives: BTreeMap<&str, &str> =
        site.initiatives.iter().map(|i| (i.meta.slug.as_str(), i.meta.title.as_str())).collect();
    let taxonomies: Vec<Value> = Taxonomy::ALL
        .iter()
        .map(|&tax| {
            let terms: BTreeMap<&str, &str> =
                config.terms(tax).iter().map(|t| (t.slug.as_str(), config.label(t))).collect();
            json!({"field": tax.field(), "name": label_hint(tax.field()).0, "terms": terms})
        })
        .collect();
    crate::escape::to_script_json(&json!({"kinds": kinds, "initiatives": initiatives, "taxonomies": taxonomies}))
}

/// `admin/config.yml`: backend, editorial workflow, and the two collections.
pub fn config_value(config: &Config, cms: &CmsConfig, strings: &BTreeMap<String, String>) -> Value {
    let mut backend = json!({"name": cms.backend, "repo": cms.repo, "branch": cms.branch,
        "squash_merges": true});
    let optional = [("base_url", &cms.base_url), ("auth_endpoint", &cms.auth_endpoint), ("app_id", &cms.app_id)];
    for (key, value) in optional.into_iter().chain([("auth_type", &cms.auth_type)]) {
        if let Some(v) = value {
            backend[key] = json!(v);
        }
    }
    let mut v = json!({
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "locale": if config.language == "en" { "en" } else { "nl" },
        "media_folder": "static/uploads",
        "public_folder": "/uploads",
        "slug": {"encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-"},
        "collections": [initiatives(config, strings), lessons(config, strings)],
    });
    if !config.base_url.is_empty() {
        v["site_url"] = json!(config.base_url);
        v["display_url"] = json!(config.base_url);
    }
    v
}

fn config_yml(config: &Config, cms: &CmsConfig, strings: &BTreeMap<String, String>) -> String {
    let v = config_value(config, cms, strings);
    let yaml = serde_saphyr::to_string(&v).unwrap_or_else(|_| serde_json::to_string_pretty(&v).unwrap_or_default());
    format!("# {}\n{yaml}", tr!("cms-config-comment"))
}

fn initiatives(config: &Config, strings: &BTreeMap<String, String>) -> Value {
    let mut fields: Vec<Value> = INITIATIVE_FIELDS.iter().filter_map(|f| field(config, strings, f, true)).collect();
    fields.push(body());
    json!({
        "name": "initiatives", "label": tr!("cms-initiatives"), "label_singular": tr!("cms-initiative"),
        "folder": "initiatives", "create": true, "extension": "md", "format": "frontmatter",
        "slug": "{{slug}}", "identifier_field": "title", "summary": "{{title}} ({{region}})",
        "preview_path": "initiatieven/{{filename}}/", "fields": fields,
    })
}

fn lessons(config: &Config, strings: &BTreeMap<String, String>) -> Value {
    let mut fields: Vec<Value> = LESSON_FIELDS.iter().filter_map(|f| field(config, strings, f, false)).collect();
    fields.push(body());
    json!({
        "name": "lessons", "label": tr!("cms-lessons"), "label_singular": tr!("cms-lesson"),
        "folder": "lessons", "path": "{{initiative}}/{{slug}}", "create": true, "extension": "md",
        "format": "frontmatter", "slug": "{{slug}}", "identifier_field": "title",
        "summary": "{{title}} ({{initiative}})", "preview_path": "lessen/{{filename}}/", "fields": fields,
    })
}

fn body() -> Value {
    json!({"name": "body", "label": tr!("cms-label-body"), "widget": "markdown", "hint": tr!("cms-hint-body"),
        "modes": ["rich_text", "raw"]})
}

fn base(name: &str, label: String, hint: String, widget: &str, required: bool) -> Value {
    json!({"name": name, "label": label, "hint": hint, "widget": widget, "required": required})
}

fn options(pairs: impl Iterator<Item = (String, String)>) -> Vec<Value> {
    pairs.map(|(label, value)| json!({"label": label, "value": value})).collect()
}

fn terms(config: &Config, tax: Taxonomy, required: bool, label: String, hint: String) -> Value {
    let opts = options(config.terms(tax).iter().map(|t| (config.label(t).to_string(), t.slug.clone())));
    let mut v = base(tax.field(), label, hint, "select", required);
    v["multiple"] = json!(true);
    v["options"] = json!(opts);
    if required {
        v["min"] = json!(1);
    }
    v
}

fn choice(name: &str, names: &[&str], prefix: &str, strings: &BTreeMap<String, String>, required: bool) -> Value {
    let label = |n: &str| strings.get(&format!("{prefix}_{n}")).cloned().unwrap_or_else(|| n.to_string());
    let (l, h) = label_hint(name);
    let mut v = base(name, l, h, "select", required);
    v["options"] = json!(options(names.iter().map(|n| (label(n), n.to_string()))));
    v
}

fn date(name: &str) -> Value {
    let (l, h) = label_hint(name);
    let mut v = base(name, l, h, "datetime", false);
    for (k, x) in [("format", json!("YYYY-MM-DD")), ("date_format", json!("DD-MM-YYYY")), ("time_format", json!(false))]
    {
        v[k] = x;
    }
    v["picker_utc"] = json!(true);
    v
}

fn text(name: &str, required: bool) -> Value {
    let (l, h) = label_hint(name);
    base(name, l, h, "string", required)
}

fn group(name: &str, widget: &str, subfields: &[(&str, &str, bool)]) -> Value {
    let (l, h) = label_hint(name);
    let mut v = base(name, l, h, widget, false);
    let fields: Vec<Value> = subfields
        .iter()
        .map(|(sub, w, req)| {
            let (l, h) = label_hint(&format!("{name}-{sub}"));
            let mut f = base(sub, l, h, w, *req);
            if *w == "number" {
                f["value_type"] = json!("float");
            }
            f
        })
        .collect();
    v["fields"] = json!(fields);
    v
}

/// Label and hint of a field from the catalogue (`cms-label-<field>`, `cms-hint-<field>`).
fn label_hint(name: &str) -> (String, String) {
    let id = name.replace('_', "-");
    (crate::i18n::text(&format!("cms-label-{id}"), None), crate::i18n::text(&format!("cms-hint-{id}"), None))
}

/// The widget of one schema field; `None` for a field this form does not know (a test keeps
/// every field of the schema here).
fn field(config: &Config, strings: &BTreeMap<String, String>, name: &str, initiative: bool) -> Option<Value> {
    // A vocabulary's hint starts with its description, as the site's taxonomy page gives it.
    let tax = |t: Taxonomy, required: bool| {
        let (l, h) = label_hint(name);
        let h = match strings.get(&format!("tax_{}_intro", t.field())) {
            Some(intro) => format!("{intro} {h}"),
            None => h,
        };
        terms(config, t, required, l, h)
    };
    Some(match name {
        "title" => text("title", true),
        "summary" => {
            let (l, h) = label_hint(name);
            base(name, l, h, "text", true)
        }
        "region" => text("region", true),
        "themes" => tax(Taxonomy::Themes, true),
        "stakeholders" => tax(Taxonomy::Stakeholders, true),
        "financing" => tax(Taxonomy::Financing, initiative),
        "domains" => tax(Taxonomy::Domains, false),
        "started" => {
            let mut v = text("started", false);
            v["pattern"] = json!(["^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$", tr!("cms-pattern-started")]);
            v
        }
        "phase" => choice("phase", &PHASES, "phase", strings, false),
        "evidence" => choice("evidence", &EVIDENCE, "evidence", strings, false),
        "organisations" => {
            let (l, h) = label_hint(name);
            base(name, l, h, "list", false)
        }
        "outcomes" => group(
            "outcomes",
            "list",
            &[
                ("measure", "string", true),
                ("before", "number", true),
                ("after", "number", true),
                ("unit", "string", false),
                ("source", "string", false),
            ],
        ),
        "figures" => group("figures", "list", &[("label", "string", true), ("value", "string", true)]),
        "links" => group("links", "list", &[("title", "string", true), ("url", "string", true)]),
        "contact" => group(
            "contact",
            "object",
            &[("name", "string", false), ("organisation", "string", false), ("url", "string", false)],
        ),
        "last_reviewed" | "added" => date(name),
        "initiative" => {
            let (l, h) = label_hint(name);
            let mut v = base(name, l, h, "relation", true);
            for (k, x) in [
                ("collection", json!("initiatives")),
                ("search_fields", json!(["title", "region"])),
                ("display_fields", json!(["title", "region"])),
                ("value_field", json!("{{slug}}")),
            ] {
                v[k] = x;
            }
            v
        }
        "kind" => choice("kind", &Kind::NAMES, "kind", strings, true),
        "source" => text("source", false),
        _ => return None,
    })
}
