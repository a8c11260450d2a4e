//! The browser's `Intl` and the catalogue's tables write every date alike, in every language:
//! the build writes a page's dates with the tables and the viewer, once running, with `Intl`,
//! so a difference would change the page's words as it comes to life (`src/dates.rs`).
//! Runs in Chromium (`make test-browser`); the engines' Japanese journey checks Firefox and
//! WebKit on the seed's own dates.

#![cfg(target_arch = "wasm32")]

use marginalia::i18n::LANGS;
use marginalia::model::date::DateSpan;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Days, months, years and spans of each kind: within a month, across months and years, at
/// month and year precision, and the first and last days of a year.
const DATES: &[&str] = &[
    "1961-07-06",
    "2023-09",
    "1961",
    "2024-06-19",
    "2024-06-19/2024-06-20",
    "2024-06-30/2024-07-01",
    "2023-12-31/2024-01-01",
    "2023-09/2023-11",
    "1950/1953",
    "2024-01-01",
    "2024-12-31",
    "2000-02-29",
];

#[wasm_bindgen_test]
fn intl_writes_what_the_tables_write_in_every_language() {
    // The wasm has English built in; the other languages' words come from their files.
    for lang in LANGS.into_iter().skip(1) {
        let file = marginalia::i18n::runtime::words_file(lang).unwrap();
        assert_eq!(marginalia::i18n::runtime::load_file(file), Ok(lang));
    }
    let mut differences = Vec::new();
    for lang in LANGS {
        for text in DATES {
            let date = DateSpan::parse(text).unwrap();
            let live = marginalia::dates::written(lang, &date);
            let built = date.written(lang);
            if live != built {
                differences.push(format!(
                    "{} {text}: Intl {live:?}, tables {built:?}",
                    lang.tag()
                ));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
