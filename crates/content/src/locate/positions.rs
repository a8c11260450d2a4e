//! Step 2 of the pipeline (`locate/`), for the errors of the checks: where in `article.md` a
//! place of a paragraph's plain text is written. The plain text is the source without its
//! markup (`[Quell](actor:quell)’s` reads `Quell’s`), so the two are walked side by side from
//! the paragraph's start: each plain character is matched with the next source character equal
//! to it, markup in between is skipped, and a link's address is stepped over whole. So an error
//! points at the very place the reader's words are, not at the first occurrence of some word on
//! the line.

/// The byte offset in `source` of byte `at` of a paragraph's plain text `plain`, the
/// paragraph starting at `from` in `source`. When the walk loses its way (which well-formed
/// Markdown does not make it do), the best place found so far.
pub(crate) fn source_offset(source: &str, from: usize, plain: &str, at: usize) -> usize {
    let mut s = from.min(source.len());
    while !source.is_char_boundary(s) {
        s -= 1;
    }
    let at = at.min(plain.len());
    // How far the walk may go: markup is never many times longer than the text it marks.
    let limit = s.saturating_add(at.saturating_mul(8)).saturating_add(4096);
    for (i, p) in plain.char_indices() {
        let Some(found) = find(source, s, p, limit) else {
            return s;
        };
        if i >= at {
            return found;
        }
        s = found + source[found..].chars().next().map_or(0, char::len_utf8);
    }
    s
}

/// The offset of the next source character from `s` that stands for the plain character `p`,
/// skipping markup; `None` past `limit` or the end.
fn find(source: &str, mut s: usize, p: char, limit: usize) -> Option<usize> {
    while s < source.len() && s <= limit {
        let rest = &source[s..];
        let c = rest.chars().next()?;
        if stands_for(c, p) {
            return Some(s);
        }
        if rest.starts_with("](") {
            // A link's address: never the reader's text.
            s += rest.find(')').map_or(2, |i| i + 1);
        } else {
            s += c.len_utf8();
        }
    }
    None
}

/// Whether a source character gives this plain character (a line break in the source reads
/// as a space; a NUL as U+FFFD).
fn stands_for(source: char, plain: char) -> bool {
    source == plain || (plain == ' ' && source == '\n') || (plain == '\u{FFFD}' && source == '\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(source: &str, plain: &str, word: &str) -> String {
        source[source_offset(source, 0, plain, plain.find(word).unwrap())..].to_string()
    }

    #[test]
    fn places_are_found_past_links_and_emphasis() {
        let source = "[Oren Vale](actor:vale) backed [Quell](actor:quell)’s campaign *from the start*, and Quell won.";
        let plain = "Oren Vale backed Quell’s campaign from the start, and Quell won.";
        assert!(at(source, plain, "’s campaign").starts_with("’s campaign *from"));
        assert!(at(source, plain, "Quell’s").starts_with("Quell](actor:quell)’s"));
        assert!(at(source, plain, "from").starts_with("from the"));
        assert!(at(source, plain, "and Quell").starts_with("and Quell won"));
        let last = source_offset(source, 0, plain, plain.rfind("Quell").unwrap());
        assert_eq!(&source[last..], "Quell won.");
    }

    #[test]
    fn line_breaks_read_as_spaces() {
        let (source, plain) = ("> one\n> two three", "one two three");
        assert_eq!(at(source, plain, "two"), "two three");
    }
}
