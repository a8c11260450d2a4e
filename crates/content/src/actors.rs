//! Step 4d of the pipeline: `actors.toml` to the model's [`Actor`]s. Checks each actor's kind,
//! affiliation and relations (each relation's evidence must stand verbatim in the article),
//! and that the text mentions every actor at least once.

use crate::annotations::{ActorEntry, RelationEntry};
use crate::checker::{is_valid_id, keyword_hint, Checker};
use crate::error::SourceFile;
use crate::passages::locate_many;
use marginalia_model::{Actor, ActorKind, Relation, RelationKind};
use std::collections::HashMap;

/// The actors, in the order they are defined; `mentions` counts each actor's links in the
/// text, and relation evidence is looked for in `full_text`, the whole article's plain text.
pub(crate) fn build(
    c: &mut Checker,
    entries: &[ActorEntry],
    mentions: &HashMap<String, u32>,
    full_text: &str,
) -> Vec<Actor> {
    let evidence: Vec<&str> = entries
        .iter()
        .flat_map(|a| a.relation.iter().map(|r| r.evidence.get_ref().as_str()))
        .collect();
    let texts = [full_text.to_string()];
    let mut evidence_found = locate_many(&texts, &evidence)
        .into_iter()
        .map(|p| p.is_some());
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
        let relations = a
            .relation
            .iter()
            .filter_map(|r| relation(c, a, r, evidence_found.next() == Some(true)))
            .collect();
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

/// Checks one relation of actor `a`; the model's relation when its kind is known.
fn relation(
    c: &mut Checker,
    a: &ActorEntry,
    r: &RelationEntry,
    evidence_found: bool,
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
    if !evidence_found {
        let hint = c.closest_text_hint(r.evidence.get_ref());
        c.err_hint(
            &c.src.actors,
            &r.evidence,
            format!(
                "actor `{}`: relation evidence not found verbatim in article.md",
                a.id.get_ref()
            ),
            hint,
        );
    }
    Some(Relation {
        kind: kind?,
        target: r.target.get_ref().clone(),
        evidence: r.evidence.get_ref().clone(),
    })
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
