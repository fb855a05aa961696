//! `leernet check --sources DIR` and `[content] sources`: phrasing copied from source texts is a
//! warning with file and line; quotations are not; warnings fail only with --deny-warnings; a
//! missing folder is an error.

mod common;
use common::{CONFIG, Fixture, GOOD_LESSON, lesson};
use leernet::diagnostics::{Diagnostic, Severity};

const SOURCE: &str = "Bekijk het rapport hier.\n\
    Verken de populatie in de wijken waar je zorg biedt. Met deze cijfers en kennis kan de juiste \
    zorg worden ingezet.\n";

/// The valid fixture with a sources folder `bronnen/` holding `SOURCE`.
fn site() -> Fixture {
    let f = Fixture::valid();
    f.write("bronnen/blauwe-zorg.txt", SOURCE);
    f
}

fn check(f: &Fixture) -> Vec<Diagnostic> {
    leernet::site::check_with(f.root(), Some(&f.root().join("bronnen"))).1.into_vec()
}

#[test]
fn a_copied_run_in_a_body_is_a_warning_with_file_and_line() {
    let f = site();
    f.write(
        "lessons/kopie.md",
        &lesson(
            GOOD_LESSON,
            "Eerste alinea.\n\nDe tip: verken de populatie in de wijken\nwaar je zorg biedt, want dat helpt.",
        ),
    );
    let d = check(&f);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].file.ends_with("lessons/kopie.md"));
    assert_eq!((d[0].line, d[0].column, d[0].severity), (10, 9, Severity::Warning));
    assert_eq!(
        d[0].message,
        "10 woorden achter elkaar zijn gelijk aan de bron blauwe-zorg.txt (regel 2): \
         \"verken de populatie in de wijken waar je zorg biedt\""
    );
    assert!(d[0].suggestion.as_deref().unwrap().contains("eigen woorden"));
}

#[test]
fn titles_are_checked_and_markup_is_read_through() {
    let f = site();
    f.write(
        "lessons/kopie.md",
        &lesson(
            &GOOD_LESSON.replace("title: Goed", "title: \"Verken de populatie in de wijken waar je zorg biedt\""),
            "Een lijst:\n\n- **Met deze cijfers** en [kennis](https://example.org/k) kan de *juiste zorg* worden ingezet.",
        ),
    );
    let d = check(&f);
    let at: Vec<_> = d.iter().map(|x| (x.line, x.column)).collect();
    assert_eq!(at, [(2, 9), (10, 5)], "{d:#?}");
    assert!(d[1].message.starts_with("11 woorden"), "{}", d[1].message);
}

#[test]
fn quotations_block_quotes_and_seven_words_are_not_reported() {
    let f = site();
    let body = "Het rapport zegt: “Verken de populatie in de wijken waar je zorg biedt.”\n\n\
                Of „met deze cijfers en kennis kan de juiste zorg worden ingezet”.\n\n\
                > Verken de populatie in de wijken waar je zorg biedt.\n\n\
                Zeven woorden: verken de populatie in de wijken waar, en verder niets.";
    f.write("lessons/citaat.md", &lesson(GOOD_LESSON, body));
    assert_eq!(check(&f), vec![]);
    // The same text without quotation marks: three runs.
    f.write("lessons/citaat.md", &lesson(GOOD_LESSON, &body.replace(['“', '”', '„', '>'], "")));
    assert_eq!(check(&f).len(), 3);
}

