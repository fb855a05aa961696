//! `leernet build` keeps the previous output beside the new one as a spare tree and writes the
//! next build into it (only what changed is replaced, what is gone is swept out): at most one
//! such tree is ever left, whenever a build is killed, the live output is always a whole
//! build's, and the next build's output is exactly what a build into a new folder gives.

mod common;
use common::Fixture;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn build(root: &Path, output: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_leernet"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
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

/// Every file of a tree (links as their target, folders as a mark), by path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let kind = e.path_is_symlink() || !(e.file_type().is_dir() || e.file_type().is_file());
            assert!(!kind, "only files and folders: {rel}");
            let bytes = if e.file_type().is_dir() { b"<dir>".to_vec() } else { std::fs::read(e.path()).unwrap() };
            (rel, bytes)
        })
        .collect()
}

fn round(f: &Fixture, n: usize) {
    f.write("lessons/extra.md", &common::lesson(common::GOOD_LESSON, &format!("Ronde {n}.")));
    // Every other round a lesson comes or goes, so pages, folders and search files do too.
    if n.is_multiple_of(2) {
        f.write("lessons/komt-en-gaat.md", &common::lesson(common::GOOD_LESSON, "Er even bij."));
    } else {
        let _ = std::fs::remove_file(f.root().join("lessons/komt-en-gaat.md"));
    }
}

/// What a build of the fixture as it is now gives in a new folder.
fn fresh(f: &Fixture) -> BTreeMap<String, Vec<u8>> {
    let d = tempfile::tempdir().unwrap();
    build(f.root(), &d.path().join("out"));
    tree(&d.path().join("out"))
}

#[test]
fn the_previous_output_is_kept_as_one_spare_and_reused() {
    use std::os::unix::fs::MetadataExt;
    let f = Fixture::valid();
    let public = f.root().join("public");
    build(f.root(), &public);
    assert!(leftovers(f.root()).is_empty(), "a first build has nothing to keep");
    for n in 0..5 {
        round(&f, n);
        build(f.root(), &public);
        assert!(leftovers(f.root()).len() <= 1, "at most one old tree: {:?}", leftovers(f.root()));
        assert_eq!(tree(&public), fresh(&f), "round {n}: the same as a build into a new folder");
        let page = f.read("public/lessen/extra/index.html");
        assert!(page.contains(&format!("Ronde {n}.")), "the new output is in place when the command returns");
    }
    assert_eq!(leftovers(f.root()).len(), 1);
    // Built again unchanged: every file (but the marker and the API files, which are streamed
    // out, never compared) is one file shared by the output and the spare: nothing was copied.
    build(f.root(), &public);
    let files = walkdir::WalkDir::new(&public).into_iter().flatten().filter(|e| e.file_type().is_file());
    for e in files.filter(|e| e.file_name() != ".leernet" && !e.path().starts_with(public.join("api"))) {
        assert_eq!(e.metadata().unwrap().nlink(), 2, "{} shared with the spare", e.path().display());
    }
    // The manifest beside the output vouches for the pages kept unchanged (so the next build
    // need not read them back) ...
    let manifest = f.root().join(".public.leernet.manifest");
    let text = std::fs::read_to_string(&manifest).unwrap();
    assert!(text.starts_with("leernet manifest 1\n"), "{text}");
    assert!(text.lines().any(|l| l.ends_with(" lessen/extra/index.html")), "{text}");
    // ... and is only a hint: lies in it, or none at all, change nothing in the output.
    // Each entry made to name another inode (hash, size and time kept): a file not to trust.
    let lie = |l: &str| {
        let f: Vec<&str> = l.splitn(7, ' ').collect();
        match f[..] {
            [hash, size, dev, ino, s, ns, rel] => {
                format!("{hash} {size} {dev} {} {s} {ns} {rel}", ino.parse::<u64>().unwrap() + 1)
            }
            _ => l.to_string(),
        }
    };
    std::fs::write(&manifest, text.lines().map(lie).collect::<Vec<_>>().join("\n")).unwrap();
    for n in 10..12 {
        round(&f, n);
        build(f.root(), &public);
        assert_eq!(tree(&public), fresh(&f), "round {n} after a false manifest");
        std::fs::remove_file(&manifest).unwrap();
    }
    assert!(leftovers(f.root()).len() <= 1);
}

