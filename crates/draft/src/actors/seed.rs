//! The drafter's actors measured against hand annotations: the seed (`content/putin-kim-pact`,
//! its marks and `actors.toml` made by hand) and the U.S.–ROK–Japan joint statement of 24 June
//! 2024 (a public-domain State Department text the rules were not written from, annotated
//! here). Prints recall and precision per kind and for the marks; asserts the issue's floors.

use super::find_actors;
use crate::{strip_marks, ActorKind, FoundActor, Span};
use std::path::Path;

/// An annotated actor.
#[derive(Clone, Debug)]
pub(super) struct Expected {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: ActorKind,
    pub(super) aliases: Vec<String>,
}

/// A hand mark: a span of the text (without marks) that names an actor.
#[derive(Clone, Debug)]
pub(super) struct Mark {
    pub(super) span: Span,
    pub(super) actor: String,
}

/// The marks of a marked article, with their spans in the article without marks (the same
/// walk as [`strip_marks`]).
pub(super) fn marks(markdown: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut len = 0;
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let marked = after.find("](actor:").and_then(|close| {
            let tail = &after[close + "](actor:".len()..];
            let end = tail.find(')')?;
            let inner = &after[..close];
            (!inner.contains(['[', ']', '\n'])).then_some((
                inner,
                &tail[..end],
                close + "](actor:".len() + end + 1,
            ))
        });
        match marked {
            Some((inner, actor, used)) => {
                len += open;
                out.push(Mark {
                    span: Span {
                        start: len,
                        end: len + inner.len(),
                    },
                    actor: actor.to_string(),
                });
                len += inner.len();
                rest = &after[used..];
            }
            None => {
                len += open + 1;
                rest = after;
            }
        }
    }
    out
}

/// A name compared: lower case, one apostrophe, no leading "the".
fn norm(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace(['’', '‘'], "'");
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .strip_prefix("the ")
        .map_or(collapsed.clone(), str::to_string)
}

/// A span without a leading "the " or "The ".
fn core(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let skip = if s.starts_with("the ") || s.starts_with("The ") {
        4
    } else {
        0
    };
    Span {
        start: span.start + skip,
        end: span.end,
    }
}

pub(super) struct Figures {
    /// Per kind: annotated, found, matched.
    pub(super) kinds: Vec<(ActorKind, usize, usize, usize)>,
    /// Annotated actors not found, and found actors matching none (as "kind: name").
    pub(super) missed: Vec<String>,
    pub(super) extra: Vec<String>,
    pub(super) marks: usize,
    pub(super) marks_found: usize,
    pub(super) marks_missed: Vec<String>,
    pub(super) mentions: usize,
    pub(super) mentions_right: usize,
    pub(super) mentions_extra: Vec<String>,
}

