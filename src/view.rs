//! The vocabulary of what the reader sees: the [`Panel`]s beside the article, the colour
//! [`Theme`] and the [`View`] a link shows (a panel and a selection).
//!
//! Data flow: the codecs (`crate::route`) read these from the URL hash and the query string and
//! write them back; the view reducer (`crate::state`) holds them; the components name and label
//! them (tabs, the theme menu) and `crate::dom` makes their ids. Pure data: no yew, no web-sys.

use crate::i18n::viewer::Msg;
use crate::model::Selection;

/// The panels beside the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Panel {
    #[default]
    Actors,
    Timeline,
    Quotes,
    Relations,
}

impl Panel {
    pub const ALL: [Panel; 4] = [
        Panel::Actors,
        Panel::Timeline,
        Panel::Quotes,
        Panel::Relations,
    ];

    /// The word in the hash and the query string: `actors`, `timeline`, `quotes` or
    /// `relations`.
    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Actors => "actors",
            Panel::Timeline => "timeline",
            Panel::Quotes => "quotes",
            Panel::Relations => "relations",
        }
    }

    /// The panel for its word (exactly as [`Panel::as_str`] writes it).
    pub fn parse(s: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The name readers see on the tab.
    pub fn label(self) -> Msg {
        match self {
            Panel::Actors => Msg::TabActors,
            Panel::Timeline => Msg::TabTimeline,
            Panel::Quotes => Msg::TabQuotes,
            Panel::Relations => Msg::TabRelations,
        }
    }

    /// The panel that lists the selected thing.
    pub fn for_selection(sel: &Selection) -> Panel {
        match sel {
            Selection::Actor(_) => Panel::Actors,
            Selection::Event(_) => Panel::Timeline,
            Selection::Quote(_) => Panel::Quotes,
            Selection::Relation(_) => Panel::Relations,
        }
    }
}

/// The colour theme the reader chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system's light or dark preference.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The word in storage, the query string and `data-theme`: `system`, `light` or `dark`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme for its word (exactly as [`Theme::as_str`] writes it).
    pub fn parse(word: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == word)
    }

    /// The name readers see in the theme menu.
    pub fn label(self) -> Msg {
        match self {
            Theme::System => Msg::ThemeSystem,
            Theme::Light => Msg::ThemeLight,
            Theme::Dark => Msg::ThemeDark,
        }
    }
}

/// What a link says to show. `panel: None` means it names none (callers then use
/// [`Panel::for_selection`] or the default panel).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub panel: Option<Panel>,
    pub selection: Option<Selection>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn panels_have_words_labels_and_a_default() {
        assert_eq!(Panel::default(), Panel::Actors);
        for p in Panel::ALL {
            assert_eq!(Panel::parse(p.as_str()), Some(p));
        }
        let words: Vec<&str> = Panel::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(words, ["actors", "timeline", "quotes", "relations"]);
        let labels: Vec<&str> = Panel::ALL.iter().map(|p| Lang::En.t(p.label())).collect();
        assert_eq!(labels, ["Actors", "Timeline", "Quotes", "Relations"]);
        assert_eq!(Panel::parse("Timeline"), None);
        assert_eq!(Panel::parse(""), None);
    }

    #[test]
    fn each_selection_has_its_panel() {
        assert_eq!(
            Panel::for_selection(&Selection::Actor("x".into())),
            Panel::Actors
        );
        assert_eq!(
            Panel::for_selection(&Selection::Event("x".into())),
            Panel::Timeline
        );
        assert_eq!(
            Panel::for_selection(&Selection::Quote("x".into())),
            Panel::Quotes
        );
        assert_eq!(
            Panel::for_selection(&Selection::Relation("x.0".into())),
            Panel::Relations
        );
    }

    #[test]
    fn themes_have_words_labels_and_a_default() {
        assert_eq!(Theme::default(), Theme::System);
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.as_str()), Some(t));
        }
        let words: Vec<&str> = Theme::ALL.iter().map(|t| t.as_str()).collect();
        assert_eq!(words, ["system", "light", "dark"]);
        let labels: Vec<&str> = Theme::ALL.iter().map(|t| Lang::En.t(t.label())).collect();
        assert_eq!(labels, ["Follow system", "Light", "Dark"]);
        assert_eq!(Theme::parse("Dark"), None);
    }
}
