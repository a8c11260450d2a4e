//! The article data file: what the site build writes next to each article's page and what the
//! viewer reads at start-up. One viewer (one wasm) reads any article's data.
//!
//! Layout: the 8 bytes `MARGNLIA`, the format version as a little-endian `u16`, then an
//! [`ArticleData`] in postcard: the article's slug (its folder under `content/`, which is also
//! its page's folder), the [`Article`] **without its body** (`blocks` is empty), and the
//! passages of the body that the panels show (events' sentences, relations' evidence, quotes'
//! words) **by place**, not as text. The page carries the text as prerendered HTML, so a reader
//! downloads it once: the viewer reads the passages back from the page's own text
//! ([`ArticleData::restore`]). With them comes the relations picture as the build laid it out
//! ([`crate::graph`]), so the viewer carries no layout code. The version goes up whenever this shape changes; a viewer
//! refuses data of another version with a clear message instead of misreading it.

use crate::text::leaf_texts;
use crate::Article;
use serde::{Deserialize, Serialize};

/// The first bytes of every data file.
pub const MAGIC: &[u8; 8] = b"MARGNLIA";
/// The version of the layout and of the model this build writes and reads.
pub const FORMAT_VERSION: u16 = 4;

/// Where a passage sits in the body: the `leaf`-th paragraph or heading in reading order
/// ([`leaf_texts`]), bytes `start..end` of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub leaf: u32,
    pub start: u32,
    pub end: u32,
}

/// A passage the panels show: by its place in the body when it lies whole inside one paragraph,
/// else (rarely: across paragraphs) as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Passage {
    At(Place),
    Text(String),
}

/// What a data file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleData {
    /// The article's folder name under `content/` and in the site (`putin-kim-pact`).
    pub slug: String,
    /// The article without its body, its passages empty until [`ArticleData::restore`].
    pub article: Article,
    /// The passages, in the order of [`passages_mut`].
    pub passages: Vec<Passage>,
    /// The relations picture, laid out by the build ([`crate::graph::layout`]).
    pub picture: crate::graph::Layout,
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
    /// The data names places the page's text does not have: page and data are of two builds.
    OtherText,
    /// It decodes, but breaks a rule every article follows ([`crate::check`]): what the
    /// build would never write, so a damaged or hostile file.
    Broken(crate::check::Broken),
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
            DataError::OtherText => f.write_str(
                "the article's data does not match the text of its page (they come from two \
                 builds); rebuild the site",
            ),
            DataError::Broken(what) => write!(
                f,
                "the article's data breaks the rules every article follows, so it is not shown: {what}"
            ),
        }
    }
}

/// Every passage of the body the model repeats, in a fixed order: each event's sentences,
/// each relation's evidence, each quote's words.
fn passages_mut(article: &mut Article) -> impl Iterator<Item = &mut String> {
    let sentences = article
        .events
        .iter_mut()
        .flat_map(|e| e.sentences.iter_mut());
    let evidence = article
        .actors
        .iter_mut()
        .flat_map(|a| a.relations.iter_mut().map(|r| &mut r.evidence));
    let words = article.quotes.iter_mut().map(|q| &mut q.text);
    sentences.chain(evidence).chain(words)
}

/// Where `passage` first lies whole in one of `texts`.
fn place_of(texts: &[String], passage: &str) -> Option<Place> {
    texts.iter().enumerate().find_map(|(leaf, text)| {
        let start = text.find(passage)?;
        Some(Place {
            leaf: u32::try_from(leaf).ok()?,
            start: u32::try_from(start).ok()?,
            end: u32::try_from(start + passage.len()).ok()?,
        })
    })
}

/// The data file for the article in folder `slug`.
pub fn encode(slug: &str, article: &Article) -> Vec<u8> {
    let texts = leaf_texts(&article.blocks);
    let mut panels = Article {
        blocks: Vec::new(),
        ..article.clone()
    };
    let passages = passages_mut(&mut panels)
        .map(|text| {
            let passage = match place_of(&texts, text) {
                Some(place) => Passage::At(place),
                None => Passage::Text(text.clone()),
            };
            text.clear();
            passage
        })
        .collect();
    let data = ArticleData {
        slug: slug.to_string(),
        article: panels,
        passages,
        picture: crate::graph::layout(article),
    };
    let mut bytes = Vec::with_capacity(4096);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    postcard::to_extend(&data, bytes).expect("an article always serialises")
}

/// Reads a data file written by [`encode`]; its passages are still to be [`ArticleData::restore`]d.
pub fn decode(bytes: &[u8]) -> Result<ArticleData, DataError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(DataError::NotArticleData)?;
    let (version, body) = rest.split_at_checked(2).ok_or(DataError::Corrupt)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(DataError::OtherVersion { found });
    }
    crate::decode::article_data(body).ok_or(DataError::Corrupt)
}

/// Reads a data file for a page whose paragraphs and headings are `texts` (see
/// [`ArticleData::restore`]) and checks the result by the build's rules ([`crate::check`]):
/// what the viewer shows is only ever data that passed all three.
pub fn read(bytes: &[u8], texts: &[String]) -> Result<ArticleData, DataError> {
    let mut data = decode(bytes)?;
    data.restore_and_check(texts)?;
    Ok(data)
}

