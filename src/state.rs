//! UI state and its one reducer. Effects (URL, storage, scrolling) live in components'
//! `use_effect_with`, never here: `reduce` is a pure function of state and action.

use std::rc::Rc;
use yew::Reducible;

/// What the reader has selected: highlighted in the text and in every panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Actor(String),
    Event(String),
    Quote(String),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UiState {
    pub selection: Option<Selection>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Selects a thing; selecting the selected thing again clears the selection.
    Toggle(Selection),
    Clear,
}

impl UiState {
    pub fn apply(&self, action: Action) -> UiState {
        match action {
            Action::Toggle(sel) if self.selection.as_ref() == Some(&sel) => {
                UiState { selection: None }
            }
            Action::Toggle(sel) => UiState {
                selection: Some(sel),
            },
            Action::Clear => UiState { selection: None },
        }
    }

    pub fn is_actor_selected(&self, id: &str) -> bool {
        matches!(&self.selection, Some(Selection::Actor(a)) if a == id)
    }
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_selects_then_clears() {
        let s = UiState::default();
        let putin = Selection::Actor("putin".into());
        let s = s.apply(Action::Toggle(putin.clone()));
        assert_eq!(s.selection, Some(putin.clone()));
        assert!(s.is_actor_selected("putin"));
        assert!(!s.is_actor_selected("kim"));
        let s = s.apply(Action::Toggle(Selection::Actor("kim".into())));
        assert!(s.is_actor_selected("kim"));
        let s = s.apply(Action::Toggle(Selection::Actor("kim".into())));
        assert_eq!(s.selection, None);
        let s = s.apply(Action::Toggle(putin)).apply(Action::Clear);
        assert_eq!(s, UiState::default());
    }
}
