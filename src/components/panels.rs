//! The panels beside the article: a tab list (`panel_tabs`), the selection with a way to clear
//! it, and one tab panel for actors, the timeline, quotes or relations. Wide screens always show it;
//! medium screens open it as a drawer, phones as a sheet over the text. A function, not a
//! component: what it renders itself is small, and each panel is a component that renders
//! again only when its own part of the state changes.

use super::actors_panel::ActorsPanel;
use super::context::Viewer;
use super::panel_tabs::panel_tabs;
use super::quotes_panel::QuotesPanel;
use super::relations_panel::RelationsPanel;
use super::timeline_panel::TimelinePanel;
use crate::dom;
use crate::i18n::{viewer::Msg, Lang};
use crate::model::related::Related;
use crate::model::Article;
use crate::state::{PanelAction, Selection, SelectionAction, UiState};
use crate::view::Panel;
use std::rc::Rc;
use yew::prelude::*;

/// How the selection is named above the panel.
fn selected_name(article: &Article, selection: &Selection, lang: Lang) -> String {
    match selection {
        Selection::Actor(id) => article.actor_name(id).to_string(),
        Selection::Event(id) => article.event(id).map_or(id.clone(), |e| e.title.clone()),
        Selection::Quote(id) => article.quote(id).map_or(id.clone(), |q| {
            lang.f(Msg::QuoteBy, &[("who", &article.speakers_names(q, lang))])
        }),
        Selection::Relation(id) => article
            .relation(id)
            .map_or(id.clone(), |(a, r)| article.relation_phrase(a, r, lang)),
    }
}

/// The content of the shown panel (the others stay empty until chosen).
fn panel_content(panel: Panel, shown: Panel, ui: &UiState, related: &Rc<Related>) -> Html {
    let (selection, related) = (ui.selection.clone(), related.clone());
    match panel {
        _ if panel != shown && !crate::config::prerendering() => html! {},
        Panel::Actors => html! {
            <ActorsPanel {selection} {related} mention_index={ui.mention_index} />
        },
        Panel::Timeline => html! { <TimelinePanel {selection} {related} /> },
        Panel::Quotes => html! {
            <QuotesPanel {selection} {related} speaker_filter={ui.speaker_filter.clone()} />
        },
        Panel::Relations => html! { <RelationsPanel {selection} {related} /> },
    }
}

/// The panels, `shown` the panel shown, in the state `ui` (`related`: what relates to its
/// selection).
pub fn panels(viewer: &Viewer, ui: &UiState, shown: Panel, related: &Rc<Related>) -> Html {
    let lang = viewer.config.lang;
    let inert = crate::config::sends_inert_parts(&viewer.article);
    let selected = ui
        .selection
        .as_ref()
        .map(|sel| selected_name(&viewer.article, sel, lang));
    html! {
        <aside
            id={dom::PANELS_ID}
            class={classes!("panels", ui.sheet_open.then_some("panels--open"))}
            aria-label={lang.t(Msg::PanelsLabel)}
        >
            <div class="panels__bar">
                { panel_tabs(viewer, shown) }
                <button type="button" class="button panels__close"
                    onclick={viewer.on(PanelAction::CloseSheet)}
                    aria-label={lang.t(Msg::PanelClose)}>{ lang.t(Msg::Close) }</button>
            </div>
            if let Some(name) = selected {
                <div class="panels__selection">
                    <p class="panels__selected">
                        <span class="panels__selected-label">{ lang.t(Msg::Selected) }</span>{ name }
                    </p>
                    <button type="button" class="button" onclick={viewer.on(SelectionAction::Clear)}>
                        { lang.t(Msg::Clear) }
                    </button>
                </div>
            }
            { for Panel::ALL.iter().map(|p| html! {
                <section
                    key={p.as_str()}
                    id={dom::panel_id(*p)}
                    class="panels__body"
                    role="tabpanel"
                    aria-labelledby={dom::tab_id(*p)}
                    tabindex="0"
                    hidden={*p != shown}
                >
                    if inert && *p != shown {
                        <noscript data-section="">{ panel_content(*p, shown, ui, related) }</noscript>
                    } else {
                        { panel_content(*p, shown, ui, related) }
                    }
                </section>
            }) }
        </aside>
    }
}
