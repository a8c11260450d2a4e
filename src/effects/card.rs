//! The card on a mention: placed beside its mention, and closed by a click outside it.

use crate::components::context::Root;
use crate::dom;
use crate::state::{Action, Card, CardAction, UiState};
use crate::web;
use crate::web::dom::{covered_top, find, viewport};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A pinned card closes when the reader clicks or taps anywhere outside it and the mentions.
/// (The event's composed path sees through a shadow root.)
#[hook]
pub fn use_click_outside_card(pinned: bool, dispatch: UseReducerDispatcher<UiState>) {
    use_effect_with(pinned, move |pinned| {
        let listener = pinned.then(web::document).flatten().map(|d| {
            EventListener::new(&d, "pointerdown", move |e| {
                let inside = e.composed_path().iter().any(|node| {
                    node.dyn_into::<web_sys::Element>()
                        .is_ok_and(|el| el.matches(&dom::card_or_mention()).unwrap_or(false))
                });
                if !inside {
                    dispatch.dispatch(Action::Card(CardAction::Close));
                }
            })
        });
        move || drop(listener)
    });
}

/// Gap between the card and its mention, and the viewport's edges, in CSS pixels.
const GAP: f64 = 8.0;

/// Places the card (`card_ref`) above its mention's line, over text already read, or below
/// it when there is no room above (the toolbar, when it covers the top, takes room). Placed
/// just before the next paint: measuring then forces no extra layout in the task that changed
/// the selection.
#[hook]
pub fn use_card_position(card: Option<Card>, card_ref: NodeRef, root: Root) {
    use_effect_with(card, move |card| {
        if let Some(card) = card.clone() {
            web::before_next_paint(move || place(&card, &card_ref, &root));
        }
    });
}

fn place(card: &Card, card_ref: &NodeRef, root: &Root) {
    let (Some(el), Some(root)) = (card_ref.cast::<web_sys::HtmlElement>(), root.element()) else {
        return;
    };
    let Some(anchor) = find(&root, &dom::mention_selector(&card.actor, card.mention)) else {
        return;
    };
    let a = anchor.get_bounding_client_rect();
    // The card is positioned inside the viewer's root (position: relative).
    let origin = root.get_bounding_client_rect();
    let (view_w, view_h) = viewport((800.0, 600.0));
    let (card_w, card_h) = (f64::from(el.offset_width()), f64::from(el.offset_height()));
    let left = a.left().min(view_w - card_w - GAP).max(GAP);
    let above = a.top() - card_h - GAP;
    let room_above = above > covered_top(&root, dom::TOOLBAR) + GAP;
    let top = if room_above || a.bottom() + GAP + card_h > view_h {
        above
    } else {
        a.bottom() + GAP
    };
    let style = el.style();
    // Whole pixels: integer formatting keeps float printing out of the wasm.
    let px = |v: f64| format!("{}px", v.round() as i32);
    let _ = style.set_property("left", &px(left - origin.left()));
    let _ = style.set_property("top", &px(top - origin.top()));
}
