//! The staging folder of a build: a folder beside the output that files go into as they are
//! rendered (unchanged ones linked from the previous output), swapped in for the old output in
//! one step. It is the spare tree an earlier build kept, when there is one (`remove`): then
//! folders and files already right in it stay, and what is not part of this build is swept out
//! before the swap (`reuse`); otherwise a fresh folder.

use super::manifest::{self, Entry, Manifest, Pending};
use super::remove::{self, Cleanup, sibling, take_spare};
use super::sweep::{Kept, Listing};
use super::{MARKER, absolute, platform, reuse};
use crate::output::OutFile;
use ahash::AHashSet as HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// A build's output being written: a fresh folder beside the target that files go into as they
/// are rendered, swapped in by `commit`. Dropped without `commit` (a failed build), it removes
/// itself and the previous output stays as it was.
pub struct Staging {
    out: PathBuf,
    pub(super) tmp: PathBuf,
    committed: bool,
    cleanup: Cleanup,
    pub files: AtomicUsize,
    pub bytes: AtomicU64,
    /// The `file:N` crash point, when a test set one.
    crash_after: Option<usize>,
    /// `tmp`, open: files are named relative to it.
    dir: reuse::Dir,
    /// Folders known to exist in `tmp` (relative; "" is `tmp` itself).
    dirs: Mutex<HashSet<String>>,
    /// Whether `tmp` is a reused tree (it may hold files this build does not write), and then
    /// the files put into it, by relative path, for the sweep before the swap.
    reused: bool,
    put: Mutex<HashSet<String>>,
    /// The reused tree's files and folders as the build found them, being read meanwhile.
    listing: Option<Listing>,
    /// Held while the build works: no other build takes or removes `tmp`.
    _lock: Option<platform::DirLock>,
    /// The output being replaced, if there is one: its files that are unchanged are linked
    /// into the new output instead of written again.
    previous: Option<reuse::Dir>,
    /// What the previous output's manifest vouches for (empty without a previous output), and
    /// the entries of this build's manifest, written once the new output is in place.
    manifest: Pending,
    entries: Mutex<Vec<(String, Entry)>>,
    /// Files looked for in the previous output, and found unchanged.
    probes: AtomicUsize,
    hits: AtomicUsize,
}

/// Set by tests to make a build stop dead at one point, as if killed there (no clean-up runs):
/// `file:N` after its N-th file, `sweep` before the sweep of a reused tree, `swap` before the
/// swap, `swapped` after the swap but before the previous output is put aside.
pub const CRASH_ENV: &str = "LEERNET_CRASH_AT";

fn crash_point(at: &str) {
    if std::env::var(CRASH_ENV).is_ok_and(|v| v == at) {
        std::process::exit(137); // no destructor runs: like a kill
    }
}

/// After this many looks into the previous output, a build that found almost nothing unchanged
/// there (every page differs: a new template or base URL) stops looking.
const PROBES_BEFORE_GIVING_UP: usize = 500;

impl Staging {
    pub fn new(output: &Path, cleanup: Cleanup) -> io::Result<Staging> {
        let out = absolute(output);
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let tmp = sibling(&out, "new");
        let spare = take_spare(&out, &tmp);
        let reused = spare.is_some();
        let lock = match spare {
            Some(lock) => Some(lock),
            None => {
                std::fs::create_dir_all(&tmp)?;
                platform::lock_dir(&tmp, false).ok()
            }
        };
        let dir = reuse::Dir::open(&tmp)?;
        let listing = reused.then(|| Listing::start(&tmp));
        let marker = "Written by leernet. This folder is replaced as a whole on every build.\n";
        io::Write::write_all(&mut dir.create(MARKER)?, marker.as_bytes())?;
        let dirs = Mutex::new([String::new()].into_iter().collect());
        let previous = out.join(MARKER).is_file().then(|| reuse::Dir::open(&out).ok()).flatten();
        let manifest = if previous.is_some() { Pending::start(manifest::path(&out)) } else { Pending::none() };
        Ok(Staging {
            out,
            tmp,
            committed: false,
            cleanup,
            files: Default::default(),
            bytes: Default::default(),
            crash_after: std::env::var(CRASH_ENV).ok().and_then(|v| v.strip_prefix("file:")?.parse().ok()),
            dir,
            dirs,
            reused,
            put: Mutex::new([MARKER.to_string()].into_iter().collect()),
            listing,
            _lock: lock,
            previous,
            manifest,
            entries: Default::default(),
            probes: Default::default(),
            hits: Default::default(),
        })
    }

