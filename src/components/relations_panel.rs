//! The relations panel: the picture of who stands with whom (`relations_picture`), then every
//! relation as a list grouped by the actor whose relation it is (`RelationEntry`). The list is
//! what keyboards and screen readers use: each entry is a button that selects the relation, which shows the
//! sentence of the article behind it here and marks that sentence in the text. Before the
//! viewer runs (or without JavaScript), each entry shows its sentence.

use super::context::use_viewer;
use super::relation_entry::RelationEntry;
use super::relations_picture::{on_click, picture, picture_reference};
use crate::effects::use_progressive_list;
use crate::i18n::viewer::Msg;
use crate::model::related::Related;
use crate::model::Selection;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationsPanelProps {
    pub selection: Option<Selection>,
    pub related: Rc<Related>,
}

#[function_component(RelationsPanel)]
pub fn relations_panel(props: &RelationsPanelProps) -> Html {
    crate::render_count::rendered("RelationsPanel");
    let viewer = use_viewer();
    let article = &viewer.article;
    let selected_actor = props.selection.as_ref().and_then(Selection::actor);
    let selected_relation = props.selection.as_ref().and_then(Selection::relation);
    // Every relation as (actor, index), actor by actor. Long lists render in steps.
    let all: Vec<(usize, usize)> = article
        .actors
        .iter()
        .enumerate()
        .flat_map(|(a, actor)| (0..actor.relations.len()).map(move |i| (a, i)))
        .collect();
    let needed = selected_relation
        .and_then(|id| article.relation_place(id))
        .and_then(|place| all.iter().position(|&p| p == place));
    let (shown, more) =
        use_progressive_list(all.len(), needed, viewer.config.lang, Msg::MoreRelations);
    // The rendered ones, actor by actor (`all` is in actor order).
    let by_actor = all[..shown].chunk_by(|a, b| a.0 == b.0);
    html! { <>
        <p class="panel__intro">
            { viewer.config.lang.t(Msg::RelationsIntro) }
        </p>
        <figure class="graph__figure">
            // The page as built shows the dossier's drawing here (one copy in the page), or a
            // copy of its own when the dossier is sent inert; the live viewer draws its own,
            // which follows the selection.
            if crate::config::sends_inert_parts(&viewer.article) {
                { picture(&viewer.picture, None, &Related::default(), None, viewer.config.lang) }
            } else if crate::config::prerendering() {
                { picture_reference(&viewer.picture, viewer.config.lang) }
            } else {
                { picture(&viewer.picture, props.selection.as_ref(), &props.related,
                    Some(on_click(&viewer)), viewer.config.lang) }
            }
        </figure>
        <h3 class="relations-list__heading">{ viewer.config.lang.t(Msg::RelationsByActor) }</h3>
        <ul class="relations-list">
            { for by_actor.map(|group| {
                let actor = group[0].0;
                let a = &article.actors[actor];
                html! {
                <li key={a.id.clone()} class="relations-list__actor">
                    <h4 class="relations-list__name" lang={viewer.text_lang()}>{ &a.name }</h4>
                    <ul class="relations-list__entries">
                        { for group.iter().map(|&(_, index)| {
                            let r = &a.relations[index];
                            let id = crate::model::relation_id(&a.id, index);
                            let selected = selected_relation == Some(id.as_str());
                            let related = selected_actor
                                .is_some_and(|s| s == a.id || s == r.target);
                            html! {
                                <RelationEntry key={id} {actor} {index} {selected} {related} />
                            }
                        }) }
                    </ul>
                </li>
                }
            }) }
        </ul>
        { more }
    </> }
}
