//! The root: decodes the embedded article once, creates the UI reducer, provides both.

use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::context::AppContext;
use crate::model::Article;
use crate::state::UiState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The article to show; the embedded one when absent.
    #[prop_or_default]
    pub article: Option<Rc<Article>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let article = {
        let given = props.article.clone();
        use_memo((), move |_| {
            given.unwrap_or_else(|| Rc::new(crate::bundled::article()))
        })
    };
    let ui = use_reducer(UiState::default);
    let context = AppContext {
        article: (*article).clone(),
        ui,
    };
    html! {
        <ContextProvider<AppContext> {context}>
            <div class="page">
                <main id="main" class="page__main">
                    <article class="article" lang={article.meta.language.clone()}>
                        <ArticleHeader />
                        <ArticleBody />
                    </article>
                </main>
            </div>
        </ContextProvider<AppContext>>
    }
}
