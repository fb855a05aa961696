//! The site's own pages (`pages/<slug>.md`: title and body): checked like the rest, linked from
//! every footer, reachable by `@/pages/…` links; the organisation, the images and empty terms
//! from config.toml.

mod common;
use common::{CONFIG, Fixture};
use leernet::diagnostics::Diagnostics;
use leernet::site::{self, BuildOptions};
use std::path::PathBuf;

fn build(f: &Fixture) -> Result<PathBuf, Diagnostics> {
    let out = f.root().join("public");
    site::build(&BuildOptions { root: f.root().to_path_buf(), output: Some(out.clone()), ..Default::default() })
        .map(|_| out)
}

fn read(out: &std::path::Path, page: &str) -> String {
    std::fs::read_to_string(out.join(page)).unwrap()
}

#[test]
fn pages_are_built_linked_from_every_footer_and_linkable() {
    let f = Fixture::valid();
    f.write(
        "pages/privacy.md",
        "---\ntitle: Privacyverklaring\n---\n## Je rechten\n\nJe mag vragen welke gegevens we hebben.\n",
    );
    f.write(
        "pages/contact.md",
        "---\ntitle: Contact\n---\nMail ons. Zie ook [privacy](@/pages/privacy.md#je-rechten).\n",
    );
    let een = f
        .read("lessons/alpha/een.md")
        .replace("Mantelzorgers helpen elkaar.", "Mantelzorgers helpen elkaar ([contact](@/pages/contact.md)).");
    f.write("lessons/alpha/een.md", &een);
    let out = build(&f).unwrap();
    let privacy = read(&out, "over/privacy/index.html");
    assert!(privacy.contains("<h1>Privacyverklaring</h1>") && privacy.contains("Je mag vragen"));
    assert!(read(&out, "over/contact/index.html").contains(r#"href="/over/privacy/#je-rechten""#));
    assert!(read(&out, "lessen/een/index.html").contains(r#"href="/over/contact/""#));
    for page in ["index.html", "lessen/een/index.html", "over/privacy/index.html", "404.html"] {
        let html = read(&out, page);
        let footer = &html[html.find("<footer").unwrap()..];
        // By title: Contact before Privacyverklaring.
        let (c, p) = (footer.find(r#"<a href="/over/contact/""#), footer.find(r#"<a href="/over/privacy/""#));
        assert!(c.is_some() && p.is_some() && c < p, "{page}: {footer}");
    }
    assert!(read(&out, "sitemap.xml").contains("https://test.example.org/over/privacy/"));
}

#[test]
fn bad_pages_are_errors_naming_file_and_line() {
    let f = Fixture::valid();
    f.write("pages/leeg.md", "---\ntitle: Leeg\n---\n");
    f.write("pages/zonder-titel.md", "---\nthemes: [mantelzorg]\n---\nTekst.\n");
    f.write("pages/link.md", "---\ntitle: Link\n---\nZie [weg](@/pages/weg.md).\n");
    let d = build(&f).unwrap_err();
    // By machine code and the name in the message (the wording is the catalogue's).
    let about = |file: &str, code: &str, what: &str| {
        d.iter()
            .find(|d| d.file.ends_with(file) && d.code == code && d.message.contains(what))
            .unwrap_or_else(|| panic!("{file}: {code} {what}: {d:#?}"))
    };
    assert_eq!(about("pages/leeg.md", "body-empty", "").line, 3);
    assert_eq!(about("pages/zonder-titel.md", "unknown-field", "themes").line, 2);
    about("pages/zonder-titel.md", "missing-field", "title");
    assert_eq!(about("pages/link.md", "broken-link", "`pages/weg.md`").line, 4);
}

#[test]
fn organisation_logo_favicon_and_empty_terms_come_from_config() {
    let f = Fixture::valid();
    let extra = "[organisation]\nname = \"Stichting Voorbeeld\"\nurl = \"https://voorbeeld.example\"\nemail = \"info@voorbeeld.example\"\n[display]\nlogo = \"logo.svg\"\n";
    f.write("config.toml", &format!("{CONFIG}{extra}"));
    // A logo that is not there is an error naming config.toml.
    let d = build(&f).unwrap_err();
    assert!(d[0].file.ends_with("config.toml") && d[0].message.contains("logo `logo.svg`"), "{d:#?}");
    f.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    let out = build(&f).unwrap();
    let home = read(&out, "index.html");
    assert!(home.contains(r#"<img class="brand-logo" src="/logo.svg" alt="""#));
    assert!(home.contains(r#"<link rel="icon" href="/favicon.svg">"#) && out.join("favicon.svg").is_file());
    assert!(home.contains(r#"<a href="https://voorbeeld.example">Stichting Voorbeeld</a>"#));
    assert!(home.contains(r#"<a href="mailto:info@voorbeeld.example">"#));
    // Domain `wmo` is used; financing has one term, used. Add an unused theme term.
    let unused =
        "[[themes]]\nslug = \"ongebruikt\"\nnl = \"Ongebruikt\"\nen = \"Unused\"\ndescription = \"Nog niets.\"\n";
    f.write("config.toml", &format!("{CONFIG}{unused}{extra}"));
    let out = build(&f).unwrap();
    let thema = read(&out, "thema/index.html");
    assert!(thema.contains("<h2>Ongebruikt</h2>") && !thema.contains("/thema/ongebruikt/"), "{thema}");
    let matrix = read(&out, "vergelijk/index.html");
    assert!(matrix.contains(r#"<th scope="col">Ongebruikt</th>"#) && !matrix.contains("/thema/ongebruikt/"));
    f.write("config.toml", &format!("{CONFIG}{unused}{extra}empty_terms = \"hidden\"\n"));
    let out = build(&f).unwrap();
    let thema = read(&out, "thema/index.html");
    assert!(!thema.contains("Ongebruikt") && thema.contains("/thema/mantelzorg/"));
    assert!(!read(&out, "vergelijk/index.html").contains("Ongebruikt"));
}
