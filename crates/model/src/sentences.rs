//! Where the sentences of a paragraph start and end: one rule for the whole project (the
//! content pipeline's checks of relation evidence and its sentence references, `1.2`, and the
//! drafter's events, quotes and relations). A sentence ends at `.`, `?`, `!` or `…` (with any
//! closing quotation marks or brackets after it) before a space and then a capital letter, a
//! digit or an opening quotation mark, except after a title or an abbreviation that never ends
//! a sentence in news writing ("Mr.", "U.S.", "Gen.") or a single capital letter (an initial:
//! "John F. Kennedy"). Spaces between sentences (one or two, as some releases keep) belong to
//! neither.

use std::ops::Range;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Gov",
    "Sen", "Rep", "Rev", "St", "Jr", "Sr", "No", "Vol", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "etc", "vs", "U.S", "U.K", "U.N",
];

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Closing marks that belong to the sentence before them.
pub fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']')
}

/// The sentences of one paragraph's text, as byte ranges in order, without surrounding spaces.
pub fn sentence_ranges(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !is_terminal(c) {
            continue;
        }
        let mut end_k = k + 1;
        while chars.get(end_k).is_some_and(|&(_, d)| is_closer(d)) {
            end_k += 1;
        }
        let Some(&(space_at, space)) = chars.get(end_k) else {
            continue;
        };
        let next = chars[end_k..]
            .iter()
            .map(|&(_, d)| d)
            .find(|d| !d.is_whitespace());
        let starts_sentence = next.is_some_and(|d| {
            d.is_uppercase() || d.is_ascii_digit() || matches!(d, '“' | '‘' | '"')
        });
        if !space.is_whitespace() || !starts_sentence || (c == '.' && !ends_here(&paragraph[..at]))
        {
            continue;
        }
        out.extend(trimmed(paragraph, start..space_at));
        start = space_at;
    }
    out.extend(trimmed(paragraph, start..paragraph.len()));
    out
}

/// Whether a full stop after `before` ends a sentence (not after an abbreviation or initial).
fn ends_here(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"'))
        .next()
        .unwrap_or_default();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !initial && !ABBREVIATIONS.contains(&word)
}

/// `range` without surrounding whitespace, if anything is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let part = text.get(range.clone())?;
    if part.trim().is_empty() {
        return None;
    }
    let lead = part.len() - part.trim_start().len();
    let trail = part.len() - part.trim_end().len();
    Some(range.start + lead..range.end - trail)
}

/// A sentence by its place, `paragraph.sentence` counted from 1 (`"3.2"`: the second sentence
/// of the third paragraph), as relation evidence may be given.
pub fn parse_reference(reference: &str) -> Option<(usize, usize)> {
    let (p, s) = reference.trim().split_once('.')?;
    let p: usize = p.parse().ok()?;
    let s: usize = s.parse().ok()?;
    (p > 0 && s > 0).then_some((p, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> Vec<&str> {
        sentence_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_and_quotes() {
        assert_eq!(
            said("The talks ended. “We agreed,” he said. Mr. Smith left at 5 p.m. on Monday. A new one? Yes!"),
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
    fn two_spaces_initials_and_abbreviations() {
        assert_eq!(
            said("They met.  They signed."),
            vec!["They met.", "They signed."]
        );
        assert_eq!(
            said("John F. Kennedy spoke. The U.S. Navy sailed."),
            vec!["John F. Kennedy spoke.", "The U.S. Navy sailed."]
        );
        assert_eq!(
            said("It was “a museum piece.” Then"),
            vec!["It was “a museum piece.”", "Then"]
        );
    }

    #[test]
    fn references_are_paragraph_dot_sentence_from_one() {
        assert_eq!(parse_reference("3.2"), Some((3, 2)));
        assert_eq!(parse_reference(" 1.1 "), Some((1, 1)));
        for bad in ["0.1", "1.0", "1", "a.b", "1.2.3", ""] {
            assert_eq!(parse_reference(bad), None, "{bad}");
        }
    }
}
