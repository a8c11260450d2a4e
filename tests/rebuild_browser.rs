//! Another site's article text, rebuilt from the allow-list (`web::rebuild_text`), in real
//! Chromium: what a mount shows of a page it does not control. The page is parsed inert, and the
//! rebuilt text must hold exactly the elements and attributes the site's own prerender writes,
//! with marks only for what the article has; nothing of it may load or run.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test rebuild_browser`

#![cfg(target_arch = "wasm32")]

mod common;

use marginalia::web::{parse_html, rebuild_text};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// `body` (the inside of an `.article__body`) rebuilt for the seed article, as HTML.
fn rebuilt(body: &str) -> Element {
    let page = parse_html(&format!(
        "<!doctype html><div class=\"article__body\" style=\"position:fixed\">{body}</div>"
    ))
    .unwrap();
    let foreign = page.query_selector(".article__body").unwrap().unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    rebuild_text(&doc, &foreign, &common::seed()).unwrap()
}

#[wasm_bindgen_test]
fn the_sites_own_text_comes_through_as_it_was_written() {
    let html = "<p>In <a class=\"mention\" id=\"mention-putin-0\" href=\"#actor=putin\" data-actor=\"putin\">Putin</a>’s words, \
        <span class=\"sentence\" data-events=\"signing-2024\"><q class=\"quote\" id=\"quote-kim-sacred-fight\" data-quote=\"kim-sacred-fight\">x</q></span> \
        <em>and</em> <strong>more</strong> <code>c</code><br><a href=\"https://www.ft.com/\" rel=\"noopener noreferrer\">FT</a></p>\
        <h2>H</h2><blockquote><ul><li>one</li></ul><ol><li>two</li></ol></blockquote><hr>";
    let body = rebuilt(html);
    assert_eq!(body.class_name(), "article__body");
    assert_eq!(body.get_attribute("style"), None);
    assert_eq!(
        body.inner_html(),
        html,
        "the prerender's own markup is kept exactly"
    );
}

#[wasm_bindgen_test]
fn attacks_are_left_out_and_their_words_kept() {
    let body = rebuilt(
        "<div style=\"position:fixed;inset:0\" onclick=\"x()\"><a href=\"javascript:alert(1)\" ping=\"https://evil.example/p\" target=\"_top\">click</a></div>\
         <img src=\"https://evil.example/i\" srcset=\"https://evil.example/s 1x\" onerror=\"x()\">\
         <table background=\"https://evil.example/t\"><tr><td background=\"https://evil.example/d\">cell</td></tr></table>\
         <svg><image href=\"https://evil.example/svg\"></image><text>svg words</text></svg>\
         <script>window.pwned = 1</script><style>*{}</style><noscript><img srcset=\"x 1x\"></noscript>\
         <dialog open><input autofocus>dialog words</dialog><marginalia-article src=\"https://evil.example/\">nested</marginalia-article>\
         <a class=\"mention\" id='mention-x\"],*,[a=\"-0' data-actor='x'>fake</a>\
         <a class=\"mention\" id=\"mention-putin-999\" data-actor=\"putin\">too far</a>\
         <q class=\"quote\" id=\"quote-nothing\">unknown quote</q>\
         <span class=\"sentence\" data-events=\"signing-2024 nothing\" data-relations=\"russia.0 x.9\">s</span>\
         <p id=\"actor-details-putin\" class=\"toolbar\" lang=\"en\" hidden>foreign id</p>",
    );
    let html = body.inner_html();
    for gone in [
        "style",
        "onclick",
        "onerror",
        "javascript",
        "ping",
        "target",
        "<img",
        "srcset",
        "background",
        "<svg",
        "<image",
        "<script",
        "pwned",
        "<noscript",
        "<dialog",
        "<input",
        "autofocus",
        "marginalia-article",
        "nested",
        "mention-x",
        "mention-putin-999",
        "quote-nothing",
        "nothing",
        "x.9",
        "actor-details-putin",
        "toolbar",
        "hidden",
    ] {
        assert!(!html.contains(gone), "{gone} in {html}");
    }
    for kept in [
        "click", "cell", "dialog words", "fake", "too far", "unknown quote", "foreign id",
        "<span class=\"sentence\" data-events=\"signing-2024\" data-relations=\"russia.0\">s</span>",
        "<table><tbody><tr><td>cell</td></tr></tbody></table>",
    ] {
        assert!(html.contains(kept), "{kept} missing from {html}");
    }
    assert!(
        !html.contains("svg words"),
        "SVG's content is not the article's text: {html}"
    );
}
