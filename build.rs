//! Build step: check the article's content and embed it.
//!
//! Reads `content/$MARGINALIA_ARTICLE` (default `putin-kim-pact`) with the same pipeline that
//! `cargo test` exercises (`src/content`), prints every error as `file:line:column: message`
//! and fails the build if there is any, else writes `$OUT_DIR/article.postcard`.

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

#[allow(dead_code, unused_imports)]
#[path = "src/content/mod.rs"]
mod content;

use std::path::PathBuf;

fn main() {
    let article = std::env::var("MARGINALIA_ARTICLE").unwrap_or_else(|_| "putin-kim-pact".into());
    let dir = PathBuf::from("content").join(&article);
    println!("cargo::rerun-if-env-changed=MARGINALIA_ARTICLE");
    println!("cargo::rerun-if-changed=content");
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
