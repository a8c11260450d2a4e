//! A polite notice (for example, a link naming an id the article does not have), dismissible.

use super::context::use_viewer;
use crate::state::NoticeAction;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Option<String>,
}

#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    crate::render_count::rendered("NoticeBar");
    let viewer = use_viewer();
    let Some(notice) = props.notice.clone() else {
        return html! {};
    };
    html! {
        <div class="notice" role="status">
            <p class="notice__text">{ notice }</p>
            <button type="button" class="button" onclick={viewer.on(NoticeAction::Dismiss)}>
                { viewer.config.lang.t(crate::i18n::viewer::Msg::Dismiss) }
            </button>
        </div>
    }
}
