//! Old output trees beside the output: the previous output once the new one is in place, and
//! what builds that were killed left behind. On a disk, removing a 15,800-file output takes most
//! of a second and making its 11,600 folders again as long, so the command line keeps the
//! previous output as a *spare* (`Cleanup::Keep`): the next build takes it as its staging
//! folder, replaces in it only what changed and removes what is no longer part of the site
//! (`staging`), and nothing is removed on the command's path. (The folder locks are Unix
//! `flock`s; elsewhere there are none.)
//!
//! Why at most one old tree is ever left, whenever a build is killed:
//! 1. a build takes one leftover tree as its staging folder (renamed, in one step, to
//!    `.public.leernet-new-<pid>` and locked while it works) and removes any other;
//! 2. before the swap, it waits for every `old-` tree to be gone (it takes each one's lock and
//!    removes what is left: there is none unless builds ran side by side);
//! 3. the swap exchanges the staging folder and the output in one step: the previous output is
//!    now at the staging name;
//! 4. it is renamed to `.public.leernet-old-<pid>` and kept (or removed, under `Cleanup::Wait`).
//!
//! So between builds there is at most one tree beside the output (the spare, or a staging
//! folder after a kill in 1–3), and the next build reuses it. A failed build keeps its staging
//! folder as the spare under `Keep` and removes it under `Wait`.

use super::MARKER;
use super::platform::{DirLock, lock_dir, remove_tree};
use std::io;
use std::path::{Path, PathBuf};

/// What becomes of the previous output once the new one is in place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cleanup {
    /// Removed before the build returns (what the library does by default: tests see a settled
    /// folder).
    #[default]
    Wait,
    /// Kept beside the output as the spare tree the next build writes into (`leernet build`):
    /// nothing is removed on the command's path, and folders and unchanged files are reused.
    Keep,
}

/// `.<name>.leernet-<tag>-<pid>` beside `out`.
pub(super) fn sibling(out: &Path, tag: &str) -> PathBuf {
    out.with_file_name(format!("{}{tag}-{}", prefix(out), std::process::id()))
}

fn prefix(out: &Path) -> String {
    format!(".{}.leernet-", output_name(out))
}

/// The name of the output folder `out` (`public` for a path without one), which the hidden
/// files and folders beside it are named after.
pub(super) fn output_name(out: &Path) -> String {
    out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into())
}

/// The folders beside `out` that builds of it left: staging folders and old outputs.
fn leftovers(out: &Path) -> Vec<PathBuf> {
    let (Some(parent), prefix) = (out.parent(), prefix(out)) else { return Vec::new() };
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    let mut found: Vec<PathBuf> =
        entries.flatten().filter(|e| e.file_name().to_string_lossy().starts_with(&prefix)).map(|e| e.path()).collect();
    found.sort();
    found
}

/// Takes what builds of `out` left beside it: the first tree that is a leernet output folder
/// and nobody holds becomes `at` (renamed there, returned locked); every other one is removed,
/// except trees another process holds.
pub(super) fn take_spare(out: &Path, at: &Path) -> Option<DirLock> {
    let mut taken = None;
    for dir in leftovers(out) {
        match lock_dir(&dir, false) {
            Ok(lock) => {
                if taken.is_none() && dir.join(MARKER).is_file() && std::fs::rename(&dir, at).is_ok() {
                    taken = Some(lock);
                } else {
                    let _ = remove_tree(&dir);
                }
            }
            Err(_) if dir.is_dir() => {} // another build is at work on it
            Err(_) => {
                let _ = std::fs::remove_file(&dir); // not a folder: a file or a link of that name
            }
        }
    }
    taken
}

/// Waits until no old tree of `out` is left: each is locked (waiting for whoever holds it)
/// and removed.
pub(super) fn settle(out: &Path) {
    let old = format!("{}old-", prefix(out));
    for dir in leftovers(out) {
        if !dir.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&old)) {
            continue;
        }
        if let Ok(_lock) = lock_dir(&dir, true) {
            let _ = remove_tree(&dir);
        }
    }
}

/// The previous output, moved out of the way to `at` by the swap: renamed to the old-tree name
/// and kept or removed as `cleanup` says.
pub(super) fn put_aside(at: &Path, out: &Path, cleanup: Cleanup) -> io::Result<()> {
    let old = sibling(out, "old");
    std::fs::rename(at, &old)?;
    match cleanup {
        Cleanup::Keep => Ok(()),
        Cleanup::Wait => remove_tree(&old),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_a_tree_removes_links_not_what_they_point_to() {
        let d = tempfile::tempdir().unwrap();
        let keep = d.path().join("keep");
        std::fs::create_dir_all(keep.join("sub")).unwrap();
        std::fs::write(keep.join("sub/photo.jpg"), b"x").unwrap();
        let tree = d.path().join("old");
        for dir in ["a/b/c", "d", "e"] {
            std::fs::create_dir_all(tree.join(dir)).unwrap();
        }
        for (i, f) in ["a/index.html", "a/b/c/index.html", "d/x.js", "top.xml"].iter().enumerate() {
            std::fs::write(tree.join(f), vec![b'x'; i * 5000]).unwrap();
        }
        std::os::unix::fs::symlink(&keep, tree.join("e/link-to-folder")).unwrap();
        std::os::unix::fs::symlink(keep.join("sub/photo.jpg"), tree.join("link-to-file")).unwrap();
        std::os::unix::fs::symlink(d.path().join("nowhere"), tree.join("dangling")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert_eq!(std::fs::read(keep.join("sub/photo.jpg")).unwrap(), b"x", "a link's target is left alone");
        assert!(remove_tree(&tree).is_err(), "a missing folder is an error, not a panic");
    }

    fn old_tree(d: &Path, name: &str) -> PathBuf {
        let t = d.join(name);
        std::fs::create_dir_all(t.join("a/b")).unwrap();
        std::fs::write(t.join(MARKER), "x").unwrap();
        std::fs::write(t.join("a/b/index.html"), "x").unwrap();
        t
    }

    #[test]
    fn one_spare_is_taken_the_rest_removed_unless_held() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("public");
        let held = old_tree(d.path(), ".public.leernet-old-1");
        let spare = old_tree(d.path(), ".public.leernet-old-2");
        let dead = old_tree(d.path(), ".public.leernet-new-3");
        let unmarked = d.path().join(".public.leernet-old-4");
        std::fs::create_dir_all(&unmarked).unwrap();
        let other = old_tree(d.path(), ".other.leernet-old-5");
        let lock = lock_dir(&held, false).unwrap();
        let at = d.path().join(".public.leernet-new-9");
        assert!(take_spare(&out, &at).is_some());
        assert!(at.join("a/b/index.html").is_file(), "the first free marked tree is taken");
        assert!(held.exists() && !spare.exists() && !dead.exists() && !unmarked.exists() && other.exists());
        // `settle` waits for the holder, then removes what is left.
        let waiter = std::thread::spawn(move || settle(&out));
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(held.exists(), "still held");
        drop(lock);
        waiter.join().unwrap();
        assert!(!held.exists() && other.exists() && at.exists(), "only old- trees are settled");
    }
}
