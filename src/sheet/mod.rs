//! Spreadsheets in and out: `leernet import` (lessons from `.xlsx`, `.ods` or `.csv`, checked
//! by the same code as `leernet check`), `leernet export` (the collection for administrators)
//! and `leernet new sheet` (an empty import sheet). What these commands print is here too, so
//! `main` only dispatches.

pub mod cells;
pub mod columns;
pub mod export;
pub mod grid;
pub mod import;
pub mod limits;
pub mod messages;
pub mod read;
pub mod template;

use crate::config::Config;
use crate::content::model::Site;
use crate::diagnostics::Diagnostic;
pub use import::{ImportOptions, ImportReport, Problem};
use std::path::Path;

/// Runs `leernet import` and prints its problems (stderr) and files (stdout). Returns whether
/// it succeeded: no problems, or `--skip-invalid` and the valid rows written.
pub fn import_command(root: &Path, config: &Config, opts: &ImportOptions, quiet: bool) -> bool {
    let report = import::import(root, config, opts);
    let file = opts.file.display().to_string();
    for p in &report.problems {
        eprintln!("{}", p.render(&file));
    }
    if report.site_problems > 0 {
        eprintln!("{}", messages::site_problems(report.site_problems));
    }
    let nothing_valid = report.files.is_empty() && !report.problems.is_empty();
    let ok = !nothing_valid && (report.written || (opts.dry_run && (report.problems.is_empty() || opts.skip_invalid)));
    if !report.skipped.is_empty() {
        eprintln!("{}", messages::skipped(&report.skipped));
    }
    if !ok {
        if !report.problems.is_empty() {
            eprintln!("{}", messages::failed(report.problems.len()));
        }
        return false;
    }
    for f in &report.files {
        if opts.dry_run {
            println!("==> {} ({}) <==\n{}", f.rel, messages::status_word(!f.existed, f.changed), f.text);
        } else if !quiet && f.changed {
            println!("{} ({})", f.rel, messages::status_word(!f.existed, f.changed));
        }
    }
    if !quiet {
        let new = report.files.iter().filter(|f| !f.existed).count();
        let changed = report.files.iter().filter(|f| f.existed && f.changed).count();
        let same = report.files.len() - new - changed;
        eprintln!("{}", messages::summary(new, changed, same, opts.dry_run));
    }
    true
}

/// Loads the site for `export` and `new sheet`: refuses one with problems.
pub fn load_clean(root: &Path, config: Config) -> Result<Site, String> {
    let (site, diags): (Site, Vec<Diagnostic>) = crate::content::load_site(root, config);
    if diags.is_empty() { Ok(site) } else { Err(messages::site_has_problems(diags.len())) }
}

/// Runs `leernet export`; prints the files written.
pub fn export_command(root: &Path, config: Config, out: &Path, quiet: bool) -> Result<(), String> {
    let site = load_clean(root, config)?;
    for f in export::export(&site, out)? {
        if !quiet {
            println!("{}", f.display());
        }
    }
    Ok(())
}

/// Runs `leernet new sheet`: from the initiatives that load, whatever else is wrong.
pub fn new_sheet_command(root: &Path, config: Config, out: &Path) -> Result<(), String> {
    template::new_sheet(&crate::content::load_site(root, config).0, out)
}
