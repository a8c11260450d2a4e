//! Languages loaded while the program runs: the viewer's wasm is built with English alone, and
//! takes another language's words from a words file (`marginalia-words-<keys>.<tag>.txt`,
//! written by the build beside the viewer and inlined in its pages: see [`words_file`]) when it
//! speaks it. A file made for other keys (another build) or damaged is refused, and the viewer
//! keeps to a language it has.
//!
//! Data flow: the viewer hands a words file's text to [`load_file`]: [`parse`] reads it into
//! [`Words`], [`load`] checks them and keeps them for the program's life; each message then
//! looks here first ([`table`]), then at what was built in, then at English.
//!
//! A words file is lines: `marginalia-words`, the language's tag, the keys' fingerprint
//! ([`FINGERPRINT`]), then for each of [`WORDS_SECTIONS`] its text and its offsets (decimal,
//! joined by commas). No message has a line break or a `<` (the build refuses one), so a file
//! sits as it is inside a page's `<script type="text/plain">`.

use crate::{Lang, Table, FINGERPRINT, WORDS_SECTIONS};
use std::cell::RefCell;

/// A words file's fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// The language's tag (`ja`).
    pub lang: String,
    /// The fingerprint of the keys it was made from ([`FINGERPRINT`]).
    pub keys: String,
    /// Each section's text and its offsets, written as decimal numbers joined by commas, in
    /// the order of [`WORDS_SECTIONS`].
    pub sections: Vec<(String, String)>,
}

thread_local! {
    /// The tables loaded, by language and section (kept for the program's life).
    static LOADED: RefCell<Vec<(Lang, usize, &'static Table)>> = const { RefCell::new(Vec::new()) };
}

/// The table of `section` in `lang`, if it was loaded.
pub(crate) fn table(section: usize, lang: Lang) -> Option<&'static Table> {
    if lang == Lang::En {
        return None;
    }
    LOADED.with(|loaded| {
        loaded
            .borrow()
            .iter()
            .find(|(l, s, _)| *l == lang && *s == section)
            .map(|(.., t)| *t)
    })
}

/// Whether messages can be said in `lang`: English always; another language once loaded (or
/// when built in, natively).
pub fn is_available(lang: Lang) -> bool {
    lang == Lang::En
        || WORDS_SECTIONS
            .iter()
            .all(|s| table(section_index(s), lang).is_some() || built_in(section_index(s), lang))
}

fn section_index(name: &str) -> usize {
    match name {
        "viewer" => crate::viewer::SECTION,
        _ => crate::dates::SECTION,
    }
}

fn built_in(section: usize, lang: Lang) -> bool {
    match section {
        s if s == crate::viewer::SECTION => crate::viewer::built_in(lang).is_some(),
        _ => crate::dates::built_in(lang).is_some(),
    }
}

/// Why a words file was left aside (the viewer then keeps to a language it has).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a words file at all.
    NotWords,
    /// English (built in) or not a language of ours.
    NotALanguage,
    /// Made from other keys: another build's.
    OtherBuild,
    /// A section missing, or offsets that do not fit its text.
    Damaged,
}

/// Reads a words file's lines (see the module's documentation).
pub fn parse(file: &str) -> Result<Words, Refused> {
    let mut lines = file.lines();
    if lines.next().map(str::trim) != Some("marginalia-words") {
        return Err(Refused::NotWords);
    }
    let lang = lines.next().unwrap_or_default().trim().to_string();
    let keys = lines.next().unwrap_or_default().trim().to_string();
    let mut sections = Vec::new();
    while let Some(text) = lines.next() {
        let offsets = lines.next().unwrap_or_default();
        sections.push((text.to_string(), offsets.trim().to_string()));
    }
    Ok(Words {
        lang,
        keys,
        sections,
    })
}

/// Reads, checks and keeps a words file: the language it gives.
pub fn load_file(file: &str) -> Result<Lang, Refused> {
    load(&parse(file)?)
}

/// A decimal number below 65,536 (digits only: what a words file's offsets are).
fn number(text: &str) -> Option<u16> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0u16, |n, b| {
        let digit = u16::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
        n.checked_mul(10)?.checked_add(digit)
    })
}

