//! Removing old output trees: the previous output once the new one is in place, and what builds
//! that were killed left behind. On a disk, removing a 15,800-file output takes most of a
//! second, so the command line has it done by a detached process of its own (`Cleanup::Detach`)
//! instead of waiting for it. (The folder locks are Unix `flock`s; elsewhere there are none.)
//!
//! Why at most one old tree is ever left, whenever a build or a remover is killed:
//! 1. before the swap, a build waits for every earlier old tree to be gone (it takes each one's
//!    lock, which a remover holds while it works, and removes what is left);
//! 2. the swap exchanges the new folder and the output in one step: the previous output is now
//!    at the staging name (`.public.leernet-new-<pid>`);
//! 3. it is renamed to `.public.leernet-old-<pid>` and removed (now, or by the detached process).
//!
//! So when a build starts, at most one old tree exists (after a kill in 2 or 3, or while a
//! remover works), and `remove_stale` removes it unless a live remover holds its lock.

use super::MARKER;
use super::platform::{lock_dir, remove_tree};
use std::io;
use std::path::{Path, PathBuf};

/// How the previous output is removed once the new one is in place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cleanup {
    /// Before the build returns (what the library does by default: tests see a settled folder).
    #[default]
    Wait,
    /// By a detached process started from this program (`leernet build`): the command returns
    /// as soon as the new output is in place.
    Detach,
}

/// Set for a process started to remove one old tree: the tree's path.
pub const REMOVER_ENV: &str = "LEERNET_REMOVE_OLD_OUTPUT";

/// `.<name>.leernet-<tag>-<pid>` beside `out`.
pub(super) fn sibling(out: &Path, tag: &str) -> PathBuf {
    out.with_file_name(format!("{}{tag}-{}", prefix(out), std::process::id()))
}

fn prefix(out: &Path) -> String {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    format!(".{name}.leernet-")
}

/// The folders beside `out` that builds of it left: staging folders and old outputs.
fn leftovers(out: &Path) -> Vec<PathBuf> {
    let (Some(parent), prefix) = (out.parent(), prefix(out)) else { return Vec::new() };
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    entries.flatten().filter(|e| e.file_name().to_string_lossy().starts_with(&prefix)).map(|e| e.path()).collect()
}

/// Removes what killed builds left beside `out`, except old trees a live remover is removing.
pub(super) fn remove_stale(out: &Path) {
    for dir in leftovers(out) {
        match lock_dir(&dir, false) {
            Ok(_lock) => {
                let _ = remove_tree(&dir);
            }
            Err(_) if dir.is_dir() => {} // a remover is at work on it
            Err(_) => {
                let _ = std::fs::remove_file(&dir); // not a folder: a file or a link of that name
            }
        }
    }
}

/// Waits until no old tree of `out` is left: each is locked (waiting for its remover to finish)
/// and whatever is left of it removed.
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
/// and removed as `cleanup` says.
pub(super) fn put_aside(at: &Path, out: &Path, cleanup: Cleanup) -> io::Result<()> {
    let old = sibling(out, "old");
    std::fs::rename(at, &old)?;
    if cleanup == Cleanup::Detach && spawn_remover(&old).is_ok() {
        return Ok(());
    }
    remove_tree(&old)
}

fn spawn_remover(old: &Path) -> io::Result<()> {
    use std::process::Stdio;
    let mut command = std::process::Command::new(std::env::current_exe()?);
    command.env(REMOVER_ENV, old).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0); // Ctrl-C is for the build
    command.spawn().map(drop)
}

/// What the detached process does: removes the old tree at `path`, holding its lock meanwhile.
/// Only a folder named as an old tree and marked as leernet output is touched.
pub fn run_remover(path: &Path) {
    let named = path.file_name().is_some_and(|n| {
        let n = n.to_string_lossy();
        n.starts_with('.') && n.contains(".leernet-old-")
    });
    if !named || !path.join(MARKER).is_file() {
        return;
    }
    if let Ok(_lock) = lock_dir(path, true) {
        let _ = remove_tree(path);
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
    fn stale_trees_are_removed_unless_a_remover_holds_them() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("public");
        let (held, dead) = (old_tree(d.path(), ".public.leernet-old-1"), old_tree(d.path(), ".public.leernet-new-2"));
        let other = old_tree(d.path(), ".other.leernet-old-3");
        let lock = lock_dir(&held, false).unwrap();
        remove_stale(&out);
        assert!(held.exists() && !dead.exists() && other.exists());
        // `settle` waits for the holder, then removes what is left.
        let waiter = std::thread::spawn(move || settle(&out));
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(held.exists(), "still held");
        drop(lock);
        waiter.join().unwrap();
        assert!(!held.exists() && other.exists());
    }

    #[test]
    fn the_remover_touches_only_old_output_trees() {
        let d = tempfile::tempdir().unwrap();
        let unmarked = d.path().join(".public.leernet-old-5");
        std::fs::create_dir_all(&unmarked).unwrap();
        let wrong_name = old_tree(d.path(), "photos");
        run_remover(&unmarked);
        run_remover(&wrong_name);
        assert!(unmarked.exists() && wrong_name.exists());
        let old = old_tree(d.path(), ".public.leernet-old-6");
        run_remover(&old);
        assert!(!old.exists());
    }
}
