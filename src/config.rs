//! How a viewer was started, fixed for its life: a page of its own or mounted into a host's
//! element, embedded in an iframe or not, showing every panel or one.
//!
//! Data flow: the page's query string (`?embed&panel=timeline`, read once when `App` is
//! created) or a host's mount options become [`PageOptions`]; [`Start::resolve`] splits them
//! into this [`Config`] (shared through the viewer's context, which never changes, so nothing
//! re-renders for it) and the first [`UiState`] (the theme and cards options, which the reader
//! may change later).

use crate::route::PageOptions;
use crate::state::UiState;
use crate::view::{Panel, View};

/// How the viewer was started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The page is the viewer (standalone, GitHub Pages, an iframe's document): it owns the
    /// URL hash, the document's keyboard and `<html data-theme>`.
    #[default]
    Page,
    /// Mounted into an element of someone else's page: it leaves the page's URL, keyboard and
    /// root element alone.
    Mounted,
}

/// The configuration that never changes once the viewer runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub mode: Mode,
    /// Shown inside another site's iframe (`?embed`).
    pub embed: bool,
    /// Only this panel is shown, without a tab list (`?panel=timeline`).
    pub only_panel: Option<Panel>,
}

impl Config {
    pub fn new(mode: Mode, options: &PageOptions) -> Config {
        Config {
            mode,
            embed: options.embed,
            only_panel: options.only_panel,
        }
    }

    /// The panel shown: the only one, or the one the reader chose.
    pub fn panel(&self, ui: &UiState) -> Panel {
        self.only_panel.unwrap_or(ui.panel)
    }

    /// The view the URL hash shows.
    pub fn view(&self, ui: &UiState) -> View {
        ui.view_showing(self.panel(ui))
    }

    /// A page of its own, not embedded: it may fix bars to the screen and scroll the page.
    pub fn owns_the_page(&self) -> bool {
        self.mode == Mode::Page && !self.embed
    }
}

/// Where a viewer starts: its page options and its first view state (server-side rendering
/// and tests start from a given state; the default otherwise).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Start {
    pub options: PageOptions,
    pub ui: UiState,
}

impl Start {
    /// A viewer started with these options (a host's mount options).
    pub fn with_options(options: PageOptions) -> Start {
        Start {
            options,
            ui: UiState::default(),
        }
    }

    /// The viewer's fixed configuration and its first state.
    pub fn resolve(self, mode: Mode) -> (Config, UiState) {
        let config = Config::new(mode, &self.options);
        (config, self.ui.with_options(&self.options))
    }
}

impl From<UiState> for Start {
    fn from(ui: UiState) -> Start {
        Start {
            options: PageOptions::default(),
            ui,
        }
    }
}

/// True when rendering the prerendered page on the server (the `site` command): what shows
/// with JavaScript off and before the viewer starts, where every panel's content is in the
/// page and the tabs are links to the panels (CSS `:target` shows the one named), so nothing
/// on screen is dead. The viewer, once it runs, renders the live panels in its place.
pub fn prerendering() -> bool {
    !cfg!(target_arch = "wasm32")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Selection, SelectionAction};
    use crate::view::Theme;

    #[test]
    fn page_options_fix_the_panel_theme_and_cards() {
        let start = Start::with_options(PageOptions {
            embed: true,
            theme: Some(Theme::Dark),
            only_panel: Some(Panel::Timeline),
            cards: Some(false),
        });
        let (config, s) = start.resolve(Mode::Page);
        assert!(config.embed && !s.settings.cards_enabled);
        assert_eq!(
            (s.settings.theme, config.panel(&s)),
            (Theme::Dark, Panel::Timeline)
        );
        // Selecting an actor keeps the only panel.
        let s = s.apply(SelectionAction::Select(Selection::Actor("kim".into())));
        assert_eq!(config.panel(&s), Panel::Timeline);
        assert!(s.is_actor_selected("kim"));
        assert_eq!(config.view(&s).panel, Some(Panel::Timeline));
        assert!(!config.owns_the_page());
    }
}
