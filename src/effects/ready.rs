//! Marks the viewer's root as running (`data-ready`) once its effects have run: the
//! stylesheet shows the controls that need the wasm then, and tests wait for it. An attribute
//! set on the element, not state, so saying so re-renders nothing.

use crate::dom;
use crate::web::dom::set_attribute;
use yew::prelude::*;

#[hook]
pub fn use_ready_mark(root: NodeRef) {
    use_effect_with((), move |_| {
        if let Some(root) = root.cast::<web_sys::Element>() {
            set_attribute(&root, dom::READY_ATTRIBUTE, "true");
        }
    });
}
