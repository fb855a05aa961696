//! Writing into a staging folder that may be a reused tree (the spare kept by the previous
//! build, see `remove`): its files may be hard links shared with the live output, so nothing
//! in it is ever opened for writing. A file is made anew (`create_new`) and whatever stands at
//! its name is unlinked first; folders are checked once to be real folders, never followed
//! links; and before the swap, `sweep` removes every file and folder this build did not put
//! there. In a fresh folder the same calls cost nothing extra (nothing is ever in the way).

use super::platform::remove_tree;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Removes whatever stands at `path` (a file, a link, a folder tree); nothing there is fine.
pub fn clear(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => match std::fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() => remove_tree(path),
            _ => Err(e),
        },
    }
}

/// A new file at `path`, for writing: never an existing file opened again (it may be shared
/// with the live output), never through a link. What stands there is removed first.
pub fn create(path: &Path) -> io::Result<File> {
    let open = || std::fs::OpenOptions::new().write(true).create_new(true).open(path);
    match open() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            clear(path)?;
            open()
        }
        other => other,
    }
}

/// A hard link at `path` to `old`, replacing whatever stands at `path`.
pub fn link(old: &Path, path: &Path) -> io::Result<()> {
    match std::fs::hard_link(old, path) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            clear(path)?;
            std::fs::hard_link(old, path)
        }
        other => other,
    }
}

/// Makes sure `dir` is a real folder (not a link to one) when it may already exist: one look
/// when it is, one `mkdir` when nothing is there; anything else there is removed first.
pub fn folder(dir: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => {
            clear(dir)?;
            std::fs::create_dir(dir)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => match std::fs::create_dir(dir) {
            // Made by another thread meanwhile.
            Err(e)
                if e.kind() == io::ErrorKind::AlreadyExists
                    && std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) =>
            {
                Ok(())
            }
            other => other,
        },
        Err(e) => Err(e),
    }
}

/// What a build put into its staging folder: files by path relative to `root`, folders as full
/// paths.
pub struct Kept<'a> {
    pub root: &'a Path,
    pub files: &'a HashSet<String>,
    pub dirs: &'a HashSet<PathBuf>,
}

/// Removes from the tree at `kept.root` every file and folder that is not in `kept` (what a
/// reused tree held from an earlier build), on all cores. Links are removed, never followed.
pub fn sweep(kept: &Kept) -> io::Result<()> {
    sweep_dir(kept, kept.root)
}

fn sweep_dir(kept: &Kept, dir: &Path) -> io::Result<()> {
    let mut below = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // The type the listing gives: a link is not a folder here.
        if entry.file_type()?.is_dir() {
            if kept.dirs.contains(&path) {
                below.push(path);
            } else {
                remove_tree(&path)?;
            }
            continue;
        }
        let rel = path.strip_prefix(kept.root).ok().and_then(Path::to_str);
        if !rel.is_some_and(|rel| kept.files.contains(rel)) {
            std::fs::remove_file(&path)?;
        }
    }
    below.par_iter().try_for_each(|d| sweep_dir(kept, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_never_writes_into_a_shared_file_nor_through_a_link() {
        use std::io::Write;
        let d = tempfile::tempdir().unwrap();
        let live = d.path().join("live.html");
        std::fs::write(&live, b"live").unwrap();
        let staged = d.path().join("staged.html");
        std::fs::hard_link(&live, &staged).unwrap();
        create(&staged).unwrap().write_all(b"new").unwrap();
        assert_eq!(std::fs::read(&live).unwrap(), b"live", "the shared file is untouched");
        assert_eq!(std::fs::read(&staged).unwrap(), b"new");
        let linked = d.path().join("linked.html");
        std::os::unix::fs::symlink(&live, &linked).unwrap();
        create(&linked).unwrap().write_all(b"own").unwrap();
        assert!(std::fs::symlink_metadata(&linked).unwrap().is_file());
        assert_eq!(std::fs::read(&live).unwrap(), b"live", "the link's target is untouched");
        let was_dir = d.path().join("dir.html");
        std::fs::create_dir_all(was_dir.join("x")).unwrap();
        create(&was_dir).unwrap();
        assert!(was_dir.is_file());
    }

    #[test]
    fn folders_are_real_folders_not_links() {
        let d = tempfile::tempdir().unwrap();
        let elsewhere = d.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let dir = d.path().join("lessen");
        std::os::unix::fs::symlink(&elsewhere, &dir).unwrap();
        folder(&dir).unwrap();
        assert!(std::fs::symlink_metadata(&dir).unwrap().is_dir() && elsewhere.is_dir());
        std::fs::write(dir.join("a"), "x").unwrap();
        assert!(!elsewhere.join("a").exists());
        folder(&dir).unwrap();
        assert!(dir.join("a").exists(), "an existing folder is kept as it is");
    }

    #[test]
    fn sweep_keeps_what_was_put_and_removes_the_rest() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("tree");
        let outside = d.path().join("outside");
        std::fs::create_dir_all(outside.join("deep")).unwrap();
        for f in ["keep.html", "gone.html", "a/keep.html", "a/gone.html", "b/c/gone.html", "a/d/e/keep.js"] {
            std::fs::create_dir_all(root.join(f).parent().unwrap()).unwrap();
            std::fs::write(root.join(f), "x").unwrap();
        }
        std::os::unix::fs::symlink(&outside, root.join("a/link")).unwrap();
        let files: HashSet<String> = ["keep.html", "a/keep.html", "a/d/e/keep.js"].map(String::from).into();
        let dirs: HashSet<PathBuf> = ["a", "a/d", "a/d/e"].map(|d| root.join(d)).into();
        sweep(&Kept { root: &root, files: &files, dirs: &dirs }).unwrap();
        let mut left: Vec<String> = walkdir::WalkDir::new(&root)
            .into_iter()
            .flatten()
            .map(|e| e.path().strip_prefix(&root).unwrap().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["", "a", "a/d", "a/d/e", "a/d/e/keep.js", "a/keep.html", "keep.html"]);
        assert!(outside.join("deep").is_dir(), "a link's target is left alone");
    }
}
