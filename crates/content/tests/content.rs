//! The seed article's content, checked against its source, and the validator's errors on
//! broken copies of it (message and location).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia_content::{build_article, report, Sources};
use marginalia_model::text::inline_text;
use marginalia_model::*;

fn seed_sources() -> Sources {
    Sources::read_dir(&common::workspace_root().join("content/putin-kim-pact"))
        .expect("seed content readable")
}

fn seed() -> Article {
    build_article(&seed_sources())
        .unwrap_or_else(|e| panic!("seed content invalid:\n{}", report(&e)))
}

/// The seed's body paragraphs: after the title, without the page furniture and the feedback form.
fn seed_paragraphs() -> Vec<String> {
    let text =
        std::fs::read_to_string(common::workspace_root().join("tests/fixtures/seed.txt")).unwrap();
    let body = text
        .split("Unlock the Editor’s Digest for free")
        .nth(1)
        .unwrap()
        .split("Leave feedback about this")
        .next()
        .unwrap();
    body.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn body_paragraphs(article: &Article) -> Vec<String> {
    article
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(c) => inline_text(c),
            other => panic!("unexpected block {other:?}"),
        })
        .collect()
}

#[test]
fn every_paragraph_is_the_seed_verbatim() {
    let expected = seed_paragraphs();
    assert_eq!(expected.len(), 17);
    assert_eq!(body_paragraphs(&seed()), expected);
}

#[test]
fn metadata_matches_the_page() {
    let a = seed();
    let seed =
        std::fs::read_to_string(common::workspace_root().join("tests/fixtures/seed.txt")).unwrap();
    let mut lines = seed.lines();
    assert_eq!(a.meta.page_date_text, lines.next().unwrap());
    assert_eq!(a.meta.publisher_address, lines.next().unwrap());
    assert_eq!(
        a.meta.title,
        "Japan and South Korea sound alarm over Putin-Kim military pact"
    );
    assert_eq!(a.meta.page_date, PartialDate::day(2024, 7, 15));
    assert_eq!(a.meta.source.name, "Financial Times");
    assert_eq!(a.meta.source.date, PartialDate::day(2024, 6, 20));
    assert!(
        (600..800).contains(&a.meta.word_count),
        "{}",
        a.meta.word_count
    );
    assert_eq!(a.meta.reading_minutes, a.meta.word_count.div_ceil(230));
}

#[test]
fn the_required_actors_are_there_and_mentioned() {
    let a = seed();
    for (id, name, kind) in [
        ("putin", "Vladimir Putin", ActorKind::Person),
        ("kim", "Kim Jong Un", ActorKind::Person),
        ("hayashi", "Yoshimasa Hayashi", ActorKind::Person),
        ("stoltenberg", "Jens Stoltenberg", ActorKind::Person),
        ("cheong", "Cheong Seong-chang", ActorKind::Person),
        ("easley", "Leif-Eric Easley", ActorKind::Person),
        ("russia", "Russia", ActorKind::State),
        ("north-korea", "North Korea", ActorKind::State),
        ("south-korea", "South Korea", ActorKind::State),
        ("japan", "Japan", ActorKind::State),
        ("soviet-union", "Soviet Union", ActorKind::State),
        ("ukraine", "Ukraine", ActorKind::State),
        ("united-states", "United States", ActorKind::State),
        ("china", "China", ActorKind::State),
        ("iran", "Iran", ActorKind::State),
        ("kcna", "Korean Central News Agency", ActorKind::Media),
        ("ft", "Financial Times", ActorKind::Media),
    ] {
        let actor = a.actor(id).unwrap_or_else(|| panic!("actor {id} missing"));
        assert!(actor.name.contains(name), "{id}: {}", actor.name);
        assert_eq!(actor.kind, kind, "{id}");
        assert!(actor.mention_count >= 1, "{id} never mentioned");
    }
    for id in [
        "un-security-council",
        "un",
        "nato",
        "south-korea-foreign-ministry",
        "sejong-institute",
        "ewha",
    ] {
        assert_eq!(a.actor(id).unwrap().kind, ActorKind::Organisation, "{id}");
    }
    assert!(a
        .actor("russia")
        .unwrap()
        .aliases
        .contains(&"Moscow".to_string()));
    assert!(a
        .actor("north-korea")
        .unwrap()
        .aliases
        .contains(&"Pyongyang".to_string()));
    assert!(a
        .actor("japan")
        .unwrap()
        .aliases
        .contains(&"Tokyo".to_string()));
    assert_eq!(
        a.actor("putin").unwrap().affiliation.as_deref(),
        Some("russia")
    );
    let relations: usize = a.actors.iter().map(|x| x.relations.len()).sum();
    assert!(relations >= 20, "{relations} relations");
}

