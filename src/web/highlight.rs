//! Find-in-article's marks, drawn with the CSS Custom Highlight API: ranges over the text
//! registered in `CSS.highlights` under the names the stylesheet styles
//! (`crate::dom::SEARCH_HIGHLIGHT`), so the text's DOM is never changed. Where the API is
//! missing, matches are still counted and stepped through, only not painted.

use super::case::browser_lower;
use super::dom::{find_all, scroll_into_view};
use super::{document, window};
use crate::dom;
use crate::model::search::{find_matches_by, Match};
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

/// The searched blocks of the body under `root` (a long article's every section put in the
/// page first), and their texts.
fn blocks(root: &Element) -> (Vec<Element>, Vec<String>) {
    super::sections::show_all(root);
    let blocks = find_all(root, dom::SEARCHED_BLOCKS);
    let texts = blocks
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    (blocks, texts)
}

/// How many matches of `query` the article's text under `root` has.
pub fn count_matches(root: &Element, query: &str) -> usize {
    find_matches_by(&blocks(root).1, query, &mut browser_lower).len()
}

/// Highlights every match of `query` (and the `current` one apart) and scrolls the current
/// one into view.
pub fn highlight_search(root: &Element, query: &str, current: usize) {
    let Some(doc) = document() else { return };
    if query.is_empty() {
        // Nothing searched (as when the viewer starts): nothing painted, the text untouched.
        set_highlight(dom::SEARCH_HIGHLIGHT, &[]);
        set_highlight(dom::SEARCH_CURRENT_HIGHLIGHT, &[]);
        return;
    }
    let (blocks, texts) = blocks(root);
    let ranges: Vec<web_sys::Range> = find_matches_by(&texts, query, &mut browser_lower)
        .iter()
        .filter_map(|m| range_for(&doc, &blocks[m.block], m))
        .collect();
    set_highlight(dom::SEARCH_HIGHLIGHT, &ranges);
    let current_range = ranges.get(current).cloned();
    set_highlight(dom::SEARCH_CURRENT_HIGHLIGHT, current_range.as_slice());
    if let Some(r) = current_range {
        if let Some(el) = r.start_container().ok().and_then(|n| n.parent_element()) {
            scroll_into_view(&el);
        }
    }
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
    // The highlight already registered under `name` is changed in place (cleared, refilled):
    // replacing it with a new one left WebKit painting the old ranges.
    let existing = method("get")
        .and_then(|f| f.call1(&registry, &JsValue::from_str(name)).ok())
        .filter(|h| h.is_object());
    if let Some(highlight) = existing {
        let call = |key: &str, arg: Option<&JsValue>| {
            let f = get(&highlight, key).and_then(|f| f.dyn_into::<Function>().ok());
            if let Some(f) = f {
                let _ = match arg {
                    Some(a) => f.call1(&highlight, a),
                    None => f.call0(&highlight),
                };
            }
        };
        call("clear", None);
        for range in ranges {
            call("add", Some(range));
        }
        if ranges.is_empty() {
            if let Some(delete) = method("delete") {
                let _ = delete.call1(&registry, &JsValue::from_str(name));
            }
        }
        return;
    }
    if ranges.is_empty() {
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
