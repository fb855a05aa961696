//! The lesson file as leernet writes it: the one writer of `lessons/<initiative>/<slug>.md`,
//! used by `leernet new lesson` (with a help comment above every field, in the message language) and by `leernet import`
//! (without them, the shape of every lesson in the repository). Fields come in a fixed order,
//! one line each: titles and sources as double-quoted strings, slugs plain, lists as `[a, b]`.

use super::model::Kind;
use crate::config::{Config, Taxonomy, is_slug};
use crate::tr;

/// The fields of a lesson as text, before they are checked (the loader checks them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LessonDraft {
    pub title: String,
    /// The initiative's slug (or, when it could not be resolved, what was typed).
    pub initiative: String,
    pub kind: String,
    /// Per taxonomy, indexed by `Taxonomy::index()`.
    pub terms: [Vec<String>; 4],
    /// `YYYY-MM-DD`, or empty.
    pub added: String,
    pub source: String,
    /// The Markdown body.
    pub body: String,
}

/// A double-quoted YAML string (JSON's escaping is valid YAML).
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A slug written plain; anything else (a typo with capitals, spaces or `:`) quoted, so the
/// YAML always reads back as the same text.
fn scalar(s: &str) -> String {
    let plain =
        is_slug(s) && s.starts_with(|c: char| c.is_ascii_lowercase()) && !matches!(s, "null" | "true" | "false");
    if plain { s.to_string() } else { quoted(s) }
}

fn date(s: &str) -> String {
    let iso = s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok();
    if iso { s.to_string() } else { quoted(s) }
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| scalar(s)).collect::<Vec<_>>().join(", "))
}

fn choices(config: &Config, tax: Taxonomy) -> String {
    config.terms(tax).iter().map(|t| t.slug.as_str()).collect::<Vec<_>>().join(", ")
}

/// The text of a lesson file. With `help`, every field is written (empty ones too) under a
/// comment naming its allowed values: the template of `leernet new`. Without, optional fields
/// that are empty are left out.
pub fn render(d: &LessonDraft, help: Option<&Config>) -> String {
    let mut out = String::from("---\n");
    let mut line = |comment: String, key: &str, value: String, optional_empty: bool| {
        if help.is_some() {
            out.push_str(&comment);
            out.push('\n');
        } else if optional_empty {
            return;
        }
        out.push_str(&format!("{key}: {value}\n"));
    };
    let c = |tax| help.map(|cfg| choices(cfg, tax)).unwrap_or_default();
    line(format!("# {}", tr!("new-lesson-title")), "title", quoted(&d.title), false);
    line(format!("# {}", tr!("new-lesson-initiative")), "initiative", scalar(&d.initiative), false);
    line(format!("# {}", tr!("new-lesson-kind", list = Kind::NAMES.join(", "))), "kind", scalar(&d.kind), false);
    let t = &d.terms;
    let themes = c(Taxonomy::Themes);
    line(format!("# {}", tr!("new-themes", list = themes)), "themes", list(&t[0]), false);
    let levels = c(Taxonomy::Stakeholders);
    line(format!("# {}", tr!("new-lesson-stakeholders", list = levels)), "stakeholders", list(&t[1]), false);
    let fin = c(Taxonomy::Financing);
    line(format!("# {}", tr!("new-optional-financing", list = fin)), "financing", list(&t[2]), t[2].is_empty());
    let dom = c(Taxonomy::Domains);
    line(format!("# {}", tr!("new-domains", list = dom)), "domains", list(&t[3]), t[3].is_empty());
    line(format!("# {}", tr!("new-lesson-added")), "added", date(&d.added), d.added.is_empty());
    line(format!("# {}", tr!("new-lesson-source")), "source", quoted(&d.source), d.source.is_empty());
    out.push_str("---\n");
    let body = d.body.trim_end();
    let body = body.trim_start_matches(['\n', '\r']);
    if !body.is_empty() {
        out.push_str(body);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_slugs_quoted_rest() {
        let d = LessonDraft {
            title: "Eén \"les\"".into(),
            initiative: "Proeftuin Ruwaart".into(),
            kind: "tip".into(),
            terms: [vec!["mantelzorg".into(), "null".into()], vec!["a: b".into()], vec![], vec![]],
            added: "12-3-2026".into(),
            source: String::new(),
            body: "\n\nTekst.\n\n".into(),
        };
        assert_eq!(
            render(&d, None),
            "---\ntitle: \"Eén \\\"les\\\"\"\ninitiative: \"Proeftuin Ruwaart\"\nkind: tip\n\
             themes: [mantelzorg, \"null\"]\nstakeholders: [\"a: b\"]\nadded: \"12-3-2026\"\n---\nTekst.\n"
        );
    }
}
