//! Charts: the inline SVG before/after chart of an initiative's measured outcomes, drawn at
//! build time (no JavaScript), and the language-aware number format shared with the table.
//!
//! Each measure gets its own scale (0 to the larger of its two values) because units differ.
//! The chart is one accessible image: `role="img"`, a `<title>` and a `<desc>` that states every
//! value in words; bars carry a "before"/"after" text label so colour is never the only cue.
//! All sizes are viewBox units, so the chart scales with its container.

use crate::content::model::Outcome;
use crate::strings::{Strings, tr};
use std::fmt::Write;

/// Width of the viewBox: no wider than the chart on a 390-pixel phone (358 pixels), so 14-unit
/// text is drawn at 14 pixels or more there.
const WIDTH: f64 = 340.0;
/// Column for the "before"/"after" labels left of the bars.
const LABEL_W: f64 = 56.0;
/// Room right of the longest bar for its value label.
const VALUE_W: f64 = 60.0;
const BAR_H: f64 = 16.0;
const ROW_H: f64 = 22.0;
const NAME_H: f64 = 20.0;
const GAP: f64 = 14.0;
const FONT: f64 = 14.0;
/// Fill of the "before" bars (contrast 5.8:1 against white).
pub const BEFORE_COLOUR: &str = "#656565";
/// Fill of the "after" bars (contrast 6.5:1 against white).
pub const AFTER_COLOUR: &str = "#1d5fa6";
/// Characters per line of a measure name (bold, 14 units); longer names wrap onto a second
/// line and are cut after that (the description always has the full name).
const LINE_CHARS: usize = 38;
/// Distance between the two lines of a wrapped measure name.
const LINE_H: f64 = 18.0;

/// Formats a number for `lang`: `3,5` in Dutch, `3.5` in English; whole numbers without
/// decimals; thousands grouped (`12.500` / `12,500`) from five digits on, so years stay `2024`.
pub fn format_number(x: f64, lang: &str) -> String {
    if x.is_nan() {
        return "–".into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-∞".into() } else { "∞".into() };
    }
    let (dec, group) = if lang == "en" { ('.', ',') } else { (',', '.') };
    let x = if x == 0.0 { 0.0 } else { x }; // no "-0"
    let s = if x.fract() == 0.0 && x.abs() < 1e15 { format!("{x:.0}") } else { format!("{x}") };
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(sign);
    if int.len() >= 5 {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if let Some(f) = frac {
        out.push(dec);
        out.push_str(f);
    }
    out
}

use crate::escape::xml as esc;

/// A measure name in at most two lines of at most `LINE_CHARS` characters, wrapped at spaces.
/// The name of a measure over its bars, wrapped: the measure with its unit in brackets, unless
/// the measure already says it in brackets itself ("Welbevinden (rapportcijfer)"): the unit is
/// in the table and the description anyway, and is never said twice.
fn name_line(measure: &str, unit: &str) -> Vec<String> {
    match unit.trim() {
        "" => wrap(measure),
        _ if measure.trim_end().ends_with(')') => wrap(measure),
        unit => wrap(&format!("{measure} ({unit})")),
    }
}

fn wrap(name: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in name.split_whitespace() {
        let cur = lines.last_mut().expect("never empty");
        let len = cur.chars().count();
        if len > 0 && len + 1 + word.chars().count() > LINE_CHARS {
            lines.push(word.to_string());
        } else {
            if len > 0 {
                cur.push(' ');
            }
            cur.push_str(word);
        }
    }
    let overflow = lines.len() > 2;
    lines.truncate(2);
    let n = lines.len();
    for (i, line) in lines.iter_mut().enumerate() {
        if line.chars().count() > LINE_CHARS || (overflow && i + 1 == n) {
            let keep = line.chars().take(LINE_CHARS - 1).collect::<String>();
            *line = format!("{}…", keep.trim_end());
        }
    }
    lines
}

/// A stable id prefix derived from the chart's content (FNV-1a), so ids differ between charts
/// and the output stays reproducible.
fn derive_id(outcomes: &[Outcome]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100000001b3);
        }
    };
    for o in outcomes {
        feed(o.measure.as_bytes());
        feed(&o.before.to_bits().to_le_bytes());
        feed(&o.after.to_bits().to_le_bytes());
        feed(o.unit.as_bytes());
        feed(&[0]);
    }
    format!("oc-{:08x}", h as u32)
}

