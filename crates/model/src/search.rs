//! Find in the article: where a reader's query occurs in the text of each block.
//!
//! The search forgives what a reader cannot type or see:
//!
//! - **case**: each character is compared lower-cased (when it lower-cases to one character;
//!   otherwise as it is);
//! - **typographic quotes**: `'` matches `’`, `‘` and `‛`, and `"` matches `“`, `”` and
//!   `‟` (and the other way round). Dashes do not fold: `-` finds only `-`;
//! - **whitespace**: any run of whitespace in the query matches any run of whitespace in the
//!   text, including the no-break spaces (U+00A0) the article uses.
//!
//! The query is trimmed; an empty query finds nothing. Matches do not overlap, come in
//! document order, and stop at [`MAX_MATCHES`]. Offsets are in UTF-16 code units of the
//! block's text, as DOM `Range` offsets are: `’` is one unit here (but three UTF-8 bytes).
//!
//! The matcher is a plain scan with no regular expressions: for each start position it
//! compares the query, so it costs about (text length × query length) in the worst case
//! and (text length) in practice. Pure data: no yew, no web-sys.
//!
//! Lower-casing is given by the caller ([`find_matches_by`], [`normalise_query_by`]): std's
//! Unicode tables ([`unicode_lower`], for [`find_matches`]) natively, the browser's own in the
//! viewer (`crate::web::case`), whose wasm then carries no case table (7.9 KB gzip, issue #27).
//! Both follow Unicode's default case mapping; a test in the browser holds them equal.

/// One occurrence of the query: `block` indexes the slice given to [`find_matches`];
/// `start..end` are UTF-16 code-unit offsets into that block's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// At most this many matches are returned, whatever the query.
pub const MAX_MATCHES: usize = 2000;

/// `c` lower-cased by std's Unicode tables when that gives one character; otherwise `c`.
pub fn unicode_lower(c: char) -> char {
    one_to_one(c, c.to_lowercase())
}

/// What `c` lower-cases to (`lowered`, by some case mapping) when that is one character;
/// otherwise `c` (the matcher compares character to character).
pub fn one_to_one(c: char, mut lowered: impl Iterator<Item = char>) -> char {
    match (lowered.next(), lowered.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// How a character compares: whitespace as a space, typographic quotes as typewriter
/// quotes, letters lower-cased by `lower` (one character to one: see [`unicode_lower`]).
fn fold(c: char, lower: &mut impl FnMut(char) -> char) -> char {
    if c.is_whitespace() {
        return ' ';
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' => '"',
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        _ => lower(c),
    }
}

/// The query as the matcher compares it: trimmed, folded (see the module documentation),
/// with each run of whitespace as one space. `None` when nothing is left to search for.
pub fn normalise_query(q: &str) -> Option<String> {
    normalise_query_by(q, &mut unicode_lower)
}

/// [`normalise_query`], letters lower-cased by `lower`.
pub fn normalise_query_by(q: &str, lower: &mut impl FnMut(char) -> char) -> Option<String> {
    let mut out = String::with_capacity(q.len());
    for c in q.trim().chars().map(|c| fold(c, lower)) {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Every non-overlapping occurrence of `query` in `blocks`, in document order, at most
/// [`MAX_MATCHES`].
pub fn find_matches(blocks: &[String], query: &str) -> Vec<Match> {
    find_matches_by(blocks, query, &mut unicode_lower)
}

/// [`find_matches`], letters lower-cased by `lower`.
pub fn find_matches_by(
    blocks: &[String],
    query: &str,
    lower: &mut impl FnMut(char) -> char,
) -> Vec<Match> {
    let Some(query) = normalise_query_by(query, lower) else {
        return Vec::new();
    };
    let query: Vec<char> = query.chars().collect();
    let mut matches = Vec::new();
    for (block, text) in blocks.iter().enumerate() {
        // The folded characters, and the UTF-16 offset where each starts (plus the end).
        let mut chars = Vec::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len() + 1);
        let mut offset = 0;
        for c in text.chars() {
            chars.push(fold(c, lower));
            offsets.push(offset);
            offset += c.len_utf16();
        }
        offsets.push(offset);

        let mut i = 0;
        while i < chars.len() {
            match match_at(&chars, i, &query) {
                Some(end) => {
                    matches.push(Match {
                        block,
                        start: offsets[i],
                        end: offsets[end],
                    });
                    if matches.len() == MAX_MATCHES {
                        return matches;
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    matches
}

/// If the folded `query` occurs in the folded `text` at `start`, the index just past it.
/// A space in the query takes a whole run of spaces in the text. (The query neither starts
/// nor ends with a space, so taking the whole run is always right.)
fn match_at(text: &[char], start: usize, query: &[char]) -> Option<usize> {
    let mut t = start;
    for &q in query {
        if text.get(t) != Some(&q) {
            return None;
        }
        t += 1;
        if q == ' ' {
            while text.get(t) == Some(&' ') {
                t += 1;
            }
        }
    }
    Some(t)
}
