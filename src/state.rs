//! The view's state and its one reducer: what is selected, which panel and card are shown,
//! the search, the reader's settings and what the live region says.
//!
//! Data flow: a component or an effect turns one reader's intent into one [`Action`] of one
//! group (`Action::Card(CardAction::Pin { … })`, `Action::Search(…)`…);
//! [`UiState::apply`] is a pure function of state and action (no storage, no DOM, no clock),
//! which hands each group to its own step, matched without a wildcard: an action that is not
//! handled does not compile;
//! `App` hands the parts of the new state to the components that show them, and the effects
//! (`crate::effects`) carry the changes out to the URL, storage and the text's highlights.
//!
//! What is not here: the feedback form, a module of its own with its own state
//! (`assets/feedback.js`), and how the viewer was started (embedded, one panel only)
//! is fixed configuration (`crate::config::Config`), never state.

use crate::route::PageOptions;
use crate::view::{Panel, Theme, View};
use std::rc::Rc;
use yew::Reducible;

pub use crate::model::Selection;

/// The small card about an actor, shown by one of its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub actor: String,
    /// Which of the actor's mentions it belongs to (`dom::mention_id(actor, mention)`).
    pub mention: u32,
    /// Pinned by click, tap or Enter; an unpinned card follows hover and focus.
    pub pinned: bool,
}

/// Find in the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// The current match, 0-based.
    pub match_index: usize,
    /// How many matches the text has for the query (counted where it was typed).
    pub match_count: usize,
}

/// The reader's settings, kept in storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub theme: Theme,
    pub cards_enabled: bool,
    /// False when settings cannot be stored (storage disabled or full).
    pub storage_ok: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            cards_enabled: true,
            storage_ok: true,
        }
    }
}

/// What the live region (read out by screen readers) says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Announcement {
    /// The last message, shown unless `describes_selection`.
    pub text: String,
    /// The region describes the selection (set when the selection or the current mention
    /// changes, so the description needs no second render).
    pub describes_selection: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UiState {
    pub selection: Option<Selection>,
    /// Which mention of the selected actor is current (previous/next).
    pub mention_index: u32,
    /// The panel chosen (beside the text when wide, as a sheet when narrow).
    pub panel: Panel,
    /// Whether the panel is open on medium and phone layouts.
    pub sheet_open: bool,
    pub card: Option<Card>,
    /// Quotes panel: show only this speaker's quotes.
    pub speaker_filter: Option<String>,
    pub help_open: bool,
    /// A polite message, e.g. about a link naming an unknown id.
    pub notice: Option<String>,
    pub search: Search,
    pub settings: Settings,
    pub announcement: Announcement,
}

/// One reader's intent (or one thing an effect learnt), one action: a group, then what in
/// it. Each group has its own reducer step (`UiState::apply_*`), which matches every action of
/// its group by name, so a new action does not compile until it is handled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Selection(SelectionAction),
    Panel(PanelAction),
    Card(CardAction),
    Search(SearchAction),
    Settings(SettingsAction),
    Notice(NoticeAction),
    /// Esc: closes the help, else the card, else clears the selection, else closes the sheet.
    Escape,
}

/// What is selected, and what a link shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectionAction {
    /// Select from a panel: the thing becomes the selection, its panel is shown.
    Select(Selection),
    /// Select from the text or an entry that toggles: selecting the selected thing clears it.
    Toggle(Selection),
    /// Select from the relations picture: toggles like [`SelectionAction::Toggle`], and the
    /// panel stays as it is (the reader goes on looking at the picture).
    ToggleInPlace(Selection),
    Clear,
    /// Next or previous mention of the selected actor, wrapping over `total` mentions.
    StepMention {
        delta: i32,
        total: u32,
    },
    /// A link was followed (deep link, back, forward, a host's message): its view, and what
    /// could not be used of it, if anything (the notice).
    FollowLink {
        view: View,
        notice: Option<String>,
    },
}

