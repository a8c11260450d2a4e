//! The URL hash holds the reader's view: read at start and on every hash change (links, back,
//! forward), written back as a new history entry when the reader changes the view.

use crate::config::Mode;
use crate::model::Article;
use crate::route::{format_hash, parse_hash, View};
use crate::state::{Action, UiState};
use crate::web::history;
use std::rc::Rc;
use yew::prelude::*;

/// What following a link to `hash` does: shows its view and says what it could not use.
pub fn link_action(hash: &str, article: &Article) -> Action {
    let (view, problems) = parse_hash(hash, article);
    Action::ApplyLink {
        view,
        notice: problems.first().map(|p| p.message()),
    }
}

/// Keeps the page's hash and the view in step (a page viewer only: a mounted one leaves the
/// host's URL alone). `view` is the view the state shows now.
#[hook]
pub fn use_url_sync(
    article: Rc<Article>,
    view: View,
    mode: Mode,
    dispatch: UseReducerDispatcher<UiState>,
) {
    {
        let article = article.clone();
        use_effect_with((), move |_| {
            let listeners = (mode == Mode::Page).then(|| {
                let apply =
                    move || dispatch.dispatch(link_action(&history::location_hash(), &article));
                apply();
                history::on_hash_change(apply)
            });
            move || drop(listeners)
        });
    }
    // Write the reader's changes back. Not on the first render (the hash is being read then),
    // and not when the hash already shows this view (it was just read from there).
    let started = use_mut_ref(|| false);
    use_effect_with(view, move |view| {
        if mode == Mode::Page && std::mem::replace(&mut *started.borrow_mut(), true) {
            let shown = parse_hash(&history::location_hash(), &article).0;
            if shown != *view {
                history::push_hash(&format_hash(view));
            }
        }
    });
}
