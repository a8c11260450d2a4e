//! One actor in the actors panel: its name, role and number of mentions, a button that
//! selects it, and its details when selected. A component of its own so that a selection
//! re-renders the entries whose state changed, not the whole list (thousands, in a long
//! article).

use super::actor_details::actor_details;
use super::context::use_viewer;
use crate::dom;
use crate::i18n::{viewer::Msg, Lang};
use crate::state::{Selection, SelectionAction};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorEntryProps {
    /// The actor's place in `article.actors`.
    pub index: usize,
    pub selected: bool,
    pub related: bool,
    /// The current mention, when selected (else 0, so that stepping through another actor's
    /// mentions leaves this entry alone).
    pub mention_index: u32,
}

/// "Suggested", on an entry `draft` suggested that the writer has not confirmed (only ever in a
/// preview of drafts: `make dev`).
pub fn suggested_badge(lang: Lang, suggested: bool) -> Html {
    if suggested {
        html! {
            <span class={classes!("badge", dom::SUGGESTED_BADGE)} title={lang.t(Msg::SuggestedTitle)}>
                { lang.t(Msg::Suggested) }
            </span>
        }
    } else {
        Html::default()
    }
}

#[function_component(ActorEntry)]
pub fn actor_entry(props: &ActorEntryProps) -> Html {
    crate::render_count::rendered("ActorEntry");
    let viewer = use_viewer();
    let Some(actor) = viewer.article.actors.get(props.index) else {
        return html! {};
    };
    let (lang, text) = (viewer.config.lang, viewer.text_lang());
    let mentions = lang.n(Msg::Mentions, actor.mention_count as usize, &[]);
    html! {
        <li class={classes!(
            "actor",
            props.selected.then_some("actor--selected"),
            props.related.then_some("actor--related"),
        )}>
            <button
                type="button"
                id={dom::actor_entry_id(&actor.id)}
                class="actor__head"
                aria-expanded={props.selected.to_string()}
                aria-controls={dom::actor_details_id(&actor.id)}
                onclick={viewer.on(SelectionAction::Toggle(Selection::Actor(actor.id.clone())))}
            >
                <span class="actor__name" lang={text.clone()}>{ &actor.name }</span>
                { suggested_badge(lang, viewer.article.is_suggested("actor", &actor.id)) }
                <span class="actor__role" lang={text}>{ &actor.role }</span>
                <span class="actor__count">{ mentions }</span>
            </button>
            if props.selected {
                { actor_details(&viewer, actor, props.mention_index) }
            }
        </li>
    }
}