/// Checks a words file and keeps its language's messages; the language it gives.
pub fn load(words: &Words) -> Result<Lang, Refused> {
    let lang = Lang::parse(&words.lang)
        .filter(|l| *l != Lang::En)
        .ok_or(Refused::NotALanguage)?;
    if words.keys != FINGERPRINT {
        return Err(Refused::OtherBuild);
    }
    if words.sections.len() != WORDS_SECTIONS.len() {
        return Err(Refused::Damaged);
    }
    let mut tables = Vec::new();
    for ((text, offsets), name) in words.sections.iter().zip(WORDS_SECTIONS) {
        let section = section_index(name);
        let expected = match section {
            s if s == crate::viewer::SECTION => crate::viewer::KEYS.len(),
            _ => crate::dates::KEYS.len(),
        } * 2
            + 1;
        let offsets: Vec<u16> = offsets
            .split(',')
            .map(number)
            .collect::<Option<_>>()
            .ok_or(Refused::Damaged)?;
        let ordered = offsets.windows(2).all(|w| w[0] <= w[1]);
        let within = offsets
            .last()
            .is_some_and(|l| usize::from(*l) <= text.len());
        let on_chars = offsets
            .iter()
            .all(|o| text.is_char_boundary(usize::from(*o)));
        if offsets.len() != expected || !ordered || !within || !on_chars {
            return Err(Refused::Damaged);
        }
        tables.push((section, text.clone(), offsets));
    }
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        for (section, text, offsets) in tables {
            if !loaded.iter().any(|(l, s, _)| *l == lang && *s == section) {
                let table: &'static Table = Box::leak(Box::new(Table {
                    text: Box::leak(text.into_boxed_str()),
                    offsets: Box::leak(offsets.into_boxed_slice()),
                }));
                loaded.push((lang, section, table));
            }
        }
    });
    Ok(lang)
}

/// A language's words file (see the module's documentation), as the build writes it beside
/// the viewer and inlines it in its pages. `None` for English (always built in). Natively (the
/// build) and in the viewer's tests only (feature `all-words`).
#[cfg(any(not(target_arch = "wasm32"), feature = "all-words"))]
pub fn words_file(lang: Lang) -> Option<&'static str> {
    crate::WORDS
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, file)| *file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viewer::Msg;

    #[test]
    fn a_words_file_round_trips_and_gives_the_same_messages() {
        for lang in [Lang::Ja, Lang::Ko] {
            let file = words_file(lang).unwrap();
            assert!(!file.contains('<'));
            assert_eq!(load_file(file), Ok(lang));
            assert!(is_available(lang));
            let loaded = table(crate::viewer::SECTION, lang).unwrap();
            let built = crate::viewer::built_in(lang).unwrap();
            assert_eq!(loaded.text, built.text);
            assert_eq!(loaded.offsets, built.offsets);
            assert_eq!(
                lang.t(Msg::TabActors),
                built.forms(Msg::TabActors as usize).unwrap().1
            );
        }
        assert_eq!(words_file(Lang::En), None);
        assert_eq!(parse("<html>"), Err(Refused::NotWords));
    }

    #[test]
    fn damaged_or_foreign_words_are_refused() {
        let good = parse(words_file(Lang::Ja).unwrap()).unwrap();
        let mut other_build = good.clone();
        other_build.keys = "0000000000000000".into();
        assert_eq!(load(&other_build), Err(Refused::OtherBuild));
        let mut short = good.clone();
        short.sections[0].1 = "0,1,2".into();
        assert_eq!(load(&short), Err(Refused::Damaged));
        let mut beyond = good.clone();
        beyond.sections[1].0 = "x".into();
        assert_eq!(load(&beyond), Err(Refused::Damaged));
        let mut garbage = good.clone();
        garbage.sections[0].1 = "a,b".into();
        assert!(load(&garbage).is_err());
        assert_eq!(
            (number("65535"), number("65536"), number(""), number("1 ")),
            (Some(65535), None, None, None)
        );
        let mut english = good.clone();
        english.lang = "en".into();
        assert_eq!(load(&english), Err(Refused::NotALanguage));
        let mut missing = good;
        missing.sections.pop();
        assert!(load(&missing).is_err());
    }
}
