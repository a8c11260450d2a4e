//! The app's effects, as hooks `App` calls once. Each one connects the reducer to one outside
//! thing: the URL hash, stored settings, the keyboard, scrolling. None of them runs during
//! server-side rendering.

use crate::model::Article;
use crate::route::{format_hash, parse_hash, Panel};
use crate::state::{Action, Selection, Theme, UiState};
use crate::web;
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Reads the hash into the state now and on every hash change (links, back, forward), and
/// writes the state's view back as a new history entry when the reader changes it.
#[hook]
pub fn use_url_sync(article: Rc<Article>, ui: UseReducerHandle<UiState>) {
    let article_for_write = article.clone();
    {
        let ui = ui.clone();
        use_effect_with((), move |_| {
            let apply = {
                let ui = ui.clone();
                move || {
                    let (view, problems) = parse_hash(&web::location_hash(), &article);
                    ui.dispatch(Action::Notice(problems.first().map(|p| p.message())));
                    ui.dispatch(Action::ApplyView(view));
                }
            };
            apply();
            let listeners = web::window().map(|w| {
                let on_hash = {
                    let apply = apply.clone();
                    EventListener::new(&w, "hashchange", move |_| apply())
                };
                let on_pop = EventListener::new(&w, "popstate", move |_| apply());
                (on_hash, on_pop)
            });
            move || drop(listeners)
        });
    }
    // Write the reader's changes back. Not on the first render (the hash is being read then),
    // and not when the hash already shows this view (it was just read from there).
    let view = ui.view();
    let started = use_mut_ref(|| false);
    use_effect_with(view, move |view| {
        if std::mem::replace(&mut *started.borrow_mut(), true) {
            let shown = parse_hash(&web::location_hash(), &article_for_write).0;
            if shown != *view {
                web::push_hash(&format_hash(view));
            }
        }
    });
}

/// Restores the theme and the cards switch from storage, then stores every change. A reader
/// whose browser refuses storage is told so (where the settings are).
#[hook]
pub fn use_settings(ui: UseReducerHandle<UiState>) {
    {
        let ui = ui.clone();
        use_effect_with((), move |_| {
            match web::load_setting("theme") {
                Ok(Some(t)) => {
                    if let Some(theme) = Theme::parse(&t) {
                        ui.dispatch(Action::SetTheme(theme));
                    }
                }
                Ok(None) => {}
                Err(web::StorageUnavailable) => ui.dispatch(Action::StorageUnavailable),
            }
            if let Ok(Some(cards)) = web::load_setting("cards") {
                ui.dispatch(Action::SetCardsEnabled(cards != "off"));
            }
        });
    }
    let (theme, cards) = (ui.theme, ui.cards_enabled);
    let loaded = use_mut_ref(|| false);
    use_effect_with((theme, cards), move |(theme, cards)| {
        web::set_theme_attribute(theme.as_str());
        // The first run only shows what was there; storing starts with the reader's changes.
        if std::mem::replace(&mut *loaded.borrow_mut(), true) {
            let ok = web::save_setting("theme", theme.as_str())
                & web::save_setting("cards", if *cards { "on" } else { "off" });
            if !ok {
                ui.dispatch(Action::StorageUnavailable);
            }
        }
    });
}

fn typing_into_a_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

/// Esc everywhere; single-key shortcuts (listed in the help panel) outside text fields. Arrow
/// keys are never taken.
#[hook]
pub fn use_keyboard(article: Rc<Article>, ui: UseReducerHandle<UiState>) {
    use_effect_with((), move |_| {
        let listener = web::document().map(|d| {
            EventListener::new(&d, "keydown", move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let key = e.key();
                if key == "Escape" {
                    if !typing_into_a_field(e) {
                        ui.dispatch(Action::Escape);
                    }
                    return;
                }
                if typing_into_a_field(e) {
                    return;
                }
                let action = match key.as_str() {
                    "/" => {
                        e.prevent_default();
                        web::focus_id("search-input");
                        None
                    }
                    "?" => Some(Action::ToggleHelp),
                    "a" => Some(Action::ShowPanel(Panel::Actors)),
                    "t" => Some(Action::ShowPanel(Panel::Timeline)),
                    "q" => Some(Action::ShowPanel(Panel::Quotes)),
                    "n" | "p" => match &ui.selection {
                        Some(Selection::Actor(id)) => {
                            article.actor(id).map(|a| Action::StepMention {
                                delta: if key == "n" { 1 } else { -1 },
                                total: a.mention_count,
                            })
                        }
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(action) = action {
                    ui.dispatch(action);
                }
            })
        });
        move || drop(listener)
    });
}

/// A pinned card closes when the reader clicks or taps anywhere outside it and its mention.
#[hook]
pub fn use_click_outside_card(ui: UseReducerHandle<UiState>) {
    let pinned = ui.card.as_ref().is_some_and(|c| c.pinned);
    use_effect_with(pinned, move |pinned| {
        let listener = pinned.then(web::document).flatten().map(|d| {
            EventListener::new(&d, "pointerdown", move |e| {
                let inside = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest("#mention-card, .mention").ok().flatten())
                    .is_some();
                if !inside {
                    ui.dispatch(Action::CloseCard);
                }
            })
        });
        move || drop(listener)
    });
}

/// The element in the text that stands for a selection: the actor's current mention, the
/// event's first sentence, the quote.
pub fn text_anchor(selection: &Selection, mention_index: u32) -> String {
    match selection {
        Selection::Actor(id) => format!("#mention-{id}-{mention_index}"),
        Selection::Event(id) => format!(".article__body .sentence[data-events~=\"{id}\"]"),
        Selection::Quote(id) => format!("#quote-{id}"),
    }
}

/// When the selection (or the current mention) changes, brings its place in the text into
/// view if it is not already, and announces the selection.
#[hook]
pub fn use_follow_selection(article: Rc<Article>, ui: UseReducerHandle<UiState>) {
    let key = (ui.selection.clone(), ui.mention_index);
    use_effect_with(key, move |(selection, index)| {
        let Some(selection) = selection else {
            return;
        };
        let found = web::document().and_then(|d| {
            d.query_selector(&text_anchor(selection, *index))
                .ok()
                .flatten()
        });
        if let Some(el) = found {
            let rect = el.get_bounding_client_rect();
            let height = web::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            if rect.top() < 60.0 || rect.bottom() > height - 80.0 {
                web::scroll_into_view(&el);
            }
        }
        ui.dispatch(Action::Announce(describe(&article, selection, *index)));
    });
}

/// What the live region says about a selection.
pub fn describe(article: &Article, selection: &Selection, mention_index: u32) -> String {
    match selection {
        Selection::Actor(id) => match article.actor(id) {
            Some(a) => format!(
                "{} selected: mention {} of {}.",
                a.name,
                mention_index + 1,
                a.mention_count
            ),
            None => String::new(),
        },
        Selection::Event(id) => article
            .event(id)
            .map(|e| format!("Event selected: {}, {}.", e.title, e.date.long()))
            .unwrap_or_default(),
        Selection::Quote(id) => article
            .quote(id)
            .map(|q| format!("Quote by {} selected.", article.actor_name(&q.speaker)))
            .unwrap_or_default(),
    }
}
