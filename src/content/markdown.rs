//! Markdown → the model's block/inline tree.
//!
//! 1. [`markdown_options`] is the one place the parser's options are set.
//! 2. pulldown-cmark's events are folded into [`Block`]s and [`Inline`]s with a stack.
//! 3. `[text](actor:id)` links become [`Inline::Mention`]s; their ids and source ranges are
//!    returned so that the validator can report unknown actors with a line and column.
//! 4. Raw HTML becomes plain text; links and images with unsafe addresses lose the address.

use crate::model::{Block, Inline};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The parser options for every article: CommonMark, nothing smart, nothing extra, so that
/// the text is kept exactly as the author typed it.
pub fn markdown_options() -> Options {
    Options::empty()
}

/// An `actor:` link in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionSite {
    pub actor: String,
    pub range: Range<usize>,
}

#[derive(Debug, Default)]
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub mentions: Vec<MentionSite>,
}

/// The address to keep for a link or image, or `None` when it is not allowed.
///
/// Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`),
/// so they are removed before the scheme is checked; entities were decoded by the parser.
pub fn safe_href(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:", "#"]
        .iter()
        .any(|prefix| lower.starts_with(prefix));
    allowed.then_some(cleaned)
}

enum Frame {
    Blocks(Vec<Block>),
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    List(bool, Vec<Vec<Block>>),
    /// A list item: its blocks, and inline content of a tight item not yet in a paragraph.
    Item(Vec<Block>, Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(LinkKind, Vec<Inline>),
    /// Images are shown by their alt text; the address is not kept.
    Image(Vec<Inline>),
}

enum LinkKind {
    Safe(String),
    Mention(String),
    Neutralised,
}

fn inlines_of(frame: &mut Frame) -> Option<&mut Vec<Inline>> {
    match frame {
        Frame::Paragraph(v)
        | Frame::Heading(_, v)
        | Frame::Item(_, v)
        | Frame::Emphasis(v)
        | Frame::Strong(v)
        | Frame::Link(_, v)
        | Frame::Image(v) => Some(v),
        Frame::Blocks(_) | Frame::List(..) => None,
    }
}

struct Builder {
    stack: Vec<Frame>,
    mentions: Vec<MentionSite>,
}

impl Builder {
    fn push_inline(&mut self, inline: Inline) {
        match inlines_of(self.stack.last_mut().expect("root frame")) {
            Some(target) => match (target.last_mut(), inline) {
                (Some(Inline::Text(prev)), Inline::Text(next)) => prev.push_str(&next),
                (_, inline) => target.push(inline),
            },
            // Text straight inside a block container (not produced with our options): keep it.
            None => self.push_block(Block::Paragraph(vec![inline])),
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut().expect("root frame") {
            Frame::Blocks(blocks) => blocks.push(block),
            Frame::Item(blocks, loose) => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph(std::mem::take(loose)));
                }
                blocks.push(block);
            }
            Frame::List(_, items) => items.push(vec![block]),
            other => {
                // A block inside inline content cannot come from CommonMark; keep its text.
                if let Some(inlines) = inlines_of(other) {
                    inlines.push(Inline::Text(crate::model::text::block_text(&block)));
                }
            }
        }
    }
}

/// Parses an article's Markdown.
pub fn parse_markdown(source: &str) -> Parsed {
    let mut b = Builder {
        stack: vec![Frame::Blocks(Vec::new())],
        mentions: Vec::new(),
    };
    for (event, range) in Parser::new_ext(source, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(tag) => start(&mut b, tag, range),
            Event::End(tag) => end(&mut b, tag),
            Event::Text(t) => b.push_inline(Inline::Text(t.into_string())),
            Event::Code(t) => b.push_inline(Inline::Code(t.into_string())),
            // Raw HTML is shown as the text it is, never interpreted.
            Event::Html(t) | Event::InlineHtml(t) => b.push_inline(Inline::Text(t.into_string())),
            Event::SoftBreak => b.push_inline(Inline::Text(" ".into())),
            Event::HardBreak => b.push_inline(Inline::LineBreak),
            Event::Rule => b.push_block(Block::Rule),
            Event::FootnoteReference(t) => b.push_inline(Inline::Text(format!("[^{t}]"))),
            Event::TaskListMarker(done) => {
                b.push_inline(Inline::Text(if done { "[x] " } else { "[ ] " }.into()))
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                b.push_inline(Inline::Text(t.into_string()))
            }
        }
    }
    let Some(Frame::Blocks(blocks)) = b.stack.pop() else {
        unreachable!("the root frame is blocks")
    };
    Parsed {
        blocks,
        mentions: b.mentions,
    }
}