#[test]
fn warnings_keep_exit_code_zero_unless_denied() {
    let f = site();
    f.write("lessons/kopie.md", &lesson(GOOD_LESSON, "Verken de populatie in de wijken waar je zorg biedt."));
    let (code, _, err) = f.run(&["check", "--sources", f.root().join("bronnen").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("lessons/kopie.md:8:1: waarschuwing: 10 woorden achter elkaar"), "{err}");
    assert!(err.contains("in orde: 2 initiatieven en 5 lessen, 1 waarschuwing"), "{err}");
    let (code, _, err) = f.run(&["check", "--sources", f.root().join("bronnen").to_str().unwrap(), "--deny-warnings"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("1 waarschuwing gevonden"), "{err}");
    let bronnen = f.root().join("bronnen");
    let (_, out, _) = f.run(&["check", "--sources", bronnen.to_str().unwrap(), "--format", "github"]);
    assert!(
        out.starts_with("::warning file=lessons/kopie.md,line=8,col=1,title=copied::10 woorden achter elkaar"),
        "{out}"
    );
    let (_, out, _) = f.run(&["check", "--sources", bronnen.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v[0]["severity"].as_str(), v[0]["line"].as_u64()), (Some("warning"), Some(8)));
    // Without a sources folder the same site is clean.
    assert!(leernet::site::check(f.root()).1.is_empty());
}

#[test]
fn config_sources_are_relative_to_the_site_root_and_a_missing_folder_is_an_error() {
    let f = site();
    f.write("lessons/kopie.md", &lesson(GOOD_LESSON, "Verken de populatie in de wijken waar je zorg biedt."));
    f.write("config.toml", &format!("{CONFIG}\n[content]\nsources = \"bronnen\"\n"));
    let d = leernet::site::check(f.root()).1;
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].severity, Severity::Warning);
    f.write("config.toml", &format!("{CONFIG}\n[content]\nsources = \"bronnen-weg\"\n"));
    let (code, _, err) = f.run(&["check"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("bronnen-weg: fout: de map met bronnen bestaat niet"), "{err}");
}

#[test]
fn html_sources_lose_their_tags() {
    let f = Fixture::valid();
    f.write(
        "bronnen/pagina.html",
        "<html><body><p>Verken de <b>populatie</b> in de wijken\n<i>waar</i> je zorg&nbsp;biedt.</p></body></html>",
    );
    f.write("lessons/kopie.md", &lesson(GOOD_LESSON, "Verken de populatie in de wijken waar je zorg biedt."));
    let d = check(&f);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("pagina.html (regel 1)"), "{}", d[0].message);
}

#[test]
fn a_long_copied_text_is_one_warning_and_quick() {
    let f = Fixture::valid();
    // 60,000 words of source, a lesson that copies 40,000 of them: linear work, one run.
    let words: Vec<String> = (0..60_000).map(|i| format!("woord{}", i * 7919 % 100_003)).collect();
    f.write("bronnen/groot.txt", &words.join(" "));
    f.write("lessons/kopie.md", &lesson(GOOD_LESSON, &words[10_000..50_000].join(" ")));
    let start = std::time::Instant::now();
    let d = check(&f);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    assert_eq!(d.len(), 1);
    assert!(d[0].message.starts_with("40000 woorden achter elkaar"), "{}", &d[0].message[..80]);
    assert!(d[0].message.ends_with(" …\""), "the copied words are shortened");
}

#[test]
fn many_runs_in_one_long_paragraph_are_placed_in_linear_time() {
    let f = Fixture::valid();
    let words: Vec<String> = (0..8).map(|i| format!("bronwoord{i}")).collect();
    f.write("bronnen/kort.txt", &words.join(" "));
    // One line of 8,000 copies (under the 1 MiB file limit) of the 8 source words, each followed by a word of its own.
    let run = words.join(" ");
    let body: Vec<String> = (0..8_000).map(|i| format!("{run} eigen{i}")).collect();
    f.write("lessons/kopie.md", &lesson(GOOD_LESSON, &body.join(" ")));
    let start = std::time::Instant::now();
    let d = check(&f);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    assert_eq!(d.len(), 8_000, "{:?}", d.first());
    let step = run.chars().count() + " eigen0 ".len();
    assert_eq!((d[0].line, d[0].column), (8, 1));
    assert_eq!((d[1].line, d[1].column), (8, 1 + step));
    assert!(d.iter().all(|x| x.line == 8));
}
