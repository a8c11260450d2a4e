//! marginalia: an article viewer that runs entirely in the browser.
//!
//! Data flow:
//!
//! 1. `content/<article>/` (Markdown + TOML, written by hand) is parsed and checked at build
//!    time by [`content`] (run from `build.rs`); a broken file fails the build with file, line
//!    and column.
//! 2. The checked [`model::Article`] is serialised with postcard into the build's output and
//!    embedded in the wasm; [`bundled::article`] reads it back. No Markdown parser ships.
//! 3. [`state`] holds the one reducer of UI state (selection, open panel, card, theme, search);
//!    [`route`] maps that view to and from the URL hash.
//! 4. [`components`] render the article and its panels from the model and the state, and
//!    dispatch actions; their effects reach the browser only through [`web`].
//! 5. `main.rs` only mounts [`components::app::App`] into `#marginalia`.

pub mod bundled;
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod content;
pub mod feedback;
pub mod model;
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod page;
pub mod route;
pub mod state;
pub mod web;
