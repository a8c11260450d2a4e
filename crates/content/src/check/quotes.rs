//! Step 3 of the pipeline (`check/`): `quotes.toml` to the model's [`Quote`]s, in the order
//! they appear in the text. Checks each quote's speaker and event, finds its words verbatim
//! (those become the quote marks of the tree; [`crate::check::verbatim`] reports those not
//! found), and has the text's own quotation marks checked ([`crate::check::quotation_marks`]).

use crate::check::checker::Checker;
use crate::check::quotation_marks;
use crate::check::verbatim::{self, Field};
use crate::locate::passages::{locate_quotes, Place};
use crate::mark::marks::{Mark, MarkKind};
use crate::read::annotations::{QuoteEntry, Text};
use marginalia_model::Quote;

/// The quotes found in the text, in reading order, and their marks. `check_passages` is false
/// when `quotes.toml` did not parse: then every quoted passage would be a false alarm. In a
/// preview of drafts (`drafts`), a suggested quote whose speaker the drafter could not find
/// (`speaker = ""`) is shown without one.
pub(crate) fn build<'q>(
    c: &mut Checker,
    entries: &'q [QuoteEntry],
    check_passages: bool,
    drafts: crate::read::Drafts,
) -> (Vec<Quote>, Vec<Mark<'q>>) {
    let words: Vec<&str> = entries.iter().map(|q| q.text.get_ref().as_str()).collect();
    let found = locate_quotes(&c.texts, &words);
    let mut placed: Vec<(Place, &QuoteEntry)> = Vec::new();
    let mut unplaced: Vec<&QuoteEntry> = Vec::new();
    for (q, found) in entries.iter().zip(found) {
        check_speakers(c, q, drafts);
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
    // A title accounts for its quotation marks, and is no quote.
    placed.retain(|(_, q)| !is_title(q));
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

/// Whether the entry is a name between quotation marks (`kind = "title"`), not a quote.
fn is_title(q: &QuoteEntry) -> bool {
    q.kind.as_ref().is_some_and(|k| k.get_ref() == "title")
}

/// The entry's speaker ids: `speaker`'s one or `speakers`' list.
fn speaker_ids(q: &QuoteEntry) -> Vec<&Text> {
    match (&q.speaker, &q.speakers) {
        (Some(one), _) => vec![one],
        (None, Some(several)) => several.iter().collect(),
        (None, None) => Vec::new(),
    }
}

/// Checks who said the quote: exactly one of `speaker` and `speakers`, each an actor, no
/// actor twice; none for a title. In a preview of drafts, a suggestion whose speaker the
/// drafter could not find (`speaker = ""`) is let through, shown without one.
fn check_speakers(c: &mut Checker, q: &QuoteEntry, drafts: crate::read::Drafts) {
    let src = c.src;
    let file = &src.quotes;
    let id = q.id.get_ref();
    if let Some(kind) = &q.kind {
        if kind.get_ref() != "title" {
            let message = format!(
                "quote `{id}`: kind `{}` is not known; the one kind is \"title\" (a name between quotation marks, which nobody said)",
                kind.get_ref()
            );
            c.err(file, kind, message);
        } else if let Some(at) = q.speaker.as_ref().or(q.speakers.iter().flatten().next()) {
            let message = format!(
                "quote `{id}` is a title (a name nobody said), so it has no speaker: remove the speaker, or the kind"
            );
            c.err(file, at, message);
        }
        return;
    }
    if q.speaker.is_some() && q.speakers.is_some() {
        let message = format!(
            "quote `{id}` gives both `speaker` and `speakers`: keep one (`speakers` lists several actors who said the words together)"
        );
        c.err(file, &q.id, message);
        return;
    }
    let ids = speaker_ids(q);
    let drafted_without_one = drafts == crate::read::Drafts::Preview
        && q.status.is_some()
        && ids.iter().all(|s| s.get_ref().is_empty());
    if drafted_without_one {
        return;
    }
    if ids.is_empty() {
        let message = format!(
            "quote `{id}` has no speaker: give `speaker = \"<actor id>\"`, `speakers = [\"<id>\", \"<id>\"]` for words said together, or `kind = \"title\"` for a name nobody said"
        );
        c.err(file, &q.id, message);
    }
    for (n, speaker) in ids.iter().enumerate() {
        if ids[..n].iter().any(|s| s.get_ref() == speaker.get_ref()) {
            let message = format!(
                "quote `{id}`: speaker `{}` is listed twice",
                speaker.get_ref()
            );
            c.err(file, speaker, message);
            continue;
        }
        c.actor_ref(file, speaker, "speaker");
    }
}

fn model_quote(q: &QuoteEntry) -> Quote {
    Quote {
        id: q.id.get_ref().clone(),
        speakers: speaker_ids(q)
            .into_iter()
            .map(|s| s.get_ref().clone())
            .filter(|s| !s.is_empty())
            .collect(),
        text: q.text.get_ref().clone(),
        event: q.event.as_ref().map(|e| e.get_ref().clone()),
        context: q.context.clone(),
    }
}
