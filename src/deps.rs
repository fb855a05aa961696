//! Dependencies: what an output read from the model while it was made. The accessors the
//! context builders use (`render::pages::PageData`, the feeds) call `read` as they read; the
//! pipeline (`pipeline`) records those reads per output when it keeps a build for the preview
//! server, and re-makes exactly the outputs whose reads changed. Outside a recording (a one-shot
//! `leernet build`) `read` costs one thread-local check.

use crate::config::Taxonomy;
use std::cell::RefCell;

/// One thing of the model an output can read. Slugs, not indices: indices shift when a lesson
/// is added or removed, slugs do not.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dep {
    /// A lesson's own fields and text (what its file says).
    Lesson(String),
    /// The card of a lesson (`views::LessonCard`): what lists of lessons show.
    Card(String),
    /// The lessons related to a lesson, in order.
    Related(String),
    /// An initiative's own fields and text.
    Initiative(String),
    /// The card of an initiative (with its lesson count).
    InitiativeCard(String),
    /// The lessons of an initiative, in order, with their kinds.
    LessonsOf(String),
    /// The lessons and initiatives that carry a term, in order.
    Term(Taxonomy, String),
    /// A page of the site itself (`pages/`).
    Info(String),
    /// The lessons newest first (the lesson list, the home page, the feeds) and the counts by kind.
    Newest,
    /// The initiatives in order.
    Initiatives,
    /// The pages of the site (their output paths, in order): what the sitemap lists.
    Pages,
    /// Content source path → output path: what internal links in texts resolve to.
    Sources,
    /// A value every template can see (`site`, `taxonomies`, `info_pages`, `t`), as far as a
    /// template (the second name) can name its fields.
    Global(String, String),
    /// The part of the search index a search file (this path) is made of (`search::parts`).
    Search(String),
}

/// A fingerprint of a value: equal values, equal fingerprints (what the pipeline compares to
/// know whether something an output read has changed).
pub fn fingerprint(v: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = std::hash::DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

thread_local! {
    static READS: RefCell<Option<Vec<Dep>>> = const { RefCell::new(None) };
}

/// Notes that the output being made on this thread reads `dep` (made only when recording).
pub fn read(dep: impl FnOnce() -> Dep) {
    READS.with_borrow_mut(|r| {
        if let Some(r) = r {
            r.push(dep());
        }
    });
}

/// Whether reads on this thread are being recorded.
pub fn recording_now() -> bool {
    READS.with_borrow(|r| r.is_some())
}

/// Runs `f` and returns what it read (sorted, each once) when `record` is set; with `record`
/// unset `f` runs as it is and nothing is kept.
pub fn recording<T>(record: bool, f: impl FnOnce() -> T) -> (T, Vec<Dep>) {
    if !record {
        return (f(), Vec::new());
    }
    let outer = READS.with_borrow_mut(|r| r.replace(Vec::new()));
    let value = f();
    let mut reads = READS.with_borrow_mut(|r| std::mem::replace(r, outer)).unwrap_or_default();
    reads.sort_unstable();
    reads.dedup();
    (value, reads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_recorded_only_inside_a_recording() {
        read(|| Dep::Newest);
        let ((), reads) = recording(true, || {
            read(|| Dep::Card("b".into()));
            read(|| Dep::Card("a".into()));
            read(|| Dep::Card("b".into()));
            let ((), inner) = recording(true, || read(|| Dep::Newest));
            assert_eq!(inner, [Dep::Newest]);
        });
        assert_eq!(reads, [Dep::Card("a".into()), Dep::Card("b".into())]);
        let ((), none) = recording(false, || read(|| Dep::Newest));
        assert!(none.is_empty() && !recording_now());
    }
}
