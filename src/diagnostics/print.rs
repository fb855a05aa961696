//! Printing diagnostics for people and machines: `file:line:col: fout: …` with the offending
//! source line and a caret (in colour on a terminal), GitHub Actions annotations, or JSON.

use super::Diagnostic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How `check` (and every command that fails) prints its problems. The command line takes it
/// as `--format` (the `help` texts are what `--help` shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// file:line:col: error: message, then the source line with a caret (standard error)
    #[value(help = "file:line:col: error: message (suggestion)")]
    Human,
    /// GitHub Actions annotations (`::error file=…,line=…::message`, standard output)
    #[value(help = "GitHub Actions annotations (::error file=…,line=…::message)")]
    Github,
    /// A JSON array of diagnostics (standard output)
    #[value(help = "A JSON array of diagnostics")]
    Json,
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

/// Prints `diags` in `format`, paths shown relative to `root`.
pub fn print(root: &Path, diags: &[Diagnostic], format: Format) {
    match format {
        Format::Human => {
            let style = Style::stderr();
            let mut sources = HashMap::new();
            for d in diags {
                print_human(root, d, &style, &mut sources);
            }
        }
        Format::Github => {
            for d in diags {
                println!("{}", github(root, d));
            }
        }
        Format::Json => {
            let shown: Vec<_> = diags.iter().map(|d| d.to_json(root)).collect();
            println!("{}", serde_json::to_string_pretty(&shown).unwrap_or_default());
        }
    }
}

/// One GitHub Actions annotation: `::error file=…,line=…,col=…,title=code::message`.
fn github(root: &Path, d: &Diagnostic) -> String {
    let msg = match &d.suggestion {
        Some(s) => format!("{} ({s})", d.message),
        None => d.message.clone(),
    };
    let esc = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    format!(
        "::{} file={},line={},col={},title={}::{}",
        d.severity.as_str(),
        esc(&d.display_path(root)),
        d.line.max(1),
        d.column.max(1),
        d.code,
        esc(&msg)
    )
}

/// `file:line:col: error: message`, then the offending source line with a caret and the
/// suggestion under it (source files read once each, through `sources`).
fn print_human(root: &Path, d: &Diagnostic, style: &Style, sources: &mut HashMap<PathBuf, Vec<String>>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_annotation_escapes_newlines_and_names_the_code() {
        let d =
            Diagnostic::new("/site/lessons/a.md", 3, 0, crate::i18n::Msg { id: "unknown-term", text: "a\nb%".into() });
        assert_eq!(
            github(Path::new("/site"), &d),
            "::error file=lessons/a.md,line=3,col=1,title=unknown-term::a%0Ab%25"
        );
    }
}
