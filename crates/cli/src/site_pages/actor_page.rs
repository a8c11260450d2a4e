//! `actors/<id>/index.html`: one actor across the site. Who it is, with its role as each
//! article states it at that article's date; every article that mentions it, with the sentence;
//! its quotes in date order, each linked to its place in its article; its events on the site's
//! timeline; and who it is related to, with the evidence.

use super::site_nav::SiteNav;
use super::MAX_LISTED;
use super::{actor_href, article_href, more, name_of, text_lang, with_slots, words_of_text};
use crate::registry::DatedRole;
use crate::site_index::{SiteActor, TimelineEntry};
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorPageProps {
    /// The actor, its lists cut to what the page shows ([`SiteActor::listed`]).
    pub actor: SiteActor,
    /// The actor's entries of the merged timeline, in date order.
    pub events: Vec<TimelineEntry>,
    /// The names of the actors it is related to, by id.
    pub names: Vec<(String, String)>,
    /// The site's language.
    #[prop_or_default]
    pub lang: Lang,
}

/// A role from the site's own file with the dates it was held: "President (from 7 May
/// 2012)", "Foreign minister (March 2019 – 2024)", "外務大臣（2019年3月～2024年）".
pub fn recorded_role(r: &DatedRole, lang: Lang) -> String {
    let role = ("role", r.role.as_str());
    match (&r.from, &r.until) {
        (Some(f), Some(u)) => lang.f(
            Msg::RoleSpan,
            &[
                role,
                ("from", &f.written(lang)),
                ("until", &u.written(lang)),
            ],
        ),
        (Some(f), None) => lang.f(Msg::RoleFrom, &[role, ("from", &f.written(lang))]),
        (None, Some(u)) => lang.f(Msg::RoleUntil, &[role, ("until", &u.written(lang))]),
        (None, None) => r.role.clone(),
    }
}

