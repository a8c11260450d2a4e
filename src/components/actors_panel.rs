//! The actors panel: actors grouped by kind, each an `ActorEntry` with role and mention count.
//! Selecting one opens its details (`actor_details`) and highlights its mentions in the text.
//! A long list renders in steps (`use_progressive_list`).

use super::actor_entry::ActorEntry;
use super::context::use_viewer;
use crate::effects::use_progressive_list;
use crate::i18n::viewer::Msg;
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
    let actors = &viewer.article.actors;
    let selected = props.selection.as_ref().and_then(Selection::actor);
    // The actors in the order shown: kind by kind. Long lists render in steps.
    let order: Vec<usize> = ActorKind::ALL
        .iter()
        .flat_map(|kind| (0..actors.len()).filter(move |&i| actors[i].kind == *kind))
        .collect();
    let needed = selected.and_then(|id| order.iter().position(|&i| actors[i].id == id));
    let (shown, more) =
        use_progressive_list(order.len(), needed, viewer.config.lang, Msg::MoreActors);
    html! {
        <div class="actors">
            <h2 class="panel-title">{ viewer.config.lang.t(Msg::TabActors) }</h2>
            // The rendered ones, kind by kind (`order` is in kind order).
            { for order[..shown].chunk_by(|&a, &b| actors[a].kind == actors[b].kind).map(|group| {
                let kind = actors[group[0]].kind;
                let heading = format!("group-{}", kind.as_str());
                html! {
                    <section key={kind.as_str()} class="actors__group" aria-labelledby={heading.clone()}>
                        <h3 id={heading} class="actors__kind">{ kind.plural_label(viewer.config.lang) }</h3>
                        <ul class="actors__list">
                            { for group.iter().map(|&index| {
                                let actor = &actors[index];
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
            { more }
        </div>
    }
}
