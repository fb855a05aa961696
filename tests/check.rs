//! `leernet check`: one invalid fixture per error class, asserting the message, the file and the
//! line; all problems reported in one run; exit codes.

mod common;
use common::{Fixture, GOOD_LESSON, lesson};
use leernet::diagnostics::Diagnostic;

fn check(f: &Fixture) -> Vec<Diagnostic> {
    leernet::site::check(f.root()).1.into_vec()
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
    assert!(err.contains("2 initiatieven en 4 lessen"), "{err}");
}

#[test]
fn yaml_syntax_error() {
    let d = only_error("title: [Goed\ninitiative: alpha", "Tekst.");
    // The unclosed `[` is on line 2 (the parser only notices on line 3).
    assert_eq!(d.code, "yaml-unclosed-bracket");
    assert_eq!(d.message, "een lijst die hier met `[` begint, wordt niet afgesloten met `]`");
    assert_eq!(d.line, 2);
}

#[test]
fn missing_required_field() {
    let d = only_error("title: Goed\ninitiative: alpha\nthemes: [mantelzorg]\nstakeholders: [inwoner]", "Tekst.");
    assert_eq!(d.message, "het verplichte veld `kind` ontbreekt");
    assert_eq!(d.line, 1);
}

#[test]
fn unknown_field_with_suggestion() {
    let d = only_error(&format!("{GOOD_LESSON}\ntheme: [preventie]"), "Tekst.");
    assert_eq!(d.message, "onbekend veld `theme`");
    assert_eq!(d.suggestion.as_deref(), Some("bedoelde je `themes`?"));
    assert_eq!(d.line, 7);
}

#[test]
fn wrong_type() {
    let d =
        only_error("title: Goed\ninitiative: alpha\nkind: les\nthemes: mantelzorg\nstakeholders: [inwoner]", "Tekst.");
    assert_eq!(d.message, "`themes` moet een lijst zijn, maar hier staat tekst");
    assert_eq!(d.suggestion.as_deref(), Some("schrijf het als `themes: [mantelzorg]`"));
    assert_eq!(d.line, 5);
}

#[test]
fn invalid_date() {
    let d = only_error(&format!("{GOOD_LESSON}\nadded: 2026-02-30"), "Tekst.");
    assert_eq!(d.message, "`added` is geen geldige datum: `2026-02-30`");
    assert_eq!((d.line, d.column), (7, 8));
}

#[test]
fn unknown_term_suggests_closest() {
    let d = only_error(
        "title: Goed\ninitiative: alpha\nkind: les\nthemes:\n  - preventie\n  - mantelzorgg\nstakeholders: [inwoner]",
        "Tekst.",
    );
    assert_eq!(d.message, "`mantelzorgg` is geen bekend thema");
    assert_eq!(d.code, "unknown-term");
    assert_eq!(d.suggestion.as_deref(), Some("bedoelde je `mantelzorg`?"));
    assert_eq!((d.line, d.column), (7, 5));
}

#[test]
fn unknown_kind_suggests_closest() {
    let d = only_error(
        "title: Goed\ninitiative: alpha\nkind: knelpun\nthemes: [mantelzorg]\nstakeholders: [inwoner]",
        "Tekst.",
    );
    assert_eq!(d.message, "`kind` kan niet `knelpun` zijn");
    assert_eq!(d.suggestion.as_deref(), Some("bedoelde je `knelpunt`?"));
    assert_eq!(d.line, 4);
}

#[test]
fn initiative_must_exist() {
    let d =
        only_error("title: Goed\ninitiative: alfa\nkind: les\nthemes: [mantelzorg]\nstakeholders: [inwoner]", "Tekst.");
    assert_eq!(d.message, "er is geen initiatief `alfa`");
    assert_eq!(d.suggestion.as_deref(), Some("bedoelde je `alpha`?"));
    assert_eq!(d.line, 3);
}

#[test]
fn duplicate_slugs_name_both_files() {
    let f = Fixture::valid();
    f.write("lessons/beta/een.md", &lesson(GOOD_LESSON, "Nog een."));
    let d = check(&f);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.starts_with("de naam `een` van deze les wordt ook gebruikt door "), "{}", d[0].message);
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
    assert_eq!(d[0].message, "kapotte link: er is geen bestand `lessons/alpha/tweee.md`");
    assert_eq!(d[0].suggestion.as_deref(), Some("bedoelde je `@/lessons/alpha/twee.md`?"));
    assert_eq!(d[0].line, 10);
    assert_eq!(d[1].message, "kapotte link: `initiatives/alpha.md` heeft geen kop `#aanpakk`");
    assert_eq!(d[1].suggestion.as_deref(), Some("bedoelde je `#aanpak`?"));
    assert_eq!(d[2].message, "kapotte link: `lessons/kapot.md` heeft geen kop `#nergens`");
    assert_eq!(d[2].line, 12);
}

#[test]
fn empty_body() {
    let d = only_error(GOOD_LESSON, "  \n");
    assert_eq!(d.message, "de tekst ontbreekt");
    assert_eq!(d.line, 7);
}

