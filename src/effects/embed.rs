//! Inside an iframe (`?embed`): the host page learns the viewer's height whenever it changes,
//! and may show a view by posting a `marginalia:view` message (only its parent window may).

use super::url::link_action;
use crate::components::context::Root;
use crate::model::Article;
use crate::state::UiState;
use crate::web::dom::observe_height;
use crate::web::host;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_embed_bridge(
    article: Rc<Article>,
    embed: bool,
    lang: crate::i18n::Lang,
    root: Root,
    dispatch: UseReducerDispatcher<UiState>,
) {
    use_effect_with(embed, move |embed| {
        let parent = host::parent().filter(|_| *embed);
        let bridge = parent.zip(root.element()).map(|(parent, el)| {
            let observer = observe_height(&el, {
                let parent = parent.clone();
                move |height| host::post_height(&parent, height)
            });
            let listener = host::on_view_message(parent, move |hash| {
                dispatch.dispatch(link_action(&hash, &article, lang))
            });
            (observer, listener)
        });
        move || drop(bridge)
    });
}
