//! How far through the article the reader is: a thin bar, updated on scroll without
//! re-rendering (`effects::use_reading_progress` sets its width on the element).

use super::context::use_viewer;
use crate::effects::use_reading_progress;
use yew::prelude::*;

#[function_component(ReadingProgress)]
pub fn reading_progress() -> Html {
    crate::render_count::rendered("ReadingProgress");
    let viewer = use_viewer();
    let bar = use_node_ref();
    use_reading_progress(bar.clone(), viewer.root.clone());
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
