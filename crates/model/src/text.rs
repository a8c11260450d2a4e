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
