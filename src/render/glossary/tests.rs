//! Tests of `glossary`.

use super::*;

fn entry(term: &str, expansion: &str, definition: &str) -> GlossaryEntry {
    GlossaryEntry { term: term.into(), expansion: expansion.into(), definition: definition.into(), en: String::new() }
}

fn glossary() -> Vec<GlossaryEntry> {
    vec![
        entry("Wmo", "Wet maatschappelijke ondersteuning", "Wet."),
        entry("MDO", "multidisciplinair overleg", "Overleg."),
        entry("zorggroep", "zorggroep", "Organisatie van huisartsen."),
        entry("DBC", "diagnose-behandelcombinatie", ""),
        entry("ketenDBC", "keten-DBC", ""),
    ]
}

const WMO: &str =
    r#"<a class="gloss" href="/begrippen/#wmo"><abbr title="Wet maatschappelijke ondersteuning">Wmo</abbr></a>"#;

fn run(html: &str) -> String {
    annotate(html, &glossary(), "/begrippen/")
}

#[test]
fn first_mention_only() {
    assert_eq!(run("<p>De Wmo en de Wmo.</p>"), format!("<p>De {} en de Wmo.</p>", WMO));
    let z = run("<p>Een zorggroep en een MDO.</p>");
    assert!(z.contains(r#"<a class="gloss" href="/begrippen/#zorggroep"><abbr title="Organisatie van huisartsen.">zorggroep</abbr></a>"#));
    assert!(z.contains(r#"<abbr title="multidisciplinair overleg">MDO</abbr></a>.</p>"#));
}

#[test]
fn never_in_links_code_headings_or_attributes() {
    let html = r#"<h2 id="wmo">De Wmo</h2><p><a href="/x" title="Wmo">over de Wmo</a> <code>Wmo</code> <img alt="Wmo" src="Wmo.png"> <abbr title="x">Wmo</abbr> <pre><b>Wmo</b></pre> tekst Wmo</p>"#;
    let expected = format!(
        r#"<h2 id="wmo">De Wmo</h2><p><a href="/x" title="Wmo">over de Wmo</a> <code>Wmo</code> <img alt="Wmo" src="Wmo.png"> <abbr title="x">Wmo</abbr> <pre><b>Wmo</b></pre> tekst {}</p>"#,
        WMO
    );
    assert_eq!(run(html), expected);
    let raw = "<script>var a = '<p>Wmo</p>';</script><style>.Wmo{}</style><!-- Wmo --><p>Wmo</p>";
    assert_eq!(
        run(raw),
        format!("<script>var a = '<p>Wmo</p>';</script><style>.Wmo{{}}</style><!-- Wmo --><p>{}</p>", WMO)
    );
}

#[test]
fn whole_words_only() {
    assert_eq!(run("<p>Wmo-geld</p>"), format!("<p>{}-geld</p>", WMO));
    assert_eq!(run("<p>Wmoo AWmo _Wmo Wmo2 wmo</p>"), "<p>Wmoo AWmo _Wmo Wmo2 wmo</p>");
    assert_eq!(run("<p>(Wmo)</p>"), format!("<p>({})</p>", WMO));
}

#[test]
fn diacritics_around_terms() {
    assert_eq!(run("<p>één Wmo café</p>"), format!("<p>één {} café</p>", WMO));
    assert_eq!(run("<p>éWmo Wmoé Wmo\u{301}</p>"), "<p>éWmo Wmoé Wmo\u{301}</p>");
}

#[test]
fn entities_untouched() {
    let g = vec![entry("amp", "", "Versterker."), entry("R&D", "research and development", "")];
    let out = annotate("<p>a &amp; b, R&amp;D en amp</p>", &g, "/b/");
    assert_eq!(
        out,
        r#"<p>a &amp; b, <a class="gloss" href="/b/#r-d"><abbr title="research and development">R&amp;D</abbr></a> en <a class="gloss" href="/b/#amp"><abbr title="Versterker.">amp</abbr></a></p>"#
    );
    assert_eq!(run("<p>&eacute;Wmo &#233;Wmo</p>"), "<p>&eacute;Wmo &#233;Wmo</p>");
    assert_eq!(run("<p>&nbsp;Wmo&nbsp;</p>"), format!("<p>&nbsp;{}&nbsp;</p>", WMO));
}

#[test]
fn longer_terms_win() {
    let out = run("<p>De ketenDBC en de DBC; ketenDBCs</p>");
    assert_eq!(
        out,
        r#"<p>De <a class="gloss" href="/begrippen/#ketendbc"><abbr title="keten-DBC">ketenDBC</abbr></a> en de <a class="gloss" href="/begrippen/#dbc"><abbr title="diagnose-behandelcombinatie">DBC</abbr></a>; ketenDBCs</p>"#
    );
    // The longest term fails the word check: a shorter one at the same place still counts.
    let g = vec![entry("Wmo", "W", ""), entry("Wmo-ge", "X", "")];
    assert!(annotate("<p>Wmo-geld</p>", &g, "").contains(r#"<abbr title="W">Wmo</abbr></a>-geld"#));
}

#[test]
fn attributes_are_escaped() {
    let g = vec![entry("Wmo", "\"><script>alert(1)</script>", "")];
    let out = annotate("<p>Wmo</p>", &g, "/b/?a=1&b=\"");
    assert_eq!(
        out,
        r#"<p><a class="gloss" href="/b/?a=1&amp;b=&quot;#wmo"><abbr title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">Wmo</abbr></a></p>"#
    );
}

#[test]
fn malformed_html_never_panics() {
    let samples = ["<", "<a", "a<b", "&", "&#", "&#x;", "<!--", "</", "<p title=\"Wmo", "<script>Wmo", "Wmo<", "é<é>é"];
    for s in samples {
        let _ = run(s);
    }
    let text = "<p>één <a href=\"x\">Wmo</a> &amp; Wmo-geld <code>MDO</code> ketenDBC</p><h1>MDO</h1>";
    for i in 0..=text.len() {
        for j in i..=text.len() {
            if let (Some(sub), true) = (text.get(i..j), j - i < 40) {
                let _ = run(sub);
            }
        }
    }
    assert_eq!(run("Wmo<"), format!("{}<", WMO));
    assert_eq!(annotate("<p>Wmo</p>", &[], "/b/"), "<p>Wmo</p>");
}

#[test]
fn large_input_is_linear() {
    let html = "<p>Wmoo MDO-x ".repeat(50_000);
    let start = std::time::Instant::now();
    let out = run(&html);
    assert_eq!(out.matches("class=\"gloss\"").count(), 1);
    assert!(start.elapsed().as_secs() < 5);
}
