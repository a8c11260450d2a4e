//! The quotes panel: every quote with its speaker, its date where the article gives one, and
//! a line of context; a filter by speaker; copy a quote with its attribution.

use super::context::{use_viewer, Viewer};
use crate::dom;
use crate::model::related::Related;
use crate::model::{Article, Quote, Selection};
use crate::state::Action;
use crate::web;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuotesPanelProps {
    pub selection: Option<Selection>,
    pub related: Rc<Related>,
    /// Show only this speaker's quotes.
    pub speaker_filter: Option<String>,
}

/// The text put on the clipboard: the words, the speaker, where and when.
pub fn attribution(article: &Article, quote: &Quote) -> String {
    let speaker = article.actor(&quote.speaker);
    let who = match speaker {
        Some(a) if !a.role.is_empty() => format!("{}, {}", a.name, a.role),
        Some(a) => a.name.clone(),
        None => quote.speaker.clone(),
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
            viewer.dispatch(Action::Announce(if ok {
                "Quote copied with its attribution.".to_string()
            } else {
                "The browser did not allow copying.".to_string()
            }))
        });
    })
}

fn quote_entry(viewer: &Viewer, props: &QuotesPanelProps, q: &Quote) -> Html {
    let article = &viewer.article;
    let sel = Selection::Quote(q.id.clone());
    let selected = props.selection.as_ref() == Some(&sel);
    let related = props.related.quotes.contains(&q.id);
    let on_speaker = viewer.on(Action::Select(Selection::Actor(q.speaker.clone())));
    let date = q.event.as_deref().and_then(|e| article.event(e));
    html! {
        <li key={q.id.clone()} class={classes!(
            "quote-item",
            selected.then_some("quote-item--selected"),
            related.then_some("quote-item--related"),
        )}>
            <button
                type="button"
                id={dom::quote_entry_id(&q.id)}
                class="quote-item__text"
                aria-pressed={selected.to_string()}
                onclick={viewer.on(Action::Toggle(sel))}
            >
                { format!("“{}”", q.text) }
            </button>
            <p class="quote-item__meta">
                <button type="button" class="link-button" onclick={on_speaker}>
                    { article.actor_name(&q.speaker) }
                </button>
                { " · " }
                { match date {
                    Some(e) => html! { <time datetime={e.date.html_datetime()}>{ e.date.long() }</time> },
                    None => html! { <span class="quote-item__undated">{ "date not given" }</span> },
                } }
            </p>
            <p class="quote-item__context">{ &q.context }</p>
            <button type="button" class="button quote-item__copy" onclick={on_copy(viewer, q)}
                aria-label={format!("Copy the quote by {} with its attribution", article.actor_name(&q.speaker))}>
                { "Copy" }
            </button>
        </li>
    }
}

/// The speaker filter: everyone, or one speaker, with their numbers of quotes.
fn speaker_filter(viewer: &Viewer, filter: Option<&str>) -> Html {
    let article = &viewer.article;
    let mut speakers: Vec<&str> = Vec::new();
    for q in &article.quotes {
        if !speakers.contains(&q.speaker.as_str()) {
            speakers.push(&q.speaker);
        }
    }
    let on_filter = {
        let dispatch = viewer.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            dispatch.dispatch(Action::SetSpeakerFilter(
                (!value.is_empty()).then_some(value),
            ));
        })
    };
    html! {
        <label class="quotes__filter">
            <span>{ "Speaker" }</span>
            <select id="speaker-filter" class="select" onchange={on_filter}>
                <option value="" selected={filter.is_none()}>
                    { format!("Everyone ({})", article.quotes.len()) }
                </option>
                { for speakers.iter().map(|s| {
                    let n = article.quotes.iter().filter(|q| q.speaker == *s).count();
                    html! {
                        <option key={s.to_string()} value={s.to_string()}
                            selected={filter == Some(*s)}>
                            { format!("{} ({n})", article.actor_name(s)) }
                        </option>
                    }
                }) }
            </select>
        </label>
    }
}

#[function_component(QuotesPanel)]
pub fn quotes_panel(props: &QuotesPanelProps) -> Html {
    crate::render_count::rendered("QuotesPanel");
    let viewer = use_viewer();
    let filter = props.speaker_filter.as_deref();
    html! {
        <div class="quotes">
            <h2 class="panel-title">{ "Quotes" }</h2>
            { speaker_filter(&viewer, filter) }
            <ol class="quotes__list">
                { for viewer.article.quotes.iter()
                    .filter(|q| filter.is_none_or(|s| s == q.speaker))
                    .map(|q| quote_entry(&viewer, props, q)) }
            </ol>
        </div>
    }
}
