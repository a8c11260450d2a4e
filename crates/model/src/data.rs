//! The article data file: what the site build writes next to each article's page and what the
//! viewer reads at start-up. One viewer (one wasm) reads any article's data.
//!
//! Layout: the 8 bytes `MARGNLIA`, the format version as a little-endian `u16`, then an
//! [`ArticleData`] in postcard: the article's slug (its folder under `content/`, which is also
//! its page's folder) and the [`Article`] **without its body** (`blocks` is empty): the page
//! carries the text as prerendered HTML, so a reader downloads it once. The version goes up whenever the
//! model's shape changes; a viewer refuses data of another version with a clear message
//! instead of misreading it.

use crate::Article;
use serde::{Deserialize, Serialize};

/// The first bytes of every data file.
pub const MAGIC: &[u8; 8] = b"MARGNLIA";
/// The version of the layout and of the model this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;

/// What a data file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleData {
    /// The article's folder name under `content/` and in the site (`putin-kim-pact`).
    pub slug: String,
    /// The article without its body.
    pub article: Article,
}

/// Why data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataError {
    /// The bytes do not start with [`MAGIC`]: not an article data file at all (an HTML error
    /// page, say).
    NotArticleData,
    /// Written by a build of another format version.
    OtherVersion { found: u16 },
    /// The right header, but the rest does not decode as an article.
    Corrupt,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataError::NotArticleData => f.write_str(
                "the article's data is not a marginalia data file (was the site copied whole?)",
            ),
            DataError::OtherVersion { found } => {
                write!(
                f,
                "the article's data was written by {} build of marginalia (data version {found}, \
                 this viewer reads version {FORMAT_VERSION}); rebuild the site",
                if *found < FORMAT_VERSION { "an older" } else { "a newer" }
            )
            }
            DataError::Corrupt => {
                f.write_str("the article's data is damaged and cannot be read; rebuild the site")
            }
        }
    }
}

/// The data file for the article in folder `slug`: header, then the article without its body.
pub fn encode(slug: &str, article: &Article) -> Vec<u8> {
    let data = ArticleData {
        slug: slug.to_string(),
        article: Article {
            blocks: Vec::new(),
            ..article.clone()
        },
    };
    let mut bytes = Vec::with_capacity(4096);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    postcard::to_extend(&data, bytes).expect("an article always serialises")
}

/// Reads a data file written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<ArticleData, DataError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(DataError::NotArticleData)?;
    let (version, body) = rest.split_at_checked(2).ok_or(DataError::Corrupt)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(DataError::OtherVersion { found });
    }
    match postcard::take_from_bytes::<ArticleData>(body) {
        Ok((data, [])) => Ok(data),
        _ => Err(DataError::Corrupt),
    }
}

/// A short, stable fingerprint of `bytes` (64-bit FNV-1a, as 16 hex digits), for file names
/// that change when the content does, so they can be cached for ever.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Block, Inline, Meta, PartialDate, Source};

    fn article() -> Article {
        Article {
            meta: Meta {
                title: "T".into(),
                standfirst: None,
                page_date: PartialDate::day(2024, 7, 15),
                page_date_text: "July 15, 2024".into(),
                publisher_address: String::new(),
                language: "en".into(),
                source: Source {
                    name: "S".into(),
                    date: PartialDate::day(2024, 6, 20),
                    actor: None,
                },
                word_count: 3,
                reading_minutes: 1,
                feedback_criteria: vec![],
                feedback_endpoint: None,
            },
            blocks: vec![Block::Paragraph(vec![Inline::Text("the text".into())])],
            actors: vec![],
            events: vec![],
            quotes: vec![],
        }
    }

    #[test]
    fn round_trips_without_the_body() {
        let bytes = encode("t", &article());
        assert!(bytes.starts_with(MAGIC));
        let back = decode(&bytes).unwrap();
        assert_eq!(back.slug, "t");
        assert!(back.article.blocks.is_empty());
        assert_eq!(
            back.article,
            Article {
                blocks: vec![],
                ..article()
            }
        );
        assert!(!String::from_utf8_lossy(&bytes).contains("the text"));
    }

    #[test]
    fn refuses_other_files_versions_and_damage() {
        assert_eq!(decode(b"<!DOCTYPE html>"), Err(DataError::NotArticleData));
        let mut old = encode("t", &article());
        old[8] = 0;
        assert_eq!(decode(&old), Err(DataError::OtherVersion { found: 0 }));
        assert!(DataError::OtherVersion { found: 0 }
            .to_string()
            .contains("an older build"));
        let whole = encode("t", &article());
        assert_eq!(decode(&whole[..whole.len() - 3]), Err(DataError::Corrupt));
        let mut extra = whole.clone();
        extra.push(0);
        assert_eq!(decode(&extra), Err(DataError::Corrupt));
        assert_eq!(decode(MAGIC), Err(DataError::Corrupt));
    }

    #[test]
    fn fingerprints_are_stable_and_differ() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
        assert_eq!(fingerprint(b"a").len(), 16);
    }
}
