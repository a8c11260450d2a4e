//! `marginalia build <VIEWER> <CONTENT> <OUT> [--examples DIR]`: writes the site.
//!
//! `make build` runs it after building the viewer (`trunk` into `target/viewer`, then
//! `tools/package.mjs`): `build target/viewer content dist --examples examples/articles`.
//! Every article is checked first; on any content error it prints them all
//! (`file:line:column: message` and a hint) and writes nothing, so the last good site stays.
//! `MARGINALIA_SITE_URL` (an absolute http(s) address) adds canonical links, `sitemap.xml`
//! and `feed.atom`. With `--drafts` (what `make dev` runs), entries `draft` suggested and the
//! writer has not confirmed are built too, shown as suggestions, instead of refused: a preview,
//! never what is published. Everything it prints goes to stderr.
//!
//! Status: fine when built, failed on content errors, usage on a bad `MARGINALIA_SITE_URL`, a
//! missing viewer build or an output folder that cannot be written.

use super::Status;
use crate::page;
use crate::site::{load_articles, write_site, Viewer};
use marginalia_content::Drafts;
use std::path::Path;
use std::time::Instant;

/// The environment variable that names the site's address.
pub const SITE_URL_VARIABLE: &str = "MARGINALIA_SITE_URL";

pub fn run(
    viewer: &Path,
    content: &Path,
    out: &Path,
    examples: Option<&Path>,
    drafts: Drafts,
) -> Status {
    let started = Instant::now();
    let site_url = match std::env::var(SITE_URL_VARIABLE) {
        Ok(value) if !value.trim().is_empty() => match page::site_url(&value) {
            Ok(url) => Some(url),
            Err(message) => {
                eprintln!("site: {message}");
                return Status::Usage;
            }
        },
        _ => None,
    };
    let viewer = match Viewer::open(viewer) {
        Ok(v) => v,
        Err(message) => {
            eprintln!("site: {message}");
            return Status::Usage;
        }
    };
    let articles = load_articles(content, drafts);
    let examples = examples
        .map(|dir| load_articles(dir, Drafts::Refuse))
        .unwrap_or(Ok(Vec::new()));
    let (articles, examples) = match (articles, examples) {
        (Ok(a), Ok(e)) => (a, e),
        (a, e) => {
            for report in [a.err(), e.err()].into_iter().flatten() {
                eprintln!("{report}");
            }
            eprintln!("site: content errors (above); nothing was written");
            return Status::Failed;
        }
    };
    match write_site(&viewer, &articles, &examples, out, site_url.as_deref()) {
        Ok(written) => {
            eprintln!(
                "site: {} article(s) and {} example(s) into {} ({} pages) in {} ms",
                articles.len(),
                examples.len(),
                out.display(),
                written.pages.len(),
                started.elapsed().as_millis()
            );
            Status::Fine
        }
        Err(e) => {
            eprintln!("site: cannot write {}: {e}", out.display());
            Status::Usage
        }
    }
}
