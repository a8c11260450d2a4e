//! A polite notice (for example, a link naming an id the article does not have), dismissible.
//! A function, not a component: it has no state of its own.

use super::context::Viewer;
use crate::state::NoticeAction;
use yew::prelude::*;

/// The notice, if there is one.
pub fn notice_bar(viewer: &Viewer, notice: Option<&str>) -> Html {
    let Some(notice) = notice else {
        return html! {};
    };
    html! {
        <div class="notice" role="status">
            <p class="notice__text">{ notice.to_string() }</p>
            <button type="button" class="button" onclick={viewer.on(NoticeAction::Dismiss)}>
                { viewer.config.lang.t(crate::i18n::viewer::Msg::Dismiss) }
            </button>
        </div>
    }
}
