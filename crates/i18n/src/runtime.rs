//! Languages loaded while the program runs: the viewer's wasm is built with English alone, and
//! takes another language's words from a words file (`marginalia-words-<keys>.<tag>.txt`,
//! written by the build beside the viewer and inlined in its pages: see [`words_file`]) when it
//! speaks it. A file made for other keys (another build) or damaged is refused, and the viewer
//! keeps to a language it has.
//!
//! Data flow: the viewer hands a words file's text to [`load_file`], which checks it and keeps
//! its tables for the program's life; each message then looks here first ([`table`]), then at
//! what was built in, then at English.
//!
//! A words file is lines: `marginalia-words`, the language's tag, the keys' fingerprint
//! ([`FINGERPRINT`]), then for each of [`WORDS_SECTIONS`] its text and its offsets (decimal,
//! joined by commas). No message has a line break or a `<` (the build refuses one), so a file
//! sits as it is inside a page's `<script type="text/plain">`.

use crate::{Lang, Table, FINGERPRINT, WORDS_SECTIONS};
use std::cell::RefCell;

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

/// Reads, checks and keeps a words file (see the module's documentation): the language it
/// gives.
pub fn load_file(file: &str) -> Result<Lang, Refused> {
    let mut lines = file.split('\n');
    if lines.next() != Some("marginalia-words") {
        return Err(Refused::NotWords);
    }
    let lang = lines
        .next()
        .and_then(Lang::parse)
        .filter(|l| *l != Lang::En)
        .ok_or(Refused::NotALanguage)?;
    if lines.next() != Some(FINGERPRINT) {
        return Err(Refused::OtherBuild);
    }
    let mut tables = Vec::new();
    for name in WORDS_SECTIONS {
        let (Some(text), Some(offsets)) = (lines.next(), lines.next()) else {
            return Err(Refused::Damaged);
        };
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
        tables.push((section, text, offsets));
    }
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        for (section, text, offsets) in tables {
            if !loaded.iter().any(|(l, s, _)| *l == lang && *s == section) {
                let table: &'static Table = Box::leak(Box::new(Table {
                    text: Box::leak(text.into()),
                    offsets: Box::leak(offsets.into_boxed_slice()),
                }));
                loaded.push((lang, section, table));
            }
        }
    });
    Ok(lang)
}

/// A decimal number below 65,536 (digits only: what a words file's offsets are).
fn number(text: &str) -> Option<u16> {
    digits(text).and_then(|n| u16::try_from(n).ok())
}

/// A number written in decimal digits only (no sign, no space), if it fits in 32 bits: what the
/// build writes in the files and attributes the viewer reads (cheaper in the wasm than `parse`).
pub fn digits(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0u32, |n, b| {
        let digit = u32::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
        n.checked_mul(10)?.checked_add(digit)
    })
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

    /// A words file with line `n` (from 0) replaced.
    fn with_line(lang: Lang, n: usize, line: &str) -> String {
        let mut lines: Vec<&str> = words_file(lang).unwrap().split('\n').collect();
        lines[n] = line;
        lines.join("\n")
    }

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
    }

    #[test]
    fn damaged_or_foreign_words_are_refused() {
        use Refused::*;
        assert_eq!(load_file("<html>"), Err(NotWords));
        assert_eq!(load_file(&with_line(Lang::Ja, 1, "en")), Err(NotALanguage));
        assert_eq!(load_file(&with_line(Lang::Ja, 1, "fr")), Err(NotALanguage));
        assert_eq!(
            load_file(&with_line(Lang::Ja, 2, "0000000000000000")),
            Err(OtherBuild)
        );
        assert_eq!(load_file(&with_line(Lang::Ja, 4, "0,1,2")), Err(Damaged));
        assert_eq!(load_file(&with_line(Lang::Ja, 4, "a,b")), Err(Damaged));
        assert_eq!(load_file(&with_line(Lang::Ja, 5, "x")), Err(Damaged));
        let cut: Vec<&str> = words_file(Lang::Ja).unwrap().split('\n').take(5).collect();
        assert_eq!(load_file(&cut.join("\n")), Err(Damaged));
        assert_eq!(
            (number("65535"), number("65536"), number(""), number("1 ")),
            (Some(65535), None, None, None)
        );
    }
}
