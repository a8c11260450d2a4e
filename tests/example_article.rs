//! The second, invented example article (`examples/articles/saltmere-lighthouse`): it passes the checks,
//! its model holds what its files say, and the viewer renders it.
//! `make build` publishes it under `dist/examples/articles/`, listed nowhere.

#![cfg(not(target_arch = "wasm32"))]

use marginalia::components::app::{App, AppProps};
use marginalia::model::text::inline_text;
use marginalia::model::*;
use marginalia_content::{load_article, report};
use std::path::Path;
use std::rc::Rc;

fn example() -> Article {
    load_article(Path::new("examples/articles/saltmere-lighthouse"))
        .unwrap_or_else(|e| panic!("example invalid:\n{}", report(&e)))
}

#[test]
fn the_example_passes_the_checks_with_its_metadata() {
    let a = example();
    assert_eq!(
        a.meta.title,
        "Saltmere council votes to relight its old lighthouse"
    );
    assert_eq!(a.meta.page_date, PartialDate::day(2025, 3, 13));
    assert_eq!(a.meta.page_date_text, "Thursday 13 March 2025");
    assert_eq!(a.meta.source.actor.as_deref(), Some("gazette"));
    assert!(a.meta.standfirst.unwrap().contains("fictional"));
    assert_eq!(a.blocks.len(), 6);
    assert!(
        (150..250).contains(&a.meta.word_count),
        "{}",
        a.meta.word_count
    );
}

#[test]
fn actors_are_mentioned_and_related() {
    let a = example();
    let rows: Vec<(&str, ActorKind, u32)> = a
        .actors
        .iter()
        .map(|x| (x.id.as_str(), x.kind, x.mention_count))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("quell", ActorKind::Person, 3),
            ("vale", ActorKind::Person, 1),
            ("council", ActorKind::Organisation, 2),
            ("gazette", ActorKind::Media, 1),
        ]
    );
    let vale = a.actor("vale").unwrap();
    assert_eq!(vale.relations[0].kind, RelationKind::Ally);
    assert_eq!(vale.relations[0].target, "quell");
    assert_eq!(
        a.actor("quell").unwrap().affiliation.as_deref(),
        Some("council")
    );
}

#[test]
fn events_are_in_date_order_with_their_provenance() {
    let a = example();
    let rows: Vec<(String, String, &str)> = a
        .events
        .iter()
        .map(|e| (e.id.clone(), e.date.iso(), e.provenance.badge()))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("lamp-dark-1987".into(), "1987".into(), "stated"),
            ("council-vote-2025".into(), "2025-03-12".into(), "inferred"),
            ("relighting-2025".into(), "2025-06".into(), "stated"),
        ]
    );
    match &a.event("council-vote-2025").unwrap().provenance {
        Provenance::Inferred { weekday, week_of } => {
            assert_eq!(weekday, "Wednesday");
            assert_eq!(*week_of, PartialDate::day(2025, 3, 13));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn both_quotes_are_marked_in_the_text() {
    let a = example();
    fn quotes_in(inlines: &[Inline], out: &mut Vec<(String, String)>) {
        for i in inlines {
            match i {
                Inline::Quote { quote, content } => out.push((quote.clone(), inline_text(content))),
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Link { content: c, .. }
                | Inline::Mention { content: c, .. }
                | Inline::Sentence { content: c, .. } => quotes_in(c, out),
                _ => {}
            }
        }
    }
    let mut marked = Vec::new();
    for b in &a.blocks {
        if let Block::Paragraph(c) = b {
            quotes_in(c, &mut marked);
        }
    }
    assert_eq!(
        marked,
        vec![
            (
                "quell-cheaper-than-a-wreck".to_string(),
                "A light that works is cheaper than a wreck that doesn’t,".to_string()
            ),
            (
                "vale-oldest-promise".to_string(),
                "the town’s oldest promise".to_string()
            ),
        ]
    );
    assert_eq!(
        a.quote("quell-cheaper-than-a-wreck")
            .unwrap()
            .event
            .as_deref(),
        Some("council-vote-2025")
    );
}

#[tokio::test]
async fn the_viewer_renders_the_example() {
    let article = Rc::new(example());
    let local = tokio::task::LocalSet::new();
    let html = local
        .run_until(async move {
            yew::LocalServerRenderer::<App>::with_props(AppProps::new(article))
                .hydratable(false)
                .render()
                .await
        })
        .await;
    assert!(html.contains("Saltmere council votes to relight its old lighthouse"));
    assert!(html.contains("data-quote=\"vale-oldest-promise\""));
    assert!(html.contains("href=\"#actor=quell\""));
    // The one ordinary link is an in-page anchor and is kept.
    assert!(html.contains("<a href=\"#article\" rel=\"noopener noreferrer\">marginalia</a>"));
}
