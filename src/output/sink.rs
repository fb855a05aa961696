//! Output plumbing: one output file (`OutFile`) and where files go (`Sink`): straight to the
//! staging folder while a build renders, or into memory (`Collect`) for the preview server and
//! the tests. Knows no pages: whatever makes a file hands it to a sink.

use crate::diagnostics::Diagnostic;
use std::io::{self, Write};

/// One file of the output folder.
#[derive(Debug, Clone)]
pub struct OutFile {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where rendered files go: straight to disk while rendering (a build), or into memory (the
/// preview server and tests). Called from many threads at once.
pub trait Sink: Sync {
    fn put(&self, file: OutFile) -> Result<(), Diagnostic>;

    /// A file whose bytes the caller keeps (a buffer it reuses). By default they are copied and
    /// given to `put`.
    fn put_slice(&self, path: String, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.put(OutFile { path, bytes: bytes.to_vec() })
    }

    /// A file made piece by piece (one too big to hold whole, like `api/lessons.json`): `write`
    /// is handed a writer for its bytes. By default the pieces are collected and given to `put`.
    fn put_streamed(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let mut bytes = Vec::new();
        write(&mut bytes)
            .map_err(|e| Diagnostic::file(path, crate::msg!("cannot-write", path = path, error = e.to_string())))?;
        self.put(OutFile { path: path.into(), bytes })
    }
}

/// A sink that keeps every file in memory.
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<OutFile>>);

impl Collect {
    pub fn into_files(self) -> Vec<OutFile> {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Collect {
    fn put(&self, file: OutFile) -> Result<(), Diagnostic> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}
