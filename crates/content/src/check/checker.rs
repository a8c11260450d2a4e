//! Step 3 of the pipeline (`check/`): the [`Checker`] that the per-file checks
//! ([`crate::check::actors`], [`crate::check::events`], [`crate::check::quotes`],
//! [`crate::check::meta`]) share. It collects every error with its file, line and column; knows
//! the ids each file defines, to check references to them; and holds the hint budget, spent
//! only through [`Checker::costly_hint`].

use crate::locate::positions;
use crate::read::annotations::{Files, Text};
use crate::read::Sources;
use crate::report::error::{ContentError, SourceFile};
use crate::report::hints;
use marginalia_model::DateSpan;
use std::collections::{HashMap, HashSet};

/// How many hints that search the article or compare with every known id one check may
/// compute; past that, errors come without them, so that a file full of mistakes (or a fuzzer's
/// input) is still checked quickly.
const HINT_BUDGET: usize = 200;

pub(crate) struct Checker<'a> {
    pub src: &'a Sources,
    pub errors: Vec<ContentError>,
    /// The plain text of each paragraph, and where each starts in `article.md`.
    pub texts: Vec<String>,
    pub paragraph_offsets: Vec<usize>,
    /// Known ids in the order they are defined, or `None` when their file did not parse (then
    /// references to them are not checked: every one would be a false alarm).
    actor_ids: Option<Known>,
    event_ids: Option<Known>,
    hints_left: usize,
}

/// The ids a file defines: in order (for hints) and as a set (for lookups).
struct Known {
    ordered: Vec<String>,
    set: HashSet<String>,
}

