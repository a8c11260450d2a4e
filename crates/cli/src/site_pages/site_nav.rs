//! The site's navigation: home (the site's name), the actors, the timeline and the search; on
//! an article page, also its related articles. Plain links, readable without JavaScript. The
//! search box (made by `search.js`, from the static index) is on the site's own pages; an
//! article page links to it (`index.html#search`), so that a reader's first load of an
//! article carries no search script and nothing moves in its first paint. The box's words
//! come from the catalogue, on its element (`data-*`: `search.js` has none of its own), so
//! that the script needs no request for them and works from `file://`.

use super::{article_href, text_lang};
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SiteNavProps {
    /// The way to the site's root from the page (`../`).
    pub up: String,
    /// The page's language.
    #[prop_or_default]
    pub lang: Lang,
    /// Related articles (slug, title, the title's language), on an article page.
    #[prop_or_default]
    pub related: Vec<(String, String, String)>,
    /// On an article page: a link to the search instead of the box.
    #[prop_or_default]
    pub article: bool,
    /// On an article page, its actors: (id, name, mentions here, articles naming it).
    #[prop_or_default]
    pub actors: Vec<(String, String, u32, usize)>,
}

#[function_component(SiteNav)]
pub fn site_nav(props: &SiteNavProps) -> Html {
    let (up, lang) = (&props.up, props.lang);
    html! {
        <nav class="site-nav" aria-label={lang.t(Msg::NavLabel)}>
            <p class="site-nav__links">
                <a class="site-nav__home" href={format!("{up}index.html")}>{ "marginalia" }</a>
                <a href={format!("{up}actors/index.html")}>{ lang.t(Msg::NavActors) }</a>
                <a href={format!("{up}timeline/index.html")}>{ lang.t(Msg::NavTimeline) }</a>
                if props.article {
                    <a href={format!("{up}index.html#search")}>{ lang.t(Msg::NavSearch) }</a>
                }
            </p>
            if !props.article {
                // The search box (search.js makes it, in space kept for it; without
                // JavaScript, nothing shows), with its words.
                <div id="search" class="site-nav__search" data-site-search="" data-root={up.clone()}
                    data-label={lang.t(Msg::SearchLabel)}
                    data-placeholder={lang.t(Msg::SearchPlaceholder)}
                    data-nothing={lang.t(Msg::SearchNothing)}
                    data-found={lang.t(Msg::SearchFound)}
                    data-article={lang.t(Msg::SearchArticle)}
                    data-actor={lang.t(Msg::SearchActor)}
                    data-quote={lang.t(Msg::SearchQuote)}></div>
                <script src={format!("{up}search.js")} defer=true></script>
            }
            if !props.actors.is_empty() {
                <section class="site-nav__related site-nav__actors" aria-labelledby="actors-heading">
                    <h2 id="actors-heading" class="site-nav__heading">{ lang.t(Msg::NavItsActors) }</h2>
                    <ul>
                        { for props.actors.iter().map(|(id, name, here, across)| html! {
                            <li key={id.clone()}>
                                <a href={super::actor_href(up, id)}
                                    data-site-actor={id.clone()}
                                    data-articles={across.to_string()}>{ name.clone() }</a>
                                <span class="site-search__detail">
                                    { " " }
                                    { lang.f(Msg::NavActorCounts, &[
                                        ("here", &here.to_string()),
                                        ("articles", &lang.n(Msg::InArticles, *across, &[])),
                                    ]) }
                                </span>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if !props.related.is_empty() {
                <section class="site-nav__related" aria-labelledby="related-heading">
                    <h2 id="related-heading" class="site-nav__heading">{ lang.t(Msg::NavRelated) }</h2>
                    <ul>
                        { for props.related.iter().map(|(slug, title, text)| html! {
                            <li key={slug.clone()}>
                                <a href={article_href(up, slug, None)} lang={text_lang(lang, text)}>{ title.clone() }</a>
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </nav>
    }
}
