//! An actor named in the text: a focusable link to `#actor=<id>`. Hover or focus shows the
//! actor's card; click, tap or Enter selects the actor and pins the card. It reads only the
//! unchanging `TextContext`, so it renders once; its highlight classes (`mention--selected`,
//! `--related`, `--current`, `aria-current`) are set by `effects::use_text_highlights`.

use super::context::use_text;
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
    let text = use_text();
    let id = format!("mention-{}-{}", props.actor, props.index);
    let action = |make: fn(String, u32, String) -> Action| {
        let (dispatch, actor, anchor, index) = (
            text.dispatch.clone(),
            props.actor.to_string(),
            id.clone(),
            props.index,
        );
        move || dispatch.dispatch(make(actor.clone(), index, anchor.clone()))
    };
    let activate = action(|actor, index, anchor| Action::ActivateMention {
        actor,
        index,
        anchor,
    });
    let show = action(|actor, _, anchor| Action::HoverCard { actor, anchor });
    let hide = {
        let dispatch = text.dispatch.clone();
        move || dispatch.dispatch(Action::Unhover)
    };
    let (show2, hide2) = (show.clone(), hide.clone());
    html! {
        <a
            class="mention"
            id={id.clone()}
            href={format!("#actor={}", props.actor)}
            data-actor={props.actor.clone()}
            onclick={Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                activate();
            })}
            onmouseenter={Callback::from(move |_| show())}
            onmouseleave={Callback::from(move |_| hide())}
            onfocus={Callback::from(move |_| show2())}
            onblur={Callback::from(move |_| hide2())}
        >
            { props.children.clone() }
        </a>
    }
}
