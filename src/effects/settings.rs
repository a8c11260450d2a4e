//! The reader's settings in storage: restored once at start, stored on every change; on a
//! page, the theme is also kept on `<html>` for `theme.js` at the next load.

use crate::config::Mode;
use crate::dom;
use crate::state::{Action, Settings, SettingsAction, UiState};
use crate::view::Theme;
use crate::web::dom::set_document_attribute;
use crate::web::storage::{load_setting, save_setting, StorageUnavailable};
use yew::prelude::*;

/// What storage holds, as one action (a reader whose browser refuses storage is told so,
/// where the settings are).
fn restored() -> Action {
    let theme = load_setting("theme");
    let cards = load_setting("cards");
    Action::Settings(SettingsAction::Restore {
        theme: theme.clone().ok().flatten().and_then(|t| Theme::parse(&t)),
        cards: cards.ok().flatten().map(|c| c != "off"),
        storage_ok: theme != Err(StorageUnavailable),
    })
}

#[hook]
pub fn use_settings(settings: Settings, mode: Mode, dispatch: UseReducerDispatcher<UiState>) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| dispatch.dispatch(restored()));
    }
    let loaded = use_mut_ref(|| false);
    let (theme, cards) = (settings.theme, settings.cards_enabled);
    use_effect_with((theme, cards), move |(theme, cards)| {
        if mode == Mode::Page {
            // theme.js set this before the first paint; keep it in step for the next load.
            let value = (*theme != Theme::System).then_some(theme.as_str());
            set_document_attribute(dom::THEME_ATTRIBUTE, value);
        }
        // The first run only shows what was there; storing starts with the reader's changes.
        if std::mem::replace(&mut *loaded.borrow_mut(), true) {
            let ok = save_setting("theme", theme.as_str())
                & save_setting("cards", if *cards { "on" } else { "off" });
            if !ok {
                dispatch.dispatch(Action::Settings(SettingsAction::StorageUnavailable));
            }
        }
    });
}
