//! Step 4 of the pipeline, for its errors: hints. The nearest known word for a misspelt id or
//! keyword, and the closest text of the article for a quote or sentence that is not found
//! verbatim.
//!
//! Used by the checks ([`crate::build_article`]), so the build's errors and the author's
//! checker (the `check` command) print the same hints. Everything here is bounded: inputs
//! are truncated before any quadratic step, so a hint never costs more than a few million
//! character comparisons.

use std::collections::HashSet;

/// Levenshtein distance between two strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
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
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
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
pub fn did_you_mean<'a>(
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
pub fn slug(text: &str) -> String {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    words.join("-")
}

/// A character as a hint shows it: itself in quotes, with its code point when it is not a
/// plain ASCII letter, digit or punctuation mark (so ' and ’, a space and a no-break space,
/// can be told apart).
pub fn show_char(c: char) -> String {
    let name = match c {
        ' ' => Some("a space"),
        '\u{A0}' => Some("a no-break space"),
        '\t' => Some("a tab"),
        '\n' => Some("a line break"),
        '\u{2018}' | '\u{2019}' => Some("a curly apostrophe"),
        '\'' => Some("a straight apostrophe"),
        '"' => Some("a straight double quote"),
        '\u{201C}' | '\u{201D}' => Some("a curly double quote"),
        '-' => Some("a hyphen"),
        '\u{2013}' => Some("an en dash"),
        '\u{2014}' => Some("an em dash"),
        _ => None,
    };
    let shown = if c.is_control() {
        String::new()
    } else {
        format!("\"{c}\" ")
    };
    match name {
        Some(name) => format!("{shown}({name}, U+{:04X})", c as u32),
        None if c.is_ascii_graphic() => format!("\"{c}\""),
        None => format!("{shown}(U+{:04X})", c as u32),
    }
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
pub struct Closest {
    /// The paragraph (index into the texts searched).
    pub paragraph: usize,
    /// Byte offset in that paragraph's text where the excerpt starts.
    pub start: usize,
    /// The excerpt of the paragraph aligned with the text looked for, with "…" where cut.
    pub excerpt: String,
    /// The first place the two differ, described for an author.
    pub difference: Option<String>,
}

/// The longest text compared character by character (a longer one is cut: its start is
/// enough to align it with the article).
const MAX_NEEDLE_CHARS: usize = 300;
/// The longest stretch of a paragraph compared character by character.
const MAX_WINDOW_CHARS: usize = 2000;
/// How much of the excerpt a hint shows.
const EXCERPT_CHARS: usize = 100;

/// Finds the paragraph with the most words of `needle`, then the stretch of it that shares the
/// longest run of characters with `needle`. `None` when no paragraph shares a word.
pub fn closest_text(paragraphs: &[String], needle: &str) -> Option<Closest> {
    let wanted: HashSet<String> = words(needle).take(200).collect();
    if wanted.is_empty() {
        return None;
    }
    let paragraph = best_paragraph(paragraphs, &wanted)?;
    let text = &paragraphs[paragraph];
    let needle: Vec<char> = needle.chars().take(MAX_NEEDLE_CHARS).collect();
    let all: Vec<(usize, char)> = text.char_indices().collect();
    let window_start = window_start(text, &all, &wanted);
    let window: Vec<char> = all[window_start..]
        .iter()
        .take(MAX_WINDOW_CHARS)
        .map(|(_, c)| *c)
        .collect();
    let (len, in_needle, in_window) = longest_common_substring(&needle, &window);
    if len == 0 {
        return None;
    }
    let lcs_start = window_start + in_window; // char index in the paragraph
    let mut aligned_start = lcs_start.saturating_sub(in_needle);
    // Start the excerpt at the beginning of a word.
    while aligned_start > 0 && all[aligned_start - 1].1.is_alphanumeric() {
        aligned_start -= 1;
    }
    // A little beyond the needle's length, for a longer word in the article.
    let aligned_end = (aligned_start + needle.len() + 12).min(all.len());
    let shown_end = aligned_end.min(aligned_start + EXCERPT_CHARS);
    let mut excerpt: String = all[aligned_start..shown_end]
        .iter()
        .map(|(_, c)| c)
        .collect();
    if aligned_start > 0 {
        excerpt.insert(0, '…');
    }
    if shown_end < all.len() {
        // Cut: say so.
        excerpt.push('…');
    }
    let theirs: Vec<char> = all.iter().map(|(_, c)| *c).collect();
    Some(Closest {
        paragraph,
        start: all[aligned_start].0,
        excerpt,
        difference: first_difference(&needle, &theirs, (len, in_needle, lcs_start)),
    })
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

/// The first difference next to the common run of `len` characters (at `in_needle` in the
/// needle, at `lcs_start` in the paragraph `theirs`): just before it, or else just after it.
fn first_difference(
    needle: &[char],
    theirs: &[char],
    (len, in_needle, lcs_start): (usize, usize, usize),
) -> Option<String> {
    if in_needle > 0 {
        Some(describe_difference(
            needle,
            in_needle - 1,
            theirs,
            lcs_start.checked_sub(1),
        ))
    } else if in_needle + len < needle.len() {
        let at = lcs_start + len;
        Some(describe_difference(
            needle,
            in_needle + len,
            theirs,
            (at < theirs.len()).then_some(at),
        ))
    } else {
        None
    }
}

/// The word of `chars` around index `at`: the run of letters and digits it belongs to, or
/// the character alone when it is not a letter or digit.
fn word_at(chars: &[char], at: usize) -> String {
    if !chars[at].is_alphanumeric() {
        return chars[at].to_string();
    }
    let mut start = at;
    while start > 0 && chars[start - 1].is_alphanumeric() {
        start -= 1;
    }
    let mut end = at + 1;
    while end < chars.len() && chars[end].is_alphanumeric() {
        end += 1;
    }
    chars[start..end.min(start + 40)].iter().collect()
}

/// "the entry has “holy” where the article has “sacred”", with the characters spelled out
/// when they are look-alikes (’ and ', a space and a no-break space).
fn describe_difference(
    ours: &[char],
    at: usize,
    theirs: &[char],
    their_at: Option<usize>,
) -> String {
    let our_char = ours[at];
    let Some(their_at) = their_at else {
        return format!(
            "the article’s paragraph ends where the entry has {}",
            show_char(our_char)
        );
    };
    let their_char = theirs[their_at];
    let (our_word, their_word) = (word_at(ours, at), word_at(theirs, their_at));
    if our_char.is_alphanumeric() && their_char.is_alphanumeric() {
        format!("the entry has “{our_word}” where the article has “{their_word}”")
    } else {
        format!(
            "the entry has {} where the article has {}",
            show_char(our_char),
            show_char(their_char)
        )
    }
}

/// The source offset of a stretch of a paragraph's plain text, searched for from the
/// paragraph's own offset: the longest prefix of `plain` (down to four characters) that the
/// source holds verbatim within a reasonable distance; else the paragraph's offset.
pub fn source_offset(source: &str, paragraph_offset: usize, plain: &str) -> usize {
    let from = paragraph_offset.min(source.len());
    if !source.is_char_boundary(from) {
        return from;
    }
    let rest = &source[from..];
    let reach = plain.len() * 4 + 2000;
    let chars: Vec<(usize, char)> = plain.char_indices().take(40).collect();
    for n in (4..=chars.len()).rev() {
        let end = chars.get(n).map_or(plain.len(), |(b, _)| *b);
        if let Some(at) = rest.find(&plain[..end]) {
            if at <= reach {
                return from + at;
            }
        }
    }
    from
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
    fn closest_text_finds_the_paragraph_and_the_first_difference() {
        let paragraphs = vec![
            "Nothing here.".to_string(),
            "Putin thanked Kim, which Kim has called a “sacred fight”.".to_string(),
        ];
        let c = closest_text(&paragraphs, "which Kim has called a “holy fight”").unwrap();
        assert_eq!(c.paragraph, 1);
        assert_eq!(c.excerpt, "…which Kim has called a “sacred fight”.");
        assert_eq!(
            c.difference.as_deref(),
            Some("the entry has “holy” where the article has “sacred”")
        );
        let c = closest_text(&paragraphs, "Kim has called a 'sacred").unwrap();
        assert_eq!(
            c.difference.as_deref(),
            Some("the entry has \"'\" (a straight apostrophe, U+0027) where the article has \"“\" (a curly double quote, U+201C)")
        );
        let c = closest_text(&paragraphs, "a “holy fight”").unwrap();
        assert_eq!(c.excerpt, "…“sacred fight”.");
        assert_eq!(closest_text(&paragraphs, "zebra"), None);
    }

    #[test]
    fn source_offsets_skip_markup() {
        let source = "intro\n\n[Putin](actor:putin) thanked [Kim](actor:kim).";
        let at = source_offset(source, 7, "thanked Kim.");
        assert_eq!(&source[at..at + 7], "thanked");
    }
}
