//! The viewer's one context: what never changes while it runs — the article and its relations
//! picture, how it was
//! started, its root element, its prerendered body, where its reader data is kept, and the
//! view reducer's dispatcher. Every component may read it, and none re-renders because of
//! it. What changes (the selection, the panel, the search…) reaches each component as props
//! holding only its part of the state.

use crate::config::Config;
pub use crate::config::Mode;
use crate::model::graph::Layout;
use crate::model::Article;
use crate::state::{Action, UiState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct Viewer {
    pub article: Rc<Article>,
    /// The relations picture as the build laid it out.
    pub picture: Rc<Layout>,
    pub config: Config,
    /// The viewer's root element: every DOM lookup starts here.
    pub root: NodeRef,
    /// The prerendered body to adopt, if the viewer started on a page that has one.
    pub body: Option<web_sys::Element>,
    /// Where this article's reader data is kept (see `AppProps::storage_key`).
    pub storage_key: AttrValue,
    pub dispatch: UseReducerDispatcher<UiState>,
}

impl PartialEq for Viewer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && Rc::ptr_eq(&self.picture, &other.picture)
            && self.config == other.config
            && self.root == other.root
            && self.body == other.body
            && self.storage_key == other.storage_key
            && self.dispatch == other.dispatch
    }
}

impl Viewer {
    /// The root element, once rendered.
    pub fn root_element(&self) -> Option<web_sys::Element> {
        self.root.cast::<web_sys::Element>()
    }

    pub fn dispatch(&self, action: Action) {
        self.dispatch.dispatch(action);
    }

    /// A callback that dispatches `action`, whatever its event.
    pub fn on<E>(&self, action: Action) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action.clone()))
    }
}

/// The viewer's context; components are only ever rendered inside `App`.
#[hook]
pub fn use_viewer() -> Viewer {
    use_context::<Viewer>().expect("components are rendered inside App")
}
