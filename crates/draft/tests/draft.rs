//! The drafter end to end, as a writer meets it: the seed's text as pasted (its marks and
//! annotation files taken away) drafted, compared with the hand annotations (the issue's
//! floors), confirmed, and built; drafted again after the writer's edits; and hostile input.

use marginalia_content::{build_article, build_article_with, Drafts, SourceFile, Sources};
use marginalia_draft::compare::compare;
use marginalia_draft::write::{draft, find, report_date, Inputs, Outputs};
use std::path::Path;
use std::time::{Duration, Instant};

const SEED: &str = "../../content/putin-kim-pact";

fn seed_file(name: &str) -> String {
    std::fs::read_to_string(Path::new(SEED).join(name)).unwrap()
}

/// The seed's article as it was pasted: no marks.
fn pasted() -> String {
    marginalia_draft::strip_marks(&seed_file("article.md"))
}

/// What a writer does to confirm every suggestion: delete the status and confidence lines.
fn confirm_all(toml: &str) -> String {
    toml.lines()
        .filter(|l| *l != "status = \"suggested\"" && !l.starts_with("confidence = "))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn sources(out: &Outputs, meta: &str) -> Sources {
    Sources {
        meta: SourceFile::new("meta.toml", meta),
        article: SourceFile::new("article.md", out.article.clone()),
        actors: SourceFile::new("actors.toml", out.actors.clone()),
        events: SourceFile::new("events.toml", out.events.clone()),
        quotes: SourceFile::new("quotes.toml", out.quotes.clone()),
    }
}

#[test]
fn the_seed_drafted_from_its_text_meets_the_issues_floors() {
    let article = marginalia_content::load_article(Path::new(SEED)).unwrap();
    let (text, marks) = marginalia_draft::marks_in(&seed_file("article.md"));
    let report = report_date(&seed_file("meta.toml")).unwrap();
    let c = compare(&find(&text, report), &article, &marks);
    println!("{}", marginalia_draft::compare::table(&c));
    assert_eq!(
        (c.quotes.recalled, c.quotes.expected),
        (16, 16),
        "quotes, exact spans"
    );
    assert!(c.speakers.recalled >= 15, "speakers {:?}", c.speakers);
    for (kind, s) in [("people", c.people), ("states", c.states)] {
        assert!(s.recall() >= 0.95 && s.precision() >= 0.90, "{kind} {s:?}");
    }
    for (kind, s) in [("organisations", c.organisations), ("media", c.media)] {
        assert!(s.recall() >= 0.85, "{kind} {s:?}");
    }
    assert_eq!(
        c.dates.recalled, c.dates.expected,
        "every date the text gives {:?}",
        c.dates
    );
    assert!(c.marks.recall() >= 0.95, "marks {:?}", c.marks);
}

/// The joint statement of 24 June 2024 (a U.S. government text the rules were not written
/// from), drafted and confirmed by a writer (content/us-rok-japan-joint-statement): the draft
/// of its text alone against what the writer published. Its figures say how much the writer
/// had to correct; the annotations started from a draft, so they are not independent of it.
#[test]
fn the_joint_statement_held_out_needs_few_corrections() {
    let dir = Path::new("../../content/us-rok-japan-joint-statement");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let article = marginalia_content::load_article(dir).unwrap();
    let (text, marks) = marginalia_draft::marks_in(&read("article.md"));
    let c = compare(
        &find(&text, report_date(&read("meta.toml")).unwrap()),
        &article,
        &marks,
    );
    println!("{}", marginalia_draft::compare::table(&c));
    for (kind, s) in [
        ("people", c.people),
        ("states", c.states),
        ("marks", c.marks),
    ] {
        assert!(s.recall() >= 0.95 && s.precision() >= 0.90, "{kind} {s:?}");
    }
    assert_eq!(c.dates.recalled, c.dates.expected, "{:?}", c.dates);
    // Its one passage between quotation marks is a treaty's name, drafted as a title.
    let found = find(&text, report_date(&read("meta.toml")).unwrap());
    assert!(found.quotes.iter().all(|q| q.title), "{:?}", found.quotes);
    assert!(article.quotes.is_empty());
    // Its draft previews (a suggested title has nothing to mark) and is refused for publishing.
    let meta = read("meta.toml");
    let out = draft(&Inputs {
        article: &text,
        meta: &meta,
        ..Inputs::default()
    })
    .unwrap();
    let preview = build_article_with(&sources(&out, &meta), Drafts::Preview)
        .unwrap_or_else(|e| panic!("{}", marginalia_content::report(&e)));
    assert!(preview.is_suggested("actor", "putin"));
    let refused = build_article(&sources(&out, &meta)).unwrap_err();
    assert!(refused
        .iter()
        .any(|e| e.message.starts_with("title `title-treaty")));
}

#[test]
fn suggestions_do_not_build_until_confirmed_and_then_build_clean() {
    let meta = seed_file("meta.toml");
    let article = pasted();
    let out = draft(&Inputs {
        article: &article,
        meta: &meta,
        ..Inputs::default()
    })
    .unwrap();
    assert_eq!(
        marginalia_draft::strip_marks(&out.article),
        article,
        "the text is kept exactly"
    );
    let errors = build_article(&sources(&out, &meta)).unwrap_err();
    let suggestions =
        out.summary.actors + out.summary.relations + out.summary.quotes + out.summary.events;
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.message.contains("not yet confirmed"))
            .count(),
        suggestions,
        "every suggestion is refused, each where its status is"
    );
    // The writer's preview (`marginalia build --drafts`, `make dev`) builds them, marked.
    let preview = build_article_with(&sources(&out, &meta), Drafts::Preview)
        .unwrap_or_else(|e| panic!("{}", marginalia_content::report(&e)));
    assert_eq!(preview.suggested.len(), suggestions);
    assert!(
        preview.is_suggested("actor", "putin") && preview.is_suggested("quote", "kim-sacred-fight")
    );
    let confirmed = Outputs {
        actors: confirm_all(&out.actors),
        events: confirm_all(&out.events),
        quotes: confirm_all(&out.quotes),
        ..out
    };
    let built = build_article(&sources(&confirmed, &meta))
        .unwrap_or_else(|e| panic!("{}", marginalia_content::report(&e)));
    assert_eq!(built.actors.len(), 23);
    assert_eq!(built.quotes.len(), 16);
    let relations: usize = built.actors.iter().map(|a| a.relations.len()).sum();
    assert_eq!(
        relations, confirmed.summary.relations,
        "every drafted relation builds once confirmed"
    );
    assert!(built.suggested.is_empty());
}

