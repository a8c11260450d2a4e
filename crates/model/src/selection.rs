//! What the reader can select: one actor, event or quote. (What relates to it: `related`.)

/// One actor, event or quote, by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Selection {
    Actor(String),
    Event(String),
    Quote(String),
}

impl Selection {
    /// The URL-hash key and the word for its kind: `actor`, `event` or `quote`.
    pub fn kind(&self) -> &'static str {
        match self {
            Selection::Actor(_) => "actor",
            Selection::Event(_) => "event",
            Selection::Quote(_) => "quote",
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Selection::Actor(id) | Selection::Event(id) | Selection::Quote(id) => id,
        }
    }
}
