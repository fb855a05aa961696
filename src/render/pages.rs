//! Pages: the list of every page of the site and the template context of each. A page is
//! identified by a `Page` value, so a rebuild can ask for just the pages it needs.

mod items;
mod overviews;

use super::views::Views;
use crate::config::Taxonomy;
use crate::content::model::Site;
use crate::deps::{Dep, read};
use crate::link::Links;
use crate::strings::{Strings, tr};
use crate::urls::{self, LinkMode};
use tera::{Context, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    Home,
    /// The initiative list, page n (0-based) of `PAGE_SIZE` initiatives.
    InitiativeList(u32),
    Initiative(usize),
    /// The lesson list, page n (0-based) of `PAGE_SIZE` lessons.
    LessonList(u32),
    Lesson(usize),
    Taxonomy(Taxonomy),
    /// Term i of a taxonomy, page n (0-based) of its lessons.
    Term(Taxonomy, usize, u32),
    Matrix,
    /// Above `MATRIX_MAX` initiatives: the matrix of theme i's initiatives, page n (0-based).
    ThemeMatrix(usize, u32),
    Glossary,
    Search,
    NotFound,
    /// A page of the site itself (`pages/`).
    Info(usize),
}

/// Items per page on lists that can grow with the site (lesson and initiative lists, term pages).
pub const PAGE_SIZE: usize = 100;
/// Up to this many initiatives the comparison page shows the full matrices of every initiative.
pub const MATRIX_MAX: usize = 50;
/// The newest lessons shown on the home page.
pub const HOME_NEWEST: usize = 8;

/// How many pages a list of `n` items takes (at least one).
pub fn page_count(n: usize) -> u32 {
    n.div_ceil(PAGE_SIZE).max(1) as u32
}

/// How many pages a term takes: page n lists the n-th `PAGE_SIZE` of its initiatives and of its
/// lessons, so as many as the longer list needs.
pub fn term_page_count(p: &crate::link::TermPages) -> u32 {
    page_count(p.lessons.len().max(p.initiatives.len()))
}

/// Items `n * PAGE_SIZE ..` of `items`, at most `PAGE_SIZE` (empty past the end).
pub(crate) fn page_of(items: &[usize], n: u32) -> &[usize] {
    let start = (n as usize * PAGE_SIZE).min(items.len());
    &items[start..(start + PAGE_SIZE).min(items.len())]
}

/// The path of page `n` (0-based) of a paginated list at `base` (`lessen/` → `lessen/pagina/2/`).
pub fn paged(base: &str, n: u32) -> String {
    if n == 0 { base.to_string() } else { format!("{base}pagina/{}/", n + 1) }
}

impl Page {
    /// Every page of the site.
    pub fn all(site: &Site, links: &Links) -> Vec<Page> {
        let mut pages = vec![Page::Home, Page::Matrix, Page::Glossary, Page::Search, Page::NotFound];
        pages.extend((0..page_count(site.initiatives.len())).map(Page::InitiativeList));
        pages.extend((0..page_count(site.lessons.len())).map(Page::LessonList));
        pages.extend((0..site.initiatives.len()).map(Page::Initiative));
        pages.extend((0..site.lessons.len()).map(Page::Lesson));
        pages.extend((0..site.pages.len()).map(Page::Info));
        pages.extend(Self::theme_matrices(site, links));
        for tax in Taxonomy::ALL {
            pages.push(Page::Taxonomy(tax));
            pages.extend(Self::term_pages(links, tax));
        }
        pages
    }

    /// The per-theme matrices (none up to `MATRIX_MAX` initiatives: the full matrix has them all).
    pub fn theme_matrices(site: &Site, links: &Links) -> Vec<Page> {
        if site.initiatives.len() <= MATRIX_MAX {
            return vec![];
        }
        let themes = &links.terms[Taxonomy::Themes.index()];
        let with = themes.iter().enumerate().filter(|(_, (_, p))| !p.initiatives.is_empty());
        with.flat_map(|(i, (_, p))| (0..page_count(p.initiatives.len())).map(move |n| Page::ThemeMatrix(i, n)))
            .collect()
    }

