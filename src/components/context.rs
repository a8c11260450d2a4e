//! The context every component reads: the article (immutable), the UI reducer's handle, and
//! what relates to the current selection (derived once per selection, not per component).

use crate::model::related::Related;
use crate::model::Article;
use crate::state::UiState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct AppContext {
    pub article: Rc<Article>,
    pub ui: UseReducerHandle<UiState>,
    pub related: Rc<Related>,
}

/// The app's context; components are only ever rendered inside `App`.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App")
}
