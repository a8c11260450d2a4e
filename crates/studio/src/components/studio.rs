//! The root. Data flow: the reducer ([`StudioState`]) starts empty and takes the work kept in
//! the browser once it is read (IndexedDB answers asynchronously; `web::load`); every component changes it through `act` (which also notes the time, so the
//! preview's refresh is measured from the writer's key or click to the rendered article); the
//! effects keep the work after each change, show the time taken, and listen to the keyboard
//! (j/k next and previous suggestion, c confirm, x reject, m mark the words selected in the
//! preview, ? the list of keys).

use super::checker_report::CheckerReport;
use super::file_editor::FileEditor;
use super::help_dialog::HelpDialog;
use super::mark_form::{MarkForm, MARK_FORM_ID};
use super::meta_form::MetaForm;
use super::preview::Preview;
use super::start_form::StartForm;
use super::studio_bar::StudioBar;
use super::suggestion_form::{SuggestionForm, FORM_ID};
use super::suggestion_list::SuggestionList;
use crate::state::{Action, StudioState};
use crate::web;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Whether a key pressed in `target` is the writer typing (never a shortcut then).
fn typing(target: Option<web_sys::EventTarget>) -> bool {
    use wasm_bindgen::JsCast;
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el
                    .closest("[contenteditable=true]")
                    .ok()
                    .flatten()
                    .is_some()
        })
}

/// Whether `target` is inside the preview, whose viewer has keys of its own (`?` among them).
fn in_preview(target: Option<web_sys::EventTarget>) -> bool {
    use wasm_bindgen::JsCast;
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.closest(".studio__preview").ok().flatten().is_some())
}

/// Whether `target` is a field of the current suggestion's form.
fn in_form(target: Option<web_sys::EventTarget>) -> bool {
    use wasm_bindgen::JsCast;
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.closest(&format!("#{FORM_ID}")).ok().flatten().is_some())
}

/// Whether `target` is in the form of the writer's own mark.
fn in_mark_form(target: Option<web_sys::EventTarget>) -> bool {
    use wasm_bindgen::JsCast;
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            el.closest(&format!("#{MARK_FORM_ID}"))
                .ok()
                .flatten()
                .is_some()
        })
}

/// Focuses the first field of the current suggestion's form, if it has one.
fn focus_form() {
    use wasm_bindgen::JsCast;
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("#{FORM_ID} input, #{FORM_ID} select"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

#[hook]
fn use_keyboard(act: Callback<Action>, help_open: bool, reviewing: bool) {
    use_effect_with((help_open, reviewing), move |&(help_open, reviewing)| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let options = gloo_events::EventListenerOptions::enable_prevent_default();
                gloo_events::EventListener::new_with_options(
                    &document,
                    "keydown",
                    options,
                    move |e| {
                        use wasm_bindgen::JsCast;
                        let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        // Esc in the suggestion's form leaves it (the field's change is applied
                        // as it loses focus), back to the review's keys.
                        if e.key() == "Escape" && in_mark_form(e.target()) {
                            e.prevent_default();
                            act.emit(Action::CancelMark);
                            return;
                        }
                        if e.key() == "Escape" && in_form(e.target()) {
                            if let Some(el) = e
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                            {
                                let _ = el.blur();
                            }
                            return;
                        }
                        if e.ctrl_key() || e.meta_key() || e.alt_key() || typing(e.target()) {
                            return;
                        }
                        let action = match e.key().as_str() {
                            "Escape" if help_open => Action::Help(false),
                            "?" if !in_preview(e.target()) => Action::Help(!help_open),
                            "j" if reviewing => Action::Next,
                            "k" if reviewing => Action::Previous,
                            "c" if reviewing => Action::Confirm,
                            "x" if reviewing => Action::Reject,
                            "m" if reviewing => Action::StartMark(web::preview_selection()),
                            "e" if reviewing => {
                                focus_form();
                                e.prevent_default();
                                return;
                            }
                            _ => return,
                        };
                        e.prevent_default();
                        act.emit(action);
                    },
                )
            });
        move || drop(listener)
    });
}

/// Whether words of the preview's text are selected, kept up to date as the selection changes.
#[hook]
fn use_preview_selected(reviewing: bool) -> bool {
    let selected = use_state_eq(|| false);
    {
        let selected = selected.clone();
        use_effect_with(reviewing, move |&reviewing| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .filter(|_| reviewing)
                .map(|document| {
                    gloo_events::EventListener::new(&document, "selectionchange", move |_| {
                        selected.set(web::preview_selection().is_some());
                    })
                });
            move || drop(listener)
        });
    }
    *selected
}

