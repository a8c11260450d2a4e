//! When the selection (or the current mention) changes, its place in the text is brought into
//! view if it is not already: measured and scrolled just before the next paint, so that the
//! task that changed the selection forces no layout.

use crate::components::context::Root;
use crate::dom;
use crate::state::Selection;
use crate::web::before_next_paint;
use crate::web::dom::{covered_top, find, scroll_into_view, viewport};
use yew::prelude::*;

#[hook]
pub fn use_follow_selection(
    selection: Option<Selection>,
    mention_index: u32,
    embed: bool,
    root: Root,
) {
    let first = use_mut_ref(|| true);
    use_effect_with((selection, mention_index), move |(selection, index)| {
        let Some(selection) = selection else {
            return;
        };
        // An embed opened on a selection must not scroll the host page on load.
        if std::mem::replace(&mut *first.borrow_mut(), false) && embed {
            return;
        }
        let Some(root) = root.element() else {
            return;
        };
        let anchor = dom::text_anchor(selection, *index);
        before_next_paint(move || {
            if let Some(el) = find(&root, &anchor) {
                let rect = el.get_bounding_client_rect();
                let (_, height) = viewport((0.0, 0.0));
                // Only what is out of sight moves (under the sticky toolbar counts as out of
                // sight).
                if rect.top() < covered_top(&root, dom::TOOLBAR) || rect.bottom() > height {
                    scroll_into_view(&el);
                }
            }
        });
    });
}
