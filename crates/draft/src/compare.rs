//! How good a draft is: the drafter's findings on a hand-annotated article's text (its marks
//! taken out) against the hand annotations, as precision and recall for each kind. `marginalia
//! draft --compare` prints them; the tests hold them to the floors.
//!
//! - Actors, by kind: a found actor is the annotated one when a name or alias of one is a name
//!   or alias of the other (letter case aside).
//! - Quotes: found with the exact words; speakers: right for a quote found exactly when the
//!   found speakers include the annotated speaker (through the actor matching).
//! - Dates: every event date the text gives (`stated`, `inferred`, or the part a `record` date
//!   the article gives), found with the same value to that precision.
//! - Relations: a found relation is an annotated one with the same kind between the same two
//!   actors (through the actor matching; either way round for the two that go both ways, ally
//!   and partner).
//! - Marks: a hand mark is found when a mention of the same actor overlaps it ("the Korean
//!   Central News Agency" marked by hand, "Korean Central News Agency" found).

use crate::write::Found;
use crate::Span;
use marginalia_model::{Article, Provenance};
use std::fmt::Write;

/// Found and expected counts for one kind: recall = `found_right / expected`, precision =
/// `found_right_of_found / found`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub expected: usize,
    pub recalled: usize,
    pub found: usize,
    pub correct: usize,
}

impl Score {
    pub fn recall(&self) -> f64 {
        ratio(self.recalled, self.expected)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The comparison, kind by kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub people: Score,
    pub states: Score,
    pub organisations: Score,
    pub media: Score,
    pub quotes: Score,
    /// `expected`: quotes found exactly; `recalled`: of those, the speaker right.
    pub speakers: Score,
    pub dates: Score,
    pub relations: Score,
    pub marks: Score,
}

/// Compares `found` (on the annotated article's text without marks, `text`) with the
/// annotated `article` and its `marks` (spans of `text`, with actor ids).
pub fn compare(found: &Found, article: &Article, marks: &[(Span, String)]) -> Comparison {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let names_of_found = |f: &crate::FoundActor| {
        std::iter::once(f.name.clone())
            .chain(f.aliases.iter().cloned())
            .collect::<Vec<_>>()
    };
    // Which annotated actor each found actor is, if any.
    let matched: Vec<Option<&str>> = found
        .actors
        .iter()
        .map(|f| {
            let names = names_of_found(f);
            article
                .actors
                .iter()
                .find(|a| {
                    std::iter::once(&a.name)
                        .chain(&a.aliases)
                        .any(|n| names.iter().any(|m| same(n, m)))
                })
                .map(|a| a.id.as_str())
        })
        .collect();
    let annotated_of = |found_id: &str| {
        found
            .actors
            .iter()
            .position(|f| f.id == found_id)
            .and_then(|i| matched[i])
    };
    let mut c = Comparison::default();
    for kind in marginalia_model::ActorKind::ALL {
        let score = match kind {
            marginalia_model::ActorKind::Person => &mut c.people,
            marginalia_model::ActorKind::State => &mut c.states,
            marginalia_model::ActorKind::Organisation => &mut c.organisations,
            marginalia_model::ActorKind::Media => &mut c.media,
        };
        let expected: Vec<&str> = article
            .actors
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.id.as_str())
            .collect();
        score.expected = expected.len();
        score.recalled = expected
            .iter()
            .filter(|id| matched.contains(&Some(**id)))
            .count();
        let of_kind: Vec<usize> = (0..found.actors.len())
            .filter(|&i| found.actors[i].kind == kind)
            .collect();
        score.found = of_kind.len();
        score.correct = of_kind.iter().filter(|&&i| matched[i].is_some()).count();
    }

    // Quotes and speakers.
    c.quotes.expected = article.quotes.len();
    // A title between quotation marks is not a quote (`kind = "title"`).
    let spoken: Vec<&crate::FoundQuote> = found.quotes.iter().filter(|q| !q.title).collect();
    c.quotes.found = spoken.len();
    for quote in &article.quotes {
        if let Some(f) = found.quotes.iter().find(|f| f.text == quote.text) {
            c.quotes.recalled += 1;
            c.speakers.expected += 1;
            // Right when the speakers found are the annotated ones (one each way).
            let found_ids: Vec<Option<&str>> = f.speakers.iter().map(|s| annotated_of(s)).collect();
            let right = !quote.speakers.is_empty()
                && quote.speakers.len() == found_ids.len()
                && quote
                    .speakers
                    .iter()
                    .all(|s| found_ids.contains(&Some(s.as_str())));
            if right {
                c.speakers.recalled += 1;
            }
        }
    }
    c.quotes.correct = spoken
        .iter()
        .filter(|f| article.quotes.iter().any(|q| q.text == f.text))
        .count();
    c.speakers.found = c.speakers.expected;
    c.speakers.correct = c.speakers.recalled;

