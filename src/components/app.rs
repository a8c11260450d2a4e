//! The root. Data flow:
//!
//! 1. resolves how it was started ([`Start`]: the page's query string, or a host's mount
//!    options) into fixed configuration and the first view state;
//! 2. creates the view reducer ([`UiState`]) and derives what relates to the selection (once
//!    per selection, not per component);
//! 3. provides what never changes as the [`Viewer`] context and hands each component only
//!    its part of the state as props, so a change re-renders the components that show it;
//! 4. starts the effects (`crate::effects`) that carry the state out to the browser;
//! 5. on a page, shows the prerendered panels and feedback form for its first task and renders
//!    the live ones in the next, so that starting is two shorter tasks; the viewer is marked
//!    ready after that.

use super::announcer::Announcer;
use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::context::{Mode, Viewer};
use super::feedback_form::FeedbackForm;
use super::help_dialog::HelpDialog;
use super::mention_card::MentionCard;
use super::notice_bar::NoticeBar;
use super::panels::Panels;
use super::print_dossier::PrintDossier;
use super::toolbar::Toolbar;
use crate::config::{Config, Start};
use crate::dom;
use crate::effects::{
    use_click_outside_card, use_embed_bridge, use_follow_selection, use_keyboard, use_ready_mark,
    use_settings, use_text_highlights, use_url_sync,
};
use crate::model::graph::Layout;
use crate::model::related::{related, Related};
use crate::model::Article;
use crate::route::parse_options;
use crate::state::UiState;
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// The relations picture, laid out by the build (see `crate::model::graph`).
    pub picture: Rc<Layout>,
    /// What the server rendered that the viewer adopts; none in server-side rendering and
    /// tests, where everything is rendered.
    #[prop_or_default]
    pub prerendered: Prerendered,
    /// Where this article's reader data (feedback) is kept: one key per article and site.
    #[prop_or_default]
    pub storage_key: AttrValue,
    /// Where to start: options and view state (a host's mount, server-side rendering, tests);
    /// a page viewer reads its options from the page's query string.
    #[prop_or_default]
    pub initial_state: Option<Start>,
    /// A page of its own (the default) or mounted into a host page's element.
    #[prop_or_default]
    pub mode: Mode,
}

/// The parts of an article's prerendered page a viewer adopts as they are, taken out of the
/// page before the viewer renders ([`crate::start`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prerendered {
    /// The article's body (the page's, or the one a mount took from the article's page), for
    /// good: never rendered again. Without it the body is rendered from `article.blocks`.
    pub body: Option<web_sys::Element>,
    /// The print dossier, for good. Without it the server renderer renders `PrintDossier` (a
    /// viewer in the browser never does: it has no dossier to print then).
    pub dossier: Option<web_sys::Element>,
    /// The panels and the feedback form, for the first task only: the live ones render in the
    /// next (so that the first render is not one long task). Without them they render at once.
    pub panels: Option<web_sys::Element>,
    pub feedback: Option<web_sys::Element>,
}

impl Prerendered {
    /// Each part there is.
    pub fn elements(&self) -> impl Iterator<Item = &web_sys::Element> {
        [&self.body, &self.dossier, &self.panels, &self.feedback]
            .into_iter()
            .flatten()
    }
}

impl AppProps {
    /// A page viewer of `article` in its default state, rendering the body itself (and laying
    /// out its picture, as the build does).
    pub fn new(article: Rc<Article>) -> AppProps {
        AppProps {
            picture: Rc::new(crate::model::graph::layout(&article)),
            article,
            prerendered: Prerendered::default(),
            storage_key: AttrValue::default(),
            initial_state: None,
            mode: Mode::default(),
        }
    }
}

/// The configuration and first state of a viewer started with `start` in `mode`.
fn resolve(start: Option<Start>, mode: Mode) -> (Config, UiState) {
    let mut start = start.unwrap_or_default();
    let query = web::history::query();
    if mode == Mode::Page && !query.is_empty() {
        start.options = parse_options(&query);
    }
    start.resolve(mode)
}

/// A prerendered element, adopted as it is (nothing when there is none).
fn adopted(element: &Option<web_sys::Element>) -> Html {
    element
        .as_ref()
        .map_or_else(Html::default, |el| Html::VRef(el.clone().into()))
}

fn root_classes(config: &Config) -> Classes {
    classes!(
        dom::APP_CLASS,
        config.owns_the_page().then_some(dom::APP_PAGE),
        config.embed.then_some(dom::APP_EMBED),
        (config.mode == Mode::Mounted).then_some(dom::APP_MOUNTED),
        config.only_panel.is_some().then_some(dom::APP_SINGLE_PANEL),
    )
}

