//! The bar above the article: the name, find-in-article, the panels button (medium widths),
//! the theme and cards settings, help, and the reading progress.

use super::context::use_viewer;
use super::reading_progress::reading_progress;
use super::search_box::SearchBox;
use crate::dom;
use crate::effects::use_reading_progress;
use crate::i18n::{viewer::Msg, Lang};
use crate::state::{Action, PanelAction, Search, Settings, SettingsAction};
use crate::view::{Panel, Theme};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub settings: Settings,
    /// The panel shown, which the Panels button opens.
    pub panel: Panel,
    pub sheet_open: bool,
    pub help_open: bool,
    pub search: Search,
}

/// The theme chooser. Its `value` is also set by an effect in [`toolbar`]: moving the
/// `selected` attribute is not enough in every engine (Firefox keeps showing the option the
/// reader saw first).
fn theme_select(lang: Lang, theme: Theme, onchange: Callback<Event>, select: NodeRef) -> Html {
    html! {
        <label class="toolbar__field">
            <span class="visually-hidden">{ lang.t(Msg::ToolbarTheme) }</span>
            <select id="theme-select" class="select" {onchange} title={lang.t(Msg::ToolbarTheme)} ref={select}>
                { for Theme::ALL.iter().map(|t| html! {
                    <option value={t.as_str()} selected={*t == theme}>{ lang.t(t.label()) }</option>
                }) }
            </select>
        </label>
    }
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    crate::render_count::rendered("Toolbar");
    let viewer = use_viewer();
    let lang = viewer.config.lang;
    let on_theme = {
        let dispatch = viewer.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value());
            if let Some(theme) = value.as_deref().and_then(Theme::parse) {
                dispatch.dispatch(Action::Settings(SettingsAction::SetTheme(theme)));
            }
        })
    };
    let theme_ref = use_node_ref();
    {
        let theme_ref = theme_ref.clone();
        use_effect_with(props.settings.theme, move |theme| {
            if let Some(select) = theme_ref.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(theme.as_str());
            }
        });
    }
    // The reading progress's bar, which its effect moves on scroll.
    let progress_bar = use_node_ref();
    use_reading_progress(progress_bar.clone(), viewer.root.clone());
    let cards = props.settings.cards_enabled;
    let on_panels = viewer.on(if props.sheet_open {
        Action::Panel(PanelAction::CloseSheet)
    } else {
        Action::Panel(PanelAction::Show(props.panel))
    });
    html! {
        <header class={dom::TOOLBAR_CLASS}>
            <div class="toolbar__inner">
                <p class="toolbar__brand" aria-hidden="true">{ "marginalia" }</p>
                <SearchBox search={props.search.clone()} />
                <div class="toolbar__settings">
                    <button type="button" class="button toolbar__panels"
                        aria-expanded={props.sheet_open.to_string()}
                        aria-controls={dom::PANELS_ID} onclick={on_panels}>
                        { lang.t(Msg::ToolbarPanels) }
                    </button>
                    { theme_select(lang, props.settings.theme, on_theme, theme_ref) }
                    <button type="button" id="cards-toggle" class="button" role="switch"
                        aria-checked={cards.to_string()}
                        onclick={viewer.on(SettingsAction::SetCardsEnabled(!cards))}>
                        { lang.t(Msg::ToolbarCards) }
                    </button>
                    <button type="button" class="button button--round"
                        aria-label={lang.t(Msg::HelpButton)}
                        aria-expanded={props.help_open.to_string()}
                        aria-controls={dom::HELP_ID} onclick={viewer.on(PanelAction::ToggleHelp)}>
                        { "?" }
                    </button>
                </div>
            </div>
            if !props.settings.storage_ok {
                <p class="toolbar__warning" role="note">
                    { lang.t(Msg::SettingsNotStored) }
                </p>
            }
            { reading_progress(&viewer, progress_bar) }
        </header>
    }
}
