//! Step 1 of the pipeline (`read/`): Markdown → the model's block/inline tree.
//!
//! 1. [`markdown_options`] is the one place the parser's options are set.
//! 2. pulldown-cmark's events are folded into [`Block`]s and [`Inline`]s with a stack.
//! 3. `[text](actor:id)` links become [`Inline::Mention`]s; their ids and source ranges are
//!    returned so that the validator can report unknown actors with a line and column.
//! 4. Raw HTML becomes plain text; links and images with unsafe addresses lose the address.
//! 5. Nesting (quotations, lists, emphasis, links inside each other) is capped at
//!    [`MAX_NESTING`] levels: deeper structure is flattened into its container and reported in
//!    [`Parsed::problems`], so that no recursive walk of the tree (here, in the model, in the
//!    renderer) can run out of stack, whatever the input.

use marginalia_model::{Block, Inline};
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

/// How many containers (quotations, lists and their items, paragraphs, headings, emphasis,
/// links) may sit inside each other. Real articles use fewer than ten; anything deeper is
/// flattened and reported.
pub const MAX_NESTING: usize = 24;

/// Something in the Markdown the tree could not keep as written (see [`MAX_NESTING`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the source.
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub mentions: Vec<MentionSite>,
    /// The source byte offset where each paragraph of `blocks` starts, in reading order (the
    /// order in which a depth-first walk meets the `Block::Paragraph`s). Used to point hints
    /// at a line of `article.md`.
    pub paragraph_offsets: Vec<usize>,
    /// Structure that was flattened; empty for any sensible article.
    pub problems: Vec<Problem>,
}

/// The address to keep for a link or image, or `None` when it is not allowed (the model's
/// rule, which the viewer applies to any data it reads too).
pub use marginalia_model::rules::safe_href;

enum Frame {
    Blocks(Vec<Block>),
    /// A paragraph and the source offset where it starts.
    Paragraph(Vec<Inline>, usize),
    Heading(u8, Vec<Inline>),
    List(bool, Vec<Vec<Block>>),
    /// A list item: its blocks, and inline content of a tight item not yet in a paragraph
    /// (with the source offset where that content starts).
    Item(Vec<Block>, Vec<Inline>, usize),
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
        Frame::Paragraph(v, _)
        | Frame::Heading(_, v)
        | Frame::Item(_, v, _)
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
    paragraph_offsets: Vec<usize>,
    /// Start tags skipped because the stack was full; their end tags are skipped too.
    flattened: usize,
    problems: Vec<Problem>,
    /// Source offset of the event being handled.
    at: usize,
}

impl Builder {
    /// Adds inline content; `offset` is where it starts in the source, or `None` for a
    /// finished inline container (whose start was noted when it opened).
    fn push_inline(&mut self, inline: Inline, offset: Option<usize>) {
        let offset_or_now = offset.unwrap_or(self.at);
        match self.stack.last_mut().expect("root frame") {
            Frame::Item(_, loose, start) if loose.is_empty() => {
                if let Some(o) = offset {
                    *start = o;
                }
                loose.push(inline);
            }
            frame => match inlines_of(frame) {
                Some(target) => match (target.last_mut(), inline) {
                    (Some(Inline::Text(prev)), Inline::Text(next)) => prev.push_str(&next),
                    (_, inline) => target.push(inline),
                },
                // Text straight inside a block container (flattened structure): keep it.
                None => self.push_paragraph(vec![inline], offset_or_now),
            },
        }
    }

    fn push_paragraph(&mut self, content: Vec<Inline>, offset: usize) {
        self.paragraph_offsets.push(offset);
        self.push_block(Block::Paragraph(content));
    }