/// The effects of the whole viewer (the components start their own).
#[hook]
fn use_viewer_effects(
    viewer: &Viewer,
    ui: &UseReducerHandle<UiState>,
    related: Rc<Related>,
    deferred_live: bool,
) {
    let (article, root, config) = (&viewer.article, &viewer.root, viewer.config);
    let dispatch = || viewer.dispatch.clone();
    let mode = config.mode;
    use_url_sync(
        article.clone(),
        config.view(ui),
        mode,
        config.embed,
        dispatch(),
    );
    use_settings(ui.settings, mode, dispatch());
    use_keyboard(article.clone(), ui.clone(), root.clone(), mode);
    let pinned = ui.card.as_ref().is_some_and(|c| c.pinned);
    use_click_outside_card(pinned, dispatch());
    let (selection, index) = (ui.selection.clone(), ui.mention_index);
    use_follow_selection(selection.clone(), index, config.embed, root.clone());
    use_embed_bridge(article.clone(), config.embed, root.clone(), dispatch());
    use_text_highlights(selection, index, related, ui.card.clone(), root.clone());
    use_ready_mark(root.clone(), deferred_live);
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    crate::render_count::rendered("App");
    let article = props.article.clone();
    let start = {
        let (initial, mode) = (props.initial_state.clone(), props.mode);
        use_memo((), move |_| resolve(initial, mode))
    };
    let config = start.0;
    let ui = use_reducer(move || start.1.clone());
    let related_set = {
        let article = article.clone();
        use_memo(ui.selection.clone(), move |selection| {
            let found = selection.as_ref().map(|s| related(&article, s));
            Rc::new(found.unwrap_or_else(Related::default))
        })
    };
    let root = use_node_ref();
    let viewer = Viewer {
        article: article.clone(),
        picture: props.picture.clone(),
        config,
        root: root.clone(),
        body: props.prerendered.body.clone(),
        storage_key: props.storage_key.clone(),
        dispatch: ui.dispatcher(),
    };
    // The live panels and feedback form render in the task after the first; the prerendered
    // ones stand in.
    let deferred_live =
        use_state(|| props.prerendered.panels.is_none() && props.prerendered.feedback.is_none());
    {
        let deferred_live = deferred_live.clone();
        use_effect_with((), move |_| {
            if !*deferred_live {
                wasm_bindgen_futures::spawn_local(async move {
                    web::next_task().await;
                    deferred_live.set(true);
                });
            }
        });
    }
    use_viewer_effects(&viewer, &ui, (*related_set).clone(), *deferred_live);

    // The skip link moves focus without touching the URL hash (which holds the view).
    let skip_to_article = {
        let root = root.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(root) = root.cast::<web_sys::Element>() {
                web::dom::focus(&root, &dom::by_id(dom::ARTICLE_ID));
            }
        })
    };
    let panel = config.panel(&ui);
    html! {
        <ContextProvider<Viewer> context={viewer}>
            <div ref={root} class={root_classes(&config)} data-theme={ui.settings.theme.as_str()}>
                <a class="skip-link" href={dom::by_id(dom::ARTICLE_ID)} onclick={skip_to_article}>
                    { "Skip to the article" }
                </a>
                <Toolbar settings={ui.settings} {panel} sheet_open={ui.sheet_open}
                    help_open={ui.help_open} search={ui.search.clone()} />
                <NoticeBar notice={ui.notice.clone()} />
                <div class="layout">
                    <main id={dom::ARTICLE_ID} class="layout__main" tabindex="-1">
                        <article class="article" lang={article.meta.language.clone()}>
                            <ArticleHeader />
                            <ArticleBody />
                        </article>
                        if *deferred_live {
                            <FeedbackForm />
                        } else {
                            { adopted(&props.prerendered.feedback) }
                        }
                        // Inside the landmark of the text it is about.
                        <MentionCard card={ui.card.clone()} />
                    </main>
                    if *deferred_live {
                        <Panels {panel} sheet_open={ui.sheet_open} selection={ui.selection.clone()}
                            mention_index={ui.mention_index} related={(*related_set).clone()}
                            speaker_filter={ui.speaker_filter.clone()} />
                    } else {
                        { adopted(&props.prerendered.panels) }
                    }
                </div>
                // Only the server renders it: the wasm adopts the page's.
                if props.prerendered.dossier.is_none() && crate::config::prerendering() {
                    <PrintDossier />
                } else {
                    { adopted(&props.prerendered.dossier) }
                }
                <HelpDialog open={ui.help_open} />
                <Announcer selection={ui.selection.clone()} mention_index={ui.mention_index}
                    announcement={ui.announcement.clone()} />
            </div>
        </ContextProvider<Viewer>>
    }
}
