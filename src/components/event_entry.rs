//! One event in the timeline panel: its date, the date's precision, a badge that says where
//! the date comes from, its title, and its details when selected. A component of its own so
//! that a selection re-renders the entries whose state changed, not the whole list.

use super::context::{use_viewer, Viewer};
use crate::dom;
use crate::i18n::{viewer::Msg, Lang};
use crate::model::{Event, Precision, Provenance, RecordSource, Selection};
use crate::state::SelectionAction;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventEntryProps {
    /// The event's place in `article.events`.
    pub index: usize,
    pub selected: bool,
    pub related: bool,
}

fn badge_label(p: &Provenance) -> Msg {
    match p {
        Provenance::Stated => Msg::ProvenanceStated,
        Provenance::Inferred { .. } => Msg::ProvenanceInferred,
        Provenance::Record { .. } => Msg::ProvenanceRecord,
    }
}

fn precision_label(p: Precision) -> Msg {
    match p {
        Precision::Day => Msg::PrecisionDay,
        Precision::Month => Msg::PrecisionMonth,
        Precision::Year => Msg::PrecisionYear,
    }
}

fn sentences_label(lang: Lang, count: usize) -> String {
    match count {
        0 => lang.t(Msg::EventNoSentence).to_string(),
        n => lang.n(Msg::EventSentences, n, &[]),
    }
}

/// Where a date from the public record was checked: the source's title (a link), publisher and
/// the words that state the date; or, plainly, that no source was checked.
pub fn record_source(lang: Lang, provenance: &Provenance) -> Html {
    match provenance {
        Provenance::Record {
            source:
                RecordSource::Checked {
                    title,
                    publisher,
                    url,
                    says,
                },
            ..
        } => html! {
            <p class="event__source">
                { lang.t(Msg::Source) }
                // Checked by the build and by the viewer's data check; checked again here.
                if crate::model::rules::is_web_address(url) {
                    <a href={url.clone()} rel="noopener noreferrer">{ title }</a>
                } else {
                    { title }
                }
                { lang.f(Msg::SourceSays, &[("publisher", publisher), ("says", says)]) }
            </p>
        },
        Provenance::Record {
            source: RecordSource::NotChecked,
            ..
        } => html! {
            <p class="event__source event__source--unchecked">
                { lang.t(Msg::SourceNotChecked) }
            </p>
        },
        _ => Html::default(),
    }
}

/// The selected event's details: what happened, where its date comes from, who and what.
fn event_details(viewer: &Viewer, event: &Event) -> Html {
    let (article, lang) = (&viewer.article, viewer.config.lang);
    let select = |sel: Selection| viewer.on(SelectionAction::Select(sel));
    let quotes: Vec<_> = article
        .quotes
        .iter()
        .filter(|q| q.event.as_deref() == Some(event.id.as_str()))
        .collect();
    html! {
        <div class="event__details" id={dom::event_details_id(&event.id)}>
            <p lang={viewer.text_lang()}>{ &event.description }</p>
            <p class="event__provenance">{ event.date_explanation(lang) }</p>
            { record_source(lang, &event.provenance) }
            if !event.actors.is_empty() {
                <p class="event__actors">
                    { lang.t(Msg::Who) }
                    { for event.actors.iter().map(|a| html! {
                        <button key={a.clone()} type="button" class="link-button chip"
                            onclick={select(Selection::Actor(a.clone()))}>
                            { article.actor_name(a) }
                        </button>
                    }) }
                </p>
            }
            <p class="event__sentences">{ sentences_label(lang, event.sentences.len()) }</p>
            if !quotes.is_empty() {
                <ul class="actor__links">
                    { for quotes.iter().map(|q| html! {
                        <li key={q.id.clone()}>
                            <button type="button" class="link-button"
                                onclick={select(Selection::Quote(q.id.clone()))}>
                                { lang.f(Msg::QuoteAndSpeaker, &[
                                    ("text", &q.text),
                                    ("who", &article.speakers_names(q, lang)),
                                ]) }
                            </button>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

#[function_component(EventEntry)]
pub fn event_entry(props: &EventEntryProps) -> Html {
    crate::render_count::rendered("EventEntry");
    let viewer = use_viewer();
    let lang = viewer.config.lang;
    let Some(event) = viewer.article.events.get(props.index) else {
        return html! {};
    };
    let (selected, related) = (props.selected, props.related);
    let sel = Selection::Event(event.id.clone());
    let precision = event.date.precision();
    html! {
        <li class={classes!(
            "event",
            selected.then_some("event--selected"),
            related.then_some("event--related"),
        )}>
            <button
                type="button"
                id={dom::event_entry_id(&event.id)}
                class="event__head"
                aria-expanded={selected.to_string()}
                aria-controls={dom::event_details_id(&event.id)}
                onclick={viewer.on(SelectionAction::Toggle(sel))}
            >
                <span class="event__when">
                    <time class="event__date" datetime={event.date.html_datetime()}>
                        { crate::dates::written(lang, &event.date) }
                    </time>
                    <span class={classes!("precision", format!("precision--{}", precision.as_str()))}>
                        { lang.t(precision_label(precision)) }
                    </span>
                    <span
                        class={classes!("badge", format!("badge--{}", event.provenance.badge()))}
                        title={event.provenance.explanation(lang)}
                    >
                        { lang.t(badge_label(&event.provenance)) }
                    </span>
                </span>
                <span class="event__title" lang={viewer.text_lang()}>{ &event.title }</span>
                { super::actor_entry::suggested_badge(viewer.config.lang, viewer.article.is_suggested("event", &event.id)) }
            </button>
            if selected {
                { event_details(&viewer, event) }
            }
        </li>
    }
}
