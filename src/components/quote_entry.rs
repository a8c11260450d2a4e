//! One quote in the quotes panel: its words (a button that selects it), its speaker and
//! date, a line of context, and Copy, which puts the quote on the clipboard with its
//! attribution. A component of its own so that a selection re-renders the entries whose state
//! changed, not the whole list.

use super::context::{use_viewer, Viewer};
use crate::dom;
use crate::model::{Article, Quote, Selection};
use crate::state::{NoticeAction, SelectionAction};
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuoteEntryProps {
    /// The quote's place in `article.quotes`.
    pub index: usize,
    pub selected: bool,
    pub related: bool,
}

/// The text put on the clipboard: the words, the speaker, where and when.
pub fn attribution(article: &Article, quote: &Quote) -> String {
    // One speaker is named with their role; several, by their names.
    let who = match quote.speakers.as_slice() {
        [one] => match article.actor(one) {
            Some(a) if !a.role.is_empty() => format!("{}, {}", a.name, a.role),
            Some(a) => a.name.clone(),
            None => one.clone(),
        },
        _ => article.speakers_names(quote),
    };
    let when = quote
        .event
        .as_deref()
        .and_then(|e| article.event(e))
        .map(|e| format!(", {}", e.date.long()))
        .unwrap_or_default();
    format!(
        "“{}” — {who}{when}. Quoted in “{}”, {}, {}.",
        quote.text,
        article.meta.title,
        article.meta.source.name,
        article.meta.source.date.long()
    )
}

/// Copies the quote with its attribution and says whether it worked.
fn on_copy(viewer: &Viewer, quote: &Quote) -> Callback<MouseEvent> {
    let (viewer, text) = (viewer.clone(), attribution(&viewer.article, quote));
    Callback::from(move |_| {
        let viewer = viewer.clone();
        web::files::copy_text(&text, move |ok| {
            viewer.dispatch(NoticeAction::Announce(if ok {
                "Quote copied with its attribution.".to_string()
            } else {
                "The browser did not allow copying.".to_string()
            }))
        });
    })
}

/// The speakers, each a button that selects them, joined as a reader says them ("A, B and C").
fn speaker_buttons(viewer: &Viewer, speakers: &[String]) -> Html {
    let last = speakers.len().saturating_sub(1);
    html! {
        { for speakers.iter().enumerate().map(|(n, id)| html! {
            <>
                { match n {
                    0 => "",
                    n if n == last => " and ",
                    _ => ", ",
                } }
                <button type="button" class="link-button"
                    onclick={viewer.on(SelectionAction::Select(Selection::Actor(id.clone())))}>
                    { viewer.article.actor_name(id) }
                </button>
            </>
        }) }
    }
}

#[function_component(QuoteEntry)]
pub fn quote_entry(props: &QuoteEntryProps) -> Html {
    crate::render_count::rendered("QuoteEntry");
    let viewer = use_viewer();
    let article = &viewer.article;
    let Some(q) = article.quotes.get(props.index) else {
        return html! {};
    };
    let (selected, related) = (props.selected, props.related);
    let sel = Selection::Quote(q.id.clone());
    let date = q.event.as_deref().and_then(|e| article.event(e));
    html! {
        <li class={classes!(
            "quote-item",
            selected.then_some("quote-item--selected"),
            related.then_some("quote-item--related"),
        )}>
            <button
                type="button"
                id={dom::quote_entry_id(&q.id)}
                class="quote-item__text"
                aria-pressed={selected.to_string()}
                onclick={viewer.on(SelectionAction::Toggle(sel))}
            >
                { format!("“{}”", q.text) }
                { super::actor_entry::suggested_badge(article.is_suggested("quote", &q.id)) }
            </button>
            <p class="quote-item__meta">
                if q.speakers.is_empty() {
                    // A draft's suggestion the drafter found no speaker for (a preview only).
                    <span class="quote-item__undated">{ "speaker not found" }</span>
                } else {
                    { speaker_buttons(&viewer, &q.speakers) }
                }
                { " · " }
                { match date {
                    Some(e) => html! { <time datetime={e.date.html_datetime()}>{ e.date.long() }</time> },
                    None => html! { <span class="quote-item__undated">{ "date not given" }</span> },
                } }
            </p>
            <p class="quote-item__context">{ &q.context }</p>
            <button type="button" class="button quote-item__copy" onclick={on_copy(&viewer, q)}
                aria-label={format!("Copy the quote by {} with its attribution", article.speakers_names(q))}>
                { "Copy" }
            </button>
        </li>
    }
}
