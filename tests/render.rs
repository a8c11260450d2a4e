//! Components rendered to HTML natively with Yew's server renderer and asserted as text.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia::components::app::{App, AppProps};
use marginalia::model::Selection;
use marginalia::state::{PanelAction, SelectionAction, UiState};
use marginalia::view::Panel;
use std::rc::Rc;
use yew::LocalServerRenderer;

async fn render(props: AppProps) -> String {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async move {
            LocalServerRenderer::<App>::with_props(props)
                .hydratable(false)
                .render()
                .await
        })
        .await
}

async fn render_with(state: UiState) -> String {
    render(AppProps::with_state(Rc::new(common::seed()), state)).await
}

/// The HTML between the start of the element with this opening text and its article end.
fn body_of(html: &str) -> &str {
    let start = html
        .find("<div class=\"article__body\">")
        .expect("article body");
    let end = html[start..].find("</article>").expect("end of article") + start;
    &html[start..end]
}

fn selected(sel: Selection) -> UiState {
    UiState::default().apply(SelectionAction::Select(sel))
}

#[tokio::test]
async fn the_article_renders_as_semantic_html() {
    let html = render(AppProps::new(Rc::new(common::seed()))).await;
    assert!(html.contains("<article lang=\"en\" class=\"article\">"));
    assert!(html.contains("<h1 class=\"article__title\">Japan and South Korea sound alarm over Putin-Kim military pact</h1>"));
    assert!(html.contains("<time datetime=\"2024-06-20\">20 June 2024</time>"));
    assert!(html.contains("<time datetime=\"2024-07-15\">July 15, 2024</time>"));
    assert!(html.contains("44 S Broadway, White Plains, New York, 10601"));
    assert_eq!(
        body_of(&html).matches("<p>").count(),
        17,
        "seventeen body paragraphs"
    );
    assert!(!html.contains("Unlock the Editor"));
    assert!(html.contains("<main id=\"article\""));
    assert!(html.contains("<aside id=\"panels\""));
}

#[tokio::test]
async fn mentions_are_focusable_links_and_quotes_are_q() {
    let html = render(AppProps::new(Rc::new(common::seed()))).await;
    let body = body_of(&html);
    assert!(body.contains("id=\"mention-putin-0\" href=\"#actor=putin\" data-actor=\"putin\""));
    assert!(body.contains(">Vladimir Putin</a>"));
    let article = common::seed();
    let total: u32 = article.actors.iter().map(|a| a.mention_count).sum();
    assert_eq!(body.matches("class=\"mention\">").count() as u32, total);
    assert_eq!(body.matches("class=\"quote\">").count(), 16);
    // The ministry's words keep “(Putin’s)”: the mention sits inside the quote.
    assert!(body.contains("on (<a id=\"mention-putin-"));
}

#[tokio::test]
async fn the_three_panels_are_tabs_with_one_shown() {
    let html = render(AppProps::new(Rc::new(common::seed()))).await;
    assert!(html.contains("role=\"tablist\""));
    for (panel, shown) in [("actors", true), ("timeline", false), ("quotes", false)] {
        assert!(html.contains(&format!("id=\"tab-{panel}\"")), "{panel} tab");
        let at = html
            .find(&format!("id=\"panel-{panel}\""))
            .expect("tab panel");
        let tag_start = html[..at].rfind('<').unwrap();
        let tag = &html[tag_start..at + html[at..].find('>').unwrap()];
        assert_eq!(tag.contains("hidden"), !shown, "{panel}: {tag}");
    }
    assert!(html.contains("aria-selected=\"true\""));
    // Actors are grouped by kind, with their mention counts.
    for group in ["People", "States", "Organisations", "Media"] {
        assert!(html.contains(&format!(">{group}</h3>")), "{group}");
    }
    assert!(html.contains("<span class=\"actor__name\">Vladimir Putin</span>"));
    // The prerendered page holds every panel's content (readable with JavaScript off; the
    // tabs are links to the panels), the hidden ones hidden until a tab names them.
    assert_eq!(html.matches("class=\"event__head\"").count(), 11);
    assert_eq!(html.matches("class=\"quote-item__text\"").count(), 16);
    assert!(html.contains("href=\"#panel-timeline\""));
    // The timeline lists every event with a provenance badge; the quotes panel every quote.
    let show = |panel| UiState::default().apply(PanelAction::Show(panel));
    let timeline = render_with(show(Panel::Timeline)).await;
    assert_eq!(timeline.matches("class=\"event__head\"").count(), 11);
    assert!(timeline.contains("class=\"badge badge--inferred\""));
    let quotes = render_with(show(Panel::Quotes)).await;
    assert_eq!(quotes.matches("class=\"quote-item__text\"").count(), 16);
}

