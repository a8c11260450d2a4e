//! Step 4g of the pipeline: `quotes.toml` to the model's [`Quote`]s, in the order they appear
//! in the text. Checks each quote's speaker and event, finds its words verbatim (those become
//! the quote marks of the tree), and checks the text's own quotation marks: every “ is closed
//! in its paragraph, and every passage between “ and ” has a quote.

use crate::annotations::QuoteEntry;
use crate::checker::Checker;
use crate::error::SourceFile;
use crate::hints;
use crate::marks::{Mark, MarkKind};
use crate::passages::{locate_quotes, quoted_passages, Place};
use marginalia_model::Quote;
use std::collections::HashMap;

/// The quotes found in the text, in reading order, and their marks. `check_passages` is false
/// when `quotes.toml` did not parse: then every quoted passage would be a false alarm.
pub(crate) fn build<'q>(
    c: &mut Checker,
    entries: &'q [QuoteEntry],
    check_passages: bool,
) -> (Vec<Quote>, Vec<Mark<'q>>) {
    let words: Vec<&str> = entries.iter().map(|q| q.text.get_ref().as_str()).collect();
    let found = locate_quotes(&c.texts, &words);
    let mut placed: Vec<(Place, &QuoteEntry)> = Vec::new();
    let mut unplaced: Vec<&QuoteEntry> = Vec::new();
    for (q, found) in entries.iter().zip(found) {
        c.actor_ref(&c.src.quotes, &q.speaker, "speaker");
        if let Some(event) = &q.event {
            c.event_ref(&c.src.quotes, event);
        }
        match found {
            Some(place) => placed.push((place, q)),
            None => {
                unplaced.push(q);
                let hint = c.closest_text_hint(q.text.get_ref());
                let message = format!(
                    "quote `{}`: text not found verbatim in article.md",
                    q.id.get_ref()
                );
                c.err_hint(&c.src.quotes, &q.text, message, hint);
            }
        }
    }
    placed.sort_by_key(|(p, _)| *p);
    let places: Vec<Place> = placed.iter().map(|(p, _)| *p).collect();
    check_quotation_marks(c, &places, &unplaced, check_passages);
    let quotes = placed.iter().map(|(_, q)| model_quote(q)).collect();
    let marks = placed
        .into_iter()
        .map(|(place, q)| Mark {
            place,
            kind: MarkKind::Quote(q.id.get_ref().clone()),
            at: &q.text,
        })
        .collect();
    (quotes, marks)
}

fn model_quote(q: &QuoteEntry) -> Quote {
    Quote {
        id: q.id.get_ref().clone(),
        speaker: q.speaker.get_ref().clone(),
        text: q.text.get_ref().clone(),
        event: q.event.as_ref().map(|e| e.get_ref().clone()),
        context: q.context.clone(),
    }
}

/// Every “ of the text must be closed in its paragraph; when `check_passages`, every
/// passage between “ and ” must lie within a quote found at `placed`.
fn check_quotation_marks(
    c: &mut Checker,
    placed: &[Place],
    unplaced: &[&QuoteEntry],
    check_passages: bool,
) {
    let mut by_paragraph: HashMap<usize, Vec<&Place>> = HashMap::new();
    for p in placed {
        by_paragraph.entry(p.paragraph).or_default().push(p);
    }
    let mut unclosed = Vec::new();
    let mut uncovered = Vec::new();
    for (paragraph, text) in c.texts.iter().enumerate() {
        let quoted = quoted_passages(text);
        if let Some(open) = quoted.unclosed {
            unclosed.push(c.article_offset(paragraph, &text[open..]));
        }
        if !check_passages {
            continue;
        }
        let here = by_paragraph.get(&paragraph);
        for words in quoted.passages {
            let covered = here.is_some_and(|places| {
                places
                    .iter()
                    .any(|p| p.start <= words.start && p.end >= words.end)
            });
            if !covered {
                // Where the opening mark is in the source.
                let mark = words.start - '“'.len_utf8();
                let offset = c.article_offset(paragraph, &text[mark..]);
                uncovered.push((offset, text[words].to_string()));
            }
        }
    }
    for offset in unclosed {
        let error = c
            .src
            .article
            .error_at(
                offset,
                "this “ opens a quotation that is not closed in its paragraph",
            )
            .with_hint(Some("close it with ” where the quoted words end".into()));
        c.errors.push(error);
    }
    for (offset, passage) in uncovered {
        let near = c.costly_hint(|_| quote_like(&passage, unplaced));
        let hint = uncovered_passage_hint(&c.src.quotes, &passage, near);
        let message = format!("the quoted passage “{passage}” has no entry in quotes.toml");
        let error = c
            .src
            .article
            .error_at(offset, message)
            .with_hint(Some(hint));
        c.errors.push(error);
    }
}

/// A quote not found in the text whose words are close to `passage` (probably a typo there).
/// Comparing with each unplaced quote is quadratic: only the first 50 are compared.
fn quote_like<'q>(passage: &str, unplaced: &[&'q QuoteEntry]) -> Option<&'q QuoteEntry> {
    let words = [passage.to_string()];
    unplaced
        .iter()
        .take(50)
        .find(|q| hints::closest_text(&words, q.text.get_ref()).is_some())
        .copied()
}

/// For a passage in quotation marks with no quote: the quote entry `near` it, or the entry to
/// add.
fn uncovered_passage_hint(quotes: &SourceFile, passage: &str, near: Option<&QuoteEntry>) -> String {
    match near {
        Some(q) => {
            let (line, column) = quotes.line_column(q.text.span().start);
            format!(
                "quote `{}` at {}:{line}:{column} looks like this passage; make its text match it exactly",
                q.id.get_ref(),
                quotes.short_name()
            )
        }
        None => {
            let id = hints::slug(passage);
            let escaped = passage.replace('\\', "\\\\").replace('"', "\\\"");
            format!(
                "add it to {}: [[quote]] id = \"{}\" speaker = \"…\" text = \"{escaped}\" context = \"…\"",
                quotes.short_name(),
                if id.is_empty() { "…".to_string() } else { id }
            )
        }
    }
}
