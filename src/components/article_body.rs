//! The article's body: the block/inline tree rendered with `html!` (never as raw HTML), with
//! mentions, quotes and event sentences as marked elements.

use super::context::{use_app, AppContext};
use super::mention::Mention;
use crate::model::{Block, Inline, Selection};
use yew::prelude::*;

#[function_component(ArticleBody)]
pub fn article_body() -> Html {
    let app = use_app();
    html! {
        <div class="article__body">
            { for app.article.blocks.iter().map(|b| render_block(b, &app)) }
        </div>
    }
}

fn render_block(block: &Block, app: &AppContext) -> Html {
    let render_block = |b: &Block| render_block(b, app);
    let render_inlines = |c: &[Inline]| render_inlines(c, app);
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

fn render_inlines(inlines: &[Inline], app: &AppContext) -> Html {
    inlines.iter().map(|i| render_inline(i, app)).collect()
}

fn render_inline(inline: &Inline, app: &AppContext) -> Html {
    let render_inlines = |c: &[Inline]| render_inlines(c, app);
    let ui = &app.ui;
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
        Inline::Quote { quote, content } => {
            let selected = ui.is_selected(&Selection::Quote(quote.clone()));
            let related = app.related.quotes.contains(quote);
            html! {
                <q
                    class={classes!(
                        "quote",
                        selected.then_some("quote--selected"),
                        related.then_some("quote--related"),
                    )}
                    id={format!("quote-{quote}")}
                    data-quote={quote.clone()}
                >
                    { render_inlines(content) }
                </q>
            }
        }
        Inline::Sentence { events, content } => {
            let selected = matches!(&ui.selection, Some(Selection::Event(e)) if events.contains(e));
            let related = !selected && events.iter().any(|e| app.related.events.contains(e));
            html! {
                <span
                    class={classes!(
                        "sentence",
                        selected.then_some("sentence--selected"),
                        related.then_some("sentence--related"),
                    )}
                    data-events={events.join(" ")}
                >
                    { render_inlines(content) }
                </span>
            }
        }
    }
}
