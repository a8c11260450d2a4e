//! The root. Data flow:
//!
//! 1. resolves how it was started ([`Start`]: the page's query string, or a host's mount
//!    options) into fixed configuration and the first view state;
//! 2. creates the view reducer ([`UiState`]) and derives what relates to the selection (once
//!    per selection, not per component);
//! 3. provides what never changes as the [`Viewer`] context and hands each component only
//!    its part of the state as props, so a change re-renders the components that show it;
//! 4. starts the effects (`crate::effects`) that carry the state out to the browser;
//! 5. renders, in one of two ways:
//!    - a mount, the server renderer and the tests render the whole viewer into its root
//!      (adopting a prerendered body and dossier when given: [`Prerendered`]);
//!    - a page's viewer works in place ([`Islands`]): the prerendered page stays as it is,
//!      text, header and dossier never touched, and each of its islands (`div.island`: the
//!      toolbar, the panels, the feedback form and the small parts) is emptied of its
//!      prerendered part and given the live one through a portal, one island a task (see
//!      [`Live`]), so that no start-up task is long. Focus in a part that goes live moves to
//!      the live part's element of the same id. The viewer is marked ready after the last.

use super::announcer::Announcer;
use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::context::{Mode, Root, Viewer};
use super::feedback_form::FeedbackForm;
use super::help_dialog::HelpDialog;
use super::mention_card::MentionCard;
use super::notice_bar::NoticeBar;
use super::panels::Panels;
use super::print_dossier::PrintDossier;
use super::skip_link::SkipLink;
use super::toolbar::Toolbar;
use crate::config::{Config, Start};
use crate::dom;
use crate::effects::{
    use_click_outside_card, use_embed_bridge, use_follow_selection, use_keyboard, use_page_root,
    use_ready_mark, use_settings, use_text_highlights, use_url_sync,
};
use crate::model::graph::Layout;
use crate::model::related::{related, Related};
use crate::model::Article;
use crate::route::parse_options;
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
    /// What the server rendered that the viewer adopts; none in server-side rendering and
    /// tests, where everything is rendered.
    #[prop_or_default]
    pub prerendered: Prerendered,
    /// A page's islands: the viewer then works in the page's own elements.
    #[prop_or_default]
    pub islands: Option<Islands>,
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

/// The parts of an article's prerendered page a viewer that renders itself adopts as they are
/// (a mount's, from the article's page; see [`crate::start`]), never rendering them again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prerendered {
    /// The article's body. Without it the body is rendered from `article.blocks`. On a page
    /// (with [`Islands`]) the page's own, left where it is.
    pub body: Option<web_sys::Element>,
    /// The print dossier. Without it the server renderer renders `PrintDossier` (a viewer in
    /// the browser never does: it has no dossier to print then).
    pub dossier: Option<web_sys::Element>,
}

/// The parts of the viewer that live in an island of their own (`div.island[data-island]`,
/// which the stylesheet lays out as if it were not there: `display: contents`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Island {
    SkipLink,
    Toolbar,
    Notice,
    Feedback,
    Card,
    Panels,
    Help,
    Announcer,
}

impl Island {
    pub const ALL: [Island; 8] = [
        Island::SkipLink,
        Island::Toolbar,
        Island::Notice,
        Island::Feedback,
        Island::Card,
        Island::Panels,
        Island::Help,
        Island::Announcer,
    ];

    /// Its `data-island` name.
    pub fn name(self) -> &'static str {
        match self {
            Island::SkipLink => "skip-link",
            Island::Toolbar => "toolbar",
            Island::Notice => "notice",
            Island::Feedback => "feedback",
            Island::Card => "card",
            Island::Panels => "panels",
            Island::Help => "help",
            Island::Announcer => "announcer",
        }
    }

    /// The task in which it goes live on a page: the small parts with the first render, then
    /// the panels, the toolbar and the feedback form, one a task.
    fn live_in(self) -> Live {
        match self {
            Island::Panels => Live::Panels,
            Island::Toolbar => Live::Toolbar,
            Island::Feedback => Live::All,
            Island::SkipLink | Island::Notice | Island::Card | Island::Help | Island::Announcer => {
                Live::None
            }
        }
    }
}

/// A page's prerendered viewer, which the viewer brings to life where it is: its root (`.app`)
/// and each island's element (see [`crate::start`], which finds them).
#[derive(Clone, Debug, PartialEq)]
pub struct Islands {
    pub root: web_sys::Element,
    pub elements: Vec<(Island, web_sys::Element)>,
}

impl Islands {
    /// Empties the islands that go live in `live` of their prerendered parts, just before their
    /// live parts render into them (in the same task: nothing is painted in between).
    pub fn take_prerendered(&self, live: Live) {
        for (island, element) in &self.elements {
            if island.live_in() == live {
                element.set_text_content(None);
            }
        }
    }
}

