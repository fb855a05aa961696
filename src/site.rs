//! Site: runs the pipeline — load → validate → link → render → search index → write — and is
//! what the CLI, the preview server and the tests call.

use crate::config::Config;
use crate::content::{self, model::Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::Links;
use crate::output;
use crate::output::OutFile;
use crate::render::{Theme, pages::Page};
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
pub fn load_config(opts: &BuildOptions) -> Result<Config, Diagnostics> {
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
pub fn check(root: &Path) -> (Option<Site>, Diagnostics) {
    check_with(root, None)
}

/// `check`, and when a sources folder is given (`sources`, else `[content] sources` relative
/// to the site root) also the warnings about phrasing copied from its texts.
pub fn check_with(root: &Path, sources: Option<&Path>) -> (Option<Site>, Diagnostics) {
    let config = match Config::load(root) {
        Ok(c) => c,
        Err(d) => return (None, d),
    };
    let dir = content::copied::resolve(root, sources, config.content.sources.as_deref());
    let (site, mut diags) = content::load_site(root, config);
    if let Some(dir) = dir {
        diags.extend(crate::timing::stage("copied phrasing", || content::copied::check(&site, &dir)));
    }
    (Some(site), Diagnostics(diags).sorted())
}

/// Loads a site and fails on any problem.
pub fn load(opts: &BuildOptions) -> Result<Site, Diagnostics> {
    let config = load_config(opts)?;
    let (site, diags) = content::load_site(&opts.root, config);
    Diagnostics(diags).or_ok(site)
}

/// Everything the output folder holds, rendered in memory.
pub fn render_site(site: &Site) -> Result<(Vec<OutFile>, Vec<String>), Diagnostics> {
    let links = crate::timing::stage("link", || Links::build(site));
    let mut theme = crate::timing::stage("templates", || Theme::load(&site.root, &site.config))?;
    let (files, notes, _) = crate::pipeline::render_parts(site, &links, &mut theme)?;
    Ok((files, notes))
}

/// Frees `value` on a thread of its own: the site model is hundreds of thousands of small
/// allocations (~15 ms each for the model and the search data at 10,000 lessons), freed
/// while the build goes on or not at all when the process ends first. (If no thread can be
/// started, the refused closure, and with it `value`, is freed here.)
fn drop_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().name("drop".into()).spawn(move || drop(value));
}

/// The whole pipeline: nothing is written unless every stage succeeds.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let start = Instant::now();
    let out = opts.output.clone().unwrap_or_else(|| opts.root.join("public"));
    output::check_output_dir(&opts.root, &out)?;
    if let Some(zip) = &opts.zip
        && output::absolute(zip).starts_with(output::absolute(&out))
    {
        return Err(Diagnostic::file(zip, crate::msg!("zip-inside-output")).into());
    }
    let io_err = |what: &str, e: std::io::Error| {
        Diagnostics::from(Diagnostic::file(&out, crate::msg!("output-cannot", what = what, error = e.to_string())))
    };
    // Taken before loading: what the spare tree and the manifest hold is read meanwhile. A
    // build that fails leaves both as they were.
    let staging = output::Staging::new(&out, opts.cleanup).map_err(|e| io_err("create", e))?;
    let site = crate::timing::stage("load + validate", || load(opts))?;
    let links = crate::timing::stage("link", || Links::build(&site));
    let mut theme = crate::timing::stage("templates", || Theme::load(&site.root, &site.config))?;
    let (mut notes, kept) = crate::pipeline::render_into(&site, &links, &mut theme, &staging, false)?;
    drop_aside(kept);
    let (files, bytes) = (staging.files.load(Ordering::Relaxed), staging.bytes.load(Ordering::Relaxed));
    crate::timing::stage("swap in", || staging.commit()).map_err(|e| io_err("replace", e))?;
    if let Some(zip) = &opts.zip {
        let top = zip.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
        output::zip_folder(&out, zip, &top)
            .map_err(|e| Diagnostic::file(zip, crate::msg!("zip-cannot-write", error = e.to_string())))?;
        notes.push(crate::tr!("note-zip", path = zip.display().to_string(), top = &top));
    }
    let pages = Page::all(&site, &links).len();
    drop_aside((site, links, theme));
    Ok(BuildReport { output: out, pages, files, bytes, elapsed: start.elapsed(), notes })
}
