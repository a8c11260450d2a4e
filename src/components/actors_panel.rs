//! The actors panel: actors grouped by kind, each with role and mention count. Selecting one
//! opens its details (`ActorDetails`) and highlights its mentions in the text.

use super::actor_details::ActorDetails;
use super::context::use_app;
use crate::model::ActorKind;
use crate::state::{Action, Selection};
use yew::prelude::*;

#[function_component(ActorsPanel)]
pub fn actors_panel() -> Html {
    let app = use_app();
    let ui = &app.ui;
    html! {
        <div class="actors">
            <h2 class="panel-title">{ "Actors" }</h2>
            { for ActorKind::ALL.iter().map(|kind| {
                let actors: Vec<_> = app.article.actors.iter().filter(|a| a.kind == *kind).collect();
                if actors.is_empty() {
                    return html! {};
                }
                html! {
                    <section key={kind.as_str()} class="actors__group" aria-labelledby={format!("group-{}", kind.as_str())}>
                        <h3 id={format!("group-{}", kind.as_str())} class="actors__kind">{ kind.plural_label() }</h3>
                        <ul class="actors__list">
                            { for actors.into_iter().map(|actor| {
                                let selected = ui.is_actor_selected(&actor.id);
                                let related = app.related.actors.contains(&actor.id);
                                let onclick = {
                                    let (ui, id) = (ui.clone(), actor.id.clone());
                                    Callback::from(move |_| {
                                        ui.dispatch(if ui.is_actor_selected(&id) {
                                            Action::Clear
                                        } else {
                                            Action::Select(Selection::Actor(id.clone()))
                                        })
                                    })
                                };
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
                                            id={format!("actor-{}", actor.id)}
                                            class="actor__head"
                                            aria-expanded={selected.to_string()}
                                            aria-controls={format!("actor-details-{}", actor.id)}
                                            {onclick}
                                        >
                                            <span class="actor__name">{ &actor.name }</span>
                                            <span class="actor__role">{ &actor.role }</span>
                                            <span class="actor__count">{ mentions }</span>
                                        </button>
                                        if selected {
                                            <ActorDetails id={actor.id.clone()} />
                                        }
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </div>
    }
}
