//! The article's body: the block/inline tree rendered with `html!` (never as raw HTML), with
//! mentions, quotes and event sentences as marked elements. It reads only the unchanging
//! `TextContext`, so it renders once; what is selected or related is marked on these
//! elements by `effects::use_text_highlights`.

use super::context::use_text;
use super::mention::Mention;
use crate::model::{Block, Inline};
use yew::prelude::*;

#[function_component(ArticleBody)]
pub fn article_body() -> Html {
    let text = use_text();
    html! {
        <div class="article__body">
            { for text.article.blocks.iter().map(render_block) }
        </div>
    }
}

fn render_block(block: &Block) -> Html {
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

fn render_inlines(inlines: &[Inline]) -> Html {
    inlines.iter().map(render_inline).collect()
}

fn render_inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(t) => html! { { t.clone() } },
        Inline::Code(t) => html! { <code>{ t.clone() }</code> },
        Inline::LineBreak => html! { <br /> },
        Inline::Emphasis(c) => html! { <em>{ render_inlines(c) }</em> },
        Inline::Strong(c) => html! { <strong>{ render_inlines(c) }</strong> },
        Inline::Link { href, content } => html! {
            <a href={href.clone()} rel="noopener noreferrer">{ render_inlines(content) }</a>
        },
        Inline::Mention {
            actor,
            index,
            content,
        } => html! {
            <Mention actor={actor.clone()} index={*index}>{ render_inlines(content) }</Mention>
        },
        Inline::Quote { quote, content } => html! {
            <q class="quote" id={format!("quote-{quote}")} data-quote={quote.clone()}>
                { render_inlines(content) }
            </q>
        },
        Inline::Sentence { events, content } => html! {
            <span class="sentence" data-events={events.join(" ")}>{ render_inlines(content) }</span>
        },
    }
}
