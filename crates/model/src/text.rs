//! The plain text of the tree, as the reader sees it: used to find quotes and sentences at
//! build time, to count words, and to check the article against its source.

use super::article::{Block, Inline};

/// Appends the visible text of inline content (a line break reads as a space).
pub fn push_inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::LineBreak => out.push(' '),
            container => push_inline_text(container.children().unwrap_or_default(), out),
        }
    }
}

pub fn inline_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    push_inline_text(inlines, &mut s);
    s
}

/// The visible text of a block; nested blocks are separated by blank lines.
pub fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => inline_text(c),
        container => container
            .children()
            .iter()
            .map(|group| blocks_text(group))
            .collect::<Vec<_>>()
            .join("\n\n"),
    }
}

pub fn blocks_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(block_text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The text of every paragraph and heading, in reading order (inside quotations and lists
/// too), exactly as the browser's `textContent` gives it for the rendered elements (a line
/// break is a `<br>`, which has no text). Places in the body ([`crate::data::Place`]) count in
/// these.
pub fn leaf_texts(blocks: &[Block]) -> Vec<String> {
    fn dom_text(inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::LineBreak => {}
                container => dom_text(container.children().unwrap_or_default(), out),
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                let mut text = String::new();
                dom_text(c, &mut text);
                out.push(text);
            }
            container => {
                for group in container.children() {
                    out.extend(leaf_texts(group));
                }
            }
        }
    }
    out
}

/// How much text (in characters) a section of a long article's page holds, at least: the page
/// shows its first section as it is and sends the others inert (see [`sections`]).
pub const SECTION_CHARS: usize = 16_000;

/// The article's top-level blocks cut into sections for its page: each section holds whole
/// blocks and ends with the first block that takes its text to [`SECTION_CHARS`] or more; the
/// last holds what is left. An article shorter than that is one section. The page shows the
/// first section as it is and each other inside a `<noscript>` (parsed as one piece of text
/// while scripts run, shown as it is without them), which the viewer puts in the page once it
/// has started (`web::sections`): a long page is parsed and laid out a section at a time, not
/// all before the viewer can start.
pub fn sections(blocks: &[Block]) -> Vec<std::ops::Range<usize>> {
    let mut sections: Vec<_> = full_sections(blocks).collect();
    let start = sections.last().map_or(0, |s| s.end);
    if start < blocks.len() || sections.is_empty() {
        sections.push(start..blocks.len());
    }
    sections
}

/// Whether the article is cut into more than one section (see [`sections`]): it reads the
/// blocks only as far as the end of the first.
pub fn is_cut_into_sections(blocks: &[Block]) -> bool {
    full_sections(blocks)
        .next()
        .is_some_and(|first| first.end < blocks.len())
}

/// The sections that reach [`SECTION_CHARS`], in order (what is left after them is not one).
fn full_sections(blocks: &[Block]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let (mut start, mut chars) = (0, 0);
    blocks.iter().enumerate().filter_map(move |(i, block)| {
        chars += block_text(block).chars().count();
        (chars >= SECTION_CHARS).then(|| {
            let section = start..i + 1;
            (start, chars) = (i + 1, 0);
            section
        })
    })
}

/// Words as a reader counts them: runs of letters or digits.
pub fn word_count(text: &str) -> u32 {
    text.split(|c: char| c.is_whitespace() || c == '—')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count() as u32
}

/// Minutes to read at 230 words a minute, at least one.
pub fn reading_minutes(words: u32) -> u32 {
    words.div_ceil(230).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(chars: usize) -> Block {
        Block::Paragraph(vec![Inline::Text("x".repeat(chars))])
    }

    #[test]
    fn a_short_article_is_one_section() {
        assert_eq!(sections(&[]), vec![0..0]);
        let blocks = vec![paragraph(10), paragraph(SECTION_CHARS - 11)];
        assert_eq!(sections(&blocks), vec![0..2]);
    }

    #[test]
    fn sections_hold_whole_blocks_and_reach_the_size() {
        // 6,000 characters a block: a section ends with the block that takes it to 16,000.
        let blocks: Vec<Block> = (0..10).map(|_| paragraph(6_000)).collect();
        assert_eq!(sections(&blocks), vec![0..3, 3..6, 6..9, 9..10]);
        // Exactly the size: the section ends there, and nothing empty follows.
        let blocks = vec![paragraph(SECTION_CHARS), paragraph(SECTION_CHARS)];
        assert_eq!(sections(&blocks), vec![0..1, 1..2]);
        // A block larger than a section is a section of its own.
        let blocks = vec![paragraph(100), paragraph(3 * SECTION_CHARS), paragraph(5)];
        assert_eq!(sections(&blocks), vec![0..2, 2..3]);
    }

    #[test]
    fn an_article_is_cut_exactly_when_it_has_more_than_one_section() {
        for sizes in [
            vec![],
            vec![10, SECTION_CHARS - 11],
            vec![SECTION_CHARS],
            vec![SECTION_CHARS, 1],
            vec![6_000, 6_000, 6_000],
            vec![6_000, 6_000, 6_000, 5],
        ] {
            let blocks: Vec<Block> = sizes.iter().map(|&n| paragraph(n)).collect();
            assert_eq!(
                is_cut_into_sections(&blocks),
                sections(&blocks).len() > 1,
                "{sizes:?}"
            );
        }
        assert!(!is_cut_into_sections(&[paragraph(SECTION_CHARS)]));
        assert!(is_cut_into_sections(&[
            paragraph(SECTION_CHARS),
            paragraph(1)
        ]));
    }

    #[test]
    fn text_flattens_marks_in_order() {
        let inlines = vec![
            Inline::Mention {
                actor: "putin".into(),
                index: 0,
                content: vec![Inline::Text("Putin".into())],
            },
            Inline::Text(" said ".into()),
            Inline::Quote {
                quote: "q".into(),
                content: vec![Inline::Emphasis(vec![Inline::Text("no".into())])],
            },
            Inline::LineBreak,
            Inline::Text("end".into()),
        ];
        assert_eq!(inline_text(&inlines), "Putin said no end");
    }

    #[test]
    fn counts_words_not_dashes_or_marks() {
        assert_eq!(word_count("When they are — aligned, “sacred fight”."), 6);
        assert_eq!(word_count(""), 0);
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(231), 2);
    }
}
