//! What the reader can select: one actor, event, quote or relation. (What relates to it:
//! `related`.)

/// One actor, event, quote or relation, by id (a relation's id is
/// [`crate::relation_id`]: `russia.0`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Selection {
    Actor(String),
    Event(String),
    Quote(String),
    Relation(String),
}

impl Selection {
    /// The URL-hash key and the word for its kind: `actor`, `event`, `quote` or
    /// `relation`.
    pub fn kind(&self) -> &'static str {
        match self {
            Selection::Actor(_) => "actor",
            Selection::Event(_) => "event",
            Selection::Quote(_) => "quote",
            Selection::Relation(_) => "relation",
        }
    }

    /// The id, when an actor is selected.
    pub fn actor(&self) -> Option<&str> {
        match self {
            Selection::Actor(id) => Some(id),
            _ => None,
        }
    }

    /// The id, when an event is selected.
    pub fn event(&self) -> Option<&str> {
        match self {
            Selection::Event(id) => Some(id),
            _ => None,
        }
    }

    /// The id, when a quote is selected.
    pub fn quote(&self) -> Option<&str> {
        match self {
            Selection::Quote(id) => Some(id),
            _ => None,
        }
    }

    /// The id, when a relation is selected.
    pub fn relation(&self) -> Option<&str> {
        match self {
            Selection::Relation(id) => Some(id),
            _ => None,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Selection::Actor(id)
            | Selection::Event(id)
            | Selection::Quote(id)
            | Selection::Relation(id) => id,
        }
    }
}
