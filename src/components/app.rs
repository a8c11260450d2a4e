//! The root. Data flow:
//!
//! 1. resolves how it was started ([`Start`]: a page's islands, a host's mount or rendered
//!    whole; the page's query string or the host's options) into fixed configuration and the
//!    first view state;
//! 2. creates the view reducer ([`UiState`]) and derives what relates to the selection (once
//!    per selection, not per component);
//! 3. provides what never changes as the [`Viewer`] context and hands each component only
//!    its part of the state as props, so a change re-renders the components that show it;
//! 4. starts the effects (`crate::effects`) that carry the state out to the browser
//!    (`ViewerEffects`, a component rendering nothing: on a page, in a task of their own);
//! 5. renders, in one of two ways:
//!    - a mount, the server renderer and the tests render the whole viewer into its root
//!      (a mount adopting the body and dossier it was given: `config::Prerendered`);
//!    - a page's viewer works in place (`Start::PageInPlace`): the prerendered page stays as
//!      it is, text, header and dossier never touched, and each of its islands gets its live
//!      part through a portal, one island a task, as `crate::islands` schedules them. The
//!      viewer is marked ready after the last.

use super::announcer::announcer;
use super::article_body::ArticleBody;
use super::article_header::article_header;
use super::byline::byline;
use super::context::{Mode, Root, Viewer};
#[cfg(not(target_arch = "wasm32"))]
use super::feedback_form::FeedbackForm;
#[cfg(target_arch = "wasm32")]
use super::feedback_later::FeedbackLater;
use super::help_dialog::help_dialog;
use super::mention_card::MentionCard;
use super::notice_bar::notice_bar;
use super::panels::panels;
use super::print_dossier::PrintDossier;
use super::skip_link::skip_link;
use super::toolbar::Toolbar;
use super::viewer_effects::ViewerEffects;
use crate::config::{Config, SiteActor, Start};
use crate::dom;
use crate::effects::use_page_root;
use crate::i18n::Lang;
use crate::islands::{use_live_islands, Island, Live};
use crate::model::graph::Layout;
use crate::model::related::{related, Related};
use crate::model::Article;
use crate::state::UiState;
use crate::view::Panel;
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// The relations picture, laid out by the build (see `crate::model::graph`).
    pub picture: Rc<Layout>,
    /// How the viewer starts: a page's prerendered viewer in place, a host's mount, or
    /// rendered whole (the default: server-side rendering and tests).
    #[prop_or_default]
    pub start: Start,
    /// The actors' pages in the article's site (none for an article without a site).
    #[prop_or_default]
    pub site: Rc<Vec<SiteActor>>,
}

impl AppProps {
    /// A viewer of `article` rendered whole in its default state (laying out its picture, as
    /// the build does).
    pub fn new(article: Rc<Article>) -> AppProps {
        AppProps {
            picture: Rc::new(crate::model::graph::layout(&article)),
            article,
            start: Start::default(),
            site: Rc::default(),
        }
    }

    /// The same, starting from `state`.
    pub fn with_state(article: Rc<Article>, state: UiState) -> AppProps {
        AppProps {
            start: state.into(),
            ..AppProps::new(article)
        }
    }

    /// The same, linking its actors to their pages in the site (the build's article pages).
    pub fn with_site(self, site: Vec<SiteActor>) -> AppProps {
        AppProps {
            site: Rc::new(site),
            ..self
        }
    }

    /// The same, its interface in `lang` (the build renders each page in its language).
    pub fn in_lang(self, lang: Lang) -> AppProps {
        let state = match self.start {
            Start::Rendered { state, .. } => state,
            _ => UiState::default(),
        };
        AppProps {
            start: Start::Rendered { state, lang },
            ..self
        }
    }
}

/// The configuration and first state of a viewer started with `start` (a viewer on a page of
/// its own reads the page's query string).
fn resolve(start: &Start) -> (Config, UiState) {
    let query = match start.mode() {
        Mode::Page => web::history::query(),
        Mode::Mounted => String::new(),
    };
    start.resolve(&query)
}