/// Which panel is shown and how: the sheet, the quotes' speaker filter, the help dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelAction {
    /// Show a panel (a tab was chosen); opens the sheet on narrow layouts.
    Show(Panel),
    CloseSheet,
    /// Quotes panel: show only this speaker's quotes (`None`: everyone's).
    FilterSpeaker(Option<String>),
    ToggleHelp,
}

/// The card on a mention, and what mentions select.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardAction {
    /// A mention in the text was clicked, tapped or Entered: toggles its actor, that mention
    /// becomes the current one (so nothing scrolls away from where the reader is), and its
    /// card is pinned (or closed, when this cleared the selection).
    Activate {
        actor: String,
        index: u32,
    },
    /// Pointer or focus on a mention: its card shows, unless another one is pinned.
    Hover {
        actor: String,
        index: u32,
    },
    Pin {
        actor: String,
        index: u32,
    },
    /// Pointer or focus left the mention: an unpinned card closes.
    Unhover,
    Close,
    /// The card's "Open in panel": its actor is selected and shown in the actors panel.
    OpenInPanel(String),
}

/// Find in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchAction {
    /// The reader typed a query; `matches` is how many the text has.
    SetQuery { query: String, matches: usize },
    /// Next (+1) or previous (-1) match, wrapping.
    StepMatch(i32),
}

/// The reader's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsAction {
    SetCardsEnabled(bool),
    SetTheme(Theme),
    /// The settings found in storage at start (`None`: nothing stored), or that storage
    /// cannot be used.
    Restore {
        theme: Option<Theme>,
        cards: Option<bool>,
        storage_ok: bool,
    },
    StorageUnavailable,
}

/// What the viewer says: the notice bar and the live region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    Dismiss,
    /// Say this in the live region.
    Announce(String),
}

macro_rules! into_action {
    ($($group:ident => $variant:ident),* $(,)?) => {
        $(impl From<$group> for Action {
            fn from(action: $group) -> Action {
                Action::$variant(action)
            }
        })*
    };
}

into_action! {
    SelectionAction => Selection,
    PanelAction => Panel,
    CardAction => Card,
    SearchAction => Search,
    SettingsAction => Settings,
    NoticeAction => Notice,
}

fn step(index: usize, delta: i32, total: usize) -> usize {
    if total == 0 {
        return 0;
    }
    (index as i64 + i64::from(delta)).rem_euclid(total as i64) as usize
}

impl UiState {
    /// The state a viewer starts in, given its page options (theme and cards; the rest of the
    /// options are configuration, see `crate::config::Config`).
    pub fn with_options(mut self, options: &PageOptions) -> UiState {
        if let Some(theme) = options.theme {
            self.settings.theme = theme;
        }
        if let Some(cards) = options.cards {
            self.set_cards_enabled(cards);
        }
        self
    }

    /// The state after `action` (an [`Action`] or any of its groups).
    pub fn apply(&self, action: impl Into<Action>) -> UiState {
        let mut s = self.clone();
        match action.into() {
            Action::Selection(action) => s.apply_selection(action),
            Action::Panel(action) => s.apply_panel(action),
            Action::Card(action) => s.apply_card(action),
            Action::Search(action) => s.apply_search(action),
            Action::Settings(action) => s.apply_settings(action),
            Action::Notice(action) => s.apply_notice(action),
            Action::Escape => s.escape(),
        }
        s
    }

    fn apply_selection(&mut self, action: SelectionAction) {
        match action {
            SelectionAction::Select(sel) => self.select(sel),
            SelectionAction::Toggle(sel) => {
                if self.selection.as_ref() == Some(&sel) {
                    self.set_selection(None);
                } else {
                    self.select(sel);
                }
            }
            SelectionAction::ToggleInPlace(sel) => {
                let again = self.selection.as_ref() == Some(&sel);
                self.set_selection((!again).then_some(sel));
            }
            SelectionAction::Clear => self.set_selection(None),
            SelectionAction::StepMention { delta, total } => {
                self.mention_index =
                    step(self.mention_index as usize, delta, total as usize) as u32;
                self.announcement.describes_selection = true;
            }
            SelectionAction::FollowLink { view, notice } => {
                if let Some(panel) = view
                    .panel
                    .or_else(|| view.selection.as_ref().map(Panel::for_selection))
                {
                    self.panel = panel;
                }
                self.set_selection(view.selection);
                self.notice = notice;
            }
        }
    }

