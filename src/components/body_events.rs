//! The article body's few delegated listeners, in place of a component per mention (the body
//! is prerendered text that the viewer adopts, not renders):
//!
//! - a click (or Enter) on a mention selects its actor and pins its card;
//! - hovering or focusing a mention shows its card; leaving it hides an unpinned card;
//! - in a mount, a link to `#somewhere` scrolls the viewer there instead of changing the host
//!   page's URL.

use super::context::Mode;
use crate::dom;
use crate::model::check::check_mention;
use crate::model::Article;
use crate::state::{Action, CardAction, UiState};
use crate::web;
use gloo_events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, Node};
use yew::UseReducerDispatcher;

/// Keeps the listeners alive; they go when it is dropped.
pub struct BodyListeners(#[allow(dead_code, reason = "held for its Drop")] Vec<EventListener>);

/// The mention an event happened in, if any.
fn mention_of(event: &Event) -> Option<Element> {
    let target: Element = event.target()?.dyn_into().ok()?;
    target.closest(dom::MENTION).ok().flatten()
}

/// The actor and index of a mention, if the article has that actor and that many mentions of
/// it (anything else in the text is not a mention the viewer acts on).
fn mention_parts(mention: &Element, article: &Article) -> Option<(String, u32)> {
    let id = mention.id();
    let (actor, index) = dom::parse_mention_id(&id)?;
    check_mention(article, actor, index).ok()?;
    Some((actor.to_string(), index))
}

/// The other element of a mouse or focus move (where the pointer or focus came from or goes).
fn other_end(event: &Event) -> Option<Node> {
    let other = if let Some(e) = event.dyn_ref::<web_sys::MouseEvent>() {
        e.related_target()
    } else {
        event.dyn_ref::<web_sys::FocusEvent>()?.related_target()
    };
    other?.dyn_into().ok()
}

/// A move that stays within one mention (onto or off one of its children) neither enters nor
/// leaves it.
fn crossing(event: &Event) -> Option<Element> {
    let mention = mention_of(event)?;
    let within = other_end(event).is_some_and(|n| mention.contains(Some(&n)));
    (!within).then_some(mention)
}

pub fn listen_to_body(
    body: &Element,
    dispatch: UseReducerDispatcher<UiState>,
    mode: Mode,
    article: Rc<Article>,
) -> BodyListeners {
    let active = EventListenerOptions::enable_prevent_default();
    let click = {
        let (dispatch, body_el, article) = (dispatch.clone(), body.clone(), article.clone());
        EventListener::new_with_options(body, "click", active, move |event| {
            if let Some((actor, index)) =
                mention_of(event).and_then(|m| mention_parts(&m, &article))
            {
                event.prevent_default();
                dispatch.dispatch(Action::Card(CardAction::Activate { actor, index }));
            } else if mode == Mode::Mounted {
                follow_fragment_link_inside(event, &body_el);
            }
        })
    };
    let show = |kind: &'static str| {
        let (dispatch, article) = (dispatch.clone(), article.clone());
        EventListener::new(body, kind, move |event| {
            if let Some((actor, index)) = crossing(event).and_then(|m| mention_parts(&m, &article))
            {
                dispatch.dispatch(Action::Card(CardAction::Hover { actor, index }));
            }
        })
    };
    let hide = |kind: &'static str| {
        let dispatch = dispatch.clone();
        EventListener::new(body, kind, move |event| {
            if crossing(event).is_some() {
                dispatch.dispatch(Action::Card(CardAction::Unhover));
            }
        })
    };
    BodyListeners(vec![
        click,
        show("mouseover"),
        hide("mouseout"),
        show("focusin"),
        hide("focusout"),
    ])
}

/// In a mount the URL is the host's: a `#fragment` link in the text scrolls to its target
/// inside the viewer and leaves the host's address alone.
fn follow_fragment_link_inside(event: &Event, body: &Element) {
    let Some(link) = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("a[href^=\"#\"]").ok().flatten())
    else {
        return;
    };
    event.prevent_default();
    let wanted = link.get_attribute("href").unwrap_or_default();
    let wanted = wanted.trim_start_matches('#');
    let viewer = body
        .closest(dom::APP)
        .ok()
        .flatten()
        .unwrap_or(body.clone());
    web::sections::show_all(&viewer);
    if let Some(target) = web::dom::find_all(&viewer, "[id]")
        .into_iter()
        .find(|el| el.id() == wanted)
    {
        web::dom::scroll_into_view(&target);
    }
}
