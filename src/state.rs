//! UI state and its one reducer. `UiState::apply` is a pure function of state and action:
//! effects (URL hash, storage, scrolling, focus, clipboard) live in components'
//! `use_effect_with` and callbacks, which dispatch actions here.

use crate::feedback::{Feedback, FeedbackAction};
use crate::model::Article;
use crate::route::{PageOptions, Panel, View};
use std::rc::Rc;
use yew::Reducible;

pub use crate::model::Selection;

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

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(word: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == word)
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Follow system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// The small card about an actor, shown by a mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub actor: String,
    /// The id of the mention element it belongs to.
    pub anchor: String,
    /// Pinned by click, tap or Enter; an unpinned card follows hover and focus.
    pub pinned: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiState {
    pub selection: Option<Selection>,
    /// The panel shown (beside the text when wide, as a sheet when narrow).
    pub panel: Panel,
    /// Whether the panel is open on medium and phone layouts.
    pub sheet_open: bool,
    pub card: Option<Card>,
    pub cards_enabled: bool,
    pub theme: Theme,
    pub query: String,
    /// The current match of the search, 0-based; `match_count` is reported by the search effect.
    pub match_index: usize,
    pub match_count: usize,
    /// Quotes panel: show only this speaker's quotes.
    pub speaker_filter: Option<String>,
    /// Which mention of the selected actor is current (previous/next).
    pub mention_index: u32,
    /// A polite message, e.g. about a link naming an unknown id.
    pub notice: Option<String>,
    pub help_open: bool,
    /// The text of the live region, read out by screen readers, unless `announce_selection`.
    pub announcement: String,
    /// The live region describes the selection (set when the selection or the current mention
    /// changes, so the description needs no second render).
    pub announce_selection: bool,
    /// False when settings cannot be stored (storage disabled or full).
    pub storage_ok: bool,
    /// Shown inside another site's iframe (`?embed`).
    pub embed: bool,
    /// Only this panel is shown, without a tab list (`?panel=timeline`).
    pub only_panel: Option<Panel>,
    /// The wasm is running (false in the prerendered page, and with JavaScript off).
    pub ready: bool,
    /// The reader's feedback form.
    pub feedback: Feedback,
    /// What the feedback form last said (saved, refused file, storage full…).
    pub feedback_message: Option<String>,
}

