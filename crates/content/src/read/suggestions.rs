//! Step 1 of the pipeline (`read/`), once the TOML is read: suggestions are not publications.
//! `draft` writes every entry it proposes with `status = "suggested"` (and a `confidence`); the
//! writer confirms one by deleting those lines, or rejects it by deleting the entry. An article
//! with an unconfirmed suggestion does not build: each is reported where its status line is,
//! with how to confirm; only a preview of drafts ([`Drafts::Preview`]) keeps them, marked as
//! suggestions.

use crate::read::annotations::{Files, Text};
use crate::read::Sources;
use crate::report::error::{ContentError, SourceFile};
use marginalia_model::{relation_id, suggestion_key};

/// What a build does with entries `draft` suggested that the writer has not confirmed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Drafts {
    /// Refuse them, each an error where its status line is: what is published.
    #[default]
    Refuse,
    /// Keep them, marked as suggestions ([`Article::suggested`]), for the writer's preview
    /// (`marginalia build --drafts`, `make dev`).
    ///
    /// [`Article::suggested`]: marginalia_model::Article::suggested
    Preview,
}

/// The one value `status` may have.
pub(crate) const SUGGESTED: &str = "suggested";

/// An error for every entry still marked as a suggestion (or with another status), unless
/// `drafts` previews them; the suggestions' keys ([`suggestion_key`]), for the preview.
pub(crate) fn check(
    src: &Sources,
    files: &Files,
    drafts: Drafts,
    errors: &mut Vec<ContentError>,
) -> Vec<String> {
    let mut suggested = Vec::new();
    let actors = files
        .actors()
        .iter()
        .map(|a| (&src.actors, "actor", a.id.get_ref().clone(), &a.status));
    // A relation is named by its actor and its place among that actor's relations (`russia.0`).
    let relations = files.actors().iter().flat_map(|a| {
        a.relation.iter().enumerate().map(|(n, r)| {
            (
                &src.actors,
                "relation",
                relation_id(a.id.get_ref(), n),
                &r.status,
            )
        })
    });
    let events = files
        .events()
        .iter()
        .map(|e| (&src.events, "event", e.id.get_ref().clone(), &e.status));
    let quotes = files.quotes().iter().map(|q| {
        // A title is no quote of the article: previewed, it has nothing to mark.
        let kind = match &q.kind {
            Some(k) if k.get_ref() == "title" => "title",
            _ => "quote",
        };
        (&src.quotes, kind, q.id.get_ref().clone(), &q.status)
    });
    for (file, kind, id, status) in actors.chain(relations).chain(events).chain(quotes) {
        match status {
            // Previewed; a title has no key (nothing marks it).
            Some(s) if drafts == Drafts::Preview && s.get_ref() == SUGGESTED => {
                suggested.extend((kind != "title").then(|| suggestion_key(kind, &id)));
            }
            Some(status) => errors.push(refusal(file, kind, &id, status)),
            None => {}
        }
    }
    suggested
}

fn refusal(file: &SourceFile, kind: &str, id: &str, status: &Text) -> ContentError {
    let at = status.span().start;
    if status.get_ref() == SUGGESTED {
        file.error_at(
            at,
            format!(
                "{kind} `{}` is a suggestion of `marginalia draft`, not yet confirmed",
                id
            ),
        )
        .with_hint(Some(
            "check it against the article, then delete its `status` and `confidence` lines to confirm it, or delete the whole entry to reject it".into(),
        ))
    } else {
        file.error_at(
            at,
            format!(
                "{kind} `{}`: status can only be \"{SUGGESTED}\" (written by `marginalia draft`), not \"{}\"",
                id,
                status.get_ref()
            ),
        )
        .with_hint(Some("a confirmed entry has no status line".into()))
    }
}
