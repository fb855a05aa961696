//! `api/lessons.json`, built from one entry per lesson, so that the preview server can replace
//! the entry of a lesson that changed in place.

use super::{LESSONS, SCHEMA_VERSION, Terms, slugs};
use crate::content::model::Site;
use crate::diagnostics::Diagnostic;
use crate::link::Links;
use crate::output::Sink;
use crate::urls;
use serde::Serialize;
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

/// Where each lesson's entry lies in `api/lessons.json`, so that the preview server can replace
/// the entries of the lessons that changed in the file instead of serialising every lesson.
#[derive(Default)]
pub struct LessonsJson {
    /// The length in bytes of each lesson's entry.
    lens: Vec<usize>,
}

/// The entry of lesson `li` in `api/lessons.json`.
fn lesson_entry(site: &Site, links: &Links, li: usize) -> Vec<u8> {
    let l = &site.lessons[li];
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
    /// `api/lessons.json`: `{"schema_version":1,"lessons":[...]}` and a newline.
    /// `api/lessons.json`, written to `sink` as it is made (a sink that writes to disk never
    /// holds the file, 35 MB at 10,000 lessons, whole); where each lesson's entry lies in it.
    pub fn write(site: &Site, links: &Links, sink: &dyn Sink) -> Result<LessonsJson, Diagnostic> {
        let mut lens = Vec::with_capacity(site.lessons.len());
        sink.put_streamed(LESSONS, &mut |out| {
            lens.clear();
            write_entries(site, links, out, &mut lens)
        })?;
        Ok(LessonsJson { lens })
    }

    /// Serialises lesson `li` again and puts it in `file` (the file `write` gave, kept up to date;
    /// the site keeps its lessons and their order). Returns whether the file changed.
    pub fn update(&mut self, site: &Site, links: &Links, li: usize, file: &mut Vec<u8>) -> bool {
        let entry = lesson_entry(site, links, li);
        let start = lessons_head().len() + self.lens[..li].iter().sum::<usize>() + li;
        let old = start..start + self.lens[li];
        if file.get(old.clone()) == Some(&entry[..]) {
            return false;
        }
        self.lens[li] = entry.len();
        file.splice(old, entry);
        true
    }
}

/// The whole of `api/lessons.json` into `out`, each entry's length into `lens`. Entries are
/// made in parallel, a slice at a time, and written as soon as their slice is done.
fn write_entries(site: &Site, links: &Links, out: &mut dyn Write, lens: &mut Vec<usize>) -> io::Result<()> {
    use rayon::prelude::*;
    out.write_all(lessons_head().as_bytes())?;
    let slice = 64 * rayon::current_num_threads().max(1);
    for start in (0..site.lessons.len()).step_by(slice) {
        let end = (start + slice).min(site.lessons.len());
        let entries: Vec<Vec<u8>> = (start..end).into_par_iter().map(|li| lesson_entry(site, links, li)).collect();
        for e in entries {
            if !lens.is_empty() {
                out.write_all(b",")?;
            }
            out.write_all(&e)?;
            lens.push(e.len());
        }
    }
    out.write_all(b"]}\n")
}

/// What `api/lessons.json` starts with.
fn lessons_head() -> String {
    format!("{{\"schema_version\":{SCHEMA_VERSION},\"lessons\":[")
}