    /// Swaps the finished folder in for the old output (in a reused tree, after sweeping out
    /// what this build did not put there).
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(listing) = self.listing.take() {
            crash_point("sweep");
            let files = self.put.get_mut().unwrap_or_else(|e| e.into_inner());
            let dirs = self.dirs.get_mut().unwrap_or_else(|e| e.into_inner());
            crate::timing::stage("sweep", || listing.sweep(&self.dir, &Kept { files, dirs }))?;
        }
        crash_point("swap");
        swap_in(&self.tmp, &self.out, self.cleanup)?;
        self.committed = true;
        // Only a hint for the next build (see `manifest`): if it cannot be written, the next
        // build reads back what it would have vouched for.
        let (entries, at) = (self.entries.get_mut().unwrap_or_else(|e| e.into_inner()), manifest::path(&self.out));
        let _ = crate::timing::stage("manifest: write", || {
            if entries.is_empty() { std::fs::remove_file(at) } else { Manifest::write(&at, entries) }
        });
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        // A failed build: the output stays as it was; its folder is kept as the spare or removed
        // (a new one that got no file is of no use).
        let of_use = self.reused || self.files.load(Ordering::Relaxed) > 0;
        if self.cleanup == Cleanup::Keep && of_use && std::fs::rename(&self.tmp, sibling(&self.out, "old")).is_ok() {
            return;
        }
        let _ = platform::remove_tree(&self.tmp);
    }
}

impl Staging {
    /// Makes the folder of `rel` (inside `tmp`) unless it is known to exist.
    fn folder_of(&self, rel: &str) -> io::Result<()> {
        // Folders made so far are remembered: a page's folder is made with one mkdir and
        // no stat, and the many files of one folder (search/) cost no look-up at all.
        let parent = rel.rsplit_once('/').map_or("", |(p, _)| p);
        if self.dirs.lock().unwrap_or_else(|e| e.into_inner()).contains(parent) {
            return Ok(());
        }
        if !self.reused {
            self.dir.folders(parent)?;
            self.dirs.lock().unwrap_or_else(|e| e.into_inner()).insert(parent.to_string());
            return Ok(());
        }
        // In a reused tree every folder on the way is checked once (a real folder, not a link)
        // and remembered, so the sweep keeps it.
        self.folder_of(parent)?;
        self.dir.folder(parent)?;
        self.dirs.lock().unwrap_or_else(|e| e.into_inner()).insert(parent.to_string());
        Ok(())
    }

    /// Notes a file put into a reused tree, so the sweep keeps it.
    fn keep(&self, rel: String) {
        if self.reused {
            self.put.lock().unwrap_or_else(|e| e.into_inner()).insert(rel);
        }
    }

    /// Links the previous output's `rel` to `path` if it holds exactly `bytes`: no new copy
    /// of the data, and removing the previous output frees nothing for it. (The file keeps
    /// its time, so deploy tools that compare times skip it too.) What the manifest vouches
    /// for is known from the hash of `bytes` and one look at the file; anything else is read
    /// back and compared. Falls back to writing on any doubt: no previous file, another size
    /// or content, not a plain file, or a file system without hard links. Stops reading back
    /// once nearly nothing is found unchanged (every page differs after a new template or base
    /// URL): the reads would only cost time. The manifest's checks go on (a hash is cheap),
    /// so the files such a build leaves unchanged, the search and static files, are still linked.
    fn link_unchanged(&self, rel: &str, bytes: &[u8]) -> bool {
        let Some(prev) = &self.previous else { return false };
        let entry = match self.manifest.get().get(rel).filter(|e| e.size == bytes.len() as u64) {
            Some(known) if known.hash != manifest::hash(bytes) => return false, // changed
            Some(known) if self.keep_known(prev, rel, known) => Some(*known),
            _ => match self.link_if_same(prev, rel, bytes) {
                Some(old) => old.map(|st| Entry::new(&st, manifest::hash(bytes))),
                None => return false,
            },
        };
        self.hits.fetch_add(1, Ordering::Relaxed);
        if let Some(entry) = entry {
            self.entries.lock().unwrap_or_else(|e| e.into_inner()).push((rel.to_string(), entry));
        }
        true
    }

    /// Whether the previous output's `rel` is still the file `known` describes, and is now at
    /// `rel` here too: already (in a reused tree, linked there by the build before) or linked now.
    fn keep_known(&self, prev: &reuse::Dir, rel: &str, known: &Entry) -> bool {
        if self.reused && self.dir.stat(rel).is_some_and(|st| known.describes(&st)) {
            return true;
        }
        prev.stat(rel).is_some_and(|st| known.describes(&st)) && self.dir.link(prev, rel).is_ok()
    }

