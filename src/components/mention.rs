//! An actor named in the text: a focusable link to `#actor=<id>` that selects the actor.

use super::context::use_app;
use crate::state::{Action, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MentionProps {
    pub actor: AttrValue,
    pub index: u32,
    pub children: Html,
}

#[function_component(Mention)]
pub fn mention(props: &MentionProps) -> Html {
    let app = use_app();
    let selected = app.ui.is_actor_selected(&props.actor);
    let onclick = {
        let ui = app.ui.clone();
        let actor = props.actor.to_string();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            ui.dispatch(Action::Toggle(Selection::Actor(actor.clone())));
        })
    };
    let name = app.article.actor_name(&props.actor).to_string();
    html! {
        <a
            class={classes!("mention", selected.then_some("mention--selected"))}
            id={format!("mention-{}-{}", props.actor, props.index)}
            href={format!("#actor={}", props.actor)}
            data-actor={props.actor.clone()}
            title={name}
            aria-current={selected.then_some("true")}
            {onclick}
        >
            { props.children.clone() }
        </a>
    }
}
