//! How a viewer was started, fixed for its life: [`Start`] (a page's prerendered viewer coming
//! to life in place, a host's mount, or a viewer that renders itself whole), and what follows
//! from it: a page of its own or mounted into a host's element, embedded in an iframe or not,
//! showing every panel or one.
//!
//! Data flow: the page's start script or a host's mount (`crate::start`, `crate::mount`) makes
//! a [`Start`], which `App` receives as its props; once, when `App` is created,
//! [`Start::resolve`] reads its options (the page's query string, `?embed&panel=timeline`, or
//! the host's mount options: [`PageOptions`]) and splits them into this [`Config`] (shared
//! through the viewer's context, which never changes, so nothing re-renders for it) and the
//! first [`UiState`] (the theme and cards options, which the reader may change later).

use crate::i18n::Lang;
use crate::islands::Islands;
use crate::route::{parse_options, PageOptions};
use crate::state::UiState;
use crate::view::{Panel, View};
use yew::AttrValue;

/// How a viewer starts. Each way has what it needs and nothing else: a page's islands never
/// come with a mount's options, and a mount never works in a page's own elements.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// The viewer's own page (`crate::start::start_page`): its prerendered viewer comes to life
    /// where it is, island by island (see `crate::islands`); nothing of the article is rendered
    /// or moved. Its options are the page's query string.
    PageInPlace {
        islands: Islands,
        /// The page's article body, whose mentions the viewer listens to.
        body: Option<web_sys::Element>,
        /// Where this article's reader data (feedback) is kept: one key per article and site.
        storage_key: AttrValue,
        /// The page's language (`<html lang>`, which the build wrote), unless `?lang=` says
        /// another.
        lang: Lang,
    },
    /// Mounted into an element of a host's page (`crate::mount`): renders itself there,
    /// adopting the article page's body and dossier (rebuilt from an allow-list), with the
    /// host's options.
    Mounted {
        prerendered: Prerendered,
        options: PageOptions,
        storage_key: AttrValue,
        /// The language unless the host's options say one: the host page's `<html lang>` when
        /// it is one of ours, else the article page's.
        lang: Lang,
    },
    /// Renders itself whole, as a page of its own, from this state and in this language: the
    /// server's prerender (the `build` command) and the tests. Its options are the page's
    /// query string, if any.
    Rendered { state: UiState, lang: Lang },
}

impl Default for Start {
    fn default() -> Start {
        Start::Rendered {
            state: UiState::default(),
            lang: Lang::default(),
        }
    }
}

impl From<UiState> for Start {
    fn from(state: UiState) -> Start {
        Start::Rendered {
            state,
            lang: Lang::default(),
        }
    }
}

/// The parts of an article's prerendered page that a mounted viewer adopts as they are (taken
/// from the article's page and rebuilt: see `crate::start::load_for_mount`), never rendering
/// them again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prerendered {
    /// The article's body. Without it the body is rendered from `article.blocks`.
    pub body: Option<web_sys::Element>,
    /// The print dossier. Without it the server renderer renders `PrintDossier` (a viewer in
    /// the browser never does: it has no dossier to print then).
    pub dossier: Option<web_sys::Element>,
}

impl Start {
    /// A page of its own, or mounted into a host's element.
    pub fn mode(&self) -> Mode {
        match self {
            Start::PageInPlace { .. } | Start::Rendered { .. } => Mode::Page,
            Start::Mounted { .. } => Mode::Mounted,
        }
    }

    /// The page's islands, when it comes to life in place.
    pub fn islands(&self) -> Option<&Islands> {
        match self {
            Start::PageInPlace { islands, .. } => Some(islands),
            Start::Mounted { .. } | Start::Rendered { .. } => None,
        }
    }

    /// The language a page's prerendered viewer was built in (`<html lang>`), when it comes to
    /// life in place.
    pub fn page_lang(&self) -> Option<Lang> {
        match self {
            Start::PageInPlace { lang, .. } => Some(*lang),
            Start::Mounted { .. } | Start::Rendered { .. } => None,
        }
    }

    /// The prerendered article body the viewer adopts, if any.
    pub fn body(&self) -> Option<&web_sys::Element> {
        match self {
            Start::PageInPlace { body, .. } => body.as_ref(),
            Start::Mounted { prerendered, .. } => prerendered.body.as_ref(),
            Start::Rendered { .. } => None,
        }
    }

    /// The prerendered print dossier the viewer adopts, if any.
    pub fn dossier(&self) -> Option<&web_sys::Element> {
        match self {
            Start::Mounted { prerendered, .. } => prerendered.dossier.as_ref(),
            Start::PageInPlace { .. } | Start::Rendered { .. } => None,
        }
    }

    /// Where the article's reader data is kept (none when rendered whole).
    pub fn storage_key(&self) -> AttrValue {
        match self {
            Start::PageInPlace { storage_key, .. } | Start::Mounted { storage_key, .. } => {
                storage_key.clone()
            }
            Start::Rendered { .. } => AttrValue::default(),
        }
    }