#[tokio::test]
async fn a_selected_actor_is_detailed_in_the_panel_and_the_text_stays_unmarked() {
    let html = render_with(selected(Selection::Actor("putin".into()))).await;
    let putin = common::seed().actor("putin").unwrap().mention_count as usize;
    // The text renders once, unmarked; the browser marks it (tests/browser.rs, e2e).
    assert_eq!(body_of(&html).matches("mention--selected").count(), 0);
    // Kim is related (a relation, shared events): tinted in the panel.
    assert!(html.contains("class=\"actor actor--related\""));
    assert!(html.contains("id=\"actor-details-putin\""));
    assert!(html.contains(&format!("Mention 1 of {putin}")));
    assert!(html.contains("Affiliation: "));
    assert!(html.contains("class=\"relation__evidence\""));
    assert!(html.contains("aria-expanded=\"true\""));
}

#[tokio::test]
async fn a_selected_event_explains_its_date() {
    let state = selected(Selection::Event("signing-2024".into()));
    assert_eq!(state.panel, Panel::Timeline);
    let html = render_with(state).await;
    assert!(html.contains("class=\"event event--selected\""));
    assert!(html.contains("Inferred: the article says “Wednesday”"));
    assert!(
        html.contains("<time datetime=\"2024-06-19\" class=\"event__date\">19 June 2024</time>")
    );
}

#[tokio::test]
async fn a_record_date_names_its_source_in_the_panel_and_the_dossier() {
    let html = render_with(selected(Selection::Event("treaty-1961".into()))).await;
    assert!(html.contains("Source: <a href=\"https://assets.documentcloud.org/documents/3005971/1961-Treaty-of-Friendship-Cooperation-and-Mutual.txt\""), "{html}");
    assert!(html.contains("Signed at Moscow, on 6 July 1961”"));
    let unchecked = render_with(selected(Selection::Event("ft-report-2024".into()))).await;
    assert!(unchecked.contains("Source not checked"));
    // The print dossier lists every record date's source, selected or not.
    let dossier = render_with(UiState::default()).await;
    let dossier = &dossier[dossier.find("class=\"dossier").unwrap()..];
    assert_eq!(dossier.matches("class=\"event__source\"").count(), 5);
    assert_eq!(dossier.matches("Source not checked").count(), 1);
}

#[tokio::test]
async fn the_header_names_the_source_as_written_and_says_republished_only_when_it_is() {
    let seed = render(AppProps::new(Rc::new(common::seed()))).await;
    assert!(seed.contains("<p class=\"article__kicker\">Financial Times</p>"));
    assert!(seed.contains("Republished "));
    let mut original = common::seed();
    original.meta.source.name = "The Dunmore Courier".into();
    original.meta.page_date = original.meta.source.date;
    original.meta.byline = Some("By Ana Reyes".into());
    let html = render(AppProps::new(Rc::new(original))).await;
    assert!(html.contains("<p class=\"article__kicker\">The Dunmore Courier</p>"));
    assert!(!html.contains("the The Dunmore"));
    assert!(!html.contains("Republished"));
    assert!(html.contains("<p class=\"article__author\">By Ana Reyes</p>"));
}

