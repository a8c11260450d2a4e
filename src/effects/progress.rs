//! How far through the article the reader is: the bar's width is set on its element on every
//! scroll, without re-rendering anything.

use crate::components::context::Root;
use crate::dom;
use crate::web::dom::{find, viewport};
use crate::web::window;
use gloo_events::{EventListener, EventListenerOptions};
use yew::prelude::*;

/// Sets the bar (`bar`) to the part of the article under `root` read so far.
fn update(bar: &NodeRef, root: &Root) {
    let Some(el) = bar.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let Some(article) = root
        .element()
        .and_then(|r| find(&r, &dom::by_id(dom::ARTICLE_ID)))
    else {
        return;
    };
    let rect = article.get_bounding_client_rect();
    let (_, view) = viewport((1.0, 1.0));
    let total = (rect.height() - view).max(1.0);
    let done = (-rect.top()).clamp(0.0, total) / total;
    let percent = (done * 100.0).round() as i32;
    let permille = (done * 1000.0).round() as i32;
    let _ = el.style().set_property(
        "transform",
        &format!("scaleX({}.{:03})", permille / 1000, permille % 1000),
    );
    let _ = el.set_attribute("aria-valuenow", &format!("{percent}"));
}

#[hook]
pub fn use_reading_progress(bar: NodeRef, root: Root) {
    use_effect_with((), move |_| {
        update(&bar, &root);
        let listener = window().map(|w| {
            EventListener::new_with_options(
                &w,
                "scroll",
                EventListenerOptions::run_in_capture_phase(),
                move |_| update(&bar, &root),
            )
        });
        move || drop(listener)
    });
}
