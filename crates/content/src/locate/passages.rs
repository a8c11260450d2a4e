//! Step 2 of the pipeline (`locate/`): where things stand in the article's text. The
//! paragraphs' plain text, in reading order; where each quote, event sentence and relation
//! evidence is found verbatim ([`locate_many`], [`locate_quotes`]); and the passages the text
//! itself puts between quotation marks, curly or straight ([`quoted_passages`]). Positions are
//! [`Place`]s: a paragraph and a byte range of its plain text, which is what marking
//! ([`crate::mark`]) takes.

use marginalia_model::text::inline_text;
use marginalia_model::{Block, Inline};
use std::collections::HashMap;
use std::ops::Range;

/// Where a piece of text was found: a paragraph and a byte range of its plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Place {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// Calls `f` with each paragraph's inline content and its index, in reading order.
pub(crate) fn for_each_paragraph(
    blocks: &mut [Block],
    f: &mut impl FnMut(usize, &mut Vec<Inline>),
) {
    fn walk(blocks: &mut [Block], next: &mut usize, f: &mut impl FnMut(usize, &mut Vec<Inline>)) {
        for block in blocks {
            match block {
                Block::Paragraph(c) => {
                    f(*next, c);
                    *next += 1;
                }
                container => {
                    for group in container.children_mut() {
                        walk(group, next, f);
                    }
                }
            }
        }
    }
    walk(blocks, &mut 0, f);
}

/// The plain text of each paragraph, in reading order.
pub(crate) fn paragraph_texts(blocks: &mut [Block]) -> Vec<String> {
    let mut texts = Vec::new();
    for_each_paragraph(blocks, &mut |_, p| texts.push(inline_text(p)));
    texts
}

/// Where each needle first occurs verbatim within one paragraph: the same answer as searching
/// the paragraphs in order for each needle with `str::find`, in one pass over the text.
///
/// Needles of at least `KEY` bytes are indexed by their first `KEY` bytes; each position of
/// each paragraph is looked up once and the candidates that share the key are compared. So a
/// long article with thousands of quotes and sentences costs one scan, not one per needle.
/// Shorter needles are searched for directly. An empty needle is never found.
pub(crate) fn locate_many(texts: &[String], needles: &[&str]) -> Vec<Option<Place>> {
    const KEY: usize = 12;
    let mut found: Vec<Option<Place>> = vec![None; needles.len()];
    let mut by_key: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (i, needle) in needles.iter().enumerate() {
        if needle.len() >= KEY {
            by_key.entry(&needle.as_bytes()[..KEY]).or_default().push(i);
        } else if !needle.is_empty() {
            found[i] = texts.iter().enumerate().find_map(|(paragraph, t)| {
                t.find(needle).map(|start| Place {
                    paragraph,
                    start,
                    end: start + needle.len(),
                })
            });
        }
    }
    for (paragraph, text) in texts.iter().enumerate() {
        if by_key.is_empty() {
            break;
        }
        let bytes = text.as_bytes();
        for start in 0..bytes.len().saturating_sub(KEY - 1) {
            let Some(waiting) = by_key.get_mut(&bytes[start..start + KEY]) else {
                continue;
            };
            waiting.retain(|&i| {
                let needle = needles[i];
                if !bytes[start..].starts_with(needle.as_bytes()) {
                    return true;
                }
                found[i] = Some(Place {
                    paragraph,
                    start,
                    end: start + needle.len(),
                });
                false
            });
            if waiting.is_empty() {
                by_key.remove(&bytes[start..start + KEY]);
            }
        }
    }
    found
}

/// Finds each quote's words, preferring an occurrence between quotation marks.
pub(crate) fn locate_quotes(texts: &[String], words: &[&str]) -> Vec<Option<Place>> {
    let marked: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
    let marked: Vec<&str> = marked.iter().map(String::as_str).collect();
    let mut places: Vec<Option<Place>> = locate_many(texts, &marked)
        .into_iter()
        .map(|p| {
            p.map(|p| Place {
                paragraph: p.paragraph,
                start: p.start + '“'.len_utf8(),
                end: p.end - '”'.len_utf8(),
            })
        })
        .collect();
    let missing: Vec<usize> = (0..words.len()).filter(|&i| places[i].is_none()).collect();
    let bare: Vec<&str> = missing.iter().map(|&i| words[i]).collect();
    for (i, place) in missing.into_iter().zip(locate_many(texts, &bare)) {
        places[i] = place;
    }
    places
}

/// What a paragraph puts between quotation marks.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The passages between “ and ”, as byte ranges of the words.
    pub passages: Vec<Range<usize>>,
    /// The byte offset of an opening “ that no ” follows in the paragraph.
    pub unclosed: Option<usize>,
    /// The byte offsets of closing ” marks that no “ opened.
    pub stray: Vec<usize>,
    /// The passages between straight double quotes ("…"), as byte ranges of the words.
    pub straight: Vec<Range<usize>>,
    /// The byte offset of a last straight " that has no partner.
    pub straight_unpaired: Option<usize>,
}

/// The passages between “ and ” in a paragraph's text (each ends at the first ” after its
/// “), the marks that do not pair up, and the passages between straight quotes.
pub(crate) fn quoted_passages(text: &str) -> Quoted {
    let mut out = Quoted::default();
    let mut rest = 0;
    while let Some(next) = text[rest..].find(['“', '”']) {
        let at = rest + next;
        if text[at..].starts_with('”') {
            out.stray.push(at);
            rest = at + '”'.len_utf8();
            continue;
        }
        let start = at + '“'.len_utf8();
        match text[start..].find('”') {
            Some(close) => {
                out.passages.push(start..start + close);
                rest = start + close + '”'.len_utf8();
            }
            None => {
                out.unclosed = Some(at);
                break;
            }
        }
    }
    let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    for pair in marks.chunks(2) {
        match pair {
            [open, close] => out.straight.push(open + 1..*close),
            [alone] => out.straight_unpaired = Some(*alone),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_passages_and_an_unclosed_mark() {
        let text = "He said “no” and “yes”.";
        let q = quoted_passages(text);
        let words: Vec<&str> = q.passages.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["no", "yes"]);
        assert_eq!(q.unclosed, None);
        let text = "“a” then “b";
        let q = quoted_passages(text);
        assert_eq!(q.passages.len(), 1);
        assert_eq!(q.unclosed, text.rfind('“'));
        let text = "a” and \"b\" and \"c";
        let q = quoted_passages(text);
        assert_eq!(q.stray, [1]);
        let words: Vec<&str> = q.straight.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["b"]);
        assert_eq!(q.straight_unpaired, text.rfind('"'));
    }

    #[test]
    fn locate_many_finds_the_first_occurrence_of_long_and_short_needles() {
        let texts = vec!["alpha beta gamma delta".to_string(), "x beta".to_string()];
        let found = locate_many(
            &texts,
            &["beta", "gamma delta", "beta gamma delta", "", "zeta"],
        );
        let at = |paragraph, start, end| {
            Some(Place {
                paragraph,
                start,
                end,
            })
        };
        assert_eq!(
            found,
            vec![at(0, 6, 10), at(0, 11, 22), at(0, 6, 22), None, None]
        );
    }
}
