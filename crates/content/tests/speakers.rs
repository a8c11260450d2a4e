//! Who said a quote: one speaker, several who said the words together (`speakers`), or none
//! because the passage is a name between quotation marks (`kind = "title"`). Checked on
//! edited copies of the seed.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia_content::{build_article, report, Sources};

fn seed_sources() -> Sources {
    Sources::read_dir(&common::workspace_root().join("content/putin-kim-pact"))
        .expect("seed content readable")
}

/// The seed with the `kim-sacred-fight` quote's speaker line replaced by `lines`.
fn with_speaker_lines(lines: &str) -> Sources {
    let mut s = seed_sources();
    let before = "id = \"kim-sacred-fight\"\nspeaker = \"kim\"\n";
    assert!(s.quotes.text.contains(before), "the seed's quote changed");
    s.quotes.text = s
        .quotes
        .text
        .replace(before, &format!("id = \"kim-sacred-fight\"\n{lines}"));
    s
}

fn errors(s: &Sources) -> String {
    report(&build_article(s).expect_err("the edited copy must fail"))
}

#[test]
fn words_said_together_keep_every_speaker_in_order() {
    let s = with_speaker_lines("speakers = [\"kim\", \"putin\"]\n");
    let article = build_article(&s).unwrap_or_else(|e| panic!("{}", report(&e)));
    let quote = article.quote("kim-sacred-fight").expect("the quote");
    assert_eq!(quote.speakers, ["kim", "putin"]);
    assert_eq!(
        article.speakers_names(quote, marginalia_model::i18n::Lang::En),
        "Kim Jong Un and Vladimir Putin"
    );
}

#[test]
fn a_quote_needs_exactly_one_way_of_naming_its_speakers() {
    let none = errors(&with_speaker_lines(""));
    assert!(
        none.contains("quote `kim-sacred-fight` has no speaker"),
        "{none}"
    );
    assert!(
        none.contains("kind = \\\"title\\\"") || none.contains("kind = \"title\""),
        "{none}"
    );
    let both = errors(&with_speaker_lines(
        "speaker = \"kim\"\nspeakers = [\"putin\"]\n",
    ));
    assert!(
        both.contains("gives both `speaker` and `speakers`"),
        "{both}"
    );
    let twice = errors(&with_speaker_lines("speakers = [\"kim\", \"kim\"]\n"));
    assert!(twice.contains("speaker `kim` is listed twice"), "{twice}");
    let unknown = errors(&with_speaker_lines("speakers = [\"kim\", \"nobody\"]\n"));
    assert!(
        unknown.contains("speaker `nobody` is not an actor"),
        "{unknown}"
    );
}

#[test]
fn a_title_accounts_for_its_quotation_marks_and_is_no_quote() {
    let s = with_speaker_lines("kind = \"title\"\n");
    let article = build_article(&s).unwrap_or_else(|e| panic!("{}", report(&e)));
    assert!(article.quote("kim-sacred-fight").is_none());
    assert_eq!(
        article.quotes.len() + 1,
        build_article(&seed_sources()).unwrap().quotes.len()
    );
    // Without the entry, the same passage is reported as a quotation with no quote.
    let mut removed = seed_sources();
    let entry =
        "[[quote]]\nid = \"kim-sacred-fight\"\nspeaker = \"kim\"\ntext = \"sacred fight\"\n";
    assert!(removed.quotes.text.contains(entry));
    removed.quotes.text = removed.quotes.text.replace(
        entry,
        "[[quote]]\nid = \"gone\"\nspeaker = \"kim\"\ntext = \"no such words\"\n",
    );
    assert!(errors(&removed).contains("sacred fight"));
}

#[test]
fn a_title_has_no_speaker_and_kind_has_one_value() {
    let spoken = errors(&with_speaker_lines("kind = \"title\"\nspeaker = \"kim\"\n"));
    assert!(
        spoken.contains("is a title (a name nobody said), so it has no speaker"),
        "{spoken}"
    );
    let odd = errors(&with_speaker_lines("kind = \"slogan\"\n"));
    assert!(odd.contains("kind `slogan` is not known"), "{odd}");
}
