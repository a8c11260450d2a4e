//! The hostile Markdown corpus (`tests/hostile/*.md`) mounted in real Chromium: each input is
//! parsed with the article pipeline's own parser (`crates/content/src/read/markdown.rs`,
//! compiled into this test), shown as the article of the app, and the live DOM is checked: no
//! element has an attribute starting with `on`, no `script` (or other active element) was
//! added, every link is http(s), mailto or `#…`, and the canary `window.__pwned` that the
//! payloads try to set is still undefined after the event loop has turned.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test hostile_browser`
//! (`tests/hostile.rs` checks that every corpus file is listed here.)

#![cfg(target_arch = "wasm32")]

mod common;

use marginalia::components::app::{App, AppProps};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

use marginalia_content::markdown;

macro_rules! corpus {
    ($($name:literal,)*) => {
        [$(($name, include_str!(concat!("hostile/", $name)))),*]
    };
}

/// Every file of `tests/hostile/`, embedded.
const CORPUS: [(&str, &str); 49] = corpus![
    "allowed-links.md",
    "body-onload.md",
    "broken-nesting.md",
    "code-spans.md",
    "data-link.md",
    "deep-blockquote.md",
    "deep-emphasis.md",
    "deep-html.md",
    "deep-links.md",
    "deep-list.md",
    "deep-mixed.md",
    "deep-ordered-list.md",
    "entity-encoded-html.md",
    "event-attributes.md",
    "footnotes-tables-math.md",
    "href-attribute-breakout.md",
    "html-comment-cdata.md",
    "huge-attribute.md",
    "huge-line.md",
    "huge-link-list.md",
    "iframe-srcdoc.md",
    "image-alt-breakout.md",
    "image-sources.md",
    "img-onerror.md",
    "javascript-autolink.md",
    "javascript-link-case.md",
    "javascript-link-control.md",
    "javascript-link-entities.md",
    "javascript-link-percent.md",
    "javascript-link-unicode.md",
    "javascript-link-whitespace.md",
    "javascript-link.md",
    "javascript-reference-link.md",
    "link-title-breakout.md",
    "mathml-payload.md",
    "mention-id-breakout.md",
    "meta-base-link.md",
    "nested-links.md",
    "null-bytes.md",
    "object-embed-form.md",
    "script-inline.md",
    "script-split.md",
    "script-tag.md",
    "style-injection.md",
    "svg-onload.md",
    "svg-script.md",
    "template-syntax.md",
    "unicode-direction.md",
    "vbscript-link.md",
];

const ACTIVE: &str = "script, img, svg, math, iframe, object, embed, form, style, meta, base, link, video, audio, source";

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn global(name: &str) -> JsValue {
    js_sys::Reflect::get(&window(), &JsValue::from_str(name)).unwrap()
}

/// Lets timers, load and error events run (an `onerror` fires only after a failed load).
async fn turn_the_event_loop(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn allowed_href(href: &str) -> bool {
    let v: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    ["http://", "https://", "mailto:", "#"]
        .iter()
        .any(|p| v.starts_with(p))
}

/// The checks of one mounted input; returns the failures.
fn inspect(name: &str, root: &Element, scripts_before: u32) -> Vec<String> {
    let mut failures = Vec::new();
    for el in all(root, "*") {
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let attr = names.get(i).as_string().unwrap_or_default();
            if attr.to_ascii_lowercase().starts_with("on") {
                failures.push(format!("{name}: <{} {attr}>", el.tag_name()));
            }
        }
    }
    for el in all(root, ".article__body") {
        for bad in all(&el, ACTIVE) {
            failures.push(format!("{name}: <{}> in the article body", bad.tag_name()));
        }
    }
    if !all(root, "script").is_empty() {
        failures.push(format!("{name}: a script element inside the app"));
    }
    let document = window().document().unwrap();
    if document.get_elements_by_tag_name("script").length() != scripts_before {
        failures.push(format!("{name}: a script element was added to the page"));
    }
    for a in all(root, "a[href]") {
        let href = a.get_attribute("href").unwrap_or_default();
        if !allowed_href(&href) {
            failures.push(format!("{name}: <a href=\"{href}\">"));
        }
    }
    failures
}

#[wasm_bindgen_test]
async fn an_inline_handler_would_run_here() {
    // The control: in this browser an injected onerror does run, so the canary is meaningful.
    let document = window().document().unwrap();
    let img = document.create_element("img").unwrap();
    img.set_attribute("onerror", "window.__control = 1")
        .unwrap();
    img.set_attribute("src", "data:,not-an-image").unwrap();
    document.body().unwrap().append_child(&img).unwrap();
    turn_the_event_loop(100).await;
    img.remove();
    assert_eq!(global("__control").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
async fn hostile_articles_mount_inert() {
    assert_eq!(CORPUS.len(), 49);
    let document = window().document().unwrap();
    let scripts_before = document.get_elements_by_tag_name("script").length();
    let mut failures = Vec::new();
    for (name, text) in CORPUS {
        let parsed = markdown::parse_markdown(text);
        let mut article = common::seed();
        article.blocks = parsed.blocks;
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root_and_props(
            root.clone(),
            AppProps::new(Rc::new(article)),
        )
        .render();
        yew::scheduler::flush().await;
        turn_the_event_loop(20).await;
        if all(&root, ".article__body").is_empty() {
            failures.push(format!("{name}: the article body was not rendered"));
        }
        failures.extend(inspect(name, &root, scripts_before));
        if !global("__pwned").is_undefined() {
            failures.push(format!("{name}: window.__pwned was set"));
        }
        handle.destroy();
        root.remove();
    }
    let _ = window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
