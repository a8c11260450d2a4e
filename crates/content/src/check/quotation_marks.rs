//! Step 3 of the pipeline (`check/`), for quotes and the text itself: its quotation marks.
//! Every “ is closed by a ” in its paragraph and every ” was opened; straight double quotes
//! ("…") are not used for quotations (the reader would see them, and no quote could be matched
//! to them); and every passage between “ and ” is covered by a quote of `quotes.toml`, unless a
//! quote that is not found verbatim is plainly meant for it (then that quote's error says what
//! differs, and the passage is not reported a second time).

use crate::check::checker::Checker;
use crate::check::verbatim::{strip_links, toml_string};
use crate::locate::passages::{quoted_passages, Place};
use crate::read::annotations::QuoteEntry;
use crate::report::error::ContentError;
use crate::report::hints;
use std::collections::HashMap;
use std::ops::Range;

/// What is wrong with one paragraph's marks, as byte offsets of its plain text.
#[derive(Default)]
struct Found {
    unclosed: Vec<(usize, usize)>,
    stray: Vec<(usize, usize)>,
    /// (paragraph, the words between straight quotes, covered by a quote).
    straight: Vec<(usize, Range<usize>, bool)>,
    unpaired: Vec<(usize, usize)>,
    /// (paragraph, the words between “ and ”) with no quote.
    uncovered: Vec<(usize, Range<usize>)>,
}

/// Checks the text's quotation marks; the quotes found are at `placed`, those not found are
/// `unplaced`. `check_passages` is false when `quotes.toml` did not parse: then every quoted
/// passage would be a false alarm.
pub(crate) fn check(
    c: &mut Checker,
    placed: &[Place],
    unplaced: &[&QuoteEntry],
    check_passages: bool,
) {
    let mut by_paragraph: HashMap<usize, Vec<&Place>> = HashMap::new();
    for p in placed {
        by_paragraph.entry(p.paragraph).or_default().push(p);
    }
    let covered = |paragraph: usize, words: &Range<usize>| {
        by_paragraph.get(&paragraph).is_some_and(|places| {
            places
                .iter()
                .any(|p| p.start <= words.start && p.end >= words.end)
        })
    };
    let mut found = Found::default();
    for (paragraph, text) in c.texts.iter().enumerate() {
        let quoted = quoted_passages(text);
        found
            .unclosed
            .extend(quoted.unclosed.map(|at| (paragraph, at)));
        found
            .stray
            .extend(quoted.stray.iter().map(|&at| (paragraph, at)));
        found
            .unpaired
            .extend(quoted.straight_unpaired.map(|at| (paragraph, at)));
        for words in quoted.straight {
            let is_covered = covered(paragraph, &words);
            found.straight.push((paragraph, words, is_covered));
        }
        if check_passages {
            for words in quoted.passages {
                if !covered(paragraph, &words) {
                    found.uncovered.push((paragraph, words));
                }
            }
        }
    }
    report_marks(c, &found);
    report_uncovered(c, &found.uncovered, unplaced, check_passages);
}

fn error(c: &Checker, paragraph: usize, at: usize, message: String, hint: &str) -> ContentError {
    let offset = c.article_offset(paragraph, at);
    c.src
        .article
        .error_at(offset, message)
        .with_hint(Some(hint.to_string()))
}

fn report_marks(c: &mut Checker, found: &Found) {
    let mut errors = Vec::new();
    for &(p, at) in &found.unclosed {
        let message = "this “ opens a quotation that is not closed in its paragraph".to_string();
        errors.push(error(
            c,
            p,
            at,
            message,
            "close it with ” where the quoted words end",
        ));
    }
    for &(p, at) in &found.stray {
        let message = "this ” closes a quotation that was not opened in its paragraph".to_string();
        let hint =
            "open it with “ where the quoted words begin (or, if it is an apostrophe, type ’)";
        errors.push(error(c, p, at, message, hint));
    }
    for (p, words, is_covered) in &found.straight {
        let text = &c.texts[*p][words.clone()];
        let message = format!("the passage \"{text}\" is in straight quotation marks");
        let hint = if *is_covered {
            "use “ and ” (curly quotes) around a quotation".to_string()
        } else {
            format!(
                "use “ and ” (curly quotes) around a quotation, and add it to quotes.toml: {}",
                quote_skeleton(text)
            )
        };
        let at = words.start - 1;
        errors.push(error(c, *p, at, message, &hint).with_fix(Some(format!("“{text}”"))));
    }
    for &(p, at) in &found.unpaired {
        let message = "this straight \" has no partner in its paragraph".to_string();
        let hint = "use “ to open a quotation and ” to close it (or ″ for inches)";
        errors.push(error(c, p, at, message, hint));
    }
    c.errors.extend(errors);
}

/// Passages between “ and ” that no quote covers; one that an unplaced quote is plainly meant
/// for is that quote's error already.
fn report_uncovered(
    c: &mut Checker,
    uncovered: &[(usize, Range<usize>)],
    unplaced: &[&QuoteEntry],
    check_passages: bool,
) {
    if !check_passages {
        return;
    }
    for (paragraph, words) in uncovered {
        let passage = c.texts[*paragraph][words.clone()].to_string();
        let near = c.costly_hint(|_| Some(quote_like(&passage, unplaced)));
        if near.flatten().is_some() {
            continue;
        }
        let message = format!("the quoted passage “{passage}” has no entry in quotes.toml");
        let hint = format!(
            "add it to {}: {}",
            c.src.quotes.short_name(),
            quote_skeleton(&passage)
        );
        // Where the opening mark is in the source.
        let mark = words.start - '“'.len_utf8();
        let e = error(c, *paragraph, mark, message, &hint);
        c.errors.push(e);
    }
}

/// A quote not found in the text that is plainly a copy of (most of) `passage` with a slip
/// in it.
/// Comparing with each unplaced quote is quadratic: only the first 50 are compared.
fn quote_like<'q>(passage: &str, unplaced: &[&'q QuoteEntry]) -> Option<&'q QuoteEntry> {
    let words = [passage.to_string()];
    unplaced
        .iter()
        .take(50)
        .find(|q| {
            let text = q.text.get_ref();
            let text = strip_links(text).map_or_else(|| text.clone(), |(plain, _)| plain);
            hints::closest_text(&words, &text)
                .and_then(|c| c.corrected)
                .is_some_and(|t| t.len() * 5 >= passage.len() * 4)
        })
        .copied()
}

/// The entry to add for a passage: `[[quote]] id = "…" speaker = "…" text = "…" context = "…"`.
fn quote_skeleton(passage: &str) -> String {
    let id = hints::slug(passage);
    format!(
        "[[quote]] id = \"{}\" speaker = \"…\" text = {} context = \"…\"",
        if id.is_empty() { "…" } else { &id },
        toml_string(passage)
    )
}
