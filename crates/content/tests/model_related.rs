//! `marginalia_model::related`, tested here because many cases need the seed article,
//! which only this crate can build.

mod common;

use marginalia_model::related::*;
use marginalia_model::*;
use std::collections::BTreeSet;

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn actor(id: &str) -> Selection {
    Selection::Actor(id.into())
}

#[test]
fn an_actor_relates_to_its_events_quotes_relations_and_affiliation() {
    let article = common::seed();
    let r = related(&article, &actor("putin"));
    assert_eq!(
        r.events,
        set(&["putin-visit-2000", "kim-vostochny-2023", "signing-2024"])
    );
    assert_eq!(
        r.quotes,
        set(&["putin-military-technical", "putin-illegitimate-actions"])
    );
    // kim, north-korea, un-security-council: Putin's relations; russia: his affiliation;
    // hayashi: criticises Putin (a relation towards him).
    assert_eq!(
        r.actors,
        set(&[
            "kim",
            "north-korea",
            "un-security-council",
            "russia",
            "hayashi"
        ])
    );
}

#[test]
fn an_actor_is_not_related_to_itself() {
    let article = common::seed();
    for a in &article.actors {
        let r = related(&article, &actor(&a.id));
        assert!(!r.actors.contains(&a.id), "{} relates to itself", a.id);
    }
}

#[test]
fn incoming_relations_count_for_an_actor() {
    let article = common::seed();
    // Several actors have relations to North Korea; it has none to most of them.
    let r = related(&article, &actor("north-korea"));
    for a in &article.actors {
        if a.id != "north-korea" && a.relations.iter().any(|rel| rel.target == "north-korea") {
            assert!(r.actors.contains(&a.id), "{} missing", a.id);
        }
    }
    assert!(r.actors.contains("soviet-union"));
    assert!(r.events.contains("treaty-1961"));
    assert!(r.quotes.is_empty(), "North Korea itself speaks no quote");
}

#[test]
fn an_actor_without_relations_still_has_its_events() {
    let article = common::seed();
    let r = related(&article, &actor("ukraine"));
    assert_eq!(r.events, set(&["invasion-2022"]));
    assert!(r.quotes.is_empty());
    assert!(
        r.actors.contains("russia"),
        "Russia has a relation to Ukraine"
    );
}

#[test]
fn an_event_relates_to_its_actors_and_quotes() {
    let article = common::seed();
    let r = related(&article, &Selection::Event("signing-2024".into()));
    assert_eq!(r.actors, set(&["putin", "kim", "russia", "north-korea"]));
    assert_eq!(
        r.quotes,
        set(&["putin-military-technical", "putin-illegitimate-actions"])
    );
    assert!(r.events.is_empty());

    let r = related(&article, &Selection::Event("page-dated-2024".into()));
    assert!(r.is_empty(), "no actors, no quotes: {r:?}");
}

#[test]
fn a_quote_relates_to_its_speaker_and_event() {
    let article = common::seed();
    let r = related(&article, &Selection::Quote("stoltenberg-ammunition".into()));
    assert_eq!(r.actors, set(&["stoltenberg"]));
    assert_eq!(r.events, set(&["stoltenberg-ottawa-2024"]));
    assert!(r.quotes.is_empty());

    // A quote tied to no event.
    let r = related(&article, &Selection::Quote("kim-sacred-fight".into()));
    assert_eq!(r.actors, set(&["kim"]));
    assert!(r.events.is_empty());
}

#[test]
fn unknown_ids_relate_to_nothing() {
    let article = common::seed();
    for sel in [
        Selection::Actor("nobody".into()),
        Selection::Event("never".into()),
        Selection::Quote("unsaid".into()),
        Selection::Actor(String::new()),
        // Right id, wrong kind.
        Selection::Event("putin".into()),
        Selection::Quote("signing-2024".into()),
    ] {
        assert_eq!(related(&article, &sel), Related::default(), "{sel:?}");
    }
}

