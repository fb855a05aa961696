//! Fuzzes the front-matter path: any bytes, as text, through normalising, splitting and the
//! positioned YAML parser. It must return a value or a diagnostic, never panic or hang.
#![no_main]
use leernet::content::frontmatter;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let norm = frontmatter::normalize(&text);
    if let Ok(split) = frontmatter::split(Path::new("f.md"), &norm) {
        let _ = frontmatter::parse(Path::new("f.md"), &split);
    }
});
