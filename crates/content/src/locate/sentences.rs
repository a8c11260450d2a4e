//! Step 2 of the pipeline (`locate/`), for relation evidence: the sentences of a paragraph, by
//! the rule the drafter uses too ([`marginalia_model::sentences`]). Evidence must be whole
//! sentences ([`is_whole`]); a fragment is shown the sentence it belongs to ([`enclosing`]);
//! evidence may also name a sentence by its place ([`by_reference`], `"3.2"`).

use marginalia_model::sentences::{is_closer, parse_reference, sentence_ranges};
use std::ops::Range;

fn is_opener(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[')
}

/// Where sentences start and end in a paragraph's text (byte offsets, in order), by the
/// project's one rule ([`marginalia_model::sentences`]).
fn bounds(text: &str) -> (Vec<usize>, Vec<usize>) {
    sentence_ranges(text)
        .into_iter()
        .map(|r| (r.start, r.end))
        .unzip()
}

/// The sentence `reference` (`"3.2"`: paragraph 3, sentence 2, counted from 1 over `texts`,
/// the paragraphs and headings in reading order): its paragraph and range.
pub(crate) fn by_reference(texts: &[String], reference: &str) -> Option<(usize, Range<usize>)> {
    let (p, s) = parse_reference(reference)?;
    let text = texts.get(p - 1)?;
    let range = sentence_ranges(text).into_iter().nth(s - 1)?;
    Some((p - 1, range))
}

/// How many sentences paragraph `p` (from 0) has.
pub(crate) fn count(texts: &[String], p: usize) -> usize {
    texts.get(p).map_or(0, |t| sentence_ranges(t).len())
}

/// Whether `range` of a paragraph's text is one or more whole sentences (opening marks before
/// its first word and closing marks after its last may be left out).
pub(crate) fn is_whole(text: &str, range: &Range<usize>) -> bool {
    let (starts, ends) = bounds(text);
    let before = &text[..range.start];
    let opened = before.trim_end_matches(is_opener).len();
    let start_ok =
        starts.contains(&range.start) || (opened < range.start && starts.contains(&opened));
    let after = &text[range.end..];
    let closed = range.end + (after.len() - after.trim_start_matches(is_closer).len());
    let end_ok = ends.contains(&range.end) || ends.contains(&closed);
    start_ok && end_ok
}

/// The whole sentences that hold `range`: from the start of the one its start is in to the end
/// of the one its end is in.
pub(crate) fn enclosing(text: &str, range: &Range<usize>) -> Range<usize> {
    let (starts, ends) = bounds(text);
    let start = starts
        .iter()
        .rev()
        .find(|&&s| s <= range.start)
        .copied()
        .unwrap_or(0);
    let end = ends
        .iter()
        .find(|&&e| e >= range.end)
        .copied()
        .unwrap_or(text.len());
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Not everyone agreed. Two councillors voted against, arguing that it was “a museum piece.” The motion passed by seven votes to two.";

    fn range_of(s: &str) -> Range<usize> {
        let at = TEXT.find(s).unwrap();
        at..at + s.len()
    }

    #[test]
    fn whole_sentences_pass_and_fragments_do_not() {
        for whole in [
            "Not everyone agreed.",
            "The motion passed by seven votes to two.",
            "Two councillors voted against, arguing that it was “a museum piece.”",
            "Two councillors voted against, arguing that it was “a museum piece.",
            "Not everyone agreed. Two councillors voted against, arguing that it was “a museum piece.”",
        ] {
            assert!(is_whole(TEXT, &range_of(whole)), "{whole}");
        }
        for fragment in [
            "everyone agreed.",
            "The motion passed",
            "Not everyone agreed. Two councillors",
        ] {
            assert!(!is_whole(TEXT, &range_of(fragment)), "{fragment}");
        }
    }

    #[test]
    fn a_fragment_is_shown_its_sentence() {
        let r = enclosing(TEXT, &range_of("voted against"));
        assert_eq!(
            &TEXT[r],
            "Two councillors voted against, arguing that it was “a museum piece.”"
        );
        let r = enclosing(TEXT, &range_of("passed by seven"));
        assert_eq!(&TEXT[r], "The motion passed by seven votes to two.");
    }
}
