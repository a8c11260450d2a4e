//! The root: decodes the embedded article once, creates the UI reducer, derives what relates
//! to the selection, provides all three as context, starts the effects, lays out the page.

use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::context::AppContext;
use super::effects::{
    use_click_outside_card, use_follow_selection, use_keyboard, use_settings, use_url_sync,
};
use super::help_dialog::HelpDialog;
use super::mention_card::MentionCard;
use super::notice_bar::NoticeBar;
use super::panels::Panels;
use super::toolbar::Toolbar;
use crate::model::related::{related, Related};
use crate::model::Article;
use crate::state::UiState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The article to show; the embedded one when absent.
    #[prop_or_default]
    pub article: Option<Rc<Article>>,
    /// The state to start from (server-side rendering and tests); the default otherwise.
    #[prop_or_default]
    pub initial_state: Option<UiState>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let article = {
        let given = props.article.clone();
        use_memo((), move |_| {
            given.unwrap_or_else(|| Rc::new(crate::bundled::article()))
        })
    };
    let article: Rc<Article> = (*article).clone();
    let ui = {
        let initial = props.initial_state.clone();
        use_reducer(move || initial.unwrap_or_default())
    };
    let related_set = {
        let article = article.clone();
        use_memo(ui.selection.clone(), move |selection| {
            Rc::new(
                selection
                    .as_ref()
                    .map(|s| related(&article, s))
                    .unwrap_or_else(Related::default),
            )
        })
    };

    use_url_sync(article.clone(), ui.clone());
    use_settings(ui.clone());
    use_keyboard(article.clone(), ui.clone());
    use_click_outside_card(ui.clone());
    use_follow_selection(article.clone(), ui.clone());

    // The skip link moves focus without touching the URL hash (which holds the view).
    let skip_to_article = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::web::focus_id("article");
    });

    let context = AppContext {
        article: article.clone(),
        ui: ui.clone(),
        related: (*related_set).clone(),
    };
    html! {
        <ContextProvider<AppContext> {context}>
            <div class={classes!("app", ui.sheet_open.then_some("app--sheet-open"))}>
                <a class="skip-link" href="#article" onclick={skip_to_article}>
                    { "Skip to the article" }
                </a>
                <Toolbar />
                <NoticeBar />
                <div class="layout">
                    <main id="article" class="layout__main" tabindex="-1">
                        <article class="article" lang={article.meta.language.clone()}>
                            <ArticleHeader />
                            <ArticleBody />
                        </article>
                    </main>
                    <Panels />
                </div>
                <MentionCard />
                <HelpDialog />
                <div class="visually-hidden" role="status" aria-live="polite" id="announcer">
                    { ui.announcement.clone() }
                </div>
            </div>
        </ContextProvider<AppContext>>
    }
}
