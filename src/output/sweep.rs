//! The sweep of a reused staging tree: before the swap, every file and folder the spare tree
//! held from an earlier build that this build did not put there is removed. Which ones it held
//! is read (`Listing::start`) on threads of their own as soon as the build takes the tree,
//! while it loads and renders: the folders' listings, read from disk when the kernel has let
//! them go, then cost the build nothing on its path; the sweep itself only removes.
//!
//! The listing runs while the build writes into the same tree, and is still exact for what
//! the sweep needs: an entry the build did not touch is listed as it was (it is what may have to
//! go), and one the build made, replaced or removed is either among the files and folders it put
//! (kept, whatever the listing saw there) or gone (removing it again finds nothing). A folder the
//! build made after the listing holds only what it put. If any folder could not be listed, the
//! sweep lists the tree again, by itself, before removing anything.

use super::platform::remove_tree;
use super::reuse::Dir;
use ahash::{AHashMap, AHashSet as HashSet};
use rayon::prelude::*;
use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::thread::JoinHandle;

/// What a build put into its staging folder: files and folders by path relative to the root.
pub struct Kept<'a> {
    pub files: &'a HashSet<String>,
    pub dirs: &'a HashSet<String>,
}

/// A tree's folders (by path relative to its root, "" for the root) with their entries, each
/// with whether it is a folder (as the listing gives it: a link is not a folder).
type Folders = AHashMap<String, Vec<(OsString, bool)>>;

/// Threads that read the folders at once: reading a folder from disk is mostly waiting.
const LISTING_THREADS: usize = 4;

/// The listing of a reused tree, being read in the background.
pub struct Listing {
    reading: Option<JoinHandle<io::Result<Folders>>>,
}

impl Listing {
    /// Starts reading every folder of the tree at `root`. Nothing is read where no thread can
    /// be started: the sweep then reads the tree itself.
    pub fn start(root: &Path) -> Listing {
        let root = root.to_path_buf();
        let reading = std::thread::Builder::new().name("listing".into()).spawn(move || {
            let dir = Dir::open(&root)?;
            match rayon::ThreadPoolBuilder::new().num_threads(LISTING_THREADS).build() {
                Ok(pool) => pool.install(|| list_tree(&dir)),
                Err(_) => list_tree(&dir),
            }
        });
        Listing { reading: reading.ok() }
    }

    /// Removes from the tree at `root` everything the listing found that `kept` does not name.
    /// Links are removed, never followed.
    pub fn sweep(self, root: &Dir, kept: &Kept) -> io::Result<()> {
        let listed = self.reading.and_then(|r| r.join().ok()).and_then(Result::ok);
        let folders = match listed {
            Some(folders) => folders,
            None => list_tree(root)?,
        };
        sweep_in(root, &folders, kept, "")
    }
}

/// Every folder of the tree at `root`, listed (on the current rayon pool).
fn list_tree(root: &Dir) -> io::Result<Folders> {
    let found = Mutex::new(Vec::new());
    list_into(root, String::new(), &found)?;
    Ok(found.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().collect())
}

type Found = Mutex<Vec<(String, Vec<(OsString, bool)>)>>;

fn list_into(root: &Dir, rel: String, found: &Found) -> io::Result<()> {
    let entries = match root.list(&rel) {
        Ok(entries) => entries,
        // Removed or replaced by the build meanwhile: what it held is gone with it.
        Err(e) if !rel.is_empty() && gone(&e) => return Ok(()),
        Err(e) => return Err(e),
    };
    let below: Vec<String> = entries
        .iter()
        .filter(|(_, is_dir)| *is_dir)
        .filter_map(|(name, _)| name.to_str().map(|n| join(&rel, n)))
        .collect();
    found.lock().unwrap_or_else(|e| e.into_inner()).push((rel, entries));
    below.into_par_iter().try_for_each(|d| list_into(root, d, found))
}

fn gone(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory)
}

fn join(rel: &str, name: &str) -> String {
    if rel.is_empty() { name.to_string() } else { format!("{rel}/{name}") }
}