fn start(b: &mut Builder, tag: Tag, range: Range<usize>) {
    let frame = match tag {
        Tag::Paragraph => Frame::Paragraph(Vec::new()),
        Tag::Heading { level, .. } => Frame::Heading(level as u8, Vec::new()),
        Tag::BlockQuote(_) => Frame::Blocks(Vec::new()),
        Tag::CodeBlock(_) => Frame::Paragraph(Vec::new()),
        Tag::HtmlBlock => Frame::Paragraph(Vec::new()),
        Tag::List(first) => Frame::List(first.is_some(), Vec::new()),
        Tag::Item => Frame::Item(Vec::new(), Vec::new()),
        Tag::Emphasis => Frame::Emphasis(Vec::new()),
        Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {
            Frame::Strong(Vec::new())
        }
        Tag::Link { dest_url, .. } => {
            let kind = match dest_url.strip_prefix("actor:") {
                Some(id) => {
                    b.mentions.push(MentionSite {
                        actor: id.to_string(),
                        range,
                    });
                    LinkKind::Mention(id.to_string())
                }
                None => safe_href(&dest_url).map_or(LinkKind::Neutralised, LinkKind::Safe),
            };
            Frame::Link(kind, Vec::new())
        }
        Tag::Image { .. } => Frame::Image(Vec::new()),
        // Tables, footnotes, metadata and the rest are off in `markdown_options`; their text
        // still reaches the reader through a plain container.
        _ => Frame::Blocks(Vec::new()),
    };
    b.stack.push(frame);
}

fn end(b: &mut Builder, tag: TagEnd) {
    let frame = b.stack.pop().expect("balanced events");
    match (tag, frame) {
        (TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock, Frame::Paragraph(c)) => {
            if !c.is_empty() {
                b.push_block(Block::Paragraph(c))
            }
        }
        (TagEnd::Heading(_), Frame::Heading(level, content)) => {
            b.push_block(Block::Heading { level, content })
        }
        (TagEnd::BlockQuote(_), Frame::Blocks(blocks)) => b.push_block(Block::Quotation(blocks)),
        (TagEnd::List(_), Frame::List(ordered, items)) => {
            b.push_block(Block::List { ordered, items })
        }
        (TagEnd::Item, Frame::Item(mut blocks, loose)) => {
            if !loose.is_empty() {
                blocks.push(Block::Paragraph(loose));
            }
            if let Some(Frame::List(_, items)) = b.stack.last_mut() {
                items.push(blocks);
            }
        }
        (TagEnd::Emphasis, Frame::Emphasis(c)) => b.push_inline(Inline::Emphasis(c)),
        (_, Frame::Strong(c)) => b.push_inline(Inline::Strong(c)),
        (TagEnd::Link, Frame::Link(kind, content)) => match kind {
            LinkKind::Safe(href) => b.push_inline(Inline::Link { href, content }),
            LinkKind::Mention(actor) => b.push_inline(Inline::Mention {
                actor,
                index: 0,
                content,
            }),
            LinkKind::Neutralised => content.into_iter().for_each(|i| b.push_inline(i)),
        },
        (TagEnd::Image, Frame::Image(alt)) => alt.into_iter().for_each(|i| b.push_inline(i)),
        (_, Frame::Blocks(blocks)) => blocks.into_iter().for_each(|blk| b.push_block(blk)),
        (_, other) => {
            // An unexpected pairing: keep whatever text it held rather than lose it.
            if let Some(content) = inlines_of(&mut { other }).map(std::mem::take) {
                content.into_iter().for_each(|i| b.push_inline(i));
            }
        }
    }
}
