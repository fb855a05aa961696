//! What the last build left in its output, kept beside it (`.<name>.leernet.manifest`): for
//! each file it linked unchanged from the output before, the hash of its content and the
//! identity of the file on disk (device, inode, size, time of last change). The next build then
//! knows such a page is unchanged from its hash and one look at the file already there, instead
//! of opening it and reading it back (at 100,000 lessons: 2.4 GB and four system calls a file).
//!
//! Only a hint. An entry is used only while the file on disk still has the identity it records
//! (a file written again has a new time, a file replaced a new inode), so a stale, damaged or
//! foreign manifest costs time, never a wrong page: what it does not vouch for is read and
//! compared as before. Files a build writes anew get no entry (that would cost one more system
//! call each on a first build); the build after reads them back once and records them.

use super::reuse::Stat;
use ahash::AHashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const HEADER: &str = "leernet manifest 1";
/// A manifest larger than this is ignored (not read into memory).
const MAX_BYTES: u64 = 1 << 30;

/// One file of the output as it was left on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mtime: i64,
    pub mtime_ns: u32,
    /// `hash` of its content.
    pub hash: u128,
}

impl Entry {
    pub fn new(st: &Stat, hash: u128) -> Entry {
        Entry { dev: st.dev, ino: st.ino, size: st.size, mtime: st.mtime, mtime_ns: st.mtime_ns, hash }
    }

    /// Whether `st` is the file this entry describes, unchanged since.
    pub fn describes(&self, st: &Stat) -> bool {
        !st.dir
            && (st.dev, st.ino, st.size, st.mtime, st.mtime_ns)
                == (self.dev, self.ino, self.size, self.mtime, self.mtime_ns)
    }
}

/// The content hash of a file (XXH3, 128 bits: fast, and the same on every machine).
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Where the manifest of the output folder `out` is kept: a file beside it.
pub fn path(out: &Path) -> PathBuf {
    out.with_file_name(format!(".{}.leernet.manifest", super::remove::output_name(out)))
}

/// The entries of a manifest, by file path relative to the output folder.
#[derive(Debug, Default)]
pub struct Manifest(AHashMap<String, Entry>);

