//! The article's paragraphs and sentences, as spans of its text: paragraphs are separated by
//! blank lines; sentences are cut by the project's one rule ([`marginalia_model::sentences`]),
//! the same the checker uses for relation evidence, so that a sentence's place (`"3.2"`) means
//! the same sentence to both.

use crate::Span;
use marginalia_model::sentences::sentence_ranges;

/// Every paragraph of `text` (blank-line separated), trimmed, in order.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text
        .match_indices("\n\n")
        .chain(std::iter::once((text.len(), "")))
    {
        if at < start {
            continue;
        }
        out.extend(trimmed(text, start, at));
        start = at + 2;
    }
    out
}

/// Every sentence of `text`, paragraph by paragraph, in order.
pub fn sentences(text: &str) -> Vec<Span> {
    paragraphs(text)
        .into_iter()
        .flat_map(|p| sentences_in(text, p))
        .collect()
}

fn sentences_in(text: &str, paragraph: Span) -> Vec<Span> {
    sentence_ranges(paragraph.of(text))
        .into_iter()
        .map(|r| Span {
            start: paragraph.start + r.start,
            end: paragraph.start + r.end,
        })
        .collect()
}

/// Every sentence of `text` with its place, `paragraph.sentence` counted from 1 (`"3.2"`), as a
/// relation's evidence names it.
pub fn sentences_with_places(text: &str) -> Vec<(Span, String)> {
    paragraphs(text)
        .into_iter()
        .enumerate()
        .flat_map(|(p, paragraph)| {
            sentences_in(text, paragraph)
                .into_iter()
                .enumerate()
                .map(move |(s, span)| (span, format!("{}.{}", p + 1, s + 1)))
        })
        .collect()
}

/// `start..end` without surrounding whitespace, if anything is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let part = text.get(start..end)?;
    if part.trim().is_empty() {
        return None;
    }
    let lead = part.len() - part.trim_start().len();
    let trail = part.len() - part.trim_end().len();
    Some(Span {
        start: start + lead,
        end: end - trail,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_and_quotes() {
        assert_eq!(
            said("The talks ended. “We agreed,” he said. Mr. Smith left at 5 p.m. on Monday.\n\nA new one? Yes!"),
            vec![
                "The talks ended.",
                "“We agreed,” he said.",
                "Mr. Smith left at 5 p.m. on Monday.",
                "A new one?",
                "Yes!"
            ]
        );
    }

    #[test]
    fn two_spaces_between_sentences_still_part_them() {
        assert_eq!(
            said("They met.  They signed."),
            vec!["They met.", "They signed."]
        );
    }

    #[test]
    fn initials_and_abbreviations_do_not_end_sentences() {
        assert_eq!(
            said("John F. Kennedy spoke. The U.S. Navy sailed."),
            vec!["John F. Kennedy spoke.", "The U.S. Navy sailed."]
        );
    }

    #[test]
    fn paragraphs_are_blank_line_separated_and_trimmed() {
        let text = "  One.\n\n\n\nTwo. \n";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|s| s.of(text)).collect();
        assert_eq!(p, vec!["One.", "Two."]);
    }
}
