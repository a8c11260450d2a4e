//! Step 3 of the pipeline (`check/`): `actors.toml` to the model's [`Actor`]s. Checks each
//! actor's kind, affiliation and relations (each relation's evidence must be one or more whole
//! sentences of one paragraph, verbatim), and that the text mentions every actor at least once.

use crate::check::checker::{is_valid_id, keyword_hint, Checker};
use crate::check::verbatim::{self, toml_string, Field};
use crate::locate::passages::{locate_many, Place};
use crate::locate::sentences;
use crate::mark::marks::SentenceMarks;
use crate::read::annotations::{ActorEntry, RelationEntry, Text};
use crate::report::error::SourceFile;
use marginalia_model::{relation_id, Actor, ActorKind, Relation, RelationKind};
use std::collections::HashMap;

/// The actors, in the order they are defined; `mentions` counts each actor's links in the
/// text. Each relation's evidence goes into `marks`, to be marked in the text with the
/// relation's id.
pub(crate) fn build<'e>(
    c: &mut Checker,
    entries: &'e [ActorEntry],
    mentions: &HashMap<String, u32>,
    marks: &mut SentenceMarks<'e>,
) -> Vec<Actor> {
    // Verbatim evidence is looked for in the text, all at once; a reference names its place.
    let evidence: Vec<&str> = entries
        .iter()
        .flat_map(|a| &a.relation)
        .filter_map(|r| r.evidence.as_ref().map(|e| e.get_ref().as_str()))
        .collect();
    let mut evidence_found = locate_many(&c.texts, &evidence).into_iter();
    let mut actors = Vec::new();
    for a in entries {
        let kind = check_kind(c, a);
        if let Some(aff) = &a.affiliation {
            c.actor_ref(&c.src.actors, aff, "affiliation");
        }
        let count = mentions.get(a.id.get_ref()).copied().unwrap_or(0);
        // An invalid id is reported as such; that no link can name it follows from that.
        if count == 0 && is_valid_id(a.id.get_ref()) {
            unmentioned(c, a);
        }
        let mut relations = Vec::new();
        for (index, r) in a.relation.iter().enumerate() {
            let Some((at, evidence_at)) = evidence_of(c, a, r, &mut evidence_found) else {
                continue;
            };
            if let Some(relation) = relation(c, a, r, at, evidence_at) {
                relations.push(relation);
            }
            if let Some(place) = evidence_at.filter(|p| is_whole_sentence(c, p)) {
                marks.add_relation(place, relation_id(a.id.get_ref(), index), at);
            }
        }
        actors.push(Actor {
            id: a.id.get_ref().clone(),
            name: a.name.clone(),
            kind: kind.unwrap_or(ActorKind::Organisation),
            role: a.role.clone(),
            affiliation: a.affiliation.as_ref().map(|x| x.get_ref().clone()),
            aliases: a.aliases.clone(),
            description: a.description.clone(),
            relations,
            mention_count: count,
        });
    }
    actors
}

fn check_kind(c: &mut Checker, a: &ActorEntry) -> Option<ActorKind> {
    let kind = ActorKind::parse(a.kind.get_ref());
    if kind.is_none() {
        let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
        c.err_hint(
            &c.src.actors,
            &a.kind,
            format!(
                "actor `{}`: kind `{}` is not one of person, state, organisation, media",
                a.id.get_ref(),
                a.kind.get_ref()
            ),
            keyword_hint(a.kind.get_ref(), &kinds),
        );
    }
    kind
}

/// The error for an actor the text never links, with where its name appears unmarked.
fn unmentioned(c: &mut Checker, a: &ActorEntry) {
    let hint = c.costly_hint(|c| unmarked_name_hint(&c.src.article, a));
    c.err_hint(
        &c.src.actors,
        &a.id,
        format!(
            "actor `{0}` is never mentioned in article.md (mark one as [{1}](actor:{0}))",
            a.id.get_ref(),
            a.name
        ),
        hint,
    );
}

/// Where a relation's evidence is written (its `evidence` or `sentence` value) and where it
/// was found in the text, if it was; `None` (reported) when the relation gives neither or both.
fn evidence_of<'e>(
    c: &mut Checker,
    a: &ActorEntry,
    r: &'e RelationEntry,
    found: &mut impl Iterator<Item = Option<Place>>,
) -> Option<(&'e Text, Option<Place>)> {
    let src = c.src;
    let id = a.id.get_ref();
    match (&r.evidence, &r.sentence) {
        (Some(evidence), None) => Some((evidence, found.next().flatten())),
        (Some(evidence), Some(_)) => {
            found.next();
            let message =
                format!("actor `{id}`: a relation gives both `evidence` and `sentence`; keep one");
            c.err(&src.actors, evidence, message);
            None
        }
        (None, Some(sentence)) => {
            let place =
                sentences::by_reference(&c.texts, sentence.get_ref()).map(|(paragraph, r)| Place {
                    paragraph,
                    start: r.start,
                    end: r.end,
                });
            if place.is_none() {
                let hint = sentence_reference_hint(c, sentence.get_ref());
                let message = format!(
                    "actor `{id}`: relation sentence `{}` is not a sentence of article.md",
                    sentence.get_ref()
                );
                c.err_hint(&src.actors, sentence, message, Some(hint));
            }
            Some((sentence, place))
        }
        (None, None) => {
            let message = format!(
                "actor `{id}`: a relation needs its evidence: `sentence = \"3.2\"` (paragraph 3, sentence 2) or `evidence = \"<the sentence, verbatim>\"`"
            );
            c.err(&src.actors, &r.target, message);
            None
        }
    }
}

