//! Find in the article: type to search; the matches are highlighted in the text, counted, and
//! stepped through with Enter / Shift+Enter or the buttons.

use super::context::use_app;
use crate::state::Action;
use crate::web;
use yew::prelude::*;

#[function_component(SearchBox)]
pub fn search_box() -> Html {
    let app = use_app();
    let ui = app.ui.clone();
    {
        let ui = ui.clone();
        let root = app.root.clone();
        use_effect_with((ui.query.clone(), ui.match_index), move |(query, index)| {
            if let Some(root) = root.cast::<web_sys::Element>() {
                let count = web::highlight_search(&root, query, *index);
                ui.dispatch(Action::SearchResults(count));
            }
        });
    }
    let oninput = {
        let ui = ui.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            ui.dispatch(Action::SetQuery(input.value()));
        })
    };
    let onkeydown = {
        let ui = ui.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                ui.dispatch(Action::StepMatch(if e.shift_key() { -1 } else { 1 }));
            }
            "Escape" => ui.dispatch(Action::SetQuery(String::new())),
            _ => {}
        })
    };
    let step = |delta: i32| {
        let ui = ui.clone();
        Callback::from(move |_| ui.dispatch(Action::StepMatch(delta)))
    };
    let status = match (ui.query.trim().is_empty(), ui.match_count) {
        (true, _) => String::new(),
        (false, 0) => "No matches".to_string(),
        (false, n) => format!("{} of {n}", ui.match_index + 1),
    };
    let has_matches = ui.match_count > 0;
    html! {
        <div class="search" role="search">
            <label for="search-input" class="visually-hidden">{ "Find in the article" }</label>
            <input
                id="search-input"
                class="search__input"
                type="search"
                placeholder="Find in article  /"
                autocomplete="off"
                spellcheck="false"
                value={ui.query.clone()}
                {oninput}
                {onkeydown}
                aria-describedby="search-status"
            />
            <span id="search-status" class="search__status" aria-live="polite">{ status }</span>
            <button type="button" class="button button--icon" aria-label="Previous match"
                disabled={!has_matches} onclick={step(-1)}>{ "↑" }</button>
            <button type="button" class="button button--icon" aria-label="Next match"
                disabled={!has_matches} onclick={step(1)}>{ "↓" }</button>
        </div>
    }
}
