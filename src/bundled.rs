//! The article checked at build time, embedded as postcard bytes by `build.rs`.

use crate::model::Article;

static ARTICLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/article.postcard"));

/// Decodes the embedded article. The bytes were written by this crate's own `build.rs` from
/// the same model types, so a failure here is a build bug, not bad content.
pub fn article() -> Article {
    postcard::from_bytes(ARTICLE_BYTES).expect("embedded article matches the model")
}
