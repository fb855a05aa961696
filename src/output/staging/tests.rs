//! Tests of `staging`.

use super::*;

/// A staging folder for `out` holding `files` (path, text), not yet committed.
fn staged(out: &Path, cleanup: Cleanup, files: &[(&str, &str)]) -> Staging {
    use crate::output::Sink;
    let staging = Staging::new(out, cleanup).unwrap();
    for (path, text) in files {
        staging.put_slice(path.to_string(), text.as_bytes()).unwrap();
    }
    staging
}

#[test]
fn looking_into_the_previous_output_stops_when_nearly_nothing_is_unchanged() {
    use crate::output::Sink;
    use std::os::unix::fs::MetadataExt;
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("public");
    let names: Vec<String> = (0..PROBES_BEFORE_GIVING_UP + 20).map(|i| format!("p/{i}.html")).collect();
    let first = Staging::new(&out, Cleanup::Wait).unwrap();
    for n in &names {
        first.put_slice(n.clone(), b"old").unwrap();
    }
    first.put_slice("same.html".into(), b"same").unwrap();
    first.commit().unwrap();
    let ino = || std::fs::metadata(out.join("same.html")).unwrap().ino();
    let before = ino();
    // Every page changed, then an unchanged one: by then nobody looks any more.
    let second = Staging::new(&out, Cleanup::Wait).unwrap();
    for n in &names {
        second.put_slice(n.clone(), b"new").unwrap();
    }
    second.put_slice("same.html".into(), b"same").unwrap();
    second.commit().unwrap();
    assert_ne!(ino(), before, "written anew");
    assert_eq!(std::fs::read(out.join("same.html")).unwrap(), b"same");
    assert_eq!(std::fs::read(out.join(&names[7])).unwrap(), b"new");
    // The same file first: linked.
    let before = ino();
    let third = Staging::new(&out, Cleanup::Wait).unwrap();
    third.put_slice("same.html".into(), b"same").unwrap();
    third.commit().unwrap();
    assert_eq!(ino(), before, "linked");
}

#[test]
fn a_kept_spare_is_reused_and_ends_exactly_as_written() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("public");
    let build = |files: &[(&str, &str)]| staged(&out, Cleanup::Keep, files).commit().unwrap();
    build(&[("a/index.html", "1"), ("b/c/index.html", "1")]);
    build(&[("a/index.html", "2"), ("d/index.html", "2")]);
    let spare = d.path().join(format!(".public.leernet-old-{}", std::process::id()));
    assert!(spare.join("b/c/index.html").is_file(), "the previous output is kept");
    // Planted in the spare: a folder that is a link to outside, with a file the build writes.
    let outside = d.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("index.html"), "mine").unwrap();
    std::fs::remove_dir_all(spare.join("a")).unwrap();
    std::os::unix::fs::symlink(&outside, spare.join("a")).unwrap();
    build(&[("a/index.html", "3"), ("e/f/index.html", "3")]);
    assert_eq!(std::fs::read_to_string(outside.join("index.html")).unwrap(), "mine");
    assert_eq!(crate::output::tree(&out), ["", ".leernet", "a", "a/index.html", "e", "e/f", "e/f/index.html"]);
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 3, "the output, one spare, outside");
    // A failed build keeps its folder as the one spare; the output is untouched.
    drop(Staging::new(&out, Cleanup::Keep).unwrap());
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 3);
    assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "3");
}

#[test]
fn odd_files_in_the_previous_output_are_written_over_not_followed() {
    use crate::output::Sink;
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("public");
    let first = Staging::new(&out, Cleanup::Wait).unwrap();
    first.put_slice("a.html".into(), b"x").unwrap();
    first.commit().unwrap();
    // Planted by someone else: a named pipe (opening it plainly would wait forever) and a
    // link to a file outside with the very bytes the build writes.
    let outside = d.path().join("outside.html");
    std::fs::write(&outside, b"same").unwrap();
    let fifo = rustix::fs::FileType::Fifo;
    rustix::fs::mknodat(rustix::fs::CWD, out.join("pipe.html"), fifo, 0o644.into(), 0).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("link.html")).unwrap();
    let second = Staging::new(&out, Cleanup::Wait).unwrap();
    second.put_slice("pipe.html".into(), b"page").unwrap();
    second.put_slice("link.html".into(), b"same").unwrap();
    second.commit().unwrap();
    for (name, bytes) in [("pipe.html", &b"page"[..]), ("link.html", b"same")] {
        let m = std::fs::symlink_metadata(out.join(name)).unwrap();
        assert!(m.is_file(), "{name} is a plain file of its own");
        assert_eq!(std::fs::read(out.join(name)).unwrap(), bytes);
    }
    use std::os::unix::fs::MetadataExt;
    assert_eq!(std::fs::metadata(&outside).unwrap().nlink(), 1, "the outside file was not linked in");
}

