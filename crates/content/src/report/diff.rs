//! Step 5 of the pipeline (`report/`), for the hints of the checks: how an entry's text (a
//! quote, a sentence, relation evidence) differs from the stretch of the article it was copied
//! from. The two are cut into tokens (runs of letters and digits; every other character alone,
//! so that ' and ’, a space and a no-break space, are told apart) and aligned with the fewest
//! edits, the article's stretch free to start and end anywhere. Every difference is then
//! described at once, in words ("the entry leaves out “had” after “closure”"), and the
//! article's stretch is the corrected text to paste.
//!
//! Quadratic in tokens: callers pass a bounded stretch of the article, and the needle is cut at
//! [`MAX_NEEDLE_TOKENS`].

use std::collections::HashMap;
use std::ops::Range;

/// The most tokens of an entry aligned (about 750 characters, twice a long sentence); a longer
/// entry is aligned by its start only, and no corrected text is offered for it.
pub(crate) const MAX_NEEDLE_TOKENS: usize = 300;
/// The most differences listed one by one.
const MAX_LISTED: usize = 6;

/// An entry aligned with the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Alignment {
    /// The bytes of the article's text that the entry stands for.
    pub range: Range<usize>,
    /// Every difference, described for an author, in reading order.
    pub differences: Vec<String>,
    /// Whether the entry is close enough to the stretch that it is surely a copy of it (then
    /// the stretch is the corrected text), not some other text.
    pub close: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// Entry token `i` stands for article token `j` (equal or not).
    Pair(usize, usize),
    /// Entry token `i` has no counterpart in the article.
    Added(usize),
    /// Article token `j` has no counterpart in the entry.
    Left(usize),
}

/// Tokens of a text as byte ranges: runs of letters and digits, and every other character.
fn tokens(s: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some(last) if c.is_alphanumeric() && last.end == i && is_word(&s[last.clone()]) => {
                last.end = end
            }
            _ => out.push(i..end),
        }
    }
    out
}

fn is_word(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_alphanumeric)
}

fn is_space(t: &str) -> bool {
    t.chars().all(char::is_whitespace)
}

/// What a token is: a word, a space, or any other mark.
#[derive(PartialEq, Eq)]
enum Kind {
    Word,
    Space,
    Mark,
}

fn kind(t: &str) -> Kind {
    if is_word(t) {
        Kind::Word
    } else if is_space(t) {
        Kind::Space
    } else {
        Kind::Mark
    }
}

/// A token as the alignment compares it: its text, kind and length in characters.
struct Tok<'t> {
    text: &'t str,
    /// The same number for equal texts, so that most comparisons are of numbers.
    id: usize,
    kind: Kind,
    chars: usize,
}

impl<'t> Tok<'t> {
    fn new(text: &'t str, ids: &mut HashMap<&'t str, usize>) -> Tok<'t> {
        let next = ids.len();
        Tok {
            text,
            id: *ids.entry(text).or_insert(next),
            kind: kind(text),
            chars: text.chars().count(),
        }
    }

    /// The cost of leaving it out, or adding it: two for each of its characters.
    fn indel(&self) -> u32 {
        2 * self.chars as u32
    }
}

/// The cost of standing one token for another: none when equal. For two words, two for each
/// character that differs once their common start and end are set aside ("symbolizes" for
/// "symbolises" costs 2), but a little less than adding the entry's word (unless the article's
/// is a single letter): where the article's stretch may start or end anywhere, a changed first
/// or last word must not read as an added one. For two spaces or two marks (' for ’), a little
/// less than adding one; across kinds, leaving one out and adding the other.
fn pair_cost(a: &Tok, b: &Tok) -> u32 {
    if a.id == b.id {
        return 0;
    }
    match (&a.kind, &b.kind) {
        (Kind::Word, Kind::Word) => {
            let (x, y) = (a.text, b.text);
            let prefix = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
            let suffix = x
                .chars()
                .rev()
                .zip(y.chars().rev())
                .take(a.chars.min(b.chars) - prefix)
                .take_while(|(p, q)| p == q)
                .count();
            let differing = 2 * (a.chars.max(b.chars) - prefix - suffix) as u32;
            // Not for a word of one letter ("a"), which an added word is likelier beside.
            if b.chars > 1 {
                differing.min(a.indel() - 1)
            } else {
                differing
            }
        }
        (ka, kb) if ka == kb => a.indel().max(b.indel()) - 1,
        _ => a.indel() + b.indel(),
    }
}

