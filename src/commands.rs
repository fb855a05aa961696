//! What each `leernet` command does once its arguments are parsed: calls into the library,
//! prints the result in the message language, and says whether it succeeded.

use crate::{DiffFormat, New};
use leernet::diagnostics::{Diagnostic, print::Format};
use leernet::site::{self, BuildOptions};
use leernet::tr;
use std::path::Path;

/// Prints problems for people (every command but `check --format` prints this way).
pub fn print(root: &Path, diags: &[Diagnostic]) {
    leernet::diagnostics::print::print(root, diags, Format::Human);
}

fn errors(n: usize) -> String {
    tr!("count-errors", n = n)
}

fn warnings(n: usize) -> String {
    tr!("count-warnings", n = n)
}

fn config_or_print(root: &Path) -> Option<leernet::config::Config> {
    leernet::config::Config::load(root).map_err(|d| print(root, &d)).ok()
}

/// `leernet check`: every problem, then one line that sums them up.
pub fn check(root: &Path, format: Format, sources: Option<&Path>, deny_warnings: bool, quiet: bool) -> bool {
    let (site, diags) = site::check_with(root, sources);
    let failed_on = diags.iter().filter(|d| d.is_error()).count();
    let warned = diags.len() - failed_on;
    let failed = failed_on > 0 || (deny_warnings && warned > 0);
    // --quiet prints only errors.
    let shown: Vec<_> = diags.into_iter().filter(|d| d.is_error() || !quiet).collect();
    leernet::diagnostics::print::print(root, &shown, format);
    if format == Format::Human {
        if failed_on > 0 && warned > 0 {
            let line = tr!("check-failed-and-warnings", errors = errors(failed_on), warnings = warnings(warned));
            eprintln!("{line}");
        } else if failed_on > 0 {
            eprintln!("{}", tr!("check-failed", errors = errors(failed_on)));
        } else if failed {
            eprintln!("{}", tr!("check-denied-warnings", warnings = warnings(warned)));
        } else if !quiet {
            let (i, l) = site.map(|s| (s.initiatives.len(), s.lessons.len())).unwrap_or((0, 0));
            let problems = if warned == 0 { tr!("no-problems") } else { warnings(warned) };
            eprintln!("{}", tr!("check-ok", initiatives = i, lessons = l, problems = problems));
        }
    }
    !failed
}

/// `leernet build`, with a progress bar on a terminal and the stage timings when asked for.
pub fn build(opts: &BuildOptions, quiet: bool) -> bool {
    let bar = progress_bar(quiet);
    let result = site::build(opts);
    if let Some((bar, handle, done)) = bar {
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = handle.join();
        bar.finish_and_clear();
    }
    let r = match result {
        Ok(r) => r,
        Err(diags) => {
            print(&opts.root, &diags);
            eprintln!("{}", tr!("build-failed", errors = errors(diags.len())));
            return false;
        }
    };
    for (name, ms, mb, cpu) in leernet::timing::take_with_memory() {
        eprintln!("  {name:<22} {ms:>8.1} ms  {cpu:>8.1} ms CPU  {mb:>6.0} MB resident after");
    }
    if !quiet {
        for n in &r.notes {
            eprintln!("{}", tr!("build-note", note = n));
        }
        let mb = format!("{:.1}", r.bytes as f64 / 1e6);
        let (output, ms) = (r.output.display().to_string(), r.elapsed.as_millis() as u64);
        eprintln!("{}", tr!("build-done", pages = r.pages, files = r.files, mb = mb, output = output, ms = ms));
    }
    true
}

type Progress = (indicatif::ProgressBar, std::thread::JoinHandle<()>, std::sync::Arc<std::sync::atomic::AtomicBool>);

/// A progress bar over rendered pages while a long build runs (only on a terminal).
fn progress_bar(quiet: bool) -> Option<Progress> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    let template = format!("{{spinner}} {{msg}} {{pos}} {} [{{elapsed}}]", tr!("progress-pages"));
    bar.set_style(indicatif::ProgressStyle::with_template(&template).ok()?);
    bar.set_message(tr!("progress-rendering"));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (b, d) = (bar.clone(), done.clone());
    let handle = std::thread::spawn(move || {
        // Quick builds show nothing: the bar appears after half a second.
        std::thread::sleep(std::time::Duration::from_millis(500));
        while !d.load(std::sync::atomic::Ordering::Relaxed) {
            b.set_position(leernet::timing::pages_done() as u64);
            b.tick();
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    });
    Some((bar, handle, done))
}

/// `leernet serve`, until Ctrl-C.
pub fn serve(root: &Path, port: u16, interface: String, open: bool) -> bool {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst));
    let opts = leernet::serve::ServeOptions { root: root.to_path_buf(), interface, port, open, portable: false };
    leernet::serve::serve(&opts, stop, None).map_err(|d| print(root, &d)).is_ok()
}

/// `leernet diff OLD NEW`: the changed pages, as text or Markdown, on standard output.
pub fn diff(old: &Path, new: &Path, format: DiffFormat) -> bool {
    match leernet::diff::compare(old, new) {
        Ok(changes) => {
            print!(
                "{}",
                match format {
                    DiffFormat::Text => leernet::diff::to_text(&changes),
                    DiffFormat::Markdown => leernet::diff::to_markdown(&changes),
                }
            );
            true
        }
        Err(d) => {
            print(Path::new("."), &[d]);
            false
        }
    }
}

/// The hidden `search-pipeline`: `token<TAB>term` per word of standard input.
pub fn search_pipeline() -> bool {
    use std::io::{Read, Write};
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("{}", tr!("stdin-unreadable", error = e.to_string()));
        return false;
    }
    let mut p = leernet::search::pipeline::Pipeline::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (token, term) in p.run(&input) {
        let _ = writeln!(out, "{token}\t{}", term.unwrap_or_default());
    }
    true
}

/// `leernet import FILE`.
pub fn import(root: &Path, opts: &leernet::sheet::ImportOptions, quiet: bool) -> bool {
    config_or_print(root).is_some_and(|config| leernet::sheet::import_command(root, &config, opts, quiet))
}

/// `leernet export FILE`.
pub fn export(root: &Path, file: &Path, quiet: bool) -> bool {
    let Some(config) = config_or_print(root) else { return false };
    leernet::sheet::export_command(root, config, file, quiet)
        .map_err(|e| eprintln!("{}", tr!("command-error", message = e)))
        .is_ok()
}

/// `leernet new lesson|initiative|sheet`: prints the file written.
pub fn new(root: &Path, what: New, quiet: bool) -> bool {
    let Some(config) = config_or_print(root) else { return false };
    let today = chrono::Local::now().date_naive().to_string();
    let written = match what {
        New::Sheet { file } => leernet::sheet::new_sheet_command(root, config, &file).map(|_| file),
        New::Lesson { initiative, title } => leernet::scaffold::new_lesson(root, &config, &initiative, &title, &today),
        New::Initiative { title } => leernet::scaffold::new_initiative(root, &config, &title, &today),
    };
    match written {
        Ok(p) => {
            if !quiet {
                println!("{}", p.strip_prefix(root).unwrap_or(&p).display());
            }
            true
        }
        Err(e) => {
            eprintln!("{}", tr!("command-error", message = e));
            false
        }
    }
}
