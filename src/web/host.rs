//! The parent window of a viewer shown in an iframe: the messages it posts there (its height,
//! the reader's feedback) and the one it accepts (a view to show). Every message has the shape
//! `{type: "marginalia:…", version: 1, …}` (see `docs/` and `assets/embed.js`).

use super::window;
use gloo_events::EventListener;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Window;

/// The message an embedded viewer posts to its host page whenever its height changes.
pub const RESIZE_MESSAGE: &str = "marginalia:resize";
/// The message a host page may post to an embedded viewer to show a view (`hash: "#actor=kim"`).
pub const VIEW_MESSAGE: &str = "marginalia:view";
/// The message an embedded viewer posts with the reader's submitted feedback (the feedback
/// form's module posts it: `assets/feedback.js`).
pub const FEEDBACK_MESSAGE: &str = "marginalia:feedback";
pub const MESSAGE_VERSION: u32 = 1;

/// The window this page is shown in, if it is shown in another (an iframe's parent).
pub fn parent() -> Option<Window> {
    let w = window()?;
    let parent = w.parent().ok().flatten()?;
    (!JsValue::from(&parent).eq(&JsValue::from(&w))).then_some(parent)
}

/// `{type, version: 1, <key>: value}`, posted to `parent` for `target_origin` only ("*" only
/// for the height, which says nothing about the reader); false if it could not be.
fn post(parent: &Window, kind: &str, key: &str, value: &JsValue, target_origin: &str) -> bool {
    let message = Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&message, &k.into(), v).is_ok();
    let built =
        set("type", &kind.into()) && set("version", &MESSAGE_VERSION.into()) && set(key, value);
    built && parent.post_message(&message, target_origin).is_ok()
}

/// The origin of the page this viewer is framed in, as far as the browser tells it:
/// `location.ancestorOrigins` (Chromium, WebKit), else the origin of the referrer (the page
/// that loaded the frame). `None` when not framed or unknown.
pub fn parent_origin() -> Option<String> {
    parent()?;
    let w = window()?;
    let ancestors = Reflect::get(&w.location(), &"ancestorOrigins".into()).ok();
    if let Some(first) = ancestors
        .filter(|a| a.is_object())
        .and_then(|a| Reflect::get(&a, &"0".into()).ok())
        .and_then(|o| o.as_string())
    {
        return Some(first);
    }
    let referrer = w.document()?.referrer();
    let origin = web_sys::Url::new(&referrer).ok()?.origin();
    (origin != "null").then_some(origin)
}

/// Tells the parent the viewer's height (whole pixels, rounded up).
pub fn post_height(parent: &Window, height: f64) {
    post(parent, RESIZE_MESSAGE, "height", &height.ceil().into(), "*");
}

/// In a mount: the host page's element that holds the viewer (`root` is inside its shadow
/// root), where the feedback form's module tells the host of the reader's feedback with a
/// `marginalia:feedback` event (`assets/feedback.js`).
pub fn feedback_host(root: &web_sys::Element) -> web_sys::Element {
    root.get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .map(|shadow| shadow.host())
        .unwrap_or_else(|_| root.clone())
}

/// Calls `on_view` with the hash of each well-formed view message that comes from `parent`
/// (anything else, from anywhere else, is ignored), until dropped.
pub fn on_view_message(
    parent: Window,
    on_view: impl Fn(String) + 'static,
) -> Option<EventListener> {
    let w = window()?;
    Some(EventListener::new(&w, "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = e
            .source()
            .is_some_and(|s| JsValue::from(s).eq(&JsValue::from(&parent)));
        if let (true, Some(hash)) = (from_parent, view_message_hash(&e.data())) {
            on_view(hash);
        }
    }))
}

/// The hash of a well-formed `{type: "marginalia:view", version: 1, hash: "#…"}` message.
fn view_message_hash(data: &JsValue) -> Option<String> {
    let get = |k: &str| Reflect::get(data, &k.into()).ok();
    if !data.is_object()
        || get("type")?.as_string()? != VIEW_MESSAGE
        || get("version")?.as_f64()? != f64::from(MESSAGE_VERSION)
    {
        return None;
    }
    get("hash")?.as_string()
}
