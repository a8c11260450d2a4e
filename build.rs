//! Build step: check the article's content and embed it.
//!
//! Reads `content/$MARGINALIA_ARTICLE` (default `putin-kim-pact`) with the same pipeline that
//! `cargo test` exercises (`src/content`), prints every error as `file:line:column: message`
//! (with a `hint:` line where the checker has one) and fails the build if there is any, else
//! writes `$OUT_DIR/article.postcard`.
//!
//! `MARGINALIA_ARTICLE` names a folder under `content/`; a value that is an absolute path or
//! starts with `./` or `../` is taken as a path from the crate's root instead (for generated
//! articles, e.g. `MARGINALIA_ARTICLE=./target/synthetic-100`).

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

#[allow(dead_code, unused_imports)]
#[path = "src/content/mod.rs"]
mod content;

use std::path::PathBuf;

fn main() {
    let article = std::env::var("MARGINALIA_ARTICLE").unwrap_or_else(|_| "putin-kim-pact".into());
    let outside = article.starts_with("./")
        || article.starts_with("../")
        || std::path::Path::new(&article).is_absolute();
    let dir = if outside {
        PathBuf::from(&article)
    } else {
        PathBuf::from("content").join(&article)
    };
    println!("cargo::rerun-if-env-changed=MARGINALIA_ARTICLE");
    println!("cargo::rerun-if-changed=content");
    if outside {
        println!("cargo::rerun-if-changed={}", dir.display());
    }
    println!("cargo::rerun-if-changed=src/model");
    println!("cargo::rerun-if-changed=src/content");

    match content::load_article(&dir) {
        Ok(article) => {
            let bytes = postcard::to_allocvec(&article).expect("the model serialises");
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
            std::fs::write(out.join("article.postcard"), bytes).expect("write OUT_DIR");
        }
        Err(errors) => {
            eprintln!("{}", content::report(&errors));
            eprintln!(
                "error: the article in {} has {} content error(s); see above",
                dir.display(),
                errors.len()
            );
            std::process::exit(1);
        }
    }
}
