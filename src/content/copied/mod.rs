//! Copied phrasing (`check --sources DIR`, `[content] sources`): reports, as a warning with file
//! and line, every run of at least eight words that a title, summary or body shares with a text
//! file in the sources folder, unless the run stands between quotation marks (or in a Markdown
//! block quote). Reads the content files again (the model keeps no raw text); linear in the
//! size of the sources and the content. Its messages are in the catalogues (`i18n`).

mod shingles;
mod sources;

pub use shingles::RUN;
pub use sources::resolve;

use super::frontmatter;
use super::model::Site;
use crate::diagnostics::{Diagnostic, LineCursor};
use crate::msg;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use shingles::{Index, Word};
use std::path::Path;

/// Checks every loaded initiative and lesson of `site` against the text files below
/// `sources_dir`: warnings for copied runs, errors when the folder cannot be read.
pub fn check(site: &Site, sources_dir: &Path) -> Vec<Diagnostic> {
    let sources = match sources::read(sources_dir) {
        Ok(s) => s,
        Err(d) => return d.into_vec(),
    };
    let files: Vec<&Path> = site
        .initiatives
        .iter()
        .map(|i| i.meta.file.as_path())
        .chain(site.lessons.iter().map(|l| l.meta.file.as_path()))
        .collect();
    files.par_iter().flat_map_iter(|f| check_file(&sources.index, &sources.names, f)).collect()
}

/// One stretch of text to check: a title, a summary or a block of the body, with where each of
/// its bytes came from in the file.
struct Stretch {
    text: String,
    quoted: bool,
    /// (offset in `text`, file line, file column of that offset, whether the bytes up to the
    /// next piece are the file's own): enough to place any word.
    pieces: Vec<(usize, usize, usize, bool)>,
}

/// Places the runs of one stretch in the file, front to back, counting each character once (a
/// long paragraph with many runs stays linear).
struct Placer<'a> {
    s: &'a Stretch,
    piece: usize,
    at: usize,
    col: usize,
}

impl<'a> Placer<'a> {
    fn new(s: &'a Stretch) -> Self {
        Placer { s, piece: usize::MAX, at: 0, col: 0 }
    }

    /// File line and column of the byte at `offset` of the stretch's text.
    fn place(&mut self, offset: usize) -> (usize, usize) {
        let i = self.s.pieces.partition_point(|p| p.0 <= offset).saturating_sub(1);
        let Some(&(start, line, col, exact)) = self.s.pieces.get(i) else { return (1, 1) };
        if !exact {
            return (line, col);
        }
        if i != self.piece || offset < self.at {
            (self.piece, self.at, self.col) = (i, start, col);
        }
        self.col += self.s.text[self.at..offset].chars().count();
        self.at = offset;
        (line, self.col)
    }
}

fn check_file(index: &Index, names: &[String], file: &Path) -> Vec<Diagnostic> {
    let Ok(raw) = std::fs::read_to_string(file) else { return Vec::new() };
    let text = frontmatter::normalize(&raw);
    let Ok(split) = frontmatter::split(file, &text) else { return Vec::new() };
    let mut stretches = Vec::new();
    if let Ok(fields) = frontmatter::parse(file, &split) {
        for f in fields.iter().filter(|f| f.key == "title" || f.key == "summary") {
            if let Some(value) = f.value.as_str() {
                stretches.push(field_stretch(&text, f.line, f.col, value));
            }
        }
    }
    body_stretches(split.body, split.body_first_line, &mut stretches);
    let mut out = Vec::new();
    for s in &stretches {
        let words = shingles::words(&s.text, s.quoted);
        let mut placer = Placer::new(s);
        for run in index.runs(&words) {
            let at = placer.place(words[run.start].start);
            out.push(warning(
                file,
                s,
                at,
                &words[run.start..run.end],
                &names[run.origin.file as usize],
                run.origin.line,
            ));
        }
    }
    out
}

fn warning(file: &Path, s: &Stretch, at: (usize, usize), words: &[Word], source: &str, line: u32) -> Diagnostic {
    let (first, last) = (words[0], words[words.len() - 1]);
    let copied = s.text[first.start..last.end].split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = if copied.chars().count() > 160 {
        format!("{} …", copied.chars().take(150).collect::<String>().trim_end())
    } else {
        copied
    };
    Diagnostic::new(file, at.0, at.1, msg!("copied", words = words.len(), source = source, line = line, shown = &shown))
        .with_suggestion(msg!("hint-copied"))
        .warning()
}

/// A front-matter value: on one line when it fits there as written, else placed at its start.
fn field_stretch(file_text: &str, line: usize, col: usize, value: &str) -> Stretch {
    let raw_line = file_text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let after: String = raw_line.chars().skip(col.saturating_sub(1)).collect();
    let (col, exact) = match after.find(value) {
        Some(i) => (col + after[..i].chars().count(), true),
        None => (col, false),
    };
    Stretch { text: value.to_string(), quoted: false, pieces: vec![(0, line, col, exact)] }
}

/// The blocks of a Markdown body (paragraphs, list items, headings, table cells, …), each one
/// stretch; inline markup (emphasis, links) is read through, link targets are not text.
fn body_stretches(body: &str, first_line: usize, out: &mut Vec<Stretch>) {
    let mut cur = Stretch { text: String::new(), quoted: false, pieces: Vec::new() };
    let mut quote_depth = 0usize;
    let flush = |cur: &mut Stretch, out: &mut Vec<Stretch>, quoted: bool| {
        let next = Stretch { text: String::new(), quoted, pieces: Vec::new() };
        let done = std::mem::replace(cur, next);
        if !done.text.trim().is_empty() {
            out.push(done);
        }
    };
    let mut at = LineCursor::new(body); // forward only: placing every event stays linear
    for (ev, range) in Parser::new_ext(body, super::markdown::options()).into_offset_iter() {
        match ev {
            Event::Text(t) | Event::Code(t) => {
                let (line, col) = at.at(range.start);
                let exact = body.get(range.clone()) == Some(&*t);
                cur.pieces.push((cur.text.len(), line + first_line - 1, col, exact));
                cur.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak | Event::Html(_) | Event::InlineHtml(_) => cur.text.push(' '),
            Event::FootnoteReference(_) => cur.text.push(' '),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image) => {}
            Event::Start(tag) => {
                quote_depth += usize::from(matches!(tag, Tag::BlockQuote(_)));
                flush(&mut cur, out, quote_depth > 0);
            }
            Event::End(tag) => {
                quote_depth -= usize::from(matches!(tag, TagEnd::BlockQuote(_)) && quote_depth > 0);
                flush(&mut cur, out, quote_depth > 0);
            }
            _ => {}
        }
    }
    flush(&mut cur, out, false);
}
