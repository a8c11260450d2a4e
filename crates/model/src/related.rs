//! What relates to a selection: the actors, events and quotes the viewer highlights when the
//! reader selects one actor, event or quote.
//!
//! The rules, one hop through the annotations and nothing more:
//!
//! - an **actor**: the events it takes part in, the quotes it speaks, the actors it has a
//!   relation to or that have a relation to it, and its affiliation;
//! - an **event**: its actors and the quotes said at it;
//! - a **quote**: its speaker and the event it was said at;
//! - a **relation**: its two actors.
//!
//! The selected thing is never in its own set, and an id the article does not have relates
//! to nothing. Pure data: no yew, no web-sys.

use super::article::Article;
use super::selection::Selection;
use std::collections::BTreeSet;

/// The ids related to a selection, by kind (sorted, without duplicates).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Related {
    pub actors: BTreeSet<String>,
    pub events: BTreeSet<String>,
    pub quotes: BTreeSet<String>,
}

impl Related {
    /// Whether nothing relates.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.events.is_empty() && self.quotes.is_empty()
    }
}

/// What relates to `selection` in `article` (see the module documentation for the rules).
pub fn related(article: &Article, selection: &Selection) -> Related {
    let mut out = Related::default();
    match selection {
        Selection::Actor(id) => {
            let Some(actor) = article.actor(id) else {
                return out;
            };
            out.events = article
                .events
                .iter()
                .filter(|e| e.actors.iter().any(|a| a == id))
                .map(|e| e.id.clone())
                .collect();
            out.quotes = article
                .quotes
                .iter()
                .filter(|q| q.speakers.contains(id))
                .map(|q| q.id.clone())
                .collect();
            // Relations in both directions, and the affiliation.
            out.actors
                .extend(actor.relations.iter().map(|r| r.target.clone()));
            out.actors.extend(
                article
                    .actors
                    .iter()
                    .filter(|other| other.relations.iter().any(|r| &r.target == id))
                    .map(|other| other.id.clone()),
            );
            out.actors.extend(actor.affiliation.iter().cloned());
            out.actors.remove(id);
        }
        Selection::Event(id) => {
            let Some(event) = article.event(id) else {
                return out;
            };
            out.actors = event.actors.iter().cloned().collect();
            out.quotes = article
                .quotes
                .iter()
                .filter(|q| q.event.as_ref() == Some(id))
                .map(|q| q.id.clone())
                .collect();
        }
        Selection::Quote(id) => {
            let Some(quote) = article.quote(id) else {
                return out;
            };
            out.actors.extend(quote.speakers.iter().cloned());
            out.events.extend(quote.event.iter().cloned());
        }
        Selection::Relation(id) => {
            let Some((actor, relation)) = article.relation(id) else {
                return out;
            };
            out.actors.insert(actor.id.clone());
            out.actors.insert(relation.target.clone());
        }
    }
    out
}
