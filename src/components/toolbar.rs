//! The bar above the article: the name, find-in-article, the panels button (medium widths),
//! theme and cards settings, help, and the reading progress.

use super::context::use_app;
use super::reading_progress::ReadingProgress;
use super::search_box::SearchBox;
use crate::state::{Action, Theme};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[function_component(Toolbar)]
pub fn toolbar() -> Html {
    let app = use_app();
    let ui = &app.ui;
    let on_theme = {
        let ui = ui.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value());
            if let Some(theme) = value.as_deref().and_then(Theme::parse) {
                ui.dispatch(Action::SetTheme(theme));
            }
        })
    };
    let on_cards = {
        let ui = ui.clone();
        let on = ui.cards_enabled;
        Callback::from(move |_| ui.dispatch(Action::SetCardsEnabled(!on)))
    };
    let on_help = {
        let ui = ui.clone();
        Callback::from(move |_| ui.dispatch(Action::ToggleHelp))
    };
    let on_panels = {
        let ui = ui.clone();
        let open = ui.sheet_open;
        Callback::from(move |_| {
            ui.dispatch(if open {
                Action::CloseSheet
            } else {
                Action::ShowPanel(ui.panel)
            })
        })
    };
    html! {
        <header class="toolbar">
            <div class="toolbar__inner">
                <p class="toolbar__brand" aria-hidden="true">{ "marginalia" }</p>
                <SearchBox />
                <div class="toolbar__settings">
                    <button
                        type="button"
                        class="button toolbar__panels"
                        aria-expanded={ui.sheet_open.to_string()}
                        aria-controls="panels"
                        onclick={on_panels}
                    >
                        { "Panels" }
                    </button>
                    <label class="toolbar__field">
                        <span class="visually-hidden">{ "Theme" }</span>
                        <select id="theme-select" class="select" onchange={on_theme} title="Theme">
                            { for Theme::ALL.iter().map(|t| html! {
                                <option value={t.as_str()} selected={*t == ui.theme}>
                                    { t.label() }
                                </option>
                            }) }
                        </select>
                    </label>
                    <button
                        type="button"
                        id="cards-toggle"
                        class="button"
                        role="switch"
                        aria-checked={ui.cards_enabled.to_string()}
                        onclick={on_cards}
                    >
                        { "Cards" }
                    </button>
                    <button
                        type="button"
                        class="button button--round"
                        aria-label="Keyboard shortcuts and help"
                        aria-expanded={ui.help_open.to_string()}
                        aria-controls="help"
                        onclick={on_help}
                    >
                        { "?" }
                    </button>
                </div>
            </div>
            if !ui.storage_ok {
                <p class="toolbar__warning" role="note">
                    { "This browser won’t let the page store settings: your theme and card choice won’t be remembered." }
                </p>
            }
            <ReadingProgress />
        </header>
    }
}