    /// Every page of every term of one taxonomy.
    pub fn term_pages(links: &Links, tax: Taxonomy) -> impl Iterator<Item = Page> + '_ {
        links.terms[tax.index()]
            .iter()
            .enumerate()
            .flat_map(move |(i, (_, p))| (0..term_page_count(p)).map(move |n| Page::Term(tax, i, n)))
    }

    /// Canonical output path: a folder (`lessen/x/`) or a file (`404.html`).
    pub fn path(&self, site: &Site) -> String {
        match *self {
            Page::Home => String::new(),
            Page::InitiativeList(n) => paged(urls::INITIATIVES, n),
            Page::Initiative(i) => urls::initiative(&site.initiatives[i].meta.slug),
            Page::LessonList(n) => paged(urls::LESSONS, n),
            Page::Lesson(i) => urls::lesson(&site.lessons[i].meta.slug),
            Page::Taxonomy(t) => urls::taxonomy(t),
            Page::Term(t, i, n) => paged(&urls::term(t, &site.config.terms(t)[i].slug), n),
            Page::Matrix => urls::MATRIX.into(),
            Page::ThemeMatrix(i, n) => paged(&urls::theme_matrix(&site.config.terms(Taxonomy::Themes)[i].slug), n),
            Page::Glossary => urls::GLOSSARY.into(),
            Page::Search => urls::SEARCH.into(),
            Page::NotFound => "404.html".into(),
            Page::Info(i) => urls::info_page(&site.pages[i].meta.slug),
        }
    }

    /// The file written for the page.
    pub fn file(&self, site: &Site) -> String {
        let p = self.path(site);
        if p.is_empty() || p.ends_with('/') { format!("{p}index.html") } else { p }
    }

    pub fn template(&self) -> &'static str {
        match self {
            Page::Home => "index.html",
            Page::InitiativeList(_) => "initiatives.html",
            Page::Initiative(_) => "initiative.html",
            Page::LessonList(_) => "lessons.html",
            Page::Lesson(_) => "lesson.html",
            Page::Taxonomy(_) => "taxonomy.html",
            Page::Term(..) => "term.html",
            Page::Matrix | Page::ThemeMatrix(..) => "matrix.html",
            Page::Glossary => "glossary.html",
            Page::Search => "search.html",
            Page::NotFound => "404.html",
            Page::Info(_) => "page.html",
        }
    }
}

/// Everything the page contexts are made from: the site, its links and its views (built once
/// per build, or kept and updated by the preview server).
pub struct PageData<'a> {
    pub site: &'a Site,
    pub links: &'a Links,
    pub t: &'a Strings,
    pub views: &'a Views,
    pub mode: LinkMode,
    glossary: super::glossary::Glossary,
}

