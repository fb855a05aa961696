//! The source texts of `check --sources DIR`: every text file below DIR read into one shingle
//! index, HTML with its tags, scripts, styles and comments taken out and its entities decoded.
//! Binary files are skipped; symbolic links are followed (a loop is reported); a missing folder
//! or an unreadable file is an error.

use super::shingles::Index;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A larger source file is reported and not read (a folder of reports, not of data dumps).
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The index of every source text below `dir`, and the source files' names (relative to `dir`),
/// numbered as in the index.
pub struct Sources {
    pub index: Index,
    pub names: Vec<String>,
}

/// Reads every text file below `dir` (hidden files and folders left out).
pub fn read(dir: &Path) -> Result<Sources, Diagnostics> {
    if !dir.is_dir() {
        let what = if dir.exists() { msg!("sources-not-folder") } else { msg!("sources-missing") };
        return Err(Diagnostic::file(dir, what).with_suggestion(msg!("hint-sources-folder")).into());
    }
    let mut index = Index::default();
    let mut names = Vec::new();
    let mut errors = Vec::new();
    let walker = WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter();
    let visible = |e: &walkdir::DirEntry| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.');
    for entry in walker.filter_entry(visible) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
                errors.push(Diagnostic::file(path, msg!("sources-cannot-read", error = e.to_string())));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        match read_text(entry.path()) {
            Ok(Some(text)) => {
                index.add(names.len() as u32, &text);
                names.push(entry.path().strip_prefix(dir).unwrap_or(entry.path()).display().to_string());
            }
            Ok(None) => {}
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() && names.is_empty() {
        errors.push(Diagnostic::file(dir, msg!("sources-no-text")).with_suggestion(msg!("hint-sources-folder")));
    }
    Diagnostics(errors).or_ok(Sources { index, names })
}

/// The text of one source file; `None` for a binary file (it has NUL bytes).
fn read_text(path: &Path) -> Result<Option<String>, Diagnostic> {
    let fail = |e: std::io::Error| Diagnostic::file(path, msg!("sources-cannot-read", error = e.to_string()));
    let file = std::fs::File::open(path).map_err(fail)?;
    let too_large = |len| Diagnostic::file(path, msg!("source-too-large", len = len, max = MAX_SOURCE_BYTES));
    let len = file.metadata().map_err(fail)?.len();
    if len > MAX_SOURCE_BYTES {
        return Err(too_large(len));
    }
    // Read at most one byte past the limit, in case the file grew since.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_SOURCE_BYTES + 1), &mut bytes).map_err(fail)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.contains(&0) {
        return Ok(None);
    }
    // Another encoding than UTF-8 loses only its accented letters, not the run around them.
    let text = String::from_utf8_lossy(&bytes);
    let html = path
        .extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"));
    Ok(Some(if html { strip_html(&text) } else { text.into_owned() }))
}

/// The text of an HTML page: tags, comments and the content of `<script>` and `<style>` become
/// spaces, entities their characters. Line breaks are kept, so lines stay those of the file.
/// One pass, linear in the page.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        let skip_to = if rest.starts_with("<!--") {
            Some(find_from(&lower, i + 4, "-->").map_or(html.len(), |e| e + 3))
        } else if let Some(tag) = ["<script", "<style"].into_iter().find(|t| lower[i..].starts_with(t)) {
            let close = format!("</{}", &tag[1..]);
            let end = find_from(&lower, i, &close).unwrap_or(html.len());
            Some(find_from(&lower, end, ">").map_or(html.len(), |e| e + 1))
        } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c))
        {
            Some(find_from(&lower, i, ">").map_or(html.len(), |e| e + 1))
        } else {
            None
        };
        if let Some(end) = skip_to {
            out.push(' ');
            out.extend(html[i..end].chars().filter(|c| *c == '\n'));
            i = end;
            continue;
        }
        if let Some((c, len)) = rest.starts_with('&').then(|| entity(rest)).flatten() {
            out.push(c);
            i += len;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn find_from(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    haystack.get(from..)?.find(needle).map(|p| p + from)
}

/// The character of an entity at the start of `s` (`&amp;`, `&#233;`, `&#xE9;`, a few named
/// letters) and its length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s[..s.len().min(12)].find(';')?;
    let name = &s[1..end];
    let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
    } else if let Some(dec) = name.strip_prefix('#') {
        char::from_u32(dec.parse().ok()?)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "euml" => 'ë',
            "eacute" => 'é',
            "egrave" => 'è',
            "iuml" => 'ï',
            "ouml" => 'ö',
            "uuml" => 'ü',
            "auml" => 'ä',
            "ldquo" => '“',
            "rdquo" => '”',
            "bdquo" => '„',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// `dir` as given on the command line, or `[content] sources` relative to the site root.
pub fn resolve(root: &Path, from_cli: Option<&Path>, from_config: Option<&str>) -> Option<PathBuf> {
    from_cli.map(Path::to_path_buf).or_else(|| from_config.map(|s| root.join(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_loses_tags_scripts_and_entities_but_keeps_lines() {
        let html = "<html><head><style>p { x: 1 }</style><script>var a = '<p>';</script></head>\n\
                    <body><!-- weg\n --><p class=\"x\">Co&ouml;rdinatie &amp; zorg&#233;</p>\n<br/>a &lt; b</body>";
        let text = strip_html(html);
        assert!(!text.contains("<p") && !text.contains("<br") && text.contains("a < b"), "{text}");
        assert!(!text.contains("var a") && !text.contains("x: 1") && !text.contains("weg"), "{text}");
        assert!(text.contains("Coördinatie & zorgé"), "{text}");
        assert_eq!(text.matches('\n').count(), html.matches('\n').count());
    }

    #[test]
    fn a_missing_folder_and_an_empty_one_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("bronnen");
        let e = read(&missing).err().unwrap();
        assert_eq!(e[0].code, "sources-missing");
        std::fs::create_dir(&missing).unwrap();
        std::fs::write(missing.join("plaatje.png"), b"\x89PNG\0\0").unwrap();
        let e = read(&missing).err().unwrap();
        assert_eq!(e[0].code, "sources-no-text");
        std::fs::write(missing.join("bron.txt"), "een twee drie vier vijf zes zeven acht").unwrap();
        let s = read(&missing).ok().unwrap();
        assert_eq!((s.names.clone(), s.index.len()), (vec!["bron.txt".to_string()], 1));
    }
}
