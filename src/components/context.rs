//! The context every component reads: the article (immutable), the UI reducer's handle, what
//! relates to the current selection (derived once per selection, not per component), the
//! viewer's root element and how the viewer was started.

use crate::model::related::Related;
use crate::model::Article;
use crate::state::UiState;
use std::rc::Rc;
use yew::prelude::*;

/// How the viewer was started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The page is the viewer (standalone, GitHub Pages, an iframe's document): it owns the
    /// URL hash, the document's keyboard and `<html data-theme>`.
    #[default]
    Page,
    /// Mounted into an element of someone else's page: it leaves the page's URL, keyboard and
    /// root element alone.
    Mounted,
}

#[derive(Clone, PartialEq)]
pub struct AppContext {
    pub article: Rc<Article>,
    pub ui: UseReducerHandle<UiState>,
    pub related: Rc<Related>,
    /// The viewer's root element: every DOM lookup starts here.
    pub root: NodeRef,
    pub mode: Mode,
}

impl AppContext {
    /// The root element, once rendered.
    pub fn root_element(&self) -> Option<web_sys::Element> {
        self.root.cast::<web_sys::Element>()
    }
}

/// What the article's text needs, and nothing that changes: the text renders once and never
/// re-renders when the selection changes (highlights are applied to it by
/// `effects::use_text_highlights`), so selecting stays fast however long the article is.
#[derive(Clone)]
pub struct TextContext {
    pub article: Rc<Article>,
    /// The prerendered body to adopt, if the viewer started on a page that has one.
    pub body: Option<web_sys::Element>,
    pub mode: Mode,
    /// Where this article's reader data is kept (see `AppProps::storage_key`).
    pub storage_key: AttrValue,
    pub dispatch: UseReducerDispatcher<UiState>,
}

impl PartialEq for TextContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && self.body == other.body
            && self.mode == other.mode
            && self.storage_key == other.storage_key
            && self.dispatch == other.dispatch
    }
}

#[hook]
pub fn use_text() -> TextContext {
    use_context::<TextContext>().expect("the text is rendered inside App")
}

/// The app's context; components are only ever rendered inside `App`.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App")
}
