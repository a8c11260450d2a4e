//! An actor named in the text: a focusable link to `#actor=<id>`. Hover or focus shows the
//! actor's card; click, tap or Enter selects the actor and pins the card.

use super::context::use_app;
use crate::state::Action;
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
    let ui = &app.ui;
    let id = format!("mention-{}-{}", props.actor, props.index);
    let selected = ui.is_actor_selected(&props.actor);
    let related = !selected && app.related.actors.contains(props.actor.as_str());
    let current = selected && ui.mention_index == props.index;
    let has_card = ui.card.as_ref().is_some_and(|c| c.anchor == id);

    let onclick = {
        let (ui, actor, anchor) = (ui.clone(), props.actor.to_string(), id.clone());
        let index = props.index;
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let was_selected = ui.is_actor_selected(&actor);
            ui.dispatch(Action::ToggleMention {
                actor: actor.clone(),
                index,
            });
            ui.dispatch(if was_selected {
                Action::CloseCard
            } else {
                Action::PinCard {
                    actor: actor.clone(),
                    anchor: anchor.clone(),
                }
            });
        })
    };
    let show = {
        let (ui, actor, anchor) = (ui.clone(), props.actor.to_string(), id.clone());
        move || {
            ui.dispatch(Action::HoverCard {
                actor: actor.clone(),
                anchor: anchor.clone(),
            })
        }
    };
    let hide = {
        let ui = ui.clone();
        move || ui.dispatch(Action::Unhover)
    };
    let (show2, hide2) = (show.clone(), hide.clone());
    html! {
        <a
            class={classes!(
                "mention",
                selected.then_some("mention--selected"),
                related.then_some("mention--related"),
                current.then_some("mention--current"),
            )}
            id={id}
            href={format!("#actor={}", props.actor)}
            data-actor={props.actor.clone()}
            aria-current={selected.then_some("true")}
            aria-describedby={has_card.then_some("mention-card")}
            {onclick}
            onmouseenter={Callback::from(move |_| show())}
            onmouseleave={Callback::from(move |_| hide())}
            onfocus={Callback::from(move |_| show2())}
            onblur={Callback::from(move |_| hide2())}
        >
            { props.children.clone() }
        </a>
    }
}