impl Manifest {
    /// The manifest at `path`; empty when there is none or it cannot be read. Lines that do not
    /// parse are left out.
    pub fn read(path: &Path) -> Manifest {
        // 18 MB at 100,000 lessons: a file of more than a gigabyte is not one of ours.
        if std::fs::metadata(path).map_or(true, |m| m.len() > MAX_BYTES) {
            return Manifest::default();
        }
        let Ok(text) = std::fs::read_to_string(path) else { return Manifest::default() };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Manifest::default();
        }
        // Sized for the lines there are (about 100 bytes each): no growing while it fills.
        let mut entries = AHashMap::with_capacity(text.len() / 90);
        entries.extend(lines.filter_map(parse_line));
        Manifest(entries)
    }

    pub fn get(&self, rel: &str) -> Option<&Entry> {
        self.0.get(rel)
    }

    /// Writes `entries` as the manifest at `path`, in one step (a new file renamed over it).
    pub fn write(path: &Path, entries: &[(String, Entry)]) -> io::Result<()> {
        let tmp = path.with_extension(format!("new-{}", std::process::id()));
        let written = (|| {
            let mut f = io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
            writeln!(f, "{HEADER}")?;
            for (rel, e) in entries.iter().filter(|(rel, _)| !rel.contains(['\n', '\r'])) {
                writeln!(f, "{:032x} {} {} {} {} {} {rel}", e.hash, e.size, e.dev, e.ino, e.mtime, e.mtime_ns)?;
            }
            // Not synced: after a crash, a torn last line names no file or describes none.
            f.flush()?;
            drop(f);
            std::fs::rename(&tmp, path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }
}

/// A manifest read on a thread of its own while the build goes on (at 100,000 lessons parsing
/// it takes about 0.1 s), ready by the time the first page is written.
pub struct Pending {
    ready: std::sync::OnceLock<Manifest>,
    reading: std::sync::Mutex<Option<std::thread::JoinHandle<Manifest>>>,
}

impl Pending {
    /// Starts reading the manifest at `path` (read on first use if no thread can be started).
    pub fn start(path: PathBuf) -> Pending {
        let reading = std::thread::Builder::new().name("manifest".into()).spawn(move || Manifest::read(&path));
        let pending = Pending { ready: Default::default(), reading: Default::default() };
        match reading {
            Ok(handle) => *pending.reading.lock().unwrap_or_else(|e| e.into_inner()) = Some(handle),
            Err(_) => drop(pending.ready.set(Manifest::default())),
        }
        pending
    }

    /// No manifest (no previous output).
    pub fn none() -> Pending {
        let pending = Pending { ready: Default::default(), reading: Default::default() };
        let _ = pending.ready.set(Manifest::default());
        pending
    }

    /// The manifest, once read (empty if reading failed).
    pub fn get(&self) -> &Manifest {
        self.ready.get_or_init(|| {
            let handle = self.reading.lock().unwrap_or_else(|e| e.into_inner()).take();
            handle.and_then(|h| h.join().ok()).unwrap_or_default()
        })
    }
}

fn parse_line(line: &str) -> Option<(String, Entry)> {
    let mut f = line.splitn(7, ' ');
    let hash = u128::from_str_radix(f.next()?, 16).ok()?;
    let mut num = || f.next()?.parse::<u64>().ok();
    let (size, dev, ino, mtime, mtime_ns) = (num()?, num()?, num()?, num()?, num()?);
    let rel = f.next().filter(|r| !r.is_empty())?;
    let entry = Entry { dev, ino, size, mtime: mtime as i64, mtime_ns: u32::try_from(mtime_ns).ok()?, hash };
    Some((rel.to_string(), entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u64) -> Entry {
        Entry { dev: 1, ino: n, size: 10 * n, mtime: 1_700_000_000, mtime_ns: 5, hash: hash(&n.to_le_bytes()) }
    }

    #[test]
    fn written_and_read_back_the_same_paths_with_spaces_included() {
        let d = tempfile::tempdir().unwrap();
        let p = path(&d.path().join("public"));
        assert_eq!(p, d.path().join(".public.leernet.manifest"));
        let entries = vec![
            ("index.html".to_string(), entry(1)),
            ("lessen/een les/index.html".to_string(), entry(2)),
            ("bad\nname".to_string(), entry(3)),
        ];
        Manifest::write(&p, &entries).unwrap();
        let m = Manifest::read(&p);
        assert_eq!(m.0.len(), 2, "a name with a line break is left out");
        assert_eq!(m.get("lessen/een les/index.html"), Some(&entry(2)));
        assert_eq!(m.get("index.html"), Some(&entry(1)));
        assert!(std::fs::read_dir(d.path()).unwrap().count() == 1, "no temporary file is left");
    }

    #[test]
    fn a_damaged_or_foreign_manifest_is_empty_or_loses_only_its_bad_lines() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("m");
        std::fs::write(&p, "something else\n0 1 2 3 4 5 a.html\n").unwrap();
        assert!(Manifest::read(&p).0.is_empty());
        assert!(Manifest::read(&d.path().join("missing")).0.is_empty());
        // Over a gigabyte (a sparse file: no disk used): not read at all.
        let huge = d.path().join("huge");
        let f = std::fs::File::create(&huge).unwrap();
        f.set_len(MAX_BYTES + 1).unwrap();
        assert!(Manifest::read(&huge).0.is_empty());
        let good = format!("{:032x} 3 1 2 4 5 ok.html", 7u128);
        std::fs::write(&p, format!("{HEADER}\nzz 1 2 3 4 5 x\n1 2 3\n{good}\n\u{0}\u{ff}\n1 2 3 4 5 99999999999 y\n"))
            .unwrap();
        let m = Manifest::read(&p);
        assert_eq!(m.0.len(), 1);
        assert_eq!(m.get("ok.html").map(|e| (e.hash, e.size, e.ino)), Some((7, 3, 2)));
    }

    #[test]
    fn an_entry_describes_only_the_same_unchanged_file() {
        let st = Stat { dir: false, dev: 1, ino: 2, size: 20, mtime: 1_700_000_000, mtime_ns: 5 };
        let e = Entry::new(&st, 9);
        assert!(e.describes(&st));
        for other in [
            Stat { ino: 3, ..st },
            Stat { dev: 9, ..st },
            Stat { size: 21, ..st },
            Stat { mtime: 1_700_000_001, ..st },
            Stat { mtime_ns: 6, ..st },
            Stat { dir: true, ..st },
        ] {
            assert!(!e.describes(&other), "{other:?}");
        }
    }
}