#[test]
fn drafting_again_keeps_the_writers_work_and_never_brings_back_a_rejection() {
    let meta = seed_file("meta.toml");
    let article = pasted();
    let first = draft(&Inputs {
        article: &article,
        meta: &meta,
        ..Inputs::default()
    })
    .unwrap();
    // The writer confirms Putin with a role of their own and rejects the quote "aggression"
    // (deleting its entry); everything else stays suggested.
    let actors = first.actors.replacen(
        "id = \"putin\"\nname = \"Vladimir Putin\"\nkind = \"person\"\nrole = \"President\"",
        "id = \"putin\"\nname = \"Vladimir Putin\"\nkind = \"person\"\nrole = \"President of Russia\"",
        1,
    );
    assert_ne!(actors, first.actors, "the writer's edit applies");
    let quotes: String = first
        .quotes
        .split("\n\n")
        .filter(|entry| !entry.contains("text = \"aggression\""))
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_ne!(quotes, first.quotes);
    let second = draft(&Inputs {
        article: &first.article,
        meta: &meta,
        actors: &actors,
        events: &first.events,
        quotes: &quotes,
        record: &first.record,
    })
    .unwrap();
    assert_eq!(
        second.actors, actors,
        "nothing added, the edit kept word for word"
    );
    assert_eq!(second.quotes, quotes, "the rejected quote stays out");
    assert_eq!(second.events, first.events);
    assert_eq!(second.article, first.article, "no mark twice");
    assert_eq!(
        second.summary.actors + second.summary.quotes + second.summary.events,
        0
    );
    assert_eq!(second.summary.rejected_before, 1);
}

#[test]
fn a_meta_without_a_report_date_is_a_clear_error() {
    let error = draft(&Inputs {
        article: "Text.",
        meta: "title = \"T\"\n",
        ..Inputs::default()
    })
    .unwrap_err();
    assert!(error.contains("[source] date"), "{error}");
}

#[test]
fn hostile_input_is_drafted_in_bounded_time_without_a_panic() {
    let meta = "[source]\ndate = \"2024-06-20\"\n";
    let long_line =
        "Putin said “a” and Kim, Moscow’s ally, said ‘b’ on Wednesday. ".repeat(16 * 1024);
    let marks = "“".repeat(5_000) + &"”".repeat(5_000);
    let odd = "[[x](actor:y)]( “‘’” \" \u{0} [](actor:) 31 June 2024 Sept. 0 \u{202E}".repeat(500);
    for text in [long_line.as_str(), marks.as_str(), odd.as_str(), ""] {
        let started = Instant::now();
        let out = draft(&Inputs {
            article: text,
            meta,
            ..Inputs::default()
        });
        assert!(out.is_ok());
        // A bound, not a timing: linear work on 1.2 MB takes 7–11 s in a debug build on this
        // 2-core machine (more under load); anything quadratic would take hours.
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{} bytes took {:?}",
            text.len(),
            started.elapsed()
        );
    }
}

#[test]
fn the_hostile_corpus_drafts_without_a_panic() {
    let meta = "[source]\ndate = \"2024-06-20\"\n";
    let mut seen = 0;
    for dir in ["../../tests/hostile", "../../tests/hostile/regressions"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let started = Instant::now();
            let out = draft(&Inputs {
                article: &text,
                meta,
                ..Inputs::default()
            })
            .unwrap();
            assert_eq!(
                marginalia_draft::strip_marks(&out.article),
                marginalia_draft::strip_marks(&text),
                "{:?}: the text is kept",
                entry.path()
            );
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{:?}",
                entry.path()
            );
            seen += 1;
        }
    }
    assert!(seen >= 40, "the corpus is there ({seen} files)");
}

/// Found by fuzzing: a name across a line break ("United\n States") is not marked, since a mark
/// must read back as one.
#[test]
fn a_name_across_a_line_break_is_left_unmarked_and_the_text_kept() {
    let text = "The United\n States and Japan met.";
    let out = draft(&Inputs {
        article: text,
        meta: "[source]\ndate = \"2024-06-20\"\n",
        ..Inputs::default()
    })
    .unwrap();
    assert_eq!(marginalia_draft::strip_marks(&out.article), text);
    assert!(
        out.article.contains("[Japan](actor:japan)"),
        "{}",
        out.article
    );
}
