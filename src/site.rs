//! Site: runs the pipeline — load → validate → link → render → search index → write — and is
//! what the CLI, the preview server and the tests call.

use crate::config::Config;
use crate::content::{self, model::Site};
use crate::diagnostics::Diagnostic;
use crate::link::Links;
use crate::output;
use crate::render::{
    self, Collect, OutFile, Sink, Theme,
    pages::{Page, PageData},
    urls::LinkMode,
};
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
    let config = match Config::load(root) {
        Ok(c) => c,
        Err(d) => return (None, d),
    };
    let (site, diags) = content::load_site(root, config);
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
    let mut theme = crate::timing::stage("templates", || Theme::load(&site.root, &site.config.language))?;
    render_parts(site, &links, &mut theme, None)
}

/// `render_into` collected in memory.
pub fn render_parts(
    site: &Site,
    links: &Links,
    theme: &mut Theme,
    pages: Option<&[Page]>,
) -> Result<(Vec<OutFile>, Vec<String>), Vec<Diagnostic>> {
    let sink = Collect::default();
    let notes = render_into(site, links, theme, pages, &sink)?;
    Ok((sink.into_files(), notes))
}

/// Renders the given pages and the files derived from the whole site (search index, feeds,
/// sitemap, JSON export), or — with `pages: None` — every page, the static files and those
/// derived files, handing each file to `sink` as soon as it exists. The preview server uses the
/// first form for incremental rebuilds; both give the same bytes for the same file.
pub fn render_into(
    site: &Site,
    links: &Links,
    theme: &mut Theme,
    pages: Option<&[Page]>,
    sink: &dyn Sink,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    use crate::timing::stage;
    theme.set_globals(site, links);
    let mode =
        if site.config.portable { LinkMode::Portable } else { LinkMode::Pretty { base_path: site.config.base_path() } };
    let data = stage("views", || PageData::new(site, links, &theme.strings, mode));
    let full = pages.is_none();
    // Every page: rendered in a full build, listed in the sitemap in both cases.
    let all = Page::all(site, links);
    let pages = pages.unwrap_or(&all);
    let put_all = |files: Vec<OutFile>| files.into_par_iter().try_for_each(|f| sink.put(f)).map_err(|d| vec![d]);
    stage("render + write pages", || render::render_pages(theme, &data, pages, sink))?;
    if full {
        put_all(render::static_files(theme))?;
    }
    let (search_files, mut notes) = stage("search index", || crate::search::build(site, &theme.strings));
    stage("write search files", || put_all(search_files))?;
    let machine = stage("feeds, sitemap, api", || machine_files(site, links, theme, &all, &mut notes));
    put_all(machine)?;
    Ok(notes)
}

/// Feeds, sitemap, robots.txt and the JSON export: for machines, so with absolute URLs from
/// `base_url`; without one, feeds and sitemap are left out and a note says so.
fn machine_files(site: &Site, links: &Links, theme: &Theme, all: &[Page], notes: &mut Vec<String>) -> Vec<OutFile> {
    use crate::render::{api, feeds, seo};
    let mut files = feeds::feeds(site, links, &theme.strings);
    let paths: Vec<String> = all.iter().map(|p| p.path(site)).collect();
    match seo::sitemap(site, &paths) {
        Some(xml) => files.push(OutFile { path: "sitemap.xml".into(), bytes: xml.into_bytes() }),
        None => notes.push("no base_url in config.toml: Atom feeds, sitemap.xml and JSON-LD URLs are left out".into()),
    }
    files.push(OutFile { path: "robots.txt".into(), bytes: seo::robots(site).into_bytes() });
    files.extend(api::export(site, links));
    files
}

/// The whole pipeline: nothing is written unless every stage succeeds.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let start = Instant::now();
    let out = opts.output.clone().unwrap_or_else(|| opts.root.join("public"));
    output::check_output_dir(&opts.root, &out).map_err(|d| vec![d])?;
    let site = crate::timing::stage("load + validate", || load(opts))?;
    let links = crate::timing::stage("link", || Links::build(&site));
    let mut theme = crate::timing::stage("templates", || Theme::load(&site.root, &site.config.language))?;
    if let Some(zip) = &opts.zip {
        if output::absolute(zip).starts_with(output::absolute(&out)) {
            return Err(vec![Diagnostic::file(
                zip,
                "the zip file cannot lie inside the output folder, which is replaced on every build",
            )]);
        }
    }
    let io_err =
        |what: &str, e: std::io::Error| vec![Diagnostic::file(&out, format!("cannot {what} the output folder: {e}"))];
    let staging = output::Staging::new(&out).map_err(|e| io_err("create", e))?;
    let mut notes = render_into(&site, &links, &mut theme, None, &staging)?;
    let (files, bytes) = (staging.files.load(Ordering::Relaxed), staging.bytes.load(Ordering::Relaxed));
    crate::timing::stage("swap in", || staging.commit()).map_err(|e| io_err("replace", e))?;
    if let Some(zip) = &opts.zip {
        let top = zip.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
        output::zip_folder(&out, zip, &top)
            .map_err(|e| vec![Diagnostic::file(zip, format!("cannot write the zip file: {e}"))])?;
        notes.push(format!(
            "portable site also written to {} (unpacks into {top}/; open {top}/index.html)",
            zip.display()
        ));
    }
    let pages = Page::all(&site, &links).len();
    Ok(BuildReport { output: out, pages, files, bytes, elapsed: start.elapsed(), notes })
}