#[test]
fn duplicate_key_and_missing_front_matter() {
    let d = only_error("title: Goed\ntitle: Nog eens\ninitiative: alpha", "x");
    assert_eq!(d.message, "het veld `title` staat er twee keer; laat er één staan");
    assert_eq!(d.line, 3);
    let f = Fixture::valid();
    f.write("lessons/kaal.md", "Gewoon tekst zonder kop.\n");
    let d = check(&f);
    assert_eq!(d[0].message, "het bestand begint niet met de kopgegevens");
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
    assert!(d.iter().any(|x| x.file.ends_with("lessons/b.md") && x.message == "er is geen initiatief `gamma`"));
    assert_eq!(d.iter().filter(|x| x.file.ends_with("initiatives/c.md")).count(), 5, "{d:#?}");
    let (code, _, err) = f.run(&["check"]);
    assert_eq!(code, 1);
    // file:line:col, the source line, a caret under the column with the suggestion.
    let shown = "lessons/a.md:5:10: fout: `mantelzorgg` is geen bekend thema\n5 | themes: [mantelzorgg]\n  |          ^ bedoelde je `mantelzorg`?\n";
    assert!(err.contains(shown), "{err}");
    assert!(err.contains("11 fouten gevonden"), "{err}");
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
    assert_eq!(msgs, ["`kind` kan niet `tipp` zijn", "kapotte link: `initiatives/alpha.md` heeft geen kop `#aanpakk`"]);
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
        "::error file=lessons/a.md,line=5,col=10,title=unknown-term::`mantelzorgg` is geen bekend thema (bedoelde je `mantelzorg`?)"
    );
    let (_, out, _) = f.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["file"], "lessons/a.md");
    assert_eq!(v[0]["line"], 5);
    assert_eq!(v[0]["code"], "unknown-term");
    assert_eq!(v[0]["suggestion"], "bedoelde je `mantelzorg`?");
}

#[test]
fn messages_follow_lang_and_keep_their_codes() {
    let f = Fixture::valid();
    f.write(
        "lessons/a.md",
        &lesson("title: A\ninitiative: alpha\nkind: les\nthemes: [mantelzorgg]\nstakeholders: [inwoner]", "Tekst."),
    );
    let (code, _, err) = f.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(err.contains("lessons/a.md:5:10: error: `mantelzorgg` is not a known theme"), "{err}");
    assert!(err.contains("did you mean `mantelzorg`?") && err.contains("1 error found; nothing was written"), "{err}");
    // The site's language chooses when --lang is not given.
    let config = f.read("config.toml");
    let english = if config.contains("language") {
        config.replace("language = \"nl\"", "language = \"en\"")
    } else {
        format!("language = \"en\"\n{config}")
    };
    f.write("config.toml", &english);
    let (_, _, err) = f.run(&["check"]);
    assert!(err.contains("is not a known theme"), "{err}");
    let (_, out, _) = f.run(&["check", "--format", "json", "--lang", "nl"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v[0]["code"].as_str(), v[0]["message"].as_str()),
        (Some("unknown-term"), Some("`mantelzorgg` is geen bekend thema"))
    );
}

#[test]
fn common_yaml_mistakes_get_plain_help() {
    let d = only_error(
        "title: Tip: bel eerst\ninitiative: alpha\nkind: tip\nthemes: [mantelzorg]\nstakeholders: [inwoner]",
        "x",
    );
    assert_eq!((d.code, d.line, d.column), ("yaml-colon", 2, 8));
    assert!(d.message.contains("dubbele punt"), "{}", d.message);
    assert_eq!(d.suggestion.as_deref(), Some("zet de waarde tussen aanhalingstekens: `title: \"Tip: bel eerst\"`"));
    // A list written as text.
    let d = only_error(
        "title: Goed\ninitiative: alpha\nkind: les\nthemes: mantelzorg, preventie\nstakeholders: [inwoner]",
        "x",
    );
    assert_eq!((d.code, d.line), ("field-not-list", 5));
    assert_eq!(d.suggestion.as_deref(), Some("schrijf het als `themes: [mantelzorg, preventie]`"));
}

#[test]
fn duplicate_slugs_reported_with_the_other_problems() {
    let f = Fixture::valid();
    // The second file with slug `een` has an error of its own: both are reported in one run.
    f.write(
        "lessons/beta/een.md",
        &lesson("title: Een\ninitiative: beta\nkind: tipp\nthemes: [mantelzorg]\nstakeholders: [inwoner]", "x"),
    );
    let d = check(&f);
    let codes: Vec<_> = d.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"bad-choice") && codes.contains(&"duplicate-slug"), "{d:#?}");
    let dup = d.iter().find(|d| d.code == "duplicate-slug").unwrap();
    let both = format!("{} {}", dup.file.display(), dup.message);
    assert!(both.contains("lessons/alpha/een.md") && both.contains("lessons/beta/een.md"), "{both}");
}

#[test]
fn config_is_found_from_a_sub_folder() {
    let f = Fixture::valid();
    let (code, _, err) = common::run_bin(&f.root().join("lessons/alpha"), &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 initiatieven en 4 lessen"), "{err}");
    let nowhere = tempfile::tempdir().unwrap();
    let (code, _, err) = common::run_bin(nowhere.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("er is geen config.toml in") && err.contains("--root <map>"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
