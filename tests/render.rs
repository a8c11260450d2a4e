//! Components rendered to HTML natively with Yew's server renderer and asserted as text.

#![cfg(not(target_arch = "wasm32"))]

use marginalia::components::app::App;
use yew::LocalServerRenderer;

async fn render_app() -> String {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            LocalServerRenderer::<App>::new()
                .hydratable(false)
                .render()
                .await
        })
        .await
}

#[tokio::test]
async fn the_article_renders_as_semantic_html() {
    let html = render_app().await;
    assert!(html.contains("<article lang=\"en\" class=\"article\">"));
    assert!(html.contains("<h1 class=\"article__title\">Japan and South Korea sound alarm over Putin-Kim military pact</h1>"));
    assert!(html.contains("<time datetime=\"2024-06-20\">20 June 2024</time>"));
    assert!(html.contains("<time datetime=\"2024-07-15\">July 15, 2024</time>"));
    assert!(html.contains("44 S Broadway, White Plains, New York, 10601"));
    assert_eq!(html.matches("<p>").count(), 17, "seventeen body paragraphs");
    assert!(!html.contains("Unlock the Editor"));
}

#[tokio::test]
async fn mentions_are_focusable_links_and_quotes_are_q() {
    let html = render_app().await;
    assert!(html.contains(
        "<a id=\"mention-putin-0\" href=\"#actor=putin\" data-actor=\"putin\" title=\"Vladimir Putin\" class=\"mention\">Vladimir Putin</a>"
    ));
    assert!(html.contains("href=\"#actor=north-korea\""));
    // Every actor's every mention gets its own id.
    let article = marginalia::bundled::article();
    let total: u32 = article.actors.iter().map(|a| a.mention_count).sum();
    assert_eq!(html.matches("class=\"mention\">").count() as u32, total);
    assert!(html.contains("data-quote=\"") && html.matches("class=\"quote\">").count() == 16);
    // The ministry's words keep “(Putin’s)”: the mention sits inside the quote.
    assert!(html.contains("on (<a id=\"mention-putin-"));
}

#[tokio::test]
async fn text_is_escaped_never_interpreted() {
    use marginalia::content::markdown::parse_markdown;
    let mut article = marginalia::bundled::article();
    article.blocks =
        parse_markdown("<img src=x onerror=alert(1)> and <script>alert(2)</script>").blocks;
    let article = std::rc::Rc::new(article);
    let local = tokio::task::LocalSet::new();
    let html = local
        .run_until(async move {
            LocalServerRenderer::<App>::with_props(marginalia::components::app::AppProps {
                article: Some(article),
            })
            .hydratable(false)
            .render()
            .await
        })
        .await;
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
}
