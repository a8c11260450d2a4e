//! The app mounted in real Chromium (wasm-bindgen-test): the article and its mentions are in
//! the DOM; clicks, focus and Esc drive the selection, the cards and the panels. Waits are
//! `yew::scheduler::flush()`, never sleeps.

#![cfg(target_arch = "wasm32")]

mod common;

use marginalia::components::app::{App, AppProps};
use marginalia::model::Selection;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    async fn new() -> Mounted {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = AppProps::new(Rc::new(common::seed()));
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        Mounted {
            root,
            handle: Some(handle),
        }
    }

    fn el(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("{selector} not found"))
            .dyn_into()
            .unwrap()
    }

    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.el(selector).get_attribute(name)
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
        // Leave the URL as found for the next test.
        let _ = web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"));
    }
}

async fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    document.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

fn mentions_of(actor: &str) -> u32 {
    common::seed().actor(actor).unwrap().mention_count
}

#[wasm_bindgen_test]
async fn the_article_and_its_mentions_are_in_the_dom() {
    let app = Mounted::new().await;
    assert_eq!(
        app.el("h1").text_content().unwrap(),
        "Japan and South Korea sound alarm over Putin-Kim military pact"
    );
    assert_eq!(app.count(".article__body p"), 17);
    let text = app.root.text_content().unwrap();
    assert!(text.contains("“They are supporting each other in a way we haven’t seen before,” Stoltenberg said during an official visit to Ottawa."));
    let article = common::seed();
    let expected: u32 = article.actors.iter().map(|a| a.mention_count).sum();
    assert_eq!(app.count("a.mention"), expected);
    let first = app.el("a.mention");
    first.focus().unwrap();
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.id(), first.id());
}

