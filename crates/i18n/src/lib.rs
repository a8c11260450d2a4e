//! The words of marginalia's interface in each of its languages, and dates as each language
//! writes them.
//!
//! Data flow: a translator edits one file, `locales/<tag>.toml` (English, `en.toml`, is the
//! reference); `build.rs` turns the files into tables (a [`Lang`] per file, a `Msg` enum per
//! section: [`viewer`], [`page`], [`site`], [`dates`]); code asks a language for a message:
//! `lang.t(viewer::Msg::TabActors)`, with placeholders `lang.f(Msg::Remove, &[("name", n)])`,
//! with a count `lang.n(Msg::MentionedTimes, 7, &[])` (the language's plural form, `{n}` the
//! count). Dates are written by [`dates`] from the `[dates]` section; the viewer in a browser
//! writes them with the browser's `Intl` instead and must say the same (tested in a browser).
//! Pure Rust, no dependencies: used by the viewer (wasm), the server render and the site.

pub mod date;
pub mod runtime;

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// A section's messages in one language: one text, and the offsets of each message's forms in
/// it (message `i`: its "one" form from `offsets[2i]` to `offsets[2i + 1]`, empty when it has
/// none; its "other" form from there to `offsets[2i + 2]`).
#[derive(Debug)]
pub struct Table {
    pub text: &'static str,
    pub offsets: &'static [u16],
}

impl Table {
    /// Message `i`'s forms ("one", "other"), if the table has it.
    pub fn forms(&self, i: usize) -> Option<(&'static str, &'static str)> {
        let at = |k: usize| self.offsets.get(k).map(|o| usize::from(*o));
        let (a, b, c) = (at(2 * i)?, at(2 * i + 1)?, at(2 * i + 2)?);
        let (one, other) = (self.text.get(a..b)?, self.text.get(b..c)?);
        Some((if one.is_empty() { other } else { one }, other))
    }
}

/// A message of one of the catalogue's sections.
pub trait Message: Copy {
    /// Its text in `lang`: the "one" form and the "other" form (the same text when the message
    /// has no plural forms).
    fn forms(self, lang: Lang) -> (&'static str, &'static str);
    /// Its key in the catalogue files (`tab-actors`).
    fn key(self) -> &'static str;
}

impl Lang {
    /// The language of a tag such as `ja`, `ja-JP` or `KO_kr` (as `lang` attributes write
    /// them: no spaces), if it is one of ours.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?;
        LANGS
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// Its tag (`en`, `ja`, `ko`): what `lang` attributes and `?lang=` say.
    pub fn tag(self) -> &'static str {
        TAGS[self as usize]
    }

    /// Its name in itself (`English`, `日本語`, `한국어`).
    pub fn name(self) -> &'static str {
        NAMES[self as usize]
    }

    /// The locale the browser's `Intl` writes its dates with (`en-GB`: "19 June 2024").
    pub fn intl_locale(self) -> &'static str {
        INTL[self as usize]
    }

    /// A message without placeholders.
    pub fn t(self, message: impl Message) -> &'static str {
        message.forms(self).1
    }

    /// A message with its `{name}` placeholders filled from `args`.
    pub fn f(self, message: impl Message, args: &[(&str, &str)]) -> String {
        fill(message.forms(self).1, args)
    }

    /// A message about `count` things, in the language's plural form for it, `{n}` the count.
    pub fn n(self, message: impl Message, count: usize, args: &[(&str, &str)]) -> String {
        let (one, other) = message.forms(self);
        let text = if count == 1 && HAS_ONE[self as usize] {
            one
        } else {
            other
        };
        let n = count.to_string();
        let mut all = vec![("n", n.as_str())];
        all.extend_from_slice(args);
        fill(text, &all)
    }
}

/// A part of a message: text as it is, or where a placeholder's value goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

impl Lang {
    /// A message cut at its placeholders, for a caller that puts more than text in them (a
    /// link on a name): "{a} ally of {b}" is `[Slot("a"), Text(" ally of "), Slot("b")]`.
    pub fn pieces(self, message: impl Message) -> Vec<Piece<'static>> {
        pieces(message.forms(self).1)
    }
}

/// `text` cut at its `{name}` placeholders.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        out.push(Piece::Slot(&rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// `text` with each `{name}` replaced by its value in `args` (a placeholder not in `args` is
/// left as it is, so a mistake shows instead of vanishing).
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_with_english_placeholders() {
        assert!(
            PROBLEMS.is_empty(),
            "the catalogues in locales/ are incomplete:\n{}",
            PROBLEMS.join("\n")
        );
    }

    #[test]
    fn tags_are_read_loosely_and_only_ours_are_known() {
        assert_eq!(Lang::parse("ja"), Some(Lang::Ja));
        assert_eq!(Lang::parse("ja-JP"), Some(Lang::Ja));
        assert_eq!(Lang::parse("KO_kr"), Some(Lang::Ko));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::default(), Lang::En);
        for lang in LANGS {
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        use viewer::Msg::MentionedTimes;
        assert_eq!(Lang::En.n(MentionedTimes, 1, &[]), "Mentioned once");
        assert_eq!(Lang::En.n(MentionedTimes, 7, &[]), "Mentioned 7 times");
        assert_eq!(Lang::En.n(MentionedTimes, 0, &[]), "Mentioned 0 times");
        // Japanese and Korean count with a counter and have one form.
        assert_eq!(Lang::Ja.n(MentionedTimes, 1, &[]), "1回言及");
        assert_eq!(Lang::Ja.n(MentionedTimes, 7, &[]), "7回言及");
        assert_eq!(Lang::Ko.n(MentionedTimes, 7, &[]), "7회 언급");
    }

    #[test]
    fn messages_are_cut_at_their_placeholders() {
        use Piece::{Slot, Text};
        assert_eq!(
            pieces("{a} ally of {b}"),
            [Slot("a"), Text(" ally of "), Slot("b")]
        );
        assert_eq!(
            pieces("{a}は{b}の同盟国"),
            [Slot("a"), Text("は"), Slot("b"), Text("の同盟国")]
        );
        assert_eq!(pieces("plain"), [Text("plain")]);
        assert_eq!(pieces("open { brace"), [Text("open { brace")]);
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_eq!(fill("{a} and {c}", &[("a", "x")]), "x and {c}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("", &[]), "");
    }
}
