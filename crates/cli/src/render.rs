//! Server-side rendering with Yew: the viewer's `App` for an article page (the text and every
//! panel, readable with JavaScript off) and the contents page.

use crate::contents_page::{ContentsEntry, ContentsPage, ContentsPageProps};
use marginalia::components::app::{App, AppProps};
use marginalia::config::SiteActor;
use marginalia_i18n::Lang;
use marginalia_model::Article;
use std::rc::Rc;

fn block_on<F: std::future::Future<Output = String>>(render: F) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(tokio::task::LocalSet::new().run_until(render))
}

/// The viewer as the page shows it before (and without) the wasm: the state a viewer starts
/// in, so the viewer's first render matches it; its interface in `lang` (the page's
/// `<html lang>`, which the viewer reads in the browser to choose the same).
pub fn article_page(article: &Article, lang: Lang, site: &[SiteActor]) -> String {
    let props = AppProps::new(Rc::new(article.clone()))
        .in_lang(lang)
        .with_site(site.to_vec());
    block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The contents page's body, in `lang`.
pub fn contents_page(
    entries: Vec<ContentsEntry>,
    up: &str,
    (page, pages): (usize, usize),
    lang: Lang,
    studio: bool,
) -> String {
    block_on(
        yew::LocalServerRenderer::<ContentsPage>::with_props(ContentsPageProps {
            entries,
            up: up.to_string(),
            page,
            pages,
            lang,
            studio,
        })
        .hydratable(false)
        .render(),
    )
}

/// Any build-time page of the site: a component and its props, rendered once.
pub fn static_component<C>(props: C::Properties) -> String
where
    C: yew::BaseComponent,
    C::Properties: Send,
{
    block_on(
        yew::LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The site's navigation for an article page `up` from the root, with its related articles
/// (slug, title, the title's language) and its actors (id, name, mentions here, articles naming it), in the page's
/// language `lang`.
pub fn site_nav(
    up: &str,
    related: Vec<(String, String, String)>,
    actors: Vec<(String, String, u32, usize)>,
    lang: Lang,
) -> String {
    use crate::site_pages::site_nav::{SiteNav, SiteNavProps};
    static_component::<SiteNav>(SiteNavProps {
        up: up.to_string(),
        lang,
        related,
        article: true,
        actors,
    })
}
