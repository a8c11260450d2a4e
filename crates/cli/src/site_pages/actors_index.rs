//! `actors/index.html`: every actor of the site, grouped by kind, each with the number of
//! articles that mention it, linking to its page.

use super::actor_href;
use super::site_nav::SiteNav;
use crate::site_index::SiteActor;
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
use marginalia_model::ActorKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorsIndexProps {
    pub actors: Vec<SiteActor>,
    /// The site's language.
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component(ActorsIndex)]
pub fn actors_index(props: &ActorsIndexProps) -> Html {
    let (up, lang) = ("../", props.lang);
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up={up} {lang} />
            <header class="contents__header">
                <h1 class="contents__title">{ lang.t(Msg::ActorsTitle) }</h1>
                <p class="contents__lead">
                    { lang.n(Msg::ActorsLead, props.actors.len(), &[]) }
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
                            <h2 class="site-page__heading">{ kind.plural_label(lang) }</h2>
                            <ul class="site-page__list">
                                { for of_kind.iter().map(|a| html! {
                                    <li key={a.id.clone()}>
                                        <a href={actor_href(up, &a.id)}>{ a.name.clone() }</a>
                                        <span class="site-page__count">
                                            { lang.n(Msg::InArticles, a.totals.mentions, &[]) }
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
