//! Step 4 of the pipeline (`mark/`): marking the tree. Sentences (events' sentences and
//! relations' evidence, gathered in [`SentenceMarks`]; the longest first, so that a longer
//! sentence encloses a shorter one) and then quotes are wrapped in [`Inline::Sentence`] and
//! [`Inline::Quote`] nodes at the [`Place`]s where they were found ([`crate::mark::wrap`] does
//! the cutting). A mark that would cut a mention, a link or another mark in two is an error at
//! the entry that asked for it.

use crate::locate::passages::{for_each_paragraph, Place};
use crate::mark::wrap;
use crate::read::annotations::Text;
use crate::read::Sources;
use crate::report::error::{ContentError, SourceFile};
use marginalia_model::{Block, Inline};
use std::collections::HashMap;

/// A stretch of the text to mark, and the entry (in events.toml, actors.toml or quotes.toml)
/// it comes from.
pub(crate) struct Mark<'a> {
    pub place: Place,
    pub kind: MarkKind,
    /// Where the entry's text is written, for errors.
    pub at: &'a Text,
}

pub(crate) enum MarkKind {
    /// A sentence of one or more events and relations (ids in the order they are defined);
    /// at least one of the two is given.
    Sentence {
        events: Vec<String>,
        relations: Vec<String>,
    },
    /// The words of a quote (its id).
    Quote(String),
}

/// The sentences found so far: each place once, with every event that cites it and every
/// relation it is the evidence of.
#[derive(Default)]
pub(crate) struct SentenceMarks<'e> {
    found: Vec<Mark<'e>>,
    index: HashMap<Place, usize>,
}

impl<'e> SentenceMarks<'e> {
    /// Event `id` cites the sentence at `place` (written at `at` in events.toml).
    pub(crate) fn add_event(&mut self, place: Place, id: &str, at: &'e Text) {
        if let MarkKind::Sentence { events, .. } = &mut self.at(place, at).kind {
            events.push(id.to_string());
        }
    }

    /// The sentence at `place` is the evidence of relation `id` (written at `at` in
    /// actors.toml).
    pub(crate) fn add_relation(&mut self, place: Place, id: String, at: &'e Text) {
        if let MarkKind::Sentence { relations, .. } = &mut self.at(place, at).kind {
            relations.push(id);
        }
    }

    fn at(&mut self, place: Place, at: &'e Text) -> &mut Mark<'e> {
        let i = *self.index.entry(place).or_insert_with(|| {
            self.found.push(Mark {
                place,
                kind: MarkKind::Sentence {
                    events: Vec::new(),
                    relations: Vec::new(),
                },
                at,
            });
            self.found.len() - 1
        });
        &mut self.found[i]
    }

    /// The marks, the longest sentence first (so that it encloses shorter ones).
    pub(crate) fn into_marks(mut self) -> Vec<Mark<'e>> {
        self.found
            .sort_by_key(|m| std::cmp::Reverse(m.place.end - m.place.start));
        self.found
    }
}

impl Mark<'_> {
    /// The node that wraps `content`.
    fn node(&self, content: Vec<Inline>) -> Inline {
        match &self.kind {
            MarkKind::Sentence { events, relations } => Inline::Sentence {
                events: events.clone(),
                relations: relations.clone(),
                content,
            },
            MarkKind::Quote(quote) => Inline::Quote {
                quote: quote.clone(),
                content,
            },
        }
    }

    /// "quote `x`", "sentence of event `y`" or "evidence of relation `z.0`".
    fn describe(&self) -> String {
        match &self.kind {
            MarkKind::Sentence { events, .. } if !events.is_empty() => {
                format!("sentence of event `{}`", events[0])
            }
            MarkKind::Sentence { relations, .. } => {
                format!("evidence of relation `{}`", relations.join("`, `"))
            }
            MarkKind::Quote(quote) => format!("quote `{quote}`"),
        }
    }

    /// The file its entry is written in.
    fn file<'s>(&self, src: &'s Sources) -> &'s SourceFile {
        match &self.kind {
            MarkKind::Sentence { events, .. } if !events.is_empty() => &src.events,
            MarkKind::Sentence { .. } => &src.actors,
            MarkKind::Quote(_) => &src.quotes,
        }
    }
}

/// Wraps each mark in the tree, in the order given; marks that cannot be made are errors.
pub(crate) fn apply(
    src: &Sources,
    errors: &mut Vec<ContentError>,
    blocks: &mut [Block],
    marks: &[Mark],
) {
    let mut by_paragraph: HashMap<usize, Vec<&Mark>> = HashMap::new();
    for m in marks {
        by_paragraph.entry(m.place.paragraph).or_default().push(m);
    }
    for_each_paragraph(blocks, &mut |i, inlines| {
        for mark in by_paragraph.get(&i).into_iter().flatten() {
            let (start, end) = (mark.place.start, mark.place.end);
            if let Err(why) = wrap::wrap_range(inlines, start, end, &|content| mark.node(content)) {
                let file = mark.file(src);
                let message = format!("{} cannot be marked in the text: {why}", mark.describe());
                errors.push(file.error_at(mark.at.span().start, message));
            }
        }
    });
}