/// A template map of `pairs`: what serialising a struct of these fields gives, without copying
/// the values.
fn map<const N: usize>(pairs: [(&'static str, Value); N]) -> Value {
    Value::from(std::collections::BTreeMap::from(pairs))
}

impl<'a> PageData<'a> {
    pub fn new(site: &'a Site, links: &'a Links, t: &'a Strings, views: &'a Views, mode: LinkMode) -> Self {
        let glossary = super::glossary::Glossary::new(&site.config.glossary);
        PageData { site, links, t, views, mode, glossary }
    }

    /// The cards of lessons `idx` as one template value. Cards are shared, not copied: a
    /// value's clone is a reference count (inserting with `Context::insert` would serialise
    /// each card again).
    fn lessons(&self, idx: &[usize]) -> Value {
        Value::from(idx.iter().map(|&i| self.lesson_card(i)).collect::<Vec<_>>())
    }

    /// The card of lesson `li`, read.
    fn lesson_card(&self, li: usize) -> Value {
        read(|| Dep::Card(self.site.lessons[li].meta.slug.clone()));
        self.views.lesson_values[li].clone()
    }

    /// The card of initiative `ii`, read.
    fn initiative_card(&self, ii: usize) -> Value {
        read(|| Dep::InitiativeCard(self.site.initiatives[ii].meta.slug.clone()));
        self.views.initiative_values[ii].clone()
    }

    fn initiatives(&self, idx: &[usize]) -> Value {
        Value::from(idx.iter().map(|&i| self.initiative_card(i)).collect::<Vec<_>>())
    }

    /// The lessons newest first (read as a whole: a list page shows its place in them).
    fn newest(&self) -> &'a [usize] {
        read(|| Dep::Newest);
        &self.links.newest
    }

    /// The cards of initiatives `from..to` in order (`to` clamped), as one template value; and
    /// how many initiatives there are.
    fn initiative_range(&self, from: usize, to: usize) -> (Value, usize) {
        read(|| Dep::Initiatives);
        let all = &self.views.initiative_values;
        let (from, to) = (from.min(all.len()), to.min(all.len()));
        (from..to).for_each(|ii| read(|| Dep::InitiativeCard(self.site.initiatives[ii].meta.slug.clone())));
        (Value::from(&all[from..to]), all.len())
    }

    /// The lessons and initiatives of term `i` of `tax`, read.
    fn term_members(&self, tax: Taxonomy, i: usize) -> &'a crate::link::TermPages {
        let (slug, pages) = &self.links.terms[tax.index()][i];
        read(|| Dep::Term(tax, slug.clone()));
        pages
    }

    /// Lessons (already ordered by initiative) in one group per initiative (`initiative`,
    /// `lessons`).
    fn by_initiative(&self, lessons: &[usize]) -> Value {
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        for &li in lessons {
            let ii = self.links.initiative_of[li];
            if ii == usize::MAX {
                continue;
            }
            match groups.last_mut() {
                Some((current, members)) if *current == ii => members.push(li),
                _ => groups.push((ii, vec![li])),
            }
        }
        let group = |(ii, members): (usize, Vec<usize>)| {
            map([("initiative", self.initiative_card(ii)), ("lessons", self.lessons(&members))])
        };
        Value::from(groups.into_iter().map(group).collect::<Vec<_>>())
    }

    /// Previous/next links and page numbers for page `n` of a list of `total` pages at `base`.
    fn pagination(&self, base: &str, n: u32, total: u32) -> serde_json::Value {
        let link = |k: u32| serde_json::json!({"number": k + 1, "path": paged(base, k), "current": k == n});
        let window: Vec<_> = (0..total).filter(|&k| k < 2 || k + 2 >= total || k.abs_diff(n) <= 2).map(link).collect();
        serde_json::json!({
            "current": n + 1, "total": total, "pages": window,
            "prev": (n > 0).then(|| paged(base, n - 1)), "next": (n + 1 < total).then(|| paged(base, n + 1)),
        })
    }

    /// The template context of one page: what every page has, then what its kind shows.
    pub fn context(&self, page: Page) -> Context {
        let site = self.site;
        let path = page.path(site);
        let root = urls::root_for(&self.mode, &path);
        let mut c = Context::new();
        c.insert("portable", &matches!(self.mode, LinkMode::Portable));
        c.insert("root", &root);
        c.insert("page_path", &path);
        c.insert("canonical", &urls::absolute(&site.config.base_url, &path));
        match page {
            Page::Home => self.home_page(&mut c),
            Page::InitiativeList(n) => self.initiative_list_page(&mut c, n),
            Page::Initiative(ii) => self.initiative_page(&mut c, ii, &root),
            Page::LessonList(n) => self.lesson_list_page(&mut c, n),
            Page::Lesson(li) => self.lesson_page(&mut c, li, &root),
            Page::Taxonomy(tax) => {
                c.insert("taxonomy", &self.taxonomy(tax));
                c.insert("page_title", &crate::strings::taxonomy_name(self.t, tax));
            }
            Page::Term(tax, i, n) => self.term_page(&mut c, tax, i, n),
            Page::Matrix => self.matrix_page(&mut c),
            Page::ThemeMatrix(ti, n) => self.theme_matrix_page(&mut c, ti, n),
            Page::Glossary => {
                c.insert("letters", &self.glossary_letters());
                c.insert("page_title", &tr(self.t, "glossary"));
            }
            Page::Search => c.insert("page_title", &tr(self.t, "search")),
            Page::NotFound => c.insert("page_title", &tr(self.t, "not_found")),
            Page::Info(i) => {
                let p = &site.pages[i];
                read(|| Dep::Info(p.meta.slug.clone()));
                c.insert("title", &p.meta.title);
                c.insert_value("body", Value::safe_string(&self.body(&p.meta.body.html, &root)));
                c.insert("page_title", &p.meta.title);
            }
        }
        c
    }

    fn home_page(&self, c: &mut Context) {
        let newest: Vec<usize> = self.newest().iter().take(HOME_NEWEST).copied().collect();
        c.insert_value("newest", self.lessons(&newest));
        // The home page shows the first initiatives; the list page has them all.
        c.insert_value("initiatives", self.initiative_range(0, 12).0);
        c.insert("page_title", &self.site.config.title);
    }

    fn initiative_list_page(&self, c: &mut Context, n: u32) {
        let start = n as usize * PAGE_SIZE;
        let (shown, total) = self.initiative_range(start, start + PAGE_SIZE);
        c.insert_value("initiatives", shown);
        c.insert("pagination", &self.pagination(urls::INITIATIVES, n, page_count(total)));
        c.insert("page_title", &tr(self.t, "initiatives"));
    }

    fn lesson_list_page(&self, c: &mut Context, n: u32) {
        let newest = self.newest();
        c.insert_value("lessons", self.lessons(page_of(newest, n)));
        c.insert("pagination", &self.pagination(urls::LESSONS, n, page_count(newest.len())));
        let kinds: Vec<_> = (self.links.by_kind.iter().filter(|(_, v)| !v.is_empty()))
            .map(|(k, v)| (k.as_str(), tr(self.t, &format!("kinds_{}", k.as_str())), v.len()))
            .collect();
        c.insert("kinds", &kinds);
        c.insert("page_title", &tr(self.t, "lessons"));
    }

    fn term_page(&self, c: &mut Context, tax: Taxonomy, i: usize, n: u32) {
        let site = self.site;
        let term = &site.config.terms(tax)[i];
        let pages = self.term_members(tax, i);
        let base = urls::term(tax, &term.slug);
        c.insert("pagination", &self.pagination(&base, n, term_page_count(pages)));
        c.insert("taxonomy", &self.taxonomy(tax));
        c.insert(
            "term",
            &serde_json::json!({
                "slug": term.slug, "label": site.config.label(term), "description": term.description,
                "path": urls::term(tax, &term.slug),
            }),
        );
        // Page n shows the n-th PAGE_SIZE of both lists (a list with fewer pages: none).
        c.insert_value("initiatives", self.initiatives(page_of(&pages.initiatives, n)));
        c.insert("initiative_count", &pages.initiatives.len());
        c.insert("first_page", &(n == 0));
        c.insert("more_initiatives", &format!("{}?{}={}&soort=initiatief", urls::SEARCH, tax.facet_param(), term.slug));
        c.insert_value("lesson_groups", self.by_initiative(page_of(&pages.lessons, n)));
        c.insert("lesson_count", &pages.lessons.len());
        c.insert("page_title", site.config.label(term));
    }

    /// A body for one page: internal links resolved, first mentions of glossary terms explained,
    /// tables in a keyboard-scrollable region (wide tables scroll on a phone).
    fn body(&self, html: &str, root: &str) -> String {
        let portable = matches!(self.mode, LinkMode::Portable);
        read(|| Dep::Sources);
        let html = urls::resolve_body(html, root, portable, &self.views.sources);
        let html = self.glossary.annotate(&html, &urls::href(root, portable, urls::GLOSSARY));
        if !html.contains("<table>") {
            return html;
        }
        let open = format!(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table>",
            tr(self.t, "table")
        );
        html.replace("<table>", &open).replace("</table>", "</table></div>")
    }
}