fn sweep_in(root: &Dir, folders: &Folders, kept: &Kept, rel: &str) -> io::Result<()> {
    // A folder the build made after the listing: only what it put is in it.
    let Some(entries) = folders.get(rel) else { return Ok(()) };
    let mut below = Vec::new();
    for (name, is_dir) in entries {
        let child = name.to_str().map(|n| join(rel, n));
        if let Some(child) = child {
            if kept.files.contains(&child) {
                continue;
            }
            if kept.dirs.contains(&child) {
                below.push(child);
                continue;
            }
        }
        let path = root.path.join(rel).join(name);
        let removed = if *is_dir { remove_tree(&path) } else { std::fs::remove_file(&path) };
        match removed {
            Err(e) if !gone(&e) => return Err(e),
            _ => {}
        }
    }
    below.par_iter().try_for_each(|d| sweep_in(root, folders, kept, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(root: &Path, files: &[&str]) {
        for f in files {
            std::fs::create_dir_all(root.join(f).parent().unwrap()).unwrap();
            std::fs::write(root.join(f), "x").unwrap();
        }
    }

    fn set(items: &[&str]) -> HashSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn sweep_keeps_what_was_put_and_removes_the_rest() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("tree");
        let outside = d.path().join("outside");
        std::fs::create_dir_all(outside.join("deep")).unwrap();
        tree(&root, &["keep.html", "gone.html", "a/keep.html", "a/gone.html", "b/c/gone.html", "a/d/e/keep.js"]);
        std::os::unix::fs::symlink(&outside, root.join("a/link")).unwrap();
        let (files, dirs) = (set(&["keep.html", "a/keep.html", "a/d/e/keep.js"]), set(&["a", "a/d", "a/d/e"]));
        let listing = Listing::start(&root);
        listing.sweep(&Dir::open(&root).unwrap(), &Kept { files: &files, dirs: &dirs }).unwrap();
        assert_eq!(crate::output::tree(&root), ["", "a", "a/d", "a/d/e", "a/d/e/keep.js", "a/keep.html", "keep.html"]);
        assert!(outside.join("deep").is_dir(), "a link's target is left alone");
    }

    /// What the build does to the tree after it was listed: files and folders made, a folder
    /// replaced by a file and a file by a folder, a stale folder removed. The sweep keeps every
    /// one of them and removes exactly what was there before and not put.
    #[test]
    fn changes_after_the_listing_are_kept_and_stale_entries_removed() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("tree");
        tree(&root, &["stale.html", "was-dir/x/index.html", "was-file", "a/stale.html", "a/kept.html", "gone/x.html"]);
        let folders = Listing::start(&root).reading.unwrap().join().unwrap().unwrap();
        // Now the build writes.
        std::fs::remove_dir_all(root.join("was-dir")).unwrap();
        std::fs::write(root.join("was-dir"), "now a file").unwrap();
        std::fs::remove_file(root.join("was-file")).unwrap();
        tree(&root, &["was-file/index.html", "new/deep/index.html", "a/new.html"]);
        std::fs::remove_dir_all(root.join("gone")).unwrap();
        let files = set(&["was-dir", "was-file/index.html", "new/deep/index.html", "a/new.html", "a/kept.html"]);
        let dirs = set(&["was-file", "new", "new/deep", "a"]);
        let listing = Listing { reading: Some(std::thread::spawn(move || Ok(folders))) };
        listing.sweep(&Dir::open(&root).unwrap(), &Kept { files: &files, dirs: &dirs }).unwrap();
        let mut want = vec!["", "a", "a/kept.html", "a/new.html", "new", "new/deep", "new/deep/index.html", "was-dir"];
        want.extend(["was-file", "was-file/index.html"]);
        assert_eq!(crate::output::tree(&root), want);
        assert_eq!(std::fs::read_to_string(root.join("was-dir")).unwrap(), "now a file");
    }

    #[test]
    fn a_failed_listing_is_read_again_by_the_sweep() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("tree");
        tree(&root, &["keep.html", "stale/index.html"]);
        let failed = Listing { reading: Some(std::thread::spawn(|| Err(io::Error::other("interrupted")))) };
        let (files, dirs) = (set(&["keep.html"]), set(&[]));
        failed.sweep(&Dir::open(&root).unwrap(), &Kept { files: &files, dirs: &dirs }).unwrap();
        assert_eq!(crate::output::tree(&root), ["", "keep.html"]);
        let none = Listing { reading: None };
        tree(&root, &["late.html"]);
        none.sweep(&Dir::open(&root).unwrap(), &Kept { files: &files, dirs: &dirs }).unwrap();
        assert_eq!(crate::output::tree(&root), ["", "keep.html"], "no thread: the sweep lists the tree itself");
    }
}