/// A prerendered element, adopted as it is (nothing when there is none).
fn adopted(element: Option<&web_sys::Element>) -> Html {
    element.map_or_else(Html::default, |el| Html::VRef(el.clone().into()))
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

/// What the live part of `island` is, in the current state.
fn island_content(
    island: Island,
    viewer: &Viewer,
    ui: &UiState,
    panel: Panel,
    related: &Rc<Related>,
) -> Html {
    match island {
        Island::SkipLink => skip_link(viewer),
        Island::Toolbar => html! {
            <Toolbar settings={ui.settings} {panel} sheet_open={ui.sheet_open}
                help_open={ui.help_open} search={ui.search.clone()} />
        },
        Island::Notice => notice_bar(viewer, ui.notice.as_deref()),
        // The server renders the form; the browser loads it once the reader comes near it.
        #[cfg(not(target_arch = "wasm32"))]
        Island::Feedback => html! { <FeedbackForm /> },
        #[cfg(target_arch = "wasm32")]
        Island::Feedback => html! { <FeedbackLater /> },
        // Inside the landmark of the text it is about.
        Island::Card => html! { <MentionCard card={ui.card.clone()} /> },
        Island::Panels => panels(viewer, ui, panel, related),
        Island::Help => help_dialog(viewer, ui.help_open),
        Island::Announcer => announcer(
            viewer,
            ui.selection.as_ref(),
            ui.mention_index,
            &ui.announcement,
        ),
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    crate::render_count::rendered("App");
    let article = props.article.clone();
    let start = &props.start;
    let first = {
        let start = start.clone();
        use_memo((), move |_| resolve(&start))
    };
    let config = first.0;
    let ui = use_reducer(move || first.1.clone());
    let related_set = {
        let article = article.clone();
        use_memo(ui.selection.clone(), move |selection| {
            let found = selection.as_ref().map(|s| related(&article, s));
            Rc::new(found.unwrap_or_else(Related::default))
        })
    };
    // Which words to mark with the article's language: fixed for the viewer's life.
    let text_lang = {
        let text = article.meta.language.clone();
        use_memo((), move |_| {
            super::context::text_lang_among(&text, config.lang)
        })
    };
    let rendered_root = use_node_ref();
    let root = match start.islands() {
        Some(islands) => Root::Page(islands.root.clone()),
        None => Root::Rendered(rendered_root.clone()),
    };
    let viewer = Viewer {
        article: article.clone(),
        picture: props.picture.clone(),
        config,
        root: root.clone(),
        body: start.body().cloned(),
        storage_key: start.storage_key(),
        text_lang: (*text_lang).clone(),
        site: props.site.clone(),
        dispatch: ui.dispatcher(),
    };
    let live = use_live_islands(start.islands().cloned());
    let related_set = (*related_set).clone();
    // The viewer's effects: on a page, from the task after the first render's (`Live::Effects`).
    let effects = if live >= Live::Effects {
        html! { <ViewerEffects ui={ui.clone()} related={related_set.clone()}
        all_live={live == Live::All} /> }
    } else {
        Html::default()
    };
    let classes = root_classes(&config);
    let theme = ui.settings.theme.as_str();
    use_page_root(root.clone(), classes.clone(), theme, config.lang.tag());

    let panel = config.panel(&ui);
    let content = |island: Island| island_content(island, &viewer, &ui, panel, &related_set);
    // A page built in another language than the viewer speaks (`?lang=`): the byline (the
    // header's one line of the interface's words) is said again in the viewer's, in place.
    let byline_element = use_memo((), {
        let (page_lang, root) = (start.page_lang(), root.clone());
        move |_| {
            let element = root.element()?.query_selector(dom::BYLINE).ok()??;
            (page_lang? != config.lang).then(|| {
                element.set_text_content(None);
                element
            })
        }
    });
    if let Some(islands) = start.islands() {
        // In place: each island's live part, through a portal, once its task has come (an
        // empty portal before that leaves the prerendered part standing).
        let said_again = (*byline_element)
            .clone()
            .map(|element| create_portal(byline(&viewer), element));
        return html! {
            <ContextProvider<Viewer> context={viewer.clone()}>
                <ArticleBody />
                { effects }
                { said_again.unwrap_or_default() }
                { for islands.elements.iter().map(|(island, element)| {
                    let part = if island.is_live(live) { content(*island) } else { Html::default() };
                    create_portal(part, element.clone())
                }) }
            </ContextProvider<Viewer>>
        };
    }
    let island = |island: Island| {
        html! {
            <div class={dom::ISLAND_CLASS} data-island={island.name()}>{ content(island) }</div>
        }
    };
    let dossier = start.dossier();
    html! {
        <ContextProvider<Viewer> context={viewer.clone()}>
            <div ref={rendered_root} class={classes} data-theme={theme} lang={config.lang.tag()}>
                { island(Island::SkipLink) }
                { island(Island::Toolbar) }
                { island(Island::Notice) }
                <div class="layout">
                    <main id={dom::ARTICLE_ID} class="layout__main" tabindex="-1">
                        <article class="article" lang={article.meta.language.clone()}>
                            { article_header(&viewer) }
                            <ArticleBody />
                        </article>
                        { island(Island::Feedback) }
                        { island(Island::Card) }
                    </main>
                    { island(Island::Panels) }
                </div>
                // Only the server renders it: the wasm adopts the page's.
                if dossier.is_none() && crate::config::sends_inert_parts(&viewer.article) {
                    <noscript data-section=""><PrintDossier /></noscript>
                } else if dossier.is_none() && crate::config::prerendering() {
                    <PrintDossier />
                } else {
                    { adopted(dossier) }
                }
                { island(Island::Help) }
                { island(Island::Announcer) }
            </div>
            { effects }
        </ContextProvider<Viewer>>
    }
}
