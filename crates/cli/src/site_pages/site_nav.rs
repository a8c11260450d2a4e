//! The site's navigation: home (the site's name), the actors, the timeline and the search; on
//! an article page, also its related articles. Plain links, readable without JavaScript. The
//! search box (made by `search.js`, from the static index) is on the site's own pages; an
//! article page links to it (`index.html#search`), so that a reader's first load of an
//! article carries no search script and nothing moves in its first paint.

use super::article_href;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SiteNavProps {
    /// The way to the site's root from the page (`../`).
    pub up: String,
    /// Related articles (slug, title), on an article page.
    #[prop_or_default]
    pub related: Vec<(String, String)>,
    /// On an article page: a link to the search instead of the box.
    #[prop_or_default]
    pub article: bool,
    /// On an article page, its actors: (id, name, mentions here, articles naming it).
    #[prop_or_default]
    pub actors: Vec<(String, String, u32, usize)>,
}

#[function_component(SiteNav)]
pub fn site_nav(props: &SiteNavProps) -> Html {
    let up = &props.up;
    html! {
        <nav class="site-nav" aria-label="Site">
            <p class="site-nav__links">
                <a class="site-nav__home" href={format!("{up}index.html")}>{ "marginalia" }</a>
                <a href={format!("{up}actors/index.html")}>{ "Actors" }</a>
                <a href={format!("{up}timeline/index.html")}>{ "Timeline" }</a>
                if props.article {
                    <a href={format!("{up}index.html#search")}>{ "Search" }</a>
                }
            </p>
            if !props.article {
                // The search box (search.js makes it, in space kept for it; without
                // JavaScript, nothing shows).
                <div id="search" class="site-nav__search" data-site-search="" data-root={up.clone()}></div>
                <script src={format!("{up}search.js")} defer=true></script>
            }
            if !props.actors.is_empty() {
                <section class="site-nav__related site-nav__actors" aria-labelledby="actors-heading">
                    <h2 id="actors-heading" class="site-nav__heading">{ "Its actors across the site" }</h2>
                    <ul>
                        { for props.actors.iter().map(|(id, name, here, across)| html! {
                            <li key={id.clone()}>
                                <a href={super::actor_href(up, id)}>{ name.clone() }</a>
                                <span class="site-search__detail">
                                    { format!(" {here} here · in {across} article{}", if *across == 1 { "" } else { "s" }) }
                                </span>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if !props.related.is_empty() {
                <section class="site-nav__related" aria-labelledby="related-heading">
                    <h2 id="related-heading" class="site-nav__heading">{ "Related articles" }</h2>
                    <ul>
                        { for props.related.iter().map(|(slug, title)| html! {
                            <li key={slug.clone()}>
                                <a href={article_href(up, slug, None)}>{ title.clone() }</a>
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </nav>
    }
}