#[function_component(Studio)]
pub fn studio() -> Html {
    let state = use_reducer(StudioState::default);
    // Whether the work kept in the browser has been read (nothing is written before: the page
    // would otherwise keep its empty start over the work it is about to restore).
    let loaded = use_state(|| false);
    // When the writer last changed something, for the time to the refreshed preview.
    let started: Rc<RefCell<Option<f64>>> = use_mut_ref(|| None);
    let refresh_ms = use_state(|| None::<f64>);
    let storage_error = use_state(|| None::<String>);
    let act = {
        let (dispatcher, started) = (state.dispatcher(), started.clone());
        Callback::from(move |action: Action| {
            *started.borrow_mut() = Some(web::now());
            dispatcher.dispatch(action);
        })
    };
    {
        let (dispatcher, loaded) = (state.dispatcher(), loaded.clone());
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(work) = web::load().await {
                    dispatcher.dispatch(Action::Restore(Box::new(work)));
                }
                loaded.set(true);
            });
        });
    }
    {
        let storage_error = storage_error.clone();
        use_effect_with((state.work.clone(), *loaded), move |(work, loaded)| {
            if *loaded && *work != crate::state::Work::default() {
                let work = work.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = web::save(&work).await;
                    storage_error.set(result.err());
                });
            }
        });
    }
    {
        let (started, refresh_ms) = (started.clone(), refresh_ms.clone());
        use_effect_with(state.builds, move |_| {
            if let Some(t0) = started.borrow_mut().take() {
                refresh_ms.set(Some(web::now() - t0));
            }
        });
    }
    let reviewing = state.work.folder.is_some();
    use_keyboard(act.clone(), state.help_open, reviewing);
    let selected = use_preview_selected(reviewing);
    let actors = use_memo(
        state
            .work
            .folder
            .as_ref()
            .map(|f| f.actors.clone())
            .unwrap_or_default(),
        |text| crate::marking::choices(text),
    );

    let current = state.suggestions.get(state.current).cloned();
    let article_shown = state.article.is_some();
    let body = match (&state.work.folder, &state.article) {
        (None, _) if !*loaded => html! {
            <p class="studio__loading">{ "Reading the work kept in this browser…" }</p>
        },
        (None, _) => html! {
            <StartForm pasted={state.work.pasted.clone()} meta={state.work.meta.clone()}
                report={state.report.clone()} notice={state.notice.clone()} act={act.clone()} />
        },
        (Some(folder), article) => html! {
            <div class="studio__review">
                <section class={classes!("studio__side", state.marking.is_some().then_some("studio__side--marking"))}
                    aria-label="Review">
                    <div class="studio__marker">
                        // Pressed, the button leaves the selection where it is.
                        <button type="button" class="studio__button" disabled={!selected}
                            aria-keyshortcuts="m"
                            onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                            onclick={act.reform(|_| Action::StartMark(web::preview_selection()))}>
                            { "Mark selection" }
                        </button>
                        <span class="studio__hint">{ "What the draft missed: select its words in the preview, then " }<kbd>{ "m" }</kbd></span>
                    </div>
                    if let Some(marking) = &state.marking {
                        <MarkForm key={marking.selection.as_ref().map(|s| format!("{}:{}:{}:{}", s.start_block, s.start, s.end_block, s.end)).unwrap_or_default()}
                            marking={marking.clone()} actors={actors.clone()} act={act.clone()} />
                    }
                    <SuggestionList suggestions={state.suggestions.clone()} current={state.current}
                        act={act.clone()} />
                    if let Some(s) = &current {
                        <SuggestionForm key={format!("{}:{}", s.kind, s.id)} suggestion={s.clone()}
                            text={folder.file(s.file.name()).to_string()} act={act.clone()} />
                    }
                    <CheckerReport report={state.report.clone()} />
                    if let Some(notice) = &state.notice {
                        <p class="studio__notice" role="status">{ notice }</p>
                    }
                    <details class="studio__details">
                        <summary>{ "Meta" }</summary>
                        <MetaForm meta={state.work.meta.clone()} act={act.clone()} />
                    </details>
                    <FileEditor folder={folder.clone()} placed={state.placed.clone()} act={act.clone()} />
                </section>
                // Not a landmark: the viewer's own `main` (the article) and `aside` (its panels)
                // are the page's, at its top level.
                <div class="studio__preview">
                    if let Some(article) = article {
                        <Preview article={article.clone()} builds={state.builds} focus={current} />
                    } else {
                        <p class="studio__empty">{ "The article does not build yet: see the checker's report." }</p>
                    }
                </div>
            </div>
        },
    };
    html! {
        // Ready: the viewer's stylesheet hides controls under an `.app` that is not.
        <div class="app studio" data-theme="system" data-ready="">
            // The first link of the page, so a skip link (the preview's viewer has its own,
            // hidden here: after the bar's link it would skip nothing).
            if reviewing && article_shown {
                <a class="skip-link" href="#article">{ "Skip to the preview" }</a>
            }
            <StudioBar work={state.work.clone()} left={state.suggestions.len()}
                check_ms={reviewing.then_some(state.check_ms)} refresh_ms={*refresh_ms}
                draft_ms={state.draft_ms} storage_error={(*storage_error).clone()}
                act={act.clone()} />
            // While reviewing, the preview's viewer has the page's `main` (its article): the
            // studio's own parts are then a region and the page's top level.
            if reviewing {
                <div class="studio__main" id="studio-main">{ body }</div>
            } else {
                <main class="studio__main" id="studio-main">{ body }</main>
            }
            <HelpDialog open={state.help_open} act={act} />
        </div>
    }
}
