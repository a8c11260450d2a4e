//! How far through the article the reader is: a thin bar, updated on scroll without
//! re-rendering (the width is set on the element directly).

use super::context::use_app;
use crate::web;
use gloo_events::{EventListener, EventListenerOptions};
use yew::prelude::*;

#[function_component(ReadingProgress)]
pub fn reading_progress() -> Html {
    let app = use_app();
    let bar = use_node_ref();
    {
        let bar = bar.clone();
        let root = app.root.clone();
        use_effect_with((), move |_| {
            let update = move || {
                let (Some(w), Some(el)) = (web::window(), bar.cast::<web_sys::HtmlElement>())
                else {
                    return;
                };
                let Some(article) = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| web::find(&r, "#article"))
                else {
                    return;
                };
                let rect = article.get_bounding_client_rect();
                let view = w
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(1.0);
                let total = (rect.height() - view).max(1.0);
                let done = (-rect.top()).clamp(0.0, total) / total;
                let percent = (done * 100.0).round() as i32;
                let permille = (done * 1000.0).round() as i32;
                let _ = el.style().set_property(
                    "transform",
                    &format!("scaleX({}.{:03})", permille / 1000, permille % 1000),
                );
                let _ = el.set_attribute("aria-valuenow", &format!("{percent}"));
            };
            update();
            let listener = web::window().map(|w| {
                EventListener::new_with_options(
                    &w,
                    "scroll",
                    EventListenerOptions::run_in_capture_phase(),
                    move |_| update(),
                )
            });
            move || drop(listener)
        });
    }
    html! {
        <div class="progress">
            <div
                ref={bar}
                class="progress__bar"
                role="progressbar"
                aria-label="Reading progress"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow="0"
            ></div>
        </div>
    }
}