    /// Reads the previous output's `rel` back and links it here if it holds exactly `bytes`;
    /// then what its metadata said when it was opened, where the system tells (a change after
    /// that gives it a new time, so the manifest entry made of it no longer describes it).
    fn link_if_same(&self, prev: &reuse::Dir, rel: &str, bytes: &[u8]) -> Option<Option<reuse::Stat>> {
        use std::io::Read;
        thread_local! {
            static OLD: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let (probes, hits) = (self.probes.fetch_add(1, Ordering::Relaxed), self.hits.load(Ordering::Relaxed));
        if probes >= PROBES_BEFORE_GIVING_UP && hits * 20 < probes {
            return None;
        }
        // Not through a symbolic link, and never waiting (a named pipe planted there would
        // block a plain open); anything but a plain file is then refused below.
        let mut f = prev.open_no_follow(rel).ok()?;
        let meta = f.metadata().ok().filter(|m| m.is_file() && m.len() == bytes.len() as u64)?;
        // Exactly the size known from the metadata: no size hint to look up again, no read to
        // find the end (three system calls a file fewer than `read_to_end`).
        let same = OLD.with_borrow_mut(|buf| {
            buf.resize(bytes.len(), 0);
            f.read_exact(buf).is_ok() && buf.as_slice() == bytes
        });
        // In a reused tree the file is often already the same file as the previous output's
        // (linked there by the build before): then nothing is left to do.
        let old = reuse::stat_of(&meta);
        let same_file = |st: reuse::Stat| old.is_some_and(|o| !st.dir && (st.dev, st.ino) == (o.dev, o.ino));
        let there = || self.dir.stat(rel).is_some_and(same_file);
        let linked = same && (self.reused && there() || self.dir.link(prev, rel).is_ok());
        linked.then_some(old)
    }

    fn written(&self, bytes: u64) {
        let n = self.files.fetch_add(1, Ordering::Relaxed);
        if self.crash_after == Some(n + 1) {
            crash_point(&format!("file:{}", n + 1));
        }
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    fn error(&self, rel: &str, e: io::Error) -> crate::diagnostics::Diagnostic {
        crate::diagnostics::Diagnostic::file(&self.out, crate::msg!("cannot-write", path = rel, error = e.to_string()))
    }
}

impl crate::output::Sink for Staging {
    fn put(&self, file: OutFile) -> Result<(), crate::diagnostics::Diagnostic> {
        self.put_slice(file.path, &file.bytes)
    }

    fn put_slice(&self, rel: String, bytes: &[u8]) -> Result<(), crate::diagnostics::Diagnostic> {
        let write = || -> io::Result<()> {
            self.folder_of(&rel)?;
            if self.link_unchanged(&rel, bytes) {
                return Ok(());
            }
            io::Write::write_all(&mut self.dir.create(&rel)?, bytes)
        };
        write().map_err(|e| self.error(&rel, e))?;
        self.written(bytes.len() as u64);
        self.keep(rel);
        Ok(())
    }

    fn put_streamed(
        &self,
        rel: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), crate::diagnostics::Diagnostic> {
        use io::Write;
        let mut stream = || -> io::Result<u64> {
            self.folder_of(rel)?;
            let file = io::BufWriter::with_capacity(1 << 16, self.dir.create(rel)?);
            let mut out = Counted { inner: file, bytes: 0 };
            write(&mut out)?;
            out.flush()?;
            Ok(out.bytes)
        };
        let bytes = stream().map_err(|e| self.error(rel, e))?;
        self.written(bytes);
        self.keep(rel.to_string());
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

/// Puts `new` in the place of `out`; the previous output is then removed as `cleanup` says.
fn swap_in(new: &Path, out: &Path, cleanup: Cleanup) -> io::Result<()> {
    if !out.exists() {
        return std::fs::rename(new, out);
    }
    remove::settle(out); // at most one old tree at any time (see `remove`)
    // One atomic exchange where the file system supports it: no moment without a site.
    if platform::exchange(new, out).is_ok() {
        // `new` now holds the previous output.
        crash_point("swapped");
        return remove::put_aside(new, out, cleanup);
    }
    let old = sibling(out, "old");
    std::fs::rename(out, &old)?;
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(&old, out);
        return Err(e);
    }
    remove::put_aside(&old, out, cleanup)
}

#[cfg(test)]
mod tests;
