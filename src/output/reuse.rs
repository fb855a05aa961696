//! Writing into a staging folder that may be a reused tree (the spare kept by the previous
//! build, see `remove`): its files may be hard links shared with the live output, so nothing
//! in it is ever opened for writing. A file is made anew (`create_new`) and whatever stands at
//! its name is unlinked first; folders are checked once to be real folders, never followed
//! links; and before the swap, `sweep` removes every file and folder this build did not put
//! there. In a fresh folder the same calls cost nothing extra (nothing is ever in the way).

use super::platform::remove_tree;
use std::fs::File;
use std::io;
use std::path::PathBuf;

/// A folder the build writes into or reads from, its files named relative to it. On Unix the
/// folder is held open and every call names a file relative to its descriptor, so the kernel
/// looks up three path components a page instead of the eight or more of its full path.
pub struct Dir {
    pub path: PathBuf,
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
}

/// What one look at a file says of it: a folder or not, which file it is (device and inode),
/// its size and the time of its last change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    pub dir: bool,
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mtime: i64,
    pub mtime_ns: u32,
}

fn is_dir_at(dir: &Dir, rel: &str) -> bool {
    dir.kind(rel).is_some_and(|(d, _)| d)
}

impl Dir {
    /// Removes whatever stands at `rel` (a file, a link, a folder tree); nothing there is fine.
    pub fn clear(&self, rel: &str) -> io::Result<()> {
        match self.unlink(rel) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(_) if is_dir_at(self, rel) => remove_tree(&self.path.join(rel)),
            Err(e) => Err(e),
        }
    }

    /// A new file at `rel`, for writing: never an existing file opened again (it may be shared
    /// with the live output), never through a link. What stands there is removed first.
    pub fn create(&self, rel: &str) -> io::Result<File> {
        match self.create_new(rel) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                self.clear(rel)?;
                self.create_new(rel)
            }
            other => other,
        }
    }

    /// A hard link at `rel` to the same name in `from`, replacing whatever stands at `rel`.
    pub fn link(&self, from: &Dir, rel: &str) -> io::Result<()> {
        match self.link_new(from, rel) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                self.clear(rel)?;
                self.link_new(from, rel)
            }
            other => other,
        }
    }

    /// Makes sure `rel` is a real folder (not a link to one) when it may already exist: one
    /// look when it is, one `mkdir` when nothing is there; anything else there is removed first.
    pub fn folder(&self, rel: &str) -> io::Result<()> {
        match self.kind(rel) {
            Some((true, _)) => return Ok(()),
            Some((false, _)) => self.clear(rel)?,
            None => {}
        }
        match self.mkdir(rel) {
            // Made by another thread meanwhile.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && is_dir_at(self, rel) => Ok(()),
            other => other,
        }
    }

    /// Makes folder `rel` and the folders above it, where they are missing.
    pub fn folders(&self, rel: &str) -> io::Result<()> {
        match self.mkdir(rel) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let Some((up, _)) = rel.rsplit_once('/') else { return Err(e) };
                self.folders(up)?;
                self.folders(rel)
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && self.path.join(rel).is_dir() => Ok(()),
            other => other,
        }
    }
}

#[cfg(unix)]
mod at {
    use super::{Dir, Stat};
    use rustix::fs::{AtFlags, Mode, OFlags};
    use std::ffi::OsString;
    use std::fs::File;
    use std::io;
    use std::os::unix::ffi::OsStringExt;
    use std::path::Path;

    impl Dir {
        pub fn open(path: &Path) -> io::Result<Dir> {
            let fd = rustix::fs::open(path, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())?;
            Ok(Dir { path: path.to_path_buf(), fd })
        }

        /// Opens `rel` for reading unless it is a symbolic link, without waiting (a named pipe
        /// planted there would block a plain open).
        pub fn open_no_follow(&self, rel: &str) -> io::Result<File> {
            let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
            Ok(rustix::fs::openat(&self.fd, rel, flags, Mode::empty())?.into())
        }