impl Figures {
    pub(super) fn recall(&self, kind: ActorKind) -> f64 {
        let (_, annotated, _, matched) = self.row(kind);
        ratio(matched, annotated)
    }
    pub(super) fn precision(&self, kind: ActorKind) -> f64 {
        let (_, _, found, matched) = self.row(kind);
        ratio(matched, found)
    }
    fn row(&self, kind: ActorKind) -> (ActorKind, usize, usize, usize) {
        self.kinds
            .iter()
            .copied()
            .find(|r| r.0 == kind)
            .unwrap_or((kind, 0, 0, 0))
    }
    pub(super) fn marks_recall(&self) -> f64 {
        ratio(self.marks_found, self.marks)
    }
    pub(super) fn print(&self, title: &str) {
        println!("\n{title}");
        println!(
            "  {:<14} {:>9} {:>6} {:>8} {:>8} {:>10}",
            "kind", "annotated", "found", "matched", "recall", "precision"
        );
        for &(kind, annotated, found, matched) in &self.kinds {
            println!(
                "  {:<14} {:>9} {:>6} {:>8} {:>7.1}% {:>9.1}%",
                kind.as_str(),
                annotated,
                found,
                matched,
                100.0 * ratio(matched, annotated),
                100.0 * ratio(matched, found)
            );
        }
        println!(
            "  marks: {}/{} found (recall {:.1}%); mention precision {}/{} ({:.1}%)",
            self.marks_found,
            self.marks,
            100.0 * self.marks_recall(),
            self.mentions_right,
            self.mentions,
            100.0 * ratio(self.mentions_right, self.mentions)
        );
        for m in &self.missed {
            println!("  missed actor: {m}");
        }
        for m in &self.extra {
            println!("  found, not annotated: {m}");
        }
        for m in &self.marks_missed {
            println!("  missed mark: {m}");
        }
        for m in &self.mentions_extra {
            println!("  mention not marked: {m}");
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Matches found actors to annotated ones (same kind, a name or alias in common, case and a
/// leading "the" aside), one to one, and counts.
pub(super) fn compare(
    text: &str,
    found: &[FoundActor],
    expected: &[Expected],
    marks: &[Mark],
) -> Figures {
    let names_of_found = |f: &FoundActor| {
        std::iter::once(&f.name)
            .chain(&f.aliases)
            .map(|n| norm(n))
            .collect::<Vec<_>>()
    };
    let mut found_for: Vec<Option<usize>> = vec![None; expected.len()];
    let mut used = vec![false; found.len()];
    for (e, exp) in expected.iter().enumerate() {
        let names: Vec<String> = std::iter::once(&exp.name)
            .chain(&exp.aliases)
            .map(|n| norm(n))
            .collect();
        let hit = found.iter().enumerate().find(|(f, fa)| {
            !used[*f] && fa.kind == exp.kind && names_of_found(fa).iter().any(|n| names.contains(n))
        });
        if let Some((f, _)) = hit {
            used[f] = true;
            found_for[e] = Some(f);
        }
    }
    let mut kinds = Vec::new();
    for kind in ActorKind::ALL {
        let annotated = expected.iter().filter(|e| e.kind == kind).count();
        let nfound = found.iter().filter(|f| f.kind == kind).count();
        let matched = expected
            .iter()
            .zip(&found_for)
            .filter(|(e, f)| e.kind == kind && f.is_some())
            .count();
        kinds.push((kind, annotated, nfound, matched));
    }
    let missed = expected
        .iter()
        .zip(&found_for)
        .filter(|(_, f)| f.is_none())
        .map(|(e, _)| format!("{}: {}", e.kind.as_str(), e.name))
        .collect();
    let extra = found
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| {
            format!(
                "{}: {} ({}, {})",
                f.kind.as_str(),
                f.name,
                f.pattern,
                f.confidence
            )
        })
        .collect();

    let found_of = |actor: &str| {
        expected
            .iter()
            .position(|e| e.id == actor)
            .and_then(|e| found_for[e])
    };
    let mut marks_found = 0;
    let mut marks_missed = Vec::new();
    for m in marks {
        let mc = core(text, m.span);
        let hit = found_of(&m.actor).is_some_and(|f| {
            found[f].mentions.iter().any(|&s| {
                let sc = core(text, s);
                sc.start <= mc.start && sc.end >= mc.end
            })
        });
        if hit {
            marks_found += 1;
        } else {
            marks_missed.push(format!(
                "“{}” ({}) at {}",
                m.span.of(text),
                m.actor,
                m.span.start
            ));
        }
    }
    let mut mentions = 0;
    let mut mentions_right = 0;
    let mut mentions_extra = Vec::new();
    for (f, fa) in found.iter().enumerate() {
        let actor = expected
            .iter()
            .zip(&found_for)
            .find(|(_, g)| **g == Some(f))
            .map(|(e, _)| e.id.as_str());
        for &s in &fa.mentions {
            mentions += 1;
            let right = actor.is_some_and(|a| {
                marks
                    .iter()
                    .any(|m| m.actor == a && m.span.start < s.end && s.start < m.span.end)
            });
            if right {
                mentions_right += 1;
            } else {
                mentions_extra.push(format!("“{}” ({}) at {}", s.of(text), fa.id, s.start));
            }
        }
    }
    Figures {
        kinds,
        missed,
        extra,
        marks: marks.len(),
        marks_found,
        marks_missed,
        mentions,
        mentions_right,
        mentions_extra,
    }
}

const SEED: &str = "../../content/putin-kim-pact";

#[test]
fn seed_actors_reach_the_issues_floors() -> Result<(), Box<dyn std::error::Error>> {
    let article = marginalia_content::load_article(Path::new(SEED))
        .map_err(|errors| format!("the seed does not load: {errors:?}"))?;
    let marked = std::fs::read_to_string(Path::new(SEED).join("article.md"))?;
    let text = strip_marks(&marked);
    let found = find_actors(&text);
    let expected: Vec<Expected> = article
        .actors
        .iter()
        .map(|a| Expected {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            aliases: a.aliases.clone(),
        })
        .collect();
    let marks = marks(&marked);
    for m in &marks {
        assert!(
            expected.iter().any(|e| e.id == m.actor),
            "mark of unknown actor {}",
            m.actor
        );
    }
    let figures = compare(&text, &found, &expected, &marks);
    figures.print("seed (content/putin-kim-pact), actors found vs. annotated");
    for a in &found {
        println!(
            "  {:<30} {:<12} {:<28} {:.2} {:<45} role {:?}, of {:?}, aliases {:?}, {} mentions",
            a.id,
            a.kind.as_str(),
            a.name,
            a.confidence,
            a.pattern,
            a.role,
            a.affiliation,
            a.aliases,
            a.mentions.len()
        );
    }
    for kind in [ActorKind::Person, ActorKind::State] {
        assert!(figures.recall(kind) >= 0.95, "{kind:?} recall");
        assert!(figures.precision(kind) >= 0.90, "{kind:?} precision");
    }
    for kind in [ActorKind::Organisation, ActorKind::Media] {
        assert!(figures.recall(kind) >= 0.85, "{kind:?} recall");
    }
    assert!(figures.marks_recall() >= 0.95, "marks recall");
    Ok(())
}

/// The joint statement as published (content/us-rok-japan-joint-statement, from
/// shared/texts), its marks taken out.
const JOINT_STATEMENT: &str = "../../content/us-rok-japan-joint-statement/article.md";

/// The joint statement as it was pasted: the repository's article without its marks.
fn joint_statement() -> Result<String, std::io::Error> {
    let marked = std::fs::read_to_string(JOINT_STATEMENT)?;
    Ok(crate::strip_marks(&marked).trim().to_string())
}

fn exp(id: &str, name: &str, kind: ActorKind, aliases: &[&str]) -> Expected {
    Expected {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

/// Every whole-word occurrence of each annotated name, the longest first, as the marks a
/// writer would make by the seed's conventions.
fn marks_by_name(text: &str, names: &[(&str, &str)]) -> Vec<Mark> {
    let mut sorted: Vec<&(&str, &str)> = names.iter().collect();
    sorted.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut out: Vec<Mark> = Vec::new();
    for (name, actor) in sorted {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
            if word(before) || word(after) && !text[end..].starts_with("’s") {
                continue;
            }
            if out.iter().any(|m| m.span.start < end && start < m.span.end) {
                continue;
            }
            out.push(Mark {
                span: Span { start, end },
                actor: actor.to_string(),
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

#[test]
fn joint_statement_actors() -> Result<(), Box<dyn std::error::Error>> {
    let text = joint_statement()?;
    let found = find_actors(&text);
    use ActorKind::{Organisation, Person, State};
    let expected = vec![
        exp("jung-pak", "Jung Pak", Person, &[]),
        exp("cho", "Cho Koo-rae", Person, &[]),
        exp("namazu", "Namazu Hiroyuki", Person, &[]),
        exp("putin", "Vladimir Putin", Person, &[]),
        exp("united-states", "United States", State, &["U.S."]),
        exp("south-korea", "South Korea", State, &["ROK"]),
        exp("japan", "Japan", State, &[]),
        exp("north-korea", "North Korea", State, &["DPRK"]),
        exp("russia", "Russia", State, &[]),
        exp("ukraine", "Ukraine", State, &[]),
        exp(
            "japan-mofa",
            "Japanese Ministry of Foreign Affairs",
            Organisation,
            &[],
        ),
        exp(
            "un-security-council",
            "UN Security Council",
            Organisation,
            &["United Nations Security Council"],
        ),
    ];
    let marks = marks_by_name(
        &text,
        &[
            ("Jung Pak", "jung-pak"),
            ("Cho Koo-rae", "cho"),
            ("Namazu Hiroyuki", "namazu"),
            ("Vladimir Putin", "putin"),
            ("United States", "united-states"),
            ("U.S.", "united-states"),
            ("ROK", "south-korea"),
            ("Japan", "japan"),
            ("DPRK", "north-korea"),
            // As the seed marks "his first to Pyongyang".
            ("Pyongyang", "north-korea"),
            ("Russia", "russia"),
            ("Ukraine", "ukraine"),
            ("Japanese Ministry of Foreign Affairs", "japan-mofa"),
            ("United Nations Security Council", "un-security-council"),
        ],
    );
    let figures = compare(&text, &found, &expected, &marks);
    figures.print("joint statement (held out), actors found vs. annotated here");
    for a in &found {
        println!(
            "  {:<38} {:<12} {:.2} {:<45} role {:?}, of {:?}, {} mentions",
            a.id,
            a.kind.as_str(),
            a.confidence,
            a.pattern,
            a.role,
            a.affiliation,
            a.mentions.len()
        );
    }
    for kind in [Person, State, Organisation] {
        assert_eq!(figures.recall(kind), 1.0, "{kind:?} recall");
        assert_eq!(figures.precision(kind), 1.0, "{kind:?} precision");
    }
    assert_eq!(figures.marks_recall(), 1.0, "marks recall");
    let get = |name: &str| found.iter().find(|a| a.name == name);
    let role = |name: &str| get(name).and_then(|a| a.role.clone());
    let of = |name: &str| get(name).and_then(|a| a.affiliation.clone());
    assert_eq!(
        role("Jung Pak").as_deref(),
        Some("Senior Official for the DPRK")
    );
    assert_eq!(of("Jung Pak").as_deref(), Some("united-states"));
    assert_eq!(
        role("Cho Koo-rae").as_deref(),
        Some("Vice Foreign Minister for Strategy and Intelligence")
    );
    assert_eq!(of("Cho Koo-rae").as_deref(), Some("south-korea"));
    assert_eq!(
        role("Namazu Hiroyuki").as_deref(),
        Some("Assistant Minister for Asian and Oceanian Affairs")
    );
    assert_eq!(
        of("Namazu Hiroyuki").as_deref(),
        Some("japanese-ministry-of-foreign-affairs")
    );
    assert_eq!(
        of("Japanese Ministry of Foreign Affairs").as_deref(),
        Some("japan")
    );
    assert_eq!(role("Vladimir Putin").as_deref(), Some("leader"));
    assert_eq!(of("Vladimir Putin").as_deref(), Some("russia"));
    Ok(())
}
