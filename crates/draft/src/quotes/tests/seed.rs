//! The drafter's quotes measured against hand annotations: the seed article (its marks and
//! TOML stripped) and a real text the rules were not written from.

use super::super::find_quotes;
use super::found_actor;
use crate::{strip_marks, ActorKind, FoundActor};
use std::path::Path;

const SEED: &str = "../../content/putin-kim-pact";

/// The seed's annotated actors, each with every whole-word occurrence of its name or
/// aliases as its mentions (what `find_actors` should find, written in parallel).
fn seed_actors(text: &str, article: &marginalia_model::Article) -> Vec<FoundActor> {
    article
        .actors
        .iter()
        .map(|a| {
            let aliases: Vec<&str> = a.aliases.iter().map(String::as_str).collect();
            found_actor(
                text,
                &a.id,
                &a.name,
                a.kind,
                Some(&a.role),
                a.affiliation.as_deref(),
                &aliases,
            )
        })
        .collect()
}

#[test]
fn the_seed_quotes_and_speakers() {
    let article = marginalia_content::load_article(Path::new(SEED)).expect("the seed loads");
    let markdown = std::fs::read_to_string(Path::new(SEED).join("article.md")).expect("article.md");
    let text = strip_marks(&markdown);
    let actors = seed_actors(&text, &article);
    let t = std::time::Instant::now();
    let found = find_quotes(&text, &actors);
    let spent = t.elapsed();
    let expected = &article.quotes;
    let mut exact = 0;
    let mut speakers_right = 0;
    println!(
        "quotes: found {} / expected {} ({spent:?})",
        found.len(),
        expected.len()
    );
    for e in expected {
        let f = found
            .iter()
            .find(|f| f.text == e.text && f.words.of(&text) == e.text);
        match f {
            Some(f) => {
                exact += 1;
                let right = f.speakers == e.speakers;
                speakers_right += usize::from(right);
                println!(
                    "  {} {:<30} {:?} {:.2} {} | “{}”",
                    if right { "ok  " } else { "MISS" },
                    e.id,
                    f.speakers,
                    f.confidence,
                    f.pattern,
                    e.text
                );
                if !right {
                    println!("       expected speakers {:?}", e.speakers);
                }
            }
            None => println!("  NOT FOUND {} “{}”", e.id, e.text),
        }
    }
    for f in &found {
        if !expected.iter().any(|e| e.text == f.text) {
            println!("  extra “{}” {:?} {}", f.text, f.speakers, f.pattern);
        }
    }
    println!(
        "quotes exact {exact}/{}; speakers right {speakers_right}/{}",
        expected.len(),
        expected.len()
    );
    assert_eq!(found.len(), expected.len(), "no extra passage");
    assert_eq!(
        exact,
        expected.len(),
        "every quote found with its exact span"
    );
    assert!(
        speakers_right >= 15,
        "speakers right {speakers_right}/16, floor 15"
    );
    assert_eq!(
        speakers_right,
        expected.len(),
        "what the rules reach on the seed"
    );
}

/// The U.S.–ROK–Japan joint statement of 24 June 2024 (public domain; published in
/// content/us-rok-japan-joint-statement from shared/texts): the rules were not written from it.
#[test]
fn the_joint_statement() {
    let path = Path::new("../../content/us-rok-japan-joint-statement/article.md");
    let marked = std::fs::read_to_string(path).expect("the joint statement is in the repository");
    // As it was pasted: without its marks.
    let text = crate::strip_marks(&marked);
    let state = |id: &str, name: &str, aliases: &[&str]| {
        found_actor(&text, id, name, ActorKind::State, None, None, aliases)
    };
    let person = |id: &str, name: &str, role: &str, affiliation: &str| {
        found_actor(
            &text,
            id,
            name,
            ActorKind::Person,
            Some(role),
            Some(affiliation),
            &[],
        )
    };
    let actors = vec![
        state("united-states", "United States", &["U.S."]),
        state("south-korea", "ROK", &[]),
        state("japan", "Japan", &[]),
        state("north-korea", "DPRK", &["Pyongyang"]),
        state("russia", "Russia", &[]),
        state("ukraine", "Ukraine", &[]),
        person("putin", "Vladimir Putin", "Russian leader", "russia"),
        person(
            "pak",
            "Jung Pak",
            "U.S. Senior Official for the DPRK",
            "united-states",
        ),
        person(
            "cho",
            "Cho Koo-rae",
            "ROK Vice Foreign Minister",
            "south-korea",
        ),
        person("namazu", "Namazu Hiroyuki", "Assistant Minister", "japan"),
        found_actor(
            &text,
            "un-security-council",
            "United Nations Security Council",
            ActorKind::Organisation,
            None,
            None,
            &[],
        ),
    ];
    let found = find_quotes(&text, &actors);
    for f in &found {
        println!(
            "“{}” {:?} {:.2} {}",
            f.text, f.speakers, f.confidence, f.pattern
        );
    }
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].text,
        "Treaty on Comprehensive Strategic Partnership"
    );
    assert_eq!(found[0].words.of(&text), found[0].text);
    // A treaty's name in the statement's own sentence, next to sentences that quote nobody.
    assert!(found[0].speakers.is_empty());
    assert_eq!(found[0].pattern, "no attribution found");
}

/// Speakers right on the seed with `actors`, each quote printed.
fn speakers_right(text: &str, article: &marginalia_model::Article, actors: &[FoundActor]) -> usize {
    let found = find_quotes(text, actors);
    let mut right = 0;
    for e in &article.quotes {
        let Some(f) = found.iter().find(|f| f.text == e.text) else {
            println!("  NOT FOUND {}", e.id);
            continue;
        };
        let ok = f.speakers == e.speakers;
        right += usize::from(ok);
        let mark = if ok { "ok  " } else { "MISS" };
        println!(
            "  {mark} {:<30} {:?} {:.2} {}",
            e.id, f.speakers, f.confidence, f.pattern
        );
    }
    right
}

/// The seed again, with actors as a name finder may give them: without the descriptive
/// aliases ("the ministry", "North Korea’s official news agency", "the North Korean
/// leader"), so that the description rules resolve them; then without the foreign ministry
/// at all.
#[test]
fn the_seed_with_names_only() {
    let article = marginalia_content::load_article(Path::new(SEED)).expect("the seed loads");
    let markdown = std::fs::read_to_string(Path::new(SEED).join("article.md")).expect("article.md");
    let text = strip_marks(&markdown);
    let actors: Vec<FoundActor> = seed_actors(&text, &article)
        .iter()
        .map(|a| {
            let aliases: Vec<&str> = a
                .aliases
                .iter()
                .map(String::as_str)
                .filter(|n| !n.to_lowercase().starts_with("the ") && !n.contains('’'))
                .collect();
            let (role, affiliation) = (a.role.as_deref(), a.affiliation.as_deref());
            found_actor(&text, &a.id, &a.name, a.kind, role, affiliation, &aliases)
        })
        .collect();
    let right = speakers_right(&text, &article, &actors);
    println!(
        "names only: speakers right {right}/{}",
        article.quotes.len()
    );
    assert_eq!(right, article.quotes.len());

    let without: Vec<FoundActor> = actors
        .into_iter()
        .filter(|a| a.id != "south-korea-foreign-ministry")
        .collect();
    let right = speakers_right(&text, &article, &without);
    println!("no foreign ministry: speakers right {right}/16 (its two quotes go to South Korea)");
    assert_eq!(right, article.quotes.len() - 2);
}
