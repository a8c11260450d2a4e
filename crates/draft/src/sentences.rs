//! The article's paragraphs and sentences, as spans of its text: paragraphs are separated by
//! blank lines; a sentence ends at `.`, `?` or `!` (with any closing quotation marks or
//! brackets after it) before a space and a capital letter, a digit or an opening quotation mark,
//! except after a title or an abbreviation that never ends a sentence in news writing ("Mr.",
//! "U.S.", "Gen.") or a single capital letter (an initial: "John F. Kennedy").

use crate::Span;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Gov",
    "Sen", "Rep", "Rev", "St", "Jr", "Sr", "No", "Vol", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "etc", "vs", "U.S", "U.K", "U.N",
];

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
    let body = paragraph.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // Closing marks that belong to the sentence: ” ’ " ) ]
        let mut end_k = k + 1;
        while chars
            .get(end_k)
            .is_some_and(|&(_, d)| matches!(d, '”' | '’' | '"' | ')' | ']'))
        {
            end_k += 1;
        }
        let Some(&(space_at, space)) = chars.get(end_k) else {
            continue;
        };
        // The next sentence's first letter, after any further spaces ("two spaces between
        // sentences", as some releases keep them).
        let next = chars[end_k..]
            .iter()
            .map(|&(_, d)| d)
            .find(|d| !d.is_whitespace());
        let starts_sentence = next.is_some_and(|d| {
            d.is_uppercase() || d.is_ascii_digit() || matches!(d, '“' | '‘' | '"')
        });
        if !space.is_whitespace() || !starts_sentence || (c == '.' && !ends_here(&body[..at])) {
            continue;
        }
        out.extend(trimmed(
            text,
            paragraph.start + start,
            paragraph.start + space_at,
        ));
        start = space_at;
    }
    out.extend(trimmed(text, paragraph.start + start, paragraph.end));
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