#[test]
fn unchanged_files_are_linked_from_the_previous_output() {
    use std::os::unix::fs::MetadataExt;
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("public");
    let build = |files: &[(&str, &str)]| staged(&out, Cleanup::Wait, files);
    build(&[("a/index.html", "same"), ("b.html", "old"), ("c.html", "gone")]).commit().unwrap();
    let ino = |p: &str| std::fs::metadata(out.join(p)).unwrap().ino();
    let (a, b) = (ino("a/index.html"), ino("b.html"));
    let staging = build(&[("a/index.html", "same"), ("b.html", "new"), ("d.html", "added")]);
    // Until the swap the previous output is untouched.
    assert_eq!(std::fs::read_to_string(out.join("b.html")).unwrap(), "old");
    assert!(out.join("c.html").exists() && !out.join("d.html").exists());
    staging.commit().unwrap();
    assert_eq!(ino("a/index.html"), a, "the unchanged file is the same file");
    assert_ne!(ino("b.html"), b, "a changed file is written anew");
    assert_eq!(std::fs::read_to_string(out.join("b.html")).unwrap(), "new");
    assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "same");
    assert!(!out.join("c.html").exists() && out.join("d.html").exists());
    assert_eq!(std::fs::metadata(out.join("a/index.html")).unwrap().nlink(), 1, "the old tree is gone");
    // A failed build (staging dropped) leaves the output as it was.
    drop(build(&[("a/index.html", "same"), ("b.html", "newer")]));
    assert_eq!(std::fs::read_to_string(out.join("b.html")).unwrap(), "new");
    assert_eq!(std::fs::metadata(out.join("a/index.html")).unwrap().nlink(), 1);
    let mut left: Vec<_> = std::fs::read_dir(d.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    left.sort();
    assert_eq!(left, [".public.leernet.manifest", "public"], "no staging folder left; the manifest beside it");
}

/// Builds into `out` (removing the previous output at once) and commits.
fn build_now(out: &Path, files: &[(&str, &str)]) {
    staged(out, Cleanup::Wait, files).commit().unwrap();
}

#[test]
fn what_the_manifest_vouches_for_is_not_read_back() {
    use std::os::unix::fs::MetadataExt;
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("public");
    let page = out.join("a/index.html");
    let files = [("a/index.html", "same text"), ("b.html", "b")];
    build_now(&out, &files);
    assert!(!manifest::path(&out).exists(), "a first build links nothing: no manifest");
    build_now(&out, &files); // read back, found unchanged, linked: now in the manifest
    let m = Manifest::read(&manifest::path(&out));
    let entry = m.get("a/index.html").copied().unwrap();
    assert_eq!((entry.ino, entry.hash), (std::fs::metadata(&page).unwrap().ino(), manifest::hash(b"same text")));
    // Someone changes the page and sets its time back: only reading would notice. The build
    // trusts the manifest and keeps the file (this is the one thing it does not catch).
    let time = std::fs::metadata(&page).unwrap().modified().unwrap();
    std::fs::write(&page, "SAME TEXT").unwrap();
    std::fs::File::options().write(true).open(&page).unwrap().set_modified(time).unwrap();
    build_now(&out, &files);
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "SAME TEXT", "not read back");
    // Changed with its new time (any ordinary edit): read back, found different, written anew.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&page, "SAME TEXT").unwrap();
    build_now(&out, &files);
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "same text");
    // Every page changed: nothing to vouch for, and no stale manifest left.
    build_now(&out, &[("a/index.html", "new text"), ("b.html", "B")]);
    assert!(!manifest::path(&out).exists());
}

#[test]
fn a_foreign_or_stale_manifest_costs_time_never_a_wrong_page() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("public");
    build_now(&out, &[("a.html", "old a"), ("b.html", "old b"), ("c.html", "old c")]);
    let st = |rel: &str| reuse::Dir::open(&out).unwrap().stat(rel).unwrap();
    // Claims that no longer hold: b.html is another file now, c.html has another size.
    let claims = vec![
        (
            "b.html".to_string(),
            Entry { ino: st("b.html").ino + 1, ..Entry::new(&st("b.html"), manifest::hash(b"new b")) },
        ),
        ("c.html".to_string(), Entry { size: 99, ..Entry::new(&st("c.html"), manifest::hash(b"new c")) }),
    ];
    Manifest::write(&manifest::path(&out), &claims).unwrap();
    build_now(&out, &[("b.html", "new b"), ("c.html", "new c")]);
    assert_eq!(std::fs::read_to_string(out.join("b.html")).unwrap(), "new b");
    assert_eq!(std::fs::read_to_string(out.join("c.html")).unwrap(), "new c");
    std::fs::write(manifest::path(&out), "garbage\n\u{0}").unwrap();
    build_now(&out, &[("b.html", "new b"), ("c.html", "newer c")]);
    assert_eq!(std::fs::read_to_string(out.join("c.html")).unwrap(), "newer c");
    assert_eq!(Manifest::read(&manifest::path(&out)).get("b.html").map(|e| e.hash), Some(manifest::hash(b"new b")));
}
