//! The details of the selected actor: affiliation, description, previous/next mention, its
//! quotes and events, and its relations, each with the sentence of the article behind it. A
//! function, not a component: its entry (`ActorEntry`) renders it when selected, and renders
//! again only when the entry's state changes.

use super::context::Viewer;
use crate::config::SiteActor;
use crate::dom;
use crate::i18n::{viewer::Msg, Lang};
use crate::model::{Actor, Article};
use crate::state::{Selection, SelectionAction};
use crate::words::phrase;
use yew::prelude::*;

fn select(viewer: &Viewer, selection: Selection) -> Callback<MouseEvent> {
    viewer.on(SelectionAction::Select(selection))
}

/// A button that selects another actor, named.
fn actor_link(viewer: &Viewer, id: &str, name: &str) -> Html {
    html! {
        <button type="button" class="link-button"
            onclick={select(viewer, Selection::Actor(id.to_string()))}>{ name.to_string() }</button>
    }
}

/// Its quotes and the events it is in, as links that select them.
fn quotes_and_events(viewer: &Viewer, article: &Article, actor: &Actor) -> Html {
    let lang = viewer.config.lang;
    let quotes: Vec<_> = article
        .quotes
        .iter()
        .filter(|q| q.speakers.contains(&actor.id))
        .collect();
    let events: Vec<_> = article
        .events
        .iter()
        .filter(|e| e.actors.contains(&actor.id))
        .collect();
    html! { <>
        if !quotes.is_empty() {
            <h4 class="actor__subhead">{ lang.t(Msg::TabQuotes) }</h4>
            <ul class="actor__links">
                { for quotes.iter().map(|q| html! {
                    <li key={q.id.clone()}>
                        <button type="button" class="link-button"
                            onclick={select(viewer, Selection::Quote(q.id.clone()))}>
                            { lang.f(Msg::Quoted, &[("text", &q.text)]) }
                        </button>
                    </li>
                }) }
            </ul>
        }
        if !events.is_empty() {
            <h4 class="actor__subhead">{ lang.t(Msg::Events) }</h4>
            <ul class="actor__links">
                { for events.iter().map(|e| html! {
                    <li key={e.id.clone()}>
                        <button type="button" class="link-button"
                            onclick={select(viewer, Selection::Event(e.id.clone()))}>
                            { phrase(lang, Msg::DatedTitle, vec![
                                ("date", html! { <time datetime={e.date.html_datetime()}>{ crate::dates::written(lang, &e.date) }</time> }),
                                ("title", html! { { &e.title } }),
                            ]) }
                        </button>
                    </li>
                }) }
            </ul>
        }
    </> }
}

/// Its relations, both ways, each with its evidence.
fn relations(viewer: &Viewer, article: &Article, actor: &Actor) -> Html {
    let incoming: Vec<_> = article
        .actors
        .iter()
        .flat_map(|a| a.relations.iter().map(move |r| (a, r)))
        .filter(|(_, r)| r.target == actor.id)
        .collect();
    if actor.relations.is_empty() && incoming.is_empty() {
        return html! {};
    }
    let lang = viewer.config.lang;
    html! { <>
        <h4 class="actor__subhead">{ lang.t(Msg::TabRelations) }</h4>
        <ul class="relations">
            { for actor.relations.iter().enumerate().map(|(i, r)| html! {
                <li key={format!("out-{i}")} class="relation">
                    <p class="relation__what">
                        { phrase(lang, r.kind.phrase(), vec![
                            ("a", html! { { &actor.name } }),
                            ("b", actor_link(viewer, &r.target, article.actor_name(&r.target))),
                        ]) }
                    </p>
                    <blockquote class="relation__evidence" lang={viewer.text_lang()}>{ &r.evidence }</blockquote>
                </li>
            }) }
            { for incoming.iter().enumerate().map(|(i, (source, r))| html! {
                <li key={format!("in-{i}")} class="relation">
                    <p class="relation__what">
                        { phrase(lang, r.kind.phrase(), vec![
                            ("a", actor_link(viewer, &source.id, &source.name)),
                            ("b", html! { { &actor.name } }),
                        ]) }
                    </p>
                    <blockquote class="relation__evidence" lang={viewer.text_lang()}>{ &r.evidence }</blockquote>
                </li>
            }) }
        </ul>
    </> }
}

/// The link to an actor's page in the site: "in 3 articles", named in full for a screen
/// reader ("Vladimir Putin across the site: in 3 articles").
pub fn site_link(lang: Lang, name: &str, page: &SiteActor) -> Html {
    let articles = lang.n(Msg::InArticles, page.articles as usize, &[]);
    let label = lang.f(
        Msg::ActorPageLabel,
        &[("name", name), ("articles", &articles)],
    );
    html! {
        <a class="actor__site" href={page.href.clone()} aria-label={label}>{ articles }</a>
    }
}

/// The details of `actor`, `mention_index` its current mention.
pub fn actor_details(viewer: &Viewer, actor: &Actor, mention_index: u32) -> Html {
    let (article, lang) = (&viewer.article, viewer.config.lang);
    let step = |delta: i32| {
        viewer.on(SelectionAction::StepMention {
            delta,
            total: actor.mention_count,
        })
    };
    html! {
        <div class="actor__details" id={dom::actor_details_id(&actor.id)}>
            if let Some(aff) = actor.affiliation.as_ref().and_then(|a| article.actor(a)) {
                <p class="actor__affiliation">
                    { lang.t(Msg::Affiliation) }{ actor_link(viewer, &aff.id, &aff.name) }
                </p>
            }
            <p class="actor__desc" lang={viewer.text_lang()}>{ &actor.description }</p>
            if !actor.aliases.is_empty() {
                <p class="actor__aliases">{ lang.t(Msg::AlsoKnownAs) }{ actor.aliases.join(lang.t(Msg::NamesComma)) }</p>
            }
            <div class="actor__mentions" role="group" aria-label={lang.t(Msg::MentionsInText)}>
                <button type="button" class="button" onclick={step(-1)}
                    aria-label={lang.t(Msg::MentionPrevious)}>{ lang.t(Msg::MentionPreviousShort) }</button>
                <span class="actor__position">
                    { lang.f(Msg::MentionOf, &[("index", &(mention_index + 1).to_string()), ("count", &actor.mention_count.to_string())]) }
                </span>
                <button type="button" class="button" onclick={step(1)}
                    aria-label={lang.t(Msg::MentionNext)}>{ lang.t(Msg::MentionNextShort) }</button>
            </div>
            if let Some(page) = viewer.site_actor(&actor.id) {
                <p class="actor__site-line">
                    { lang.n(Msg::MentionedHere, actor.mention_count as usize, &[]) }
                    { " · " }
                    { site_link(lang, &actor.name, page) }
                </p>
            }
            { quotes_and_events(viewer, article, actor) }
            { relations(viewer, article, actor) }
        </div>
    }
}
