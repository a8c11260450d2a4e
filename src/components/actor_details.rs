//! The details of the selected actor: affiliation, description, previous/next mention, its
//! quotes and events, and its relations, each with the sentence of the article behind it.

use super::context::use_app;
use crate::state::{Action, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorDetailsProps {
    pub id: AttrValue,
}

#[function_component(ActorDetails)]
pub fn actor_details(props: &ActorDetailsProps) -> Html {
    let app = use_app();
    let article = &app.article;
    let Some(actor) = article.actor(&props.id) else {
        return html! {};
    };
    let ui = &app.ui;
    let select = |sel: Selection| {
        let ui = ui.clone();
        Callback::from(move |_| ui.dispatch(Action::Select(sel.clone())))
    };
    let step = |delta: i32| {
        let (ui, total) = (ui.clone(), actor.mention_count);
        Callback::from(move |_| ui.dispatch(Action::StepMention { delta, total }))
    };
    let quotes: Vec<_> = article
        .quotes
        .iter()
        .filter(|q| q.speaker == actor.id)
        .collect();
    let events: Vec<_> = article
        .events
        .iter()
        .filter(|e| e.actors.contains(&actor.id))
        .collect();
    let incoming: Vec<_> = article
        .actors
        .iter()
        .flat_map(|a| a.relations.iter().map(move |r| (a, r)))
        .filter(|(_, r)| r.target == actor.id)
        .collect();
    html! {
        <div class="actor__details" id={format!("actor-details-{}", actor.id)}>
            if let Some(aff) = actor.affiliation.as_ref().and_then(|a| article.actor(a)) {
                <p class="actor__affiliation">
                    { "Affiliation: " }
                    <button type="button" class="link-button"
                        onclick={select(Selection::Actor(aff.id.clone()))}>{ &aff.name }</button>
                </p>
            }
            <p class="actor__desc">{ &actor.description }</p>
            if !actor.aliases.is_empty() {
                <p class="actor__aliases">{ "Also: " }{ actor.aliases.join(", ") }</p>
            }
            <div class="actor__mentions" role="group" aria-label="Mentions in the text">
                <button type="button" class="button" onclick={step(-1)}
                    aria-label="Previous mention">{ "← Previous" }</button>
                <span class="actor__position">
                    { format!("Mention {} of {}", ui.mention_index + 1, actor.mention_count) }
                </span>
                <button type="button" class="button" onclick={step(1)}
                    aria-label="Next mention">{ "Next →" }</button>
            </div>
            if !quotes.is_empty() {
                <h4 class="actor__subhead">{ "Quotes" }</h4>
                <ul class="actor__links">
                    { for quotes.iter().map(|q| html! {
                        <li key={q.id.clone()}>
                            <button type="button" class="link-button"
                                onclick={select(Selection::Quote(q.id.clone()))}>
                                { format!("“{}”", q.text) }
                            </button>
                        </li>
                    }) }
                </ul>
            }
            if !events.is_empty() {
                <h4 class="actor__subhead">{ "Events" }</h4>
                <ul class="actor__links">
                    { for events.iter().map(|e| html! {
                        <li key={e.id.clone()}>
                            <button type="button" class="link-button"
                                onclick={select(Selection::Event(e.id.clone()))}>
                                <time datetime={e.date.iso()}>{ e.date.long() }</time>
                                { ": " }{ &e.title }
                            </button>
                        </li>
                    }) }
                </ul>
            }
            if !actor.relations.is_empty() || !incoming.is_empty() {
                <h4 class="actor__subhead">{ "Relations" }</h4>
                <ul class="relations">
                    { for actor.relations.iter().enumerate().map(|(i, r)| html! {
                        <li key={format!("out-{i}")} class="relation">
                            <p class="relation__what">
                                { &actor.name }{ " " }{ r.kind.label() }{ " " }
                                <button type="button" class="link-button"
                                    onclick={select(Selection::Actor(r.target.clone()))}>
                                    { article.actor_name(&r.target) }
                                </button>
                            </p>
                            <blockquote class="relation__evidence">{ &r.evidence }</blockquote>
                        </li>
                    }) }
                    { for incoming.iter().enumerate().map(|(i, (source, r))| html! {
                        <li key={format!("in-{i}")} class="relation">
                            <p class="relation__what">
                                <button type="button" class="link-button"
                                    onclick={select(Selection::Actor(source.id.clone()))}>
                                    { &source.name }
                                </button>
                                { " " }{ r.kind.label() }{ " " }{ &actor.name }
                            </p>
                            <blockquote class="relation__evidence">{ &r.evidence }</blockquote>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}
