//! Messages with more than text in their placeholders: a sentence of the catalogue whose
//! `{a}` is a button and whose `{b}` a name ("{a} ally of {b}" / "{a}は{b}と同盟関係"), built in
//! the language's own word order.

use crate::i18n::{Lang, Message, Piece};
use yew::prelude::*;

/// `message` in `lang` with each placeholder replaced by its node in `slots` (a placeholder
/// without one shows its name, so a mistake shows; the catalogue's tests see that none is).
pub fn phrase(lang: Lang, message: impl Message, slots: Vec<(&str, Html)>) -> Html {
    let mut slots = slots;
    html! { <>
        { for lang.pieces(message).into_iter().map(|piece| match piece {
            Piece::Text(text) => html! { { text } },
            Piece::Slot(name) => match slots.iter().position(|(k, _)| *k == name) {
                Some(i) => slots.swap_remove(i).1,
                None => html! { { name } },
            },
        }) }
    </> }
}
