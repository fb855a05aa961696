//! Output: writes the rendered files as a whole new folder next to the target and swaps it in
//! atomically, so a failed or killed build never leaves a half-written site. Refuses output
//! folders that would destroy the site itself or a home/system folder.

use crate::diagnostics::Diagnostic;
use crate::render::OutFile;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Makes `p` absolute and removes `.`/`..` without touching the file system.
pub fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// The file every build writes into its output folder; only a folder holding it (or an empty
/// one) is ever replaced, so a mistyped `--output` cannot wipe someone's files.
pub const MARKER: &str = ".leernet";

/// Refuses output folders that must never be replaced: `/`, the home folder, the site root or
/// any folder above it, a content or theme folder, or an existing folder holding content.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let out = absolute(output);
    let refuse = |why: &str| {
        Err(Diagnostic::file(&out, format!("refusing to use {} as the output folder: {why}", out.display())))
    };
    if out.parent().is_none() {
        return refuse("it is the file-system root");
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        if absolute(&home) == out {
            return refuse("it is your home folder");
        }
    }
    if root.starts_with(&out) {
        return refuse("it is the site root or a folder that contains it");
    }
    for d in ["initiatives", "lessons", "templates", "static"] {
        if out.starts_with(root.join(d)) {
            return refuse(&format!("it lies inside the site's {d}/ folder"));
        }
    }
    if out.is_dir() {
        for marker in ["config.toml", "initiatives", "lessons", "Cargo.toml", ".git"] {
            if out.join(marker).exists() {
                return refuse(&format!("it contains {marker}, so it is not a build output"));
            }
        }
        let empty = std::fs::read_dir(&out).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty && !out.join(MARKER).is_file() {
            return refuse(&format!(
                "it is not empty and was not written by leernet (it has no {MARKER} file); empty it or choose another folder"
            ));
        }
    } else if out.exists() {
        return refuse("it is a file, not a folder");
    }
    Ok(())
}

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.leernet-{tag}-{}", std::process::id()))
}

/// Removes leftovers of earlier builds that were killed part-way.
fn remove_stale(out: &Path) {
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else { return };
    let prefix = format!(".{}.leernet-", name.to_string_lossy());
    if let Ok(entries) = std::fs::read_dir(parent) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Writes `files` into a fresh folder beside `output`, then swaps it in.
pub fn write_atomic(output: &Path, files: &[OutFile]) -> io::Result<()> {
    let staging = Staging::new(output)?;
    write_tree(&staging.tmp, files)?;
    staging.commit()
}

/// A build's output being written: a fresh folder beside the target that files go into as they
/// are rendered, swapped in by `commit`. Dropped without `commit` (a failed build), it removes
/// itself and the previous output stays as it was.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    committed: bool,
    pub files: std::sync::atomic::AtomicUsize,
    pub bytes: std::sync::atomic::AtomicU64,
    /// Folders known to exist in `tmp`.
    dirs: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    pub fn new(output: &Path) -> io::Result<Staging> {
        let out = absolute(output);
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent)?;
        }
        remove_stale(&out);
        let tmp = sibling(&out, "new");
        std::fs::create_dir_all(&tmp)?;
        std::fs::write(tmp.join(MARKER), "Written by leernet. This folder is replaced as a whole on every build.\n")?;
        let dirs = std::sync::Mutex::new([tmp.clone()].into_iter().collect());
        Ok(Staging { out, tmp, committed: false, files: Default::default(), bytes: Default::default(), dirs })
    }

    /// Swaps the finished folder in for the old output.
    pub fn commit(mut self) -> io::Result<()> {
        swap_in(&self.tmp, &self.out)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

impl Staging {
    /// Makes the folder of `path` (inside `tmp`) unless it is known to exist.
    fn folder_of(&self, path: &Path) -> io::Result<()> {
        // Folders made so far are remembered: a page's folder is made with one mkdir and
        // no stat, and the many files of one folder (search/) cost no look-up at all.
        if let Some(parent) = path.parent() {
            let known = self.dirs.lock().unwrap_or_else(|e| e.into_inner()).contains(parent);
            if !known {
                std::fs::create_dir_all(parent)?;
                self.dirs.lock().unwrap_or_else(|e| e.into_inner()).insert(parent.to_path_buf());
            }
        }
        Ok(())
    }

    fn written(&self, bytes: u64) {
        use std::sync::atomic::Ordering;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    fn error(&self, rel: &str, e: io::Error) -> crate::diagnostics::Diagnostic {
        crate::diagnostics::Diagnostic::file(&self.out, format!("cannot write {rel}: {e}"))
    }
}

impl crate::render::Sink for Staging {
    fn put(&self, file: OutFile) -> Result<(), crate::diagnostics::Diagnostic> {
        self.put_slice(file.path, &file.bytes)
    }

    fn put_slice(&self, rel: String, bytes: &[u8]) -> Result<(), crate::diagnostics::Diagnostic> {
        let path = self.tmp.join(&rel);
        let write = || -> io::Result<()> {
            self.folder_of(&path)?;
            std::fs::write(&path, bytes)
        };
        write().map_err(|e| self.error(&rel, e))?;
        self.written(bytes.len() as u64);
        Ok(())
    }

    fn put_streamed(
        &self,
        rel: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), crate::diagnostics::Diagnostic> {
        use io::Write;
        let path = self.tmp.join(rel);
        let mut stream = || -> io::Result<u64> {
            self.folder_of(&path)?;
            let file = io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&path)?);
            let mut out = Counted { inner: file, bytes: 0 };
            write(&mut out)?;
            out.flush()?;
            Ok(out.bytes)
        };
        let bytes = stream().map_err(|e| self.error(rel, e))?;
        self.written(bytes);
        Ok(())
    }
}