    // Dates the text gives, to the precision it gives them (an event without a sentence of the
    // text, such as the page's own date, is not given by the text).
    let given: Vec<String> = article
        .events
        .iter()
        .filter(|e| !e.sentences.is_empty())
        .filter_map(|e| match &e.provenance {
            Provenance::Stated | Provenance::Inferred { .. } => Some(e.date.iso()),
            Provenance::Record {
                article_gives: Some(p),
                ..
            } => Some(to_precision(&e.date.start.iso(), *p)),
            Provenance::Record { .. } => None,
        })
        .collect();
    let found_dates: Vec<String> = found.dates.iter().map(|d| d.date.iso()).collect();
    c.dates.expected = given.len();
    c.dates.recalled = given
        .iter()
        .filter(|g| {
            found_dates
                .iter()
                .any(|f| f.starts_with(g.as_str()) || *f == **g)
        })
        .count();
    c.dates.found = found_dates.len();
    c.dates.correct = found_dates
        .iter()
        .filter(|f| given.iter().any(|g| f.starts_with(g.as_str())))
        .count();

    // Relations.
    let annotated: Vec<(&str, &str, &str)> = article
        .actors
        .iter()
        .flat_map(|a| {
            a.relations
                .iter()
                .map(move |r| (a.id.as_str(), r.kind.as_str(), r.target.as_str()))
        })
        .collect();
    let found_relations: Vec<Option<(&str, &str, &str)>> = found
        .relations
        .iter()
        .map(|r| Some((annotated_of(&r.actor)?, r.kind, annotated_of(&r.target)?)))
        .collect();
    let is = |f: &Option<(&str, &str, &str)>, a: &(&str, &str, &str)| {
        f.is_some_and(|(actor, kind, target)| {
            let both_ways = matches!(kind, "ally" | "partner");
            kind == a.1
                && ((actor, target) == (a.0, a.2) || (both_ways && (target, actor) == (a.0, a.2)))
        })
    };
    c.relations.expected = annotated.len();
    c.relations.recalled = annotated
        .iter()
        .filter(|a| found_relations.iter().any(|f| is(f, a)))
        .count();
    c.relations.found = found_relations.len();
    c.relations.correct = found_relations
        .iter()
        .filter(|f| annotated.iter().any(|a| is(f, a)))
        .count();

    // Marks.
    let mentions: Vec<(Span, Option<&str>)> = found
        .actors
        .iter()
        .zip(&matched)
        .flat_map(|(f, m)| f.mentions.iter().map(move |&s| (s, *m)))
        .collect();
    c.marks.expected = marks.len();
    c.marks.recalled = marks
        .iter()
        .filter(|(span, id)| {
            mentions
                .iter()
                .any(|(s, m)| *m == Some(id.as_str()) && overlaps(*s, *span))
        })
        .count();
    c.marks.found = mentions.len();
    c.marks.correct = mentions
        .iter()
        .filter(|(s, m)| {
            marks
                .iter()
                .any(|(span, id)| *m == Some(id.as_str()) && overlaps(*s, *span))
        })
        .count();
    c
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// `YYYY-MM-DD` cut to a precision (`YYYY-MM`, `YYYY`).
fn to_precision(iso: &str, p: marginalia_model::Precision) -> String {
    let len = match p {
        marginalia_model::Precision::Year => 4,
        marginalia_model::Precision::Month => 7,
        marginalia_model::Precision::Day => 10,
    };
    iso.chars().take(len).collect()
}

/// The comparison as a table for a terminal.
pub fn table(c: &Comparison) -> String {
    let mut out =
        String::from("kind            expected  recalled  recall   found  correct  precision\n");
    for (name, s) in [
        ("people", c.people),
        ("states", c.states),
        ("organisations", c.organisations),
        ("media", c.media),
        ("quotes (exact)", c.quotes),
        ("speakers", c.speakers),
        ("dates", c.dates),
        ("relations", c.relations),
        ("marks", c.marks),
    ] {
        let _ = writeln!(
            out,
            "{name:<15} {:>8}  {:>8}  {:>5.1} %  {:>5}  {:>7}  {:>7.1} %",
            s.expected,
            s.recalled,
            100.0 * s.recall(),
            s.found,
            s.correct,
            100.0 * s.precision()
        );
    }
    out
}