    /// The viewer's fixed configuration and its first state. `query` is the page's query
    /// string, which a viewer on a page of its own reads (a mounted one has its host's
    /// options).
    pub fn resolve(&self, query: &str) -> (Config, UiState) {
        let (options, state, lang) = match self {
            Start::PageInPlace { lang, .. } => (parse_options(query), UiState::default(), *lang),
            Start::Mounted { options, lang, .. } => (options.clone(), UiState::default(), *lang),
            Start::Rendered { state, lang } => (parse_options(query), state.clone(), *lang),
        };
        let config = Config::new(self.mode(), &options, lang);
        (config, state.with_options(&options))
    }
}

/// An actor's page in the article's site, as the page's site navigation names it
/// (`a[data-site-actor]`, written by the build): where it is and how many of the site's
/// articles name the actor. The card and the actor's entry link to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteActor {
    pub id: String,
    pub href: String,
    pub articles: u32,
}

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
    /// The language of every word the viewer says (the article keeps its own).
    pub lang: Lang,
}

impl Config {
    /// The configuration of a viewer started in `mode` with `options`, in `lang` unless the
    /// options ask for another of ours.
    pub fn new(mode: Mode, options: &PageOptions, lang: Lang) -> Config {
        Config {
            mode,
            embed: options.embed,
            only_panel: options.only_panel,
            // Only a language the viewer has the words of (English, or one loaded).
            lang: options
                .lang
                .filter(|l| crate::i18n::runtime::is_available(*l))
                .unwrap_or(lang),
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

/// True when rendering the prerendered page on the server (the `build` command), where there is
/// no browser: what shows with JavaScript off and before the viewer starts, where every panel's
/// content is in the page and the tabs are links to the panels (CSS `:target` shows the one
/// named), so nothing on screen is dead. The viewer, once it runs, renders the live panels in
/// its place. The one place the components learn which side they render on.
pub fn prerendering() -> bool {
    !cfg!(target_arch = "wasm32")
}

/// True when the server sends parts of the page inert, each as HTML inside a
/// `<noscript data-section>` (`web::sections`): for a long article (one it cuts into sections,
/// `model::text::sections`), its text after the first section, its hidden panels and its print
/// dossier, which would otherwise be parsed and laid out before the viewer can start (most of
/// the 100× article's 8.8 MB). Without JavaScript they show as they are; with it the viewer
/// puts the text in the page once it has started, a tab its panel before then
/// (`assets/init.js`), printing the dossier (`assets/trap.js`).
pub fn sends_inert_parts(article: &crate::model::Article) -> bool {
    prerendering() && crate::model::text::is_cut_into_sections(&article.blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Selection, SelectionAction};
    use crate::view::Theme;

    #[test]
    fn page_options_fix_the_panel_theme_and_cards() {
        let (config, s) = Start::default().resolve("?embed&panel=timeline&theme=dark&cards=off");
        assert_eq!(config.mode, Mode::Page);
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

    #[test]
    fn a_mount_has_its_hosts_options_and_never_the_pages() {
        let start = Start::Mounted {
            prerendered: Prerendered::default(),
            options: PageOptions {
                theme: Some(Theme::Light),
                only_panel: Some(Panel::Quotes),
                ..PageOptions::default()
            },
            storage_key: "/site/putin-kim-pact/".into(),
            lang: Lang::Ko,
        };
        let (config, s) = start.resolve("?embed&panel=timeline&theme=dark");
        assert_eq!(
            (config.mode, config.embed, config.only_panel),
            (Mode::Mounted, false, Some(Panel::Quotes))
        );
        assert_eq!(s.settings.theme, Theme::Light);
        assert!(!config.owns_the_page());
        assert_eq!(start.storage_key(), "/site/putin-kim-pact/");
        assert_eq!(config.lang, Lang::Ko, "the host's page's language");
        assert!(start.islands().is_none() && start.body().is_none() && start.dossier().is_none());
    }

    #[test]
    fn the_language_is_the_options_else_the_pages() {
        let start = Start::Rendered {
            state: UiState::default(),
            lang: Lang::Ja,
        };
        assert_eq!(start.resolve("").0.lang, Lang::Ja);
        assert_eq!(start.resolve("?lang=ko").0.lang, Lang::Ko);
        assert_eq!(start.resolve("?lang=KO-kr").0.lang, Lang::Ko);
        // Not one of ours: the page's own.
        assert_eq!(start.resolve("?lang=fr").0.lang, Lang::Ja);
        assert_eq!(start.resolve("?lang=").0.lang, Lang::Ja);
        assert_eq!(Start::default().resolve("").0.lang, Lang::En);
    }

    #[test]
    fn a_viewer_rendered_whole_starts_from_its_state() {
        let state = UiState::default().apply(SelectionAction::Select(Selection::Event("e".into())));
        let start = Start::from(state.clone());
        let (config, s) = start.resolve("");
        assert_eq!((config, s), (Config::default(), state));
        assert!(config.owns_the_page());
        assert_eq!(start.storage_key(), "");
        assert!(start.islands().is_none() && start.body().is_none());
    }
}