/// The sentence for one outcome, e.g. `Welbevinden: voor 3,5, na 8,5 cijfer 1-10`.
pub fn describe(o: &Outcome, t: &Strings, lang: &str) -> String {
    let unit = o.unit.trim();
    let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
    format!(
        "{}: {} {}, {} {}{unit}",
        o.measure.trim(),
        tr(t, "before").to_lowercase(),
        format_number(o.before, lang),
        tr(t, "after").to_lowercase(),
        format_number(o.after, lang),
    )
}

/// The chart with an id prefix derived from its content; "" for no outcomes.
pub fn outcome_chart(outcomes: &[Outcome], t: &Strings, lang: &str) -> String {
    outcome_chart_with_id(outcomes, t, lang, &derive_id(outcomes))
}

/// The chart with ids starting with `id_prefix` (reduced to ASCII letters, digits, `-`, `_`).
pub fn outcome_chart_with_id(outcomes: &[Outcome], t: &Strings, lang: &str, id_prefix: &str) -> String {
    if outcomes.is_empty() {
        return String::new();
    }
    let mut id: String = id_prefix.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.insert_str(0, "oc-");
    }
    let names: Vec<Vec<String>> = outcomes.iter().map(|o| name_line(&o.measure, &o.unit)).collect();
    let block = |lines: usize| NAME_H + (lines.max(1) - 1) as f64 * LINE_H + 2.0 * ROW_H + GAP;
    let height = names.iter().map(|n| block(n.len())).sum::<f64>() - GAP + 4.0;
    let desc: Vec<String> = outcomes.iter().map(|o| describe(o, t, lang)).collect();
    let mut s = String::with_capacity(1024 + 700 * outcomes.len());
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="outcome-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc" style="font-family: inherit" font-size="{FONT}">"#
    );
    let _ = write!(s, r#"<title id="{id}-title">{}</title>"#, esc(&tr(t, "outcomes_caption")));
    let _ = write!(s, r#"<desc id="{id}-desc">{}.</desc>"#, esc(&desc.join("; ")));
    let labels = [esc(&tr(t, "before")), esc(&tr(t, "after"))];
    let bar_max = WIDTH - LABEL_W - VALUE_W;
    let mut top = 0.0;
    for (o, name) in outcomes.iter().zip(&names) {
        let values = [o.before, o.after];
        let scale = values.iter().copied().filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
        s.push_str(r#"<g class="outcome">"#);
        for (i, line) in name.iter().enumerate() {
            let y = top + 15.0 + i as f64 * LINE_H;
            let _ = write!(s, r#"<text x="0" y="{y:.1}" font-weight="600" fill="currentColor">{}</text>"#, esc(line));
        }
        let bars = top + block(name.len()) - GAP - 2.0 * ROW_H;
        top += block(name.len());
        for (k, (&v, colour)) in values.iter().zip([BEFORE_COLOUR, AFTER_COLOUR]).enumerate() {
            let y = bars + k as f64 * ROW_H;
            let w = if scale > 0.0 && v.is_finite() && v > 0.0 { (v / scale * bar_max).max(1.0) } else { 0.0 };
            let class = if k == 0 { "before" } else { "after" };
            let text_y = y + BAR_H / 2.0 + 5.0;
            let _ = write!(
                s,
                r#"<text x="0" y="{text_y:.1}" fill="currentColor">{}</text><rect class="{class}" x="{LABEL_W}" y="{y:.1}" width="{w:.1}" height="{BAR_H}" fill="{colour}"/>"#,
                labels[k]
            );
            let value = format_number(v, lang);
            let est = value.chars().count() as f64 * 8.5;
            if LABEL_W + w + 6.0 + est > WIDTH && w > est + 12.0 {
                let _ = write!(
                    s,
                    r##"<text x="{:.1}" y="{text_y:.1}" text-anchor="end" fill="#ffffff">{}</text>"##,
                    LABEL_W + w - 6.0,
                    esc(&value)
                );
            } else {
                let _ = write!(
                    s,
                    r#"<text x="{:.1}" y="{text_y:.1}" fill="currentColor">{}</text>"#,
                    LABEL_W + w + 6.0,
                    esc(&value)
                );
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(lang: &str) -> Strings {
        let (b, a, c) =
            if lang == "en" { ("Before", "After", "Measured outcomes") } else { ("Voor", "Na", "Gemeten resultaten") };
        [("before", b), ("after", a), ("outcomes_caption", c)]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn outcome(measure: &str, before: f64, after: f64, unit: &str) -> Outcome {
        Outcome { measure: measure.into(), before, after, unit: unit.into(), source: String::new() }
    }

    /// WCAG relative-luminance contrast of `#rrggbb` against white.
    fn contrast_with_white(hex: &str) -> f64 {
        let ch = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        let l = 0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5);
        1.05 / (l + 0.05)
    }

    #[test]
    fn numbers_per_language() {
        assert_eq!(format_number(3.5, "nl"), "3,5");
        assert_eq!(format_number(3.5, "en"), "3.5");
        assert_eq!(format_number(8.0, "nl"), "8");
        assert_eq!(format_number(-0.0, "nl"), "0");
        assert_eq!(format_number(-2.25, "nl"), "-2,25");
        assert_eq!(format_number(2024.0, "nl"), "2024");
        assert_eq!(format_number(12500.0, "nl"), "12.500");
        assert_eq!(format_number(1234567.5, "en"), "1,234,567.5");
        assert_eq!(format_number(f64::NAN, "nl"), "–");
        assert_eq!(format_number(f64::INFINITY, "en"), "∞");
        assert!(!format_number(1e300, "en").contains('e'));
    }

    #[test]
    fn empty_list_gives_nothing() {
        assert_eq!(outcome_chart(&[], &strings("nl"), "nl"), "");
    }

    #[test]
    fn accessible_description_states_every_value() {
        let o = [outcome("Welbevinden", 3.5, 8.5, "cijfer 1-10"), outcome("Opnames", 40.0, 25.0, "")];
        let svg = outcome_chart_with_id(&o, &strings("nl"), "nl", "ozo");
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" class="outcome-chart" viewBox="0 0 340 "#));
        assert!(svg.contains(r#"role="img" aria-labelledby="ozo-title" aria-describedby="ozo-desc""#));
        assert!(svg.contains(r#"<title id="ozo-title">Gemeten resultaten</title>"#));
        assert!(svg.contains(
            r#"<desc id="ozo-desc">Welbevinden: voor 3,5, na 8,5 cijfer 1-10; Opnames: voor 40, na 25.</desc>"#
        ));
        assert!(svg.contains("font-family: inherit"));
        assert!(svg.contains(">Welbevinden (cijfer 1-10)</text>"));
        // A measure that names its unit in brackets already does not get it twice.
        let own =
            outcome_chart(&[outcome("Welbevinden (rapportcijfer)", 3.5, 8.5, "cijfer 1-10")], &strings("nl"), "nl");
        assert!(own.contains(">Welbevinden (rapportcijfer)</text>") && !own.contains("(cijfer 1-10)</text>"));
        assert!(svg.contains(r#"fill="currentColor">Voor</text>"#) && svg.contains(r#"fill="currentColor">Na</text>"#));
        assert!(svg.ends_with("</svg>"));
        let en = outcome_chart_with_id(&o[..1], &strings("en"), "en", "x");
        assert!(en.contains("<desc id=\"x-desc\">Welbevinden: before 3.5, after 8.5 cijfer 1-10.</desc>"));
    }

    #[test]
    fn each_measure_has_its_own_scale() {
        let o = [outcome("A", 3.5, 7.0, ""), outcome("B", 1000.0, 500.0, "")];
        let svg = outcome_chart_with_id(&o, &strings("nl"), "nl", "c");
        // Bar room is 340 - 56 - 60 = 224: the larger value of each measure fills it.
        assert!(svg.contains(r#"<rect class="before" x="56" y="20.0" width="112.0" height="16""#));
        assert!(svg.contains(r#"<rect class="after" x="56" y="42.0" width="224.0" height="16""#));
        assert!(svg.contains(r#"<rect class="before" x="56" y="98.0" width="224.0" height="16""#));
        assert!(svg.contains(r#"<rect class="after" x="56" y="120.0" width="112.0" height="16""#));
        assert!(svg.contains(r#"fill="currentColor">3,5</text>"#));
    }

    #[test]
    fn odd_values_do_not_break_the_chart() {
        let o = [outcome("Nul", 0.0, 0.0, ""), outcome("Raar", f64::NAN, -4.0, ""), outcome("Groot", 1e12, 1e12, "")];
        let svg = outcome_chart_with_id(&o, &strings("nl"), "nl", "1bad id\"");
        assert!(svg.contains(r#"aria-labelledby="oc-1badid-title""#));
        assert!(svg.contains(r#"width="0.0""#));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        // A long label on a full bar goes inside the bar, in white.
        assert!(svg.contains(r##"text-anchor="end" fill="#ffffff">1.000.000.000.000</text>"##));
    }

    #[test]
    fn hostile_text_stays_text() {
        let o = [outcome("</text><script>alert(1)</script>", 1.0, 2.0, "\"><b>")];
        let svg = outcome_chart(&o, &strings("nl"), "nl");
        assert!(!svg.contains("<script") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("&quot;&gt;&lt;b&gt;"));
    }

    #[test]
    fn ids_differ_per_chart_and_are_stable() {
        let t = strings("nl");
        let a = outcome_chart(&[outcome("A", 1.0, 2.0, "")], &t, "nl");
        let b = outcome_chart(&[outcome("B", 1.0, 2.0, "")], &t, "nl");
        let id = |s: &str| s.split("aria-labelledby=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
        assert_ne!(id(&a), id(&b));
        assert_eq!(a, outcome_chart(&[outcome("A", 1.0, 2.0, "")], &t, "nl"));
    }

    #[test]
    fn long_names_wrap_onto_two_lines() {
        let long = "Welbevinden van wijkbewoners gemeten met een rapportcijfer aan het begin en einde van het traject";
        assert_eq!(wrap("Kort"), ["Kort"]);
        assert_eq!(wrap(long), ["Welbevinden van wijkbewoners gemeten", "met een rapportcijfer aan het begin e…"]);
        assert_eq!(wrap(&"x".repeat(60)), [format!("{}…", "x".repeat(37))]);
        let svg = outcome_chart_with_id(&[outcome(long, 1.0, 2.0, "")], &strings("nl"), "nl", "w");
        assert!(svg.contains(r#"<text x="0" y="33.0" font-weight="600" fill="currentColor">met een"#));
        assert!(svg.contains(r#"<rect class="before" x="56" y="38.0""#));
        assert!(svg.contains(r#"viewBox="0 0 340 86""#));
    }

    #[test]
    fn colours_contrast_with_white() {
        assert!(contrast_with_white(BEFORE_COLOUR) >= 3.0);
        assert!(contrast_with_white(AFTER_COLOUR) >= 3.0);
        assert!(contrast_with_white("#ffffff") < 1.01);
    }
}