/// Aligns `needle` with the stretch of `text` it is closest to. `None` when either is empty.
pub(crate) fn align(needle: &str, text: &str) -> Option<Alignment> {
    let mut ours = tokens(needle);
    let truncated = ours.len() > MAX_NEEDLE_TOKENS;
    ours.truncate(MAX_NEEDLE_TOKENS);
    let theirs = tokens(text);
    if ours.is_empty() || theirs.is_empty() {
        return None;
    }
    let a: Vec<&str> = ours.iter().map(|r| &needle[r.clone()]).collect();
    let b: Vec<&str> = theirs.iter().map(|r| &text[r.clone()]).collect();
    let mut ops = edit_script(&a, &b);
    ops.extend(full_stop_left_out(&ops, &a, &b));
    let first = ops.iter().find_map(|op| match op {
        Op::Pair(_, j) | Op::Left(j) => Some(*j),
        Op::Added(_) => None,
    });
    let last = ops.iter().rev().find_map(|op| match op {
        Op::Pair(_, j) | Op::Left(j) => Some(*j),
        Op::Added(_) => None,
    });
    let range = match (first, last) {
        (Some(f), Some(l)) => theirs[f].start..theirs[l].end,
        _ => 0..0,
    };
    let same: usize = ops
        .iter()
        .filter_map(|op| match op {
            Op::Pair(i, j) if a[*i] == b[*j] && !is_space(a[*i]) => Some(a[*i].len()),
            _ => None,
        })
        .sum();
    let total: usize = a.iter().filter(|t| !is_space(t)).map(|t| t.len()).sum();
    let groups = group(&ops, &a, &b);
    let close = !truncated && same * 2 >= total && groups.len() <= 12;
    let mut differences: Vec<String> = groups
        .iter()
        .take(MAX_LISTED)
        .map(|g| describe(g, &a, &b))
        .collect();
    if groups.len() > MAX_LISTED {
        let more = groups.len() - MAX_LISTED;
        let plural = if more == 1 { "" } else { "s" };
        differences.push(format!("{more} more difference{plural}"));
    }
    Some(Alignment {
        range,
        differences,
        close,
    })
}

/// The article's full stop (or ! ? …) right after the stretch, when the entry ends with the word
/// before it: the stretch may end anywhere, but a sentence copied without its last mark is a
/// difference to report, not a shorter stretch.
fn full_stop_left_out(ops: &[Op], a: &[&str], b: &[&str]) -> Option<Op> {
    let Some(&Op::Pair(i, j)) = ops.last() else {
        return None;
    };
    let next = *b.get(j + 1)?;
    let ends = b
        .get(j + 2)
        .is_none_or(|t| is_space(t) || matches!(*t, "”" | "’" | ")"));
    (is_word(a[i]) && a[i] == b[j] && matches!(next, "." | "!" | "?" | "…") && ends)
        .then_some(Op::Left(j + 1))
}

/// The fewest edits turning `a` into a stretch of `b` (which may start and end anywhere).
fn edit_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let mut ids = HashMap::new();
    let a: Vec<Tok> = a.iter().map(|t| Tok::new(t, &mut ids)).collect();
    let b: Vec<Tok> = b.iter().map(|t| Tok::new(t, &mut ids)).collect();
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // d[i * width + j]: the cost of a[..i] against a stretch of b ending at j.
    let mut d = vec![0u32; (n + 1) * width];
    for i in 1..=n {
        let added_cost = a[i - 1].indel();
        d[i * width] = d[(i - 1) * width] + added_cost;
        for j in 1..=m {
            let pair = d[(i - 1) * width + j - 1] + pair_cost(&a[i - 1], &b[j - 1]);
            let added = d[(i - 1) * width + j] + added_cost;
            let left = d[i * width + j - 1] + b[j - 1].indel();
            d[i * width + j] = pair.min(added).min(left);
        }
    }
    let mut j = (0..=m).min_by_key(|&j| d[n * width + j]).unwrap_or(0);
    let mut i = n;
    let mut ops = Vec::new();
    // Of equally cheap edits, an equal pair first, then an addition or a removal, then a change.
    while i > 0 {
        let here = d[i * width + j];
        let pair = j > 0 && here == d[(i - 1) * width + j - 1] + pair_cost(&a[i - 1], &b[j - 1]);
        if pair && a[i - 1].id == b[j - 1].id {
            ops.push(Op::Pair(i - 1, j - 1));
            (i, j) = (i - 1, j - 1);
        } else if here == d[(i - 1) * width + j] + a[i - 1].indel() {
            ops.push(Op::Added(i - 1));
            i -= 1;
        } else if j > 0 && here == d[i * width + j - 1] + b[j - 1].indel() {
            ops.push(Op::Left(j - 1));
            j -= 1;
        } else {
            ops.push(Op::Pair(i - 1, j - 1));
            (i, j) = (i - 1, j - 1);
        }
    }
    ops.reverse();
    ops
}

/// A run of edits: the entry's tokens and the article's tokens it covers, and the word just
/// before it in each (for context).
struct Group {
    ours: Vec<usize>,
    theirs: Vec<usize>,
    our_word: Option<usize>,
    their_word: Option<usize>,
}

