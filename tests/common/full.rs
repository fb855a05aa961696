//! Comparing the preview server's files with a full build of the same site, byte for byte.

use leernet::pipeline::Workspace;
use std::collections::BTreeMap;

/// A full build of the workspace's site.
pub fn full_build(ws: &Workspace) -> BTreeMap<String, Vec<u8>> {
    let (files, _) = leernet::site::render_site(&ws.site).expect("full build");
    files.into_iter().map(|f| (f.path, f.bytes)).collect()
}

/// Fails unless the workspace's files are those of a full build, byte for byte.
pub fn assert_same_as_full(ws: &mut Workspace, step: &str) {
    ws.settle();
    let full = full_build(ws);
    let inc = &ws.files;
    let missing: Vec<_> = full.keys().filter(|k| !inc.contains_key(*k)).collect();
    let extra: Vec<_> = inc.keys().filter(|k| !full.contains_key(*k)).collect();
    let differ: Vec<_> = full.iter().filter(|(k, v)| inc.get(*k).is_some_and(|b| b != *v)).map(|(k, _)| k).collect();
    assert!(
        missing.is_empty() && extra.is_empty() && differ.is_empty(),
        "{step}: missing {missing:?}, extra {extra:?}, differ {differ:?}"
    );
}