#[function_component(ActorPage)]
pub fn actor_page(props: &ActorPageProps) -> Html {
    let (up, lang) = ("../../", props.lang);
    let a = &props.actor;
    let name_of = |id: &str| name_of(&props.names, id);
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up={up} {lang} />
            <header class="contents__header">
                <p class="site-page__kicker">{ a.kind.label(lang) }</p>
                <h1 class="contents__title">{ a.name.clone() }</h1>
                if !a.aliases.is_empty() {
                    <p class="contents__lead">
                        { lang.f(Msg::ActorAlso, &[("names", &a.aliases.join(lang.t(Msg::ListComma)))]) }
                    </p>
                }
                if !a.description.is_empty() {
                    <p class="contents__standfirst">{ a.description.clone() }</p>
                }
            </header>
            <main>
                if !a.recorded_roles.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ lang.t(Msg::ActorRolesOnRecord) }</h2>
                        <ul class="site-page__list">
                            { for a.recorded_roles.iter().map(|r| html! {
                                <li>
                                    { recorded_role(r, lang) }
                                    if let Some(source) = &r.source {
                                        { " · " }
                                        <a href={source.clone()} rel="noopener noreferrer">{ lang.t(Msg::ActorRoleSource) }</a>
                                    }
                                </li>
                            }) }
                        </ul>
                    </section>
                }
                if let Some(item) = &a.wikidata {
                    <p class="site-page__count">
                        <a href={item.clone()} rel="noopener noreferrer">{ lang.t(Msg::ActorWikidata) }</a>
                    </p>
                }
                if !a.roles.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ lang.t(Msg::ActorRolesByArticle) }</h2>
                        <ul class="site-page__list">
                            { for a.roles.iter().take(MAX_LISTED).map(|r| html! {
                                <li>
                                    { with_slots(lang, Msg::ActorRoleAsOf, |slot| match slot {
                                        "role" => words_of_text(lang, &r.lang, r.role.clone()),
                                        _ => html! {
                                            <a href={article_href(up, &r.slug, None)}>
                                                <time datetime={r.as_of.clone()}>{ r.as_of_text.clone() }</time>
                                            </a>
                                        },
                                    }) }
                                </li>
                            }) }
                        </ul>
                        if let Some(more) = more(a.totals.roles, lang) {
                            <p class="site-page__count">{ more }</p>
                        }
                    </section>
                }
                <section class="site-page__section">
                    <h2 class="site-page__heading">{ lang.n(Msg::ActorMentioned, a.totals.mentions, &[]) }</h2>
                    <ol class="site-page__list">
                        { for a.mentions.iter().take(MAX_LISTED).map(|m| html! {
                            <li key={m.slug.clone()}>
                                <a href={article_href(up, &m.slug, Some(("actor", &a.id)))} lang={text_lang(lang, &m.lang)}>
                                    { m.title.clone() }
                                </a>
                                <span class="site-page__count">
                                    { lang.n(Msg::ActorMentions, m.count as usize, &[]) }
                                </span>
                                if !m.sentence.is_empty() {
                                    <blockquote class="site-page__sentence" lang={text_lang(lang, &m.lang)}>
                                        { m.sentence.clone() }
                                    </blockquote>
                                }
                            </li>
                        }) }
                    </ol>
                    if let Some(more) = more(a.totals.mentions, lang) {
                        <p class="site-page__count">{ more }</p>
                    }
                </section>
                if !a.quotes.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ lang.t(Msg::ActorQuotes) }</h2>
                        <ol class="site-page__list">
                            { for a.quotes.iter().take(MAX_LISTED).map(|q| html! {
                                <li key={format!("{}/{}", q.slug, q.id)}>
                                    { with_slots(lang, Msg::ActorQuote, |slot| match slot {
                                        "quote" => html! { <q lang={text_lang(lang, &q.lang)}>{ q.text.clone() }</q> },
                                        "who" => html! { { q.speakers.clone() } },
                                        "date" => html! {
                                            <time datetime={q.date.clone()}>{ q.date_text.clone() }</time>
                                        },
                                        _ => html! {
                                            <a href={article_href(up, &q.slug, Some(("quote", &q.id)))}>
                                                { lang.t(Msg::ActorInItsArticle) }
                                            </a>
                                        },
                                    }) }
                                </li>
                            }) }
                        </ol>
                        if let Some(more) = more(a.totals.quotes, lang) {
                            <p class="site-page__count">{ more }</p>
                        }
                    </section>
                }
                if !props.events.is_empty() {
                    <section class="site-page__section">
                        <h2 class="site-page__heading">{ lang.t(Msg::ActorOnTimeline) }</h2>
                        <ol class="site-page__list">
                            { for props.events.iter().map(|e| html! {
                                <li>
                                    { with_slots(lang, Msg::TimelineEntry, |slot| match slot {
                                        "date" => html! {
                                            <time datetime={e.date.html_datetime()}>{ e.date.written(lang) }</time>
                                        },
                                        _ => words_of_text(lang, &e.lang, e.title.clone()),
                                    }) }
                                    { " " }
                                    { for e.reports.iter().take(MAX_LISTED).map(|r| html! {
                                        <a class="site-page__report" href={article_href(up, &r.slug, Some(("event", &r.event)))} lang={text_lang(lang, &r.lang)}>
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
                        <h2 class="site-page__heading">{ lang.t(Msg::ActorRelated) }</h2>
                        <ul class="site-page__list">
                            { for a.relations.iter().take(MAX_LISTED).map(|r| html! {
                                <li>
                                    { with_slots(lang, Msg::ActorRelation, |slot| match slot {
                                        "phrase" => html! { { r.phrase.clone() } },
                                        "other" => html! {
                                            <a href={actor_href(up, &r.other)}>{ name_of(&r.other) }</a>
                                        },
                                        _ => html! {
                                            <a href={article_href(up, &r.slug, None)}>{ lang.t(Msg::ActorItsArticle) }</a>
                                        },
                                    }) }
                                    <blockquote class="site-page__sentence" lang={text_lang(lang, &r.lang)}>
                                        { r.evidence.clone() }
                                    </blockquote>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marginalia_model::PartialDate;

    #[test]
    fn a_recorded_role_is_dated_in_the_language_of_the_page() {
        let role = |from: Option<&str>, until: Option<&str>| DatedRole {
            role: "Minister".into(),
            from: from.map(|d| PartialDate::parse(d).unwrap()),
            until: until.map(|d| PartialDate::parse(d).unwrap()),
            source: None,
        };
        let span = role(Some("2019-03"), Some("2024"));
        assert_eq!(
            recorded_role(&span, Lang::En),
            "Minister (March 2019 – 2024)"
        );
        assert_eq!(
            recorded_role(&span, Lang::Ja),
            "Minister（2019年3月～2024年）"
        );
        assert_eq!(
            recorded_role(&role(Some("2012-05-07"), None), Lang::En),
            "Minister (from 7 May 2012)"
        );
        assert_eq!(
            recorded_role(&role(None, Some("2024-06-30")), Lang::Ko),
            "Minister(2024년 6월 30일까지)"
        );
        assert_eq!(recorded_role(&role(None, None), Lang::Ja), "Minister");
    }
}
