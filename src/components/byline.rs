//! The article's byline: the source with its date, the page's own date when it republishes
//! the article, and the reading time. Its dates and words are the interface's (in its
//! language, marked with it inside the article's); the source's name is the article's.
//!
//! Rendered inside the header's `p.article__byline`; on a page whose viewer speaks another
//! language than the page was built in (`?lang=`), the viewer renders it again there (see
//! `components::app`). A function, not a component: it has no state and renders once.

use super::context::Viewer;
use crate::i18n::viewer::Msg;
use yew::prelude::*;

/// The byline's parts, for the header's `p.article__byline`.
pub fn byline(viewer: &Viewer) -> Html {
    let (meta, lang, ui) = (&viewer.article.meta, viewer.config.lang, viewer.ui_lang());
    html! { <>
        <span class="article__byline-item">
            // The address was checked (http or https) with the rest of the data.
            if let Some(address) = &meta.source.address {
                <a href={address.clone()} rel="noopener noreferrer">{ &meta.source.name }</a>
            } else {
                { &meta.source.name }
            }
            { ", " }
            <time datetime={meta.source.date.iso()} lang={ui.clone()}>
                { crate::dates::written_one(lang, &meta.source.date) }
            </time>
        </span>
        if meta.is_republished() {
            <span class="article__sep" aria-hidden="true">{ " · " }</span>
            <span class="article__byline-item">
                <span lang={ui.clone()}>{ lang.t(Msg::Republished) }</span>
                <time datetime={meta.page_date.iso()}>{ &meta.page_date_text }</time>
            </span>
        }
        <span class="article__sep" aria-hidden="true">{ " · " }</span>
        <span class="article__byline-item" lang={ui}>
            { lang.f(Msg::MinRead, &[("n", &meta.reading_minutes.to_string())]) }
        </span>
    </> }
}