        /// Whether `rel` is a folder (not following a link), and its device and inode.
        pub fn kind(&self, rel: &str) -> Option<(bool, (u64, u64))> {
            self.stat(rel).map(|st| (st.dir, (st.dev, st.ino)))
        }

        /// One look at `rel`, not following a link.
        pub fn stat(&self, rel: &str) -> Option<Stat> {
            let st = rustix::fs::statat(&self.fd, rel, AtFlags::SYMLINK_NOFOLLOW).ok()?;
            Some(Stat {
                dir: rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::Directory,
                dev: st.st_dev,
                ino: st.st_ino,
                size: st.st_size as u64,
                mtime: st.st_mtime as i64,
                mtime_ns: st.st_mtime_nsec as u32,
            })
        }

        pub(super) fn create_new(&self, rel: &str) -> io::Result<File> {
            let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::CLOEXEC;
            Ok(rustix::fs::openat(&self.fd, rel, flags, Mode::from_raw_mode(0o666))?.into())
        }

        pub(super) fn link_new(&self, from: &Dir, rel: &str) -> io::Result<()> {
            Ok(rustix::fs::linkat(&from.fd, rel, &self.fd, rel, AtFlags::empty())?)
        }

        pub(super) fn unlink(&self, rel: &str) -> io::Result<()> {
            Ok(rustix::fs::unlinkat(&self.fd, rel, AtFlags::empty())?)
        }

        pub(super) fn mkdir(&self, rel: &str) -> io::Result<()> {
            Ok(rustix::fs::mkdirat(&self.fd, rel, Mode::from_raw_mode(0o777))?)
        }

        /// The entries of folder `rel` ("" for this one), each with whether it is a folder (the
        /// type the listing gives: a link is not a folder).
        pub(in crate::output) fn list(&self, rel: &str) -> io::Result<Vec<(OsString, bool)>> {
            use rustix::fs::FileType;
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let fd = rustix::fs::openat(&self.fd, if rel.is_empty() { "." } else { rel }, flags, Mode::empty())?;
            // The listing owns the descriptor (`read_from` would open the folder a second time).
            let mut listing = rustix::fs::Dir::new(fd)?;
            let mut out = Vec::new();
            while let Some(entry) = listing.next() {
                let entry = entry?;
                let name = entry.file_name();
                if name == c"." || name == c".." {
                    continue;
                }
                let dir = match entry.file_type() {
                    FileType::Unknown => rustix::fs::statat(listing.fd()?, name, AtFlags::SYMLINK_NOFOLLOW)
                        .is_ok_and(|st| FileType::from_raw_mode(st.st_mode) == FileType::Directory),
                    kind => kind == FileType::Directory,
                };
                out.push((OsString::from_vec(name.to_bytes().to_vec()), dir));
            }
            Ok(out)
        }
    }

    /// What the metadata of an open file says of it (`None` where there is no file identity).
    pub fn stat_of(m: &std::fs::Metadata) -> Option<Stat> {
        use std::os::unix::fs::MetadataExt;
        let (dir, dev, ino, size) = (m.is_dir(), m.dev(), m.ino(), m.size());
        Some(Stat { dir, dev, ino, size, mtime: m.mtime(), mtime_ns: m.mtime_nsec() as u32 })
    }
}

#[cfg(not(unix))]
mod at {
    use super::{Dir, Stat};
    use std::fs::File;
    use std::io;
    use std::path::Path;

    impl Dir {
        pub fn open(path: &Path) -> io::Result<Dir> {
            if !path.is_dir() {
                return Err(io::ErrorKind::NotADirectory.into());
            }
            Ok(Dir { path: path.to_path_buf() })
        }

        pub fn open_no_follow(&self, rel: &str) -> io::Result<File> {
            let path = self.path.join(rel);
            if std::fs::symlink_metadata(&path)?.file_type().is_symlink() {
                return Err(io::Error::other("a symbolic link"));
            }
            File::open(path)
        }

