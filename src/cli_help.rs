//! The command line's help (`leernet --help`, `leernet check --help`, …) in the message
//! language: every description, heading and flag text comes from the catalogues (`help-…` in
//! src/i18n/*.ftl), laid over the clap definition in `main.rs`. The language is known before
//! the arguments are parsed: `--lang`, else the `language` of the site's config.toml (found by
//! walking up, as `main` finds the site), else Dutch.

use clap::{Arg, ArgAction, Command};
use leernet::i18n::Lang;
use leernet::tr;
use std::path::PathBuf;

/// The language for the help, from the raw arguments and the site's config.toml.
pub fn early_lang(args: &[String]) -> Lang {
    let value = |flag: &str| {
        let eq = format!("{flag}=");
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1).cloned())
            .or_else(|| args.iter().find_map(|a| a.strip_prefix(&eq).map(str::to_string)))
    };
    if let Some(lang) = value("--lang").as_deref().and_then(Lang::from_code) {
        return lang;
    }
    let start = value("--root").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
    let start = std::fs::canonicalize(&start).unwrap_or(start);
    let config = start.ancestors().map(|d| d.join("config.toml")).find(|p| p.is_file());
    let language = config
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|t| t.get("language").and_then(|v| v.as_str()).and_then(Lang::from_code));
    language.unwrap_or(Lang::Nl)
}

/// Descriptions of the commands and their arguments: (command path, argument id or "" for
/// the command itself, catalogue text).
fn texts() -> Vec<(&'static str, &'static str, String)> {
    vec![
        ("", "", tr!("help-about")),
        ("", "root", tr!("help-root")),
        ("", "quiet", tr!("help-quiet")),
        ("", "lang", tr!("help-lang")),
        ("check", "", tr!("help-check")),
        ("check", "format", tr!("help-check-format")),
        ("check", "sources", tr!("help-check-sources")),
        ("check", "deny_warnings", tr!("help-check-deny-warnings")),
        ("build", "", tr!("help-build")),
        ("build", "output", tr!("help-build-output")),
        ("build", "base_url", tr!("help-build-base-url")),
        ("build", "portable", tr!("help-build-portable")),
        ("build", "zip", tr!("help-build-zip")),
        ("serve", "", tr!("help-serve")),
        ("serve", "port", tr!("help-serve-port")),
        ("serve", "interface", tr!("help-serve-interface")),
        ("serve", "open", tr!("help-serve-open")),
        ("diff", "", tr!("help-diff")),
        ("diff", "old", tr!("help-diff-old")),
        ("diff", "new", tr!("help-diff-new")),
        ("diff", "format", tr!("help-diff-format")),
        ("import", "", tr!("help-import")),
        ("import", "file", tr!("help-import-file")),
        ("import", "sheet", tr!("help-import-sheet")),
        ("import", "update", tr!("help-import-update")),
        ("import", "skip_invalid", tr!("help-import-skip-invalid")),
        ("import", "dry_run", tr!("help-import-dry-run")),
        ("export", "", tr!("help-export")),
        ("export", "file", tr!("help-export-file")),
        ("new", "", tr!("help-new")),
        ("new lesson", "", tr!("help-new-lesson")),
        ("new lesson", "initiative", tr!("help-new-lesson-initiative")),
        ("new lesson", "title", tr!("help-new-lesson-title")),
        ("new initiative", "", tr!("help-new-initiative")),
        ("new initiative", "title", tr!("help-new-initiative-title")),
        ("new sheet", "", tr!("help-new-sheet")),
        ("new sheet", "file", tr!("help-new-sheet-file")),
    ]
}

/// `cmd` with its help in the current message language.
pub fn localized(cmd: Command) -> Command {
    let texts = texts();
    let mut cmd = localize(cmd, "", &texts);
    cmd = cmd
        .disable_version_flag(true)
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help(tr!("help-version")));
    cmd
}

fn localize(mut cmd: Command, path: &str, texts: &[(&str, &str, String)]) -> Command {
    for (_, arg, text) in texts.iter().filter(|(p, _, _)| *p == path) {
        if arg.is_empty() {
            cmd = cmd.about(text.clone()).long_about(None);
        } else {
            // Defaults and choices are named in the catalogue's text, in its language.
            cmd = cmd.mut_arg(*arg, |a| {
                let a = a.help(text.clone()).long_help(None);
                if a.get_action().takes_values() { a.hide_default_value(true).hide_possible_values(true) } else { a }
            });
        }
    }
    let has_commands = cmd.get_subcommands().any(|c| !c.is_hide_set());
    let has_positionals = cmd.get_positionals().next().is_some();
    let mut template = format!("{{about-with-newline}}\n{}: {{usage}}\n", tr!("help-usage"));
    if has_commands {
        template.push_str(&format!("\n{}:\n{{subcommands}}\n", tr!("help-commands")));
    }
    if has_positionals {
        template.push_str(&format!("\n{}:\n{{positionals}}\n", tr!("help-arguments")));
    }
    template.push_str(&format!("\n{}:\n{{options}}\n", tr!("help-options")));
    cmd = cmd
        .help_template(template)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(tr!("help-help")));
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |sc| localize(sc, &sub_path, texts));
    }
    cmd
}
