//! The article's header: the source's name (as its author wrote it), title, standfirst,
//! byline ([`Byline`]: the source's date, the page's own date when it republishes the article,
//! the reading time), the address line; the source's address and the reason the page may
//! republish it, when the article gives them. A function, not a component: it has no state
//! and renders once.

use super::byline::byline;
use super::context::Viewer;
use yew::prelude::*;

/// The header of `app`'s article.
pub fn article_header(app: &Viewer) -> Html {
    let meta = &app.article.meta;
    html! {
        <header class="article__header">
            <p class="article__kicker">{ &meta.source.name }</p>
            <h1 class="article__title">{ &meta.title }</h1>
            if let Some(standfirst) = &meta.standfirst {
                <p class="article__standfirst">{ standfirst }</p>
            }
            if let Some(byline) = &meta.byline {
                <p class="article__author">{ byline }</p>
            }
            <p class="article__byline">{ byline(app) }</p>
            if !meta.publisher_address.is_empty() {
                <p class="article__address">{ &meta.publisher_address }</p>
            }
            if let Some(rights) = &meta.source.rights {
                <p class="article__address">{ rights }</p>
            }
        </header>
    }
}
