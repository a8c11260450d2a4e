//! Direct mount: a host page puts the viewer into one of its own elements. `dist/mount.js`
//! wraps this in a shadow root (so neither page's styles reach the other) and loads the CSS.

use crate::components::app::{App, AppProps};
use crate::components::context::Mode;
use crate::route::parse_options;
use crate::state::{Action, UiState};
use wasm_bindgen::prelude::*;

/// Mounts a viewer into `root`. `options` is a query string: `panel=timeline&theme=dark&cards=off`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: &str) {
    crate::web::install_panic_view(&root);
    let article = crate::bundled::article();
    let state = UiState::for_article(&article).apply(Action::ApplyOptions(parse_options(options)));
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            article: Some(std::rc::Rc::new(article)),
            initial_state: Some(state),
            mode: Mode::Mounted,
        },
    )
    .render();
}