#[wasm_bindgen_test]
async fn clicking_a_mention_selects_every_mention_and_pins_a_card() {
    let app = Mounted::new().await;
    app.el("#mention-putin-1").click();
    yew::scheduler::flush().await;
    assert_eq!(app.count(".mention--selected"), mentions_of("putin"));
    assert_eq!(
        app.count(".mention--selected[data-actor=putin]"),
        mentions_of("putin")
    );
    assert_eq!(app.attr("#mention-card", "role").as_deref(), Some("dialog"));
    assert_eq!(
        app.attr("#actor-putin", "aria-expanded").as_deref(),
        Some("true")
    );
    // Clicking it again clears the selection and the card.
    app.el("#mention-putin-1").click();
    yew::scheduler::flush().await;
    assert_eq!(app.count(".mention--selected"), 0);
    assert!(app.el("#mention-card").has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn focus_shows_a_card_and_blur_hides_it() {
    let app = Mounted::new().await;
    let kim = app.el("#mention-kim-0");
    kim.focus().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        app.attr("#mention-card", "role").as_deref(),
        Some("tooltip")
    );
    assert!(app
        .el("#mention-card")
        .text_content()
        .unwrap()
        .contains("Kim Jong Un"));
    assert_eq!(
        app.attr("#mention-kim-0", "aria-describedby").as_deref(),
        Some("mention-card")
    );
    kim.blur().unwrap();
    yew::scheduler::flush().await;
    assert!(app.el("#mention-card").has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn escape_closes_the_card_then_clears_the_selection() {
    let app = Mounted::new().await;
    app.el("#mention-kim-2").click();
    yew::scheduler::flush().await;
    assert_eq!(app.count(".mention--selected"), mentions_of("kim"));
    press("Escape").await;
    assert!(
        app.el("#mention-card").has_attribute("hidden"),
        "first Esc: card"
    );
    assert_eq!(app.count(".mention--selected"), mentions_of("kim"));
    press("Escape").await;
    assert_eq!(app.count(".mention--selected"), 0, "second Esc: selection");
}

#[wasm_bindgen_test]
async fn tabs_switch_panels_and_panel_items_select() {
    let app = Mounted::new().await;
    assert!(app.el("#panel-timeline").has_attribute("hidden"));
    app.el("#tab-timeline").click();
    yew::scheduler::flush().await;
    assert!(!app.el("#panel-timeline").has_attribute("hidden"));
    assert!(app.el("#panel-actors").has_attribute("hidden"));
    assert_eq!(
        app.attr("#tab-timeline", "aria-selected").as_deref(),
        Some("true")
    );
    app.el("#event-signing-2024").click();
    yew::scheduler::flush().await;
    assert!(app.count(".sentence--selected[data-events~=signing-2024]") >= 4);
    assert!(app.count("#event-details-signing-2024") == 1);
    // The event's actors are marked in the text as related.
    assert!(app.count(".mention--related[data-actor=putin]") >= 1);
    press("q").await;
    assert!(
        !app.el("#panel-quotes").has_attribute("hidden"),
        "q opens the quotes panel"
    );
}

#[wasm_bindgen_test]
async fn the_error_view_replaces_the_viewer_with_a_message_and_a_reload_link() {
    let app = Mounted::new().await;
    // What the panic hook installed by main.rs and mount() shows: forced here directly, since
    // a real panic aborts the wasm (panic = "abort").
    marginalia::web::crash::show_crash(
        &app.root,
        marginalia::i18n::Lang::En,
        "index out of range <script>window.__pwned=1</script>",
    );
    let alert = app.el(".crash[role=alert]");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Something went wrong in the viewer."));
    assert!(alert
        .text_content()
        .unwrap()
        .contains("The error was: index out of range <script>"));
    assert_eq!(app.count("script"), 0, "the message is text, never HTML");
    assert_eq!(app.count(".article__body"), 0, "the dead viewer is gone");
    let reload = app.el(".crash a");
    assert_eq!(reload.text_content().unwrap(), "Reload the page");
    assert_eq!(
        reload.get_attribute("href"),
        Some(web_sys::window().unwrap().location().href().unwrap())
    );
}

/// Types `value` into the field `selector` as a reader would (one input event).
async fn type_into(app: &Mounted, selector: &str, value: &str) {
    let field = app.el(selector);
    if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    }
    if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
    field
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

/// How many actors' entries look different after the selection goes from `before` to `after`
/// (selected, or related to the selection).
fn entries_changed(
    article: &marginalia::model::Article,
    before: Option<&Selection>,
    after: Option<&Selection>,
) -> u32 {
    use marginalia::model::related::related;
    let state = |sel: Option<&Selection>, id: &str| {
        let rel = sel.map(|s| related(article, s)).unwrap_or_default();
        (
            sel == Some(&Selection::Actor(id.to_string())),
            rel.actors.contains(id),
        )
    };
    article
        .actors
        .iter()
        .filter(|a| state(before, &a.id) != state(after, &a.id))
        .count() as u32
}

#[wasm_bindgen_test]
async fn a_change_re_renders_only_the_components_that_show_it() {
    use marginalia::render_count::take;
    if !cfg!(debug_assertions) {
        return; // renders are counted in debug builds only
    }
    take(); // what earlier tests rendered
    let app = Mounted::new().await;
    // Starting renders each component once, then nothing again.
    let seed = common::seed();
    let actors = seed.actors.len() as u32;
    let first = take();
    assert!(
        first.iter().all(|(c, n)| *n
            == match *c {
                "ActorEntry" => actors, // the panel shown first
                _ => 1,
            }),
        "{first:?}"
    );
    yew::scheduler::flush().await;
    assert_eq!(take(), []);
    // A selection in the panel: the root (and its effects, and the parts it renders as
    // functions: the panels' frame and tabs, the live region), the actors' panel.
    // Of the actors' entries, only those whose state changes: the one selected and the ones
    // that relate to it.
    app.el("#actor-kim").click();
    yew::scheduler::flush().await;
    let kim = Selection::Actor("kim".into());
    assert_eq!(
        take(),
        [
            ("ActorEntry", entries_changed(&seed, None, Some(&kim))),
            ("ActorsPanel", 1),
            ("App", 1),
            ("ViewerEffects", 1)
        ]
    );
    // A mention in the text: the same, and its card.
    app.el("#mention-putin-0").click();
    yew::scheduler::flush().await;
    let putin = Selection::Actor("putin".into());
    let changed = entries_changed(&seed, Some(&kim), Some(&putin));
    assert!(changed >= 2 && changed < actors, "{changed}");
    assert_eq!(
        take(),
        [
            ("ActorEntry", changed),
            ("ActorsPanel", 1),
            ("App", 1),
            ("MentionCard", 1),
            ("ViewerEffects", 1)
        ]
    );
    // A keystroke in the search: one action, so one render of the bar that shows it (and of
    // the root and its effects, which carry the state out).
    type_into(&app, "#search-input", "k").await;
    assert_eq!(
        take(),
        [
            ("App", 1),
            ("SearchBox", 1),
            ("Toolbar", 1),
            ("ViewerEffects", 1)
        ]
    );
}

/// Find-in-article lower-cases with the browser's `toLowerCase` (`marginalia::web::case`),
/// not std's tables: over every character up to U+1FFFF (every one that has a case), the two
/// give the same one-character lower case, and the same matches.
#[wasm_bindgen_test]
fn the_browser_lower_cases_as_std_does() {
    use marginalia::model::search::{find_matches, find_matches_by, unicode_lower};
    use marginalia::web::case::browser_lower;
    let differ: Vec<char> = (0..0x2_0000u32)
        .filter_map(char::from_u32)
        .filter(|&c| browser_lower(c) != unicode_lower(c))
        .collect();
    assert_eq!(differ, Vec::<char>::new());
    assert_eq!(browser_lower('Σ'), 'σ');
    assert_eq!(
        browser_lower('İ'),
        'İ',
        "two characters in lower case: kept"
    );
    let blocks = vec!["Ἀθῆναι and ÉCOLE, İstanbul, ΑΘΗΝΑ".to_string()];
    for query in ["ἀθῆναι", "école", "istanbul", "İstanbul", "αθηνα"] {
        assert_eq!(
            find_matches_by(&blocks, query, &mut browser_lower),
            find_matches(&blocks, query),
            "{query}"
        );
    }
    assert_eq!(
        find_matches_by(&blocks, "école", &mut browser_lower).len(),
        1
    );
}
