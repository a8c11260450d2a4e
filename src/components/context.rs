//! The context every component reads: the article (immutable) and the UI reducer's handle.

use crate::model::Article;
use crate::state::UiState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct AppContext {
    pub article: Rc<Article>,
    pub ui: UseReducerHandle<UiState>,
}

/// The app's context; components are only ever rendered inside `App`.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App")
}
