//! The `leernet` command line: a thin layer over the library.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use leernet::diagnostics::print::Format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod cli_help;
mod commands;

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

#[derive(Clone, Copy, ValueEnum)]
pub enum DiffFormat {
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
pub enum New {
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

/// Sets the message language (`--lang`, else the site's, else Dutch) and finds the site root
/// by walking up from `--root` to the nearest folder holding config.toml.
fn site_root(cli: &Cli) -> Result<PathBuf, ExitCode> {
    let chosen = cli.lang.as_deref().and_then(leernet::i18n::Lang::from_code);
    leernet::i18n::set_lang(chosen.unwrap_or(leernet::i18n::Lang::Nl));
    let root = leernet::config::find_root(&cli.root).map_err(|d| {
        commands::print(Path::new("."), &[d]);
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
    let ok = match cli.command {
        Command::Check { format, sources, deny_warnings } => {
            commands::check(&root, format, sources.as_deref(), deny_warnings, quiet)
        }
        Command::Build { output, base_url, portable, zip } => {
            let cleanup = leernet::output::Cleanup::Keep;
            let opts = leernet::site::BuildOptions { root: root.clone(), output, base_url, portable, zip, cleanup };
            commands::build(&opts, quiet)
        }
        Command::Serve { port, interface, open } => commands::serve(&root, port, interface, open),
        Command::Diff { old, new, format } => commands::diff(&old, &new, format),
        Command::SearchPipeline => commands::search_pipeline(),
        Command::Import { file, sheet, update, skip_invalid, dry_run } => {
            let opts = leernet::sheet::ImportOptions { file, sheet, update, skip_invalid, dry_run };
            commands::import(&root, &opts, quiet)
        }
        Command::Export { file } => commands::export(&root, &file, quiet),
        Command::New { what } => commands::new(&root, what, quiet),
    };
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
