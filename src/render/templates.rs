//! Templates: the built-in theme (the repo's own `templates/` and `static/`, compiled into the
//! binary) with a site's own files of the same name taking precedence, zola-style. Also the
//! interface strings (`templates/i18n/<lang>.toml`) and the `url` filter every template uses.

use crate::diagnostics::{Diagnostic, line_col};
use crate::msg;
use crate::urls;
use include_dir::{Dir, include_dir};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tera::{Kwargs, State, Tera};

pub static BUILTIN_TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
pub static BUILTIN_STATIC: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// Files of a theme folder: built-in ones, overridden by the site's own of the same name.
/// Returns (relative path, bytes) sorted by path.
pub fn merged_files(builtin: &Dir<'static>, site_dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    let mut files = BTreeMap::new();
    collect_builtin(builtin, &mut files);
    if site_dir.is_dir() {
        for entry in walkdir::WalkDir::new(site_dir).follow_links(false).sort_by_file_name() {
            let entry = entry.map_err(|e| Diagnostic::file(site_dir, msg!("cannot-read", error = e.to_string())))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(site_dir).unwrap_or(entry.path());
            if rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
                continue;
            }
            let Some(rel) = rel.to_str() else {
                return Err(Diagnostic::file(entry.path(), msg!("template-file-name")));
            };
            let bytes = std::fs::read(entry.path())
                .map_err(|e| Diagnostic::file(entry.path(), msg!("cannot-read", error = e.to_string())))?;
            files.insert(rel.replace('\\', "/"), bytes);
        }
    }
    Ok(files)
}

fn collect_builtin(dir: &Dir<'static>, out: &mut BTreeMap<String, Vec<u8>>) {
    for f in dir.files() {
        out.insert(f.path().to_string_lossy().replace('\\', "/"), f.contents().to_vec());
    }
    for d in dir.dirs() {
        collect_builtin(d, out);
    }
}

thread_local! {
    /// `root` and `portable` of the page this thread is rendering (see `links_from`).
    static LINKS_FROM: std::cell::RefCell<Option<(String, bool)>> = const { std::cell::RefCell::new(None) };
}

/// Runs `render` with the `url` filter linking from a page whose root prefix is `root`: the
/// filter then reads them here instead of looking `root` and `portable` up in the template's
/// scopes on each of its ~40 calls a page (a tenth of the template time at 10,000 lessons).
pub fn links_from<T>(root: &str, portable: bool, render: impl FnOnce() -> T) -> T {
    struct Reset(Option<(String, bool)>);
    impl Drop for Reset {
        fn drop(&mut self) {
            let previous = self.0.take();
            LINKS_FROM.with_borrow_mut(|l| *l = previous);
        }
    }
    let previous = LINKS_FROM.with_borrow_mut(|l| l.replace((root.to_string(), portable)));
    let _reset = Reset(previous);
    render()
}

/// The `url` filter: `{{ "lessen/x/" | url }}` writes the link from the current page, reading
/// `root` and `portable` from `links_from`, else from the page context.
fn url_filter(path: &str, _: Kwargs, state: &State) -> String {
    let set = LINKS_FROM.with_borrow(|l| l.as_ref().map(|(root, portable)| urls::href(root, *portable, path)));
    set.unwrap_or_else(|| {
        let root: String = state.get("root").ok().flatten().unwrap_or_default();
        let portable: bool = state.get("portable").ok().flatten().unwrap_or(false);
        urls::href(&root, portable, path)
    })
}

/// Loads the theme's templates (built-in plus the site's `templates/`), after `register` has
/// added the functions and filters they may use besides `url`.
pub fn load(root: &Path, register: impl FnOnce(&mut Tera)) -> Result<Tera, Diagnostic> {
    let dir = root.join("templates");
    let files = merged_files(&BUILTIN_TEMPLATES, &dir)?;
    let mut tera = Tera::new();
    tera.register_filter("url", url_filter);
    register(&mut tera);
    let mut sources = Vec::new();
    for (name, bytes) in &files {
        if !name.ends_with(".html") && !name.ends_with(".xml") && !name.ends_with(".txt") {
            continue;
        }
        let text = String::from_utf8(bytes.clone())
            .map_err(|_| Diagnostic::file(dir.join(name), msg!("template-not-utf8")))?;
        sources.push((name.clone(), text));
    }
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error(&dir, &e))?;
    Ok(tera)
}

/// The words (identifiers) each template and the templates it extends, includes or imports
/// contain: the fields of a template value it can name. `None` for a template that can reach a
/// field without naming it (a computed index `x[k]`, `json_encode`, a loop over a map's pairs).
pub fn words(root: &Path) -> BTreeMap<String, Option<BTreeSet<String>>> {
    let files = merged_files(&BUILTIN_TEMPLATES, &root.join("templates")).unwrap_or_default();
    let text: BTreeMap<&str, String> =
        files.iter().map(|(n, b)| (n.as_str(), String::from_utf8_lossy(b).into_owned())).collect();
    let mut out = BTreeMap::new();
    for name in text.keys().filter(|n| n.ends_with(".html")) {
        let (mut seen, mut todo, mut words, mut open) = (BTreeSet::new(), vec![*name], BTreeSet::new(), false);
        while let Some(n) = todo.pop() {
            let Some(t) = text.get(n).filter(|_| seen.insert(n)) else { continue };
            open |= t.contains("json_encode") || t.contains("__tera_context") || computed_index(t) || pair_loop(t);
            words.extend(
                t.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty()).map(str::to_string),
            );
            for key in ["extends", "include", "import", "from"] {
                for part in t.split(key).skip(1) {
                    let quoted = part.trim_start().strip_prefix(['"', '\'']).and_then(|p| p.split(['"', '\'']).next());
                    todo.extend(quoted.and_then(|q| text.get_key_value(q)).map(|(k, _)| *k));
                }
            }
        }
        out.insert(name.to_string(), (!open).then_some(words));
    }
    out
}

