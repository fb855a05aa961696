//! Site configuration (`config.toml`): site settings and the controlled vocabularies of the
//! four taxonomies, plus the glossary. Parsed once; read-only afterwards.

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::msg;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The four taxonomies. Their order here is the order used on every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Taxonomy {
    Themes,
    Stakeholders,
    Financing,
    Domains,
}

impl Taxonomy {
    pub const ALL: [Taxonomy; 4] = [Taxonomy::Themes, Taxonomy::Stakeholders, Taxonomy::Financing, Taxonomy::Domains];

    /// The front-matter field (and config.toml table) that holds this taxonomy.
    pub fn field(self) -> &'static str {
        match self {
            Taxonomy::Themes => "themes",
            Taxonomy::Stakeholders => "stakeholders",
            Taxonomy::Financing => "financing",
            Taxonomy::Domains => "domains",
        }
    }

    /// The Dutch URL segment of the taxonomy (`/thema/<term>/`).
    pub fn url_segment(self) -> &'static str {
        match self {
            Taxonomy::Themes => "thema",
            Taxonomy::Stakeholders => "niveau",
            Taxonomy::Financing => "financiering",
            Taxonomy::Domains => "domein",
        }
    }

    /// The search-page query parameter for this facet.
    pub fn facet_param(self) -> &'static str {
        self.url_segment()
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One term of a controlled vocabulary.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub slug: String,
    /// Dutch label.
    pub nl: String,
    /// English label.
    pub en: String,
    /// One-line description.
    #[serde(default)]
    pub description: String,
    /// The term says the sources do not describe this (like financing `onbekend`, "Niet
    /// beschreven"): shown with its label like any term, but never given out as a fact about
    /// an initiative (left out of the JSON-LD keywords).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_described: bool,
}

/// One glossary entry: a Dutch term a reader meets, explained.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    #[serde(default)]
    pub expansion: String,
    pub definition: String,
    #[serde(default)]
    pub en: String,
}

/// When to write the full elasticlunr JSON export beside the sharded index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ExportPolicy {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    pub elasticlunr_export: ExportPolicy,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig { elasticlunr_export: ExportPolicy::Auto }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ContentConfig {
    /// Keep raw HTML in Markdown as written (only for sites whose authors are all trusted).
    pub trusted_html: bool,
    /// Largest content file accepted, in bytes.
    pub max_file_size: u64,
    /// A folder of source texts (relative to the site root) that `check` compares the content
    /// with, warning about copied runs of words.
    pub sources: Option<String>,
}

/// `[cms]`: the web form for programme staff (Decap CMS), written to `admin/` by the build.
/// Without this table no admin is written.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CmsConfig {
    /// `github`, `gitlab` or `gitea`: where the form opens its pull requests.
    pub backend: String,
    /// The repository, as `owner/name`.
    pub repo: String,
    /// The branch pull requests go to.
    #[serde(default = "default_branch")]
    pub branch: String,
    /// The OAuth helper's address (self-hosted login), and its path.
    pub base_url: Option<String>,
    pub auth_endpoint: Option<String>,
    /// The OAuth application's client id, and `pkce` for a login without a helper (GitLab,
    /// Gitea).
    pub app_id: Option<String>,
    pub auth_type: Option<String>,
    /// A self-hosted Decap bundle to load instead of the pinned one from unpkg.
    pub script: Option<String>,
}

pub const CMS_BACKENDS: [&str; 3] = ["github", "gitlab", "gitea"];

fn default_branch() -> String {
    "main".into()
}

impl Default for ContentConfig {
    fn default() -> Self {
        ContentConfig { trusted_html: false, max_file_size: 1024 * 1024, sources: None }
    }
}

/// The organisation behind the network, shown in every page's footer (`[organisation]`).
#[derive(Debug, Clone, Deserialize, Default, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Organisation {
    pub name: String,
    /// Its website.
    pub url: String,
    pub email: String,
}

/// Terms that no initiative or lesson uses yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EmptyTerms {
    /// Shown, but not linked: their page would list nothing.
    #[default]
    Unlinked,
    /// Left out of the overviews.
    Hidden,
}

/// How the site looks (`[display]`): its images and what it does with empty terms.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Display {
    /// An image among the static files (e.g. `logo.svg` in `static/`), shown before the title;
    /// empty: the title alone.
    pub logo: String,
    /// The icon browsers show in the tab, among the static files.
    pub favicon: String,
    pub empty_terms: EmptyTerms,
}

impl Default for Display {
    fn default() -> Self {
        Display { logo: String::new(), favicon: "favicon.svg".into(), empty_terms: EmptyTerms::Unlinked }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    base_url: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default)]
    portable: bool,
    #[serde(default)]
    themes: Vec<Term>,
    #[serde(default)]
    stakeholders: Vec<Term>,
    #[serde(default)]
    financing: Vec<Term>,
    #[serde(default)]
    domains: Vec<Term>,
    #[serde(default)]
    glossary: Vec<GlossaryEntry>,
    #[serde(default)]
    search: SearchConfig,
    #[serde(default)]
    content: ContentConfig,
    cms: Option<CmsConfig>,
    #[serde(default)]
    organisation: Organisation,
    #[serde(default)]
    display: Display,
}

fn default_language() -> String {
    "nl".into()
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub path: PathBuf,
    pub title: String,
    pub description: String,
    /// Without trailing slash; empty when not set.
    pub base_url: String,
    /// Interface language: `nl` or `en`.
    pub language: String,
    pub portable: bool,
    /// Vocabulary per taxonomy, indexed by `Taxonomy::index()`.
    pub vocab: [Vec<Term>; 4],
    pub glossary: Vec<GlossaryEntry>,
    pub search: SearchConfig,
    pub content: ContentConfig,
    pub cms: Option<CmsConfig>,
    pub organisation: Organisation,
    pub display: Display,
}

