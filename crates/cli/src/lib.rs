//! The `marginalia` command and what its subcommands share. [`cli`] is its command line (one
//! clap `Cli`, the exit statuses); [`cmd`] holds a module per subcommand: `new` (an article's
//! skeleton), `check` (the author's checker), `build` (the whole site, run by `make build`),
//! `serve` (the site on 127.0.0.1, rebuilt on every save with `--watch`), `draft` and
//! `generate` (a synthetic article for tests of size). The site build ([`site`]) has its
//! server-side rendering ([`render`], [`contents_page`]), page furniture and the page template
//! ([`page`], [`template`]), schema.org data ([`json_ld`]), the viewer's files ([`viewer`]) and
//! feeds ([`feeds`]); a build remembers what it read and wrote ([`build_cache`]).

pub mod build_cache;
pub mod cli;
pub mod cmd;
pub mod contents_page;
pub mod feeds;
pub mod json_ld;
pub mod page;
pub mod registry;
pub mod render;
pub mod site;
pub mod site_index;
pub mod site_pages;
pub mod template;
pub mod viewer;

/// The seed article, for the unit tests.
#[cfg(test)]
pub(crate) fn seed_for_tests() -> marginalia_model::Article {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/putin-kim-pact");
    marginalia_content::load_article(&root).expect("the seed is valid")
}
