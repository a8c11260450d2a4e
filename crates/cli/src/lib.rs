//! marginalia's native commands and what they share: the site build ([`site`]) with its
//! server-side rendering ([`render`], [`contents_page`]), page furniture ([`page`]) and
//! feeds ([`feeds`]). The commands are `check` (an author's checker), `site` (the whole
//! site, run by `make build`) and `generate` (a synthetic article for tests of size).

pub mod contents_page;
pub mod feeds;
pub mod page;
pub mod render;
pub mod site;

/// The seed article, for the unit tests.
#[cfg(test)]
pub(crate) fn seed_for_tests() -> marginalia_model::Article {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/putin-kim-pact");
    marginalia_content::load_article(&root).expect("the seed is valid")
}
