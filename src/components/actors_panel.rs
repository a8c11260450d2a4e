//! The actors panel: actors grouped by kind, each with role and mention count. Selecting one
//! opens its details (`ActorDetails`) and highlights its mentions in the text.

use super::actor_details::ActorDetails;
use super::context::{use_viewer, Viewer};
use crate::dom;
use crate::model::related::Related;
use crate::model::{Actor, ActorKind};
use crate::state::{Action, Selection};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorsPanelProps {
    pub selection: Option<Selection>,
    pub related: Rc<Related>,
    /// The current mention of the selected actor.
    pub mention_index: u32,
}

fn actor_entry(viewer: &Viewer, props: &ActorsPanelProps, actor: &Actor) -> Html {
    let selected = matches!(&props.selection, Some(Selection::Actor(a)) if *a == actor.id);
    let related = props.related.actors.contains(&actor.id);
    let mentions = match actor.mention_count {
        1 => "1 mention".to_string(),
        n => format!("{n} mentions"),
    };
    html! {
        <li key={actor.id.clone()} class={classes!(
            "actor",
            selected.then_some("actor--selected"),
            related.then_some("actor--related"),
        )}>
            <button
                type="button"
                id={dom::actor_entry_id(&actor.id)}
                class="actor__head"
                aria-expanded={selected.to_string()}
                aria-controls={dom::actor_details_id(&actor.id)}
                onclick={viewer.on(Action::Toggle(Selection::Actor(actor.id.clone())))}
            >
                <span class="actor__name">{ &actor.name }</span>
                <span class="actor__role">{ &actor.role }</span>
                <span class="actor__count">{ mentions }</span>
            </button>
            if selected {
                <ActorDetails id={actor.id.clone()} mention_index={props.mention_index} />
            }
        </li>
    }
}

#[function_component(ActorsPanel)]
pub fn actors_panel(props: &ActorsPanelProps) -> Html {
    crate::render_count::rendered("ActorsPanel");
    let viewer = use_viewer();
    html! {
        <div class="actors">
            <h2 class="panel-title">{ "Actors" }</h2>
            { for ActorKind::ALL.iter().map(|kind| {
                let actors: Vec<_> = viewer.article.actors.iter().filter(|a| a.kind == *kind).collect();
                if actors.is_empty() {
                    return html! {};
                }
                let group = format!("group-{}", kind.as_str());
                html! {
                    <section key={kind.as_str()} class="actors__group" aria-labelledby={group.clone()}>
                        <h3 id={group} class="actors__kind">{ kind.plural_label() }</h3>
                        <ul class="actors__list">
                            { for actors.into_iter().map(|actor| actor_entry(&viewer, props, actor)) }
                        </ul>
                    </section>
                }
            }) }
        </div>
    }
}