    fn apply_panel(&mut self, action: PanelAction) {
        match action {
            PanelAction::Show(panel) => {
                self.panel = panel;
                self.sheet_open = true;
            }
            PanelAction::CloseSheet => self.sheet_open = false,
            PanelAction::FilterSpeaker(speaker) => self.speaker_filter = speaker,
            PanelAction::ToggleHelp => self.help_open = !self.help_open,
        }
    }

    fn apply_notice(&mut self, action: NoticeAction) {
        match action {
            NoticeAction::Dismiss => self.notice = None,
            NoticeAction::Announce(text) => {
                self.announcement = Announcement {
                    text,
                    describes_selection: false,
                }
            }
        }
    }

    fn escape(&mut self) {
        if self.help_open {
            self.help_open = false;
        } else if self.card.is_some() {
            self.card = None;
        } else if self.selection.is_some() {
            self.set_selection(None);
        } else {
            self.sheet_open = false;
        }
    }

    fn apply_card(&mut self, action: CardAction) {
        let pinned = self.card.as_ref().map(|c| c.pinned);
        match action {
            CardAction::Activate { actor, index } => {
                let sel = Selection::Actor(actor.clone());
                if self.selection.as_ref() == Some(&sel) {
                    self.set_selection(None);
                    self.card = None;
                } else {
                    self.select(sel);
                    self.mention_index = index;
                    self.show_card(actor, index, true);
                }
            }
            CardAction::Hover { actor, index } => {
                if pinned != Some(true) {
                    self.show_card(actor, index, false)
                }
            }
            CardAction::Pin { actor, index } => self.show_card(actor, index, true),
            CardAction::Unhover => {
                if pinned == Some(false) {
                    self.card = None
                }
            }
            CardAction::Close => self.card = None,
            CardAction::OpenInPanel(actor) => {
                self.select(Selection::Actor(actor));
                self.panel = Panel::Actors;
                self.sheet_open = true;
                self.card = None;
            }
        }
    }

    fn show_card(&mut self, actor: String, mention: u32, pinned: bool) {
        if self.settings.cards_enabled {
            self.card = Some(Card {
                actor,
                mention,
                pinned,
            });
        }
    }

    fn apply_settings(&mut self, action: SettingsAction) {
        match action {
            SettingsAction::SetCardsEnabled(on) => self.set_cards_enabled(on),
            SettingsAction::SetTheme(theme) => self.settings.theme = theme,
            SettingsAction::Restore {
                theme,
                cards,
                storage_ok,
            } => {
                if let Some(theme) = theme {
                    self.settings.theme = theme;
                }
                if let Some(cards) = cards {
                    self.set_cards_enabled(cards);
                }
                self.settings.storage_ok &= storage_ok;
            }
            SettingsAction::StorageUnavailable => self.settings.storage_ok = false,
        }
    }

    fn set_cards_enabled(&mut self, on: bool) {
        self.settings.cards_enabled = on;
        if !on {
            self.card = None;
        }
    }

    fn apply_search(&mut self, action: SearchAction) {
        let search = &mut self.search;
        match action {
            SearchAction::SetQuery { query, matches } => {
                *search = Search {
                    query,
                    match_index: 0,
                    match_count: matches,
                }
            }
            SearchAction::StepMatch(delta) => {
                search.match_index = step(search.match_index, delta, search.match_count)
            }
        }
    }

    fn select(&mut self, sel: Selection) {
        self.panel = Panel::for_selection(&sel);
        self.set_selection(Some(sel));
    }

