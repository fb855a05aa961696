//! `leernet check`: one invalid fixture per error class, asserting the message, the file and the
//! line; all problems reported in one run; exit codes.

mod common;
use common::{Fixture, GOOD_LESSON, lesson};
use leernet::diagnostics::Diagnostic;

fn check(f: &Fixture) -> Vec<Diagnostic> {
    leernet::site::check(f.root()).1
}

/// The one diagnostic of a fixture with one broken lesson file.
fn only_error(front: &str, body: &str) -> Diagnostic {
    let f = Fixture::valid();
    f.write("lessons/kapot.md", &lesson(front, body));
    let d = check(&f);
    assert_eq!(d.len(), 1, "expected exactly one problem, got {d:#?}");
    assert!(d[0].file.ends_with("lessons/kapot.md"), "{:?}", d[0].file);
    d.into_iter().next().unwrap()
}

#[test]
fn valid_fixture_is_clean() {
    let f = Fixture::valid();
    assert_eq!(check(&f), vec![]);
    let (code, _, err) = f.run(&["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 initiatives and 4 lessons"), "{err}");
}

#[test]
fn yaml_syntax_error() {
    let d = only_error("title: [Goed\ninitiative: alpha", "Tekst.");
    assert!(d.message.starts_with("YAML syntax error"), "{}", d.message);
    assert_eq!(d.line, 3);
}

#[test]
fn missing_required_field() {
    let d = only_error("title: Goed\ninitiative: alpha\nthemes: [mantelzorg]\nstakeholders: [inwoner]", "Tekst.");
    assert_eq!(d.message, "missing required field `kind`");
    assert_eq!(d.line, 1);
}

#[test]
fn unknown_field_with_suggestion() {
    let d = only_error(&format!("{GOOD_LESSON}\ntheme: [preventie]"), "Tekst.");
    assert_eq!(d.message, "unknown field `theme`");
    assert_eq!(d.suggestion.as_deref(), Some("did you mean `themes`?"));
    assert_eq!(d.line, 7);
}

#[test]
fn wrong_type() {
    let d =
        only_error("title: Goed\ninitiative: alpha\nkind: les\nthemes: mantelzorg\nstakeholders: [inwoner]", "Tekst.");
    assert_eq!(d.message, "`themes` must be a list, not text");
    assert_eq!(d.suggestion.as_deref(), Some("write it as `themes: [mantelzorg]`"));
    assert_eq!(d.line, 5);
}

#[test]
fn invalid_date() {
    let d = only_error(&format!("{GOOD_LESSON}\nadded: 2026-02-30"), "Tekst.");
    assert_eq!(d.message, "`added` is not a valid date: `2026-02-30`");
    assert_eq!((d.line, d.column), (7, 8));
}

#[test]
fn unknown_term_suggests_closest() {
    let d = only_error(
        "title: Goed\ninitiative: alpha\nkind: les\nthemes:\n  - preventie\n  - mantelzorgg\nstakeholders: [inwoner]",
        "Tekst.",
    );
    assert_eq!(d.message, "unknown themes term `mantelzorgg`");
    assert_eq!(d.suggestion.as_deref(), Some("did you mean `mantelzorg`?"));
    assert_eq!((d.line, d.column), (7, 5));
}

#[test]
fn unknown_kind_suggests_closest() {
    let d = only_error(
        "title: Goed\ninitiative: alpha\nkind: knelpun\nthemes: [mantelzorg]\nstakeholders: [inwoner]",
        "Tekst.",
    );
    assert_eq!(d.message, "`kind` cannot be `knelpun`");
    assert_eq!(d.suggestion.as_deref(), Some("did you mean `knelpunt`?"));
    assert_eq!(d.line, 4);
}

#[test]
fn initiative_must_exist() {
    let d =
        only_error("title: Goed\ninitiative: alfa\nkind: les\nthemes: [mantelzorg]\nstakeholders: [inwoner]", "Tekst.");
    assert_eq!(d.message, "there is no initiative `alfa`");
    assert_eq!(d.suggestion.as_deref(), Some("did you mean `alpha`?"));
    assert_eq!(d.line, 3);
}

#[test]
fn duplicate_slugs_name_both_files() {
    let f = Fixture::valid();
    f.write("lessons/beta/een.md", &lesson(GOOD_LESSON, "Nog een."));
    let d = check(&f);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.starts_with("lesson slug `een` is also used by "), "{}", d[0].message);
    assert!(d[0].message.contains("een.md"));
    let both = format!("{} {}", d[0].file.display(), d[0].message);
    assert!(both.contains("lessons/alpha/een.md") && both.contains("lessons/beta/een.md"), "{both}");
}

