//! The relations panel: the picture of who stands with whom (`relations_picture`), then every
//! relation as a list grouped by the actor whose relation it is. The list is what keyboards
//! and screen readers use: each entry is a button that selects the relation, which shows the
//! sentence of the article behind it here and marks that sentence in the text. Before the
//! viewer runs (or without JavaScript), each entry shows its sentence.

use super::context::use_viewer;
use super::relations_picture::{on_click, picture};
use crate::dom;
use crate::model::related::Related;
use crate::model::Selection;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationsPanelProps {
    pub selection: Option<Selection>,
    pub related: Rc<Related>,
}

#[derive(Properties, PartialEq)]
struct RelationEntryProps {
    /// The relation's id (`russia.0`).
    id: AttrValue,
    selected: bool,
    /// It involves the selected actor, or joins the actors of the selection.
    related: bool,
}

/// One relation: re-rendered only when its own state changes.
#[function_component(RelationEntry)]
fn relation_entry(props: &RelationEntryProps) -> Html {
    let viewer = use_viewer();
    let article = &viewer.article;
    let Some((actor, relation)) = article.relation(&props.id) else {
        return html! {};
    };
    let phrase = article.relation_phrase(actor, relation);
    let class = classes!(
        "relation-entry",
        props.selected.then_some("relation-entry--selected"),
        props.related.then_some("relation-entry--related"),
    );
    let evidence = html! {
        <blockquote class="relation__evidence">{ &relation.evidence }</blockquote>
    };
    if crate::config::prerendering() {
        return html! {
            <li id={dom::relation_item_id(&props.id)} {class}>
                <p class="relation-entry__what">{ phrase }</p>
                { evidence }
            </li>
        };
    }
    let selection = Selection::Relation(props.id.to_string());
    html! {
        <li id={dom::relation_item_id(&props.id)} {class}>
            <button type="button" class="relation-entry__button"
                aria-pressed={props.selected.to_string()}
                onclick={viewer.on(Action::Toggle(selection))}>
                { phrase }
            </button>
            if props.selected { { evidence } }
        </li>
    }
}

#[function_component(RelationsPanel)]
pub fn relations_panel(props: &RelationsPanelProps) -> Html {
    crate::render_count::rendered("RelationsPanel");
    let viewer = use_viewer();
    let article = &viewer.article;
    let selected_actor = match &props.selection {
        Some(Selection::Actor(id)) => Some(id.as_str()),
        _ => None,
    };
    let entries = article.actors.iter().filter(|a| !a.relations.is_empty());
    html! { <>
        <p class="panel__intro">
            { "Who stands with whom, as the article tells it. Choose a relation to see the \
               sentence behind it; the list below the picture holds the same relations." }
        </p>
        <figure class="graph__figure">
            { picture(&viewer.picture, props.selection.as_ref(), &props.related,
                Some(on_click(&viewer))) }
        </figure>
        <h3 class="relations-list__heading">{ "Every relation, by actor" }</h3>
        <ul class="relations-list">
            { for entries.map(|a| html! {
                <li key={a.id.clone()} class="relations-list__actor">
                    <h4 class="relations-list__name">{ &a.name }</h4>
                    <ul class="relations-list__entries">
                        { for a.relations.iter().enumerate().map(|(i, r)| {
                            let id = crate::model::relation_id(&a.id, i);
                            let selected = props.selection == Some(Selection::Relation(id.clone()));
                            let related = selected_actor
                                .is_some_and(|s| s == a.id || s == r.target);
                            let key = id.clone();
                            html! { <RelationEntry {key} id={AttrValue::from(id)} {selected} {related} /> }
                        }) }
                    </ul>
                </li>
            }) }
        </ul>
    </> }
}
