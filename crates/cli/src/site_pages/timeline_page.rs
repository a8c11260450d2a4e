//! `timeline/index.html`: every article's events on one timeline. The same date and the same
//! actors make one entry, which lists every article that reports it (the first
//! [`REPORTS_LISTED`], then how many more), each with its provenance in its own words (stated,
//! inferred, from the record) and a link to the event in its article. In pages of
//! [`ENTRIES_PER_PAGE`] entries, oldest first (`timeline/page/<n>/index.html` after the first),
//! so that a site of 10,000 articles keeps pages a reader can load.

use super::site_nav::SiteNav;
use super::{actor_href, article_href, name_of, text_lang, with_slots, words_of_text};
use crate::contents_page::{pager, PagerWords};
use crate::site_index::TimelineEntry;
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
use yew::prelude::*;

/// How many entries a page of the timeline lists.
pub const ENTRIES_PER_PAGE: usize = 100;

/// How many of an entry's reports the timeline lists (then how many more).
pub const REPORTS_LISTED: usize = 10;

/// The address of timeline page `n` (from 1), from the site's root.
pub fn timeline_href(up: &str, n: usize) -> String {
    crate::contents_page::page_href(&format!("{up}timeline/"), n)
}

#[derive(Properties, PartialEq)]
pub struct TimelinePageProps {
    /// This page's entries, their reports possibly cut to the [`REPORTS_LISTED`] it shows.
    pub entries: Vec<TimelineEntry>,
    /// How many reports each entry has in all, when its reports were cut (empty: as many as
    /// it has).
    #[prop_or_default]
    pub reports_total: Vec<usize>,
    /// The number of the first of them on the whole timeline, from 1.
    #[prop_or(1)]
    pub first: usize,
    /// How many entries the whole timeline has.
    pub total: usize,
    /// This page's number and how many there are, from 1.
    #[prop_or(1)]
    pub page: usize,
    #[prop_or(1)]
    pub pages: usize,
    /// The way to the site's root (`../` on the first page, `../../../` after).
    #[prop_or(String::from("../"))]
    pub up: String,
    /// Actor names by id, for the entries' actors.
    pub names: Vec<(String, String)>,
    /// The site's language.
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component(TimelinePage)]
pub fn timeline_page(props: &TimelinePageProps) -> Html {
    let (up, lang) = (props.up.as_str(), props.lang);
    let name_of = |id: &str| name_of(&props.names, id);
    let pages = || {
        pager(
            |n| timeline_href(up, n),
            props.page,
            props.pages,
            PagerWords {
                name: lang.t(Msg::TimelinePages),
                before: lang.t(Msg::TimelineEarlier),
                after: lang.t(Msg::TimelineLater),
            },
        )
    };
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up={up.to_string()} {lang} />
            <header class="contents__header">
                <h1 class="contents__title">
                    if props.page > 1 {
                        { lang.f(Msg::TimelineTitlePage, &[("n", &props.page.to_string())]) }
                    } else {
                        { lang.t(Msg::TimelineTitle) }
                    }
                </h1>
                <p class="contents__lead">
                    { lang.n(Msg::TimelineLead, props.total, &[]) }
                </p>
            </header>
            <main>
                <ol class="site-page__list site-page__timeline" start={props.first.to_string()}>
                    { for props.entries.iter().enumerate().map(|(n, e)| {
                      let reports_total = props.reports_total.get(n).copied().unwrap_or(e.reports.len());
                      html! {
                        <li id={format!("entry-{}", props.first + n)}>
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
                                { for e.reports.iter().take(REPORTS_LISTED).map(|r| html! {
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
                                if reports_total > REPORTS_LISTED {
                                    <li>{ lang.f(Msg::More, &[("n", &(reports_total - REPORTS_LISTED).to_string())]) }</li>
                                }
                            </ul>
                        </li>
                    }}) }
                </ol>
                { pages() }
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::static_component;
    use crate::site_index::Report;
    use marginalia_model::DateSpan;

    fn entry(n: usize, reports: usize) -> TimelineEntry {
        TimelineEntry {
            date: DateSpan::parse("2024-06-19").unwrap(),
            title: format!("Event {n}"),
            lang: "en".into(),
            actors: vec![],
            reports: (0..reports)
                .map(|r| Report {
                    slug: format!("a{r}"),
                    title: format!("Article {r}"),
                    event: "e".into(),
                    provenance: "stated".into(),
                    lang: "en".into(),
                    note: false,
                })
                .collect(),
        }
    }

    #[test]
    fn a_page_of_the_timeline_numbers_its_entries_from_its_first_and_leads_to_the_others() {
        let html = static_component::<TimelinePage>(TimelinePageProps {
            entries: vec![entry(101, 25), entry(102, 1)],
            reports_total: vec![],
            first: 101,
            total: 250,
            page: 2,
            pages: 3,
            up: "../../../".into(),
            names: vec![],
            lang: Lang::En,
        });
        assert!(html.contains("<h1 class=\"contents__title\">Timeline · page 2</h1>"));
        assert!(html.contains("250 dated events"));
        assert!(html.contains("start=\"101\""));
        assert!(html.contains("id=\"entry-101\"") && html.contains("id=\"entry-102\""));
        // An entry lists its first reports, then how many more.
        assert_eq!(
            html.matches("/index.html#event=e\"").count(),
            REPORTS_LISTED + 1
        );
        assert!(html.contains("<li>… and 15 more</li>"), "{html}");
        // An entry given only the reports it lists, with how many it has, is the same.
        let mut cut = entry(101, 25);
        cut.reports.truncate(REPORTS_LISTED);
        let same = static_component::<TimelinePage>(TimelinePageProps {
            entries: vec![cut, entry(102, 1)],
            reports_total: vec![25, 1],
            first: 101,
            total: 250,
            page: 2,
            pages: 3,
            up: "../../../".into(),
            names: vec![],
            lang: Lang::En,
        });
        assert_eq!(same, html);
        // The pager: the page before, every page, the page after, from three folders down.
        assert!(html.contains("rel=\"prev\" href=\"../../../timeline/index.html\""));
        assert!(html.contains("href=\"../../../timeline/page/2/index.html\" aria-current=\"page\""));
        assert!(html.contains("rel=\"next\" href=\"../../../timeline/page/3/index.html\""));
    }
}
