//! The keyboard: Esc everywhere; single-key shortcuts (listed in the help dialog) outside text
//! fields. Arrow keys are never taken. A page viewer listens on the document; a mounted one
//! only while focus is inside it.

use crate::components::context::Root;
use crate::config::Mode;
use crate::dom;
use crate::model::Article;
use crate::state::{Action, PanelAction, Selection, SelectionAction, UiState};
use crate::view::Panel;
use crate::web;
use gloo_events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn typing_into_a_field(event: &KeyboardEvent) -> bool {
    event
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .is_ok_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

/// The action of a shortcut key, given the state when it is pressed.
fn shortcut(key: &str, article: &Article, ui: &UiState) -> Option<Action> {
    match key {
        "Escape" => Some(Action::Escape),
        "?" => Some(Action::Panel(PanelAction::ToggleHelp)),
        "a" => Some(Action::Panel(PanelAction::Show(Panel::Actors))),
        "t" => Some(Action::Panel(PanelAction::Show(Panel::Timeline))),
        "q" => Some(Action::Panel(PanelAction::Show(Panel::Quotes))),
        "r" => Some(Action::Panel(PanelAction::Show(Panel::Relations))),
        "n" | "p" => match &ui.selection {
            Some(Selection::Actor(id)) => article.actor(id).map(|a| {
                Action::Selection(SelectionAction::StepMention {
                    delta: if key == "n" { 1 } else { -1 },
                    total: a.mention_count,
                })
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Listens for the shortcuts. `ui` is read when a key is pressed (the handle sees the
/// current state), so the listener is added once.
#[hook]
pub fn use_keyboard(article: Rc<Article>, ui: UseReducerHandle<UiState>, root: Root, mode: Mode) {
    use_effect_with((), move |_| {
        let target: Option<web_sys::EventTarget> = match mode {
            Mode::Page => web::document().map(Into::into),
            Mode::Mounted => root.element().map(Into::into),
        };
        let listener = target.map(|t| {
            // Not passive: "/" must not be typed into the field it focuses.
            let active = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&t, "keydown", active, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
                    return;
                }
                if typing_into_a_field(e) {
                    return;
                }
                if e.key() == "/" {
                    e.prevent_default();
                    if let Some(root) = root.element() {
                        web::dom::focus(&root, &dom::by_id(dom::SEARCH_INPUT_ID));
                    }
                } else if let Some(action) = shortcut(&e.key(), &article, &ui) {
                    ui.dispatch(action);
                }
            })
        });
        move || drop(listener)
    });
}
