//! The panels' tab list (a bottom tab bar on phones): one tab per panel with its count;
//! Left/Right/Home/End move between tabs (the tabs pattern, only inside the tab list). A
//! function, not a component: `panels` renders it with the panel shown.

use super::context::Viewer;
use crate::dom;
use crate::i18n::viewer::Msg;
use crate::state::PanelAction;
use crate::view::Panel;
use crate::web;
use yew::prelude::*;

/// The tab list, `shown` the active tab.
pub fn panel_tabs(viewer: &Viewer, shown: Panel) -> Html {
    let article = &viewer.article;
    let count = |p: Panel| match p {
        Panel::Actors => article.actors.len(),
        Panel::Timeline => article.events.len(),
        Panel::Quotes => article.quotes.len(),
        Panel::Relations => article.relation_count(),
    };
    let onkeydown = {
        let viewer = viewer.clone();
        Callback::from(move |e: KeyboardEvent| {
            let at = Panel::ALL.iter().position(|p| *p == shown).unwrap_or(0);
            let n = Panel::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % n,
                "ArrowLeft" => (at + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            let panel = Panel::ALL[next];
            viewer.dispatch(PanelAction::Show(panel));
            if let Some(root) = viewer.root_element() {
                web::dom::focus(&root, &dom::by_id(&dom::tab_id(panel)));
            }
        })
    };
    html! {
        <div class="panels__tabs" role="tablist" aria-label={viewer.config.lang.t(Msg::ToolbarPanels)} {onkeydown}>
            { for Panel::ALL.iter().map(|p| {
                let active = *p == shown;
                if crate::config::prerendering() {
                    // Before the viewer runs (or without JavaScript): a link to the panel.
                    return html! {
                        <a
                            key={p.as_str()}
                            role="tab"
                            id={dom::tab_id(*p)}
                            href={format!("#{}", dom::panel_id(*p))}
                            class={classes!("panels__tab", active.then_some("panels__tab--active"))}
                            aria-selected={active.to_string()}
                            aria-controls={dom::panel_id(*p)}
                        >
                            { viewer.config.lang.t(p.label()) }
                            <span class="panels__count">{ count(*p) }</span>
                        </a>
                    };
                }
                html! {
                    <button
                        key={p.as_str()}
                        type="button"
                        role="tab"
                        id={dom::tab_id(*p)}
                        class={classes!("panels__tab", active.then_some("panels__tab--active"))}
                        aria-selected={active.to_string()}
                        aria-controls={dom::panel_id(*p)}
                        tabindex={if active { "0" } else { "-1" }}
                        onclick={viewer.on(PanelAction::Show(*p))}
                    >
                        { viewer.config.lang.t(p.label()) }
                        <span class="panels__count">{ count(*p) }</span>
                    </button>
                }
            }) }
        </div>
    }
}
