//! Times what `leernet serve` does after a one-lesson edit: the site is built into memory once,
//! then one lesson's text is changed on disk and rebuilt incrementally, `--times N` times
//! (alternating two versions). Prints each rebuild's milliseconds and the median.
//!
//!     cargo run --release --example bench_rebuild -- --root /tmp/corpus-10k [--times 5]

use leernet::serve::rebuild::{Outcome, Workspace};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut root = PathBuf::from(".");
    let mut times = 5;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--root" => root = args.next().expect("--root DIR").into(),
            "--times" => times = args.next().expect("--times N").parse().expect("a number"),
            other => panic!("unknown argument {other}"),
        }
    }
    let root = root.canonicalize().expect("site root");
    let t = Instant::now();
    let mut ws = Workspace::open(&root, false, None).unwrap_or_else(|d| panic!("{d:#?}"));
    eprintln!("initial build into memory: {} files in {} ms", ws.files.len(), t.elapsed().as_millis());
    let lesson = ws.site.lessons[ws.site.lessons.len() / 2].meta.file.clone();
    let original = std::fs::read_to_string(&lesson).expect("read lesson");
    let mut ms = Vec::new();
    for i in 0..times {
        let text =
            if i % 2 == 0 { format!("{original}\nEen extra zin bij bewerking {i}.\n") } else { original.clone() };
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
            }
            other => panic!("{other:?}"),
        }
    }
    std::fs::write(&lesson, original).expect("restore lesson");
    ms.sort_by(f64::total_cmp);
    println!("median one-lesson rebuild: {:.1} ms", ms[ms.len() / 2]);
}
