//! The link that skips to the article, first in the page.

use super::context::use_viewer;
use crate::dom;
use crate::web;
use yew::prelude::*;

/// The link that skips to the article. It moves focus without touching the URL hash (which
/// holds the view).
#[function_component(SkipLink)]
pub fn skip_link() -> Html {
    let viewer = use_viewer();
    let lang = viewer.config.lang;
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(root) = viewer.root_element() {
            web::dom::focus(&root, &dom::by_id(dom::ARTICLE_ID));
        }
    });
    html! {
        <a class="skip-link" href={dom::by_id(dom::ARTICLE_ID)} {onclick}>
            { lang.t(crate::i18n::viewer::Msg::SkipToArticle) }
        </a>
    }
}
