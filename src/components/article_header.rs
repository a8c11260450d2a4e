//! The article's header: the source's name (as its author wrote it), title, standfirst,
//! byline, the source's date and, only when the page republishes it, the page's own date, the
//! address line and the reading time; the source's address and the reason the page may
//! republish it, when the article gives them.

use super::context::use_viewer;
use crate::i18n::viewer::Msg;
use yew::prelude::*;

#[function_component(ArticleHeader)]
pub fn article_header() -> Html {
    crate::render_count::rendered("ArticleHeader");
    let app = use_viewer();
    let (meta, lang) = (&app.article.meta, app.config.lang);
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
            <p class="article__byline">
                <span class="article__byline-item">
                    // The address was checked (http or https) with the rest of the data.
                    if let Some(address) = &meta.source.address {
                        <a href={address.clone()} rel="noopener noreferrer">{ &meta.source.name }</a>
                    } else {
                        { &meta.source.name }
                    }
                    { ", " }
                    <time datetime={meta.source.date.iso()}>{ crate::dates::written_one(lang, &meta.source.date) }</time>
                </span>
                if meta.is_republished() {
                    <span class="article__sep" aria-hidden="true">{ " · " }</span>
                    <span class="article__byline-item">
                        { lang.t(Msg::Republished) }
                        <time datetime={meta.page_date.iso()}>{ &meta.page_date_text }</time>
                    </span>
                }
                <span class="article__sep" aria-hidden="true">{ " · " }</span>
                <span class="article__byline-item">{ lang.f(Msg::MinRead, &[("n", &meta.reading_minutes.to_string())]) }</span>
            </p>
            if !meta.publisher_address.is_empty() {
                <p class="article__address">{ &meta.publisher_address }</p>
            }
            if let Some(rights) = &meta.source.rights {
                <p class="article__address">{ rights }</p>
            }
        </header>
    }
}
