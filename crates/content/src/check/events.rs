//! Step 3 of the pipeline (`check/`): `events.toml` to the model's [`Event`]s, in date order.
//! Checks each event's date, actors and provenance ([`crate::check::provenance`]), and finds
//! each of its sentences verbatim in one paragraph: those become the sentence marks of the
//! tree. A `stated` date must be given by its sentences or the page's date line
//! ([`crate::check::stated`]).

use crate::check::checker::Checker;
use crate::check::provenance;
use crate::check::stated::{self, Reference};
use crate::check::verbatim::{self, Field};
use crate::locate::passages::locate_many;
use crate::mark::marks::SentenceMarks;
use crate::read::annotations::EventEntry;
use marginalia_model::{Event, Provenance};

/// The events in date order; their sentences go into `marks` (a sentence that several events
/// cite is one mark naming them all).
/// `reference` holds the report's and the page's dates, when `meta.toml` gives them.
pub(crate) fn build<'e>(
    c: &mut Checker,
    entries: &'e [EventEntry],
    reference: Option<&Reference>,
    marks: &mut SentenceMarks<'e>,
) -> Vec<Event> {
    let sentences: Vec<&str> = entries
        .iter()
        .flat_map(|e| e.sentences.iter().map(|s| s.get_ref().as_str()))
        .collect();
    let mut places = locate_many(&c.texts, &sentences).into_iter();
    let mut events = Vec::new();
    for e in entries {
        let id = e.id.get_ref();
        let date = c.date(&c.src.events, &e.date);
        for a in &e.actors {
            c.actor_ref(&c.src.events, a, "event actor");
        }
        let provenance = provenance::check(c, e, date);
        let mut all_found = true;
        for s in &e.sentences {
            match places.next().flatten() {
                Some(place) => marks.add_event(place, id, s),
                None => {
                    all_found = false;
                    let message = format!(
                        "event `{id}`: sentence not found verbatim in one paragraph of article.md"
                    );
                    let src = c.src;
                    verbatim::not_found(c, &src.events, s, message, Field::Item);
                }
            }
        }
        if let (Some(Provenance::Stated), Some(date), Some(reference), true) =
            (&provenance, date, reference, all_found)
        {
            stated::check(c, e, date, reference);
        }
        if let (Some(date), Some(provenance)) = (date, provenance) {
            events.push(Event {
                id: id.clone(),
                date,
                title: e.title.clone(),
                description: e.description.clone(),
                actors: e.actors.iter().map(|a| a.get_ref().clone()).collect(),
                sentences: e.sentences.iter().map(|s| s.get_ref().clone()).collect(),
                provenance,
                note: e.note.clone(),
            });
        }
    }
    events.sort_by_key(|e| e.date.sort_key());
    events
}
