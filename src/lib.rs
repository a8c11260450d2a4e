//! marginalia's viewer: one wasm for every article. The article is data it reads.
//!
//! Data flow:
//!
//! 1. At build time (native, `crates/cli`'s `site` command) every article under `content/` is
//!    checked by `marginalia-content`, its page is prerendered with these components (text and
//!    panels readable with JavaScript off) and its data is written beside it in the format of
//!    [`model::data`] (the model without the body: the page carries the text).
//! 2. In the browser, [`start`] finds the page's data (or a host's `mount` names an article),
//!    decodes it and renders [`components::app::App`] with how it started
//!    ([`config::Start`]); the prerendered text is adopted as it is, never rendered again, and
//!    a page's prerendered viewer comes to life island by island ([`islands`]; [`dom`] names
//!    everything the two sides share).
//! 3. [`config`] is how the viewer was started (page or mount, embedded, one panel), fixed for
//!    its life; [`state`] holds the one reducer of the view (selection, panels, card, search,
//!    settings, live region) over the vocabulary of [`view`]; [`feedback`] has the feedback
//!    form's rules (the browser's live form is a module of its own, `assets/feedback.js`,
//!    loaded once the reader comes near it); [`route`] holds the codecs of the URL hash and query string, and
//!    [`messages`] words what a link could not show.
//! 4. [`components`] render the panels from the model and their part of the state and
//!    dispatch one action per intent; [`effects`] carry the state out to the browser (URL,
//!    storage, the text's highlights, scrolling, the host page) and report back with actions,
//!    reaching the browser only through [`web`].
//! 5. The page's start script calls `start::start_page`; `main.rs` does nothing.

pub use marginalia_i18n as i18n;
pub use marginalia_model as model;

pub mod components;
pub mod config;
pub mod dates;
pub mod dom;
pub mod effects;
pub mod feedback;
pub mod islands;
pub mod messages;
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod render_count;
pub mod route;
#[cfg(target_arch = "wasm32")]
pub mod start;
pub mod state;
pub mod view;
pub mod web;
pub mod words;

/// The seed article, built from its files, for the crate's unit tests.
#[cfg(test)]
pub(crate) fn seed_for_tests() -> model::Article {
    let sources = marginalia_content::Sources::from_texts(
        "content/putin-kim-pact",
        [
            include_str!("../content/putin-kim-pact/meta.toml"),
            include_str!("../content/putin-kim-pact/article.md"),
            include_str!("../content/putin-kim-pact/actors.toml"),
            include_str!("../content/putin-kim-pact/events.toml"),
            include_str!("../content/putin-kim-pact/quotes.toml"),
        ],
    );
    marginalia_content::build_article(&sources).expect("the seed is valid")
}
