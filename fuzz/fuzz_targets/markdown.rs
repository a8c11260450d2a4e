//! The Markdown parser on arbitrary text, with the tree's promises checked: every paragraph
//! has a source offset, nesting is capped, every link address is http(s), mailto or `#…`.
//! The same text is then run through the whole validator as the body of the small example
//! article (`examples/articles/saltmere-lighthouse`, whose few quotes keep each run fast).

#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia_content::markdown::{parse_markdown, safe_href, MAX_NESTING};
use marginalia_content::{build_article, SourceFile, Sources};
use marginalia_model::{Block, Inline};

fn walk(blocks: &[Block], depth: usize, paragraphs: &mut usize, max: &mut usize) {
    for b in blocks {
        match b {
            Block::Paragraph(c) => {
                *paragraphs += 1;
                inlines(c, depth + 1, max);
            }
            Block::Heading { content, .. } => inlines(content, depth + 1, max),
            Block::Quotation(bs) => walk(bs, depth + 1, paragraphs, max),
            Block::List { items, .. } => {
                for item in items {
                    walk(item, depth + 2, paragraphs, max);
                }
                *max = (*max).max(depth + 2);
            }
            Block::Rule => *max = (*max).max(depth + 1),
        }
    }
}

fn inlines(v: &[Inline], depth: usize, max: &mut usize) {
    *max = (*max).max(depth);
    for i in v {
        match i {
            Inline::Link { href, content } => {
                assert_eq!(safe_href(href).as_deref(), Some(href.as_str()));
                let lower = href.to_ascii_lowercase();
                assert!(
                    ["http://", "https://", "mailto:", "#"]
                        .iter()
                        .any(|p| lower.starts_with(p)),
                    "{href}"
                );
                inlines(content, depth + 1, max);
            }
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Mention { content: c, .. }
            | Inline::Quote { content: c, .. }
            | Inline::Sentence { content: c, .. } => inlines(c, depth + 1, max),
            Inline::Text(t) | Inline::Code(t) => assert!(!t.contains('\0')),
            Inline::LineBreak => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse_markdown(source);
    let (mut paragraphs, mut max) = (0, 0);
    walk(&parsed.blocks, 0, &mut paragraphs, &mut max);
    assert_eq!(paragraphs, parsed.paragraph_offsets.len());
    assert!(max <= MAX_NESTING, "{max} levels");
    assert!(parsed.problems.len() <= 1);
    for &o in &parsed.paragraph_offsets {
        assert!(source.is_char_boundary(o));
    }
    let _ = marginalia_model::text::blocks_text(&parsed.blocks);

    let file = |name: &str, text: &str| SourceFile::new(name, text);
    let sources = Sources {
        meta: file(
            "meta.toml",
            include_str!("../../examples/articles/saltmere-lighthouse/meta.toml"),
        ),
        article: file("article.md", source),
        actors: file(
            "actors.toml",
            include_str!("../../examples/articles/saltmere-lighthouse/actors.toml"),
        ),
        events: file(
            "events.toml",
            include_str!("../../examples/articles/saltmere-lighthouse/events.toml"),
        ),
        quotes: file(
            "quotes.toml",
            include_str!("../../examples/articles/saltmere-lighthouse/quotes.toml"),
        ),
    };
    let _ = build_article(&sources);
});
