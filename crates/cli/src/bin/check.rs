//! The author's checker: `cargo run --bin check -- content/<article> [more folders…]`.
//!
//! Runs the same pipeline as the build (`marginalia::content`) on each article folder and
//! prints every error at once, as `file:line:column: message`, each followed by an indented
//! `hint:` line when the checker can tell how to fix it. Prints
//! `ok: <n> actors, <n> events, <n> quotes` for a folder without errors.
//!
//! Exit status: 0 when every folder is fine, 1 when any has content errors, 2 on bad usage.
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
             Example: cargo run --bin check -- content/putin-kim-pact"
        );
        return ExitCode::from(2);
    }
    let several = args.len() > 1;
    let mut failed = false;
    for dir in &args {
        let path = Path::new(dir);
        if !path.is_dir() {
            eprintln!("error: `{dir}` is not a folder");
            return ExitCode::from(2);
        }
        let prefix = if several {
            format!("{dir}: ")
        } else {
            String::new()
        };
        match load_article(path) {
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

#[cfg(target_arch = "wasm32")]
fn main() {}
