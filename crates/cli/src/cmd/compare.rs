//! `marginalia draft --compare <ANNOTATED>`: the drafter on a hand-annotated article's text
//! (marks taken out), scored against the hand annotations (`marginalia_draft::compare`).
//! Writes nothing.

use super::Status;
use marginalia_content::{load_article, report};
use marginalia_draft::compare::{compare, table};
use marginalia_draft::write::{find, report_date};
use std::path::Path;
use std::time::Instant;

pub fn run(folder: &Path) -> Status {
    let article = match load_article(folder) {
        Ok(a) => a,
        Err(errors) => {
            eprintln!("{}", report(&errors));
            eprintln!(
                "draft --compare: {} must be a checked, annotated article",
                folder.display()
            );
            return Status::Usage;
        }
    };
    let read = |name: &str| std::fs::read_to_string(folder.join(name)).unwrap_or_default();
    let report = match report_date(&read("meta.toml")) {
        Ok(d) => d,
        Err(message) => {
            eprintln!("draft --compare: {message}");
            return Status::Usage;
        }
    };
    let (text, marks) = marginalia_draft::marks_in(&read("article.md"));
    let started = Instant::now();
    let found = find(&text, report);
    let took = started.elapsed();
    let comparison = compare(&found, &article, &marks);
    println!(
        "draft --compare {}: drafted from its text alone in {} ms",
        folder.display(),
        took.as_millis()
    );
    print!("{}", table(&comparison));
    Status::Fine
}