    fn set_selection(&mut self, selection: Option<Selection>) {
        if self.selection != selection {
            self.mention_index = 0;
            self.announcement.describes_selection = selection.is_some();
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
        self.view_showing(self.panel)
    }

    /// The view, for a viewer that shows `panel` (its only panel, or the one chosen).
    pub fn view_showing(&self, panel: Panel) -> View {
        let implied = self
            .selection
            .as_ref()
            .map_or(Panel::default(), Panel::for_selection);
        View {
            panel: (panel != implied).then_some(panel),
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
        let s = UiState::default().apply(SelectionAction::Toggle(actor("putin")));
        assert!(s.is_actor_selected("putin"));
        assert_eq!(s.panel, Panel::Actors);
        let s = s.apply(SelectionAction::Toggle(actor("kim")));
        assert!(s.is_actor_selected("kim") && !s.is_actor_selected("putin"));
        let s = s.apply(SelectionAction::Toggle(actor("kim")));
        assert_eq!(s.selection, None);
    }

    #[test]
    fn a_mention_from_the_text_becomes_the_current_one() {
        let activate = |index: u32| {
            Action::Card(CardAction::Activate {
                actor: "kim".into(),
                index,
            })
        };
        let s = UiState::default().apply(activate(3));
        assert!(s.is_actor_selected("kim"));
        assert_eq!(s.mention_index, 3);
        let card = s
            .card
            .as_ref()
            .map(|c| (c.actor.as_str(), c.mention, c.pinned));
        assert_eq!(card, Some(("kim", 3, true)));
        let s = s.apply(activate(1));
        assert_eq!((s.selection.clone(), s.card.clone()), (None, None));
        // With cards off, only the selection changes.
        let s = UiState::default()
            .apply(SettingsAction::SetCardsEnabled(false))
            .apply(activate(0));
        assert!(s.is_actor_selected("kim") && s.card.is_none());
    }

    #[test]
    fn selecting_shows_the_matching_panel() {
        let s = UiState::default().apply(SelectionAction::Select(Selection::Event(
            "signing-2024".into(),
        )));
        assert_eq!(s.panel, Panel::Timeline);
        let s = s.apply(SelectionAction::Select(Selection::Quote("q".into())));
        assert_eq!(s.panel, Panel::Quotes);
        // From the relations picture, the panel stays and a second click clears.
        let picture = UiState::default().apply(PanelAction::Show(Panel::Relations));
        let s2 = picture.apply(SelectionAction::ToggleInPlace(actor("putin")));
        assert_eq!(
            (s2.panel, s2.selection.clone()),
            (Panel::Relations, Some(actor("putin")))
        );
        assert_eq!(
            s2.view().panel,
            Some(Panel::Relations),
            "the panel is in the link"
        );
        let s2 = s2.apply(SelectionAction::ToggleInPlace(actor("putin")));
        assert_eq!((s2.panel, s2.selection), (Panel::Relations, None));
        // Selecting the selected thing again from a panel keeps it selected.
        let again = s.apply(SelectionAction::Select(Selection::Quote("q".into())));
        assert_eq!(again.selection, s.selection);
    }

    #[test]
    fn links_restore_panel_and_selection_and_say_what_they_could_not_use() {
        let link = |view: View, notice: Option<&str>| {
            Action::Selection(SelectionAction::FollowLink {
                view,
                notice: notice.map(String::from),
            })
        };
        let view = View {
            panel: None,
            selection: Some(Selection::Event("treaty-1961".into())),
        };
        let s = UiState::default().apply(link(view, Some("unknown")));
        assert_eq!(s.panel, Panel::Timeline);
        assert_eq!(s.notice.as_deref(), Some("unknown"));
        let quotes = View {
            panel: Some(Panel::Quotes),
            selection: None,
        };
        let s = s.apply(link(quotes, None));
        assert_eq!((s.panel, s.selection.clone()), (Panel::Quotes, None));
        assert_eq!(s.notice, None, "a good link clears the last notice");
        assert_eq!(s.view().panel, Some(Panel::Quotes));
        // The implied panel is left out of the view.
        let s = s.apply(SelectionAction::Select(actor("kim")));
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
        let hover = |a: &str| {
            Action::Card(CardAction::Hover {
                actor: a.into(),
                index: 0,
            })
        };
        let s = UiState::default().apply(hover("kim"));
        assert_eq!(s.card.as_ref().map(|c| c.pinned), Some(false));
        assert_eq!(s.apply(CardAction::Unhover).card, None);
        let pinned = s.apply(CardAction::Pin {
            actor: "putin".into(),
            index: 0,
        });
        let after = pinned.apply(hover("kim")).apply(CardAction::Unhover);
        assert_eq!(after.card.as_ref().map(|c| c.actor.as_str()), Some("putin"));
        let off = after.apply(SettingsAction::SetCardsEnabled(false));
        assert_eq!(off.card, None);
        assert_eq!(off.apply(hover("kim")).card, None);
    }

    #[test]
    fn a_card_opened_in_the_panel_selects_its_actor_there() {
        let s = UiState::default()
            .apply(SelectionAction::Select(Selection::Event("e".into())))
            .apply(CardAction::Pin {
                actor: "kim".into(),
                index: 2,
            })
            .apply(CardAction::OpenInPanel("kim".into()));
        assert!(s.is_actor_selected("kim"));
        assert_eq!(
            (s.panel, s.sheet_open, s.card.clone()),
            (Panel::Actors, true, None)
        );
    }

    #[test]
    fn escape_closes_the_top_most_thing_first() {
        let s = UiState::default()
            .apply(PanelAction::Show(Panel::Quotes))
            .apply(SelectionAction::Toggle(actor("kim")))
            .apply(CardAction::Pin {
                actor: "kim".into(),
                index: 0,
            })
            .apply(PanelAction::ToggleHelp);
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
        let query = |matches| {
            Action::Search(SearchAction::SetQuery {
                query: "kim".into(),
                matches,
            })
        };
        let s = UiState::default().apply(query(3));
        assert_eq!(s.apply(SearchAction::StepMatch(-1)).search.match_index, 2);
        assert_eq!(
            s.apply(SearchAction::StepMatch(1))
                .apply(SearchAction::StepMatch(1))
                .apply(SearchAction::StepMatch(1))
                .search
                .match_index,
            0
        );
        let none = s.apply(query(0));
        assert_eq!(none.apply(SearchAction::StepMatch(1)).search.match_index, 0);
        let m = UiState::default()
            .apply(SelectionAction::Toggle(actor("kim")))
            .apply(SelectionAction::StepMention {
                delta: -1,
                total: 7,
            });
        assert_eq!(m.mention_index, 6);
        // A new selection starts from its first mention.
        assert_eq!(
            m.apply(SelectionAction::Toggle(actor("putin")))
                .mention_index,
            0
        );
    }

    #[test]
    fn settings_restored_from_storage_apply_in_one_step() {
        let s = UiState::default().apply(SettingsAction::Restore {
            theme: Some(Theme::Dark),
            cards: Some(false),
            storage_ok: true,
        });
        assert_eq!(
            s.settings,
            Settings {
                theme: Theme::Dark,
                cards_enabled: false,
                storage_ok: true
            }
        );
        let refused = UiState::default().apply(SettingsAction::Restore {
            theme: None,
            cards: None,
            storage_ok: false,
        });
        assert_eq!(refused.settings.theme, Theme::System);
        assert!(!refused.settings.storage_ok);
    }

    #[test]
    fn page_options_set_the_theme_and_cards() {
        let s = UiState::default().with_options(&PageOptions {
            embed: true,
            theme: Some(Theme::Dark),
            only_panel: Some(Panel::Timeline),
            cards: Some(false),
            lang: None,
        });
        assert!(!s.settings.cards_enabled);
        assert_eq!(s.settings.theme, Theme::Dark);
        // The panel a viewer limited to one shows is in the URL's view whatever is selected.
        let s = s.apply(SelectionAction::Select(actor("kim")));
        assert!(s.is_actor_selected("kim"));
        assert_eq!(s.view_showing(Panel::Timeline).panel, Some(Panel::Timeline));
    }
}