impl Known {
    fn new<'e>(ids: impl Iterator<Item = &'e Text>) -> Known {
        let ordered: Vec<String> = ids.map(|id| id.get_ref().clone()).collect();
        let set = ordered.iter().cloned().collect();
        Known { ordered, set }
    }

    fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn new(
        src: &'a Sources,
        errors: Vec<ContentError>,
        files: &Files,
        texts: Vec<String>,
        paragraph_offsets: Vec<usize>,
    ) -> Checker<'a> {
        Checker {
            src,
            errors,
            texts,
            paragraph_offsets,
            actor_ids: (files.actors.is_some())
                .then(|| Known::new(files.actors().iter().map(|a| &a.id))),
            event_ids: (files.events.is_some())
                .then(|| Known::new(files.events().iter().map(|e| &e.id))),
            hints_left: HINT_BUDGET,
        }
    }

    /// Computes a hint that searches the article or compares with many entries, while the
    /// budget lasts (each call spends one); `None` once it is spent. The only way to spend it.
    pub(crate) fn costly_hint<T>(&mut self, hint: impl FnOnce(&Self) -> Option<T>) -> Option<T> {
        if self.hints_left == 0 {
            return None;
        }
        self.hints_left -= 1;
        hint(self)
    }

    pub(crate) fn err(&mut self, file: &SourceFile, at: &Text, message: String) {
        self.err_hint(file, at, message, None);
    }

    pub(crate) fn err_hint(
        &mut self,
        file: &SourceFile,
        at: &Text,
        message: String,
        hint: Option<String>,
    ) {
        self.errors
            .push(file.error_at(at.span().start, message).with_hint(hint));
    }

    /// Checks that ids are well formed and defined once.
    pub(crate) fn check_ids<'e>(
        &mut self,
        file: &SourceFile,
        what: &str,
        ids: impl Iterator<Item = &'e Text>,
    ) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for id in ids {
            if !is_valid_id(id.get_ref()) {
                let slug = hints::slug(id.get_ref());
                let hint = (!slug.is_empty()).then(|| format!("write it as `{slug}`"));
                self.err_hint(
                    file,
                    id,
                    format!(
                        "{what} id `{}` must use only lowercase letters, digits and hyphens",
                        id.get_ref()
                    ),
                    hint,
                );
            } else if let Some(first) = seen.get(id.get_ref()) {
                let (line, _) = file.line_column(*first);
                self.err_hint(
                    file,
                    id,
                    format!("{what} id `{}` is used twice", id.get_ref()),
                    Some(format!(
                        "it is first defined at line {line}; give this one another id"
                    )),
                );
            } else {
                seen.insert(id.get_ref().clone(), id.span().start);
            }
        }
    }

    /// A date or span as the model holds it, or an error where it is written.
    pub(crate) fn date(&mut self, file: &SourceFile, at: &Text) -> Option<DateSpan> {
        match DateSpan::parse(at.get_ref()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(file, at, e.0);
                None
            }
        }
    }

    /// Whether `actors.toml` defines an actor; `None` when it did not parse.
    pub(crate) fn is_actor(&self, id: &str) -> Option<bool> {
        self.actor_ids.as_ref().map(|ids| ids.contains(id))
    }

    /// A hint for an actor id that `actors.toml` does not define (within the budget).
    pub(crate) fn unknown_actor_hint(&mut self, id: &str) -> Option<String> {
        self.costly_hint(|c| {
            let ids = c.actor_ids.as_ref()?;
            Some(unknown_id_hint(id, &ids.ordered, "actor", "actors.toml"))
        })
    }

    /// Checks a reference to an actor (when actors.toml parsed), suggesting the nearest id.
    pub(crate) fn actor_ref(&mut self, file: &SourceFile, at: &Text, what: &str) {
        if self.is_actor(at.get_ref()) != Some(false) {
            return;
        }
        let hint = self.unknown_actor_hint(at.get_ref());
        self.err_hint(
            file,
            at,
            format!("{what} `{}` is not an actor in actors.toml", at.get_ref()),
            hint,
        );
    }

    /// Checks a reference to an event (when events.toml parsed), suggesting the nearest id.
    pub(crate) fn event_ref(&mut self, file: &SourceFile, at: &Text) {
        let id = at.get_ref();
        if self.event_ids.as_ref().is_none_or(|ids| ids.contains(id)) {
            return;
        }
        let hint = self.costly_hint(|c| {
            let ids = c.event_ids.as_ref()?;
            Some(unknown_id_hint(id, &ids.ordered, "event", "events.toml"))
        });
        self.err_hint(
            file,
            at,
            format!("event `{id}` is not in events.toml"),
            hint,
        );
    }

    /// A hint pointing at the article's text closest to `needle`, with every difference,
    /// and the article's text to paste instead when `needle` is surely a copy of it (within
    /// the budget).
    pub(crate) fn closest_text_hint(&mut self, needle: &str) -> Option<(String, Option<String>)> {
        self.costly_hint(|c| c.closest_text(needle))
    }

    fn closest_text(&self, needle: &str) -> Option<(String, Option<String>)> {
        let closest = hints::closest_text(&self.texts, needle)?;
        let at = self.article_offset(closest.paragraph, closest.start);
        let (line, column) = self.src.article.line_column(at);
        let mut hint = format!(
            "closest text, at {}:{line}:{column}: \"{}\"",
            self.src.article.short_name(),
            closest.excerpt
        );
        for difference in &closest.differences {
            hint.push_str("; ");
            hint.push_str(difference);
        }
        Some((hint, closest.corrected))
    }

    /// Where in `article.md` byte `at` of a paragraph's plain text is written.
    pub(crate) fn article_offset(&self, paragraph: usize, at: usize) -> usize {
        let from = self.paragraph_offsets.get(paragraph).copied().unwrap_or(0);
        let plain = self.texts.get(paragraph).map_or("", String::as_str);
        positions::source_offset(&self.src.article.text, from, plain, at)
    }
}

/// "did you mean `putin`?", or what the file defines when no id is close.
fn unknown_id_hint(id: &str, known: &[String], what: &str, file: &str) -> String {
    if let Some(hint) = hints::did_you_mean(id, known.iter().map(String::as_str)) {
        return hint;
    }
    match known.len() {
        0 => format!("{file} defines no {what} yet"),
        n if n <= 12 => format!(
            "the {what}s in {file} are: {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        n => format!("no {what} id in {file} is close to it ({n} {what}s are defined)"),
    }
}

/// "did you mean …?" among fixed keywords.
pub(crate) fn keyword_hint(word: &str, keywords: &[&str]) -> Option<String> {
    hints::did_you_mean(word, keywords.iter().copied())
}

pub(crate) use marginalia_model::rules::is_valid_id;
