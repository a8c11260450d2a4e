//! Find in the article: the matches of the query are painted in the text and the current one
//! is brought into view whenever the query or the current match changes. (The matches are
//! counted where the query is typed, so typing is one action.)

use crate::components::context::Root;
use crate::web::highlight::highlight_search;
use gloo_events::EventListener;
use yew::prelude::*;

#[hook]
pub fn use_search_highlight(query: String, match_index: usize, root: Root) {
    use_effect_with((query, match_index), move |(query, index)| {
        if let Some(root) = root.element() {
            highlight_search(&root, query, *index);
        }
    });
}

/// Calls `search` with the field `field` once an input method (IME) commits a word there
/// (`compositionend`, which Yew has no attribute for): the field's `input` events while the
/// word is being composed are not searched (see the search box).
#[hook]
pub fn use_committed_words(field: NodeRef, search: impl Fn(web_sys::HtmlInputElement) + 'static) {
    use_effect_with((), move |_| {
        let listener = field.cast::<web_sys::HtmlInputElement>().map(|input| {
            let target = input.clone();
            EventListener::new(&target, "compositionend", move |_| search(input.clone()))
        });
        move || drop(listener)
    });
}
