//! The article body's delegated listeners (`components::body_events`), attached once to the
//! body the viewer adopted or rendered.

use crate::components::body_events::listen_to_body;
use crate::config::Mode;
use crate::model::Article;
use crate::state::UiState;
use std::rc::Rc;
use yew::prelude::*;

/// `adopted`: the prerendered body, if the viewer adopted one; otherwise `rendered` holds the
/// body it rendered.
#[hook]
pub fn use_body_events(
    adopted: Option<web_sys::Element>,
    rendered: NodeRef,
    dispatch: UseReducerDispatcher<UiState>,
    mode: Mode,
    article: Rc<Article>,
) {
    use_effect_with((), move |_| {
        let listeners = adopted
            .or_else(|| rendered.cast::<web_sys::Element>())
            .map(|body| listen_to_body(&body, dispatch, mode, article));
        move || drop(listeners)
    });
}
