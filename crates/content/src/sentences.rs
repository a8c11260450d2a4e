//! Step 4d of the pipeline, for relation evidence: the sentences of a paragraph. A sentence ends
//! at `.`, `!`, `?` or `…`, with any closing marks after it (” ’ " ' ) ]), before a space or the
//! end of the paragraph; the next one starts at the next character that is not a space. Evidence
//! must be whole sentences ([`is_whole`]); a fragment is shown the sentence it belongs to
//! ([`enclosing`]). Abbreviations ("Mr. Vale") end a sentence here too, which only ever lets a
//! fragment pass, never refuses a whole sentence.

use std::ops::Range;

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[')
}

/// Where sentences start and end in a paragraph's text (byte offsets, in order).
fn bounds(text: &str) -> (Vec<usize>, Vec<usize>) {
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    let mut want_start = true;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if want_start && !c.is_whitespace() {
            starts.push(i);
            want_start = false;
        }
        if is_terminal(c) {
            let mut j = k + 1;
            while j < chars.len() && is_closer(chars[j].1) {
                j += 1;
            }
            if j == chars.len() || chars[j].1.is_whitespace() {
                ends.push(chars.get(j).map_or(text.len(), |(b, _)| *b));
                want_start = true;
                k = j;
                continue;
            }
        }
        k += 1;
    }
    let trimmed = text.trim_end().len();
    if ends.last() != Some(&trimmed) && trimmed > 0 {
        ends.push(trimmed);
    }
    (starts, ends)
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
