//! The actors panel: actors grouped by kind, each an `ActorEntry` with role and mention count.
//! Selecting one opens its details (`ActorDetails`) and highlights its mentions in the text.

use super::actor_entry::ActorEntry;
use super::context::use_viewer;
use crate::model::related::Related;
use crate::model::ActorKind;
use crate::state::Selection;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorsPanelProps {
    pub selection: Option<Selection>,
    pub related: Rc<Related>,
    /// The current mention of the selected actor.
    pub mention_index: u32,
}

#[function_component(ActorsPanel)]
pub fn actors_panel(props: &ActorsPanelProps) -> Html {
    crate::render_count::rendered("ActorsPanel");
    let viewer = use_viewer();
    let selected = match &props.selection {
        Some(Selection::Actor(id)) => Some(id.as_str()),
        _ => None,
    };
    html! {
        <div class="actors">
            <h2 class="panel-title">{ "Actors" }</h2>
            { for ActorKind::ALL.iter().map(|kind| {
                let actors: Vec<_> = viewer.article.actors.iter().enumerate()
                    .filter(|(_, a)| a.kind == *kind).collect();
                if actors.is_empty() {
                    return html! {};
                }
                let group = format!("group-{}", kind.as_str());
                html! {
                    <section key={kind.as_str()} class="actors__group" aria-labelledby={group.clone()}>
                        <h3 id={group} class="actors__kind">{ kind.plural_label() }</h3>
                        <ul class="actors__list">
                            { for actors.into_iter().map(|(index, actor)| {
                                let selected = selected == Some(actor.id.as_str());
                                html! {
                                    <ActorEntry key={actor.id.clone()} {index} {selected}
                                        related={props.related.actors.contains(&actor.id)}
                                        mention_index={if selected { props.mention_index } else { 0 }} />
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </div>
    }
}