impl Default for UiState {
    fn default() -> Self {
        UiState {
            selection: None,
            panel: Panel::default(),
            sheet_open: false,
            card: None,
            cards_enabled: true,
            theme: Theme::System,
            query: String::new(),
            match_index: 0,
            match_count: 0,
            speaker_filter: None,
            mention_index: 0,
            notice: None,
            help_open: false,
            announcement: String::new(),
            announce_selection: false,
            storage_ok: true,
            embed: false,
            only_panel: None,
            ready: false,
            feedback: Feedback::default(),
            feedback_message: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Select from a panel: the thing becomes the selection, its panel is shown.
    Select(Selection),
    /// Select from the text: selecting the selected thing again clears it.
    Toggle(Selection),
    /// A mention in the text was clicked, tapped or Entered: toggles its actor, that mention
    /// becomes the current one (so nothing scrolls away from where the reader is), and its
    /// card is pinned (or closed, when this cleared the selection).
    ActivateMention {
        actor: String,
        index: u32,
        anchor: String,
    },
    Clear,
    /// Show a panel (a tab was chosen); opens the sheet on narrow layouts.
    ShowPanel(Panel),
    CloseSheet,
    /// The URL hash changed (deep link, back, forward).
    ApplyView(View),
    HoverCard {
        actor: String,
        anchor: String,
    },
    PinCard {
        actor: String,
        anchor: String,
    },
    /// Pointer or focus left the mention: an unpinned card closes.
    Unhover,
    CloseCard,
    SetCardsEnabled(bool),
    SetTheme(Theme),
    SetQuery(String),
    SearchResults(usize),
    /// Next (+1) or previous (-1) search match, wrapping.
    StepMatch(i32),
    SetSpeakerFilter(Option<String>),
    /// Next or previous mention of the selected actor, wrapping over `total` mentions.
    StepMention {
        delta: i32,
        total: u32,
    },
    Notice(Option<String>),
    ToggleHelp,
    /// Esc: closes the help, else the card, else clears the selection, else closes the sheet.
    Escape,
    Announce(String),
    StorageUnavailable,
    /// The page's options (query string of an embed, or a host's mount options).
    ApplyOptions(PageOptions),
    /// The viewer is running in the browser.
    Ready,
    Feedback(FeedbackAction),
    FeedbackMessage(Option<String>),
}

fn step(index: usize, delta: i32, total: usize) -> usize {
    if total == 0 {
        return 0;
    }
    (index as i64 + i64::from(delta)).rem_euclid(total as i64) as usize
}

impl UiState {
    /// The starting state for an article: its feedback criteria on a blank form.
    pub fn for_article(article: &Article) -> UiState {
        UiState {
            feedback: Feedback::new(&article.meta.feedback_criteria),
            ..UiState::default()
        }
    }

    pub fn apply(&self, action: Action) -> UiState {
        let mut s = self.clone();
        match action {
            Action::Select(sel) => {
                s.panel = Panel::for_selection(&sel);
                s.set_selection(Some(sel));
            }
            Action::Toggle(sel) => {
                if s.selection.as_ref() == Some(&sel) {
                    s.set_selection(None);
                } else {
                    s.panel = Panel::for_selection(&sel);
                    s.set_selection(Some(sel));
                }
            }
            Action::ActivateMention {
                actor,
                index,
                anchor,
            } => {
                let sel = Selection::Actor(actor.clone());
                if s.selection.as_ref() == Some(&sel) {
                    s.set_selection(None);
                    s.card = None;
                } else {
                    s.panel = Panel::for_selection(&sel);
                    s.set_selection(Some(sel));
                    s.mention_index = index;
                    if s.cards_enabled {
                        s.card = Some(Card {
                            actor,
                            anchor,
                            pinned: true,
                        });
                    }
                }
            }
            Action::Clear => s.set_selection(None),
            Action::ShowPanel(panel) => {
                s.panel = panel;
                s.sheet_open = true;
            }
            Action::CloseSheet => s.sheet_open = false,
            Action::ApplyView(view) => {
                if let Some(panel) = view
                    .panel
                    .or_else(|| view.selection.as_ref().map(Panel::for_selection))
                {
                    s.panel = panel;
                }
                s.set_selection(view.selection);
            }
            Action::HoverCard { actor, anchor } => {
                let pinned = s.card.as_ref().is_some_and(|c| c.pinned);
                if s.cards_enabled && !pinned {
                    s.card = Some(Card {
                        actor,
                        anchor,
                        pinned: false,
                    });
                }
            }
            Action::PinCard { actor, anchor } => {
                if s.cards_enabled {
                    s.card = Some(Card {
                        actor,
                        anchor,
                        pinned: true,
                    });
                }
            }
            Action::Unhover => {
                if s.card.as_ref().is_some_and(|c| !c.pinned) {
                    s.card = None;
                }
            }
            Action::CloseCard => s.card = None,
            Action::SetCardsEnabled(on) => {
                s.cards_enabled = on;
                if !on {
                    s.card = None;
                }
            }
            Action::SetTheme(theme) => s.theme = theme,
            Action::SetQuery(query) => {
                s.query = query;
                s.match_index = 0;
            }
            Action::SearchResults(count) => {
                s.match_count = count;
                s.match_index = s.match_index.min(count.saturating_sub(1));
            }
            Action::StepMatch(delta) => s.match_index = step(s.match_index, delta, s.match_count),
            Action::SetSpeakerFilter(speaker) => s.speaker_filter = speaker,
            Action::StepMention { delta, total } => {
                s.mention_index = step(s.mention_index as usize, delta, total as usize) as u32;
                s.announce_selection = true;
            }
            Action::Notice(notice) => s.notice = notice,
            Action::ToggleHelp => s.help_open = !s.help_open,
            Action::Escape => {
                if s.help_open {
                    s.help_open = false;
                } else if s.card.is_some() {
                    s.card = None;
                } else if s.selection.is_some() {
                    s.set_selection(None);
                } else {
                    s.sheet_open = false;
                }
            }
            Action::Announce(text) => {
                s.announcement = text;
                s.announce_selection = false;
            }
            Action::StorageUnavailable => s.storage_ok = false,
            Action::Ready => s.ready = true,
            Action::Feedback(action) => s.feedback = s.feedback.apply(action),
            Action::FeedbackMessage(message) => s.feedback_message = message,
            Action::ApplyOptions(options) => {
                s.embed = options.embed;
                s.only_panel = options.only_panel;
                if let Some(theme) = options.theme.as_deref().and_then(Theme::parse) {
                    s.theme = theme;
                }
                if let Some(cards) = options.cards {
                    s.cards_enabled = cards;
                    s.card = s.card.filter(|_| cards);
                }
            }
        }
        // A viewer limited to one panel shows that panel whatever is selected.
        if let Some(panel) = s.only_panel {
            s.panel = panel;
        }
        s
    }

    fn set_selection(&mut self, selection: Option<Selection>) {
        if self.selection != selection {
            self.mention_index = 0;
            self.announce_selection = selection.is_some();
        }
        self.selection = selection;
    }

    pub fn is_selected(&self, selection: &Selection) -> bool {
        self.selection.as_ref() == Some(selection)
    }

    pub fn is_actor_selected(&self, id: &str) -> bool {
        matches!(&self.selection, Some(Selection::Actor(a)) if a == id)
    }

    /// The view the URL hash shows for this state. The panel is left out when it is the one
    /// the selection implies (or the default), so that `#actor=putin` stays that short.
    pub fn view(&self) -> View {
        let implied = self
            .selection
            .as_ref()
            .map_or(Panel::default(), Panel::for_selection);
        View {
            panel: (self.panel != implied).then_some(self.panel),
            selection: self.selection.clone(),
        }
    }
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str) -> Selection {
        Selection::Actor(id.into())
    }

    #[test]
    fn toggling_selects_then_clears() {
        let s = UiState::default().apply(Action::Toggle(actor("putin")));
        assert!(s.is_actor_selected("putin"));
        assert_eq!(s.panel, Panel::Actors);
        let s = s.apply(Action::Toggle(actor("kim")));
        assert!(s.is_actor_selected("kim") && !s.is_actor_selected("putin"));
        let s = s.apply(Action::Toggle(actor("kim")));
        assert_eq!(s.selection, None);
    }

    #[test]
    fn a_mention_from_the_text_becomes_the_current_one() {
        let activate = |index: u32| Action::ActivateMention {
            actor: "kim".into(),
            index,
            anchor: format!("mention-kim-{index}"),
        };
        let s = UiState::default().apply(activate(3));
        assert!(s.is_actor_selected("kim"));
        assert_eq!(s.mention_index, 3);
        let card = s.card.as_ref().map(|c| (c.anchor.as_str(), c.pinned));
        assert_eq!(card, Some(("mention-kim-3", true)));
        let s = s.apply(activate(1));
        assert_eq!((s.selection.clone(), s.card.clone()), (None, None));
        // With cards off, only the selection changes.
        let s = UiState::default()
            .apply(Action::SetCardsEnabled(false))
            .apply(activate(0));
        assert!(s.is_actor_selected("kim") && s.card.is_none());
    }

    #[test]
    fn selecting_shows_the_matching_panel() {
        let s = UiState::default().apply(Action::Select(Selection::Event("signing-2024".into())));
        assert_eq!(s.panel, Panel::Timeline);
        let s = s.apply(Action::Select(Selection::Quote("q".into())));
        assert_eq!(s.panel, Panel::Quotes);
        // Selecting the selected thing from a panel keeps it selected.
        let again = s.apply(Action::Select(Selection::Quote("q".into())));
        assert_eq!(again.selection, s.selection);
    }

    #[test]
    fn views_from_the_hash_restore_panel_and_selection() {
        let view = View {
            panel: None,
            selection: Some(Selection::Event("treaty-1961".into())),
        };
        let s = UiState::default().apply(Action::ApplyView(view));
        assert_eq!(s.panel, Panel::Timeline);
        let s = s.apply(Action::ApplyView(View {
            panel: Some(Panel::Quotes),
            selection: None,
        }));
        assert_eq!((s.panel, s.selection.clone()), (Panel::Quotes, None));
        assert_eq!(s.view().panel, Some(Panel::Quotes));
        // The implied panel is left out of the view.
        let s = s.apply(Action::Select(actor("kim")));
        assert_eq!(
            s.view(),
            View {
                panel: None,
                selection: Some(actor("kim"))
            }
        );
        assert_eq!(UiState::default().view(), View::default());
    }

    #[test]
    fn cards_follow_hover_unless_pinned_or_disabled() {
        let hover = |a: &str| Action::HoverCard {
            actor: a.into(),
            anchor: format!("mention-{a}-0"),
        };
        let s = UiState::default().apply(hover("kim"));
        assert_eq!(s.card.as_ref().map(|c| c.pinned), Some(false));
        assert_eq!(s.apply(Action::Unhover).card, None);
        let pinned = s.apply(Action::PinCard {
            actor: "putin".into(),
            anchor: "mention-putin-0".into(),
        });
        let after = pinned.apply(hover("kim")).apply(Action::Unhover);
        assert_eq!(after.card.as_ref().map(|c| c.actor.as_str()), Some("putin"));
        let off = after.apply(Action::SetCardsEnabled(false));
        assert_eq!(off.card, None);
        assert_eq!(off.apply(hover("kim")).card, None);
    }

    #[test]
    fn escape_closes_the_top_most_thing_first() {
        let s = UiState::default()
            .apply(Action::ShowPanel(Panel::Quotes))
            .apply(Action::Toggle(actor("kim")))
            .apply(Action::PinCard {
                actor: "kim".into(),
                anchor: "m".into(),
            })
            .apply(Action::ToggleHelp);
        let s = s.apply(Action::Escape);
        assert!(!s.help_open && s.card.is_some());
        let s = s.apply(Action::Escape);
        assert!(s.card.is_none() && s.selection.is_some());
        let s = s.apply(Action::Escape);
        assert!(s.selection.is_none() && s.sheet_open);
        let s = s.apply(Action::Escape);
        assert!(!s.sheet_open);
    }

    #[test]
    fn search_and_mention_steps_wrap() {
        let s = UiState::default()
            .apply(Action::SetQuery("kim".into()))
            .apply(Action::SearchResults(3));
        assert_eq!(s.apply(Action::StepMatch(-1)).match_index, 2);
        assert_eq!(
            s.apply(Action::StepMatch(1))
                .apply(Action::StepMatch(1))
                .apply(Action::StepMatch(1))
                .match_index,
            0
        );
        let none = s.apply(Action::SearchResults(0));
        assert_eq!(none.apply(Action::StepMatch(1)).match_index, 0);
        let m = UiState::default()
            .apply(Action::Toggle(actor("kim")))
            .apply(Action::StepMention {
                delta: -1,
                total: 7,
            });
        assert_eq!(m.mention_index, 6);
        // A new selection starts from its first mention.
        assert_eq!(m.apply(Action::Toggle(actor("putin"))).mention_index, 0);
    }

    #[test]
    fn page_options_fix_the_panel_theme_and_cards() {
        let s = UiState::default().apply(Action::ApplyOptions(PageOptions {
            embed: true,
            theme: Some("dark".into()),
            only_panel: Some(Panel::Timeline),
            cards: Some(false),
        }));
        assert!(s.embed && !s.cards_enabled);
        assert_eq!((s.theme, s.panel), (Theme::Dark, Panel::Timeline));
        // Selecting an actor keeps the only panel.
        let s = s.apply(Action::Select(actor("kim")));
        assert_eq!(s.panel, Panel::Timeline);
        assert!(s.is_actor_selected("kim"));
    }
}
