//! `api/lessons.json`, assembled from one entry per lesson. Each entry is made by one function
//! (`entry`) that notes what it reads (the lesson, its related lessons); the preview server
//! keeps the entries with those reads (`LessonsJson`), makes again the entries whose reads
//! changed, and puts the file together from them again.

use super::{LESSONS, SCHEMA_VERSION, Terms, slugs};
use crate::content::model::Site;
use crate::deps::{self, Dep};
use crate::diagnostics::Diagnostic;
use crate::link::Links;
use crate::output::Sink;
use crate::urls;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize)]
struct LessonOut<'a> {
    slug: &'a str,
    title: &'a str,
    path: String,
    url: Option<String>,
    file: &'a str,
    initiative: &'a str,
    kind: &'static str,
    #[serde(flatten)]
    terms: Terms<'a>,
    added: Option<String>,
    source: Option<&'a str>,
    text: &'a str,
    related: Vec<&'a str>,
}

/// The entries of `api/lessons.json` by lesson slug (in lesson order), and what each read:
/// kept by the preview server, empty after a plain build.
#[derive(Default)]
pub struct LessonsJson {
    pub parts: BTreeMap<String, Vec<u8>>,
    /// What each entry read, by `part_key`.
    pub reads: Vec<(String, Vec<Dep>)>,
}

/// The name under which the graph knows the entry of lesson `slug`.
pub fn part_key(slug: &str) -> String {
    format!("{LESSONS}#{slug}")
}

/// The slug of an entry's key (`part_key`).
pub fn slug_of_part(key: &str) -> &str {
    key.strip_prefix(LESSONS).and_then(|k| k.strip_prefix('#')).unwrap_or(key)
}

/// The entry of lesson `li` in `api/lessons.json`; reads the lesson and its related lessons
/// (the base URL is config, which makes everything again).
pub fn entry(site: &Site, links: &Links, li: usize) -> Vec<u8> {
    let l = &site.lessons[li];
    deps::read(|| Dep::Lesson(l.meta.slug.clone()));
    deps::read(|| Dep::Related(l.meta.slug.clone()));
    let path = urls::lesson(&l.meta.slug);
    let out = LessonOut {
        slug: &l.meta.slug,
        title: &l.meta.title,
        url: urls::absolute(&site.config.base_url, &path),
        path,
        file: &l.meta.source,
        initiative: &l.initiative,
        kind: l.kind.as_str(),
        terms: Terms::of(&l.meta),
        added: l.added.map(|d| d.format("%Y-%m-%d").to_string()),
        source: l.source_ref.as_deref(),
        text: &l.meta.body.text,
        related: slugs(site, links.related.get(li)),
    };
    // Sized up front (text plus the fields around it), so the buffer does not grow by doubling.
    let mut bytes = Vec::with_capacity(entry_estimate(l));
    if serde_json::to_writer(&mut bytes, &out).is_err() {
        bytes.clear();
        bytes.extend_from_slice(b"null");
    }
    bytes
}

/// About the length of a lesson's entry: its text, title and the fields around them.
fn entry_estimate(l: &crate::content::model::Lesson) -> usize {
    l.meta.body.text.len() + l.meta.title.len() + 600
}

impl LessonsJson {
    /// `api/lessons.json`: `{"schema_version":1,"lessons":[...]}` and a newline, written to
    /// `sink` as it is made (a sink that writes to disk never holds the file, 35 MB at 10,000
    /// lessons, whole). With `keep` the entries and what each read are kept.
    pub fn write(site: &Site, links: &Links, sink: &dyn Sink, keep: bool) -> Result<LessonsJson, Diagnostic> {
        let mut kept = LessonsJson::default();
        sink.put_streamed(LESSONS, &mut |out| {
            kept = LessonsJson::default();
            write_entries(site, links, out, keep.then_some(&mut kept))
        })?;
        Ok(kept)
    }

    /// Puts the entries `made` (slug and bytes) in place of the ones of the same lessons, in
    /// `file` too: the whole file as `assemble` gives it. Where each entry starts is summed
    /// from the kept entries, so an edit moves the file's bytes once instead of copying all of
    /// them (35 MB at 10,000 lessons); a new lesson's entry puts the file together again.
    pub fn replace(&mut self, file: &mut Vec<u8>, made: Vec<(String, Vec<u8>)>) {
        let made: BTreeMap<String, Vec<u8>> = made.into_iter().collect();
        if file.is_empty() || made.keys().any(|s| !self.parts.contains_key(s)) {
            self.parts.extend(made);
            *file = self.assemble();
            return;
        }
        let mut at = lessons_head().len();
        let mut spans = Vec::new();
        for (i, (slug, part)) in self.parts.iter().enumerate() {
            at += usize::from(i > 0);
            if made.contains_key(slug) {
                spans.push((at..at + part.len(), slug));
            }
            at += part.len();
        }
        // From the last, so that the starts before it stay where they are.
        for (span, slug) in spans.into_iter().rev() {
            file.splice(span, made[slug].iter().copied());
        }
        self.parts.extend(made);
    }

    /// The whole file, put together from the entries.
    pub fn assemble(&self) -> Vec<u8> {
        let head = lessons_head();
        let len = head.len() + self.parts.values().map(|p| p.len() + 1).sum::<usize>() + 3;
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(head.as_bytes());
        for (i, p) in self.parts.values().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(p);
        }
        out.extend_from_slice(b"]}\n");
        out
    }
}

/// The whole of `api/lessons.json` into `out`; with `keep`, each entry and what it read kept
/// there. Entries are made in parallel, a slice at a time, and written as soon as their slice
/// is done.
fn write_entries(
    site: &Site,
    links: &Links,
    out: &mut dyn Write,
    mut keep: Option<&mut LessonsJson>,
) -> io::Result<()> {
    use rayon::prelude::*;
    out.write_all(lessons_head().as_bytes())?;
    let slice = 64 * rayon::current_num_threads().max(1);
    let record = keep.is_some();
    for start in (0..site.lessons.len()).step_by(slice) {
        let end = (start + slice).min(site.lessons.len());
        let entries: Vec<(Vec<u8>, Vec<Dep>)> =
            (start..end).into_par_iter().map(|li| deps::recording(record, || entry(site, links, li))).collect();
        for (li, (e, read)) in (start..).zip(entries) {
            if li > 0 {
                out.write_all(b",")?;
            }
            out.write_all(&e)?;
            if let Some(k) = keep.as_deref_mut() {
                let slug = &site.lessons[li].meta.slug;
                k.reads.push((part_key(slug), read));
                k.parts.insert(slug.clone(), e);
            }
        }
    }
    out.write_all(b"]}\n")
}

/// What `api/lessons.json` starts with.
fn lessons_head() -> String {
    format!("{{\"schema_version\":{SCHEMA_VERSION},\"lessons\":[")
}