#[tokio::test]
async fn a_selected_quote_is_marked_in_the_panel() {
    let html = render_with(selected(Selection::Quote("kim-sacred-fight".into()))).await;
    assert!(html.contains("class=\"quote-item quote-item--selected\""));
    assert!(html.contains("aria-pressed=\"true\""));
}

#[tokio::test]
async fn text_is_escaped_never_interpreted() {
    use marginalia_content::markdown::parse_markdown;
    let mut article = common::seed();
    article.blocks =
        parse_markdown("<img src=x onerror=alert(1)> and <script>alert(2)</script>").blocks;
    let html = render(AppProps::new(Rc::new(article))).await;
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
}

#[tokio::test]
async fn the_feedback_section_offers_the_seed_criteria() {
    let html = render(AppProps::new(Rc::new(common::seed()))).await;
    assert!(html.contains(
        "<h2 id=\"feedback-title\" class=\"feedback__title\">Leave feedback about this</h2>"
    ));
    assert_eq!(html.matches("<fieldset class=\"rating\">").count(), 3);
    for criterion in ["quality", "price", "service"] {
        assert_eq!(
            html.matches(&format!("name=\"rate-{criterion}\"")).count(),
            5
        );
    }
    assert!(html.contains("1000 of 1000 characters left"));
    assert!(html.contains(">Choose image<") && html.contains(">Choose video<"));
    assert!(html.contains(">Add field</button>"));
}

/// A preview of drafts (`marginalia build --drafts`): what the drafter suggested and the writer
/// has not confirmed shows as suggested, dashed in the text and badged in its panel; the rest
/// is shown as always.
#[tokio::test]
async fn a_preview_of_drafts_shows_the_suggestions_as_such() {
    let mut article = common::seed();
    article.suggested = vec!["actor:putin".into(), "quote:kim-sacred-fight".into()];
    let quotes = UiState::default().apply(PanelAction::Show(Panel::Quotes));
    let html = render(AppProps::with_state(Rc::new(article.clone()), quotes)).await;
    let body = body_of(&html);
    let putin = article.actor("putin").unwrap().mention_count as usize;
    assert_eq!(
        body.matches("mention mention--suggested").count(),
        putin,
        "every mention of Putin, dashed"
    );
    assert_eq!(
        body.matches("mention--suggested").count(),
        putin,
        "and no other actor's"
    );
    assert_eq!(
        html.matches(">Suggested</span>").count(),
        2,
        "Putin's entry and the quote's: {html}"
    );
    // The published page (no suggestions) has neither.
    let published = render(AppProps::new(Rc::new(common::seed()))).await;
    assert!(!published.contains("suggested"));
}

#[tokio::test]
async fn words_said_together_name_every_speaker_and_filter_under_each() {
    let mut article = common::seed();
    let quote = article
        .quotes
        .iter_mut()
        .find(|q| q.id == "kim-sacred-fight")
        .expect("the seed's quote");
    quote.speakers = vec!["kim".into(), "putin".into()];
    let html = render(AppProps::new(Rc::new(article.clone()))).await;
    assert!(
        html.contains("Kim Jong Un</button> and <button"),
        "both speakers are buttons, joined as a reader says them"
    );
    assert!(html.contains("Copy the quote by Kim Jong Un and Vladimir Putin with its attribution"));
    let by =
        |speaker: &str| UiState::default().apply(PanelAction::FilterSpeaker(Some(speaker.into())));
    let entry = "id=\"quote-item-kim-sacred-fight\"";
    let html = render(AppProps::with_state(Rc::new(article.clone()), by("putin"))).await;
    assert!(html.contains(entry), "listed under each of its speakers");
    let html = render(AppProps::with_state(Rc::new(article), by("japan"))).await;
    assert!(!html.contains(entry), "and under nobody else");
}