#[test]
fn broken_links_and_anchors() {
    let body =
        "Eerste regel.\n\nZie [x](@/lessons/alpha/tweee.md) en [y](@/initiatives/alpha.md#aanpakk).\n\n[z](#nergens)";
    let f = Fixture::valid();
    f.write("lessons/kapot.md", &lesson(GOOD_LESSON, body));
    let d = check(&f);
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(d[0].message, "broken link: there is no content file `lessons/alpha/tweee.md`");
    assert_eq!(d[0].suggestion.as_deref(), Some("did you mean `@/lessons/alpha/twee.md`?"));
    assert_eq!(d[0].line, 10);
    assert_eq!(d[1].message, "broken link: `initiatives/alpha.md` has no heading `#aanpakk`");
    assert_eq!(d[1].suggestion.as_deref(), Some("did you mean `#aanpak`?"));
    assert_eq!(d[2].message, "broken link: `lessons/kapot.md` has no heading `#nergens`");
    assert_eq!(d[2].line, 12);
}

#[test]
fn empty_body() {
    let d = only_error(GOOD_LESSON, "  \n");
    assert_eq!(d.message, "the body is empty");
    assert_eq!(d.line, 7);
}

#[test]
fn duplicate_key_and_missing_front_matter() {
    let d = only_error("title: Goed\ntitle: Nog eens\ninitiative: alpha", "x");
    assert_eq!(d.message, "the field `title` appears twice; keep one");
    assert_eq!(d.line, 3);
    let f = Fixture::valid();
    f.write("lessons/kaal.md", "Gewoon tekst zonder kop.\n");
    let d = check(&f);
    assert_eq!(d[0].message, "the file does not start with front matter");
}

#[test]
fn every_problem_in_one_run_with_exit_code_1() {
    let f = Fixture::valid();
    f.write(
        "lessons/a.md",
        &lesson(
            "title: A\ninitiative: alpha\nkind: les\nthemes: [mantelzorgg]\nstakeholders: [inwoner]\ntheme: x",
            "Tekst.",
        ),
    );
    f.write(
        "lessons/b.md",
        &lesson("title: B\ninitiative: gamma\nkind: tipp\nthemes: [preventie]\nstakeholders: [burger]", ""),
    );
    f.write("initiatives/c.md", "---\ntitle: C\n---\nTekst.\n");
    let d = check(&f);
    // a.md: unknown term, unknown field; b.md: kind, stakeholder, empty body and (though the
    // file did not load) its initiative; c.md: five missing fields
    assert_eq!(d.iter().filter(|x| x.file.ends_with("lessons/a.md")).count(), 2, "{d:#?}");
    assert_eq!(d.iter().filter(|x| x.file.ends_with("lessons/b.md")).count(), 4, "{d:#?}");
    assert!(d.iter().any(|x| x.file.ends_with("lessons/b.md") && x.message == "there is no initiative `gamma`"));
    assert_eq!(d.iter().filter(|x| x.file.ends_with("initiatives/c.md")).count(), 5, "{d:#?}");
    let (code, _, err) = f.run(&["check"]);
    assert_eq!(code, 1);
    // file:line:col, the source line, a caret under the column with the suggestion.
    let shown = "lessons/a.md:5:10: error: unknown themes term `mantelzorgg`\n5 | themes: [mantelzorgg]\n  |          ^ did you mean `mantelzorg`?\n";
    assert!(err.contains(shown), "{err}");
    assert!(err.contains("11 errors found"), "{err}");
}

#[test]
fn links_of_files_with_other_errors_are_checked_too() {
    let f = Fixture::valid();
    f.write(
        "lessons/a.md",
        &lesson(
            "title: A\ninitiative: alpha\nkind: tipp\nthemes: [mantelzorg]\nstakeholders: [inwoner]",
            "Zie [x](@/initiatives/alpha.md#aanpakk).",
        ),
    );
    let d = check(&f);
    let msgs: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(msgs, ["`kind` cannot be `tipp`", "broken link: `initiatives/alpha.md` has no heading `#aanpakk`"]);
}

#[test]
fn quiet_prints_only_errors() {
    let f = Fixture::valid();
    let (code, out, err) = f.run(&["--quiet", "build"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let (code, _, err) = f.run(&["check", "--quiet"]);
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn bom_crlf_and_unicode_titles_accepted() {
    let f = Fixture::valid();
    f.write("lessons/bom.md", "\u{feff}---\r\ntitle: \"Coördinatie — 日本 ✓\"\r\ninitiative: alpha\r\nkind: les\r\nthemes: [mantelzorg]\r\nstakeholders: [inwoner]\r\n---\r\nTekst met CRLF.\r\n");
    assert_eq!(check(&f), vec![]);
}

#[test]
fn machine_readable_formats() {
    let f = Fixture::valid();
    f.write(
        "lessons/a.md",
        &lesson("title: A\ninitiative: alpha\nkind: les\nthemes: [mantelzorgg]\nstakeholders: [inwoner]", "Tekst."),
    );
    let (code, out, _) = f.run(&["check", "--format", "github"]);
    assert_eq!(code, 1);
    assert_eq!(
        out.trim(),
        "::error file=lessons/a.md,line=5,col=10::unknown themes term `mantelzorgg` (did you mean `mantelzorg`?)"
    );
    let (_, out, _) = f.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["file"], "lessons/a.md");
    assert_eq!(v[0]["line"], 5);
    assert_eq!(v[0]["suggestion"], "did you mean `mantelzorg`?");
}
