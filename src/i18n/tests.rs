//! The catalogues: both parse, both have the same messages, every id the code uses is in them.

use super::*;
use fluent_syntax::ast::{Entry, Resource};
use std::collections::BTreeSet;

fn ids(lang: Lang) -> BTreeSet<String> {
    let res: Resource<&str> = match fluent_syntax::parser::parse(lang.catalogue()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}.ftl does not parse: {errors:?}", lang.code()),
    };
    res.body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Every `msg!("id"` and `tr!("id"` in the source tree.
fn used_ids() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(src).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "rs")
            || entry.path().parent().is_some_and(|p| p.ends_with("i18n"))
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for mac in ["msg!(", "tr!("] {
            for (i, _) in text.match_indices(mac) {
                // `include_str!(` is not `tr!(`.
                if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = text[i + mac.len()..].trim_start();
                if let Some(lit) = rest.strip_prefix('"') {
                    out.insert(lit[..lit.find('"').unwrap()].to_string());
                }
            }
        }
    }
    out
}

#[test]
fn catalogues_have_the_same_messages() {
    let (nl, en) = (ids(Lang::Nl), ids(Lang::En));
    let only_nl: Vec<_> = nl.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&nl).collect();
    assert!(only_nl.is_empty() && only_en.is_empty(), "only in nl.ftl: {only_nl:?}; only in en.ftl: {only_en:?}");
    assert!(nl.len() > 50, "{}", nl.len());
}

#[test]
fn every_id_the_code_uses_is_in_the_catalogues() {
    let used = used_ids();
    assert!(used.len() > 50, "the scan found too few ids: {used:?}");
    for lang in Lang::ALL {
        let known = ids(lang);
        let missing: Vec<_> = used.difference(&known).collect();
        assert!(missing.is_empty(), "used but not in {}.ftl: {missing:?}", lang.code());
    }
}

#[test]
fn messages_format_in_both_languages() {
    let mut args = FluentArgs::new();
    args.set("term", "mantelzorgg");
    args.set("field", "themes");
    assert_eq!(text_in(Lang::Nl, "unknown-term", Some(&args)), "`mantelzorgg` is geen bekend thema");
    assert_eq!(text_in(Lang::En, "unknown-term", Some(&args)), "`mantelzorgg` is not a known theme");
    let mut n = FluentArgs::new();
    n.set("n", 1);
    assert_eq!(text_in(Lang::Nl, "count-errors", Some(&n)), "1 fout");
    n.set("n", 3);
    assert_eq!(text_in(Lang::Nl, "count-errors", Some(&n)), "3 fouten");
    assert_eq!(text_in(Lang::En, "count-errors", Some(&n)), "3 errors");
}
