//! `timeline/index.html`: every article's events on one timeline. The same date and the same
//! actors make one entry, which lists every article that reports it, each with its provenance
//! in its own words (stated, inferred, from the record) and a link to the event in its article.

use super::site_nav::SiteNav;
use super::{actor_href, article_href, more, name_of, MAX_LISTED};
use crate::site_index::TimelineEntry;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelinePageProps {
    pub entries: Vec<TimelineEntry>,
    /// Actor names by id, for the entries' actors.
    pub names: Vec<(String, String)>,
}

#[function_component(TimelinePage)]
pub fn timeline_page(props: &TimelinePageProps) -> Html {
    let up = "../";
    let name_of = |id: &str| name_of(&props.names, id);
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up={up} />
            <header class="contents__header">
                <h1 class="contents__title">{ "Timeline" }</h1>
                <p class="contents__lead">
                    { format!("{} dated events from the site's articles, merged where they report the same one.", props.entries.len()) }
                </p>
            </header>
            <main>
                <ol class="site-page__list site-page__timeline">
                    { for props.entries.iter().enumerate().map(|(n, e)| html! {
                        <li id={format!("entry-{}", n + 1)}>
                            <h2 class="site-page__heading">
                                <time datetime={e.date.html_datetime()}>{ e.date.long() }</time>
                            </h2>
                            <p>{ e.title.clone() }</p>
                            if !e.actors.is_empty() {
                                <p class="site-page__count">
                                    { for e.actors.iter().enumerate().map(|(k, id)| html! {
                                        <>
                                            { if k > 0 { ", " } else { "" } }
                                            <a href={actor_href(up, id)}>{ name_of(id) }</a>
                                        </>
                                    }) }
                                </p>
                            }
                            <ul class="site-page__reports">
                                { for e.reports.iter().take(MAX_LISTED).map(|r| html! {
                                    <li>
                                        <a href={article_href(up, &r.slug, Some(("event", &r.event)))}>{ r.title.clone() }</a>
                                        { format!(": {}", r.provenance) }
                                    </li>
                                }) }
                                if let Some(more) = more(e.reports.len()) {
                                    <li>{ more }</li>
                                }
                            </ul>
                        </li>
                    }) }
                </ol>
            </main>
        </div>
    }
}
