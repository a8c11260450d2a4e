//! The browser layer: every call the viewer makes into the browser, split by what it touches.
//! Components and effects (`crate::effects`) call these; nothing here knows the UI state.
//!
//! - [`dom`]: finding elements under the viewer's root, classes and attributes, focus,
//!   scrolling, sizes;
//! - [`highlight`]: find-in-article's marks (the CSS Custom Highlight API);
//! - [`storage`]: settings and feedback kept in `localStorage`;
//! - [`history`]: the URL's hash and query, history entries;
//! - [`host`]: the parent window of an embedded viewer (messages both ways);
//! - [`files`]: the clipboard;
//! - [`crash`]: the error view and the panic hook;
//! - [`sections`]: a long article's sections that are not in the page yet;
//! - `load`: fetching an article's page and data, and rebuilding another site's text from an
//!   allow-list (re-exported here).
//!
//! Every function tolerates a missing API (old browser, storage disabled) by doing nothing
//! and saying so in its return value. Lookups start from the viewer's root element, never
//! from `document`: a viewer mounted in a host page's shadow root cannot be found from the
//! document. None of this runs during server-side rendering (effects do not run there).

pub mod case;
pub mod crash;
pub mod dom;
pub mod files;
pub mod highlight;
pub mod history;
pub mod host;
mod load;
pub mod sections;
pub mod storage;
pub mod words;

pub use load::{base64_decode, fetch_bytes, fetch_text, parse_html, rebuild_text, resolve};

use web_sys::{Document, Window};

pub fn window() -> Option<Window> {
    web_sys::window()
}

/// Resolves in a later task (a zero-delay timeout): what follows the `.await` runs as a task
/// of its own, so the browser may handle input and paint in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` just before the next frame is painted (`requestAnimationFrame`): a layout it reads
/// is the one that frame computes anyway, not one forced in the middle of the task that
/// changed the DOM.
pub fn before_next_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    if let Some(w) = window() {
        let callback = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = w.request_animation_frame(callback.unchecked_ref());
    }
}

/// The origin of the page the viewer runs in (`https://host.example`; `"null"` from disk).
pub fn page_origin() -> Option<String> {
    window()?.location().origin().ok()
}

/// The address of the page the viewer runs in (its base, against which its links resolve).
pub fn page_address() -> String {
    document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

pub fn document() -> Option<Document> {
    window()?.document()
}

/// Now, as an ISO 8601 timestamp.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
