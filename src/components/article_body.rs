//! The article's body. On a page it is the prerendered text, left where it is; in a mount, the
//! article page's text, rebuilt from an allow-list (`web::rebuild_text`); either way never rendered again; the server renderer and the tests render it from the block tree
//! with `html!` (never as raw HTML). Either way it is interactive through a few delegated
//! listeners on the body (`body_events`, attached by `effects::use_body_events`), not a
//! component per mention, and it reads only the unchanging `Viewer` context: what is selected
//! or related is marked on its elements by `effects::use_text_highlights`.

use super::context::use_viewer;
use crate::dom;
use crate::effects::use_body_events;
use crate::model::{Article, Block, Inline};
use yew::prelude::*;

#[function_component(ArticleBody)]
pub fn article_body() -> Html {
    crate::render_count::rendered("ArticleBody");
    let text = use_viewer();
    let rendered = use_node_ref();
    use_body_events(
        text.body.clone(),
        rendered.clone(),
        text.dispatch.clone(),
        text.config.mode,
        text.article.clone(),
    );
    match &text.body {
        // A page's viewer leaves its body where it is.
        Some(_) if text.root.in_place() => Html::default(),
        Some(body) => Html::VRef(body.clone().into()),
        None => html! {
            <div class={dom::BODY_CLASS} ref={rendered}>{ render_blocks(&text.article) }</div>
        },
    }
}

/// The body's blocks. The server cuts a long article into sections
/// (`model::text::sections`): the first as it is, each other inside a `<noscript>`, which the
/// page's viewer puts in place once it has started (`web::sections`). In the browser (a mount,
/// the tests) every block is rendered as it is: a `<noscript>` made there would hide its
/// content.
fn render_blocks(article: &Article) -> Html {
    let blocks = |range: std::ops::Range<usize>| {
        article.blocks[range]
            .iter()
            .map(|b| render_block(article, b))
            .collect::<Html>()
    };
    if cfg!(target_arch = "wasm32") {
        return blocks(0..article.blocks.len());
    }
    crate::model::text::sections(&article.blocks)
        .into_iter()
        .enumerate()
        .map(|(i, range)| match i {
            0 => blocks(range),
            _ => html! { <noscript data-section="">{ blocks(range) }</noscript> },
        })
        .collect()
}

fn render_block(article: &Article, block: &Block) -> Html {
    let render_inlines = |inlines: &[Inline]| render_inlines(article, inlines);
    let render_block = |block: &Block| render_block(article, block);
    match block {
        Block::Paragraph(c) => html! { <p>{ render_inlines(c) }</p> },
        Block::Heading { level, content } => {
            let tag = match level {
                1 | 2 => "h2",
                3 => "h3",
                _ => "h4",
            };
            html! { <@{tag}>{ render_inlines(content) }</@> }
        }
        Block::Quotation(blocks) => {
            html! { <blockquote>{ for blocks.iter().map(render_block) }</blockquote> }
        }
        Block::List { ordered, items } => {
            let items = items
                .iter()
                .map(|item| html! { <li>{ for item.iter().map(render_block) }</li> });
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Rule => html! { <hr /> },
    }
}

fn render_inlines(article: &Article, inlines: &[Inline]) -> Html {
    inlines.iter().map(|i| render_inline(article, i)).collect()
}

fn render_inline(article: &Article, inline: &Inline) -> Html {
    let render_inlines = |inlines: &[Inline]| render_inlines(article, inlines);
    match inline {
        Inline::Text(t) => html! { { t.clone() } },
        Inline::Code(t) => html! { <code>{ t.clone() }</code> },
        Inline::LineBreak => html! { <br /> },
        Inline::Emphasis(c) => html! { <em>{ render_inlines(c) }</em> },
        Inline::Strong(c) => html! { <strong>{ render_inlines(c) }</strong> },
        // Links were checked by the build; checked again where they are written.
        Inline::Link { href, content } if crate::model::rules::is_safe_href(href) => html! {
            <a href={href.clone()} rel="noopener noreferrer">{ render_inlines(content) }</a>
        },
        Inline::Link { content, .. } => render_inlines(content),
        // A link to the actor, so that with JavaScript off (or before the viewer starts) a
        // click still records the reader's choice in the hash, which the viewer applies.
        Inline::Mention {
            actor,
            index,
            content,
        } => html! {
            <a
                class={classes!(
                    dom::MENTION_CLASS,
                    article.is_suggested("actor", actor).then_some(dom::MENTION_SUGGESTED),
                )}
                id={dom::mention_id(actor, *index)}
                href={format!("#actor={actor}")}
                data-actor={actor.clone()}
            >
                { render_inlines(content) }
            </a>
        },
        Inline::Quote { quote, content } => html! {
            <q class={dom::QUOTE_CLASS} id={dom::quote_id(quote)} data-quote={quote.clone()}>
                { render_inlines(content) }
            </q>
        },
        Inline::Sentence {
            events,
            relations,
            content,
        } => html! {
            <span class={dom::SENTENCE_CLASS}
                data-events={(!events.is_empty()).then(|| events.join(" "))}
                data-relations={(!relations.is_empty()).then(|| relations.join(" "))}>
                { render_inlines(content) }
            </span>
        },
    }
}
