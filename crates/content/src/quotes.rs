//! Step 4g of the pipeline: `quotes.toml` to the model's [`Quote`]s, in the order they appear
//! in the text. Checks each quote's speaker and event, finds its words verbatim (those become
//! the quote marks of the tree; [`crate::verbatim`] reports those not found), and has the
//! text's own quotation marks checked ([`crate::quotation_marks`]).

use crate::annotations::QuoteEntry;
use crate::checker::Checker;
use crate::marks::{Mark, MarkKind};
use crate::passages::{locate_quotes, Place};
use crate::quotation_marks;
use crate::verbatim::{self, Field};
use marginalia_model::Quote;

/// The quotes found in the text, in reading order, and their marks. `check_passages` is false
/// when `quotes.toml` did not parse: then every quoted passage would be a false alarm. In a
/// preview of drafts (`drafts`), a suggested quote whose speaker the drafter could not find
/// (`speaker = ""`) is shown without one.
pub(crate) fn build<'q>(
    c: &mut Checker,
    entries: &'q [QuoteEntry],
    check_passages: bool,
    drafts: crate::Drafts,
) -> (Vec<Quote>, Vec<Mark<'q>>) {
    let words: Vec<&str> = entries.iter().map(|q| q.text.get_ref().as_str()).collect();
    let found = locate_quotes(&c.texts, &words);
    let mut placed: Vec<(Place, &QuoteEntry)> = Vec::new();
    let mut unplaced: Vec<&QuoteEntry> = Vec::new();
    for (q, found) in entries.iter().zip(found) {
        let speaker_left_to_the_writer = drafts == crate::Drafts::Preview
            && q.status.is_some()
            && q.speaker.get_ref().is_empty();
        if !speaker_left_to_the_writer {
            c.actor_ref(&c.src.quotes, &q.speaker, "speaker");
        }
        if let Some(event) = &q.event {
            c.event_ref(&c.src.quotes, event);
        }
        match found {
            Some(place) => placed.push((place, q)),
            None => {
                unplaced.push(q);
                let message = format!(
                    "quote `{}`: text not found verbatim in article.md",
                    q.id.get_ref()
                );
                let src = c.src;
                verbatim::not_found(c, &src.quotes, &q.text, message, Field::Key("text"));
            }
        }
    }
    placed.sort_by_key(|(p, _)| *p);
    let places: Vec<Place> = placed.iter().map(|(p, _)| *p).collect();
    quotation_marks::check(c, &places, &unplaced, check_passages);
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