/// The runs of edits, in order. A run holds either changed tokens or tokens added and left out,
/// not both: "vessels" for "boats had" is a changed word and a word left out.
fn group(ops: &[Op], a: &[&str], b: &[&str]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut open: Option<bool> = None; // whether the open run is of changed tokens
    let (mut our_word, mut their_word) = (None, None);
    for op in ops {
        let (i, j) = match *op {
            Op::Pair(i, j) => (Some(i), Some(j)),
            Op::Added(i) => (Some(i), None),
            Op::Left(j) => (None, Some(j)),
        };
        let changed = matches!(op, Op::Pair(..));
        if matches!(*op, Op::Pair(i, j) if a[i] == b[j]) {
            open = None;
        } else {
            if open != Some(changed) {
                groups.push(Group {
                    ours: Vec::new(),
                    theirs: Vec::new(),
                    our_word,
                    their_word,
                });
                open = Some(changed);
            }
            let g = groups.last_mut().expect("a run is open");
            g.ours.extend(i);
            g.theirs.extend(j);
        }
        our_word = i.filter(|&i| is_word(a[i])).or(our_word);
        their_word = j.filter(|&j| is_word(b[j])).or(their_word);
    }
    groups
}

/// A character as a hint shows it: itself in quotes, with its code point when it is not a
/// plain ASCII letter, digit or punctuation mark (so ' and ’, a space and a no-break space,
/// can be told apart).
fn show_char(c: char) -> String {
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

/// One difference in words.
fn describe(g: &Group, a: &[&str], b: &[&str]) -> String {
    let ours: String = g.ours.iter().map(|&i| a[i]).collect();
    let theirs: String = g.theirs.iter().map(|&j| b[j]).collect();
    let show = |s: &str| {
        let t = if is_space(s) { s } else { s.trim() };
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_alphanumeric() => show_char(c),
            _ => format!("“{t}”"),
        }
    };
    let after = |word: Option<&str>| word.map_or(String::new(), |w| format!(" after “{w}”"));
    if theirs.is_empty() {
        let place = after(g.our_word.map(|i| a[i]));
        format!("the entry adds {}{place}", show(&ours))
    } else if ours.is_empty() {
        let place = after(g.their_word.map(|j| b[j]));
        format!("the entry leaves out {}{place}", show(&theirs))
    } else {
        format!(
            "the entry has {} where the article has {}",
            show(&ours),
            show(&theirs)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(needle: &str, text: &str) -> (String, Vec<String>) {
        let al = align(needle, text).unwrap();
        (text[al.range].to_string(), al.differences)
    }

    #[test]
    fn every_difference_is_listed_at_once() {
        let text =
            "Intro. The council voted on Wednesday to relight the lamp, which had been dark.";
        let (stretch, d) = diff(
            "The council decided on Wednesday to relit the lamp, which been dark.",
            text,
        );
        assert_eq!(
            stretch,
            "The council voted on Wednesday to relight the lamp, which had been dark."
        );
        assert_eq!(
            d,
            [
                "the entry has “decided” where the article has “voted”",
                "the entry has “relit” where the article has “relight”",
                "the entry leaves out “had” after “which”",
            ]
        );
        let (_, d) = diff("fishing vessels twice run", "fishing boats had twice run");
        assert_eq!(
            d,
            [
                "the entry has “vessels” where the article has “boats”",
                "the entry leaves out “had” after “boats”",
            ]
        );
    }

    #[test]
    fn additions_and_look_alike_characters_are_named() {
        let (_, d) = diff("from the very start", "backed it from the start, and");
        assert_eq!(d, ["the entry adds “very” after “the”"]);
        let (_, d) = diff("the town's oldest", "called it “the town’s oldest promise”");
        assert_eq!(
            d,
            ["the entry has \"'\" (a straight apostrophe, U+0027) where the article has \"’\" (a curly apostrophe, U+2019)"]
        );
        let (_, d) = diff("a b c", "a\u{A0}b c");
        assert_eq!(
            d,
            ["the entry has \" \" (a space, U+0020) where the article has \"\u{A0}\" (a no-break space, U+00A0)"]
        );
    }

    #[test]
    fn a_sentence_copied_without_its_full_stop_is_told() {
        let (stretch, d) = diff(
            "The motion passed",
            "Not everyone agreed. The motion passed. Then",
        );
        assert_eq!(stretch, "The motion passed.");
        assert_eq!(d, ["the entry leaves out \".\" after “passed”"]);
        let (stretch, _) = diff("cheaper than a wreck", "cheaper than a wreck that doesn’t.");
        assert_eq!(stretch, "cheaper than a wreck");
    }

    #[test]
    fn a_space_is_never_taken_for_a_mark() {
        let (stretch, d) = diff("Kim sacred fight", "which Kim has called a “sacred fight”.");
        assert_eq!(stretch, "sacred fight");
        assert_eq!(d, ["the entry adds “Kim”"]);
    }

    #[test]
    fn a_stranger_is_not_close() {
        let al = align("zebras graze quietly on the plain", "The council voted.").unwrap();
        assert!(!al.close);
        let al = align("The council voted", "The council voted, then").unwrap();
        assert!(al.close && al.differences.is_empty());
    }
}
