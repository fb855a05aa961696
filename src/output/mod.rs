//! Output: writes the rendered files as a whole new folder next to the target and swaps it in
//! atomically (`staging`), so a failed or killed build never leaves a half-written site.
//! Refuses output folders that would destroy the site itself or a home/system folder; writes
//! the portable zip. What differs per operating system is in `platform`.

mod manifest;
mod platform;
mod remove;
mod reuse;
mod sink;
mod staging;
mod sweep;

pub use remove::Cleanup;
pub use sink::{Collect, OutFile, Sink};
pub use staging::{CRASH_ENV, Staging};

use crate::diagnostics::Diagnostic;
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
        Err(Diagnostic::file(&out, crate::msg!("output-refused", path = out.display().to_string(), why = why)))
    };
    if out.parent().is_none() {
        return refuse(&crate::tr!("output-why-fs-root"));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && absolute(&home) == out
    {
        return refuse(&crate::tr!("output-why-home"));
    }
    if root.starts_with(&out) {
        return refuse(&crate::tr!("output-why-root"));
    }
    for d in crate::content::load::SITE_DIRS {
        if out.starts_with(root.join(d)) {
            return refuse(&crate::tr!("output-why-inside", folder = d));
        }
    }
    if out.is_dir() {
        for marker in ["config.toml", "initiatives", "lessons", "Cargo.toml", ".git"] {
            if out.join(marker).exists() {
                return refuse(&crate::tr!("output-why-contains", marker = marker));
            }
        }
        let empty = std::fs::read_dir(&out).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty && !out.join(MARKER).is_file() {
            return refuse(&crate::tr!("output-why-foreign", marker = MARKER));
        }
    } else if out.exists() {
        return refuse(&crate::tr!("output-why-file"));
    }
    Ok(())
}

/// Writes `files` into a fresh folder beside `output`, then swaps it in.
pub fn write_atomic(output: &Path, files: &[OutFile]) -> io::Result<()> {
    let staging = Staging::new(output, Cleanup::Wait)?;
    write_tree(&staging.tmp, files)?;
    staging.commit()
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

/// Every path below `root` (relative, `""` for `root` itself), sorted: what a folder holds, for
/// the tests of staging and reuse.
#[cfg(test)]
pub(crate) fn tree(root: &std::path::Path) -> Vec<String> {
    let mut paths: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .map(|e| e.path().strip_prefix(root).unwrap().to_string_lossy().into_owned())
        .collect();
    paths.sort();
    paths
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
        assert!(e.message.contains("niet door leernet geschreven"), "{}", e.message);
        write_atomic(&d.path().join("public"), &[]).unwrap();
        assert!(check_output_dir(&root, &d.path().join("public")).is_ok());
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
