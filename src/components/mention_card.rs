//! The small card about the actor of a hovered, focused or pinned mention. It sits above the
//! mention's line, over text already read (below it when there is no room above), never over
//! that line itself.

use super::context::use_app;
use crate::model::ActorKind;
use crate::state::{Action, Selection};
use crate::web;
use yew::prelude::*;

#[function_component(MentionCard)]
pub fn mention_card() -> Html {
    let app = use_app();
    let card_ref = use_node_ref();
    let card = app.ui.card.clone();
    {
        let card_ref = card_ref.clone();
        let root = app.root.clone();
        use_effect_with(card.clone(), move |card| {
            let (Some(card), Some(el), Some(root)) = (
                card,
                card_ref.cast::<web_sys::HtmlElement>(),
                root.cast::<web_sys::Element>(),
            ) else {
                return;
            };
            let Some(anchor) = web::find(&root, &format!("#{}", card.anchor)) else {
                return;
            };
            let Some(w) = web::window() else { return };
            let a = anchor.get_bounding_client_rect();
            // The card is positioned inside the viewer's root (position: relative).
            let origin = root.get_bounding_client_rect();
            let view_w = w
                .inner_width()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(800.0);
            let view_h = w
                .inner_height()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(600.0);
            let card_w = f64::from(el.offset_width());
            let card_h = f64::from(el.offset_height());
            let left = a.left().min(view_w - card_w - 8.0).max(8.0);
            let above = a.top() - card_h - 8.0;
            // The sticky toolbar covers the top of the viewport on wide screens.
            let top = if above > 64.0 || a.bottom() + 8.0 + card_h > view_h {
                above
            } else {
                a.bottom() + 8.0
            };
            let style = el.style();
            // Whole pixels: integer formatting keeps float printing out of the wasm.
            let px = |v: f64| format!("{}px", v.round() as i32);
            let _ = style.set_property("left", &px(left - origin.left()));
            let _ = style.set_property("top", &px(top - origin.top()));
        });
    }
    let Some(card) = card else {
        return html! { <div ref={card_ref} id="mention-card" class="card" hidden=true></div> };
    };
    let Some(actor) = app.article.actor(&card.actor) else {
        return html! {};
    };
    let on_close = {
        let ui = app.ui.clone();
        Callback::from(move |_| ui.dispatch(Action::CloseCard))
    };
    let on_open_panel = {
        let (ui, id, root) = (app.ui.clone(), actor.id.clone(), app.root.clone());
        Callback::from(move |_| {
            ui.dispatch(Action::Select(Selection::Actor(id.clone())));
            ui.dispatch(Action::ShowPanel(crate::route::Panel::Actors));
            ui.dispatch(Action::CloseCard);
            if let Some(root) = root.cast::<web_sys::Element>() {
                web::focus(&root, &format!("#actor-{id}"));
            }
        })
    };
    let kind = match actor.kind {
        ActorKind::Person => "Person",
        ActorKind::State => "State",
        ActorKind::Organisation => "Organisation",
        ActorKind::Media => "Media",
    };
    let mentions = match actor.mention_count {
        1 => "Mentioned once".to_string(),
        n => format!("Mentioned {n} times"),
    };
    html! {
        <div
            ref={card_ref}
            id="mention-card"
            class={classes!("card", card.pinned.then_some("card--pinned"))}
            role={if card.pinned { "dialog" } else { "tooltip" }}
            aria-label={actor.name.clone()}
        >
            <p class="card__name">{ &actor.name }</p>
            <p class="card__role">{ kind }{ " · " }{ &actor.role }</p>
            <p class="card__desc">{ &actor.description }</p>
            <p class="card__meta">{ mentions }</p>
            if card.pinned {
                <div class="card__actions">
                    <button type="button" class="button" onclick={on_open_panel}>
                        { "Open in panel" }
                    </button>
                    <button type="button" class="button" onclick={on_close}>{ "Close" }</button>
                </div>
            }
        </div>
    }
}
