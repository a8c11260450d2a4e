//! The app's effects, as hooks `App` calls once. Each one connects the reducer to one outside
//! thing: the URL (hash and query), stored settings, the keyboard, clicks outside the card,
//! scrolling to the selection, and, inside an iframe, the host page. None of them runs during
//! server-side rendering, and a viewer mounted into someone else's page (`Mode::Mounted`)
//! leaves that page's URL, keyboard and `<html>` alone.

use super::context::Mode;
use crate::model::related::Related;
use crate::model::Article;
use crate::route::{format_hash, parse_hash, parse_options, Panel};
use crate::state::{Action, Selection, Theme, UiState};
use crate::web;
use gloo_events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Reads the page options (query string) once, and the hash now and on every hash change
/// (links, back, forward); writes the state's view back as a new history entry when the
/// reader changes it.
#[hook]
pub fn use_url_sync(article: Rc<Article>, ui: UseReducerHandle<UiState>, mode: Mode) {
    let article_for_write = article.clone();
    {
        let ui = ui.clone();
        use_effect_with((), move |_| {
            if mode == Mode::Mounted {
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            }
            let search = web::window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default();
            if !search.is_empty() {
                ui.dispatch(Action::ApplyOptions(parse_options(&search)));
            }
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
            Box::new(move || drop(listeners))
        });
    }
    // Write the reader's changes back. Not on the first render (the hash is being read then),
    // and not when the hash already shows this view (it was just read from there).
    let view = ui.view();
    let started = use_mut_ref(|| false);
    use_effect_with(view, move |view| {
        if mode == Mode::Page && std::mem::replace(&mut *started.borrow_mut(), true) {
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
pub fn use_settings(ui: UseReducerHandle<UiState>, mode: Mode) {
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
        if mode == Mode::Page {
            // theme.js set this before the first paint; keep it in step for the next load.
            web::set_theme_attribute(theme.as_str());
        }
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
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .is_ok_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

/// Esc everywhere; single-key shortcuts (listed in the help panel) outside text fields. Arrow
/// keys are never taken. A page-mode viewer listens on the document; a mounted one only while
/// focus is inside it.
#[hook]
pub fn use_keyboard(
    article: Rc<Article>,
    ui: UseReducerHandle<UiState>,
    root: NodeRef,
    mode: Mode,
) {
    use_effect_with((), move |_| {
        let target: Option<web_sys::EventTarget> = match mode {
            Mode::Page => web::document().map(Into::into),
            Mode::Mounted => root.cast::<web_sys::Element>().map(Into::into),
        };
        let listener = target.map(|t| {
            // Not passive: "/" must not be typed into the field it focuses.
            let active = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&t, "keydown", active, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
                    return;
                }
                let key = e.key();
                if typing_into_a_field(e) {
                    return;
                }
                let action = match key.as_str() {
                    "Escape" => Some(Action::Escape),
                    "/" => {
                        e.prevent_default();
                        if let Some(root) = root.cast::<web_sys::Element>() {
                            web::focus(&root, "#search-input");
                        }
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
/// (The event's composed path sees through a shadow root.)
#[hook]
pub fn use_click_outside_card(ui: UseReducerHandle<UiState>) {
    let pinned = ui.card.as_ref().is_some_and(|c| c.pinned);
    use_effect_with(pinned, move |pinned| {
        let listener = pinned.then(web::document).flatten().map(|d| {
            EventListener::new(&d, "pointerdown", move |e| {
                let inside = e.composed_path().iter().any(|node| {
                    node.dyn_into::<web_sys::Element>()
                        .is_ok_and(|el| el.matches("#mention-card, .mention").unwrap_or(false))
                });
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
/// view if it is not already.
#[hook]
pub fn use_follow_selection(ui: UseReducerHandle<UiState>, root: NodeRef) {
    let key = (ui.selection.clone(), ui.mention_index);
    let embed = ui.embed;
    let first = use_mut_ref(|| true);
    use_effect_with(key, move |(selection, index)| {
        let Some(selection) = selection else {
            return;
        };
        // An embed opened on a selection must not scroll the host page on load.
        if std::mem::replace(&mut *first.borrow_mut(), false) && embed {
            return;
        }
        let found = root
            .cast::<web_sys::Element>()
            .and_then(|r| web::find(&r, &text_anchor(selection, *index)));
        if let Some(el) = found {
            let rect = el.get_bounding_client_rect();
            let height = web::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            // Only what is out of sight moves (under the sticky toolbar counts as out of sight).
            if rect.top() < 56.0 || rect.bottom() > height {
                web::scroll_into_view(&el);
            }
        }
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

/// The message an embedded viewer posts to its host page whenever its height changes.
pub const RESIZE_MESSAGE: &str = "marginalia:resize";
/// The message a host page may post to an embedded viewer to show a view (`hash: "#actor=kim"`).
pub const VIEW_MESSAGE: &str = "marginalia:view";
pub const MESSAGE_VERSION: u32 = 1;

/// Inside an iframe (`?embed`): posts the content's height to the parent whenever it changes,
/// and applies `marginalia:view` messages that come from the parent window and have the
/// documented shape; anything else is ignored.
#[hook]
pub fn use_embed_bridge(article: Rc<Article>, ui: UseReducerHandle<UiState>, root: NodeRef) {
    use_effect_with(ui.embed, move |embed| {
        let parent = web::window()
            .and_then(|w| w.parent().ok().flatten())
            .filter(|p| web::window().is_some_and(|w| !JsValue::from(p).eq(&JsValue::from(w))));
        let (Some(parent), Some(el), true) = (parent, root.cast::<web_sys::Element>(), *embed)
        else {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        };
        let observer = web::observe_height(&el, {
            let parent = parent.clone();
            move |height| {
                let message = js_sys::Object::new();
                let set = |k: &str, v: JsValue| {
                    let _ = js_sys::Reflect::set(&message, &k.into(), &v);
                };
                set("type", RESIZE_MESSAGE.into());
                set("version", MESSAGE_VERSION.into());
                set("height", height.ceil().into());
                let _ = parent.post_message(&message, "*");
            }
        });
        let listener = web::window().map(|w| {
            EventListener::new(&w, "message", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let from_parent = e
                    .source()
                    .is_some_and(|s| JsValue::from(s).eq(&JsValue::from(&parent)));
                if let (true, Some(hash)) = (from_parent, view_message_hash(&e.data())) {
                    let (view, problems) = parse_hash(&hash, &article);
                    ui.dispatch(Action::Notice(problems.first().map(|p| p.message())));
                    ui.dispatch(Action::ApplyView(view));
                }
            })
        });
        Box::new(move || {
            drop(listener);
            drop(observer);
        })
    });
}

/// The hash of a well-formed `{type: "marginalia:view", version: 1, hash: "#…"}` message.
fn view_message_hash(data: &JsValue) -> Option<String> {
    let get = |k: &str| js_sys::Reflect::get(data, &k.into()).ok();
    if !data.is_object()
        || get("type")?.as_string()? != VIEW_MESSAGE
        || get("version")?.as_f64()? != f64::from(MESSAGE_VERSION)
    {
        return None;
    }
    get("hash")?.as_string()
}

/// Marks what is selected and what relates to it in the article's text, which Yew renders
/// once (see `TextContext`): on each change, the marks of the previous selection are taken
/// off and the new ones put on, touching only those elements.
#[hook]
pub fn use_text_highlights(ui: UseReducerHandle<UiState>, related: Rc<Related>, root: NodeRef) {
    let anchor = ui.card.as_ref().map(|c| c.anchor.clone());
    let key = (ui.selection.clone(), ui.mention_index, related, anchor);
    use_effect_with(key, move |(selection, index, related, anchor)| {
        let Some(root) = root.cast::<web_sys::Element>() else {
            return;
        };
        let body = ".article__body";
        for class in [
            "mention--selected",
            "mention--related",
            "mention--current",
            "sentence--selected",
            "sentence--related",
            "quote--selected",
            "quote--related",
        ] {
            web::remove_class_everywhere(&root, &format!("{body} .{class}"), class);
        }
        web::remove_attribute_everywhere(&root, &format!("{body} [aria-current]"), "aria-current");
        web::remove_attribute_everywhere(
            &root,
            &format!("{body} [aria-describedby]"),
            "aria-describedby",
        );
        let mention = |id: &str| format!("{body} .mention[data-actor=\"{id}\"]");
        let sentence = |id: &str| format!("{body} .sentence[data-events~=\"{id}\"]");
        let quote = |id: &str| format!("{body} #quote-{id}");
        match selection {
            Some(Selection::Actor(id)) => {
                web::add_class_everywhere(&root, &mention(id), "mention--selected");
                web::set_attribute_everywhere(&root, &mention(id), "aria-current", "true");
                web::add_class_everywhere(
                    &root,
                    &format!("{body} #mention-{id}-{index}"),
                    "mention--current",
                );
            }
            Some(Selection::Event(id)) => {
                web::add_class_everywhere(&root, &sentence(id), "sentence--selected")
            }
            Some(Selection::Quote(id)) => {
                web::add_class_everywhere(&root, &quote(id), "quote--selected")
            }
            None => {}
        }
        for id in &related.actors {
            web::add_class_everywhere(&root, &mention(id), "mention--related");
        }
        for id in &related.events {
            web::add_class_everywhere(
                &root,
                &format!("{}:not(.sentence--selected)", sentence(id)),
                "sentence--related",
            );
        }
        for id in &related.quotes {
            web::add_class_everywhere(&root, &quote(id), "quote--related");
        }
        if let Some(anchor) = anchor {
            web::set_attribute_everywhere(
                &root,
                &format!("{body} #{anchor}"),
                "aria-describedby",
                "mention-card",
            );
        }
    });
}
