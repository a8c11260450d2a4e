//! The panels beside the article: a tab list (a bottom tab bar on phones) and one tab panel
//! for actors, the timeline or quotes. Wide screens always show it; medium screens open it as
//! a drawer, phones as a sheet over the text.

use super::actors_panel::ActorsPanel;
use super::context::use_app;
use super::quotes_panel::QuotesPanel;
use super::timeline_panel::TimelinePanel;
use crate::route::Panel;
use crate::state::{Action, Selection};
use crate::web;
use yew::prelude::*;

#[function_component(Panels)]
pub fn panels() -> Html {
    let app = use_app();
    let ui = &app.ui;
    let count = |p: Panel| match p {
        Panel::Actors => app.article.actors.len(),
        Panel::Timeline => app.article.events.len(),
        Panel::Quotes => app.article.quotes.len(),
    };
    // Tabs pattern: Left/Right/Home/End move between tabs (only inside the tab list).
    let onkeydown = {
        let ui = ui.clone();
        let root = app.root.clone();
        Callback::from(move |e: KeyboardEvent| {
            let at = Panel::ALL.iter().position(|p| *p == ui.panel).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % 3,
                "ArrowLeft" => (at + 2) % 3,
                "Home" => 0,
                "End" => 2,
                _ => return,
            };
            e.prevent_default();
            let panel = Panel::ALL[next];
            ui.dispatch(Action::ShowPanel(panel));
            if let Some(root) = root.cast::<web_sys::Element>() {
                web::focus(&root, &format!("#tab-{}", panel.as_str()));
            }
        })
    };
    let selected_name = ui.selection.as_ref().map(|sel| match sel {
        Selection::Actor(id) => app.article.actor_name(id).to_string(),
        Selection::Event(id) => app
            .article
            .event(id)
            .map_or(id.clone(), |e| e.title.clone()),
        Selection::Quote(id) => app.article.quote(id).map_or(id.clone(), |q| {
            format!("quote by {}", app.article.actor_name(&q.speaker))
        }),
    });
    let onclear = {
        let ui = ui.clone();
        Callback::from(move |_| ui.dispatch(Action::Clear))
    };
    let onclose = {
        let ui = ui.clone();
        Callback::from(move |_| ui.dispatch(Action::CloseSheet))
    };
    html! {
        <aside
            id="panels"
            class={classes!("panels", ui.sheet_open.then_some("panels--open"))}
            aria-label="Actors, timeline and quotes"
        >
            <div class="panels__bar">
                <div class="panels__tabs" role="tablist" aria-label="Panels" {onkeydown}>
                    { for Panel::ALL.iter().map(|p| {
                        let active = *p == ui.panel;
                        let onclick = {
                            let (ui, p) = (ui.clone(), *p);
                            Callback::from(move |_| ui.dispatch(Action::ShowPanel(p)))
                        };
                        html! {
                            <button
                                key={p.as_str()}
                                type="button"
                                role="tab"
                                id={format!("tab-{}", p.as_str())}
                                class={classes!("panels__tab", active.then_some("panels__tab--active"))}
                                aria-selected={active.to_string()}
                                aria-controls={format!("panel-{}", p.as_str())}
                                tabindex={if active { "0" } else { "-1" }}
                                {onclick}
                            >
                                { p.label() }
                                <span class="panels__count">{ count(*p) }</span>
                            </button>
                        }
                    }) }
                </div>
                <button type="button" class="button panels__close" onclick={onclose}
                    aria-label="Close the panel">{ "Close" }</button>
            </div>
            if let Some(name) = selected_name {
                <div class="panels__selection">
                    <p class="panels__selected">
                        <span class="panels__selected-label">{ "Selected: " }</span>{ name }
                    </p>
                    <button type="button" class="button" onclick={onclear}>
                        { "Clear" }
                    </button>
                </div>
            }
            { for Panel::ALL.iter().map(|p| html! {
                <section
                    key={p.as_str()}
                    id={format!("panel-{}", p.as_str())}
                    class="panels__body"
                    role="tabpanel"
                    aria-labelledby={format!("tab-{}", p.as_str())}
                    tabindex="0"
                    hidden={*p != ui.panel}
                >
                    // Only the shown panel is rendered: the others are empty until chosen.
                    { match p {
                        _ if *p != ui.panel => html! {},
                        Panel::Actors => html! { <ActorsPanel /> },
                        Panel::Timeline => html! { <TimelinePanel /> },
                        Panel::Quotes => html! { <QuotesPanel /> },
                    } }
                </section>
            }) }
        </aside>
    }
}
