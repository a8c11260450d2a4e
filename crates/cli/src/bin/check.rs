//! The author's checker: `cargo run --bin check -- content/<article> [more folders…]`, or
//! `check content` for every article under `content/` (what `make check` runs).
//!
//! Runs the same pipeline as the build (`marginalia-content`) on each article folder and prints
//! every error at once, as `file:line:column: message`, each followed by an indented `hint:`
//! line when the checker can tell how to fix it, and a `fix:` line with the corrected line to
//! paste when it can make one. Prints `ok: <n> actors, <n> events, <n> quotes` for a folder
//! without errors.
//!
//! A folder that holds none of an article's five files is taken as a folder of articles: each
//! folder inside it is checked (in name order; hidden ones are skipped), and each result is
//! prefixed with the article's folder.
//!
//! Exit status: 0 when every article is fine, 1 when any has content errors, 2 on bad usage.
//! Native only: on wasm32 (where the crate's app is built) this compiles to an empty stub.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use marginalia_content::{load_article, report};
    use std::path::Path;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!(
            "usage: check <article folder> [more folders…]\n\n\
             Checks an article folder (meta.toml, article.md, actors.toml, events.toml,\n\
             quotes.toml) and prints every error with its file, line, column and a hint.\n\
             A folder of article folders (such as content) checks each article in it.\n\
             Example: cargo run --bin check -- content/putin-kim-pact"
        );
        return ExitCode::from(2);
    }
    let mut articles = Vec::new();
    for dir in &args {
        match articles_in(Path::new(dir)) {
            Ok(found) => articles.extend(found),
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
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
        match load_article(Path::new(dir)) {
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
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The article folders a command-line folder names: itself when it holds any of an article's
/// files, else the folders inside it.
#[cfg(not(target_arch = "wasm32"))]
fn articles_in(path: &std::path::Path) -> Result<Vec<String>, String> {
    use marginalia_content::FILE_NAMES;

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

#[cfg(target_arch = "wasm32")]
fn main() {}
