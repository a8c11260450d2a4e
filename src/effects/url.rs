//! The URL hash holds the reader's view: read at start and on every hash change (links, back,
//! forward), written back when the reader changes the view: as a new history entry on a page
//! of its own, in place in an iframe embed (whose entries would land in the host's history).

use crate::config::Mode;
use crate::i18n::Lang;
use crate::messages::link_problem;
use crate::model::Article;
use crate::route::{format_hash, parse_hash};
use crate::state::{Action, SelectionAction, UiState};
use crate::view::View;
use crate::web::history;
use std::rc::Rc;
use yew::prelude::*;

/// What following a link to `hash` does: shows its view and says what it could not use.
pub fn link_action(hash: &str, article: &Article, lang: Lang) -> Action {
    let (view, problems) = parse_hash(hash, article);
    Action::Selection(SelectionAction::FollowLink {
        view,
        notice: problems.first().map(|p| link_problem(lang, p)),
    })
}

/// Keeps the page's hash and the view in step (a page viewer only: a mounted one leaves the
/// host's URL alone). `view` is the view the state shows now.
#[hook]
pub fn use_url_sync(
    article: Rc<Article>,
    view: View,
    mode: Mode,
    embed: bool,
    lang: Lang,
    dispatch: UseReducerDispatcher<UiState>,
) {
    {
        let article = article.clone();
        use_effect_with((), move |_| {
            let listeners = (mode == Mode::Page).then(|| {
                let apply = move || {
                    dispatch.dispatch(link_action(&history::location_hash(), &article, lang))
                };
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
                // Embedded, the view lives in the iframe's own URL without adding to the
                // host's history.
                let entry = if embed {
                    history::Entry::Replace
                } else {
                    history::Entry::Push
                };
                // In the next task: writing the address saves the scroll position, which needs
                // the layout the selection just changed, and the reader's click waits for
                // nothing of that.
                let hash = format_hash(view);
                wasm_bindgen_futures::spawn_local(async move {
                    crate::web::next_task().await;
                    history::write_hash(&hash, entry);
                });
            }
        }
    });
}