        /// Whether `rel` is a folder; no file identity here (so nothing counts as the same file).
        pub fn kind(&self, rel: &str) -> Option<(bool, (u64, u64))> {
            std::fs::symlink_metadata(self.path.join(rel)).ok().map(|m| (m.is_dir(), (u64::MAX, u64::MAX)))
        }

        /// No file identity here: nothing is ever known unchanged without reading it.
        pub fn stat(&self, _rel: &str) -> Option<Stat> {
            None
        }

        pub(super) fn create_new(&self, rel: &str) -> io::Result<File> {
            std::fs::OpenOptions::new().write(true).create_new(true).open(self.path.join(rel))
        }

        pub(super) fn link_new(&self, from: &Dir, rel: &str) -> io::Result<()> {
            std::fs::hard_link(from.path.join(rel), self.path.join(rel))
        }

        pub(super) fn unlink(&self, rel: &str) -> io::Result<()> {
            std::fs::remove_file(self.path.join(rel))
        }

        pub(super) fn mkdir(&self, rel: &str) -> io::Result<()> {
            std::fs::create_dir(self.path.join(rel))
        }

        pub(in crate::output) fn list(&self, rel: &str) -> io::Result<Vec<(std::ffi::OsString, bool)>> {
            let mut out = Vec::new();
            for entry in std::fs::read_dir(self.path.join(rel))? {
                let entry = entry?;
                out.push((entry.file_name(), entry.file_type()?.is_dir()));
            }
            Ok(out)
        }
    }

    pub fn stat_of(_m: &std::fs::Metadata) -> Option<Stat> {
        None
    }
}

pub use at::stat_of;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_never_writes_into_a_shared_file_nor_through_a_link() {
        use std::io::Write;
        let d = tempfile::tempdir().unwrap();
        let live = d.path().join("live.html");
        std::fs::write(&live, b"live").unwrap();
        let dir = Dir::open(d.path()).unwrap();
        let staged = d.path().join("staged.html");
        std::fs::hard_link(&live, &staged).unwrap();
        dir.create("staged.html").unwrap().write_all(b"new").unwrap();
        assert_eq!(std::fs::read(&live).unwrap(), b"live", "the shared file is untouched");
        assert_eq!(std::fs::read(&staged).unwrap(), b"new");
        let linked = d.path().join("linked.html");
        std::os::unix::fs::symlink(&live, &linked).unwrap();
        dir.create("linked.html").unwrap().write_all(b"own").unwrap();
        assert!(std::fs::symlink_metadata(&linked).unwrap().is_file());
        assert_eq!(std::fs::read(&live).unwrap(), b"live", "the link's target is untouched");
        let was_dir = d.path().join("dir.html");
        std::fs::create_dir_all(was_dir.join("x")).unwrap();
        dir.create("dir.html").unwrap();
        assert!(was_dir.is_file());
    }

    #[test]
    fn folders_are_real_folders_not_links() {
        let d = tempfile::tempdir().unwrap();
        let elsewhere = d.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let root = Dir::open(d.path()).unwrap();
        let dir = d.path().join("lessen");
        std::os::unix::fs::symlink(&elsewhere, &dir).unwrap();
        root.folder("lessen").unwrap();
        assert!(std::fs::symlink_metadata(&dir).unwrap().is_dir() && elsewhere.is_dir());
        std::fs::write(dir.join("a"), "x").unwrap();
        assert!(!elsewhere.join("a").exists());
        root.folder("lessen").unwrap();
        assert!(dir.join("a").exists(), "an existing folder is kept as it is");
        root.folders("x/y/z").unwrap();
        root.folders("x/y/w").unwrap();
        assert!(d.path().join("x/y/z").is_dir() && d.path().join("x/y/w").is_dir());
        std::fs::remove_dir_all(d.path()).unwrap();
        assert!(root.folders("a/b").is_err(), "no folder to make them in: an error, no endless retry");
    }
}
