//! The small card about the actor of a hovered, focused or pinned mention. It sits above the
//! mention's line, over text already read (below it when there is no room above), never over
//! that line itself (`effects::use_card_position` places it).

use super::context::use_viewer;
use crate::dom;
use crate::effects::use_card_position;
use crate::i18n::viewer::Msg;
use crate::state::{Card, CardAction};
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MentionCardProps {
    pub card: Option<Card>,
}

#[function_component(MentionCard)]
pub fn mention_card(props: &MentionCardProps) -> Html {
    crate::render_count::rendered("MentionCard");
    let viewer = use_viewer();
    let card_ref = use_node_ref();
    use_card_position(props.card.clone(), card_ref.clone(), viewer.root.clone());
    let Some(card) = &props.card else {
        return html! { <div ref={card_ref} id={dom::MENTION_CARD_ID} class="card" hidden=true></div> };
    };
    let Some(actor) = viewer.article.actor(&card.actor) else {
        return html! {};
    };
    let on_open_panel = {
        let (viewer, id) = (viewer.clone(), actor.id.clone());
        Callback::from(move |_| {
            viewer.dispatch(CardAction::OpenInPanel(id.clone()));
            if let Some(root) = viewer.root_element() {
                web::dom::focus(&root, &dom::by_id(&dom::actor_entry_id(&id)));
            }
        })
    };
    let (lang, text) = (viewer.config.lang, viewer.text_lang());
    let count = actor.mention_count as usize;
    // In a site, the count is this article's, and the actor's page is a link away.
    let site = viewer.site_actor(&actor.id);
    let mentions = match site {
        Some(_) => lang.n(Msg::MentionedHere, count, &[]),
        None => lang.n(Msg::MentionedTimes, count, &[]),
    };
    html! {
        <div
            ref={card_ref}
            id={dom::MENTION_CARD_ID}
            class={classes!("card", card.pinned.then_some("card--pinned"))}
            role={if card.pinned { "dialog" } else { "tooltip" }}
            aria-label={actor.name.clone()}
        >
            <p class="card__name" lang={text.clone()}>{ &actor.name }</p>
            <p class="card__role">{ actor.kind.label(lang) }{ " · " }<span lang={text.clone()}>{ &actor.role }</span></p>
            <p class="card__desc" lang={text}>{ &actor.description }</p>
            <p class="card__meta">
                { mentions }
                if let Some(page) = site {
                    { " · " }
                    { super::actor_details::site_link(lang, &actor.name, page) }
                }
            </p>
            if card.pinned {
                <div class="card__actions">
                    <button type="button" class="button" onclick={on_open_panel}>
                        { lang.t(Msg::OpenInPanel) }
                    </button>
                    <button type="button" class="button" onclick={viewer.on(CardAction::Close)}>
                        { lang.t(Msg::Close) }
                    </button>
                </div>
            }
        </div>
    }
}
