//! One quote in the quotes panel: its words (a button that selects it), its speaker and
//! date, a line of context, and Copy, which puts the quote on the clipboard with its
//! attribution. A component of its own so that a selection re-renders the entries whose state
//! changed, not the whole list.

use super::context::{use_viewer, Viewer};
use crate::dom;
use crate::i18n::{viewer::Msg, Lang};
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

/// The text put on the clipboard: the words, the speaker, where and when, in `lang`.
pub fn attribution(article: &Article, quote: &Quote, lang: Lang) -> String {
    // One speaker is named with their role; several, by their names.
    let who = match quote.speakers.as_slice() {
        [one] => match article.actor(one) {
            Some(a) if !a.role.is_empty() => {
                lang.f(Msg::NameAndRole, &[("name", &a.name), ("role", &a.role)])
            }
            Some(a) => a.name.clone(),
            None => one.clone(),
        },
        _ => article.speakers_names(quote, lang),
    };
    let when = quote
        .event
        .as_deref()
        .and_then(|e| article.event(e))
        .map(|e| {
            lang.f(
                Msg::QuoteWhen,
                &[("date", &crate::dates::written(lang, &e.date))],
            )
        })
        .unwrap_or_default();
    lang.f(
        Msg::QuoteAttribution,
        &[
            ("text", &quote.text),
            ("who", &who),
            ("when", &when),
            ("title", &article.meta.title),
            ("source", &article.meta.source.name),
            (
                "date",
                &crate::dates::written_one(lang, &article.meta.source.date),
            ),
        ],
    )
}

/// Copies the quote with its attribution and says whether it worked.
fn on_copy(viewer: &Viewer, quote: &Quote) -> Callback<MouseEvent> {
    let lang = viewer.config.lang;
    let (viewer, text) = (viewer.clone(), attribution(&viewer.article, quote, lang));
    Callback::from(move |_| {
        let viewer = viewer.clone();
        web::files::copy_text(&text, move |ok| {
            let said = lang.t(if ok { Msg::Copied } else { Msg::CopyRefused });
            viewer.dispatch(NoticeAction::Announce(said.to_string()))
        });
    })
}

/// The speakers, each a button that selects them, joined as a reader says them ("A, B and C").
fn speaker_buttons(viewer: &Viewer, speakers: &[String]) -> Html {
    let lang = viewer.config.lang;
    let button = |id: &String| {
        html! {
            <button type="button" class="link-button"
                onclick={viewer.on(SelectionAction::Select(Selection::Actor(id.clone())))}>
                { viewer.article.actor_name(id) }
            </button>
        }
    };
    match speakers {
        [] => html! {},
        [one] => button(one),
        [rest @ .., last] => {
            let comma = lang.t(Msg::NamesComma);
            let rest = html! { { for rest.iter().enumerate().map(|(n, id)| html! {
                <>{ if n == 0 { "" } else { comma } }{ button(id) }</>
            }) } };
            crate::words::phrase(
                lang,
                Msg::NamesAnd,
                vec![("rest", rest), ("last", button(last))],
            )
        }
    }
}

#[function_component(QuoteEntry)]
pub fn quote_entry(props: &QuoteEntryProps) -> Html {
    crate::render_count::rendered("QuoteEntry");
    let viewer = use_viewer();
    let (article, lang) = (&viewer.article, viewer.config.lang);
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
                lang={viewer.text_lang()}
                aria-pressed={selected.to_string()}
                onclick={viewer.on(SelectionAction::Toggle(sel))}
            >
                { lang.f(Msg::Quoted, &[("text", &q.text)]) }
                { super::actor_entry::suggested_badge(viewer.config.lang, article.is_suggested("quote", &q.id)) }
            </button>
            <p class="quote-item__meta">
                if q.speakers.is_empty() {
                    // A draft's suggestion the drafter found no speaker for (a preview only).
                    <span class="quote-item__undated">{ lang.t(Msg::SpeakerNotFound) }</span>
                } else {
                    { speaker_buttons(&viewer, &q.speakers) }
                }
                { " · " }
                { match date {
                    Some(e) => html! { <time datetime={e.date.html_datetime()}>{ crate::dates::written(lang, &e.date) }</time> },
                    None => html! { <span class="quote-item__undated">{ lang.t(Msg::DateNotGiven) }</span> },
                } }
            </p>
            <p class="quote-item__context" lang={viewer.text_lang()}>{ &q.context }</p>
            <button type="button" class="button quote-item__copy" onclick={on_copy(&viewer, q)}
                aria-label={lang.f(Msg::CopyLabel, &[("who", &article.speakers_names(q, lang))])}>
                { lang.t(Msg::Copy) }
            </button>
        </li>
    }
}
