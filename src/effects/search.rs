//! Find in the article: the matches of the query are painted in the text and the current one
//! is brought into view whenever the query or the current match changes. (The matches are
//! counted where the query is typed, so typing is one action.)

use crate::components::context::Root;
use crate::web::highlight::highlight_search;
use yew::prelude::*;

#[hook]
pub fn use_search_highlight(query: String, match_index: usize, root: Root) {
    use_effect_with((query, match_index), move |(query, index)| {
        if let Some(root) = root.element() {
            highlight_search(&root, query, *index);
        }
    });
}
