//! Step 5 of the pipeline (`report/`): hints. The nearest known word for a misspelt id or
//! keyword, and the closest text of the article for a quote or sentence that is not found
//! verbatim.
//!
//! Used by the checks ([`crate::build_article`]), so the build's errors and the author's
//! checker (the `check` command) print the same hints. Everything here is bounded: inputs
//! are truncated before any quadratic step, so a hint never costs more than a few million
//! character comparisons.

use crate::report::diff;
use std::collections::HashSet;

/// Levenshtein distance between two strings, in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// How many edits still count as a slip of the keyboard for a word of this length.
fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    }
}

/// The candidates nearest to `word` (at most three, ties in the order given), compared without
/// regard to case; empty when none is close enough to be a likely slip.
pub(crate) fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    const LONGEST: usize = 64;
    let word = word.to_lowercase();
    if word.is_empty() || word.chars().count() > LONGEST {
        return Vec::new();
    }
    let limit = tolerance(word.chars().count());
    let mut best: Vec<&str> = Vec::new();
    let mut best_distance = usize::MAX;
    let mut containing: Vec<&str> = Vec::new();
    for candidate in candidates {
        if candidate.chars().count() > LONGEST {
            continue;
        }
        let lower = candidate.to_lowercase();
        let d = edit_distance(&word, &lower);
        if d <= limit && d < best_distance {
            best_distance = d;
            best = vec![candidate];
        } else if d <= limit && d == best_distance && best.len() < 3 && !best.contains(&candidate) {
            best.push(candidate);
        }
        if word.chars().count() >= 3
            && lower != word
            && (lower.contains(&word) || word.contains(&lower))
            && containing.len() < 3
        {
            containing.push(candidate);
        }
    }
    if best.is_empty() {
        containing
    } else {
        best
    }
}

/// "did you mean `putin`?" (or "`a` or `b`"), when a candidate is close to `word`.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let near = nearest(word, candidates);
    if near.is_empty() {
        return None;
    }
    let listed: Vec<String> = near.iter().map(|w| format!("`{w}`")).collect();
    Some(format!("did you mean {}?", listed.join(" or ")))
}

/// An id made of lowercase letters, digits and hyphens from any text ("Kim Jong Un" →
/// `kim-jong-un`); at most five words.
pub(crate) fn slug(text: &str) -> String {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    words.join("-")
}

