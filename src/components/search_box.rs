//! Find in the article: type to search; the matches are highlighted in the text
//! (`effects::use_search_highlight`), counted, and stepped through with Enter / Shift+Enter
//! or the buttons. Typing counts the matches there and then, so one keystroke is one action.

use super::context::use_viewer;
use crate::dom;
use crate::effects::use_search_highlight;
use crate::state::{Search, SearchAction};
use crate::web::highlight::count_matches;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub search: Search,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    crate::render_count::rendered("SearchBox");
    let viewer = use_viewer();
    let search = &props.search;
    use_search_highlight(
        search.query.clone(),
        search.match_index,
        viewer.root.clone(),
    );
    let oninput = {
        let viewer = viewer.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let query = input.value();
            let matches = viewer
                .root_element()
                .map_or(0, |root| count_matches(&root, &query));
            viewer.dispatch(SearchAction::SetQuery { query, matches });
        })
    };
    let onkeydown = {
        let viewer = viewer.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                viewer.dispatch(SearchAction::StepMatch(if e.shift_key() { -1 } else { 1 }));
            }
            "Escape" => viewer.dispatch(SearchAction::SetQuery {
                query: String::new(),
                matches: 0,
            }),
            _ => {}
        })
    };
    let status = match (search.query.trim().is_empty(), search.match_count) {
        (true, _) => String::new(),
        (false, 0) => "No matches".to_string(),
        (false, n) => format!("{} of {n}", search.match_index + 1),
    };
    let has_matches = search.match_count > 0;
    html! {
        <div class="search" role="search">
            <label for={dom::SEARCH_INPUT_ID} class="visually-hidden">{ "Find in the article" }</label>
            <input
                id={dom::SEARCH_INPUT_ID}
                class="search__input"
                type="search"
                placeholder="Find in article  /"
                autocomplete="off"
                spellcheck="false"
                value={search.query.clone()}
                {oninput}
                {onkeydown}
                aria-describedby="search-status"
            />
            <span id="search-status" class="search__status" aria-live="polite">{ status }</span>
            <button type="button" class="button button--icon" aria-label="Previous match"
                disabled={!has_matches} onclick={viewer.on(SearchAction::StepMatch(-1))}>{ "↑" }</button>
            <button type="button" class="button button--icon" aria-label="Next match"
                disabled={!has_matches} onclick={viewer.on(SearchAction::StepMatch(1))}>{ "↓" }</button>
        </div>
    }
}
