//! `marginalia check [PATH]...`: the author's checker (what `make check` runs).
//!
//! Runs the same pipeline as the build (`marginalia-content`) on each article folder and prints
//! every error at once, as `file:line:column: message`, each followed by an indented `hint:`
//! line when the checker can tell how to fix it, and a `fix:` line with the corrected line to
//! paste when it can make one. Prints `ok: <n> actors, <n> events, <n> quotes` (on stdout) for
//! a folder without errors. Warnings (a known name left unmarked) are printed the same way, on
//! stderr, and change no status.
//!
//! A folder that holds none of an article's five files is taken as a folder of articles: each
//! folder inside it is checked (in name order; hidden ones are skipped), and each result is
//! prefixed with the article's folder.
//!
//! Status: fine when every article is, failed when any has content errors, usage when a path
//! is not a folder or holds no article.

use super::Status;
use marginalia_content::unmarked::unmarked_names;
use marginalia_content::{build_article, report, Sources, FILE_NAMES};
use std::path::{Path, PathBuf};

pub fn run(paths: &[PathBuf]) -> Status {
    let mut articles = Vec::new();
    for dir in paths {
        match articles_in(dir) {
            Ok(found) => articles.extend(found),
            Err(message) => {
                eprintln!("error: {message}");
                return Status::Usage;
            }
        }
    }
    let several = articles.len() > 1;
    let mut failed = false;
    for dir in &articles {
        let prefix = if several {
            format!("{dir}: ")
        } else {
            String::new()
        };
        // The folder is read once, for its warnings and its check.
        let checked = Sources::read_dir(Path::new(dir)).and_then(|sources| {
            print_warnings(&sources);
            build_article(&sources)
        });
        match checked {
            Ok(article) => println!(
                "{prefix}ok: {} actors, {} events, {} quotes",
                article.actors.len(),
                article.events.len(),
                article.quotes.len()
            ),
            Err(errors) => {
                failed = true;
                let n = errors.len();
                eprintln!("{}", report(&errors));
                eprintln!(
                    "error: {n} content error{} in {dir}",
                    if n == 1 { "" } else { "s" }
                );
            }
        }
    }
    if failed {
        Status::Failed
    } else {
        Status::Fine
    }
}

/// Prints the article's warnings (known names left unmarked).
pub fn print_warnings(sources: &Sources) {
    let warnings = warnings(sources);
    if !warnings.is_empty() {
        eprintln!("{warnings}");
    }
}

/// The article's warnings as [`print_warnings`] prints them; empty when there are none.
pub fn warnings(sources: &Sources) -> String {
    let warnings = unmarked_names(sources);
    if warnings.is_empty() {
        String::new()
    } else {
        report(&warnings)
    }
}

/// The article folders a command-line folder names: itself when it holds any of an article's
/// files, else the folders inside it.
fn articles_in(path: &Path) -> Result<Vec<String>, String> {
    let shown = path.display().to_string();
    if !path.is_dir() {
        return Err(format!("`{shown}` is not a folder"));
    }
    if FILE_NAMES.iter().any(|name| path.join(name).exists()) {
        return Ok(vec![shown]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path().display().to_string())
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(format!(
            "`{shown}` holds no article: an article folder holds {}",
            FILE_NAMES.join(", ")
        ));
    }
    Ok(found)
}
