//! The timeline panel: a time axis with scale breaks (so 1961 and 2023–24 are legible
//! together), then every event in order with its date, the date's precision and a provenance
//! badge that says where the date comes from.

use super::context::use_app;
use super::timeline_axis::TimelineAxis;
use crate::model::{Precision, Provenance, Selection};
use crate::state::Action;
use yew::prelude::*;

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

#[function_component(TimelinePanel)]
pub fn timeline_panel() -> Html {
    let app = use_app();
    let ui = &app.ui;
    let article = &app.article;
    let select = |sel: Selection| {
        let ui = ui.clone();
        Callback::from(move |_| ui.dispatch(Action::Select(sel.clone())))
    };
    html! {
        <div class="timeline">
            <h2 class="panel-title">{ "Timeline" }</h2>
            <TimelineAxis />
            <dl class="timeline__legend">
                <div><dt><span class="badge badge--stated">{ "Stated" }</span></dt>
                    <dd>{ "the article gives the date" }</dd></div>
                <div><dt><span class="badge badge--inferred">{ "Inferred" }</span></dt>
                    <dd>{ "from a weekday the article names" }</dd></div>
                <div><dt><span class="badge badge--record">{ "Record" }</span></dt>
                    <dd>{ "from the public record, not the article" }</dd></div>
            </dl>
            <ol class="timeline__list">
                { for article.events.iter().map(|event| {
                    let sel = Selection::Event(event.id.clone());
                    let selected = ui.is_selected(&sel);
                    let related = app.related.events.contains(&event.id);
                    let onclick = {
                        let (ui, sel) = (ui.clone(), sel.clone());
                        Callback::from(move |_| ui.dispatch(if ui.is_selected(&sel) {
                            Action::Clear
                        } else {
                            Action::Select(sel.clone())
                        }))
                    };
                    let precision = event.date.precision();
                    let quotes: Vec<_> = article.quotes.iter()
                        .filter(|q| q.event.as_deref() == Some(event.id.as_str())).collect();
                    html! {
                        <li key={event.id.clone()} class={classes!(
                            "event",
                            selected.then_some("event--selected"),
                            related.then_some("event--related"),
                        )}>
                            <button
                                type="button"
                                id={format!("event-{}", event.id)}
                                class="event__head"
                                aria-expanded={selected.to_string()}
                                aria-controls={format!("event-details-{}", event.id)}
                                {onclick}
                            >
                                <span class="event__when">
                                    <time class="event__date" datetime={event.date.iso()}>
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
                            </button>
                            if selected {
                                <div class="event__details" id={format!("event-details-{}", event.id)}>
                                    <p>{ &event.description }</p>
                                    <p class="event__provenance">
                                        <strong>{ event.provenance.explanation() }</strong>
                                        { " " }{ &event.note }
                                    </p>
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
                                    <p class="event__sentences">{ match event.sentences.len() {
                                        0 => "The article does not mention it directly.".to_string(),
                                        1 => "One sentence of the article mentions it (highlighted).".to_string(),
                                        n => format!("{n} sentences of the article mention it (highlighted)."),
                                    } }</p>
                                    if !quotes.is_empty() {
                                        <ul class="actor__links">
                                            { for quotes.iter().map(|q| html! {
                                                <li key={q.id.clone()}>
                                                    <button type="button" class="link-button"
                                                        onclick={select(Selection::Quote(q.id.clone()))}>
                                                        { format!("“{}” — {}", q.text, article.actor_name(&q.speaker)) }
                                                    </button>
                                                </li>
                                            }) }
                                        </ul>
                                    }
                                </div>
                            }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