#[test]
fn every_record_date_names_its_source_or_says_it_was_not_checked() {
    let a = seed();
    let sources: Vec<(String, Option<String>)> = a
        .events
        .iter()
        .filter_map(|e| match &e.provenance {
            Provenance::Record { source, .. } => Some((
                e.id.clone(),
                match source {
                    RecordSource::Checked {
                        publisher,
                        url,
                        says,
                        ..
                    } => {
                        assert!(url.starts_with("http"), "{url}");
                        assert!(!says.is_empty());
                        Some(publisher.clone())
                    }
                    RecordSource::NotChecked => None,
                },
            )),
            _ => None,
        })
        .collect();
    let publishers: Vec<(&str, Option<&str>)> = sources
        .iter()
        .map(|(id, p)| {
            (
                id.as_str(),
                p.as_deref().map(|p| p.split([',', ' ']).next().unwrap()),
            )
        })
        .collect();
    assert_eq!(
        publishers,
        [
            ("treaty-1961", Some("United")),
            ("putin-visit-2000", Some("ABC")),
            ("invasion-2022", Some("United")),
            ("kim-vostochny-2023", Some("People's")),
            ("panel-veto-2024", Some("KBS")),
            ("ft-report-2024", None),
        ]
    );
}

#[test]
fn a_record_date_without_a_source_is_refused() {
    let mut sources = seed_sources();
    sources.events.text = sources
        .events
        .text
        .replacen("source = \"not checked\"\n", "", 1);
    let errors = build_article(&sources).unwrap_err();
    let text = report(&errors);
    assert!(
        text.contains("events.toml:144:14: event `ft-report-2024`: a date from the public record needs its source"),
        "{text}"
    );
    assert!(text.contains("source = \"not checked\""), "{text}");
    let mut stated = seed_sources();
    stated.events.text = stated.events.text.replacen(
        "provenance = \"stated\"\nnote",
        "provenance = \"stated\"\nsource = \"not checked\"\nnote",
        1,
    );
    let text = report(&build_article(&stated).unwrap_err());
    assert!(
        text.contains("source goes only with provenance = \"record\""),
        "{text}"
    );
}

