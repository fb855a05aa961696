//! Field checks: turns the positioned front-matter fields of one file into a typed initiative
//! or lesson, reporting every problem (unknown or missing field, wrong type, bad date, unknown
//! taxonomy term, ...) with its line and a suggestion where one can be made.

use super::frontmatter::Field;
use super::model::{Contact, ExtLink, Figure, Outcome};
use crate::config::{Config, Taxonomy};
use crate::diagnostics::{Diagnostic, closest};
use crate::i18n::Msg;
use crate::{msg, tr};
use chrono::NaiveDate;
use serde_json::Value;
use std::path::Path;

/// Reads the fields of one file; collects problems instead of stopping at the first.
pub struct FieldReader<'a> {
    file: &'a Path,
    lines: Vec<&'a str>,
    fields: Vec<Field>,
    pub diags: Vec<Diagnostic>,
}

fn type_name(v: &Value) -> String {
    match v {
        Value::Null => tr!("type-nothing"),
        Value::Bool(_) => tr!("type-bool"),
        Value::Number(_) => tr!("type-number"),
        Value::String(_) => tr!("type-text"),
        Value::Array(_) => tr!("type-list"),
        Value::Object(_) => tr!("type-group"),
    }
}

/// The items of a list written as text (`a, b`), as they go between `[` and `]`.
fn list_items(v: &Value) -> String {
    let text = scalar_text(v).unwrap_or_default();
    text.split(',').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl<'a> FieldReader<'a> {
    /// Checks the field names against `allowed`; unknown ones are reported with the closest name.
    pub fn new(file: &'a Path, text: &'a str, fields: Vec<Field>, allowed: &[&str]) -> Self {
        let mut r = FieldReader { file, lines: text.lines().collect(), fields, diags: Vec::new() };
        for f in &r.fields {
            if !allowed.contains(&f.key.as_str()) {
                let mut d = Diagnostic::new(file, f.key_line, f.key_col, msg!("unknown-field", key = &f.key));
                d = match closest(&f.key, allowed.iter().copied()) {
                    Some(s) => d.with_suggestion(msg!("hint-did-you-mean", s = s)),
                    None => d.with_suggestion(msg!("hint-allowed-fields", list = allowed.join(", "))),
                };
                r.diags.push(d);
            }
        }
        r
    }

    /// The line of a field's name (1, the opening `---`, when the field is absent).
    pub fn key_line(&self, key: &str) -> usize {
        self.fields.iter().find(|f| f.key == key).map(|f| f.key_line).unwrap_or(1)
    }

    fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key && !f.value.is_null())
    }

    fn err(&mut self, f: &Field, msg: Msg) {
        let d = Diagnostic::new(self.file, f.line, f.col, msg);
        self.diags.push(d);
    }

    fn missing(&mut self, key: &str) {
        self.diags.push(
            Diagnostic::new(self.file, 1, 1, msg!("missing-field", key = key))
                .with_suggestion(msg!("hint-missing-field", key = key)),
        );
    }

    /// A required text field; `None` after reporting when missing or not text.
    pub fn text(&mut self, key: &str) -> Option<String> {
        let v = self.opt_text(key);
        match self.get(key).cloned() {
            None => self.missing(key),
            Some(f) if v.is_none() && scalar_text(&f.value).is_some() => self.err(&f, msg!("field-empty", key = key)),
            _ => {}
        }
        v
    }

    /// An optional text field; empty text counts as not given.
    pub fn opt_text(&mut self, key: &str) -> Option<String> {
        let f = self.get(key)?.clone();
        match scalar_text(&f.value) {
            Some(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) => None,
            None => {
                self.err(&f, msg!("field-not-text", key = key, kind = type_name(&f.value)));
                None
            }
        }
    }

    pub fn text_list(&mut self, key: &str) -> Vec<String> {
        let Some(f) = self.get(key).cloned() else { return Vec::new() };
        match &f.value {
            Value::Array(items) => items
                .iter()
                .filter_map(|i| {
                    let t = scalar_text(i);
                    if t.is_none() {
                        self.err(&f, msg!("list-item-not-text", key = key, kind = type_name(i)));
                    }
                    t
                })
                .collect(),
            other => {
                let d = Diagnostic::new(
                    self.file,
                    f.line,
                    f.col,
                    msg!("field-not-list", key = key, kind = type_name(other)),
                )
                .with_suggestion(msg!("hint-write-as-list", key = key, items = list_items(other)));
                self.diags.push(d);
                Vec::new()
            }
        }
    }

    /// The line of the first occurrence of `needle` at or after `from` (for list items).
    fn find_line(&self, from: usize, needle: &str) -> (usize, usize) {
        for (i, l) in self.lines.iter().enumerate().skip(from.saturating_sub(1)) {
            if let Some(b) = l.find(needle) {
                return (i + 1, l[..b].chars().count() + 1);
            }
        }
        (from, 1)
    }

    /// The terms of one taxonomy, each checked against the vocabulary.
    pub fn terms(&mut self, tax: Taxonomy, config: &Config, required: bool) -> Vec<String> {
        let key = tax.field();
        if self.get(key).is_none() {
            if required {
                self.missing(key);
            }
            return Vec::new();
        }
        let from = self.get(key).map(|f| f.key_line).unwrap_or(1);
        let items = self.text_list(key);
        if required && items.is_empty() && self.diags.iter().all(|d| d.line != from) {
            let f = self.get(key).cloned().unwrap();
            self.err(&f, msg!("terms-needed", key = key));
        }
        let known: Vec<&str> = config.terms(tax).iter().map(|t| t.slug.as_str()).collect();
        let mut out = Vec::new();
        for item in items {
            if known.contains(&item.as_str()) {
                if !out.contains(&item) {
                    out.push(item);
                }
                continue;
            }
            let (line, col) = self.find_line(from, &item);
            let mut d = Diagnostic::new(self.file, line, col, msg!("unknown-term", term = &item, field = key));
            d = match closest(&item, known.iter().copied()) {
                Some(s) => d.with_suggestion(msg!("hint-did-you-mean", s = s)),
                None => d.with_suggestion(msg!("hint-known-terms", field = key)),
            };
            self.diags.push(d);
        }
        out
    }

    /// One of a fixed list of words (kind, phase, evidence).
    pub fn choice(&mut self, key: &str, allowed: &[&str], required: bool) -> Option<String> {
        let v = if required { self.text(key) } else { self.opt_text(key) }?;
        if allowed.contains(&v.as_str()) {
            return Some(v);
        }
        let f = self.get(key).cloned().unwrap();
        let mut d = Diagnostic::new(self.file, f.line, f.col, msg!("bad-choice", key = key, value = &v));
        d = match closest(&v, allowed.iter().copied()) {
            Some(s) => d.with_suggestion(msg!("hint-did-you-mean", s = s)),
            None => d.with_suggestion(msg!("hint-use-one-of", list = allowed.join(", "))),
        };
        self.diags.push(d);
        None
    }

    /// An optional field that is present and not empty text (the web form writes `""` for an
    /// optional field left empty).
    fn given(&self, key: &str) -> Option<Field> {
        self.get(key).filter(|f| f.value.as_str().is_none_or(|s| !s.trim().is_empty())).cloned()
    }

    /// An ISO date (`2026-03-12`).
    pub fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let f = self.given(key)?;
        let s = scalar_text(&f.value).unwrap_or_default();
        match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                let d = Diagnostic::new(self.file, f.line, f.col, msg!("bad-date", key = key, value = &s))
                    .with_suggestion(msg!("hint-date"));
                self.diags.push(d);
                None
            }
        }
    }

    /// A year (`2014`) or an ISO date; kept as written.
    pub fn year_or_date(&mut self, key: &str) -> Option<String> {
        let f = self.given(key)?;
        match &f.value {
            Value::Number(n) if n.as_u64().is_some_and(|y| (1800..=2200).contains(&y)) => Some(n.to_string()),
            Value::String(s) if s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1800..=2200).contains(&y)) => {
                Some(s.clone())
            }
            Value::String(s) if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() => Some(s.clone()),
            // A month: `2013-04`.
            Value::String(s) if s.len() == 7 && NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").is_ok() => {
                Some(s.clone())
            }
            other => {
                let shown = scalar_text(other).unwrap_or_else(|| type_name(other));
                let d = Diagnostic::new(self.file, f.line, f.col, msg!("bad-year", key = key, value = shown))
                    .with_suggestion(msg!("hint-year"));
                self.diags.push(d);
                None
            }
        }
    }

    /// A list of groups of fields, each read by `read` with its own allowed names.
    fn groups<T>(
        &mut self,
        key: &str,
        allowed: &[&str],
        mut read: impl FnMut(&mut GroupReader) -> Option<T>,
    ) -> Vec<T> {
        let Some(f) = self.get(key).cloned() else { return Vec::new() };
        let Value::Array(items) = &f.value else {
            self.err(&f, msg!("groups-not-list", key = key, kind = type_name(&f.value)));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let mut g = GroupReader { key, item, allowed, errors: Vec::new() };
            if let Some(v) = read(&mut g) {
                out.push(v);
            }
            for msg in g.errors {
                self.err(&f, msg);
            }
        }
        out
    }

    pub fn outcomes(&mut self) -> Vec<Outcome> {
        self.groups("outcomes", &["measure", "before", "after", "unit", "source"], |g| {
            Some(Outcome {
                measure: g.text("measure", true)?,
                before: g.number("before")?,
                after: g.number("after")?,
                unit: g.text("unit", false).unwrap_or_default(),
                source: g.text("source", false).unwrap_or_default(),
            })
        })
    }

    pub fn figures(&mut self) -> Vec<Figure> {
        self.groups("figures", &["label", "value"], |g| {
            Some(Figure { label: g.text("label", true)?, value: g.text("value", true)? })
        })
    }

    pub fn links(&mut self) -> Vec<ExtLink> {
        self.groups("links", &["title", "url"], |g| Some(ExtLink { title: g.text("title", true)?, url: g.url("url")? }))
    }

    pub fn contact(&mut self) -> Option<Contact> {
        let f = self.get("contact")?.clone();
        let wrapped = Field { value: Value::Array(vec![f.value.clone()]), ..f };
        self.fields.push(Field { key: "contact#".into(), ..wrapped });
        let mut v = self.groups("contact#", &["name", "organisation", "url"], |g| {
            Some(Contact {
                name: g.text("name", false).unwrap_or_default(),
                organisation: g.text("organisation", false).unwrap_or_default(),
                url: match g.item.get("url") {
                    Some(u) if u.as_str().is_none_or(|s| !s.trim().is_empty()) => g.url("url").unwrap_or_default(),
                    _ => String::new(),
                },
            })
        });
        self.fields.pop();
        v.pop()
    }
}

