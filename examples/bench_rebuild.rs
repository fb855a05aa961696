//! Times what `leernet serve` does after a one-lesson edit: the site is built into memory once,
//! then one lesson's text is changed on disk and rebuilt incrementally, `--times N` times
//! (alternating two versions). Prints each rebuild's milliseconds and the median.
//!
//!     cargo run --release --example bench_rebuild -- --root /tmp/corpus-10k [--times 5] [--edit KIND]
//!
//! KIND is what the edit changes: `body` (a sentence appended to the text; the default),
//! `teaser` (a word at the start of the text, so its card changes), `date` (`added`),
//! `terms` (one more theme) or `initiative` (the title of the lesson's initiative, in its own
//! file: every page that shows it).

use leernet::pipeline::{Outcome, Workspace};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut root = PathBuf::from(".");
    let mut times = 5;
    let mut kind = String::from("body");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--root" => root = args.next().expect("--root DIR").into(),
            "--times" => times = args.next().expect("--times N").parse().expect("a number"),
            "--edit" => kind = args.next().expect("--edit body|teaser|date|terms"),
            other => panic!("unknown argument {other}"),
        }
    }
    let root = root.canonicalize().expect("site root");
    let t = Instant::now();
    let mut ws = Workspace::open(&root, false, None).unwrap_or_else(|d| panic!("{d:#?}"));
    eprintln!("initial build into memory: {} files in {} ms", ws.files.len(), t.elapsed().as_millis());
    let middle = &ws.site.lessons[ws.site.lessons.len() / 2];
    let lesson = match kind.as_str() {
        "initiative" => ws.site.initiative(&middle.initiative).expect("its initiative").meta.file.clone(),
        _ => middle.meta.file.clone(),
    };
    let original = std::fs::read_to_string(&lesson).expect("read lesson");
    let mut ms = Vec::new();
    for i in 0..times {
        let text = if i % 2 == 1 { original.clone() } else { edited(&original, &kind, i) };
        std::fs::write(&lesson, text).expect("write lesson");
        let t = Instant::now();
        match ws.apply(std::slice::from_ref(&lesson)) {
            Outcome::Rebuilt { pages, full, .. } => {
                let took = t.elapsed().as_secs_f64() * 1000.0;
                println!("rebuild {}: {took:.1} ms ({} files re-rendered, full: {full})", i + 1, pages.len());
                for (name, ms) in leernet::timing::take() {
                    println!("    {name:<22} {ms:>8.1} ms");
                }
                ms.push(took);
                // As the server does after announcing the rebuild: the elasticlunr export (sites
                // up to 5,000 documents) is made on another thread and put in place here.
                let t = Instant::now();
                ws.settle();
                let settled = t.elapsed().as_secs_f64() * 1000.0;
                if settled > 1.0 {
                    println!("    (elasticlunr export in the background: {settled:.0} ms more)");
                }
            }
            other => panic!("{other:?}"),
        }
    }
    std::fs::write(&lesson, original).expect("restore lesson");
    ms.sort_by(f64::total_cmp);
    println!("median one-lesson rebuild: {:.1} ms", ms[ms.len() / 2]);
}

/// The lesson text with one change of the given kind.
fn edited(original: &str, kind: &str, i: usize) -> String {
    match kind {
        "body" => format!("{original}\nEen extra zin bij bewerking {i}.\n"),
        "teaser" => {
            let end = original[3..].find("\n---\n").expect("front matter") + 3 + 5;
            format!("{}Vooraf {i}. {}", &original[..end], &original[end..])
        }
        "date" => {
            let at = original.find("\nadded: ").expect("an added date") + 8;
            format!("{}2030-01-01{}", &original[..at], &original[at + 10..])
        }
        "terms" => {
            let extra = if original.contains("mensgericht") { "wijkgericht" } else { "mensgericht" };
            original.replacen("themes: [", &format!("themes: [{extra}, "), 1)
        }
        "initiative" => {
            let at = original.find("\ntitle: ").expect("a title") + 8;
            let quoted = original[at..].starts_with('"');
            let at = if quoted { at + 1 } else { at };
            format!("{}Nieuw {i} {}", &original[..at], &original[at..])
        }
        other => panic!("unknown edit {other}: body, teaser, date, terms or initiative"),
    }
}