#[tokio::test]
async fn the_source_links_to_where_it_was_published_and_says_why_it_may_be_republished() {
    let mut article = common::seed();
    article.meta.source.address = Some("https://www.state.gov/example".into());
    article.meta.source.rights = Some("A work of the U.S. federal government.".into());
    article.meta.publisher_address = String::new();
    let html = render(AppProps::new(Rc::new(article))).await;
    assert!(html.contains(
        "<a href=\"https://www.state.gov/example\" rel=\"noopener noreferrer\">Financial Times</a>"
    ));
    assert!(html.contains("A work of the U.S. federal government."));
    assert!(
        !html.contains("44 S Broadway"),
        "no empty address line, and no other"
    );
}

/// The seed (an English article) inside a Japanese or Korean interface: every word of the
/// interface in that language (from its catalogue), dates as it writes them, and each part
/// marked with its language so a screen reader pronounces it right.
#[tokio::test]
async fn an_english_article_in_a_japanese_or_korean_interface() {
    use marginalia::i18n::{viewer::Msg, Lang};
    let state = selected(Selection::Actor("putin".into()));
    for (lang, signing, day_of_report) in [
        (Lang::Ja, "2024年6月19日", "2024年6月20日"),
        (Lang::Ko, "2024년 6월 19일", "2024년 6월 20일"),
    ] {
        let props = AppProps::with_state(Rc::new(common::seed()), state.clone()).in_lang(lang);
        let html = render(props).await;
        // The root speaks the interface's language; the article keeps its own.
        assert!(
            html.contains(&format!(" lang=\"{}\"", lang.tag())),
            "{lang:?}"
        );
        assert!(html.contains("<article lang=\"en\" class=\"article\">"));
        // The tabs, the toolbar, the help and the feedback form, from the catalogue.
        for msg in [
            Msg::TabActors,
            Msg::TabTimeline,
            Msg::ToolbarCards,
            Msg::HelpTitle,
            Msg::FeedbackTitle,
        ] {
            assert!(html.contains(lang.t(msg)), "{lang:?}: {msg:?}");
        }
        assert!(!html.contains(">Timeline<") && !html.contains("Leave feedback about this"));
        // Dates as the language writes them (the byline's date marked with it).
        assert!(html.contains(&format!(
            "<time datetime=\"2024-06-20\" lang=\"{}\">{day_of_report}</time>",
            lang.tag()
        )));
        assert!(html.contains(signing), "{lang:?}: the signing's date");
        // The actor's own words are marked English inside the interface's.
        assert!(html.contains("<span lang=\"en\" class=\"actor__name\">Vladimir Putin</span>"));
        assert!(html.contains("<p lang=\"en\" class=\"actor__desc\">"));
        // Counted as the language counts (no plural forms).
        assert!(html.contains(&lang.n(Msg::Mentions, 7, &[])));
    }
    // In English, nothing is marked twice.
    let html = render_with(state).await;
    assert!(html.contains("<span class=\"actor__name\">Vladimir Putin</span>"));
}

/// In a site, an actor's entry links to the actor's page ("in 3 articles"), its count this
/// article's ("Mentioned 7 times here"); without a site, neither.
#[tokio::test]
async fn an_actor_in_a_site_links_to_its_page() {
    use marginalia::config::SiteActor;
    let state = selected(Selection::Actor("putin".into()));
    let site = vec![SiteActor {
        id: "putin".into(),
        href: "../actors/putin/index.html".into(),
        articles: 3,
    }];
    let props = AppProps::with_state(Rc::new(common::seed()), state.clone()).with_site(site);
    let html = render(props).await;
    assert!(html.contains("Mentioned 7 times here"));
    assert!(html.contains(
        "<a href=\"../actors/putin/index.html\" aria-label=\"Vladimir Putin across the site: in 3 articles\" class=\"actor__site\">in 3 articles</a>"
    ), "{}", &html[html.find("actor__site").map_or(0, |i| i.saturating_sub(200))..][..400.min(html.len())]);
    let alone = render_with(state).await;
    assert!(!alone.contains("actor__site") && !alone.contains("times here"));
}