/// Reads one group (an outcome, a figure, a link, the contact).
pub struct GroupReader<'a> {
    key: &'a str,
    item: &'a Value,
    allowed: &'a [&'a str],
    errors: Vec<Msg>,
}

impl GroupReader<'_> {
    fn text(&mut self, name: &str, required: bool) -> Option<String> {
        self.check_names();
        match self.item.get(name) {
            Some(v) => match scalar_text(v) {
                Some(s) => Some(s),
                None => {
                    self.errors.push(msg!("group-field-not-text", name = name, key = self.key(), kind = type_name(v)));
                    None
                }
            },
            None if required => {
                self.errors.push(msg!("group-lacks", name = name, key = self.key()));
                None
            }
            None => None,
        }
    }

    fn number(&mut self, name: &str) -> Option<f64> {
        match self.item.get(name) {
            Some(Value::Number(n)) => n.as_f64(),
            Some(Value::String(s)) if s.trim().replace(',', ".").parse::<f64>().is_ok() => {
                s.trim().replace(',', ".").parse().ok()
            }
            Some(v) => {
                self.errors.push(msg!("group-field-not-number", name = name, key = self.key(), kind = type_name(v)));
                None
            }
            None => {
                self.errors.push(msg!("group-lacks", name = name, key = self.key()));
                None
            }
        }
    }

    fn url(&mut self, name: &str) -> Option<String> {
        let u = self.text(name, true)?;
        if u.starts_with("https://") || u.starts_with("http://") || u.starts_with("mailto:") {
            Some(u)
        } else {
            self.errors.push(msg!("group-bad-url", name = name, key = self.key(), value = &u));
            None
        }
    }

    fn key(&self) -> &str {
        self.key.trim_end_matches('#')
    }

    fn check_names(&mut self) {
        let Value::Object(map) = self.item else {
            if !self.errors.iter().any(|e| e.id == "group-not-fields") {
                self.errors.push(msg!("group-not-fields", key = self.key()));
            }
            return;
        };
        for k in map.keys() {
            if !self.allowed.contains(&k.as_str()) && !self.errors.iter().any(|e| e.text.contains(&format!("`{k}`"))) {
                let key = self.key();
                self.errors.push(match closest(k, self.allowed.iter().copied()) {
                    Some(s) => msg!("group-unknown-field-suggest", name = k, key = key, s = s),
                    None => msg!("group-unknown-field", name = k, key = key),
                });
            }
        }
    }
}
