//! The live region: screen readers read out what was selected (and which mention is
//! current), or the last message (a quote copied…). A function, not a component: it has no
//! state of its own, and what it says is worked out from the state each render.

use super::context::Viewer;
use crate::dom;
use crate::i18n::{viewer::Msg, Lang};
use crate::model::Article;
use crate::state::{Announcement, Selection};
use yew::prelude::*;

/// What the live region says about a selection, in `lang`.
pub fn describe(
    article: &Article,
    selection: &Selection,
    mention_index: u32,
    lang: Lang,
) -> String {
    match selection {
        Selection::Actor(id) => match article.actor(id) {
            Some(a) => lang.f(
                Msg::AnnounceMention,
                &[
                    ("name", &a.name),
                    ("index", &(mention_index + 1).to_string()),
                    ("count", &a.mention_count.to_string()),
                ],
            ),
            None => String::new(),
        },
        Selection::Event(id) => article
            .event(id)
            .map(|e| {
                let date = crate::dates::written(lang, &e.date);
                lang.f(Msg::AnnounceEvent, &[("title", &e.title), ("date", &date)])
            })
            .unwrap_or_default(),
        Selection::Quote(id) => article
            .quote(id)
            .map(|q| {
                lang.f(
                    Msg::AnnounceQuote,
                    &[("who", &article.speakers_names(q, lang))],
                )
            })
            .unwrap_or_default(),
        Selection::Relation(id) => article
            .relation(id)
            .map(|(a, r)| {
                let what = article.relation_phrase(a, r, lang);
                lang.f(Msg::AnnounceRelation, &[("what", &what)])
            })
            .unwrap_or_default(),
    }
}

/// The live region, saying what `selection` is (at `mention_index`) or the `announcement`.
pub fn announcer(
    viewer: &Viewer,
    selection: Option<&Selection>,
    mention_index: u32,
    announcement: &Announcement,
) -> Html {
    let said = match (selection, announcement.describes_selection) {
        (Some(selection), true) => describe(
            &viewer.article,
            selection,
            mention_index,
            viewer.config.lang,
        ),
        _ => announcement.text.clone(),
    };
    html! {
        <div class="visually-hidden" role="status" aria-live="polite" id={dom::ANNOUNCER_ID}>
            { said }
        </div>
    }
}
