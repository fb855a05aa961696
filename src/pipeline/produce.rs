//! Producing every output of a site: the pages (in parallel, each with what it read when asked
//! to record), the search files, the feeds, sitemap, JSON export and comparison scripts, and the
//! static files — handed to a `Sink` as soon as each exists. `leernet build` streams them to the
//! staging folder; the preview server collects them and keeps what each page read.

use super::machine::Machine;
use crate::content::model::Site;
use crate::deps::Dep;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::Links;
use crate::output::{Collect, OutFile, Sink};
use crate::render::{
    self, PageReads, Theme, api, feeds,
    pages::{Page, PageData},
    views::Views,
};
use crate::strings::Strings;
use crate::urls::LinkMode;
use rayon::prelude::*;

/// `render_into` collected in memory.
pub fn render_parts(
    site: &Site,
    links: &Links,
    theme: &mut Theme,
) -> Result<(Vec<OutFile>, Vec<String>, Kept), Diagnostics> {
    let sink = Collect::default();
    let (notes, kept) = render_into(site, links, theme, &sink, true)?;
    Ok((sink.into_files(), notes, kept))
}

/// What a render computed that the preview server keeps and updates for its next rebuild.
pub struct Kept {
    pub views: Views,
    /// The entries of `api/lessons.json` (kept only when asked for).
    pub lessons_json: api::LessonsJson,
    /// The search index, for incremental updates (kept only when asked for).
    pub search: Option<crate::search::live::Live>,
    /// What each page read (recorded only when the render is kept).
    pub reads: Vec<render::PageReads>,
}

/// The link mode of a site: relative links when portable, else from its base path.
pub fn link_mode(site: &Site) -> LinkMode {
    if site.config.portable { LinkMode::Portable } else { LinkMode::Pretty { base_path: site.config.base_path() } }
}

/// Renders every page, the static files and the files derived from the whole site (search
/// index, feeds, sitemap, JSON export), handing each file to `sink` as soon as it exists.
/// With `keep` (the preview server) the search index and what each page read are kept.
pub fn render_into(
    site: &Site,
    links: &Links,
    theme: &mut Theme,
    sink: &dyn Sink,
    keep: bool,
) -> Result<(Vec<String>, Kept), Diagnostics> {
    use crate::timing::stage;
    let put_all = |files: Vec<OutFile>| files.into_par_iter().try_for_each(|f| sink.put(f));
    theme.set_globals(site, links);
    let theme: &Theme = theme;
    let pages = Page::all(site, links);
    // The search index is made beside the pages (it needs nothing of them, nor they of it):
    // each stage leaves one core idle part of the time (merges, waits on the disk), which the
    // other fills. Its files go to the sink as they are made.
    let (search, (views, rendered, machine)) = rayon::join(
        || stage("search index", || crate::search::live::Live::build_into(site, &theme.strings, keep, sink)),
        || {
            let views = stage("views", || Views::build(site, links, &theme.strings));
            let data = PageData::new(site, links, &theme.strings, &views, link_mode(site));
            // The files for machines are made beside the pages: they are mostly one thread's
            // work (feeds, sitemap, the JSON export written as it is made), which the other
            // threads' pages hide.
            let (rendered, machine) = rayon::join(
                || stage("render + write pages", || render::render_pages(theme, &data, &pages, sink, keep)),
                || {
                    stage("feeds, sitemap, api", || {
                        let feeds = feeds::Feed::all(site, links);
                        let mut reads = feeds_into(site, links, &theme.strings, &feeds, sink, keep)?;
                        let machine = Machine::all(site);
                        reads.extend(machine_into(site, links, &theme.strings, &machine, &pages, sink, keep)?);
                        Ok::<_, Diagnostic>((reads, api::LessonsJson::write(site, links, sink, keep)?))
                    })
                },
            );
            drop(data);
            (views, rendered, machine)
        },
    );
    let (live, search_files, mut notes) = search?;
    if site.config.base_url.is_empty() {
        notes.push(crate::tr!("note-no-base-url"));
    }
    // Each search file reads its part of the index.
    let search_reads = search_files.into_iter().filter(|_| keep).map(|p| (p.clone(), vec![Dep::Search(p)]));
    let mut reads = rendered?;
    let (feed_reads, mut lessons_json) = machine?;
    reads.extend(feed_reads);
    reads.append(&mut lessons_json.reads);
    reads.extend(search_reads);
    put_all(render::static_files(theme))?;
    Ok((notes, Kept { views, lessons_json, search: live, reads }))
}

/// Makes `feeds`, handing each to `sink`; with `record`, returns what each read.
pub fn feeds_into(
    site: &Site,
    links: &Links,
    t: &Strings,
    feeds: &[feeds::Feed],
    sink: &dyn Sink,
    record: bool,
) -> Result<Vec<PageReads>, Diagnostic> {
    let rank = feeds::ranks(links);
    let mut reads = Vec::new();
    for feed in feeds {
        let (file, read) = crate::deps::recording(record, || feed.make(site, links, t, &rank));
        if record {
            reads.push((feed.path(links), read));
        }
        if let Some(file) = file {
            sink.put(file)?;
        }
    }
    Ok(reads)
}

/// Makes the `machine` outputs (sitemap, robots.txt, `admin/`, comparison scripts, the JSON
/// export but `lessons.json`), handing
/// each file to `sink`; with `record`, returns what each file's maker read.
pub fn machine_into(
    site: &Site,
    links: &Links,
    t: &Strings,
    machine: &[Machine],
    pages: &[Page],
    sink: &dyn Sink,
    record: bool,
) -> Result<Vec<PageReads>, Diagnostic> {
    let mut reads = Vec::new();
    for m in machine {
        let (made, read) = crate::deps::recording(record, || m.make_into(site, links, t, pages, sink));
        made?;
        if record {
            reads.extend(m.paths(site).into_iter().map(|p| (p, read.clone())));
        }
    }
    Ok(reads)
}
