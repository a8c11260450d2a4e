//! A long article's sections that are not in the page yet (`model::text::sections`). The
//! server writes the body's first section as it is and each other as HTML inside a
//! `<noscript data-section>` (`components::article_body`): while scripts run, the browser
//! parses each as one piece of text, so a long page is parsed and laid out a section at a time
//! instead of all before the viewer can start; without scripts it shows them as they are. (It
//! sends the hidden panels and the print dossier so too, `config::sends_inert_parts`: the
//! viewer renders its own panels, and the page's scripts put the others in when needed.)
//!
//! The viewer reads their text when it starts ([`leaf_texts`]: the data's text is checked
//! against the page's), puts them in the page one a task once it is ready
//! ([`show_one_a_task`]), and all at once wherever it needs the whole text ([`show_all`]: a
//! selection, its card, a search, a link inside the text, the error view). The page's scripts
//! show them where the viewer cannot: `assets/trap.js` on a trap and before printing,
//! `assets/init.js` when the viewer cannot load, `assets/theme.js` in a page opened from disk.

use super::dom::find_all;
use crate::dom;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlTemplateElement};

/// A section's elements, parsed from its text into an inert fragment (nothing in it loads or
/// runs: a template's content has no browsing context). The text is the page's own markup,
/// which the server escaped as it escapes the rest of the page.
fn parsed(section: &Element) -> Option<DocumentFragment> {
    let template: HtmlTemplateElement = section
        .owner_document()?
        .create_element("template")
        .ok()?
        .unchecked_into();
    template.set_inner_html(&section.text_content().unwrap_or_default());
    Some(template.content())
}

/// Puts a section's elements in the page in place of its `<noscript>`.
fn show(section: &Element) {
    if let Some(content) = parsed(section) {
        let _ = section.replace_with_with_node_1(&content);
    }
}

/// Puts every section of the text under `root` in the page now (nothing to do once they all
/// are).
pub fn show_all(root: &Element) {
    for section in find_all(root, dom::TEXT_SECTION) {
        show(&section);
    }
}

/// Puts the sections of the text under `root` in the page in order, one a task, so that none
/// makes a long task and the reader's input comes in between.
pub fn show_one_a_task(root: Element) {
    wasm_bindgen_futures::spawn_local(async move {
        while let Ok(Some(section)) = root.query_selector(dom::TEXT_SECTION) {
            super::next_task().await;
            // (One put in meanwhile, by `show_all`, is out of the page: nothing happens.)
            show(&section);
        }
    });
}

/// The text of every paragraph and heading of `body` in reading order, as the browser's
/// `textContent` gives it, those of the sections not in the page yet included (read from
/// their parsed elements, which are then dropped). The sections come after what is in the
/// page: the server writes them last, and they are put in the page in order or all at once.
pub fn leaf_texts(body: &Element) -> Vec<String> {
    let text = |el: &Element| el.text_content().unwrap_or_default();
    let mut texts: Vec<String> = find_all(body, dom::LEAF_BLOCKS).iter().map(text).collect();
    for section in find_all(body, dom::TEXT_SECTION) {
        let Some(Ok(list)) = parsed(&section).map(|c| c.query_selector_all(dom::LEAF_BLOCKS))
        else {
            continue;
        };
        texts.extend(
            (0..list.length())
                .filter_map(|i| list.get(i))
                .map(|node| node.unchecked_into::<Element>())
                .map(|el| text(&el)),
        );
    }
    texts
}
