//! The outputs for machines that are made of the model as a whole, each by one function that
//! notes what it reads (`deps::read`) as pages and feeds do: the sitemap (the list of pages and
//! the lessons' dates), `robots.txt` (the config alone), the web form's `admin/` (the
//! initiatives' titles), one comparison script per initiative (the initiative and its lessons
//! by kind), and the JSON export's `index.json` (the counts), `initiatives.json` (every
//! initiative and its lessons) and `taxonomies.json` (every term's members). `lessons.json`
//! is put together from one entry per lesson (`render::api::LessonsJson`). `leernet build`
//! and the preview server make them with these functions; the server's graph re-makes exactly
//! those whose reads changed.

use crate::content::model::Site;
use crate::deps::{self, Dep};
use crate::diagnostics::Diagnostic;
use crate::link::Links;
use crate::output::{OutFile, Sink};
use crate::render::{api, cms, compare, pages::Page, seo};
use crate::strings::Strings;

/// One output (or, for `admin/`, a pair of files made together) for machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Machine {
    /// `sitemap.xml` (none without a `base_url`).
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// `admin/index.html` and `admin/config.yml` (only with `[cms]`).
    Admin,
    /// `vergelijk/i/<slug>.js` of the initiative at this index.
    Compare(usize),
    /// `api/index.json`, `api/initiatives.json`, `api/taxonomies.json`.
    ApiIndex,
    ApiInitiatives,
    ApiTaxonomies,
}

impl Machine {
    /// Every such output of `site`, in the order a build writes them.
    pub fn all(site: &Site) -> Vec<Machine> {
        let mut all = vec![Machine::Sitemap, Machine::Robots, Machine::Admin];
        all.extend((0..site.initiatives.len()).map(Machine::Compare));
        all.extend([Machine::ApiIndex, Machine::ApiInitiatives, Machine::ApiTaxonomies]);
        all
    }

    /// The files it makes in `site` (none for a sitemap without `base_url` or `admin/` without
    /// `[cms]`).
    pub fn paths(self, site: &Site) -> Vec<String> {
        match self {
            Machine::Sitemap if site.config.base_url.is_empty() => vec![],
            Machine::Sitemap => vec!["sitemap.xml".into()],
            Machine::Robots => vec!["robots.txt".into()],
            Machine::Admin if site.config.cms.is_none() => vec![],
            Machine::Admin => vec!["admin/index.html".into(), "admin/config.yml".into()],
            Machine::Compare(ii) => vec![format!("{}{}.js", compare::DIR, site.initiatives[ii].meta.slug)],
            Machine::ApiIndex => vec![api::INDEX.into()],
            Machine::ApiInitiatives => vec![api::INITIATIVES.into()],
            Machine::ApiTaxonomies => vec![api::TAXONOMIES.into()],
        }
    }

    /// Makes it, handing its files to `sink`; `pages` are every page of the site (what the
    /// sitemap lists).
    pub fn make_into(
        self,
        site: &Site,
        links: &Links,
        t: &Strings,
        pages: &[Page],
        sink: &dyn Sink,
    ) -> Result<(), Diagnostic> {
        let files = match self {
            Machine::Sitemap => {
                deps::read(|| Dep::Pages);
                // The dates of the lessons (`<lastmod>`); an initiative's is its own.
                deps::read(|| Dep::Newest);
                read_every_initiative(site);
                sitemap(site, pages).into_iter().collect()
            }
            Machine::Robots => vec![OutFile { path: "robots.txt".into(), bytes: seo::robots(site).into_bytes() }],
            Machine::Admin => {
                // The web form offers every initiative by its title.
                deps::read(|| Dep::Initiatives);
                read_every_initiative(site);
                cms::admin_files(site, t)
            }
            Machine::Compare(ii) => {
                let slug = &site.initiatives[ii].meta.slug;
                deps::read(|| Dep::Initiative(slug.clone()));
                deps::read(|| Dep::LessonsOf(slug.clone()));
                vec![compare::script(site, links, t, ii)]
            }
            Machine::ApiIndex => vec![api::index_file(site)],
            // Written as it is made: never held whole.
            Machine::ApiInitiatives => return api::initiatives_into(site, links, sink),
            Machine::ApiTaxonomies => vec![api::taxonomies_file(site, links)],
        };
        files.into_iter().try_for_each(|f| sink.put(f))
    }
}

/// `sitemap.xml` of the pages `all`; `None` without a `base_url`.
pub fn sitemap(site: &Site, all: &[Page]) -> Option<OutFile> {
    let paths: Vec<String> = all.iter().map(|p| p.path(site)).collect();
    let xml = seo::sitemap(site, &paths)?;
    Some(OutFile { path: "sitemap.xml".into(), bytes: xml.into_bytes() })
}

/// Notes that the output being made reads every initiative's own fields.
fn read_every_initiative(site: &Site) {
    site.initiatives.iter().for_each(|i| deps::read(|| Dep::Initiative(i.meta.slug.clone())));
}
