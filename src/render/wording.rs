//! Wording: the one place where interface strings take a number or a date. Counted phrases are
//! written in `templates/i18n/<lang>.toml` as a pair `<key>_one` / `<key>_other` with `{n}` for
//! the number ("1 initiatief", "{n} initiatieven"); dates are written in words with the month
//! names `month_1` … `month_12` of the same file ("11 november 2025", "april 2013"). Templates
//! use them as the function `plural(key=…, n=…)` and the filter `date_words`.

use super::charts::format_number;
use crate::strings::Strings;
use chrono::{Datelike, NaiveDate};
use tera::{Kwargs, State, Tera, TeraResult};

/// The counted phrase `key` for `n`: `<key>_one` when `n` is 1, else `<key>_other`, with `{n}`
/// replaced by the number as the interface language writes it (`10.000` in Dutch, `10,000` in
/// English; four digits stay together). A missing
/// string shows as the key itself.
pub fn plural(t: &Strings, lang: &str, key: &str, n: u64) -> String {
    let form = if n == 1 { "one" } else { "other" };
    let full = format!("{key}_{form}");
    match t.get(&full) {
        Some(s) => s.replace("{n}", &format_number(n as f64, lang)),
        None => full,
    }
}

/// An ISO date (`2025-11-11`), month (`2013-04`) or year (`2009`) in words in the interface
/// language: "11 november 2025", "april 2013", "2009". Anything else is returned as it is.
pub fn date_words(t: &Strings, iso: &str) -> String {
    let month = |m: u32| t.get(&format!("month_{m}")).cloned().unwrap_or_else(|| m.to_string());
    // The usual shape, `YYYY-MM-DD`, read without chrono's format parser (every card shows a
    // date): the same date it would read; anything else goes to chrono's parser.
    if let Some(d) = plain_date(iso).or_else(|| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()) {
        return format!("{} {} {}", d.day(), month(d.month()), d.year());
    }
    if let Ok(d) = NaiveDate::parse_from_str(&format!("{iso}-01"), "%Y-%m-%d") {
        return format!("{} {}", month(d.month()), d.year());
    }
    iso.to_string()
}

/// `iso` as a date if it is exactly four, two and two ASCII digits joined by `-` and a valid date.
fn plain_date(iso: &str) -> Option<NaiveDate> {
    let b = iso.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// Registers `plural(key=…, n=…)` and the `date_words` filter with the interface strings `t`
/// of language `lang`.
pub fn register(tera: &mut Tera, t: &Strings, lang: &str) {
    let (strings, lang) = (t.clone(), lang.to_string());
    tera.register_function("plural", move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let n: i64 = kwargs.must_get("n")?;
        Ok(plural(&strings, &lang, &key, n.max(0) as u64))
    });
    let strings = t.clone();
    tera.register_filter("date_words", move |iso: &str, _: Kwargs, _: &State| date_words(&strings, iso));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(lang: &str) -> Strings {
        let text = match lang {
            "nl" => include_str!("../../templates/i18n/nl.toml"),
            _ => include_str!("../../templates/i18n/en.toml"),
        };
        toml::from_str(text).unwrap()
    }

    #[test]
    fn counted_phrases_in_dutch() {
        let t = strings("nl");
        assert_eq!(plural(&t, "nl", "count_initiatives", 1), "1 initiatief");
        assert_eq!(plural(&t, "nl", "count_initiatives", 0), "0 initiatieven");
        assert_eq!(plural(&t, "nl", "count_initiatives", 2), "2 initiatieven");
        assert_eq!(plural(&t, "nl", "count_lessons", 1), "1 les");
        assert_eq!(plural(&t, "nl", "count_lessons", 1000), "1000 lessen");
        assert_eq!(plural(&t, "nl", "count_lessons", 10000), "10.000 lessen");
        assert_eq!(plural(&t, "nl", "count_kind_succes", 1), "1 succes");
        assert_eq!(plural(&t, "nl", "count_kind_succes", 3), "3 successen");
    }

    #[test]
    fn counted_phrases_in_english() {
        let t = strings("en");
        assert_eq!(plural(&t, "en", "count_initiatives", 1), "1 initiative");
        assert_eq!(plural(&t, "en", "count_initiatives", 5), "5 initiatives");
        assert_eq!(plural(&t, "en", "count_lessons", 1), "1 lesson");
        assert_eq!(plural(&t, "en", "count_lessons", 12345), "12,345 lessons");
    }

    #[test]
    fn every_counted_phrase_has_both_forms_in_both_languages() {
        for lang in ["nl", "en"] {
            let t = strings(lang);
            for key in t.keys() {
                if let Some(base) = key.strip_suffix("_one") {
                    assert!(t.contains_key(&format!("{base}_other")), "{lang}: {base}_other missing");
                }
                if let Some(base) = key.strip_suffix("_other") {
                    assert!(t.contains_key(&format!("{base}_one")), "{lang}: {base}_one missing");
                }
            }
        }
        assert_eq!(strings("nl").keys().collect::<Vec<_>>(), strings("en").keys().collect::<Vec<_>>());
    }

    #[test]
    fn dates_in_words() {
        let (nl, en) = (strings("nl"), strings("en"));
        assert_eq!(date_words(&nl, "2025-11-11"), "11 november 2025");
        assert_eq!(date_words(&nl, "2025-03-02"), "2 maart 2025");
        assert_eq!(date_words(&nl, "2013-04"), "april 2013");
        assert_eq!(date_words(&nl, "2009"), "2009");
        // The fast way reads what chrono's format parser reads, and refuses what it refuses.
        for iso in ["2024-02-29", "2023-02-29", "2025-13-01", "2025-00-10", "0999-01-01", "2025-1-05", "2025-01-5"] {
            let slow = NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok();
            assert!(plain_date(iso).is_none_or(|d| Some(d) == slow), "{iso}");
            assert_eq!(plain_date(iso).is_some(), slow.is_some() && iso.len() == 10, "{iso}");
        }
        assert_eq!(date_words(&en, "2025-11-11"), "11 November 2025");
        assert_eq!(date_words(&en, "2013-04"), "April 2013");
        assert_eq!(date_words(&en, "not a date"), "not a date");
    }

    #[test]
    fn templates_use_them() {
        let t = strings("nl");
        let mut tera = Tera::new();
        register(&mut tera, &t, "nl");
        tera.add_raw_template("x", r#"{{ plural(key="count_lessons", n=n) }} · {{ d | date_words }}"#).unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("n", &1);
        ctx.insert("d", "2025-11-11");
        assert_eq!(tera.render("x", &ctx).unwrap(), "1 les · 11 november 2025");
    }
}
