//! Step 1 of the pipeline (`read/`): size limits of one article, checked before anything grows
//! with the input. The viewer holds the whole article in memory and renders every paragraph, so
//! the build refuses content beyond these (about twenty times what a long feature needs; a
//! synthetic article 100 times the seed's size passes, 1000 times does not).
//!
//! File sizes are checked before anything is parsed (`check_sizes`); the number of actors,
//! events and quotes right after the TOML is read (`check_counts`).

use crate::read::annotations::Files;
use crate::read::Sources;
use crate::report::error::ContentError;

/// The most bytes `article.md` may hold (2 MiB).
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;
/// The most bytes each TOML file may hold (4 MiB).
pub const MAX_TOML_BYTES: usize = 4 * 1024 * 1024;
/// The most actors `actors.toml` may define.
pub const MAX_ACTORS: usize = 5000;
/// The most events `events.toml` may define.
pub const MAX_EVENTS: usize = 5000;
/// The most quotes `quotes.toml` may define.
pub const MAX_QUOTES: usize = 5000;

/// A byte count for people: "2 MiB", "575.1 KiB", "300 bytes".
fn show_bytes(n: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= KIB {
        format!("{:.1} KiB", n as f64 / KIB as f64)
    } else {
        format!("{n} bytes")
    }
}

/// The hint of every error here: the limit to raise, by its name.
fn split_hint(name: &str) -> Option<String> {
    Some(format!(
        "split the article in two, or raise content::limits::{name} if the viewer must hold more"
    ))
}

/// Refuses files over the size limits, each with its own error.
pub(crate) fn check_sizes(src: &Sources) -> Result<(), Vec<ContentError>> {
    let files = [
        (&src.meta, MAX_TOML_BYTES, "MAX_TOML_BYTES"),
        (&src.article, MAX_ARTICLE_BYTES, "MAX_ARTICLE_BYTES"),
        (&src.actors, MAX_TOML_BYTES, "MAX_TOML_BYTES"),
        (&src.events, MAX_TOML_BYTES, "MAX_TOML_BYTES"),
        (&src.quotes, MAX_TOML_BYTES, "MAX_TOML_BYTES"),
    ];
    let errors: Vec<ContentError> = files
        .into_iter()
        .filter(|(file, max, _)| file.text.len() > *max)
        .map(|(file, max, name)| {
            file.error_at(
                0,
                format!(
                    "{} is {} bytes ({}), over the limit of {max} bytes ({}) for one file",
                    file.short_name(),
                    file.text.len(),
                    show_bytes(file.text.len()),
                    show_bytes(max)
                ),
            )
            .with_hint(split_hint(name))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Errors for more actors, events or quotes than the limits allow, each at the first entry
/// too many; empty when every count is within its limit.
pub(crate) fn check_counts(src: &Sources, files: &Files) -> Vec<ContentError> {
    let (actors, events, quotes) = (files.actors(), files.events(), files.quotes());
    let counts = [
        (
            &src.actors,
            "actors",
            actors.get(MAX_ACTORS).map(|a| &a.id),
            actors.len(),
            MAX_ACTORS,
            "MAX_ACTORS",
        ),
        (
            &src.events,
            "events",
            events.get(MAX_EVENTS).map(|e| &e.id),
            events.len(),
            MAX_EVENTS,
            "MAX_EVENTS",
        ),
        (
            &src.quotes,
            "quotes",
            quotes.get(MAX_QUOTES).map(|q| &q.id),
            quotes.len(),
            MAX_QUOTES,
            "MAX_QUOTES",
        ),
    ];
    counts
        .into_iter()
        .filter_map(|(file, what, first_over, n, max, name)| {
            let message = format!(
                "{} defines {n} {what}, over the limit of {max}; this is the first one too many",
                file.short_name()
            );
            Some(
                file.error_at(first_over?.span().start, message)
                    .with_hint(split_hint(name)),
            )
        })
        .collect()
}
