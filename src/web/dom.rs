//! The DOM under the viewer's root: finding elements, classes and attributes, focus,
//! scrolling and sizes. Selectors and names come from `crate::dom`.

use super::{document, window};
use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The first element under the viewer's root matching a CSS selector.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
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

/// Sets an attribute on one element, unless it has that value already: Chromium restyles an
/// element's whole subtree when its `lang` is set, even to the value it has (133–143 ms on the
/// 100× article's page, issue #27).
pub fn set_attribute(element: &Element, name: &str, value: &str) {
    if element.get_attribute(name).as_deref() != Some(value) {
        let _ = element.set_attribute(name, value);
    }
}

/// Sets (or, for `None`, removes) an attribute of `<html>`.
pub fn set_document_attribute(name: &str, value: Option<&str>) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

/// Focuses the first element under the root matching a selector.
pub fn focus(root: &Element, selector: &str) {
    if let Some(el) = find(root, selector).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
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

/// The viewport's width and height in CSS pixels (`fallback` where unknown).
pub fn viewport((width, height): (f64, f64)) -> (f64, f64) {
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    window()
        .map(|w| {
            (
                size(w.inner_width()).unwrap_or(width),
                size(w.inner_height()).unwrap_or(height),
            )
        })
        .unwrap_or((width, height))
}

/// How much of the top of the viewport the element `covering` (the toolbar) hides now: its
/// bottom edge while it is on screen, 0 once it has scrolled away. The stylesheet decides its
/// height and whether it sticks; this only measures.
pub fn covered_top(root: &Element, covering: &str) -> f64 {
    find(root, covering)
        .map(|el| el.get_bounding_client_rect().bottom().max(0.0))
        .unwrap_or(0.0)
}

/// Calls `on_height` with the element's height now and whenever it changes. The observer
/// stops when the returned guard is dropped.
pub fn observe_height(
    element: &Element,
    on_height: impl Fn(f64) + 'static,
) -> Option<HeightObserver> {
    let callback = Closure::<dyn Fn(Array)>::new(move |entries: Array| {
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
    _callback: Closure<dyn Fn(Array)>,
}

impl Drop for HeightObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_near` when the element comes within `margin` (a CSS length, `"600px"`) of the
/// viewport, scrolled into view in the page or in a scrolling panel. The observer stops when
/// the returned guard is dropped.
pub fn observe_nearing(
    element: &Element,
    margin: &str,
    on_near: impl Fn() + 'static,
) -> Option<NearObserver> {
    let callback = Closure::<dyn Fn(Array)>::new(move |entries: Array| {
        let near = entries.iter().any(|e| {
            e.dyn_ref::<web_sys::IntersectionObserverEntry>()
                .is_some_and(|e| e.is_intersecting())
        });
        if near {
            on_near();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(element);
    Some(NearObserver {
        observer,
        _callback: callback,
    })
}

/// Keeps an `IntersectionObserver` alive; disconnects it when dropped.
pub struct NearObserver {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn Fn(Array)>,
}

impl Drop for NearObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The id of the element that has focus, if it has one.
pub fn focused_id() -> Option<String> {
    let id = super::document()?.active_element()?.id();
    (!id.is_empty()).then_some(id)
}

/// Focuses the element with id `id` if focus was lost (it is on the page's body or nowhere:
/// the element that had it was replaced by a live one).
pub fn refocus(id: &str) {
    let Some(doc) = super::document() else { return };
    let body = doc.body().map(web_sys::Node::from);
    let lost = doc
        .active_element()
        .is_none_or(|el| el.is_same_node(body.as_ref()));
    let element = doc
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(el) = element.filter(|_| lost) {
        let _ = el.focus();
    }
}