    /// Turns the pending inline content of a tight list item into its paragraph, before a
    /// block of that item starts, so that paragraphs are recorded in reading order.
    fn flush_item(&mut self) {
        if let Some(Frame::Item(blocks, loose, start)) = self.stack.last_mut() {
            if !loose.is_empty() {
                blocks.push(Block::Paragraph(std::mem::take(loose)));
                self.paragraph_offsets.push(*start);
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        self.flush_item();
        match self.stack.last_mut().expect("root frame") {
            Frame::Blocks(blocks) | Frame::Item(blocks, ..) => blocks.push(block),
            Frame::List(_, items) => items.push(vec![block]),
            other => {
                // A block inside inline content cannot come from CommonMark; keep its text.
                if let Some(inlines) = inlines_of(other) {
                    inlines.push(Inline::Text(marginalia_model::text::block_text(&block)));
                }
            }
        }
    }
}

/// Parses an article's Markdown. Never fails: whatever cannot be kept as structure is kept
/// as text, and flattened nesting is listed in [`Parsed::problems`].
pub fn parse_markdown(source: &str) -> Parsed {
    let mut b = Builder {
        stack: vec![Frame::Blocks(Vec::new())],
        mentions: Vec::new(),
        paragraph_offsets: Vec::new(),
        flattened: 0,
        problems: Vec::new(),
        at: 0,
    };
    for (event, range) in Parser::new_ext(source, markdown_options()).into_offset_iter() {
        let at = Some(range.start);
        b.at = range.start;
        match event {
            Event::Start(tag) => start(&mut b, tag, range),
            Event::End(tag) => end(&mut b, tag),
            Event::Text(t) => b.push_inline(Inline::Text(text_of(t)), at),
            Event::Code(t) => b.push_inline(Inline::Code(text_of(t)), at),
            // Raw HTML is shown as the text it is, never interpreted.
            Event::Html(t) | Event::InlineHtml(t) => b.push_inline(Inline::Text(text_of(t)), at),
            Event::SoftBreak => b.push_inline(Inline::Text(" ".into()), at),
            Event::HardBreak => b.push_inline(Inline::LineBreak, at),
            Event::Rule => b.push_block(Block::Rule),
            Event::FootnoteReference(t) => {
                b.push_inline(Inline::Text(format!("[^{}]", text_of(t))), at)
            }
            Event::TaskListMarker(done) => {
                b.push_inline(Inline::Text(if done { "[x] " } else { "[ ] " }.into()), at)
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                b.push_inline(Inline::Text(text_of(t)), at)
            }
        }
    }
    let Some(Frame::Blocks(blocks)) = b.stack.pop() else {
        unreachable!("the root frame is blocks")
    };
    Parsed {
        blocks,
        mentions: b.mentions,
        paragraph_offsets: b.paragraph_offsets,
        problems: b.problems,
    }
}

/// The text of an event, with U+0000 replaced by U+FFFD as CommonMark requires (a NUL in a
/// page is never useful and some tools stop at it).
fn text_of(t: pulldown_cmark::CowStr) -> String {
    if t.contains('\0') {
        t.replace('\0', "\u{FFFD}")
    } else {
        t.into_string()
    }
}

/// Whether a tag opens block-level structure (which ends a tight item's pending text).
fn is_block_tag(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn start(b: &mut Builder, tag: Tag, range: Range<usize>) {
    // The root frame does not count as a level, and one level is kept for the paragraph that
    // flattened content ends up in: the tree is at most MAX_NESTING levels deep.
    // A list takes two levels (the list and its item).
    let levels = if matches!(tag, Tag::List(_)) { 2 } else { 1 };
    if b.flattened > 0 || b.stack.len() + levels > MAX_NESTING {
        if b.flattened == 0 && b.problems.is_empty() {
            b.problems.push(Problem {
                offset: range.start,
                message: format!(
                    "the Markdown nests more than {MAX_NESTING} levels deep here (quotations, \
                     lists, emphasis or links inside each other); the deeper levels were flattened"
                ),
            });
        }
        b.flattened += 1;
        return;
    }
    if is_block_tag(&tag) {
        b.flush_item();
    } else if let Some(Frame::Item(_, loose, start)) = b.stack.last_mut() {
        // Inline content of a tight item starts here.
        if loose.is_empty() {
            *start = range.start;
        }
    }
    let at = range.start;
    let frame = match tag {
        Tag::Paragraph => Frame::Paragraph(Vec::new(), at),
        Tag::Heading { level, .. } => Frame::Heading(level as u8, Vec::new()),
        Tag::BlockQuote(_) => Frame::Blocks(Vec::new()),
        Tag::CodeBlock(_) => Frame::Paragraph(Vec::new(), at),
        Tag::HtmlBlock => Frame::Paragraph(Vec::new(), at),
        Tag::List(first) => Frame::List(first.is_some(), Vec::new()),
        Tag::Item => Frame::Item(Vec::new(), Vec::new(), at),
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
    if b.flattened > 0 {
        b.flattened -= 1;
        return;
    }
    // Events are balanced, so the root frame is never popped here; if it were, keep it.
    if b.stack.len() == 1 {
        return;
    }
    let frame = b.stack.pop().expect("balanced events");
    match (tag, frame) {
        (TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock, Frame::Paragraph(c, at)) => {
            if !c.is_empty() {
                b.push_paragraph(c, at)
            }
        }
        (TagEnd::Heading(_), Frame::Heading(level, content)) => {
            b.push_block(Block::Heading { level, content })
        }
        (TagEnd::BlockQuote(_), Frame::Blocks(blocks)) => b.push_block(Block::Quotation(blocks)),
        (TagEnd::List(_), Frame::List(ordered, items)) => {
            b.push_block(Block::List { ordered, items })
        }
        (TagEnd::Item, Frame::Item(mut blocks, loose, at)) => {
            if !loose.is_empty() {
                blocks.push(Block::Paragraph(loose));
                b.paragraph_offsets.push(at);
            }
            match b.stack.last_mut() {
                Some(Frame::List(_, items)) => items.push(blocks),
                // An item outside a list cannot come from CommonMark; keep its blocks.
                _ => blocks.into_iter().for_each(|blk| b.push_block(blk)),
            }
        }
        (TagEnd::Emphasis, Frame::Emphasis(c)) => b.push_inline(Inline::Emphasis(c), None),
        (_, Frame::Strong(c)) => b.push_inline(Inline::Strong(c), None),
        (TagEnd::Link, Frame::Link(kind, content)) => match kind {
            LinkKind::Safe(href) => b.push_inline(Inline::Link { href, content }, None),
            LinkKind::Mention(actor) => b.push_inline(
                Inline::Mention {
                    actor,
                    index: 0,
                    content,
                },
                None,
            ),
            LinkKind::Neutralised => content.into_iter().for_each(|i| b.push_inline(i, None)),
        },
        (TagEnd::Image, Frame::Image(alt)) => alt.into_iter().for_each(|i| b.push_inline(i, None)),
        (_, Frame::Blocks(blocks)) => blocks.into_iter().for_each(|blk| b.push_block(blk)),
        (_, other) => {
            // An unexpected pairing: keep whatever text it held rather than lose it.
            if let Some(content) = inlines_of(&mut { other }).map(std::mem::take) {
                content.into_iter().for_each(|i| b.push_inline(i, None));
            }
        }
    }
}
