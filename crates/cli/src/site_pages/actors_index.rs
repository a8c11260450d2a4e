//! `actors/index.html`: every actor of the site, grouped by kind, each with the number of
//! articles that mention it, linking to its page.

use super::actor_href;
use super::site_nav::SiteNav;
use crate::site_index::SiteActor;
use marginalia_model::ActorKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorsIndexProps {
    pub actors: Vec<SiteActor>,
}

#[function_component(ActorsIndex)]
pub fn actors_index(props: &ActorsIndexProps) -> Html {
    let up = "../";
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up={up} />
            <header class="contents__header">
                <h1 class="contents__title">{ "Actors" }</h1>
                <p class="contents__lead">
                    { format!("The {} people, states, organisations and media of the site's articles.", props.actors.len()) }
                </p>
            </header>
            <main>
                { for ActorKind::ALL.iter().map(|kind| {
                    let of_kind: Vec<&SiteActor> =
                        props.actors.iter().filter(|a| a.kind == *kind).collect();
                    if of_kind.is_empty() {
                        return html! {};
                    }
                    html! {
                        <section key={kind.as_str()} class="site-page__section">
                            <h2 class="site-page__heading">{ kind.plural_label(marginalia_i18n::Lang::En) }</h2>
                            <ul class="site-page__list">
                                { for of_kind.iter().map(|a| html! {
                                    <li key={a.id.clone()}>
                                        <a href={actor_href(up, &a.id)}>{ a.name.clone() }</a>
                                        <span class="site-page__count">
                                            { articles(a.mentions.len()) }
                                        </span>
                                    </li>
                                }) }
                            </ul>
                        </section>
                    }
                }) }
            </main>
        </div>
    }
}

/// "in 1 article", "in 3 articles".
pub fn articles(n: usize) -> String {
    format!("in {n} article{}", if n == 1 { "" } else { "s" })
}
