//! Find in the article: type to search; the matches are highlighted in the text
//! (`effects::use_search_highlight`), counted, and stepped through with Enter / Shift+Enter
//! or the buttons. Typing counts the matches there and then, so one keystroke is one action.

use super::context::use_viewer;
use crate::dom;
use crate::effects::{use_committed_words, use_search_highlight};
use crate::i18n::viewer::Msg;
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
    let lang = viewer.config.lang;
    // Searches for what the field holds. While an input method (IME) is composing a word
    // (Japanese, Korean), its steps are not searched; the word is, once committed.
    let search_for = {
        let viewer = viewer.clone();
        move |input: web_sys::HtmlInputElement| {
            let query = input.value();
            let matches = viewer
                .root_element()
                .map_or(0, |root| count_matches(&root, &query));
            viewer.dispatch(SearchAction::SetQuery { query, matches });
        }
    };
    let oninput = {
        let search_for = search_for.clone();
        Callback::from(move |e: InputEvent| {
            if !e.is_composing() {
                search_for(e.target_unchecked_into());
            }
        })
    };
    let field = use_node_ref();
    use_committed_words(field.clone(), search_for);
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
        (false, 0) => lang.t(Msg::FindNoMatches).to_string(),
        (false, n) => lang.f(
            Msg::FindMatchOf,
            &[
                ("index", &(search.match_index + 1).to_string()),
                ("count", &n.to_string()),
            ],
        ),
    };
    let has_matches = search.match_count > 0;
    html! {
        <div class="search" role="search">
            <label for={dom::SEARCH_INPUT_ID} class="visually-hidden">{ lang.t(Msg::FindLabel) }</label>
            <input
                id={dom::SEARCH_INPUT_ID}
                class="search__input"
                type="search"
                placeholder={lang.t(Msg::FindPlaceholder)}
                autocomplete="off"
                spellcheck="false"
                value={search.query.clone()}
                {oninput}
                ref={field}
                {onkeydown}
                aria-describedby="search-status"
            />
            <span id="search-status" class="search__status" aria-live="polite">{ status }</span>
            <button type="button" class="button button--icon" aria-label={lang.t(Msg::FindPrevious)}
                disabled={!has_matches} onclick={viewer.on(SearchAction::StepMatch(-1))}>{ "↑" }</button>
            <button type="button" class="button button--icon" aria-label={lang.t(Msg::FindNext)}
                disabled={!has_matches} onclick={viewer.on(SearchAction::StepMatch(1))}>{ "↓" }</button>
        </div>
    }
}
