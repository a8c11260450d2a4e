//! A polite notice (for example, a link naming an id the article does not have), dismissible.

use super::context::use_app;
use crate::state::Action;
use yew::prelude::*;

#[function_component(NoticeBar)]
pub fn notice_bar() -> Html {
    let app = use_app();
    let Some(notice) = app.ui.notice.clone() else {
        return html! {};
    };
    let ondismiss = {
        let ui = app.ui.clone();
        Callback::from(move |_| ui.dispatch(Action::Notice(None)))
    };
    html! {
        <div class="notice" role="status">
            <p class="notice__text">{ notice }</p>
            <button type="button" class="button" onclick={ondismiss}>{ "Dismiss" }</button>
        </div>
    }
}
