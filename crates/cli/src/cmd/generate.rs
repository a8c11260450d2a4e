//! `marginalia generate [--times N] [--out DIR] [--seed DIR]`: a synthetic article N times the
//! seed's length, for testing large input:
//!
//! ```sh
//! cargo run --release -p marginalia-cli -- generate --times 100 --out target/synthetic-100
//! cargo run --release -p marginalia-cli -- check target/synthetic-100
//! ```
//!
//! The article is built by [`synthetic`] and checked before it is written; it fails the size
//! limits of `marginalia_content::limits` when N is large (1000 does), which is reported, and
//! the files are written anyway so that the error can be seen with the checker.
//!
//! Status: fine when written and checked, failed when the seed or the synthetic article has
//! content errors or the folder cannot be written.

pub mod synthetic;

use super::Status;
use marginalia_content::{build_article, report, Sources};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Writes the article `times` × `seed` into `out` (by default `target/synthetic-<times>`).
pub fn run(times: usize, out: Option<&Path>, seed: &Path) -> Status {
    let out = out.map_or_else(
        || PathBuf::from(format!("target/synthetic-{times}")),
        Path::to_path_buf,
    );
    let out = out.as_path();
    let sources = match Sources::read_dir(seed) {
        Ok(s) => s,
        Err(errors) => {
            eprintln!("{}", report(&errors));
            return Status::Failed;
        }
    };
    let synthetic = match synthetic::synthesize(&sources, times) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return Status::Failed;
        }
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return Status::Failed;
    }
    for file in [
        &synthetic.meta,
        &synthetic.article,
        &synthetic.actors,
        &synthetic.events,
        &synthetic.quotes,
    ] {
        let path = out.join(Path::new(&file.name));
        if let Err(e) = std::fs::write(&path, &file.text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return Status::Failed;
        }
    }
    let bytes = synthetic.article.text.len();
    println!(
        "wrote {} ({times} × {}): article.md {bytes} bytes",
        out.display(),
        seed.display()
    );
    let started = Instant::now();
    match build_article(&synthetic) {
        Ok(a) => {
            let elapsed = started.elapsed();
            let data = marginalia_model::data::encode("synthetic", &a).len();
            println!(
                "checked in {elapsed:.2?}: {} actors, {} events, {} quotes, {} paragraphs, {} words; {data} bytes of article data",
                a.actors.len(),
                a.events.len(),
                a.quotes.len(),
                a.blocks.len(),
                a.meta.word_count
            );
            Status::Fine
        }
        Err(errors) => {
            let first: Vec<_> = errors.iter().take(5).cloned().collect();
            eprintln!("{}", report(&first));
            eprintln!(
                "the synthetic article does not pass the checks ({} error(s); first ones above)",
                errors.len()
            );
            Status::Failed
        }
    }
}
