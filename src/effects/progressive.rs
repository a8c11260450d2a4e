//! Long lists render in steps, so that a long article starts, and re-renders on a selection,
//! in the time of a short one: the first [`STEP`] entries, then [`STEP`] more whenever the end
//! of what is rendered comes near the screen (an `IntersectionObserver` on a “Show more”
//! button, which a keyboard or a tap can also press). The entry the selection needs is always
//! rendered. An article of ordinary length never reaches the first step; the prerendered page
//! (server-side rendering, JavaScript off) has every entry.

use crate::i18n::{viewer::Msg, Lang};
use crate::web::dom::observe_nearing;
use yew::prelude::*;

/// How many entries are rendered at first, and added at each step.
pub const STEP: usize = 150;

/// How far below the screen the end of the list starts the next step.
const MARGIN: &str = "800px";

/// Of a list of `total` entries, how many to render (the first ones), given that entry
/// `needed` must be among them; and the “Show more” control to put after them (nothing when
/// all are rendered), in `lang`. `what` names the entries: “actors”.
#[hook]
pub fn use_progressive_list(
    total: usize,
    needed: Option<usize>,
    lang: Lang,
    what: Msg,
) -> (usize, Html) {
    let limit = use_state(|| STEP);
    let end = use_node_ref();
    let shown = if crate::config::prerendering() {
        total
    } else {
        total.min((*limit).max(needed.map_or(0, |n| n + 1)))
    };
    {
        let (limit, end) = (limit.clone(), end.clone());
        use_effect_with((shown, total), move |&(shown, total)| {
            let guard = (shown < total)
                .then(|| end.cast::<web_sys::Element>())
                .flatten()
                .and_then(|el| observe_nearing(&el, MARGIN, move || limit.set(shown + STEP)));
            move || drop(guard)
        });
    }
    if shown >= total {
        return (shown, html! {});
    }
    let onclick = Callback::from(move |_| limit.set(shown + STEP));
    let more = html! {
        <p class="list-more" ref={end}>
            <button type="button" class="button" {onclick}>
                { lang.f(Msg::ShowMore, &[
                    ("what", lang.t(what)),
                    ("shown", &shown.to_string()),
                    ("total", &total.to_string()),
                ]) }
            </button>
        </p>
    };
    (shown, more)
}
