//! `timeline/index.html`: every article's events on one timeline. The same date and the same
//! actors make one entry, which lists every article that reports it, each with its provenance
//! in its own words (stated, inferred, from the record) and a link to the event in its article.

use super::site_nav::SiteNav;
use super::MAX_LISTED;
use super::{actor_href, article_href, more, name_of, text_lang, with_slots, words_of_text};
use crate::site_index::TimelineEntry;
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelinePageProps {
    pub entries: Vec<TimelineEntry>,
    /// Actor names by id, for the entries' actors.
    pub names: Vec<(String, String)>,
    /// The site's language.
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component(TimelinePage)]
pub fn timeline_page(props: &TimelinePageProps) -> Html {
    let (up, lang) = ("../", props.lang);
    let name_of = |id: &str| name_of(&props.names, id);
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up={up} {lang} />
            <header class="contents__header">
                <h1 class="contents__title">{ lang.t(Msg::TimelineTitle) }</h1>
                <p class="contents__lead">
                    { lang.n(Msg::TimelineLead, props.entries.len(), &[]) }
                </p>
            </header>
            <main>
                <ol class="site-page__list site-page__timeline">
                    { for props.entries.iter().enumerate().map(|(n, e)| html! {
                        <li id={format!("entry-{}", n + 1)}>
                            <h2 class="site-page__heading">
                                <time datetime={e.date.html_datetime()}>{ e.date.written(lang) }</time>
                            </h2>
                            <p lang={text_lang(lang, &e.lang)}>{ e.title.clone() }</p>
                            if !e.actors.is_empty() {
                                <p class="site-page__count">
                                    { for e.actors.iter().enumerate().map(|(k, id)| html! {
                                        <>
                                            if k > 0 {
                                                { lang.t(Msg::ListComma) }
                                            }
                                            <a href={actor_href(up, id)}>{ name_of(id) }</a>
                                        </>
                                    }) }
                                </p>
                            }
                            <ul class="site-page__reports">
                                { for e.reports.iter().take(MAX_LISTED).map(|r| html! {
                                    <li>
                                        { with_slots(lang, Msg::TimelineReport, |slot| match slot {
                                            "link" => html! {
                                                <a href={article_href(up, &r.slug, Some(("event", &r.event)))} lang={text_lang(lang, &r.lang)}>
                                                    { r.title.clone() }
                                                </a>
                                            },
                                            // The author's note is in the article's language;
                                            // the catalogue's explanation, in the page's.
                                            _ if r.note => words_of_text(lang, &r.lang, r.provenance.clone()),
                                            _ => html! { { r.provenance.clone() } },
                                        }) }
                                    </li>
                                }) }
                                if let Some(more) = more(e.reports.len(), lang) {
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
