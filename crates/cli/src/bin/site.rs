//! Builds the site: `site <viewer folder> <content folder> <out folder> [--examples <folder>]`.
//!
//! `make build` runs it after building the viewer (`trunk` into `target/viewer`, then
//! `tools/package.mjs`): `site target/viewer content dist --examples examples/articles`.
//! Every article is checked first; on any content error it prints them all
//! (`file:line:column: message` and a hint) and writes nothing, so the last good site stays.
//! `MARGINALIA_SITE_URL` (an absolute http(s) address) adds canonical links, `sitemap.xml`
//! and `feed.atom`.
//!
//! Exit status: 0 built, 1 content errors, 2 bad usage or a missing viewer build.

use marginalia_cli::site::{load_articles, write_site, Viewer};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let started = Instant::now();
    let mut positional = Vec::new();
    let mut examples = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--examples" => examples = args.next().map(PathBuf::from),
            "-h" | "--help" => return usage(),
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    let [viewer, content, out] = positional.as_slice() else {
        return usage();
    };
    let site_url = match std::env::var("MARGINALIA_SITE_URL") {
        Ok(value) if !value.trim().is_empty() => match marginalia_cli::page::site_url(&value) {
            Ok(url) => Some(url),
            Err(message) => {
                eprintln!("site: {message}");
                return ExitCode::from(2);
            }
        },
        _ => None,
    };
    let viewer = match Viewer::open(viewer) {
        Ok(v) => v,
        Err(message) => {
            eprintln!("site: {message}");
            return ExitCode::from(2);
        }
    };
    let articles = load_articles(content);
    let examples = examples
        .map(|dir| load_articles(&dir))
        .unwrap_or(Ok(Vec::new()));
    let (articles, examples) = match (articles, examples) {
        (Ok(a), Ok(e)) => (a, e),
        (a, e) => {
            for report in [a.err(), e.err()].into_iter().flatten() {
                eprintln!("{report}");
            }
            eprintln!("site: content errors (above); nothing was written");
            return ExitCode::from(1);
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
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("site: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: site <viewer folder> <content folder> <out folder> [--examples <folder>]");
    ExitCode::from(2)
}