#[test]
fn a_killed_build_leaves_a_whole_output_and_at_most_one_tree() {
    let f = Fixture::valid();
    let public = f.root().join("public");
    build(f.root(), &public);
    let mut outputs = vec![tree(&public)];
    // Stopped dead (no clean-up runs, as when killed) before writing, after some files, before
    // the sweep of the reused tree, before and after the swap; and killed at moments spread
    // over a build.
    let points = ["file:1", "file:20", "file:60", "sweep", "swap", "swapped", "file:5", "sweep", "swapped"];
    let kills = [0u64, 10, 30, 60, 80, 100, 120, 150, 200];
    let stops = points.iter().map(|p| (Some(*p), 0)).chain(kills.iter().map(|&ms| (None, ms)));
    for (n, (point, ms)) in stops.enumerate() {
        round(&f, n);
        let expected = fresh(&f);
        let mut command = Command::new(env!("CARGO_BIN_EXE_leernet"));
        command.args(["build", "--quiet", "--root"]).arg(f.root());
        if let Some(p) = point {
            command.env(leernet::output::CRASH_ENV, p);
        }
        let mut child = command.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        if point.is_none() {
            let _ = child.kill();
        }
        let status = child.wait().unwrap();
        let stop = format!("{point:?} / {ms} ms");
        assert!(point.is_none() || status.code() == Some(137), "{stop}: stopped there");
        let now = tree(&public);
        assert!(now == expected || outputs.contains(&now), "{stop}: the output is a whole build's");
        assert!(leftovers(f.root()).len() <= 1, "{stop}: {:?}", leftovers(f.root()));
        outputs.push(expected.clone());
        // The next build starts from whatever the stop left and gives the right output.
        build(f.root(), &public);
        assert_eq!(tree(&public), expected, "after {stop}");
        assert!(leftovers(f.root()).len() <= 1);
    }
}

#[test]
fn an_old_tree_left_by_an_earlier_version_is_reused_or_removed() {
    let f = Fixture::valid();
    build(f.root(), &f.root().join("public"));
    // As older builds left them: an old tree whose remover never ran, a staging folder of a
    // killed build, and one without the marker (never reused).
    for left in [".public.leernet-old-4000000", ".public.leernet-new-4000001", ".public.leernet-old-4000002"] {
        if !left.ends_with('2') {
            f.write(&format!("{left}/.leernet"), "x");
        }
        f.write(&format!("{left}/lessen/a/index.html"), "oud");
        f.write(&format!("{left}/lessen/index.html"), "oud");
    }
    build(f.root(), &f.root().join("public"));
    assert_eq!(leftovers(f.root()).len(), 1);
    assert_eq!(tree(&f.root().join("public")), fresh(&f));
}

/// A build that fails on its content (the output folder is taken, and the spare tree read,
/// before the content is loaded) leaves the output and the spare as they were, and a first
/// build that fails leaves nothing at all.
#[test]
fn a_build_that_fails_leaves_everything_as_it_was() {
    let f = Fixture::valid();
    let public = f.root().join("public");
    f.write("lessons/kapot.md", "---\ntitle: [kapot\n---\nTekst.\n");
    let (code, _, err) = f.run(&["build", "--quiet"]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("kapot.md"), "{err}");
    assert!(!public.exists() && leftovers(f.root()).is_empty(), "{:?}", leftovers(f.root()));
    std::fs::remove_file(f.root().join("lessons/kapot.md")).unwrap();
    build(f.root(), &public);
    round(&f, 1);
    build(f.root(), &public);
    let (output, spare) = (tree(&public), leftovers(f.root()));
    assert_eq!(spare.len(), 1);
    let spare_tree = tree(&spare[0]);
    f.write("lessons/kapot.md", "---\ntitle: [kapot\n---\nTekst.\n");
    let (code, _, _) = f.run(&["build", "--quiet"]);
    assert_ne!(code, 0);
    assert_eq!(tree(&public), output, "the output is untouched");
    let now = leftovers(f.root());
    assert_eq!(now.len(), 1, "{now:?}");
    let mut kept = tree(&now[0]);
    kept.remove(".leernet");
    let mut before = spare_tree;
    before.remove(".leernet");
    assert_eq!(kept, before, "the spare holds what it held");
}
