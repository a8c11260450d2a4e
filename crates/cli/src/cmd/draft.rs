//! `marginalia draft <ARTICLE>`: a first draft of an article folder's annotations. The folder
//! holds `article.md` as pasted and `meta.toml` (its `[source] date` anchors "on Wednesday");
//! the drafter (`marginalia_draft::write`, no file system in it) proposes the marks, actors,
//! quotes and dated events, and this writes them into the folder: every entry a suggestion
//! (`status = "suggested"`) until the writer confirms it. Drafting again keeps what the writer
//! confirmed, edited or deleted (`draft.toml` remembers what was suggested).
//!
//! `--compare <ANNOTATED>` drafts a hand-annotated article from its text alone (marks taken
//! out) and prints precision and recall for each kind against the hand annotations, writing
//! nothing.
//!
//! Status: fine when written (or compared), usage when the folder or its `meta.toml` cannot be
//! read or gives no report date, failed when a file cannot be written.

use super::Status;
use marginalia_draft::write::{draft, Inputs};
use std::path::Path;
use std::time::Instant;

/// The files `draft` reads and writes, beside the article's five.
pub const RECORD: &str = "draft.toml";

pub fn run(folder: &Path, compare: bool) -> Status {
    if compare {
        return super::compare::run(folder);
    }
    let started = Instant::now();
    let read = |name: &str| std::fs::read_to_string(folder.join(name)).unwrap_or_default();
    let article = match std::fs::read_to_string(folder.join("article.md")) {
        Ok(text) => text,
        Err(e) => {
            eprintln!(
                "draft: cannot read {}: {e}",
                folder.join("article.md").display()
            );
            return Status::Usage;
        }
    };
    let (meta, actors, events, quotes, record) = (
        read("meta.toml"),
        read("actors.toml"),
        read("events.toml"),
        read("quotes.toml"),
        read(RECORD),
    );
    let inputs = Inputs {
        article: &article,
        meta: &meta,
        actors: &actors,
        events: &events,
        quotes: &quotes,
        record: &record,
    };
    let drafted = match draft(&inputs) {
        Ok(d) => d,
        Err(message) => {
            eprintln!("draft: {}: {message}", folder.display());
            return Status::Usage;
        }
    };
    for (name, text) in [
        ("article.md", &drafted.article),
        ("actors.toml", &drafted.actors),
        ("events.toml", &drafted.events),
        ("quotes.toml", &drafted.quotes),
        (RECORD, &drafted.record),
    ] {
        if let Err(e) = std::fs::write(folder.join(name), text) {
            eprintln!("draft: cannot write {}: {e}", folder.join(name).display());
            return Status::Failed;
        }
    }
    let s = &drafted.summary;
    eprintln!(
        "draft: {}: suggested {} actors, {} relations, {} quotes ({} without a speaker), {} dated events and {} marks in {} ms{}",
        folder.display(),
        s.actors,
        s.relations,
        s.quotes,
        s.quotes_without_speaker,
        s.events,
        s.marks,
        started.elapsed().as_millis(),
        if s.rejected_before > 0 {
            format!("; {} you rejected before stay out", s.rejected_before)
        } else {
            String::new()
        }
    );
    eprintln!(
        "draft: every new entry has `status = \"suggested\"`: check each against the article, then delete \
         its status and confidence lines to confirm it, or the entry to reject it (`marginalia check` lists those left)"
    );
    Status::Fine
}
