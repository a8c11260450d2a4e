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

/// The viewer's root element (`.app`): every DOM lookup starts here. Either the viewer renders
/// it (a mount, server rendering, tests), or it is the page's own prerendered root, whose
/// parts come to life where they are (a page's islands: see `components::app`).
#[derive(Clone, PartialEq)]
pub enum Root {
    Rendered(NodeRef),
    Page(web_sys::Element),
}

impl Root {
    /// The element, once rendered.
    pub fn element(&self) -> Option<web_sys::Element> {
        match self {
            Root::Rendered(node) => node.cast::<web_sys::Element>(),
            Root::Page(element) => Some(element.clone()),
        }
    }

    /// Whether the viewer works in the page's own prerendered elements (nothing of the
    /// article is rendered or moved).
    pub fn in_place(&self) -> bool {
        matches!(self, Root::Page(_))
    }
}

#[derive(Clone)]
pub struct Viewer {
    pub article: Rc<Article>,
    /// The relations picture as the build laid it out.
    pub picture: Rc<Layout>,
    pub config: Config,
    /// The viewer's root element: every DOM lookup starts here.
    pub root: Root,
    /// The prerendered body to adopt, if the viewer started on a page that has one.
    pub body: Option<web_sys::Element>,
    /// Where this article's reader data is kept (see `crate::config::Start::storage_key`).
    pub storage_key: AttrValue,
    /// The article's text language when the interface speaks another (see
    /// [`Viewer::text_lang`]): worked out once, when the viewer starts.
    pub text_lang: Option<AttrValue>,
    /// The actors' pages in the article's site, if it has any.
    pub site: Rc<Vec<crate::config::SiteActor>>,
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
            && self.text_lang == other.text_lang
            && Rc::ptr_eq(&self.site, &other.site)
            && self.dispatch == other.dispatch
    }
}

/// The `lang` to mark the article's own words with inside an interface in `ui`: its text
/// language `text`, unless both are one language.
pub fn text_lang_among(text: &str, ui: crate::i18n::Lang) -> Option<AttrValue> {
    let primary = text.split(['-', '_']).next().unwrap_or_default();
    (!primary.eq_ignore_ascii_case(ui.tag())).then(|| AttrValue::from(text.to_string()))
}

impl Viewer {
    /// The root element, once rendered.
    pub fn root_element(&self) -> Option<web_sys::Element> {
        self.root.element()
    }

    /// The `lang` of the article's own words (its text language) where they sit among the
    /// interface's words: `None` when both are in one language (nothing to mark).
    pub fn text_lang(&self) -> Option<AttrValue> {
        self.text_lang.clone()
    }

    /// The `lang` of the interface's words where they sit inside the article's (its byline):
    /// `None` when both are in one language.
    pub fn ui_lang(&self) -> Option<AttrValue> {
        self.text_lang
            .as_ref()
            .map(|_| AttrValue::Static(self.config.lang.tag()))
    }

    /// The page of actor `id` in the article's site, if it has one.
    pub fn site_actor(&self, id: &str) -> Option<&crate::config::SiteActor> {
        self.site.iter().find(|a| a.id == id)
    }

    /// Dispatches an action to the view reducer (an [`Action`] or any of its groups:
    /// `viewer.dispatch(CardAction::Close)`).
    pub fn dispatch(&self, action: impl Into<Action>) {
        self.dispatch.dispatch(action.into());
    }

    /// A callback that dispatches `action`, whatever its event.
    pub fn on<E>(&self, action: impl Into<Action>) -> Callback<E> {
        let (dispatch, action) = (self.dispatch.clone(), action.into());
        Callback::from(move |_| dispatch.dispatch(action.clone()))
    }
}

/// The viewer's context; components are only ever rendered inside `App`.
#[hook]
pub fn use_viewer() -> Viewer {
    use_context::<Viewer>().expect("components are rendered inside App")
}
