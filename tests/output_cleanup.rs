//! `leernet build` removes the previous output in a detached process of its own: the command
//! returns once the new output is in place, the old tree goes soon after, and a killed build or
//! remover leaves at most one old tree, which the next build removes.

mod common;
use common::Fixture;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn build(root: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_leernet"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .status()
        .expect("run leernet");
    assert!(status.success());
}

/// The folders builds of `public` left beside it.
fn leftovers(root: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public.leernet-"))
        .map(|e| e.path())
        .collect()
}

fn wait_until_settled(root: &Path) {
    let start = Instant::now();
    while !leftovers(root).is_empty() {
        assert!(start.elapsed() < Duration::from_secs(60), "old trees left: {:?}", leftovers(root));
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_previous_output_is_removed_in_the_background_and_never_piles_up() {
    let f = Fixture::valid();
    build(f.root());
    assert!(leftovers(f.root()).is_empty(), "a first build has nothing to remove");
    for round in 0..4 {
        f.write("lessons/extra.md", &common::lesson(common::GOOD_LESSON, &format!("Ronde {round}.")));
        build(f.root());
        assert!(leftovers(f.root()).len() <= 1, "at most one old tree: {:?}", leftovers(f.root()));
        let page = f.read("public/lessen/extra/index.html");
        assert!(page.contains(&format!("Ronde {round}.")), "the new output is in place when the command returns");
    }
    wait_until_settled(f.root());
    assert!(f.root().join("public/.leernet").is_file());
}

#[test]
fn an_old_tree_left_by_a_killed_build_is_removed_by_the_next() {
    let f = Fixture::valid();
    build(f.root());
    // As a build killed after its swap leaves it (its remover never ran), and one killed while
    // writing.
    for left in [".public.leernet-old-4000000", ".public.leernet-new-4000001"] {
        f.write(&format!("{left}/.leernet"), "x");
        f.write(&format!("{left}/lessen/a/index.html"), "oud");
    }
    build(f.root());
    wait_until_settled(f.root());
    assert!(f.root().join("public/index.html").is_file());
}
