//! The quotes panel: every quote with its speaker, its date where the article gives one, and
//! a line of context; a filter by speaker; copy a quote with its attribution.

use super::context::use_app;
use crate::model::{Article, Quote, Selection};
use crate::state::Action;
use crate::web;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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

#[function_component(QuotesPanel)]
pub fn quotes_panel() -> Html {
    let app = use_app();
    let ui = &app.ui;
    let article = &app.article;
    let mut speakers: Vec<&str> = Vec::new();
    for q in &article.quotes {
        if !speakers.contains(&q.speaker.as_str()) {
            speakers.push(&q.speaker);
        }
    }
    let on_filter = {
        let ui = ui.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            ui.dispatch(Action::SetSpeakerFilter(
                (!value.is_empty()).then_some(value),
            ));
        })
    };
    let shown: Vec<&Quote> = article
        .quotes
        .iter()
        .filter(|q| ui.speaker_filter.as_ref().is_none_or(|s| *s == q.speaker))
        .collect();
    html! {
        <div class="quotes">
            <h2 class="panel-title">{ "Quotes" }</h2>
            <label class="quotes__filter">
                <span>{ "Speaker" }</span>
                <select id="speaker-filter" class="select" onchange={on_filter}>
                    <option value="" selected={ui.speaker_filter.is_none()}>
                        { format!("Everyone ({})", article.quotes.len()) }
                    </option>
                    { for speakers.iter().map(|s| {
                        let n = article.quotes.iter().filter(|q| q.speaker == *s).count();
                        html! {
                            <option key={s.to_string()} value={s.to_string()}
                                selected={ui.speaker_filter.as_deref() == Some(*s)}>
                                { format!("{} ({n})", article.actor_name(s)) }
                            </option>
                        }
                    }) }
                </select>
            </label>
            <ol class="quotes__list">
                { for shown.into_iter().map(|q| {
                    let sel = Selection::Quote(q.id.clone());
                    let selected = ui.is_selected(&sel);
                    let related = app.related.quotes.contains(&q.id);
                    let on_select = {
                        let (ui, sel) = (ui.clone(), sel.clone());
                        Callback::from(move |_| ui.dispatch(if ui.is_selected(&sel) {
                            Action::Clear
                        } else {
                            Action::Select(sel.clone())
                        }))
                    };
                    let on_speaker = {
                        let (ui, s) = (ui.clone(), q.speaker.clone());
                        Callback::from(move |_| ui.dispatch(Action::Select(Selection::Actor(s.clone()))))
                    };
                    let on_copy = {
                        let (ui, text) = (ui.clone(), attribution(article, q));
                        Callback::from(move |_| {
                            let ui = ui.clone();
                            web::copy_text(&text, move |ok| ui.dispatch(Action::Announce(if ok {
                                "Quote copied with its attribution.".to_string()
                            } else {
                                "The browser did not allow copying.".to_string()
                            })));
                        })
                    };
                    let date = q.event.as_deref().and_then(|e| article.event(e));
                    html! {
                        <li key={q.id.clone()} class={classes!(
                            "quote-item",
                            selected.then_some("quote-item--selected"),
                            related.then_some("quote-item--related"),
                        )}>
                            <button
                                type="button"
                                id={format!("quote-item-{}", q.id)}
                                class="quote-item__text"
                                aria-pressed={selected.to_string()}
                                onclick={on_select}
                            >
                                { format!("“{}”", q.text) }
                            </button>
                            <p class="quote-item__meta">
                                <button type="button" class="link-button" onclick={on_speaker}>
                                    { article.actor_name(&q.speaker) }
                                </button>
                                { " · " }
                                { match date {
                                    Some(e) => html! { <time datetime={e.date.iso()}>{ e.date.long() }</time> },
                                    None => html! { <span class="quote-item__undated">{ "date not given" }</span> },
                                } }
                            </p>
                            <p class="quote-item__context">{ &q.context }</p>
                            <button type="button" class="button quote-item__copy" onclick={on_copy}
                                aria-label={format!("Copy the quote by {} with its attribution", article.actor_name(&q.speaker))}>
                                { "Copy" }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
