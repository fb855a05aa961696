//! Fingerprints of what pages read: a hash of what a page sees of each `Dep` in the current
//! model, `None` when it no longer exists.

use crate::content::model::Site;
use crate::deps::Dep;
use crate::deps::fingerprint as hash;
use crate::link::Links;
use crate::render::views::Views;
use std::collections::{BTreeMap, HashMap};

/// The model a build renders from, as the fingerprints see it.
pub struct Model<'a> {
    pub site: &'a Site,
    pub links: &'a Links,
    pub views: &'a Views,
    /// `render::Theme::global_fingerprints`.
    pub globals: &'a BTreeMap<(String, String), u64>,
    /// The fingerprint of each search file's part of the index (`search::Live::fingerprints`).
    pub search: &'a HashMap<String, u64>,
}

impl Model<'_> {
    fn lesson(&self, slug: &str) -> Option<usize> {
        self.site.lessons.binary_search_by(|l| l.meta.slug.as_str().cmp(slug)).ok()
    }

    fn initiative(&self, slug: &str) -> Option<usize> {
        self.site.initiative_index(slug)
    }

    fn lesson_slugs(&self, idx: &[usize]) -> Vec<&str> {
        idx.iter().map(|&i| self.site.lessons[i].meta.slug.as_str()).collect()
    }

    fn initiative_slugs(&self, idx: &[usize]) -> Vec<&str> {
        idx.iter().map(|&i| self.site.initiatives[i].meta.slug.as_str()).collect()
    }

    /// The fingerprint of `dep` now. A lesson's, initiative's or page's own fields are not
    /// hashed (they change only when their file is read again): present is all it says.
    pub fn fingerprint(&self, dep: &Dep) -> Option<u64> {
        let (site, links) = (self.site, self.links);
        match dep {
            Dep::Lesson(slug) => self.lesson(slug).map(|_| 0),
            Dep::Initiative(slug) => self.initiative(slug).map(|_| 0),
            Dep::Info(slug) => site.pages.iter().any(|p| p.meta.slug == *slug).then_some(0),
            Dep::Card(slug) => self.lesson(slug).map(|i| hash(&self.views.lessons[i])),
            Dep::Related(slug) => self.lesson(slug).map(|i| hash(self.lesson_slugs(&links.related[i]))),
            Dep::InitiativeCard(slug) => self.initiative(slug).map(|i| hash(&self.views.initiatives[i])),
            Dep::LessonsOf(slug) => self.initiative(slug).map(|i| {
                let of = &links.lessons_of[i];
                hash((self.lesson_slugs(of), of.iter().map(|&l| site.lessons[l].kind).collect::<Vec<_>>()))
            }),
            Dep::Term(tax, slug) => links
                .term(*tax, slug)
                .map(|p| hash((self.lesson_slugs(&p.lessons), self.initiative_slugs(&p.initiatives)))),
            Dep::Newest => {
                let kinds: Vec<_> = links.by_kind.iter().map(|(k, v)| (*k, v.len())).collect();
                // With the dates: the feeds fall back on the newest date for undated entries
                // (of a lesson or of an initiative's review).
                let dates: Vec<_> = links.newest.iter().map(|&i| site.lessons[i].added).collect();
                let reviewed = site.initiatives.iter().filter_map(|i| i.last_reviewed).max();
                Some(hash((self.lesson_slugs(&links.newest), dates, kinds, reviewed)))
            }
            Dep::Initiatives => Some(hash(self.initiative_slugs(&(0..site.initiatives.len()).collect::<Vec<_>>()))),
            Dep::Pages => {
                let pages = crate::render::pages::Page::all(site, links);
                Some(hash(pages.iter().map(|p| p.path(site)).collect::<Vec<_>>()))
            }
            Dep::Sources => Some(hash(self.views.sources.iter().collect::<BTreeMap<_, _>>())),
            Dep::Global(name, template) => self.globals.get(&(name.clone(), template.clone())).copied(),
            Dep::Search(path) => self.search.get(path).copied(),
        }
    }
}
