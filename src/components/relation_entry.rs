//! One relation in the relations panel's list: “Russia partner of North Korea”, a button that
//! selects it (and then shows the sentence of the article behind it). Before the viewer runs
//! (or without JavaScript) the sentence is always shown. A component of its own so that a
//! selection re-renders the entries whose state changed, not the whole list.

use super::context::use_viewer;
use crate::dom;
use crate::model::{relation_id, Selection};
use crate::state::SelectionAction;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationEntryProps {
    /// The place in `article.actors` of the actor whose relation it is.
    pub actor: usize,
    /// The relation's place among that actor's relations.
    pub index: usize,
    pub selected: bool,
    /// It involves the selected actor.
    pub related: bool,
}

#[function_component(RelationEntry)]
pub fn relation_entry(props: &RelationEntryProps) -> Html {
    crate::render_count::rendered("RelationEntry");
    let viewer = use_viewer();
    let article = &viewer.article;
    let Some(actor) = article.actors.get(props.actor) else {
        return html! {};
    };
    let Some(relation) = actor.relations.get(props.index) else {
        return html! {};
    };
    let id = relation_id(&actor.id, props.index);
    let phrase = article.relation_phrase(actor, relation, viewer.config.lang);
    // A draft's relation not yet confirmed (a preview only).
    let badge = super::actor_entry::suggested_badge(
        viewer.config.lang,
        article.is_suggested("relation", &id),
    );
    let class = classes!(
        "relation-entry",
        props.selected.then_some("relation-entry--selected"),
        props.related.then_some("relation-entry--related"),
    );
    let evidence = html! {
        <blockquote class="relation__evidence" lang={viewer.text_lang()}>{ &relation.evidence }</blockquote>
    };
    if crate::config::prerendering() {
        return html! {
            <li id={dom::relation_item_id(&id)} {class}>
                <p class="relation-entry__what">{ phrase }{ badge }</p>
                { evidence }
            </li>
        };
    }
    html! {
        <li id={dom::relation_item_id(&id)} {class}>
            <button type="button" class="relation-entry__button"
                aria-pressed={props.selected.to_string()}
                onclick={viewer.on(SelectionAction::Toggle(Selection::Relation(id)))}>
                { phrase }{ badge }
            </button>
            if props.selected { { evidence } }
        </li>
    }
}
