//! A relation's evidence given by the sentence's place (`sentence = "1.1"`) instead of its
//! words: the same article as with the words pasted, and a clear error for a place that is no
//! sentence.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia_content::{build_article, report, Sources};

const FIRST_SENTENCE: &str = "evidence = \"Japan and South Korea have sounded the alarm over deepening military collaboration between Russia and North Korea after Vladimir Putin and Kim Jong Un signed a far-reaching strategic partnership that included mutual assistance against “aggression”.\"";

fn seed_sources() -> Sources {
    Sources::read_dir(&common::workspace_root().join("content/putin-kim-pact"))
        .expect("seed content readable")
}

/// The seed with the first relation's pasted sentence replaced by `line`.
fn with_evidence(line: &str) -> Sources {
    let mut s = seed_sources();
    assert!(s.actors.text.contains(FIRST_SENTENCE), "the seed changed");
    s.actors.text = s.actors.text.replacen(FIRST_SENTENCE, line, 1);
    s
}

#[test]
fn a_sentence_by_its_place_builds_the_same_article_as_its_words() {
    let pasted = build_article(&seed_sources()).unwrap_or_else(|e| panic!("{}", report(&e)));
    let referenced = build_article(&with_evidence("sentence = \"1.1\""))
        .unwrap_or_else(|e| panic!("{}", report(&e)));
    assert_eq!(referenced.actors, pasted.actors);
    assert_eq!(
        referenced.blocks, pasted.blocks,
        "the evidence is marked in the text the same way"
    );
}

#[test]
fn a_place_that_is_no_sentence_is_refused_where_it_is_written() {
    let s = with_evidence("sentence = \"1.99\"");
    let line = s.actors.text[..s.actors.text.find("1.99").unwrap()]
        .lines()
        .count();
    let errors = report(&build_article(&s).expect_err("no such sentence"));
    assert!(errors.contains(&format!("actors.toml:{line}:")), "{errors}");
    assert!(
        errors.contains("relation sentence `1.99` is not a sentence of article.md"),
        "{errors}"
    );
    assert!(
        errors.contains("paragraph 1 has 1 sentences") || errors.contains("paragraph 1 has"),
        "{errors}"
    );
    let odd =
        report(&build_article(&with_evidence("sentence = \"first\"")).expect_err("not a place"));
    assert!(
        odd.contains("\"3.2\" is the third paragraph's second sentence"),
        "{odd}"
    );
    let both = report(
        &build_article(&with_evidence(&format!(
            "{FIRST_SENTENCE}\nsentence = \"1.1\""
        )))
        .expect_err("both"),
    );
    assert!(
        both.contains("gives both `evidence` and `sentence`"),
        "{both}"
    );
}