/// What a wrong sentence reference should look like, and how many sentences there are.
fn sentence_reference_hint(c: &Checker, reference: &str) -> String {
    let paragraphs = c.texts.len();
    match marginalia_model::sentences::parse_reference(reference) {
        None => "write the paragraph's number, a full stop and the sentence's number, from 1: \"3.2\" is the third paragraph's second sentence (headings count as paragraphs)".into(),
        Some((p, _)) if p > paragraphs => format!("article.md has {paragraphs} paragraphs (headings count)"),
        Some((p, _)) => format!(
            "paragraph {p} has {} sentences",
            sentences::count(&c.texts, p - 1)
        ),
    }
}

/// Checks one relation of actor `a`, whose evidence is written at `at`; the model's relation
/// when its kind is known.
fn relation(
    c: &mut Checker,
    a: &ActorEntry,
    r: &RelationEntry,
    at: &Text,
    evidence_at: Option<Place>,
) -> Option<Relation> {
    let kind = RelationKind::parse(r.kind.get_ref());
    if kind.is_none() {
        let known: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
        c.err_hint(
            &c.src.actors,
            &r.kind,
            format!(
                "relation kind `{}` is not one of {}",
                r.kind.get_ref(),
                known.join(", ")
            ),
            keyword_hint(r.kind.get_ref(), &known),
        );
    }
    c.actor_ref(&c.src.actors, &r.target, "relation target");
    match evidence_at {
        // A reference that names no sentence is reported by `evidence_of`.
        None if r.sentence.is_some() => return None,
        None => {
            let message = format!(
                "actor `{}`: relation evidence not found verbatim in article.md",
                a.id.get_ref()
            );
            let src = c.src;
            verbatim::not_found(c, &src.actors, at, message, Field::Key("evidence"));
        }
        Some(place) => whole_sentence(c, a, at, place),
    }
    // The model keeps the sentence's words, however the file gave them.
    let evidence = match (&r.sentence, evidence_at) {
        (Some(_), Some(p)) => c.texts[p.paragraph][p.start..p.end].to_string(),
        _ => at.get_ref().clone(),
    };
    Some(Relation {
        kind: kind?,
        target: r.target.get_ref().clone(),
        evidence,
    })
}

fn is_whole_sentence(c: &Checker, place: &Place) -> bool {
    sentences::is_whole(&c.texts[place.paragraph], &(place.start..place.end))
}

/// Evidence found at `place` must be whole sentences; a fragment is shown its sentence.
fn whole_sentence(c: &mut Checker, a: &ActorEntry, written: &Text, place: Place) {
    if is_whole_sentence(c, &place) {
        return;
    }
    let text = &c.texts[place.paragraph];
    let range = place.start..place.end;
    let sentence = sentences::enclosing(text, &range);
    let fix = format!("evidence = {}", toml_string(&text[sentence.clone()]));
    let at = c.article_offset(place.paragraph, sentence.start);
    let (line, column) = c.src.article.line_column(at);
    let message = format!(
        "actor `{}`: relation evidence is part of a sentence; give the whole sentence",
        a.id.get_ref()
    );
    let hint = format!(
        "evidence is a whole sentence of the article, so that the reader sees the relation in context; this one is at {}:{line}:{column}",
        c.src.article.short_name()
    );
    let error = c.src.actors.error_at(written.span().start, message);
    c.errors
        .push(error.with_hint(Some(hint)).with_fix(Some(fix)));
}

/// For an actor never marked in the text: where its name (or an alias) appears unmarked.
fn unmarked_name_hint(article: &SourceFile, actor: &ActorEntry) -> Option<String> {
    let id = actor.id.get_ref();
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .filter(|name| !name.trim().is_empty())
        .find_map(|name| {
            let at = unmarked_at(&article.text, name)?;
            let (line, column) = article.line_column(at);
            Some(format!(
                "“{name}” appears unmarked at {}:{line}:{column}; write it as [{name}](actor:{id})",
                article.short_name()
            ))
        })
}

/// The first place `name` stands in `text` as a whole word, not as a link's text.
fn unmarked_at(text: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let at = from + i;
        let end = at + name.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        let whole_word =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        // Not already the text of a link.
        let linked = before == Some('[') && text[end..].starts_with("](");
        if whole_word && !linked {
            return Some(at);
        }
        from = end;
    }
    None
}