/// Which islands are live: on a page, the small ones from the first task (the prerendered
/// others stand in), then one more in each task after it; everything, in a viewer that renders
/// itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Live {
    None,
    Panels,
    Toolbar,
    All,
}

impl Live {
    /// The parts live in the task after this one's.
    fn next(self) -> Live {
        match self {
            Live::None => Live::Panels,
            Live::Panels => Live::Toolbar,
            Live::Toolbar | Live::All => Live::All,
        }
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
            islands: None,
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
    all_live: bool,
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
    use_ready_mark(root.clone(), all_live);
}

/// What the live part of `island` is, in the current state.
fn island_content(island: Island, ui: &UiState, panel: Panel, related: &Rc<Related>) -> Html {
    match island {
        Island::SkipLink => html! { <SkipLink /> },
        Island::Toolbar => html! {
            <Toolbar settings={ui.settings} {panel} sheet_open={ui.sheet_open}
                help_open={ui.help_open} search={ui.search.clone()} />
        },
        Island::Notice => html! { <NoticeBar notice={ui.notice.clone()} /> },
        Island::Feedback => html! { <FeedbackForm /> },
        // Inside the landmark of the text it is about.
        Island::Card => html! { <MentionCard card={ui.card.clone()} /> },
        Island::Panels => html! {
            <Panels {panel} sheet_open={ui.sheet_open} selection={ui.selection.clone()}
                mention_index={ui.mention_index} related={related.clone()}
                speaker_filter={ui.speaker_filter.clone()} />
        },
        Island::Help => html! { <HelpDialog open={ui.help_open} /> },
        Island::Announcer => html! {
            <Announcer selection={ui.selection.clone()} mention_index={ui.mention_index}
                announcement={ui.announcement.clone()} />
        },
    }
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
    let rendered_root = use_node_ref();
    let root = match &props.islands {
        Some(islands) => Root::Page(islands.root.clone()),
        None => Root::Rendered(rendered_root.clone()),
    };
    let viewer = Viewer {
        article: article.clone(),
        picture: props.picture.clone(),
        config,
        root: root.clone(),
        body: props.prerendered.body.clone(),
        storage_key: props.storage_key.clone(),
        dispatch: ui.dispatcher(),
    };
    let live = use_state(|| match props.islands {
        Some(_) => Live::None,
        None => Live::All,
    });
    let focused = use_mut_ref(|| None::<String>);
    {
        let (live, islands) = (live.clone(), props.islands.clone());
        use_effect_with(*live, move |&now| {
            if let Some(id) = focused.borrow_mut().take() {
                web::dom::refocus(&id);
            }
            if let Some(islands) = islands.filter(|_| now != Live::All) {
                wasm_bindgen_futures::spawn_local(async move {
                    web::next_task().await;
                    *focused.borrow_mut() = web::dom::focused_id();
                    islands.take_prerendered(now.next());
                    live.set(now.next());
                });
            }
        });
    }
    use_viewer_effects(&viewer, &ui, (*related_set).clone(), *live == Live::All);
    let classes = root_classes(&config);
    let theme = ui.settings.theme.as_str();
    use_page_root(root, classes.clone(), theme);

    let related_set = (*related_set).clone();
    let panel = config.panel(&ui);
    let content = |island: Island| island_content(island, &ui, panel, &related_set);
    if let Some(islands) = &props.islands {
        // In place: each island's live part, through a portal, once its task has come (an
        // empty portal before that leaves the prerendered part standing).
        return html! {
            <ContextProvider<Viewer> context={viewer}>
                <ArticleBody />
                { for islands.elements.iter().map(|(island, element)| {
                    let part = if *live >= island.live_in() { content(*island) } else { Html::default() };
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
    html! {
        <ContextProvider<Viewer> context={viewer}>
            <div ref={rendered_root} class={classes} data-theme={theme}>
                { island(Island::SkipLink) }
                { island(Island::Toolbar) }
                { island(Island::Notice) }
                <div class="layout">
                    <main id={dom::ARTICLE_ID} class="layout__main" tabindex="-1">
                        <article class="article" lang={article.meta.language.clone()}>
                            <ArticleHeader />
                            <ArticleBody />
                        </article>
                        { island(Island::Feedback) }
                        { island(Island::Card) }
                    </main>
                    { island(Island::Panels) }
                </div>
                // Only the server renders it: the wasm adopts the page's.
                if props.prerendered.dossier.is_none() && crate::config::prerendering() {
                    <PrintDossier />
                } else {
                    { adopted(&props.prerendered.dossier) }
                }
                { island(Island::Help) }
                { island(Island::Announcer) }
            </div>
        </ContextProvider<Viewer>>
    }
}
