//! Site: runs the pipeline — load → validate → link → render → search index → write — and is
//! what the CLI, the preview server and the tests call.

use crate::config::Config;
use crate::content::{self, model::Site};
use crate::diagnostics::Diagnostic;
use crate::link::Links;
use crate::output;
use crate::output::{Collect, OutFile, Sink};
use crate::render::{
    self, Theme, api,
    pages::{Page, PageData},
    views::Views,
};
use crate::urls::LinkMode;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Settings of one build, from the command line.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `<root>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Relative links for use from a folder; overrides `portable = false` in config.toml.
    pub portable: bool,
    /// Also write the (portable) site as one zip archive here.
    pub zip: Option<PathBuf>,
    /// How the previous output is removed after the swap (`leernet build` detaches it).
    pub cleanup: output::Cleanup,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    pub notes: Vec<String>,
}

/// Loads the configuration, applying command-line overrides.
pub fn load_config(opts: &BuildOptions) -> Result<Config, Vec<Diagnostic>> {
    let mut config = Config::load(&opts.root)?;
    if let Some(b) = &opts.base_url {
        config.base_url = b.trim_end_matches('/').to_string();
    }
    if opts.portable || opts.zip.is_some() {
        config.portable = true;
    }
    Ok(config)
}

/// Loads and validates everything: what `leernet check` runs. Returns the site (of the files
/// that loaded) and every problem, sorted.
pub fn check(root: &Path) -> (Option<Site>, Vec<Diagnostic>) {
    check_with(root, None)
}

/// `check`, and when a sources folder is given (`sources`, else `[content] sources` relative
/// to the site root) also the warnings about phrasing copied from its texts.
pub fn check_with(root: &Path, sources: Option<&Path>) -> (Option<Site>, Vec<Diagnostic>) {
    let config = match Config::load(root) {
        Ok(c) => c,
        Err(d) => return (None, d),
    };
    let dir = content::copied::resolve(root, sources, config.content.sources.as_deref());
    let (site, mut diags) = content::load_site(root, config);
    if let Some(dir) = dir {
        diags.extend(crate::timing::stage("copied phrasing", || content::copied::check(&site, &dir)));
    }
    (Some(site), crate::diagnostics::Diagnostics(diags).sorted())
}

/// Loads a site and fails on any problem.
pub fn load(opts: &BuildOptions) -> Result<Site, Vec<Diagnostic>> {
    let config = load_config(opts)?;
    let (site, diags) = content::load_site(&opts.root, config);
    if diags.is_empty() { Ok(site) } else { Err(crate::diagnostics::Diagnostics(diags).sorted()) }
}

/// Everything the output folder holds, rendered in memory.
pub fn render_site(site: &Site) -> Result<(Vec<OutFile>, Vec<String>), Vec<Diagnostic>> {
    let links = crate::timing::stage("link", || Links::build(site));
    let mut theme = crate::timing::stage("templates", || Theme::load(&site.root, &site.config))?;
    let (files, notes, _) = render_parts(site, &links, &mut theme)?;
    Ok((files, notes))
}

/// `render_into` collected in memory.
pub fn render_parts(
    site: &Site,
    links: &Links,
    theme: &mut Theme,
) -> Result<(Vec<OutFile>, Vec<String>, Kept), Vec<Diagnostic>> {
    let sink = Collect::default();
    let (notes, kept) = render_into(site, links, theme, &sink, true)?;
    Ok((sink.into_files(), notes, kept))
}

/// What a render computed that the preview server keeps and updates for its next rebuild.
pub struct Kept {
    pub views: Views,
    pub lessons_json: api::LessonsJson,
    /// The paths of the search files written.
    pub search_files: Vec<String>,
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
) -> Result<(Vec<String>, Kept), Vec<Diagnostic>> {
    use crate::timing::stage;
    let put_all = |files: Vec<OutFile>| files.into_par_iter().try_for_each(|f| sink.put(f)).map_err(|d| vec![d]);
    // The search index first: its working memory (the largest of any stage) is free again for
    // the pages, instead of coming on top of theirs. A plain build lets the index itself go too.
    // Its files go to the sink as they are made.
    let (live, search_files, mut notes) =
        stage("search index", || crate::search::live::Live::build_into(site, &theme.strings, keep, sink))
            .map_err(|d| vec![d])?;
    theme.set_globals(site, links);
    let theme: &Theme = theme;
    let views = stage("views", || Views::build(site, links, &theme.strings));
    let data = PageData::new(site, links, &theme.strings, &views, link_mode(site));
    let pages = Page::all(site, links);
    // The files for machines are made beside the pages: they are mostly one thread's work
    // (feeds, sitemap, the JSON export written as it is made), which the other threads'
    // pages hide.
    let (rendered, machine) = rayon::join(
        || stage("render + write pages", || render::render_pages(theme, &data, &pages, sink, keep)),
        || stage("feeds, sitemap, api", || machine_files_into(site, links, theme, &pages, &mut notes, sink)),
    );
    let reads = rendered?;
    let lessons_json = machine.map_err(|d| vec![d])?;
    put_all(render::static_files(theme))?;
    Ok((notes, Kept { views, lessons_json, search_files, search: live, reads }))
}

/// Feeds, sitemap, robots.txt, the JSON export and the comparison view's data: for machines, so with absolute URLs from
/// `base_url`; without one, feeds and sitemap are left out and a note says so. Also returns
/// `api/lessons.json` by lesson.
pub fn machine_files(
    site: &Site,
    links: &Links,
    theme: &Theme,
    all: &[Page],
    notes: &mut Vec<String>,
) -> (Vec<OutFile>, api::LessonsJson) {
    let sink = Collect::default();
    let lessons_json = machine_files_into(site, links, theme, all, notes, &sink).expect("collecting cannot fail");
    (sink.into_files(), lessons_json)
}

/// `machine_files`, each handed to `sink` as soon as it is made (the big JSON files piece by
/// piece, never held whole).
pub fn machine_files_into(
    site: &Site,
    links: &Links,
    theme: &Theme,
    all: &[Page],
    notes: &mut Vec<String>,
    sink: &dyn Sink,
) -> Result<api::LessonsJson, Diagnostic> {
    for f in feeds_and_sitemap(site, links, theme, all, notes) {
        sink.put(f)?;
    }
    for f in crate::render::compare::scripts(site, links, &theme.strings) {
        sink.put(f)?;
    }
    api::export_into(site, links, sink)
}

/// The feeds, the sitemap, robots.txt and the web form's `admin/` (with `[cms]`).
fn feeds_and_sitemap(site: &Site, links: &Links, theme: &Theme, all: &[Page], notes: &mut Vec<String>) -> Vec<OutFile> {
    use crate::render::{feeds, seo};
    let mut files = feeds::feeds(site, links, &theme.strings);
    match sitemap(site, all) {
        Some(file) => files.push(file),
        None => notes.push(crate::tr!("note-no-base-url")),
    }
    files.push(OutFile { path: "robots.txt".into(), bytes: seo::robots(site).into_bytes() });
    files.extend(crate::render::cms::admin_files(site, &theme.strings));
    files
}

/// `sitemap.xml` of the pages `all`; `None` without a `base_url`.
pub fn sitemap(site: &Site, all: &[Page]) -> Option<OutFile> {
    let paths: Vec<String> = all.iter().map(|p| p.path(site)).collect();
    let xml = crate::render::seo::sitemap(site, &paths)?;
    Some(OutFile { path: "sitemap.xml".into(), bytes: xml.into_bytes() })
}

/// Frees `value` on a thread of its own: the site model is hundreds of thousands of small
/// allocations (~15 ms each for the model and the search data at 10,000 lessons), freed
/// while the build goes on or not at all when the process ends first. (If no thread can be
/// started, the refused closure, and with it `value`, is freed here.)
fn drop_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().name("drop".into()).spawn(move || drop(value));
}

/// The whole pipeline: nothing is written unless every stage succeeds.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let start = Instant::now();
    let out = opts.output.clone().unwrap_or_else(|| opts.root.join("public"));
    output::check_output_dir(&opts.root, &out).map_err(|d| vec![d])?;
    let site = crate::timing::stage("load + validate", || load(opts))?;
    let links = crate::timing::stage("link", || Links::build(&site));
    let mut theme = crate::timing::stage("templates", || Theme::load(&site.root, &site.config))?;
    if let Some(zip) = &opts.zip
        && output::absolute(zip).starts_with(output::absolute(&out))
    {
        return Err(vec![Diagnostic::file(zip, crate::msg!("zip-inside-output"))]);
    }
    let io_err = |what: &str, e: std::io::Error| {
        vec![Diagnostic::file(&out, crate::msg!("output-cannot", what = what, error = e.to_string()))]
    };
    let staging = output::Staging::new(&out, opts.cleanup).map_err(|e| io_err("create", e))?;
    let (mut notes, kept) = render_into(&site, &links, &mut theme, &staging, false)?;
    drop_aside(kept);
    let (files, bytes) = (staging.files.load(Ordering::Relaxed), staging.bytes.load(Ordering::Relaxed));
    crate::timing::stage("swap in", || staging.commit()).map_err(|e| io_err("replace", e))?;
    if let Some(zip) = &opts.zip {
        let top = zip.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
        output::zip_folder(&out, zip, &top)
            .map_err(|e| vec![Diagnostic::file(zip, crate::msg!("zip-cannot-write", error = e.to_string()))])?;
        notes.push(crate::tr!("note-zip", path = zip.display().to_string(), top = &top));
    }
    let pages = Page::all(&site, &links).len();
    drop_aside((site, links, theme));
    Ok(BuildReport { output: out, pages, files, bytes, elapsed: start.elapsed(), notes })
}
