//! Marks what is selected and what relates to it in the article's text, which Yew renders
//! once (see `components::article_body`): on each change the marks of the previous selection
//! are taken off and the new ones put on, touching only those elements. The class names are
//! `crate::dom`'s, which the stylesheet styles.

use crate::components::context::Root;
use crate::dom;
use crate::model::related::Related;
use crate::state::{Card, Selection};
use crate::web::dom::{
    add_class_everywhere, remove_attribute_everywhere, remove_class_everywhere,
    set_attribute_everywhere,
};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

fn clear(root: &Element) {
    for class in dom::HIGHLIGHT_CLASSES {
        remove_class_everywhere(root, &dom::in_body_with_class(class), class);
    }
    for attribute in ["aria-current", "aria-describedby"] {
        remove_attribute_everywhere(root, &dom::in_body_with_attribute(attribute), attribute);
    }
}

fn mark_selection(root: &Element, selection: &Selection, index: u32) {
    match selection {
        Selection::Actor(id) => {
            add_class_everywhere(root, &dom::mentions_of(id), dom::MENTION_SELECTED);
            set_attribute_everywhere(root, &dom::mentions_of(id), "aria-current", "true");
            let current = dom::in_body(&dom::mention_selector(id, index));
            add_class_everywhere(root, &current, dom::MENTION_CURRENT);
        }
        Selection::Event(id) => {
            add_class_everywhere(root, &dom::sentences_of(id), dom::SENTENCE_SELECTED)
        }
        Selection::Quote(id) => {
            let quote = dom::in_body(&dom::quote_selector(id));
            add_class_everywhere(root, &quote, dom::QUOTE_SELECTED)
        }
        Selection::Relation(id) => {
            add_class_everywhere(root, &dom::evidence_of(id), dom::SENTENCE_SELECTED)
        }
    }
}

fn mark_related(root: &Element, related: &Related) {
    for id in &related.actors {
        add_class_everywhere(root, &dom::mentions_of(id), dom::MENTION_RELATED);
    }
    for id in &related.events {
        let not_selected = format!("{}:not(.{})", dom::sentences_of(id), dom::SENTENCE_SELECTED);
        add_class_everywhere(root, &not_selected, dom::SENTENCE_RELATED);
    }
    for id in &related.quotes {
        let quote = dom::in_body(&dom::quote_selector(id));
        add_class_everywhere(root, &quote, dom::QUOTE_RELATED);
    }
}

#[hook]
pub fn use_text_highlights(
    selection: Option<Selection>,
    mention_index: u32,
    related: Rc<Related>,
    card: Option<Card>,
    root: Root,
) {
    let card = card.map(|c| (c.actor, c.mention));
    let key = (selection, mention_index, related, card);
    use_effect_with(key, move |(selection, index, related, card)| {
        let Some(root) = root.element() else {
            return;
        };
        // What is marked may be anywhere in a long article: all of it in the page first.
        if selection.is_some() || !related.is_empty() || card.is_some() {
            crate::web::sections::show_all(&root);
        }
        clear(&root);
        if let Some(selection) = selection {
            mark_selection(&root, selection, *index);
        }
        mark_related(&root, related);
        if let Some((actor, mention)) = card {
            let anchor = dom::in_body(&dom::mention_selector(actor, *mention));
            set_attribute_everywhere(&root, &anchor, "aria-describedby", dom::MENTION_CARD_ID);
        }
    });
}
