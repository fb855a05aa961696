//! What a reader sees of numbers, dates and the glossary, in the Dutch and the English
//! interface: counted phrases in the singular for one, dates in words in a `<time>` element,
//! the glossary's A–Z list, no English gloss in the Dutch interface, no entry repeating its term.

mod common;
use common::{CONFIG, Fixture};
use leernet::site::{self, BuildOptions};

/// The valid fixture in `language`, with a glossary entry whose expansion is its own term, and
/// one initiative started in a month.
fn built(language: &str) -> (Fixture, std::path::PathBuf) {
    let f = Fixture::valid();
    let config = format!(
        "language = \"{language}\"\n{CONFIG}en = \"Social Support Act\"\n\n[[glossary]]\nterm = \"mantelzorg\"\nexpansion = \"Mantelzorg\"\ndefinition = \"Zorg door naasten.\"\nen = \"Informal care\"\n"
    );
    f.write("config.toml", &config);
    let beta = f.read("initiatives/beta.md").replace("region: Maastricht\n", "region: Maastricht\nstarted: 2013-04\n");
    f.write("initiatives/beta.md", &beta);
    let out = f.root().join("public");
    site::build(&BuildOptions { root: f.root().to_path_buf(), output: Some(out.clone()), ..Default::default() })
        .unwrap();
    (f, out)
}

fn read(out: &std::path::Path, page: &str) -> String {
    std::fs::read_to_string(out.join(page)).unwrap()
}

#[test]
fn dutch_counts_dates_and_glossary() {
    let (_f, out) = built("nl");
    // One of something is singular; the lesson list says what it counts.
    let thema = read(&out, "thema/index.html");
    assert!(thema.contains("1 initiatief · 3 lessen"), "{thema}");
    assert!(!thema.contains("1 initiatieven") && !thema.contains("1 lessen"));
    let lessons = read(&out, "lessen/index.html");
    assert!(
        lessons.contains("<strong>4 lessen</strong>, waarvan 1 inzicht · 1 succes · 1 knelpunt · 1 tip</p>"),
        "{lessons}"
    );
    let initiatives = read(&out, "initiatieven/index.html");
    assert!(initiatives.contains("· 2 lessen</p>"), "{initiatives}");
    // Dates in words, with the ISO value; lesson cards show theirs.
    assert!(lessons.contains(r#"<time datetime="2026-03-04">4 maart 2026</time>"#), "{lessons}");
    let home = read(&out, "index.html");
    assert!(home.contains(r#"<time datetime="2026-02-03">3 februari 2026</time>"#));
    let beta = read(&out, "initiatieven/beta/index.html");
    assert!(beta.contains(r#"<time datetime="2013-04">april 2013</time>"#), "{beta}");
    // The glossary: A–Z, no English, no term repeated as its own expansion.
    let g = read(&out, "begrippen/index.html");
    assert!(g.contains(r##"<a href="#letter-m">M</a>"##) && g.contains(r#"<h2 id="letter-w">W</h2>"#), "{g}");
    assert!(g.contains(r#"<span aria-hidden="true">Q</span>"#));
    assert!(!g.contains("lang=\"en\"") && !g.contains("Informal care") && !g.contains("Social Support Act"));
    assert!(g.contains("<dfn>mantelzorg</dfn></dt>"), "{g}");
    assert!(g.contains("<dfn>Wmo</dfn> — Wet maatschappelijke ondersteuning</dt>"));
}

#[test]
fn english_counts_dates_and_glossary() {
    let (_f, out) = built("en");
    let thema = read(&out, "thema/index.html");
    assert!(thema.contains("1 initiative · 3 lessons"), "{thema}");
    let lessons = read(&out, "lessen/index.html");
    assert!(lessons.contains("<strong>4 lessons</strong>, of which 1 insight · 1 success"), "{lessons}");
    assert!(lessons.contains(r#"<time datetime="2026-03-04">4 March 2026</time>"#));
    let beta = read(&out, "initiatieven/beta/index.html");
    assert!(beta.contains(r#"<time datetime="2013-04">April 2013</time>"#));
    let g = read(&out, "begrippen/index.html");
    assert!(g.contains(r#"<p class="muted" lang="en">Informal care</p>"#), "{g}");
}
