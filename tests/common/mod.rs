//! What the viewer's tests share: the seed article, built from its files (embedded, so that
//! the browser tests can build it too, where there is no file system).

use marginalia::model::Article;

/// The seed article (`content/putin-kim-pact`), checked, with its body.
#[allow(dead_code, reason = "not every test file uses it")]
pub fn seed() -> Article {
    let sources = marginalia_content::Sources::from_texts(
        "content/putin-kim-pact",
        [
            include_str!("../../content/putin-kim-pact/meta.toml"),
            include_str!("../../content/putin-kim-pact/article.md"),
            include_str!("../../content/putin-kim-pact/actors.toml"),
            include_str!("../../content/putin-kim-pact/events.toml"),
            include_str!("../../content/putin-kim-pact/quotes.toml"),
        ],
    );
    marginalia_content::build_article(&sources)
        .unwrap_or_else(|e| panic!("seed invalid:\n{}", marginalia_content::report(&e)))
}
