//! The `leernet` command line: a thin layer over the library.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use leernet::diagnostics::Diagnostic;
use leernet::site::{self, BuildOptions};
use leernet::tr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod cli_help;

/// mimalloc: rayon's worker threads allocate a lot of short-lived strings; glibc's per-thread
/// arenas grow in small mprotect steps (84,000 calls for a 10,000-lesson build), mimalloc not.
/// Built without transparent huge pages (`no_thp`, and switched off for the process in `main`):
/// with them a 10,000-lesson build spent up to 0.7 s of CPU zeroing 2 MB pages and waiting on
/// the kernel's compaction, and its time varied by ±20 % from run to run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "leernet", version, about = "Builds the learning-network site from initiatives and lessons")]
struct Cli {
    /// The site folder (holding config.toml, initiatives/ and lessons/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// Print only errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Language of the messages (default: the site's `language`, else nl).
    #[arg(long, global = true, value_parser = ["nl", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    /// file:line:col: error: message (suggestion)
    Human,
    /// GitHub Actions annotations (::error file=…,line=…::message)
    Github,
    /// A JSON array of diagnostics
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    /// Plain text
    Text,
    /// Markdown, for a pull-request comment or a job summary
    Markdown,
}

#[derive(Subcommand)]
enum Command {
    /// Check every content file and report all problems; writes nothing.
    Check {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Also warn about runs of 8+ words shared with a text file in DIR (overrides
        /// [content] sources in config.toml).
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
        /// Fail (exit code 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Check, then build the site into the output folder (atomically).
    Build {
        /// Output folder (default: <root>/public).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Overrides base_url from config.toml.
        #[arg(long)]
        base_url: Option<String>,
        /// Relative links ending in index.html, for use from a folder or file://.
        #[arg(long)]
        portable: bool,
        /// Also write the portable site as one zip file to hand out (implies --portable).
        #[arg(long, value_name = "FILE")]
        zip: Option<PathBuf>,
    },
    /// Build into memory, serve on http://127.0.0.1:1111, rebuild on every change, reload the browser.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; only this machine can connect unless told otherwise.
        #[arg(long, default_value = "127.0.0.1")]
        interface: String,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// List the pages added, removed and changed between two builds (for pull-request reviews).
    Diff {
        /// The output folder of the earlier build (e.g. of the base branch).
        old: PathBuf,
        /// The output folder of the later build (e.g. of the pull request).
        new: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
    },
    /// Print `token<TAB>term` for every word of standard input, as the search index sees it
    /// (term empty for a stop word). Used to test the browser client against the index.
    #[command(hide = true)]
    SearchPipeline,
    /// Write one lesson file per row of a spreadsheet (.xlsx, .ods or .csv).
    Import {
        /// The spreadsheet.
        file: PathBuf,
        /// The sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Rewrite lesson files that exist from their row.
        #[arg(long)]
        update: bool,
        /// Write the valid rows and list the skipped ones.
        #[arg(long)]
        skip_invalid: bool,
        /// Print what would be written; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write every lesson and initiative to a spreadsheet (.xlsx, or .csv files).
    Export {
        /// The file to write.
        file: PathBuf,
    },
    /// Write a ready-to-fill lesson or initiative file, or an empty import sheet.
    New {
        #[command(subcommand)]
        what: New,
    },
}

#[derive(Subcommand)]
enum New {
    /// lessons/<initiative>/<slug>.md
    Lesson {
        /// Slug of the initiative the lesson belongs to.
        #[arg(long)]
        initiative: String,
        /// The lesson's title.
        title: String,
    },
    /// initiatives/<slug>.md
    Initiative {
        /// The initiative's name.
        title: String,
    },
    /// An empty import sheet (.xlsx) with drop-down lists and the allowed values.
    Sheet {
        /// The .xlsx file to write.
        file: PathBuf,
    },
}

/// ANSI styles for a terminal that wants colour (not when NO_COLOR is set or output is piped).
struct Style {
    on: bool,
}

impl Style {
    fn stderr() -> Style {
        use std::io::IsTerminal;
        Style { on: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }
}

/// `file:line:col: error: message`, then the offending source line with a caret and the
/// suggestion under it.
fn print_human(
    root: &Path,
    d: &Diagnostic,
    style: &Style,
    sources: &mut std::collections::HashMap<PathBuf, Vec<String>>,
) {
    let mut head = d.display_path(root);
    if d.line > 0 {
        head.push_str(&format!(":{}:{}", d.line, d.column.max(1)));
    }
    let label = format!("{}:", d.severity.label());
    let colour = if d.is_error() { "1;31" } else { "1;33" };
    eprintln!("{}: {} {}", style.paint("1", &head), style.paint(colour, &label), d.message);
    let lines = sources.entry(d.file.clone()).or_insert_with(|| {
        std::fs::read(&d.file)
            .map(|b| String::from_utf8_lossy(&b).lines().map(str::to_string).collect())
            .unwrap_or_default()
    });
    let source = (d.line > 0).then(|| lines.get(d.line - 1)).flatten();
    let gutter = " ".repeat(d.line.to_string().len());
    if let Some(src) = source {
        let shown: String = src.chars().take(160).collect();
        eprintln!("{} {} {}", style.paint("34", &d.line.to_string()), style.paint("34", "|"), shown);
        let pad: String =
            src.chars().take(d.column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        let hint = d.suggestion.as_deref().map(|s| format!(" {s}")).unwrap_or_default();
        eprintln!("{gutter} {} {pad}{}", style.paint("34", "|"), style.paint("1;33", &format!("^{hint}")));
    } else if let Some(s) = &d.suggestion {
        eprintln!("{gutter} {} {}", style.paint("34", "="), style.paint("33", s));
    }
}

fn print_diagnostics(root: &Path, diags: &[Diagnostic], format: Format) {
    match format {
        Format::Human => {
            let style = Style::stderr();
            let mut sources = std::collections::HashMap::new();
            for d in diags {
                print_human(root, d, &style, &mut sources);
            }
        }
        Format::Github => {
            for d in diags {
                let msg = match &d.suggestion {
                    Some(s) => format!("{} ({s})", d.message),
                    None => d.message.clone(),
                };
                let esc = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
                println!(
                    "::{} file={},line={},col={},title={}::{}",
                    d.severity.as_str(),
                    esc(&d.display_path(root)),
                    d.line.max(1),
                    d.column.max(1),
                    d.code,
                    esc(&msg)
                );
            }
        }
        Format::Json => {
            let shown: Vec<_> = diags.iter().map(|d| d.to_json(root)).collect();
            println!("{}", serde_json::to_string_pretty(&shown).unwrap_or_default());
        }
    }
}

/// A progress bar over rendered pages while a long build runs (only on a terminal).
fn progress_bar(
    quiet: bool,
) -> Option<(indicatif::ProgressBar, std::thread::JoinHandle<()>, std::sync::Arc<std::sync::atomic::AtomicBool>)> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {{msg}} {{pos}} {} [{{elapsed}}]",
            tr!("progress-pages")
        ))
        .ok()?,
    );
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

fn load_config_or_print(root: &Path) -> Option<leernet::config::Config> {
    leernet::config::Config::load(root).map_err(|d| print_diagnostics(root, &d, Format::Human)).ok()
}

fn summary(n: usize) -> String {
    tr!("count-errors", n = n)
}

fn warnings(n: usize) -> String {
    tr!("count-warnings", n = n)
}

/// Sets the message language (`--lang`, else the site's, else Dutch) and finds the site root
/// by walking up from `--root` to the nearest folder holding config.toml.
fn site_root(cli: &Cli) -> Result<PathBuf, ExitCode> {
    let chosen = cli.lang.as_deref().and_then(leernet::i18n::Lang::from_code);
    leernet::i18n::set_lang(chosen.unwrap_or(leernet::i18n::Lang::Nl));
    let root = leernet::config::find_root(&cli.root).map_err(|d| {
        print_diagnostics(Path::new("."), &[d], Format::Human);
        ExitCode::from(1)
    })?;
    if chosen.is_none() {
        let site = leernet::config::peek_language(&root).as_deref().and_then(leernet::i18n::Lang::from_code);
        leernet::i18n::set_lang(site.unwrap_or(leernet::i18n::Lang::Nl));
    }
    Ok(root)
}

fn main() -> ExitCode {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    // The help (`--help`) in the message language, which is known before parsing.
    let args: Vec<String> = std::env::args().collect();
    leernet::i18n::set_lang(cli_help::early_lang(&args));
    let matches = cli_help::localized(Cli::command()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let root = match cli.command {
        Command::Diff { .. } | Command::SearchPipeline => {
            let lang = cli.lang.as_deref().and_then(leernet::i18n::Lang::from_code);
            leernet::i18n::set_lang(lang.unwrap_or(leernet::i18n::Lang::Nl));
            cli.root.clone()
        }
        _ => match site_root(&cli) {
            Ok(r) => r,
            Err(code) => return code,
        },
    };
    let quiet = cli.quiet;
    match cli.command {
        Command::Check { format, sources, deny_warnings } => {
            let (site, diags) = site::check_with(&root, sources.as_deref());
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let warned = diags.len() - errors;
            let failed = errors > 0 || (deny_warnings && warned > 0);
            // --quiet prints only errors.
            let shown: Vec<_> = diags.into_iter().filter(|d| d.is_error() || !quiet).collect();
            print_diagnostics(&root, &shown, format);
            if format == Format::Human {
                if errors > 0 && warned > 0 {
                    eprintln!(
                        "{}",
                        tr!("check-failed-and-warnings", errors = summary(errors), warnings = warnings(warned))
                    );
                } else if errors > 0 {
                    eprintln!("{}", tr!("check-failed", errors = summary(errors)));
                } else if failed {
                    eprintln!("{}", tr!("check-denied-warnings", warnings = warnings(warned)));
                } else if !quiet {
                    let (i, l) = site.map(|s| (s.initiatives.len(), s.lessons.len())).unwrap_or((0, 0));
                    let problems = if warned == 0 { tr!("no-problems") } else { warnings(warned) };
                    eprintln!("{}", tr!("check-ok", initiatives = i, lessons = l, problems = problems));
                }
            }
            if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Command::Build { output, base_url, portable, zip } => {
            let cleanup = leernet::output::Cleanup::Keep;
            let opts = BuildOptions { root: root.clone(), output, base_url, portable, zip, cleanup };
            let bar = progress_bar(quiet);
            let result = site::build(&opts);
            if let Some((bar, handle, done)) = bar {
                done.store(true, std::sync::atomic::Ordering::Relaxed);
                let _ = handle.join();
                bar.finish_and_clear();
            }
            match result {
                Ok(r) => {
                    for (name, ms, mb, cpu) in leernet::timing::take_with_memory() {
                        eprintln!("  {name:<22} {ms:>8.1} ms  {cpu:>8.1} ms CPU  {mb:>6.0} MB resident after");
                    }
                    if !quiet {
                        for n in &r.notes {
                            eprintln!("{}", tr!("build-note", note = n));
                        }
                        let mb = format!("{:.1}", r.bytes as f64 / 1e6);
                        let (output, ms) = (r.output.display().to_string(), r.elapsed.as_millis() as u64);
                        let done =
                            tr!("build-done", pages = r.pages, files = r.files, mb = mb, output = output, ms = ms);
                        eprintln!("{done}");
                    }
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    print_diagnostics(&root, &diags, Format::Human);
                    eprintln!("{}", tr!("build-failed", errors = summary(diags.len())));
                    ExitCode::from(1)
                }
            }
        }
        Command::Serve { port, interface, open } => {
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let flag = stop.clone();
            let _ = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst));
            let opts = leernet::serve::ServeOptions { root: root.clone(), interface, port, open, portable: false };
            match leernet::serve::serve(&opts, stop, None) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    print_diagnostics(&root, &d, Format::Human);
                    ExitCode::from(1)
                }
            }
        }
        Command::Diff { old, new, format } => match leernet::diff::compare(&old, &new) {
            Ok(changes) => {
                print!(
                    "{}",
                    match format {
                        DiffFormat::Text => leernet::diff::to_text(&changes),
                        DiffFormat::Markdown => leernet::diff::to_markdown(&changes),
                    }
                );
                ExitCode::SUCCESS
            }
            Err(d) => {
                print_diagnostics(Path::new("."), &[d], Format::Human);
                ExitCode::from(1)
            }
        },
        Command::SearchPipeline => {
            use std::io::{Read, Write};
            let mut input = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut input) {
                eprintln!("{}", tr!("stdin-unreadable", error = e.to_string()));
                return ExitCode::from(1);
            }
            let mut p = leernet::search::pipeline::Pipeline::new();
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for (token, term) in p.run(&input) {
                let _ = writeln!(out, "{token}\t{}", term.unwrap_or_default());
            }
            ExitCode::SUCCESS
        }
        Command::Import { file, sheet, update, skip_invalid, dry_run } => {
            let Some(config) = load_config_or_print(&root) else { return ExitCode::from(1) };
            let opts = leernet::sheet::ImportOptions { file, sheet, update, skip_invalid, dry_run };
            ExitCode::from(if leernet::sheet::import_command(&root, &config, &opts, quiet) { 0 } else { 1 })
        }
        Command::Export { file } => {
            let Some(config) = load_config_or_print(&root) else { return ExitCode::from(1) };
            match leernet::sheet::export_command(&root, config, &file, quiet) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::New { what } => {
            let config = match leernet::config::Config::load(&root) {
                Ok(c) => c,
                Err(d) => {
                    print_diagnostics(&root, &d, Format::Human);
                    return ExitCode::from(1);
                }
            };
            let today = chrono::Local::now().date_naive().to_string();
            let r = match what {
                New::Sheet { file } => leernet::sheet::new_sheet_command(&root, config, &file).map(|_| file),
                New::Lesson { initiative, title } => {
                    leernet::scaffold::new_lesson(&root, &config, &initiative, &title, &today)
                }
                New::Initiative { title } => leernet::scaffold::new_initiative(&root, &config, &title, &today),
            };
            match r {
                Ok(p) => {
                    if !quiet {
                        println!("{}", p.strip_prefix(&root).unwrap_or(&p).display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}", tr!("new-error", message = e));
                    ExitCode::from(1)
                }
            }
        }
    }
}
