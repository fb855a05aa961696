//! Criterion benchmarks of the hot stages, on the repo's own content copied 20 times (about
//! 1,400 lessons): loading and checking, linking, the search index, Markdown rendering and
//! rendering every page. Run with `cargo bench --bench stages`; figures, not tests.

use criterion::{Criterion, criterion_group, criterion_main};
use leernet::content::model::Site;
use std::path::Path;

/// A site made of the repo's content, each lesson copied `copies` times under a new slug.
fn corpus(copies: usize) -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo.join("config.toml"), dir.path().join("config.toml")).unwrap();
    for sub in ["initiatives", "lessons"] {
        for e in walkdir::WalkDir::new(repo.join(sub)).into_iter().flatten().filter(|e| e.file_type().is_file()) {
            let rel = e.path().strip_prefix(repo).unwrap();
            let copies = if sub == "lessons" { copies } else { 1 };
            for n in 0..copies {
                let name = if n == 0 {
                    rel.to_path_buf()
                } else {
                    rel.with_file_name(format!("c{n}-{}", rel.file_name().unwrap().to_string_lossy()))
                };
                let target = dir.path().join(&name);
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }
    dir
}

fn load(root: &Path) -> Site {
    let config = leernet::config::Config::load(root).unwrap();
    let (site, diags) = leernet::content::load_site(root, config);
    assert!(diags.is_empty(), "{diags:?}");
    site
}

fn stages(c: &mut Criterion) {
    let dir = corpus(20);
    let root = dir.path();
    let site = load(root);
    let links = leernet::link::Links::build(&site);
    let strings = leernet::render::templates::strings(root, "nl").unwrap();
    let mut g = c.benchmark_group("stages");
    g.sample_size(10);
    g.bench_function("load + validate", |b| b.iter(|| load(root)));
    g.bench_function("link (taxonomies, related)", |b| b.iter(|| leernet::link::Links::build(&site)));
    g.bench_function("search index", |b| b.iter(|| leernet::search::build(&site, &strings)));
    g.bench_function("render every page", |b| {
        b.iter(|| {
            let mut theme = leernet::render::Theme::load(root, &site.config).unwrap();
            leernet::pipeline::render_parts(&site, &links, &mut theme).unwrap()
        })
    });
    let body = std::fs::read_to_string(site.lessons[0].meta.file.clone()).unwrap();
    g.bench_function("markdown of one lesson", |b| {
        b.iter(|| leernet::content::markdown::render("lessons/x.md", &body, 1, false))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