/// `x[k]` with `k` not a quoted name or a number.
fn computed_index(t: &str) -> bool {
    t.match_indices('[').any(|(i, _)| {
        let before =
            t[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ')' || c == ']');
        let after = t[i + 1..].trim_start().chars().next();
        before && !after.is_some_and(|c| c == '"' || c == '\'' || c.is_ascii_digit() || c == ']')
    })
}

/// `{% for k, v in map %}`.
fn pair_loop(t: &str) -> bool {
    t.split("for ")
        .skip(1)
        .any(|p| p.split(" in ").next().is_some_and(|vars| vars.contains(',') && !vars.contains('%')))
}

/// A template error as a diagnostic naming the template.
pub fn template_error(dir: &Path, e: &tera::Error) -> Diagnostic {
    let msg = e.to_string();
    let mut d = Diagnostic::file(dir, msg!("template-error", detail = &msg));
    // Tera names the template and position in its message, e.g. `--> lesson.html:12:5`.
    if let Some(pos) = msg.find("--> ") {
        let loc: String = msg[pos + 4..].chars().take_while(|c| !c.is_whitespace()).collect();
        let mut parts = loc.rsplitn(3, ':');
        let col = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
        let line = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
        if let Some(name) = parts.next() {
            d = d.moved(dir.join(name), line, col);
        }
    }
    d
}

/// Interface strings for `lang` from `i18n/<lang>.toml` (site override first).
pub fn strings(root: &Path, lang: &str) -> Result<BTreeMap<String, String>, Diagnostic> {
    let files = merged_files(&BUILTIN_TEMPLATES, &root.join("templates"))?;
    let name = format!("i18n/{lang}.toml");
    let path = root.join("templates").join(&name);
    let bytes = files.get(&name).ok_or_else(|| Diagnostic::file(&path, msg!("no-translation-file")))?;
    let text = String::from_utf8_lossy(bytes);
    toml::from_str::<BTreeMap<String, String>>(&text).map_err(|e| {
        let (l, c) = e.span().map(|s| line_col(&text, s.start)).unwrap_or((1, 1));
        Diagnostic::new(&path, l, c, msg!("translation-syntax", detail = e.message()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(tera: &Tera, root: &str, portable: bool) -> String {
        let mut ctx = tera::Context::new();
        ctx.insert("root", root);
        ctx.insert("portable", &portable);
        tera.render("t.html", &ctx).unwrap()
    }

    #[test]
    fn url_filter_links_from_the_page_being_rendered() {
        let mut tera = Tera::new();
        tera.register_filter("url", url_filter);
        tera.add_raw_template("t.html", r#"{{ "lessen/x/" | url }} {{ "" | url }} {{ "a.css" | url }}"#).unwrap();
        // From the context alone.
        assert_eq!(render(&tera, "/base/", false), "/base/lessen/x/ /base/ /base/a.css");
        assert_eq!(render(&tera, "../../", true), "../../lessen/x/index.html ../../index.html ../../a.css");
        // From `links_from`, which wins over the context, and is undone afterwards (also
        // when nested).
        let html = links_from("../", true, || {
            let inner = links_from("/", false, || render(&tera, "ignored/", false));
            assert_eq!(inner, "/lessen/x/ / /a.css");
            render(&tera, "ignored/", false)
        });
        assert_eq!(html, "../lessen/x/index.html ../index.html ../a.css");
        assert_eq!(render(&tera, "/", false), "/lessen/x/ / /a.css");
    }

    #[test]
    fn the_words_a_template_can_name_include_what_it_extends_and_includes() {
        let dir = std::env::temp_dir().join(format!("leernet-words-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("templates/partials")).unwrap();
        let write = |n: &str, t: &str| std::fs::write(dir.join("templates").join(n), t).unwrap();
        write(
            "lesson.html",
            r#"{% extends "base.html" %}{% block content %}{{ site.lesson_count }}{% endblock content %}"#,
        );
        write("page.html", r#"{% extends "base.html" %}{% block content %}{{ site[field] }}{% endblock content %}"#);
        write(
            "term.html",
            r#"{% extends "base.html" %}{% block content %}{% for k, v in site %}{{ v }}{% endfor %}{% endblock content %}"#,
        );
        write(
            "404.html",
            r#"{% extends "base.html" %}{% block content %}{{ taxonomies[0].name }}{% endblock content %}"#,
        );
        let words = words(&dir);
        let lesson = words["lesson.html"].as_ref().expect("names its fields");
        assert!(lesson.contains("lesson_count") && lesson.contains("taxonomies"), "from base.html too");
        assert!(!lesson.contains("initiative_count"));
        assert!(words["404.html"].is_some(), "a number is no computed index");
        assert_eq!(words["page.html"], None, "a computed index can reach any field");
        assert_eq!(words["term.html"], None, "a loop over pairs reaches every field");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
