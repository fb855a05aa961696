//! Scaffolds for `leernet new`: a ready-to-fill initiative or lesson file with every field and
//! a comment per field, listing the allowed values from config.toml.

use crate::config::{Config, Taxonomy};
use crate::content::lessonfile::{self, LessonDraft};
use crate::content::markdown::slugify;
use crate::content::model::{EVIDENCE, PHASES};
use crate::diagnostics::closest;
use std::path::{Path, PathBuf};

fn choices(config: &Config, tax: Taxonomy) -> String {
    config.terms(tax).iter().map(|t| t.slug.as_str()).collect::<Vec<_>>().join(", ")
}

fn write_new(path: &Path, text: &str) -> Result<PathBuf, String> {
    if path.exists() {
        return Err(format!("{} already exists; choose another title or edit that file", path.display()));
    }
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p).map_err(|e| format!("cannot create {}: {e}", p.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path.to_path_buf())
}

fn slug_of(title: &str) -> Result<String, String> {
    let s = slugify(title);
    if s.is_empty() {
        Err("the title needs at least one letter or digit to make a file name from".into())
    } else {
        Ok(s)
    }
}

/// Writes `lessons/<initiative>/<slug>.md`: the template of `content::lessonfile`, with help.
pub fn new_lesson(root: &Path, config: &Config, initiative: &str, title: &str, today: &str) -> Result<PathBuf, String> {
    let init_file = root.join("initiatives").join(format!("{initiative}.md"));
    if !init_file.exists() {
        let known: Vec<String> = std::fs::read_dir(root.join("initiatives"))
            .map(|rd| {
                rd.flatten().filter_map(|e| e.path().file_stem().map(|s| s.to_string_lossy().into_owned())).collect()
            })
            .unwrap_or_default();
        let hint = closest(initiative, known.iter().map(String::as_str))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        return Err(format!("there is no initiative `{initiative}` (no file {}){hint}", init_file.display()));
    }
    let slug = slug_of(title)?;
    let draft = LessonDraft {
        title: title.to_string(),
        initiative: initiative.to_string(),
        kind: "les".into(),
        added: today.to_string(),
        body: format!(
            "Schrijf hier de les in een paar alinea's: wat er gebeurde, wat het opleverde en wat een ander\n\
             initiatief ervan kan leren. Verwijs naar een ander bestand met `[tekst](@/initiatives/{initiative}.md)`.\n"
        ),
        ..LessonDraft::default()
    };
    let text = lessonfile::render(&draft, Some(config));
    write_new(&root.join("lessons").join(initiative).join(format!("{slug}.md")), &text)
}

/// Writes `initiatives/<slug>.md`.
pub fn new_initiative(root: &Path, config: &Config, title: &str, today: &str) -> Result<PathBuf, String> {
    let slug = slug_of(title)?;
    let text = format!(
        r#"---
# The name of the initiative.
title: {title}
# One sentence that says what the initiative does.
summary: ""
# Municipality or region.
region: ""
# Themes, at least one of: {themes}.
themes: []
# Stakeholder levels involved, at least one of: {stakeholders}.
stakeholders: []
# Financing models, at least one of: {financing}.
financing: []
# Optional. Legal financing domains: {domains}.
domains: []
# Optional. Start: a year (2014) or a date (2013-04-10).
started: {year}
# Optional. Phase: {phases}.
phase: pilot
# Optional. Strength of evidence: {evidence}.
evidence: ervaringsverhaal
# Optional. Organisations taking part.
organisations: []
# Optional. Measured outcomes: a measure with a number before and after.
outcomes: []
#  - measure: "Welbevinden (rapportcijfer)"
#    before: 3.5
#    after: 8.5
#    unit: "cijfer 1-10"
#    source: "Eigen metingen"
# Optional. Key figures: a label and a value (text).
figures: []
#  - label: "Deelnemers"
#    value: "300+"
# Optional. Contact: name, organisation, url.
# contact:
#   name: ""
#   organisation: ""
#   url: "https://"
# Optional. Further reading: title and url.
links: []
# Optional. When this profile was last checked, YYYY-MM-DD.
last_reviewed: {today}
---
## Aanpak

Beschrijf hier hoe het initiatief werkt.

## Resultaten

Wat leverde het op?
"#,
        title = lessonfile::quoted(title),
        themes = choices(config, Taxonomy::Themes),
        stakeholders = choices(config, Taxonomy::Stakeholders),
        financing = choices(config, Taxonomy::Financing),
        domains = choices(config, Taxonomy::Domains),
        year = &today[..4],
        phases = PHASES.join(", "),
        evidence = EVIDENCE.join(", "),
    );
    write_new(&root.join("initiatives").join(format!("{slug}.md")), &text)
}
