//! Scaffolds for `leernet new`: a ready-to-fill initiative or lesson file with every field and
//! a comment per field (in the message language), listing the allowed values from config.toml.
//! Refuses a slug another file already uses; leaves facts (start, phase, evidence) empty.

use crate::config::{Config, Taxonomy};
use crate::content::lessonfile::{self, LessonDraft};
use crate::content::markdown::slugify;
use crate::content::model::{EVIDENCE, PHASES, PLACEHOLDER_INITIATIVE, PLACEHOLDER_LESSON};
use crate::diagnostics::closest;
use crate::tr;
use std::path::{Path, PathBuf};

fn choices(config: &Config, tax: Taxonomy) -> String {
    config.terms(tax).iter().map(|t| t.slug.as_str()).collect::<Vec<_>>().join(", ")
}

fn write_new(root: &Path, path: &Path, text: &str) -> Result<PathBuf, String> {
    if path.exists() {
        return Err(tr!("new-exists", path = path.display().to_string()));
    }
    let folder = if path.starts_with(root.join("lessons")) { "lessons" } else { "initiatives" };
    let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(other) = slug_used(&root.join(folder), &slug) {
        let other = other.strip_prefix(root).unwrap_or(&other).display().to_string();
        return Err(tr!("new-slug-used", slug = slug, other = other));
    }
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p)
            .map_err(|e| tr!("new-cannot-create", path = p.display().to_string(), error = e.to_string()))?;
    }
    std::fs::write(path, text)
        .map_err(|e| tr!("new-cannot-write", path = path.display().to_string(), error = e.to_string()))?;
    Ok(path.to_path_buf())
}

/// The content file below `dir` whose name gives the slug `slug` (slugs are unique per section).
fn slug_used(dir: &Path, slug: &str) -> Option<PathBuf> {
    walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok).map(walkdir::DirEntry::into_path).find(|p| {
        p.extension().is_some_and(|x| x == "md") && p.file_stem().is_some_and(|s| slugify(&s.to_string_lossy()) == slug)
    })
}

fn slug_of(title: &str) -> Result<String, String> {
    let s = slugify(title);
    if s.is_empty() { Err(tr!("new-title-empty")) } else { Ok(s) }
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
        let path = init_file.display().to_string();
        return Err(match closest(initiative, known.iter().map(String::as_str)) {
            Some(s) => tr!("new-no-initiative-suggest", slug = initiative, path = path, s = s),
            None => tr!("new-no-initiative", slug = initiative, path = path),
        });
    }
    let slug = slug_of(title)?;
    let draft = LessonDraft {
        title: title.to_string(),
        initiative: initiative.to_string(),
        kind: "les".into(),
        added: today.to_string(),
        body: format!(
            "{PLACEHOLDER_LESSON} Verwijs naar een ander bestand met `[tekst](@/initiatives/{initiative}.md)`.\n"
        ),
        ..LessonDraft::default()
    };
    let text = lessonfile::render(&draft, Some(config));
    write_new(root, &root.join("lessons").join(initiative).join(format!("{slug}.md")), &text)
}

/// Writes `initiatives/<slug>.md`. Start, phase and evidence are left empty (commented out):
/// a guessed value would pass as a fact.
pub fn new_initiative(root: &Path, config: &Config, title: &str, today: &str) -> Result<PathBuf, String> {
    let slug = slug_of(title)?;
    let terms = |tax| choices(config, tax);
    // (comment, the field's lines as written), in the schema's order.
    let fields: [(String, String); 16] = [
        (tr!("new-initiative-title"), format!("title: {}", lessonfile::quoted(title))),
        (tr!("new-initiative-summary"), "summary: \"\"".into()),
        (tr!("new-initiative-region"), "region: \"\"".into()),
        (tr!("new-themes", list = terms(Taxonomy::Themes)), "themes: []".into()),
        (tr!("new-initiative-stakeholders", list = terms(Taxonomy::Stakeholders)), "stakeholders: []".into()),
        (tr!("new-initiative-financing", list = terms(Taxonomy::Financing)), "financing: []".into()),
        (tr!("new-domains", list = terms(Taxonomy::Domains)), "domains: []".into()),
        (tr!("new-initiative-started"), "# started:".into()),
        (tr!("new-initiative-phase", list = PHASES.join(", ")), "# phase:".into()),
        (tr!("new-initiative-evidence", list = EVIDENCE.join(", ")), "# evidence:".into()),
        (tr!("new-initiative-organisations"), "organisations: []".into()),
        (tr!("new-initiative-outcomes"), OUTCOMES_EXAMPLE.into()),
        (tr!("new-initiative-figures"), "figures: []\n#  - label: \"Deelnemers\"\n#    value: \"300+\"".into()),
        (tr!("new-initiative-contact"), CONTACT_EXAMPLE.into()),
        (tr!("new-initiative-links"), "links: []".into()),
        (tr!("new-initiative-reviewed"), format!("last_reviewed: {today}")),
    ];
    let mut text = String::from("---\n");
    for (comment, lines) in fields {
        text.push_str(&format!("# {comment}\n{lines}\n"));
    }
    let [aanpak, resultaten] = PLACEHOLDER_INITIATIVE;
    text.push_str(&format!("---\n## Aanpak\n\n{aanpak}\n\n## Resultaten\n\n{resultaten}\n"));
    write_new(root, &root.join("initiatives").join(format!("{slug}.md")), &text)
}

const OUTCOMES_EXAMPLE: &str = r#"outcomes: []
#  - measure: "Welbevinden (rapportcijfer)"
#    before: 3.5
#    after: 8.5
#    unit: "cijfer 1-10"
#    source: "Eigen metingen""#;

const CONTACT_EXAMPLE: &str = r#"# contact:
#   name: ""
#   organisation: ""
#   url: "https://""#;
