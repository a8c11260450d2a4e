//! Step 5 of the pipeline: marking the tree. Event sentences (the longest first, so that a
//! longer sentence encloses a shorter one) and then quotes are wrapped in
//! [`Inline::Sentence`] and [`Inline::Quote`] nodes at the [`Place`]s where they were found
//! ([`crate::wrap`] does the cutting). A mark that would cut a mention, a link or another
//! mark in two is an error at the entry that asked for it.

use crate::annotations::Text;
use crate::checker::Checker;
use crate::passages::{for_each_paragraph, Place};
use crate::wrap;
use marginalia_model::{Block, Inline};
use std::collections::HashMap;

/// A stretch of the text to mark, and the entry (in events.toml or quotes.toml) it comes from.
pub(crate) struct Mark<'a> {
    pub place: Place,
    pub kind: MarkKind,
    /// Where the entry's text is written, for errors.
    pub at: &'a Text,
}

pub(crate) enum MarkKind {
    /// A sentence of one or more events (ids in the order they are defined).
    Sentence(Vec<String>),
    /// The words of a quote (its id).
    Quote(String),
}

impl Mark<'_> {
    /// The node that wraps `content`.
    fn node(&self, content: Vec<Inline>) -> Inline {
        match &self.kind {
            MarkKind::Sentence(events) => Inline::Sentence {
                events: events.clone(),
                content,
            },
            MarkKind::Quote(quote) => Inline::Quote {
                quote: quote.clone(),
                content,
            },
        }
    }

    /// "quote `x`" or "sentence of event `y`".
    fn describe(&self) -> String {
        match &self.kind {
            MarkKind::Sentence(events) => format!("sentence of event `{}`", events[0]),
            MarkKind::Quote(quote) => format!("quote `{quote}`"),
        }
    }
}

/// Wraps each mark in the tree, in the order given; marks that cannot be made are errors.
pub(crate) fn apply(c: &mut Checker, blocks: &mut [Block], marks: &[Mark]) {
    let mut by_paragraph: HashMap<usize, Vec<&Mark>> = HashMap::new();
    for m in marks {
        by_paragraph.entry(m.place.paragraph).or_default().push(m);
    }
    let src = c.src;
    for_each_paragraph(blocks, &mut |i, inlines| {
        for mark in by_paragraph.get(&i).into_iter().flatten() {
            let (start, end) = (mark.place.start, mark.place.end);
            if let Err(why) = wrap::wrap_range(inlines, start, end, &|content| mark.node(content)) {
                let file = match mark.kind {
                    MarkKind::Sentence(_) => &src.events,
                    MarkKind::Quote(_) => &src.quotes,
                };
                let message = format!("{} cannot be marked in the text: {why}", mark.describe());
                c.errors.push(file.error_at(mark.at.span().start, message));
            }
        }
    });
}
