//! Diagnostics: every problem leernet finds in a site, as `file:line:col: message` with an
//! optional suggestion and a stable machine `code` (the message's catalogue id). Nothing here
//! knows about content, templates or output; the words come from `i18n`. `print` shows them
//! to people (with the source line) and machines (GitHub annotations, JSON).

pub mod print;

use crate::i18n::Msg;
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is. Errors stop a build and fail `check`; warnings are reported and
/// fail `check` only with `--deny-warnings`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`: the machine word (GitHub annotations, JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The word printed before the message, in the current language.
    pub fn label(self) -> String {
        match self {
            Severity::Error => crate::tr!("severity-error"),
            Severity::Warning => crate::tr!("severity-warning"),
        }
    }
}

/// One problem in one file. `line` and `column` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    pub severity: Severity,
    /// The message's catalogue id: a stable machine code (`unknown-term`) for bots.
    pub code: &'static str,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, line: usize, column: usize, message: Msg) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            column,
            message: message.text,
            suggestion: None,
            severity: Severity::Error,
            code: message.id,
        }
    }

    /// The same problem, reported as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A problem with a file as a whole (unreadable, empty, too large, ...).
    pub fn file(file: impl Into<PathBuf>, message: Msg) -> Self {
        Self::new(file, 0, 0, message)
    }

    /// The same problem at another place (keeps code and text).
    pub fn moved(mut self, file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        (self.file, self.line, self.column) = (file.into(), line, column);
        self
    }

    pub fn with_suggestion(mut self, suggestion: Msg) -> Self {
        self.suggestion = Some(suggestion.text);
        self
    }

    /// The path as shown to the user: relative to `root` when it lies below it.
    pub fn display_path(&self, root: &Path) -> String {
        self.file.strip_prefix(root).unwrap_or(&self.file).display().to_string()
    }

    /// The diagnostic as JSON (`file` relative to `root`, `severity` `error` or `warning`), for
    /// `check --format json` and the preview server's overlay.
    pub fn to_json(&self, root: &Path) -> serde_json::Value {
        serde_json::json!({"file": self.display_path(root), "line": self.line, "column": self.column,
            "severity": self.severity, "code": self.code, "message": self.message, "suggestion": self.suggestion})
    }

    /// `file:line:col: fout: message (suggestion)` with the path shown relative to `root`.
    pub fn render(&self, root: &Path) -> String {
        let mut out = self.display_path(root);
        if self.line > 0 {
            out.push_str(&format!(":{}:{}", self.line, self.column.max(1)));
        }
        out.push_str(": ");
        out.push_str(&self.severity.label());
        out.push_str(": ");
        out.push_str(&self.message);
        if let Some(s) = &self.suggestion {
            out.push_str(" (");
            out.push_str(s);
            out.push(')');
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Path::new("")))
    }
}

/// All the problems of one run, and the error type of everything that can find more than one:
/// a single `Diagnostic` converts into it, so `?` works on both. Reads as a slice.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }
    /// Sorted by file and position, duplicates dropped, so output is stable.
    pub fn sorted(mut self) -> Diagnostics {
        self.0.sort();
        self.0.dedup();
        self
    }
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }
    /// `Ok(value)` when there are no problems, else these problems, sorted.
    pub fn or_ok<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() { Ok(value) } else { Err(self.sorted()) }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(d: Vec<Diagnostic>) -> Self {
        Diagnostics(d)
    }
}

impl PartialEq<Vec<Diagnostic>> for Diagnostics {
    fn eq(&self, other: &Vec<Diagnostic>) -> bool {
        self.0 == *other
    }
}

impl std::ops::Deref for Diagnostics {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.0
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(d, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The closest of `candidates` to `wrong`, if it is close enough to be a likely typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_l = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wrong_l, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Line and column (1-based, columns in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, col)
}

/// Line and column of many byte offsets of one text, as `line_col` gives them, in time linear
/// in the text when the offsets come in increasing order (a parser's events do): each call
/// goes on from the last one instead of counting from the start again.
pub struct LineCursor<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    col: usize,
}

impl<'a> LineCursor<'a> {
    pub fn new(text: &'a str) -> Self {
        LineCursor { text, offset: 0, line: 1, col: 1 }
    }

    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        if offset < self.offset {
            *self = LineCursor::new(self.text);
        }
        for c in self.text[self.offset..offset].chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.offset = offset;
        (self.line, self.col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_terms_only() {
        let terms = ["mantelzorg", "preventie", "mensgericht"];
        assert_eq!(closest("mantelzorgg", terms), Some("mantelzorg"));
        assert_eq!(closest("Preventie", terms), Some("preventie"));
        assert_eq!(closest("xyz", terms), None);
    }

    #[test]
    fn line_cursor_agrees_with_line_col() {
        let t = "ab\ncdé f\n\nxyz";
        let mut cursor = LineCursor::new(t);
        // Increasing, repeated, then going back (which starts again from the top).
        for off in [0, 1, 3, 3, 6, 8, 10, 11, 14, 99, 4, 2, 12] {
            assert_eq!(cursor.at(off), line_col(t, off), "offset {off}");
        }
    }

    #[test]
    fn line_col_counts_chars() {
        let t = "ab\ncdé f\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 8), (2, 5));
    }
}
