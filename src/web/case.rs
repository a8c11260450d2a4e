//! Letters lower-cased by the browser (`String.prototype.toLowerCase`), for find-in-article
//! (`crate::model::search::find_matches_by`): the viewer's wasm then carries no Unicode case
//! table of its own (std's `char::to_lowercase` brought 7.9 KB gzip into it, issue #27).
//!
//! Data flow: the search folds each character of the query and of the text; ASCII is
//! lower-cased here, any other character is asked of the browser once and remembered, so a
//! search costs one call into JavaScript per distinct letter of the article, not per letter.
//! The browser and std follow the same Unicode default case mapping: `tests/browser.rs`
//! compares them over every character that has a case.

use crate::model::search::one_to_one;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Every non-ASCII character lower-cased so far, and what it became.
    static LOWERED: RefCell<HashMap<char, char>> = RefCell::new(HashMap::new());
}

/// `c` lower-cased as the browser does, when that gives one character; otherwise `c` (as
/// `crate::model::search::unicode_lower` does with std's tables).
pub fn browser_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    LOWERED.with(|lowered| {
        *lowered.borrow_mut().entry(c).or_insert_with(|| {
            let lower = String::from(js_sys::JsString::from(c).to_lower_case());
            one_to_one(c, lower.chars())
        })
    })
}
