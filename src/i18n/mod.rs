//! Messages in the reader's language: one Fluent catalogue per language (`nl.ftl`, `en.ftl`,
//! compiled in), the current language for this process, and `msg!`/`tr!` to look a message up
//! by its id. Every word leernet says to a person (diagnostics, suggestions, summaries,
//! progress, `new`'s template comments) comes from here. The lowest layer: uses nothing.
//!
//! A message's id doubles as its stable machine `code` in JSON and GitHub output, so bots do
//! not break when wording changes.

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The interface languages leernet speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// `nl` or `en` (any case); `None` for another language.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The catalogue's source text.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::Nl => include_str!("nl.ftl"),
            Lang::En => include_str!("en.ftl"),
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message from now on (Dutch until told otherwise).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::En as u8 { Lang::En } else { Lang::Nl }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let make = |l: Lang| {
        let id: unic_langid::LanguageIdentifier = l.code().parse().expect("a valid language id");
        let mut b = FluentBundle::new_concurrent(vec![id]);
        b.set_use_isolating(false);
        // The catalogues are compiled in; `tests::catalogues_parse` keeps them valid.
        let res = FluentResource::try_new(l.catalogue().to_string()).unwrap_or_else(|(r, _)| r);
        let _ = b.add_resource(res);
        b
    };
    &BUNDLES.get_or_init(|| [make(Lang::Nl), make(Lang::En)])[lang as usize]
}

/// A message: its id (the machine code) and its text in the current language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub text: String,
}

/// The text of message `id` in `lang`; the id itself when the catalogue lacks it (a test
/// keeps every id the code uses in both catalogues).
pub fn text_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else { return id.to_string() };
    let mut errors = Vec::new();
    b.format_pattern(pattern, args, &mut errors).into_owned()
}

/// The text of message `id` in the current language.
pub fn text(id: &str, args: Option<&FluentArgs>) -> String {
    text_in(lang(), id, args)
}

/// `msg!("id", name = value, ...)`: a [`Msg`] with the text in the current language.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($k), $crate::i18n::arg($v));)*
        $crate::i18n::Msg { id: $id, text: $crate::i18n::text($id, Some(&args)) }
    }};
}

/// `tr!("id", name = value, ...)`: only the text of a message, in the current language.
#[macro_export]
macro_rules! tr {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::msg!($id $(, $k = $v)*).text
    };
}

pub use fluent_bundle::FluentArgs;

/// A message argument: text or a number (numbers choose plural forms).
pub fn arg<'a>(v: impl IntoArg<'a>) -> fluent_bundle::FluentValue<'a> {
    v.into_arg()
}

pub trait IntoArg<'a> {
    fn into_arg(self) -> fluent_bundle::FluentValue<'a>;
}

macro_rules! into_arg_num {
    ($($t:ty),*) => {$(impl<'a> IntoArg<'a> for $t {
        fn into_arg(self) -> fluent_bundle::FluentValue<'a> { fluent_bundle::FluentValue::from(self) }
    })*};
}
into_arg_num!(usize, u64, u32, i64, i32);

impl<'a> IntoArg<'a> for &'a str {
    fn into_arg(self) -> fluent_bundle::FluentValue<'a> {
        fluent_bundle::FluentValue::from(self)
    }
}
impl<'a> IntoArg<'a> for String {
    fn into_arg(self) -> fluent_bundle::FluentValue<'a> {
        fluent_bundle::FluentValue::from(self)
    }
}
impl<'a> IntoArg<'a> for &'a String {
    fn into_arg(self) -> fluent_bundle::FluentValue<'a> {
        fluent_bundle::FluentValue::from(self.as_str())
    }
}

#[cfg(test)]
mod tests;
