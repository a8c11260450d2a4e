//! The link that skips to the article, first in the page. A function, not a component: it has
//! no state of its own and the same props always render the same link.

use super::context::Viewer;
use crate::dom;
use crate::web;
use yew::prelude::*;

/// The link that skips to the article. It moves focus without touching the URL hash (which
/// holds the view).
pub fn skip_link(viewer: &Viewer) -> Html {
    let lang = viewer.config.lang;
    let root = viewer.root.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(root) = root.element() {
            web::dom::focus(&root, &dom::by_id(dom::ARTICLE_ID));
        }
    });
    html! {
        <a class="skip-link" href={dom::by_id(dom::ARTICLE_ID)} {onclick}>
            { lang.t(crate::i18n::viewer::Msg::SkipToArticle) }
        </a>
    }
}
