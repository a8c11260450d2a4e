//! One event in the timeline panel: its date, the date's precision, a badge that says where
//! the date comes from, its title, and its details when selected. A component of its own so
//! that a selection re-renders the entries whose state changed, not the whole list.

use super::context::{use_viewer, Viewer};
use crate::dom;
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

fn badge_label(p: &Provenance) -> &'static str {
    match p {
        Provenance::Stated => "Stated",
        Provenance::Inferred { .. } => "Inferred",
        Provenance::Record { .. } => "Record",
    }
}

fn precision_label(p: Precision) -> &'static str {
    match p {
        Precision::Day => "to the day",
        Precision::Month => "to the month",
        Precision::Year => "to the year",
    }
}

fn sentences_label(count: usize) -> String {
    match count {
        0 => "The article does not mention it directly.".to_string(),
        1 => "One sentence of the article mentions it (highlighted).".to_string(),
        n => format!("{n} sentences of the article mention it (highlighted)."),
    }
}

/// Where a date from the public record was checked: the source's title (a link), publisher and
/// the words that state the date; or, plainly, that no source was checked.
pub fn record_source(provenance: &Provenance) -> Html {
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
                { "Source: " }
                // Checked by the build and by the viewer's data check; checked again here.
                if crate::model::rules::is_web_address(url) {
                    <a href={url.clone()} rel="noopener noreferrer">{ title }</a>
                } else {
                    { title }
                }
                { format!(", {publisher}: “{says}”") }
            </p>
        },
        Provenance::Record {
            source: RecordSource::NotChecked,
            ..
        } => html! {
            <p class="event__source event__source--unchecked">
                { "Source not checked: no public text stating this date was found and read." }
            </p>
        },
        _ => Html::default(),
    }
}

/// The selected event's details: what happened, where its date comes from, who and what.
fn event_details(viewer: &Viewer, event: &Event) -> Html {
    let article = &viewer.article;
    let select = |sel: Selection| viewer.on(SelectionAction::Select(sel));
    let quotes: Vec<_> = article
        .quotes
        .iter()
        .filter(|q| q.event.as_deref() == Some(event.id.as_str()))
        .collect();
    html! {
        <div class="event__details" id={dom::event_details_id(&event.id)}>
            <p>{ &event.description }</p>
            <p class="event__provenance">{ event.date_explanation() }</p>
            { record_source(&event.provenance) }
            if !event.actors.is_empty() {
                <p class="event__actors">
                    { "Who: " }
                    { for event.actors.iter().map(|a| html! {
                        <button key={a.clone()} type="button" class="link-button chip"
                            onclick={select(Selection::Actor(a.clone()))}>
                            { article.actor_name(a) }
                        </button>
                    }) }
                </p>
            }
            <p class="event__sentences">{ sentences_label(event.sentences.len()) }</p>
            if !quotes.is_empty() {
                <ul class="actor__links">
                    { for quotes.iter().map(|q| html! {
                        <li key={q.id.clone()}>
                            <button type="button" class="link-button"
                                onclick={select(Selection::Quote(q.id.clone()))}>
                                { format!("“{}” — {}", q.text, article.speakers_names(q)) }
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
                        { event.date.long() }
                    </time>
                    <span class={classes!("precision", format!("precision--{}", precision.as_str()))}>
                        { precision_label(precision) }
                    </span>
                    <span
                        class={classes!("badge", format!("badge--{}", event.provenance.badge()))}
                        title={event.provenance.explanation()}
                    >
                        { badge_label(&event.provenance) }
                    </span>
                </span>
                <span class="event__title">{ &event.title }</span>
                { super::actor_entry::suggested_badge(viewer.article.is_suggested("event", &event.id)) }
            </button>
            if selected {
                { event_details(&viewer, event) }
            }
        </li>
    }
}
