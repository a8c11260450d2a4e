//! The thin browser layer: the few DOM, storage, history and clipboard calls the components'
//! effects make. Every function tolerates a missing API (old browser, storage disabled,
//! server-side rendering) by doing nothing and saying so in its return value.
//!
//! Lookups start from the viewer's root element, never from `document`: a viewer mounted in
//! a host page's shadow root cannot be found from the document.

mod load;
pub use load::{adopt_text, base64_decode, fetch_bytes, fetch_text, parse_html, resolve};

use crate::model::search::{find_matches, Match};
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Window};

pub fn window() -> Option<Window> {
    web_sys::window()
}

pub fn document() -> Option<Document> {
    window()?.document()
}

/// The first element under the viewer's root matching a CSS selector.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

pub fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Scrolls an element to the middle of the viewport (smoothly unless motion is reduced).
pub fn scroll_into_view(element: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Every element under the root matching a selector.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
        .collect()
}

pub fn add_class_everywhere(root: &Element, selector: &str, class: &str) {
    for el in find_all(root, selector) {
        let _ = el.class_list().add_1(class);
    }
}

pub fn remove_class_everywhere(root: &Element, selector: &str, class: &str) {
    for el in find_all(root, selector) {
        let _ = el.class_list().remove_1(class);
    }
}

pub fn set_attribute_everywhere(root: &Element, selector: &str, name: &str, value: &str) {
    for el in find_all(root, selector) {
        let _ = el.set_attribute(name, value);
    }
}

pub fn remove_attribute_everywhere(root: &Element, selector: &str, name: &str) {
    for el in find_all(root, selector) {
        let _ = el.remove_attribute(name);
    }
}

/// Focuses the first element under the root matching a selector.
pub fn focus(root: &Element, selector: &str) {
    if let Some(el) = find(root, selector).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Calls `on_height` with the element's height now and whenever it changes. The observer
/// stops when the returned guard is dropped.
pub fn observe_height(
    element: &Element,
    on_height: impl Fn(f64) + 'static,
) -> Option<HeightObserver> {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(Array)>::new(move |entries: Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            on_height(entry.target().get_bounding_client_rect().height());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(HeightObserver {
        observer,
        _callback: callback,
    })
}

/// Keeps a `ResizeObserver` alive; disconnects it when dropped.
pub struct HeightObserver {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn Fn(Array)>,
}

impl Drop for HeightObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

thread_local! {
    /// The element each panic view replaces the contents of: where the viewer was started.
    static PANIC_ROOTS: std::cell::RefCell<Vec<Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// On a panic, the viewer inside `root` is replaced with a message and a way to reload,
/// instead of leaving a dead page (see [`install_panic_hook`]).
pub fn install_panic_view(root: &Element) {
    PANIC_ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Once, when the wasm loads (`main`): a panic shows the error view in every viewer's root.
/// Built with DOM calls and text only: the message is never parsed as HTML. The rest of a host
/// page is left alone.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        PANIC_ROOTS.with(|roots| {
            for root in roots.borrow().iter() {
                show_crash(root, &message);
            }
        });
    }));
}

/// What the error view leaves in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The page's prerendered article stays readable below the message.
    Contents,
    /// The message replaces everything in the root (a crash, or a mount with nothing yet).
    Nothing,
}

/// Replaces what is inside `root` with the error view (also called by the panic hook).
pub fn show_crash(root: &Element, message: &str) {
    show_error(root, &format!("The error was: {message}"), Keep::Nothing);
}

/// The error view: a heading, the message as text (never parsed as HTML) and a reload link,
/// above what `keep` leaves of the root's contents.
pub fn show_error(root: &Element, message: &str, keep: Keep) {
    let Some(doc) = document() else { return };
    let make = |tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(panel) = doc.create_element("div").ok() else {
        return;
    };
    panel.set_class_name("crash");
    let _ = panel.set_attribute("role", "alert");
    for el in [
        make("h2", "Something went wrong in the viewer."),
        make("p", message),
    ]
    .into_iter()
    .flatten()
    {
        let _ = panel.append_child(&el);
    }
    if let Some(link) = make("a", "Reload the page") {
        let href = window().and_then(|w| w.location().href().ok());
        let _ = link.set_attribute("href", href.as_deref().unwrap_or(""));
        let _ = panel.append_child(&link);
    }
    if keep == Keep::Nothing {
        root.set_text_content(None);
    }
    let _ = root.prepend_with_node_1(&panel);
}

/// How far the page is scrolled.
pub fn scroll_position() -> (f64, f64) {
    window()
        .map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
        .unwrap_or_default()
}

/// Scrolls the page to a position from [`scroll_position`], at once.
pub fn scroll_to((x, y): (f64, f64)) {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(x, y);
    }
}

// ---- storage: every failure (disabled, full, corrupted) is reported, never thrown ----

const STORAGE_PREFIX: &str = "marginalia.";

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Storage is disabled, blocked or broken in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageUnavailable;

/// The stored value, `Ok(None)` when absent.
pub fn load_setting(key: &str) -> Result<Option<String>, StorageUnavailable> {
    let s = storage().ok_or(StorageUnavailable)?;
    s.get_item(&format!("{STORAGE_PREFIX}{key}"))
        .map_err(|_| StorageUnavailable)
}

/// Stores a setting; false when storage is disabled or full.
pub fn save_setting(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(&format!("{STORAGE_PREFIX}{key}"), value).is_ok())
}

// ---- URL hash and history ----

pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Adds a history entry for `hash` ("" for none) unless the location already shows it.
pub fn push_hash(hash: &str) {
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
        // pushState can throw (sandboxed iframes, opaque origins): then the URL just stays.
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Sets `data-theme` on the root element ("system" removes it).
pub fn set_theme_attribute(theme: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        if theme == "system" {
            let _ = root.remove_attribute("data-theme");
        } else {
            let _ = root.set_attribute("data-theme", theme);
        }
    }
}

/// Copies text to the clipboard; calls `done` with whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        return done(false);
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

// ---- find in the article: matches shown with the CSS Custom Highlight API ----

/// Finds `query` in the article body's blocks, highlights every match (and the `current`
/// one apart), scrolls the current one into view and returns the number of matches.
pub fn highlight_search(root: &Element, query: &str, current: usize) -> usize {
    let Some(doc) = document() else { return 0 };
    let blocks = root
        .query_selector_all(".article__body p, .article__body li")
        .ok();
    let blocks: Vec<Element> = blocks
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
                .collect()
        })
        .unwrap_or_default();
    let texts: Vec<String> = blocks
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    let matches = find_matches(&texts, query);
    let ranges: Vec<web_sys::Range> = matches
        .iter()
        .filter_map(|m| range_for(&doc, &blocks[m.block], m))
        .collect();
    set_highlight("marginalia-search", &ranges);
    let current_range = ranges.get(current).cloned();
    set_highlight("marginalia-search-current", current_range.as_slice());
    if let Some(r) = current_range {
        if let Some(el) = r.start_container().ok().and_then(|n| n.parent_element()) {
            scroll_into_view(&el);
        }
    }
    matches.len()
}

/// A DOM range over a match, found by walking the block's text nodes (UTF-16 offsets).
fn range_for(doc: &Document, block: &Element, m: &Match) -> Option<web_sys::Range> {
    let walker = doc
        .create_tree_walker_with_what_to_show(block, 0x4 /* NodeFilter.SHOW_TEXT */)
        .ok()?;
    let range = doc.create_range().ok()?;
    let (mut seen, mut started) = (0usize, false);
    while let Ok(Some(node)) = walker.next_node() {
        let len = node.dyn_ref::<web_sys::Text>()?.length() as usize;
        if !started && m.start < seen + len {
            range.set_start(&node, (m.start - seen) as u32).ok()?;
            started = true;
        }
        if started && m.end <= seen + len {
            range.set_end(&node, (m.end - seen) as u32).ok()?;
            return Some(range);
        }
        seen += len;
    }
    None
}

/// Registers ranges under a name in `CSS.highlights`; does nothing where unsupported.
fn set_highlight(name: &str, ranges: &[web_sys::Range]) {
    let Some(w) = window() else { return };
    let get = |target: &JsValue, key: &str| Reflect::get(target, &JsValue::from_str(key)).ok();
    let Some(registry) = get(&w, "CSS").and_then(|css| get(&css, "highlights")) else {
        return;
    };
    if registry.is_undefined() {
        return;
    }
    let method = |name: &str| get(&registry, name).and_then(|f| f.dyn_into::<Function>().ok());
    if ranges.is_empty() {
        if let Some(delete) = method("delete") {
            let _ = delete.call1(&registry, &JsValue::from_str(name));
        }
        return;
    }
    let Some(ctor) = get(&w, "Highlight").and_then(|f| f.dyn_into::<Function>().ok()) else {
        return;
    };
    let args: Array = ranges.iter().map(JsValue::from).collect();
    if let (Ok(highlight), Some(set)) = (Reflect::construct(&ctor, &args), method("set")) {
        let _ = set.call2(&registry, &JsValue::from_str(name), &highlight);
    }
}

// ---- reader feedback: time, download, host page, optional endpoint, previews ----

/// Now, as an ISO 8601 timestamp.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Offers `text` as a downloaded file.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let Some(doc) = document() else { return false };
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let done = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
        })
        .is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    done
}

/// Inside an iframe: posts `{type, version: 1, <key>: JSON.parse(json)}` to the parent
/// window. False when not embedded.
pub fn post_to_parent(kind: &str, key: &str, json: &str) -> bool {
    let Some(w) = window() else { return false };
    let Some(parent) = w.parent().ok().flatten() else {
        return false;
    };
    if JsValue::from(&parent).eq(&JsValue::from(&w)) {
        return false;
    }
    let Ok(value) = js_sys::JSON::parse(json) else {
        return false;
    };
    let message = js_sys::Object::new();
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    let _ = Reflect::set(&message, &"version".into(), &1.into());
    let _ = Reflect::set(&message, &key.into(), &value);
    parent.post_message(&message, "*").is_ok()
}

/// POSTs JSON to an address; `done` gets whether the server answered 2xx.
pub fn post_json(url: &str, json: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        return done(false);
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(json));
    let headers = js_sys::Object::new();
    let _ = Reflect::set(&headers, &"content-type".into(), &"application/json".into());
    init.set_headers(&headers);
    let promise = w.fetch_with_str_and_init(url, &init);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(response) => Reflect::get(&response, &"ok".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            Err(_) => false,
        };
        done(ok);
    });
}

/// A `blob:` address to preview a local file; nothing leaves the device.
pub fn object_url(file: &web_sys::File) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(file).ok()
}

pub fn revoke_object_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Removes a stored setting; false when storage cannot be used.
pub fn remove_setting(key: &str) -> bool {
    storage().is_some_and(|s| s.remove_item(&format!("{STORAGE_PREFIX}{key}")).is_ok())
}
