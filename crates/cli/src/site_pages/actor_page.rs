//! `actors/<id>/index.html`: one actor across the site. Who it is, with its role as each
//! article states it at that article's date; every article that mentions it, with the sentence;
//! its quotes in date order, each linked to its place in its article; its events on the site's
//! timeline; and who it is related to, with the evidence.

use super::actors_index::articles;
use super::site_nav::SiteNav;
use super::{actor_href, article_href, more, name_of, MAX_LISTED};
use crate::site_index::{SiteActor, TimelineEntry};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorPageProps {
    pub actor: SiteActor,
    /// The actor's entries of the merged timeline, in date order.
    pub events: Vec<TimelineEntry>,
    /// The names of the actors it is related to, by id.
    pub names: Vec<(String, String)>,
}

#[function_component(ActorPage)]
pub fn actor_page(props: &ActorPageProps) -> Html {
    let up = "../../";
    let a = &props.actor;
    let name_of = |id: &str| name_of(&props.names, id);
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up={up} />
            <header class="contents__header">
                <p class="site-page__kicker">{ a.kind.as_str() }</p>
                <h1 class="contents__title">{ a.name.clone() }</h1>
                if !a.aliases.is_empty() {
                    <p class="contents__lead">{ format!("Also: {}", a.aliases.join(", ")) }</p>
                }
                if !a.description.is_empty() {
                    <p class="contents__standfirst">{ a.description.clone() }</p>
                }
            </header>
            <main>
                if !a.recorded_roles.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ "Roles on record" }</h2>
                        <ul class="site-page__list">
                            { for a.recorded_roles.iter().map(|r| html! {
                                <li>
                                    { r.label() }
                                    if let Some(source) = &r.source {
                                        { " · " }
                                        <a href={source.clone()} rel="noopener noreferrer">{ "source" }</a>
                                    }
                                </li>
                            }) }
                        </ul>
                    </section>
                }
                if let Some(item) = &a.wikidata {
                    <p class="site-page__count">
                        <a href={item.clone()} rel="noopener noreferrer">{ "Wikidata" }</a>
                    </p>
                }
                if !a.roles.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ "Role, as each article gives it" }</h2>
                        <ul class="site-page__list">
                            { for a.roles.iter().map(|r| html! {
                                <li>
                                    { format!("{} — ", r.role) }
                                    <a href={article_href(up, &r.slug, None)}>
                                        <time datetime={r.as_of.clone()}>{ r.as_of_text.clone() }</time>
                                    </a>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
                <section class="site-page__section">
                    <h2 class="site-page__heading">{ format!("Mentioned {}", articles(a.mentions.len())) }</h2>
                    <ol class="site-page__list">
                        { for a.mentions.iter().take(MAX_LISTED).map(|m| html! {
                            <li key={m.slug.clone()}>
                                <a href={article_href(up, &m.slug, Some(("actor", &a.id)))}>{ m.title.clone() }</a>
                                <span class="site-page__count">
                                    { format!("{} mention{}", m.count, if m.count == 1 { "" } else { "s" }) }
                                </span>
                                if !m.sentence.is_empty() {
                                    <blockquote class="site-page__sentence">{ m.sentence.clone() }</blockquote>
                                }
                            </li>
                        }) }
                    </ol>
                    if let Some(more) = more(a.mentions.len()) {
                        <p class="site-page__count">{ more }</p>
                    }
                </section>
                if !a.quotes.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ "Quotes" }</h2>
                        <ol class="site-page__list">
                            { for a.quotes.iter().take(MAX_LISTED).map(|q| html! {
                                <li key={format!("{}/{}", q.slug, q.id)}>
                                    <q>{ q.text.clone() }</q>
                                    { format!(" — {}, ", q.speakers) }
                                    <time datetime={q.date.clone()}>{ q.date_text.clone() }</time>
                                    { " · " }
                                    <a href={article_href(up, &q.slug, Some(("quote", &q.id)))}>{ "in its article" }</a>
                                </li>
                            }) }
                        </ol>
                        if let Some(more) = more(a.quotes.len()) {
                            <p class="site-page__count">{ more }</p>
                        }
                    </section>
                }
                if !props.events.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ "On the timeline" }</h2>
                        <ol class="site-page__list">
                            { for props.events.iter().map(|e| html! {
                                <li>
                                    <time datetime={e.date.html_datetime()}>{ e.date.long() }</time>
                                    { format!(": {} ", e.title) }
                                    { for e.reports.iter().take(MAX_LISTED).map(|r| html! {
                                        <a class="site-page__report" href={article_href(up, &r.slug, Some(("event", &r.event)))}>
                                            { r.title.clone() }
                                        </a>
                                    }) }
                                </li>
                            }) }
                        </ol>
                    </section>
                }
                if !a.relations.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ "Related to" }</h2>
                        <ul class="site-page__list">
                            { for a.relations.iter().take(MAX_LISTED).map(|r| html! {
                                <li>
                                    { format!("{} (", r.phrase) }
                                    <a href={actor_href(up, &r.other)}>{ name_of(&r.other) }</a>
                                    { ", in " }
                                    <a href={article_href(up, &r.slug, None)}>{ "its article" }</a>
                                    { ")" }
                                    <blockquote class="site-page__sentence">{ r.evidence.clone() }</blockquote>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            </main>
        </div>
    }
}