impl ArticleData {
    /// [`ArticleData::restore`], then the build's rules ([`crate::check::check_data`]).
    pub fn restore_and_check(&mut self, texts: &[String]) -> Result<(), DataError> {
        self.restore(texts)?;
        crate::check::check_data(self).map_err(DataError::Broken)
    }

    /// Puts the passages back into the article from the page's text: `texts` are the page's
    /// paragraphs and headings in reading order (their `textContent`).
    pub fn restore(&mut self, texts: &[String]) -> Result<(), DataError> {
        let mut passages = std::mem::take(&mut self.passages).into_iter();
        for slot in passages_mut(&mut self.article) {
            *slot = match passages.next().ok_or(DataError::Corrupt)? {
                Passage::Text(text) => text,
                Passage::At(Place { leaf, start, end }) => texts
                    .get(leaf as usize)
                    .and_then(|t| t.get(start as usize..end as usize))
                    .ok_or(DataError::OtherText)?
                    .to_string(),
            };
        }
        match passages.next() {
            None => Ok(()),
            Some(_) => Err(DataError::Corrupt),
        }
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
    use crate::{Block, DateSpan, Event, Inline, Meta, PartialDate, Provenance, Quote, Source};

    fn article() -> Article {
        let event = Event {
            id: "e".into(),
            date: DateSpan::parse("2024-06-19").unwrap(),
            title: "E".into(),
            description: "D".into(),
            actors: vec![],
            sentences: vec!["The pact was signed.".into()],
            provenance: Provenance::Stated,
            note: String::new(),
        };
        Article {
            meta: Meta {
                title: "T".into(),
                standfirst: None,
                page_date: PartialDate::day(2024, 7, 15),
                page_date_text: "July 15, 2024".into(),
                publisher_address: String::new(),
                language: "en".into(),
                byline: None,
                source: Source {
                    name: "S".into(),
                    date: PartialDate::day(2024, 6, 20),
                    actor: None,
                    address: None,
                    rights: None,
                },
                word_count: 3,
                reading_minutes: 1,
                feedback_criteria: vec![],
                feedback_endpoint: None,
                feedback_parent_origins: vec![],
            },
            blocks: vec![
                Block::Paragraph(vec![Inline::Text("The body’s first words.".into())]),
                Block::Quotation(vec![Block::Paragraph(vec![
                    Inline::Text("Then, ".into()),
                    Inline::LineBreak,
                    Inline::Emphasis(vec![Inline::Text("at last".into())]),
                    Inline::Text(": The pact was signed. “Sacred”.".into()),
                ])]),
            ],
            actors: vec![],
            events: vec![event],
            suggested: vec![],
            quotes: vec![Quote {
                id: "q".into(),
                speakers: vec!["s".into()],
                text: "Sacred".into(),
                event: None,
                context: "C".into(),
            }],
        }
    }

    #[test]
    fn round_trips_with_passages_by_place_and_no_body() {
        let original = article();
        let bytes = encode("t", &original);
        assert!(bytes.starts_with(MAGIC));
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("first words") && !text.contains("pact was signed"));
        let mut back = decode(&bytes).unwrap();
        assert_eq!(back.slug, "t");
        assert!(back.article.blocks.is_empty());
        assert_eq!(back.article.events[0].sentences, vec![String::new()]);
        back.restore(&leaf_texts(&original.blocks)).unwrap();
        assert_eq!(
            back.article,
            Article {
                blocks: vec![],
                ..original
            }
        );
    }

    #[test]
    fn leaf_texts_are_what_the_page_shows() {
        assert_eq!(
            leaf_texts(&article().blocks),
            vec![
                "The body’s first words.".to_string(),
                "Then, at last: The pact was signed. “Sacred”.".to_string()
            ]
        );
    }

    #[test]
    fn a_passage_not_in_one_paragraph_travels_as_text() {
        let mut a = article();
        a.quotes[0].text = "words. Then".into();
        let mut back = decode(&encode("t", &a)).unwrap();
        assert_eq!(back.passages[1], Passage::Text("words. Then".into()));
        back.restore(&leaf_texts(&a.blocks)).unwrap();
        assert_eq!(back.article.quotes[0].text, "words. Then");
    }

    #[test]
    fn a_page_of_another_build_is_refused() {
        let a = article();
        let mut back = decode(&encode("t", &a)).unwrap();
        assert_eq!(back.restore(&["short".into()]), Err(DataError::OtherText));
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
    fn read_decodes_restores_and_checks() {
        let mut a = article();
        a.quotes.clear(); // its speaker is no actor of this small article
        let texts = leaf_texts(&a.blocks);
        let good = read(&encode("t", &a), &texts).unwrap();
        assert_eq!(good.article.events[0].sentences, ["The pact was signed."]);
        let mut bad = a.clone();
        bad.events[0].date.start.month = Some(13);
        let error = read(&encode("t", &bad), &texts).unwrap_err();
        assert!(matches!(error, DataError::Broken(_)));
        assert!(
            error
                .to_string()
                .contains("event `e`: there is no month 13"),
            "{error}"
        );
    }

    #[test]
    fn fingerprints_are_stable_and_differ() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
        assert_eq!(fingerprint(b"a").len(), 16);
    }
}