pub const LANGUAGES: [&str; 2] = ["nl", "en"];

impl Config {
    /// Reads and validates `config.toml` in `root`.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join("config.toml");
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => return Err(Diagnostic::file(&path, msg!("config-not-utf8")).into()),
            },
            Err(e) => {
                return Err(Diagnostic::file(&path, msg!("config-cannot-read", error = e.to_string())).into());
            }
        };
        Self::parse(&path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostics> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            Diagnostic::new(path, line, col, msg!("config-syntax", detail = e.message().trim()))
        })?;
        let mut errors = Vec::new();
        let language = raw.language.to_lowercase();
        if !LANGUAGES.contains(&language.as_str()) {
            errors.push(Diagnostic::file(
                path,
                msg!("language-unsupported", value = &raw.language, list = LANGUAGES.join(", ")),
            ));
        }
        let vocab = [raw.themes, raw.stakeholders, raw.financing, raw.domains];
        for (tax, terms) in Taxonomy::ALL.iter().zip(&vocab) {
            let mut seen = HashSet::new();
            for t in terms {
                if !is_slug(&t.slug) {
                    errors.push(Diagnostic::file(path, msg!("term-bad-slug", field = tax.field(), slug = &t.slug)));
                }
                if !seen.insert(t.slug.as_str()) {
                    errors.push(Diagnostic::file(path, msg!("term-twice", field = tax.field(), slug = &t.slug)));
                }
            }
        }
        let base_url = raw.base_url.trim().trim_end_matches('/').to_string();
        if !(base_url.is_empty() || base_url.starts_with("http://") || base_url.starts_with("https://")) {
            errors.push(Diagnostic::file(path, msg!("base-url-scheme", url = &base_url)));
        }
        if let Some(cms) = &raw.cms {
            if !CMS_BACKENDS.contains(&cms.backend.as_str()) {
                errors.push(Diagnostic::file(
                    path,
                    msg!("cms-backend", value = &cms.backend, list = CMS_BACKENDS.join(", ")),
                ));
            }
            if !cms.repo.contains('/') {
                errors.push(Diagnostic::file(path, msg!("cms-repo")));
            }
        }
        if !errors.is_empty() {
            return Err(errors.into());
        }
        Ok(Config {
            path: path.to_path_buf(),
            title: raw.title,
            description: raw.description,
            base_url,
            language,
            portable: raw.portable,
            vocab,
            glossary: raw.glossary,
            search: raw.search,
            content: raw.content,
            cms: raw.cms,
            organisation: raw.organisation,
            display: raw.display,
        })
    }

    pub fn terms(&self, tax: Taxonomy) -> &[Term] {
        &self.vocab[tax.index()]
    }

    pub fn term(&self, tax: Taxonomy, slug: &str) -> Option<&Term> {
        self.terms(tax).iter().find(|t| t.slug == slug)
    }

    /// The interface-language label of a term.
    pub fn label<'a>(&self, term: &'a Term) -> &'a str {
        if self.language == "en" { &term.en } else { &term.nl }
    }

    /// The path part of `base_url` (`/` or `/sub/`), used for root-relative links.
    pub fn base_path(&self) -> String {
        let after_scheme = self.base_url.split_once("://").map(|x| x.1).unwrap_or("");
        match after_scheme.find('/') {
            Some(i) => format!("{}/", after_scheme[i..].trim_end_matches('/')),
            None => "/".into(),
        }
    }
}

/// Lowercase ASCII letters, digits and single hyphens; what URLs and file names use.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// The folder holding `config.toml`: `start` itself or the nearest folder above it, as git and
/// cargo find theirs, so leernet works from any sub-folder of a site.
pub fn find_root(start: &Path) -> Result<PathBuf, Diagnostic> {
    let abs = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    if start.join("config.toml").is_file() {
        return Ok(start.to_path_buf());
    }
    abs.ancestors().skip(1).find(|d| d.join("config.toml").is_file()).map(Path::to_path_buf).ok_or_else(|| {
        Diagnostic::file(start, msg!("config-not-found", dir = abs.display().to_string()))
            .with_suggestion(msg!("hint-config-not-found"))
    })
}

/// The `language` of `root/config.toml`, read before the rest is checked (so problems in
/// config.toml itself are reported in the site's language); `None` when it cannot be read.
pub fn peek_language(root: &Path) -> Option<String> {
    #[derive(Deserialize)]
    struct Peek {
        language: Option<String>,
    }
    let text = std::fs::read_to_string(root.join("config.toml")).ok()?;
    toml::from_str::<Peek>(text.strip_prefix('\u{feff}').unwrap_or(&text)).ok()?.language
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_from_url() {
        let mut c = Config::parse(Path::new("c.toml"), "title='x'\nbase_url='https://a.nl/kennis/'").unwrap();
        assert_eq!(c.base_path(), "/kennis/");
        c.base_url = "https://a.nl".into();
        assert_eq!(c.base_path(), "/");
    }

    #[test]
    fn toml_error_has_line() {
        let e = Config::parse(Path::new("c.toml"), "title='x'\nlanguage = \n").unwrap_err();
        assert_eq!(e[0].line, 2);
    }

    #[test]
    fn duplicate_term_rejected() {
        let t = "title='x'\n[[themes]]\nslug='a'\nnl='A'\nen='A'\n[[themes]]\nslug='a'\nnl='A'\nen='A'\n";
        let e = Config::parse(Path::new("c.toml"), t).unwrap_err();
        assert_eq!(e[0].code, "term-twice");
        assert!(e[0].message.contains("`a` in themes staat er twee keer"), "{}", e[0].message);
    }
}
