//! The page's URL: the hash holds the reader's view, the query the page's options. Only a
//! viewer that is the page (`Mode::Page`) uses these.

use super::window;
use gloo_events::EventListener;
use wasm_bindgen::JsValue;

pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's query string (`?embed&panel=timeline`); empty outside a browser, so that the
/// server renderer, which has no page, can call it.
pub fn query() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// How a change of view is written to the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A new history entry: Back returns to the previous view (a page of its own).
    Push,
    /// The current entry rewritten: in an iframe, a pushed entry lands in the *host's* session
    /// history, so the host's Back button would step through the viewer's selections.
    Replace,
}

/// Writes `hash` ("" for none) to the address, unless the location already shows it.
pub fn write_hash(hash: &str, entry: Entry) {
    let Some(w) = window() else { return };
    if w.location().hash().unwrap_or_default() == hash {
        return;
    }
    let url = if hash.is_empty() {
        let loc = w.location();
        format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        )
    } else {
        hash.to_string()
    };
    if let Ok(history) = w.history() {
        // Either can throw (sandboxed iframes, opaque origins): then the URL just stays.
        let _ = match entry {
            Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
    }
}

/// Calls `on_change` whenever the hash changes (links, back, forward), until dropped.
pub fn on_hash_change(on_change: impl Fn() + Clone + 'static) -> Option<[EventListener; 2]> {
    let w = window()?;
    let again = on_change.clone();
    Some([
        EventListener::new(&w, "hashchange", move |_| on_change()),
        EventListener::new(&w, "popstate", move |_| again()),
    ])
}