/// Lowercase words (runs of letters and digits) of a text.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The longest common substring of two character slices: (length, start in `a`, start in
/// `b`). Quadratic: callers keep `a.len() * b.len()` bounded.
fn longest_common_substring(a: &[char], b: &[char]) -> (usize, usize, usize) {
    let mut best = (0, 0, 0);
    let mut previous = vec![0u32; b.len() + 1];
    let mut current = vec![0u32; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        for (j, cb) in b.iter().enumerate() {
            current[j + 1] = if ca == cb { previous[j] + 1 } else { 0 };
            let len = current[j + 1] as usize;
            if len > best.0 {
                best = (len, i + 1 - len, j + 1 - len);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

/// Where the article comes closest to a piece of text that it does not contain verbatim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Closest {
    /// The paragraph (index into the texts searched).
    pub paragraph: usize,
    /// Byte offset in that paragraph's text where the stretch the text stands for starts.
    pub start: usize,
    /// The excerpt of the paragraph from there, with "…" where cut.
    pub excerpt: String,
    /// Every difference between the text and the stretch, described for an author.
    pub differences: Vec<String>,
    /// The stretch itself, when the text is surely a copy of it: the corrected text.
    pub corrected: Option<String>,
}

/// The longest start of a text compared character by character to find where it was copied
/// from (its start is enough to align it with the article).
const MAX_NEEDLE_CHARS: usize = 300;
/// The longest stretch of a paragraph compared character by character.
const MAX_WINDOW_CHARS: usize = 2000;
/// How much of the excerpt a hint shows.
const EXCERPT_CHARS: usize = 100;

/// Finds the paragraph with the most words of `needle`, then the stretch of it that shares the
/// longest run of characters with `needle`, then aligns `needle` with the text around that
/// run ([`crate::report::diff`]). `None` when no paragraph shares a word.
pub(crate) fn closest_text(paragraphs: &[String], needle: &str) -> Option<Closest> {
    let wanted: HashSet<String> = words(needle).take(200).collect();
    if wanted.is_empty() {
        return None;
    }
    let paragraph = best_paragraph(paragraphs, &wanted)?;
    let text = &paragraphs[paragraph];
    let head: Vec<char> = needle.chars().take(MAX_NEEDLE_CHARS).collect();
    let all: Vec<(usize, char)> = text.char_indices().collect();
    let window_start = window_start(text, &all, &wanted);
    let window: Vec<char> = all[window_start..]
        .iter()
        .take(MAX_WINDOW_CHARS)
        .map(|(_, c)| *c)
        .collect();
    let (len, in_needle, in_window) = longest_common_substring(&head, &window);
    if len == 0 {
        return None;
    }
    // The stretch of the paragraph the needle may stand for, with room on both sides.
    let needle_chars = needle.chars().count().min(diff::MAX_NEEDLE_TOKENS * 3);
    let aligned = (window_start + in_window).saturating_sub(in_needle);
    let slack = needle_chars / 4 + 20;
    let from = aligned.saturating_sub(slack);
    let to = (aligned + needle_chars + slack).min(all.len());
    let byte = |i: usize| all.get(i).map_or(text.len(), |(b, _)| *b);
    let region = &text[byte(from)..byte(to)];
    let alignment = diff::align(needle, region)?;
    let start = byte(from) + alignment.range.start;
    let end = byte(from) + alignment.range.end;
    Some(Closest {
        paragraph,
        start,
        excerpt: excerpt(text, start, head.len()),
        corrected: alignment.close.then(|| text[start..end].to_string()),
        differences: if alignment.close {
            alignment.differences
        } else {
            Vec::new()
        },
    })
}

/// The paragraph from `start`: as many characters as the text looked for has and a few more
/// (for a longer word in the article), at most [`EXCERPT_CHARS`], with "…" where cut.
fn excerpt(text: &str, start: usize, needle_chars: usize) -> String {
    let stretch = needle_chars + 12;
    let mut out: String = text[start..]
        .chars()
        .take(stretch.min(EXCERPT_CHARS))
        .collect();
    let cut = start + out.len() < text.len();
    if start > 0 {
        out.insert(0, '…');
    }
    if cut {
        out.push('…');
    }
    out
}

/// The paragraph that holds the most of the `wanted` words (the first of equals); `None`
/// when none holds any.
fn best_paragraph(paragraphs: &[String], wanted: &HashSet<String>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (score, paragraph)
    for (i, text) in paragraphs.iter().enumerate() {
        let mut found: HashSet<String> = HashSet::new();
        for w in words(text) {
            if wanted.contains(&w) {
                found.insert(w);
            }
        }
        if !found.is_empty() && best.is_none_or(|(score, _)| found.len() > score) {
            best = Some((found.len(), i));
        }
    }
    best.map(|(_, paragraph)| paragraph)
}

/// Where (a character index) to start comparing a paragraph: a long paragraph is compared
/// only around the first word it shares with the needle.
fn window_start(text: &str, all: &[(usize, char)], wanted: &HashSet<String>) -> usize {
    if all.len() <= MAX_WINDOW_CHARS {
        return 0;
    }
    let first_hit = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find(|w| wanted.contains(&w.to_lowercase()))
        .map(|w| w.as_ptr() as usize - text.as_ptr() as usize)
        .unwrap_or(0);
    let char_at = all.partition_point(|(b, _)| *b < first_hit);
    char_at.saturating_sub(MAX_WINDOW_CHARS / 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_character_edits() {
        assert_eq!(edit_distance("putin", "putn"), 1);
        assert_eq!(edit_distance("kim", "kimm"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("’", "'"), 1);
        assert_eq!(edit_distance("record", "recrod"), 2);
    }

    #[test]
    fn nearest_suggests_slips_not_strangers() {
        let ids = ["putin", "kim", "russia", "north-korea", "south-korea", "un"];
        assert_eq!(nearest("putn", ids), vec!["putin"]);
        assert_eq!(nearest("Russia", ids), vec!["russia"]);
        assert_eq!(nearest("korea", ids), vec!["north-korea", "south-korea"]);
        assert!(nearest("stoltenberg", ids).is_empty());
        assert_eq!(
            did_you_mean("kimm", ids).as_deref(),
            Some("did you mean `kim`?")
        );
    }

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Kim Jong Un"), "kim-jong-un");
        assert_eq!(slug("“Sacred” fight!"), "sacred-fight");
    }

    #[test]
    fn closest_text_finds_the_paragraph_and_every_difference() {
        let paragraphs = vec![
            "Nothing here.".to_string(),
            "Putin thanked Kim, which Kim has called a “sacred fight”.".to_string(),
        ];
        let c = closest_text(&paragraphs, "which Kim has called a “holy fight”").unwrap();
        assert_eq!(c.paragraph, 1);
        assert_eq!(c.excerpt, "…which Kim has called a “sacred fight”.");
        assert_eq!(
            c.differences,
            ["the entry has “holy” where the article has “sacred”"]
        );
        assert_eq!(
            c.corrected.as_deref(),
            Some("which Kim has called a “sacred fight”")
        );
        let c = closest_text(&paragraphs, "Kim has called a 'sacred").unwrap();
        assert_eq!(
            c.differences,
            ["the entry has \"'\" (a straight apostrophe, U+0027) where the article has \"“\" (a curly double quote, U+201C)"]
        );
        let c = closest_text(&paragraphs, "a “holy fight”").unwrap();
        assert_eq!(c.excerpt, "…a “sacred fight”.");
        assert_eq!(closest_text(&paragraphs, "zebra"), None);
    }
}