/// A writer that counts the bytes passing through it.
struct Counted<W> {
    inner: W,
    bytes: u64,
}

impl<W: io::Write> io::Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes files into `dir` (which exists), creating sub-folders first.
pub fn write_tree(dir: &Path, files: &[OutFile]) -> io::Result<()> {
    let folders: BTreeSet<PathBuf> =
        files.iter().filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p))).collect();
    for f in &folders {
        std::fs::create_dir_all(f)?;
    }
    files.par_iter().try_for_each(|f| std::fs::write(dir.join(&f.path), &f.bytes))
}

/// Zips a finished output folder (every file but the marker, sorted) under a top folder `top/`.
pub fn zip_folder(dir: &Path, zip: &Path, top: &str) -> io::Result<()> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_file() && entry.file_name() != MARKER {
            let rel = entry.path().strip_prefix(dir).map_err(io::Error::other)?;
            let path = rel.to_string_lossy().replace('\\', "/");
            files.push(OutFile { path, bytes: std::fs::read(entry.path())? });
        }
    }
    write_zip(zip, top, &files)
}

/// Writes `files` as one zip archive under a top folder `top/`, atomically (temporary file,
/// then rename). Entries are sorted and carry a fixed timestamp, so the same site gives the same
/// archive byte for byte.
pub fn write_zip(path: &Path, top: &str, files: &[OutFile]) -> io::Result<()> {
    use std::io::Write;
    let path = absolute(path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = path.with_file_name(format!(
        ".{}.leernet-zip-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(std::fs::File::create(&tmp)?));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        let mut sorted: Vec<&OutFile> = files.iter().collect();
        sorted.sort_by(|a, b| a.path.cmp(&b.path));
        for f in sorted {
            zip.start_file(format!("{top}/{}", f.path), opts).map_err(io::Error::other)?;
            zip.write_all(&f.bytes)?;
        }
        zip.finish().map_err(io::Error::other)?.flush()
    })();
    match result {
        Ok(()) => std::fs::rename(&tmp, &path),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn swap_in(new: &Path, out: &Path) -> io::Result<()> {
    if !out.exists() {
        return std::fs::rename(new, out);
    }
    // One atomic exchange where the file system supports it: no moment without a site.
    let exchanged =
        rustix::fs::renameat_with(rustix::fs::CWD, new, rustix::fs::CWD, out, rustix::fs::RenameFlags::EXCHANGE);
    if exchanged.is_ok() {
        // `new` now holds the previous output: removed on all cores (std's remove_dir_all
        // uses one; that was 0.3 s at 10,000 lessons).
        return remove_tree(new);
    }
    let old = sibling(out, "old");
    std::fs::rename(out, &old)?;
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(&old, out);
        return Err(e);
    }
    remove_tree(&old)
}

/// Removes a folder tree on all cores. Entries are named relative to their folder's descriptor
/// and told apart by the type the directory listing gives: one system call a file (std's
/// `remove_dir_all` stats each entry and walks its whole path again; 0.3 s at 10,000 lessons).
/// Symbolic links are removed, never followed.
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let fd = rustix::fs::open(dir, flags, Mode::empty())?;
    remove_contents(&fd)?;
    drop(fd);
    std::fs::remove_dir(dir)
}

/// Removes everything inside the folder open as `dir`.
fn remove_contents(dir: &rustix::fd::OwnedFd) -> io::Result<()> {
    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    let mut entries = Vec::new();
    for entry in rustix::fs::Dir::read_from(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name != c"." && name != c".." {
            let kind = match entry.file_type() {
                FileType::Unknown => {
                    FileType::from_raw_mode(rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW)?.st_mode)
                }
                kind => kind,
            };
            entries.push((name.to_owned(), kind == FileType::Directory));
        }
    }
    entries.par_iter().try_for_each(|(name, is_dir)| {
        if *is_dir {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let sub = rustix::fs::openat(dir, name.as_c_str(), flags, Mode::empty())?;
            remove_contents(&sub)?;
            drop(sub);
            rustix::fs::unlinkat(dir, name.as_c_str(), AtFlags::REMOVEDIR)?;
        } else {
            rustix::fs::unlinkat(dir, name.as_c_str(), AtFlags::empty())?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_outputs() {
        let root = Path::new("/tmp/site");
        assert!(check_output_dir(root, Path::new("/")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/site")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/site/lessons/out")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/site/public")).is_ok());
        assert!(check_output_dir(root, Path::new("/tmp/site/x/../")).is_err());
    }

    #[test]
    fn replaces_only_its_own_or_empty_folders() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("site");
        let other = d.path().join("photos");
        std::fs::create_dir_all(&other).unwrap();
        assert!(check_output_dir(&root, &other).is_ok(), "empty folder is fine");
        std::fs::write(other.join("holiday.jpg"), b"x").unwrap();
        let e = check_output_dir(&root, &other).unwrap_err();
        assert!(e.message.contains("not written by leernet"), "{}", e.message);
        write_atomic(&d.path().join("public"), &[]).unwrap();
        assert!(check_output_dir(&root, &d.path().join("public")).is_ok());
    }

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

    #[test]
    fn swap_replaces_whole_folder() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("public");
        write_atomic(&out, &[OutFile { path: "a/index.html".into(), bytes: b"1".to_vec() }]).unwrap();
        write_atomic(&out, &[OutFile { path: "b.html".into(), bytes: b"2".to_vec() }]).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(std::fs::read(out.join("b.html")).unwrap(), b"2");
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary folders left behind");
    }
}