#[test]
fn relations_are_symmetric_between_events_quotes_and_actors() {
    // If an event relates to an actor, the actor relates to the event, and the same for
    // quotes: the highlight must not depend on which side the reader selected.
    let article = common::seed();
    for e in &article.events {
        let r = related(&article, &Selection::Event(e.id.clone()));
        for a in &r.actors {
            assert!(related(&article, &actor(a)).events.contains(&e.id));
        }
        for q in &r.quotes {
            let back = related(&article, &Selection::Quote(q.clone()));
            assert!(back.events.contains(&e.id));
        }
    }
    for q in &article.quotes {
        let r = related(&article, &Selection::Quote(q.id.clone()));
        for a in &r.actors {
            assert!(related(&article, &actor(a)).quotes.contains(&q.id));
        }
    }
    // Between actors, relations are read in both directions.
    for a in &article.actors {
        for b in &related(&article, &actor(&a.id)).actors {
            let back = related(&article, &actor(b));
            // The one exception: an affiliation is read one way (Putin → Russia).
            let affiliated = a.affiliation.as_deref() == Some(b.as_str());
            assert!(
                back.actors.contains(&a.id) || affiliated,
                "{} → {b} but not back",
                a.id
            );
        }
    }
}

#[test]
fn every_related_id_exists_in_the_article() {
    let article = common::seed();
    let all = article.selections();
    for sel in all {
        let r = related(&article, &sel);
        assert!(r.actors.iter().all(|id| article.actor(id).is_some()));
        assert!(r.events.iter().all(|id| article.event(id).is_some()));
        assert!(r.quotes.iter().all(|id| article.quote(id).is_some()));
    }
}

#[test]
fn a_relation_is_named_by_its_actor_and_index_and_relates_its_two_actors() {
    let article = common::seed();
    let (actor, relation) = article
        .relation("russia.0")
        .expect("russia's first relation");
    assert_eq!(
        (actor.id.as_str(), relation.kind, relation.target.as_str()),
        ("russia", RelationKind::Partner, "north-korea")
    );
    // Only ids as `relation_id` writes them name a relation.
    for id in [
        "russia",
        "russia.",
        "russia.+0",
        "russia.00",
        "russia.99",
        "nobody.0",
        ".0",
    ] {
        assert!(article.relation(id).is_none(), "{id}");
    }
    let r = related(&article, &Selection::Relation("russia.0".into()));
    assert_eq!(r.actors, set(&["russia", "north-korea"]));
    assert!(r.events.is_empty() && r.quotes.is_empty());
    assert!(related(&article, &Selection::Relation("russia.99".into())).is_empty());
    // Every relation is a selection, with the id that finds it again.
    let ids: Vec<String> = article.relations().map(|(id, ..)| id).collect();
    assert_eq!(ids.len(), 35);
    assert!(ids.iter().all(|id| article.relation(id).is_some()));
    assert!(article
        .selections()
        .any(|s| s == Selection::Relation("russia.0".into())));
}

/// The sentences marked in the text for relation `id`, as text.
fn evidence_marks(blocks: &[Block], id: &str) -> Vec<String> {
    fn walk(inlines: &[Inline], id: &str, out: &mut Vec<String>) {
        for inline in inlines {
            if let Inline::Sentence {
                relations, content, ..
            } = inline
            {
                if relations.iter().any(|r| r == id) {
                    out.push(text::inline_text(content));
                }
            }
            if let Some(children) = inline.children() {
                walk(children, id, out);
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(inlines)
            | Block::Heading {
                content: inlines, ..
            } => walk(inlines, id, &mut out),
            _ => {
                for group in block.children() {
                    out.extend(evidence_marks(group, id));
                }
            }
        }
    }
    out
}

#[test]
fn every_relation_s_evidence_is_marked_in_the_text_with_its_id() {
    let article = common::seed();
    for (id, _, relation) in article.relations() {
        assert_eq!(
            evidence_marks(&article.blocks, &id),
            vec![relation.evidence.clone()],
            "{id}"
        );
    }
    // A sentence that is both an event's and a relation's evidence is one mark naming both.
    let shared = |inline: &Inline| {
        matches!(inline, Inline::Sentence { events, relations, .. }
            if !events.is_empty() && !relations.is_empty())
    };
    let paragraphs = article.blocks.iter().filter_map(|b| match b {
        Block::Paragraph(inlines) => Some(inlines),
        _ => None,
    });
    assert!(paragraphs.flatten().any(shared));
}
