//! The live region: screen readers read out what was selected (and which mention is
//! current), or the last message (a quote copied…).

use super::context::use_viewer;
use crate::dom;
use crate::model::Article;
use crate::state::{Announcement, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnnouncerProps {
    pub selection: Option<Selection>,
    pub mention_index: u32,
    pub announcement: Announcement,
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
            .map(|q| format!("Quote by {} selected.", article.speakers_names(q)))
            .unwrap_or_default(),
        Selection::Relation(id) => article
            .relation(id)
            .map(|(a, r)| format!("Relation selected: {}.", article.relation_phrase(a, r)))
            .unwrap_or_default(),
    }
}

#[function_component(Announcer)]
pub fn announcer(props: &AnnouncerProps) -> Html {
    crate::render_count::rendered("Announcer");
    let viewer = use_viewer();
    let said = match (&props.selection, props.announcement.describes_selection) {
        (Some(selection), true) => describe(&viewer.article, selection, props.mention_index),
        _ => props.announcement.text.clone(),
    };
    html! {
        <div class="visually-hidden" role="status" aria-live="polite" id={dom::ANNOUNCER_ID}>
            { said }
        </div>
    }
}
