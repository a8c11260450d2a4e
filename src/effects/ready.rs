//! Marks the viewer's root as running (`data-ready`) once its effects have run: the
//! stylesheet shows the controls that need the wasm then, and tests wait for it. An attribute
//! set on the element, not state, so saying so re-renders nothing. Then a long article's
//! other sections are put in the page, one a task (`web::sections`).

use crate::components::context::Root;
use crate::dom;
use crate::web::dom::set_attribute;
use yew::prelude::*;

/// Marks the root ready once `ready` (the live panels are rendered).
#[hook]
pub fn use_ready_mark(root: Root, ready: bool) {
    use_effect_with(ready, move |&ready| {
        if let Some(root) = root.element().filter(|_| ready) {
            set_attribute(&root, dom::READY_ATTRIBUTE, "true");
            // A long article's other sections, now that the viewer has started.
            crate::web::sections::show_one_a_task(root);
        }
    });
}
