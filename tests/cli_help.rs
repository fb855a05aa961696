//! `leernet --help` speaks the message language: Dutch for a Dutch site (the default), English
//! for `language = "en"` or `--lang en`; every command and argument is described.

mod common;
use common::Fixture;

#[test]
fn help_is_dutch_for_a_dutch_site_and_english_when_asked() {
    let f = Fixture::valid();
    let (code, out, _) = f.run(&["--help"]);
    assert_eq!(code, 0);
    for text in ["Gebruik: leernet", "Opdrachten:", "Opties:", "Controleer elk inhoudsbestand", "Toon deze hulp"] {
        assert!(out.contains(text), "{text} missing in:\n{out}");
    }
    for english in ["Usage:", "Print help", "Check every content file", "[default:", "[possible values"] {
        assert!(!out.contains(english), "{english} in the Dutch help:\n{out}");
    }
    let (_, out, _) = f.run(&["import", "--help"]);
    assert!(out.contains("Argumenten:") && out.contains("Het spreadsheetbestand"), "{out}");
    assert!(out.contains("--skip-invalid") && out.contains("Schrijf de goede rijen"), "{out}");

    let (code, out, _) = f.run(&["--lang", "en", "check", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: leernet check") && out.contains("Fail (exit code 1) on warnings too"), "{out}");
    f.write("config.toml", &common::CONFIG.replace("base_url", "language = \"en\"\nbase_url"));
    let (_, out, _) = f.run(&["new", "lesson", "--help"]);
    assert!(out.contains("Slug of the initiative the lesson belongs to"), "{out}");
}
