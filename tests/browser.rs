//! The app mounted in real Chromium (wasm-bindgen-test): the article and its mentions are in
//! the DOM, and clicking a mention selects every mention of that actor.

#![cfg(target_arch = "wasm32")]

use marginalia::components::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

#[wasm_bindgen_test]
async fn the_article_and_its_mentions_are_in_the_dom() {
    let root = mount();
    yew::scheduler::flush().await;
    let title = root.query_selector("h1").unwrap().expect("a title");
    assert_eq!(
        title.text_content().unwrap(),
        "Japan and South Korea sound alarm over Putin-Kim military pact"
    );
    let paragraphs = root.query_selector_all(".article__body p").unwrap();
    assert_eq!(paragraphs.length(), 17);
    let text = root.text_content().unwrap();
    assert!(text.contains("“They are supporting each other in a way we haven’t seen before,” Stoltenberg said during an official visit to Ottawa."));
    let mentions = root.query_selector_all("a.mention").unwrap();
    let article = marginalia::bundled::article();
    let expected: u32 = article.actors.iter().map(|a| a.mention_count).sum();
    assert_eq!(mentions.length(), expected);
    // Mentions are focusable.
    let first: HtmlElement = mentions.get(0).unwrap().dyn_into().unwrap();
    first.focus().unwrap();
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.id(), first.id());
    root.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_mention_selects_every_mention_of_its_actor() {
    let root = mount();
    yew::scheduler::flush().await;
    let putin: HtmlElement = root
        .query_selector("#mention-putin-1")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    putin.click();
    yew::scheduler::flush().await;
    let selected = root.query_selector_all(".mention--selected").unwrap();
    let putin_count = marginalia::bundled::article()
        .actor("putin")
        .unwrap()
        .mention_count;
    assert_eq!(selected.length(), putin_count);
    for i in 0..selected.length() {
        let el: Element = selected.get(i).unwrap().dyn_into().unwrap();
        assert_eq!(el.get_attribute("data-actor").as_deref(), Some("putin"));
        assert_eq!(el.get_attribute("aria-current").as_deref(), Some("true"));
    }
    // A second click clears the selection.
    putin.click();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all(".mention--selected")
            .unwrap()
            .length(),
        0
    );
    root.remove();
}
