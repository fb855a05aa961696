//! `api/lessons.json`, built from one entry per lesson, so that the preview server can replace
//! the entry of a lesson that changed in place.

use super::{LESSONS, SCHEMA_VERSION, Terms, slugs};
use crate::content::model::Site;
use crate::link::Links;
use crate::render::{OutFile, urls};
use serde::Serialize;

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
    serde_json::to_vec(&out).unwrap_or_else(|_| b"null".to_vec())
}

impl LessonsJson {
    /// `api/lessons.json`: `{"schema_version":1,"lessons":[...]}` and a newline.
    pub fn build(site: &Site, links: &Links) -> (LessonsJson, OutFile) {
        use rayon::prelude::*;
        // In slices, each joined as soon as it is made: the 35 MB file at 10,000 lessons is not
        // held twice (as entries and as the file).
        let head = lessons_head();
        // Sized up front (text plus the fields around it), so the buffer does not double past it.
        let estimate: usize = site.lessons.iter().map(|l| l.meta.body.text.len() + l.meta.title.len() + 600).sum();
        let mut bytes = Vec::with_capacity(head.len() + estimate + 3);
        bytes.extend_from_slice(head.as_bytes());
        let mut lens = Vec::with_capacity(site.lessons.len());
        let slice = (4 * rayon::current_num_threads()).max(1);
        for start in (0..site.lessons.len()).step_by(256 * slice) {
            let end = (start + 256 * slice).min(site.lessons.len());
            let entries: Vec<Vec<u8>> = (start..end).into_par_iter().map(|li| lesson_entry(site, links, li)).collect();
            for e in entries {
                if !lens.is_empty() {
                    bytes.push(b',');
                }
                bytes.extend_from_slice(&e);
                lens.push(e.len());
            }
        }
        bytes.extend_from_slice(b"]}\n");
        (LessonsJson { lens }, OutFile { path: LESSONS.into(), bytes })
    }

    /// Serialises lesson `li` again and puts it in `file` (the file `build` gave, kept up to date;
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

/// What `api/lessons.json` starts with.
fn lessons_head() -> String {
    format!("{{\"schema_version\":{SCHEMA_VERSION},\"lessons\":[")
}
