//! How far through the article the reader is: a thin bar, updated on scroll without
//! re-rendering (`effects::use_reading_progress`, started by the toolbar, sets its width on the
//! element `bar`). A function, not a component: it has no state of its own.

use super::context::Viewer;
use yew::prelude::*;

/// The bar, `bar` its element for the effect.
pub fn reading_progress(viewer: &Viewer, bar: NodeRef) -> Html {
    html! {
        <div class="progress">
            <div
                ref={bar}
                class="progress__bar"
                role="progressbar"
                aria-label={viewer.config.lang.t(crate::i18n::viewer::Msg::ReadingProgress)}
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow="0"
            ></div>
        </div>
    }
}
