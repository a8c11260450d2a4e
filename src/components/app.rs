//! The root: takes the article it is given, creates the UI reducer, derives what relates
//! to the selection, provides all three as context, starts the effects, lays out the page.

use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::context::{AppContext, Mode, TextContext};
use super::effects::{
    describe, use_click_outside_card, use_embed_bridge, use_follow_selection, use_keyboard,
    use_settings, use_text_highlights, use_url_sync,
};
use super::feedback_form::FeedbackForm;
use super::help_dialog::HelpDialog;
use super::mention_card::MentionCard;
use super::notice_bar::NoticeBar;
use super::panels::Panels;
use super::print_dossier::PrintDossier;
use super::toolbar::Toolbar;
use crate::model::related::{related, Related};
use crate::model::Article;
use crate::state::{Action, UiState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// The article's prerendered body, adopted as it is (the page's, or the one a mount took
    /// from the article's page). Without it (server-side rendering, tests) the body is
    /// rendered from `article.blocks`.
    #[prop_or_default]
    pub body: Option<web_sys::Element>,
    /// Where this article's reader data (feedback) is kept: one key per article and site.
    #[prop_or_default]
    pub storage_key: AttrValue,
    /// The state to start from (server-side rendering and tests); the default otherwise.
    #[prop_or_default]
    pub initial_state: Option<UiState>,
    /// A page of its own (the default) or mounted into a host page's element.
    #[prop_or_default]
    pub mode: Mode,
}

impl AppProps {
    /// A page viewer of `article` in its default state, rendering the body itself.
    pub fn new(article: Rc<Article>) -> AppProps {
        AppProps {
            article,
            body: None,
            storage_key: AttrValue::default(),
            initial_state: None,
            mode: Mode::default(),
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let article = props.article.clone();
    let ui = {
        let initial = props.initial_state.clone();
        let article = article.clone();
        use_reducer(move || initial.unwrap_or_else(|| UiState::for_article(&article)))
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

    let root = use_node_ref();
    let mode = props.mode;
    use_url_sync(article.clone(), ui.clone(), mode);
    use_settings(ui.clone(), mode);
    use_keyboard(article.clone(), ui.clone(), root.clone(), mode);
    use_click_outside_card(ui.clone());
    use_follow_selection(ui.clone(), root.clone());
    use_embed_bridge(article.clone(), ui.clone(), root.clone());
    use_text_highlights(ui.clone(), (*related_set).clone(), root.clone());
    {
        let ui = ui.clone();
        use_effect_with((), move |_| ui.dispatch(Action::Ready));
    }

    // The skip link moves focus without touching the URL hash (which holds the view).
    let skip_to_article = {
        let root = root.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(root) = root.cast::<web_sys::Element>() {
                crate::web::focus(&root, "#article");
            }
        })
    };

    let text = TextContext {
        article: article.clone(),
        body: props.body.clone(),
        mode,
        storage_key: props.storage_key.clone(),
        dispatch: ui.dispatcher(),
    };
    let context = AppContext {
        article: article.clone(),
        ui: ui.clone(),
        related: (*related_set).clone(),
        root: root.clone(),
        mode,
    };
    html! {
        <ContextProvider<TextContext> context={text}>
        <ContextProvider<AppContext> {context}>
            <div
                ref={root}
                class={classes!(
                    "app",
                    (mode == Mode::Page && !ui.embed).then_some("app--page"),
                    ui.embed.then_some("app--embed"),
                    (mode == Mode::Mounted).then_some("app--mounted"),
                    ui.only_panel.is_some().then_some("app--single-panel"),
                )}
                data-theme={ui.theme.as_str()}
                data-ready={ui.ready.then_some("true")}
            >
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
                        <FeedbackForm
                            feedback={ui.feedback.clone()}
                            message={ui.feedback_message.clone()}
                        />
                        // Inside the landmark of the text it is about.
                        <MentionCard />
                    </main>
                    <Panels />
                </div>
                <PrintDossier />
                <HelpDialog />
                <div class="visually-hidden" role="status" aria-live="polite" id="announcer">
                    { match (&ui.selection, ui.announce_selection) {
                        (Some(selection), true) => describe(&article, selection, ui.mention_index),
                        _ => ui.announcement.clone(),
                    } }
                </div>
            </div>
        </ContextProvider<AppContext>>
        </ContextProvider<TextContext>>
    }
}
