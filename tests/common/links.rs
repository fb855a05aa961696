//! Internal-link checker over a built output folder: every href/src must resolve to a file,
//! and every #fragment to an id in that file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pat = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&pat) {
        let after = &rest[i + pat.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "html")).collect()
}

pub fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() { stack.push(p) } else { out.push(p) }
        }
    }
    out.sort();
    out
}

/// Checks every internal link of every HTML file in `out`. `base_path` is the URL path the
/// site is served under (`/` for root-relative links); `None` means links are relative.
/// Returns the problems and the number of links checked.
pub fn check_links(out: &Path, base_path: Option<&str>) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut ids: HashMap<PathBuf, Vec<String>> = HashMap::new();
    for file in html_files(out) {
        let html = std::fs::read_to_string(&file).unwrap();
        let mut links: Vec<&str> = attr_values(&html, "href");
        links.extend(attr_values(&html, "src"));
        for link in links {
            let link = link.replace("&amp;", "&");
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
                || link.starts_with("tel:")
            {
                continue;
            }
            checked += 1;
            let (path, frag) = match link.split_once('#') {
                Some((p, f)) => (p.to_string(), Some(f.to_string())),
                None => (link.clone(), None),
            };
            let path = path.split('?').next().unwrap_or("").to_string();
            let target: PathBuf = if path.is_empty() {
                file.clone()
            } else if let Some(bp) = base_path {
                let Some(rel) = path.strip_prefix(bp) else {
                    problems.push(format!("{}: link `{link}` is outside the base path", file.display()));
                    continue;
                };
                out.join(rel)
            } else {
                file.parent().unwrap().join(&path)
            };
            let target = if target.is_dir() || path.ends_with('/') { target.join("index.html") } else { target };
            if !target.is_file() {
                problems.push(format!("{}: link `{link}` resolves to no file ({})", file.display(), target.display()));
                continue;
            }
            if let Some(f) = frag.filter(|f| !f.is_empty()) {
                let canon = target.canonicalize().unwrap();
                let list = ids.entry(canon.clone()).or_insert_with(|| {
                    let h = std::fs::read_to_string(&canon).unwrap_or_default();
                    attr_values(&h, "id").into_iter().map(str::to_string).collect()
                });
                if !list.contains(&f) {
                    problems.push(format!("{}: link `{link}`: no id `{f}` in {}", file.display(), target.display()));
                }
            }
        }
    }
    (problems, checked)
}