#[test]
fn events_follow_the_dates_table() {
    let a = seed();
    let rows: Vec<(String, String, &'static str, Option<Precision>)> = a
        .events
        .iter()
        .map(|e| {
            let gives = match &e.provenance {
                Provenance::Record { article_gives, .. } => *article_gives,
                _ => None,
            };
            (e.id.clone(), e.date.iso(), e.provenance.badge(), gives)
        })
        .collect();
    let expected = [
        ("treaty-1961", "1961-07-06", "record", Some(Precision::Year)),
        ("putin-visit-2000", "2000-07-19/2000-07-20", "record", None),
        ("invasion-2022", "2022-02-24", "record", None),
        (
            "kim-vostochny-2023",
            "2023-09-13",
            "record",
            Some(Precision::Month),
        ),
        ("oil-shipments-2024", "2024-03", "stated", None),
        ("panel-veto-2024", "2024-03-28", "record", None),
        ("signing-2024", "2024-06-19", "inferred", None),
        ("stoltenberg-ottawa-2024", "2024-06-19", "inferred", None),
        ("kcna-text-2024", "2024-06-20", "inferred", None),
        ("ft-report-2024", "2024-06-20", "record", None),
        ("page-dated-2024", "2024-07-15", "stated", None),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(i, d, p, g)| (i.to_string(), d.to_string(), *p, *g))
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(
        a.event("oil-shipments-2024").unwrap().date.precision(),
        Precision::Month
    );
    match &a.event("kcna-text-2024").unwrap().provenance {
        Provenance::Inferred { weekday, week_of } => {
            assert_eq!(weekday, "Thursday");
            assert_eq!(*week_of, PartialDate::day(2024, 6, 20));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_quote_is_marked_once_in_the_text_with_its_exact_words() {
    let a = seed();
    assert_eq!(a.quotes.len(), 16);
    fn collect(inlines: &[Inline], out: &mut Vec<(String, String)>) {
        for i in inlines {
            match i {
                Inline::Quote { quote, content } => {
                    out.push((quote.clone(), inline_text(content)));
                    collect(content, out);
                }
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Link { content: c, .. }
                | Inline::Mention { content: c, .. }
                | Inline::Sentence { content: c, .. } => collect(c, out),
                _ => {}
            }
        }
    }
    let mut marked = Vec::new();
    for b in &a.blocks {
        if let Block::Paragraph(c) = b {
            collect(c, &mut marked);
        }
    }
    let expected: Vec<(String, String)> = a
        .quotes
        .iter()
        .map(|q| (q.id.clone(), q.text.clone()))
        .collect();
    assert_eq!(marked, expected, "quotes in text order, words verbatim");
    let ministry = a
        .quotes
        .iter()
        .find(|q| q.text.contains("(Putin’s) visit"))
        .expect("the ministry quote keeps “(Putin’s)” in brackets");
    assert_eq!(ministry.speakers, ["south-korea-foreign-ministry"]);
    assert!(a
        .quotes
        .iter()
        .any(|q| q.text.contains(" — authoritarian regimes")));
}

#[test]
fn mentions_are_numbered_per_actor_in_reading_order() {
    let a = seed();
    let mut seen: Vec<(String, u32)> = Vec::new();
    fn walk(inlines: &[Inline], seen: &mut Vec<(String, u32)>) {
        for i in inlines {
            match i {
                Inline::Mention {
                    actor,
                    index,
                    content,
                } => {
                    seen.push((actor.clone(), *index));
                    walk(content, seen);
                }
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Link { content: c, .. }
                | Inline::Quote { content: c, .. }
                | Inline::Sentence { content: c, .. } => walk(c, seen),
                _ => {}
            }
        }
    }
    for b in &a.blocks {
        if let Block::Paragraph(c) = b {
            walk(c, &mut seen);
        }
    }
    for actor in &a.actors {
        let indices: Vec<u32> = seen
            .iter()
            .filter(|(id, _)| *id == actor.id)
            .map(|(_, i)| *i)
            .collect();
        assert_eq!(
            indices,
            (0..actor.mention_count).collect::<Vec<_>>(),
            "{}",
            actor.id
        );
    }
}

// ---- broken copies of the seed: every error names file, line and column ----

fn errors_after(edit: impl FnOnce(&mut Sources)) -> String {
    let mut s = seed_sources();
    edit(&mut s);
    report(&build_article(&s).expect_err("the broken copy must fail"))
}

fn line_col_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in file"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at][text[..at].rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

#[test]
fn a_misquoted_quote_is_reported_where_it_is_written() {
    let mut expected = String::new();
    let report = errors_after(|s| {
        s.quotes.text = s.quotes.text.replace("\"sacred fight\"", "\"holy fight\"");
        let (l, c) = line_col_of(&s.quotes.text, "\"holy fight\"");
        expected = format!("{}:{l}:{c}: quote `", s.quotes.name);
    });
    assert!(report.contains(&expected), "{report}");
    assert!(
        report.contains("text not found verbatim in article.md\n  hint: closest text, at "),
        "{report}"
    );
    assert!(
        report.contains(
            "; the entry has “holy” where the article has “sacred”\n  fix: text = \"sacred fight\""
        ),
        "{report}"
    );
    // One mistake, one error: the passage the article still quotes is that quote's.
    assert!(!report.contains("has no entry in quotes.toml"), "{report}");
    assert_eq!(
        report.lines().filter(|l| !l.starts_with(' ')).count(),
        1,
        "{report}"
    );
}

#[test]
fn an_unclosed_quotation_mark_is_reported_where_it_opens() {
    let mut expected = String::new();
    let report = errors_after(|s| {
        s.article.text = s
            .article
            .text
            .replacen("in Asia, replacing", "in Asia, “replacing", 1);
        let (l, c) = line_col_of(&s.article.text, "“replacing");
        expected = format!(
            "{}:{l}:{c}: this “ opens a quotation that is not closed in its paragraph\n  hint: close it with ” where the quoted words end",
            s.article.name
        );
    });
    assert!(report.contains(&expected), "{report}");
}

#[test]
fn an_unknown_actor_link_points_into_the_markdown() {
    let report = errors_after(|s| {
        s.article.text = s.article.text.replacen("(actor:putin)", "(actor:putn)", 1);
    });
    let s = seed_sources();
    let text = s.article.text.replacen("(actor:putin)", "(actor:putn)", 1);
    let link_start = text[..text.find("(actor:putn)").unwrap()]
        .rfind('[')
        .unwrap();
    let line = text[..link_start].matches('\n').count() + 1;
    let col = text[..link_start][text[..link_start].rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    assert!(
        report.contains(&format!(
            "{}:{line}:{col}: link to actor `putn`, which is not in actors.toml",
            s.article.name
        )),
        "{report}"
    );
}

#[test]
fn a_wrong_weekday_is_caught() {
    let report = errors_after(|s| {
        s.events.text =
            s.events
                .text
                .replacen("weekday = \"Wednesday\"", "weekday = \"Tuesday\"", 1);
    });
    assert!(
        report.contains("event `signing-2024`: 19 June 2024 is a Wednesday, not a Tuesday"),
        "{report}"
    );
}

#[test]
fn impossible_dates_and_bad_provenance_are_caught() {
    let report = errors_after(|s| {
        s.events.text = s
            .events
            .text
            .replacen("date = \"2022-02-24\"", "date = \"2022-02-30\"", 1)
            .replacen("provenance = \"stated\"", "provenance = \"rumour\"", 1);
    });
    assert!(
        report.contains("`2022-02-30` is not a date: February 2022 has no day 30"),
        "{report}"
    );
    assert!(
        report.contains("provenance `rumour` is not one of stated, inferred, record"),
        "{report}"
    );
}

const XI: &str = "\n[[actor]]\nid = \"xi\"\nname = \"Xi Jinping\"\nkind = \"person\"\nrole = \"r\"\naffiliation = \"prc\"\ndescription = \"d\"\n";

#[test]
fn an_unmentioned_actor_and_a_dangling_reference_are_caught() {
    let report = errors_after(|s| {
        s.actors.text.push_str(XI);
    });
    let s = seed_sources();
    let (line, _) = line_col_of(&format!("{}{XI}", s.actors.text), "id = \"xi\"");
    assert!(
        report.contains(&format!(
            "{}:{line}:6: actor `xi` is never mentioned",
            s.actors.name
        )),
        "{report}"
    );
    assert!(
        report.contains("affiliation `prc` is not an actor in actors.toml"),
        "{report}"
    );
}

#[test]
fn toml_syntax_errors_keep_their_location() {
    let report = errors_after(|s| {
        s.meta.text = "title = \"unterminated\npage_date = 1\n".into();
    });
    assert!(
        report.starts_with(&format!("{}:1:", seed_sources().meta.name)),
        "{report}"
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let report = errors_after(|s| {
        s.quotes.text = s
            .quotes
            .text
            .replace("speaker = \"kim\"", "speaker = \"kimm\"");
        s.events.text =
            s.events
                .text
                .replacen("provenance = \"record\"", "provenance = \"rumour\"", 1);
    });
    assert!(report.contains("speaker `kimm`"), "{report}");
    assert!(report.contains("provenance `rumour`"), "{report}");
}

#[test]
fn a_stated_date_its_sentences_do_not_give_is_caught() {
    let report = errors_after(|s| {
        s.events.text = s
            .events
            .text
            .replacen("date = \"2024-03\"", "date = \"2024-03-05\"", 1);
    });
    assert!(
        report.contains("event `oil-shipments-2024`: provenance is \"stated\" but its sentence does not give the date, 5 March 2024\n  hint: looked for “5 March” or “March 5” (with or without 2024); the sentence gives only the month: if the rest of the date is from the public record, write provenance = \"record\" and article_gives = \"month\""),
        "{report}"
    );
}

#[test]
fn the_byline_and_the_source_name_are_kept_as_written() {
    let mut s = seed_sources();
    s.meta.text = s.meta.text.replacen(
        "language = \"en\"",
        "language = \"en\"\nbyline = \"Christian Davies in Seoul\"",
        1,
    );
    let a = build_article(&s).unwrap_or_else(|e| panic!("{}", report(&e)));
    assert_eq!(a.meta.byline.as_deref(), Some("Christian Davies in Seoul"));
    assert_eq!(a.meta.source.name, "Financial Times");
    assert!(
        a.meta.is_republished(),
        "dated July 15, the FT's report of 20 June"
    );
    assert_eq!(seed().meta.byline, None);
    let report = errors_after(|s| {
        s.meta.text =
            s.meta
                .text
                .replacen("language = \"en\"", "language = \"en\"\nbyline = \" \"", 1);
    });
    assert!(report.contains("the byline is empty"), "{report}");
}

#[test]
fn an_authors_note_is_optional() {
    let mut s = seed_sources();
    s.events.text = s.events.text.replacen(
        "note = \"The page itself is dated “July 15, 2024”.\"",
        "",
        1,
    );
    let a = build_article(&s).unwrap_or_else(|e| panic!("{}", report(&e)));
    let e = a.event("page-dated-2024").unwrap();
    assert_eq!(e.note, "");
    assert_eq!(
        e.date_explanation(marginalia_model::i18n::Lang::En),
        "The article states this date."
    );
    let signing = a.event("signing-2024").unwrap();
    assert_eq!(
        signing.date_explanation(marginalia_model::i18n::Lang::En),
        signing.note
    );
}

#[test]
fn control_characters_in_meta_are_content_errors_where_they_are_written() {
    let mut expected = String::new();
    let report = errors_after(|s| {
        s.meta.text = s.meta.text.replace(
            "title = \"Japan and South Korea",
            "title = \"Japan\\u0008 and South Korea",
        );
        let (l, c) = line_col_of(&s.meta.text, "\"Japan\\u0008");
        expected = format!(
            "{}:{l}:{c}: the title holds the control character U+0008",
            s.meta.name
        );
    });
    assert!(report.contains(&expected), "{report}");
    let report = errors_after(|s| {
        s.meta.text = s
            .meta
            .text
            .replace("page_date_text = \"July", "page_date_text = \"\\u001bJuly");
    });
    assert!(
        report.contains("page_date_text holds the control character U+001B"),
        "{report}"
    );
}

#[test]
fn a_relative_feedback_endpoint_or_a_bad_language_is_refused() {
    for endpoint in [
        "/api/account/delete",
        "http://feedback.example/x",
        "//x.example/y",
    ] {
        let report = errors_after(|s| {
            s.meta.text = s.meta.text.replace(
                "[feedback]\n",
                &format!("[feedback]\nendpoint = \"{endpoint}\"\n"),
            );
        });
        assert!(
            report.contains("feedback.endpoint must be an absolute https:// address"),
            "{endpoint}: {report}"
        );
    }
    let report = errors_after(|s| {
        s.meta.text = s
            .meta
            .text
            .replace("language = \"en\"", "language = \"en\\\" onload=\\\"x\"");
    });
    assert!(report.contains("is not a language tag"), "{report}");
}

#[test]
fn an_interface_language_is_read_and_an_unknown_one_refused_at_its_place() {
    let mut sources = seed_sources();
    assert_eq!(marginalia_content::ui_language(&sources), None);
    sources.meta.text = sources.meta.text.replacen(
        "language = \"en\"",
        "language = \"en\"\nui_language = \"ko\"",
        1,
    );
    let article = build_article(&sources).unwrap_or_else(|e| panic!("{}", report(&e)));
    assert_eq!(
        article.meta.language, "en",
        "the text keeps its own language"
    );
    assert_eq!(
        marginalia_content::ui_language(&sources),
        Some(marginalia_model::i18n::Lang::Ko)
    );
    let mut expected = String::new();
    let report = errors_after(|s| {
        s.meta.text = s.meta.text.replacen(
            "language = \"en\"",
            "language = \"en\"\nui_language = \"fr\"",
            1,
        );
        let (l, c) = line_col_of(&s.meta.text, "\"fr\"");
        expected = format!(
            "{}:{l}:{c}: ui_language `fr` is not a language of the interface\n  hint: write one of en, ja, ko",
            s.meta.name
        );
    });
    assert!(report.contains(&expected), "{expected}\nin:\n{report}");
}

#[test]
fn an_unconfirmed_suggestion_does_not_build_and_says_how_to_confirm() {
    let mut expected = String::new();
    let report = errors_after(|s| {
        s.quotes.text = s.quotes.text.replacen(
            "id = \"agreement-aggression\"\n",
            "id = \"agreement-aggression\"\nstatus = \"suggested\"\nconfidence = 0.9\n",
            1,
        );
        let (l, c) = line_col_of(&s.quotes.text, "\"suggested\"");
        expected = format!(
            "{}:{l}:{c}: quote `agreement-aggression` is a suggestion of `marginalia draft`, not yet confirmed\n  hint: check it against the article, then delete its `status` and `confidence` lines",
            s.quotes.name
        );
    });
    assert!(report.contains(&expected), "{report}");
    let report = errors_after(|s| {
        s.actors.text = s.actors.text.replacen(
            "id = \"putin\"\n",
            "id = \"putin\"\nstatus = \"confirmed\"\n",
            1,
        );
    });
    assert!(
        report.contains("actor `putin`: status can only be \"suggested\""),
        "{report}"
    );
    // Confirmed: the status and confidence lines gone, it builds (the seed as it is).
    assert!(build_article(&seed_sources()).is_ok());
}
