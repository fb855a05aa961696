//! Interface strings (the theme's `strings.<language>.toml`, looked up with `tr`) and teasers:
//! shared by the pages, the search index and the feeds.

use crate::config::Taxonomy;
use std::collections::BTreeMap;

pub type Strings = BTreeMap<String, String>;

/// Looks up an interface string; a missing key shows as the key itself.
pub fn tr(t: &Strings, key: &str) -> String {
    t.get(key).cloned().unwrap_or_else(|| key.to_string())
}

/// A teaser: the first `max` characters of `text`, cut at a word.
pub fn teaser(text: &str, max: usize) -> String {
    // Where character `max` starts: none when the text is no longer than `max` characters.
    let Some((end, _)) = text.char_indices().nth(max) else { return text.to_string() };
    let cut = &text[..end];
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

pub fn taxonomy_name(t: &Strings, tax: Taxonomy) -> String {
    tr(t, &format!("tax_{}", tax.field()))
}
