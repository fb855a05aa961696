//! The site model: plain data, built once by `content::load` and read (never changed) by every
//! later stage. Initiatives, lessons and the site's own pages with their validated fields and their body already
//! turned into an HTML fragment, plain text and the list of links it makes.

use crate::config::Config;
use chrono::NaiveDate;
use serde::Serialize;
use std::path::PathBuf;

/// The kind of a lesson, as written in front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Les,
    Succes,
    Knelpunt,
    Tip,
    Mislukking,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Les, Kind::Succes, Kind::Knelpunt, Kind::Tip, Kind::Mislukking];
    pub const NAMES: [&'static str; 5] = ["les", "succes", "knelpunt", "tip", "mislukking"];

    pub fn parse(s: &str) -> Option<Kind> {
        Self::NAMES.iter().position(|n| *n == s).map(|i| Self::ALL[i])
    }
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

pub const PHASES: [&str; 5] = ["verkenning", "pilot", "opschaling", "geborgd", "beeindigd"];
pub const EVIDENCE: [&str; 3] = ["ervaringsverhaal", "procesevaluatie", "effectevaluatie"];

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Outcome {
    pub measure: String,
    pub before: f64,
    pub after: f64,
    pub unit: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Contact {
    pub name: String,
    pub organisation: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExtLink {
    pub title: String,
    pub url: String,
}

/// An internal link found in a body: `@/lessons/x.md#anchor` or a relative `.md` link,
/// already resolved to a path relative to the site root.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRef {
    /// Site-root-relative content path, e.g. `lessons/ozo/x.md`; empty for `#anchor` alone.
    pub target: String,
    pub anchor: Option<String>,
    pub line: usize,
    pub col: usize,
}

/// A Markdown body, rendered once at load time.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// HTML fragment; internal links still read `@/path.md#anchor` and are resolved per page.
    pub html: String,
    /// Plain text (for search and teasers).
    pub text: String,
    /// Ids of the headings, for `#anchor` checks.
    pub anchors: Vec<String>,
    pub links: Vec<LinkRef>,
    /// First line of the body in the file (for diagnostics).
    pub first_line: usize,
}

/// What initiatives and lessons share: identity, source file and taxonomy terms.
#[derive(Debug, Clone)]
pub struct Meta {
    /// The file name without `.md`; unique across the site within its section.
    pub slug: String,
    /// Path of the source file relative to the site root, with `/` separators.
    pub source: String,
    /// Absolute path of the source file.
    pub file: PathBuf,
    pub title: String,
    /// Term slugs per taxonomy, indexed by `Taxonomy::index()`.
    pub terms: [Vec<String>; 4],
    pub body: Body,
}

#[derive(Debug, Clone)]
pub struct Initiative {
    pub meta: Meta,
    pub summary: String,
    pub region: String,
    pub started: Option<String>,
    pub phase: Option<String>,
    pub evidence: Option<String>,
    pub organisations: Vec<String>,
    pub outcomes: Vec<Outcome>,
    pub figures: Vec<Figure>,
    pub contact: Option<Contact>,
    pub links: Vec<ExtLink>,
    pub last_reviewed: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Lesson {
    pub meta: Meta,
    /// Slug of the initiative this lesson belongs to.
    pub initiative: String,
    /// Line of the `initiative` field (for the "no such initiative" error).
    pub initiative_line: usize,
    pub kind: Kind,
    pub added: Option<NaiveDate>,
    pub source_ref: Option<String>,
}

/// A page of the site itself (`pages/<slug>.md`): about the network, contact, colophon,
/// accessibility statement, privacy. A title and a body; linked from every page's footer.
#[derive(Debug, Clone)]
pub struct InfoPage {
    /// Taxonomy terms are always empty.
    pub meta: Meta,
}

/// The whole site as loaded: configuration plus content, sorted by slug.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub initiatives: Vec<Initiative>,
    pub lessons: Vec<Lesson>,
    /// Sorted by slug.
    pub pages: Vec<InfoPage>,
}

impl Site {
    /// The position of the initiative with this slug (initiatives are sorted by slug).
    pub fn initiative_index(&self, slug: &str) -> Option<usize> {
        self.initiatives.binary_search_by(|i| i.meta.slug.as_str().cmp(slug)).ok()
    }

    pub fn initiative(&self, slug: &str) -> Option<&Initiative> {
        self.initiative_index(slug).map(|i| &self.initiatives[i])
    }
}

/// The example text `leernet new` writes into a new lesson's body; a body that still holds it
/// is an error, not a published page.
pub const PLACEHOLDER_LESSON: &str =
    "Schrijf hier de les in een paar alinea's: wat er gebeurde, wat het opleverde en wat een ander
initiatief ervan kan leren.";
/// The example paragraphs `leernet new` writes into a new initiative's profile.
pub const PLACEHOLDER_INITIATIVE: [&str; 2] = ["Beschrijf hier hoe het initiatief werkt.", "Wat leverde het op?"];

/// The byte offset in `body` of example text `leernet new` wrote, if any is left.
pub fn placeholder_in(body: &str) -> Option<usize> {
    // Every body is searched: one vectorised substring search per text (each starts with a
    // common letter, which slowed a combined automaton's prefilter); the leftmost match wins.
    use memchr::memmem::Finder;
    static FINDERS: std::sync::OnceLock<[Finder<'static>; 3]> = std::sync::OnceLock::new();
    let lesson_start = PLACEHOLDER_LESSON.split('\n').next().unwrap_or(PLACEHOLDER_LESSON);
    let [a, b] = PLACEHOLDER_INITIATIVE;
    let finders = FINDERS.get_or_init(|| [Finder::new(lesson_start), Finder::new(a), Finder::new(b)]);
    finders.iter().filter_map(|f| f.find(body.as_bytes())).min()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_placeholder_text_is_found() {
        let [a, b] = super::PLACEHOLDER_INITIATIVE;
        let body = format!("Echt werk. {b} en {a} {b}");
        assert_eq!(super::placeholder_in(&body), body.find(b));
        assert_eq!(super::placeholder_in("Niets."), None);
        let lesson = super::PLACEHOLDER_LESSON.split('\n').next().unwrap();
        assert_eq!(super::placeholder_in(&format!("x {lesson} {a}")), Some(2));
    }
}
