//! Step 1 of the pipeline (`read/`): the TOML files as authors write them, read into [`Files`].
//! Values that the validator checks keep their source span so that errors point at them; a file
//! that does not parse is one error at the place the TOML reader names, explained for a writer
//! ([`crate::read::toml_errors`]).

use crate::read::{toml_errors, Sources};
use crate::report::error::{ContentError, SourceFile};
use marginalia_model::i18n::Lang;
use serde::Deserialize;
use toml::Spanned;

pub(crate) type Text = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetaFile {
    pub title: Text,
    pub standfirst: Option<Text>,
    pub page_date: Text,
    pub page_date_text: Text,
    /// The address line the page prints (optional: a government release has none).
    pub publisher_address: Option<Text>,
    /// The language of the article's text (its `lang`), not of the page's interface.
    #[serde(default = "english")]
    pub language: Text,
    /// The language of the page's interface (`en`, `ja`, `ko`), when it is not the site's: a
    /// Japanese site republishing an English report keeps `language = "en"` for the text and
    /// gives `ui_language = "ja"`. Build-time only: it is the page's `<html lang>`, never
    /// part of the article's data ([`ui_language`]).
    pub ui_language: Option<Text>,
    /// Who wrote the article, as the page prints it (optional).
    pub byline: Option<Text>,
    pub source: SourceEntry,
    #[serde(default)]
    pub feedback: FeedbackEntry,
}

/// The reader-feedback section: what readers rate, and where (if anywhere) to send it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeedbackEntry {
    #[serde(default)]
    pub criteria: Vec<String>,
    /// Optional address the submitted feedback is POSTed to (off when absent).
    pub endpoint: Option<Text>,
    /// The origins of the sites allowed to receive the feedback when they embed the article in
    /// an iframe (`https://news.example`); none: it never leaves the frame.
    #[serde(default)]
    pub parent_origins: Vec<Text>,
}

/// The `ui_language` of `meta.toml`, when it names a language of the interface. The build
/// checks it (an unknown tag is an error at its place, see `check/meta.rs`); this reads it
/// for the page the build writes, without the rest of the file.
pub fn ui_language(src: &Sources) -> Option<Lang> {
    #[derive(Deserialize)]
    struct UiLanguage {
        ui_language: Option<String>,
    }
    let only: UiLanguage = toml::from_str(&src.meta.text).ok()?;
    Lang::parse(&only.ui_language?)
}

fn english() -> Text {
    Spanned::new(0..0, "en".into())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceEntry {
    pub name: Text,
    pub date: Text,
    pub actor: Option<Text>,
    /// Where the source was published: an http(s) address.
    pub address: Option<Text>,
    /// Why the page may republish the text (a public-domain work, a licence, a permission).
    pub rights: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActorsFile {
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActorEntry {
    pub id: Text,
    pub name: String,
    pub kind: Text,
    pub role: String,
    pub affiliation: Option<Text>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub description: String,
    #[serde(default)]
    pub relation: Vec<RelationEntry>,
    /// `"suggested"` on an entry `draft` wrote that the writer has not confirmed yet (with how
    /// sure the drafter was); a build refuses it (see `suggestions.rs`).
    pub status: Option<Text>,
    #[allow(
        dead_code,
        reason = "accepted beside `status` (the files deny unknown fields); the build does not use it"
    )]
    pub confidence: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelationEntry {
    pub kind: Text,
    pub target: Text,
    /// The sentence(s) of the article that support it, verbatim; or, instead, `sentence`.
    pub evidence: Option<Text>,
    /// The supporting sentence by its place: `"3.2"` is the second sentence of the third
    /// paragraph (headings count as paragraphs), counted from 1.
    pub sentence: Option<Text>,
    /// As on an actor: `"suggested"` until the writer confirms what `draft` proposed.
    pub status: Option<Text>,
    #[allow(
        dead_code,
        reason = "accepted beside `status` (the files deny unknown fields); the build does not use it"
    )]
    pub confidence: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventsFile {
    #[serde(default)]
    pub event: Vec<EventEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventEntry {
    pub id: Text,
    pub date: Text,
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub actors: Vec<Text>,
    #[serde(default)]
    pub sentences: Vec<Text>,
    pub provenance: Text,
    pub article_gives: Option<Text>,
    pub weekday: Option<Text>,
    pub week_of: Option<Text>,
    /// The author's explanation of the date for readers; optional (the viewer then shows the
    /// provenance's own explanation).
    #[serde(default)]
    pub note: String,
    /// For a date from the public record: where it was checked, or "not checked".
    pub source: Option<Spanned<SourceField>>,
    /// `"suggested"` on an entry `draft` wrote that the writer has not confirmed yet (with how
    /// sure the drafter was); a build refuses it (see `suggestions.rs`).
    pub status: Option<Text>,
    #[allow(
        dead_code,
        reason = "accepted beside `status` (the files deny unknown fields); the build does not use it"
    )]
    pub confidence: Option<f64>,
}

/// An event's `source`: a table naming the public text that states the date, or the words
/// "not checked".
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum SourceField {
    Marker(String),
    Checked(CheckedSource),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CheckedSource {
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub says: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuotesFile {
    #[serde(default)]
    pub quote: Vec<QuoteEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteEntry {
    pub id: Text,
    /// Who said it: an actor id. Words several actors said together (a joint statement) give
    /// `speakers` instead, a list of ids.
    pub speaker: Option<Text>,
    pub speakers: Option<Vec<Text>>,
    /// `"title"`: a name between quotation marks (a treaty's, a book's, a programme's), which
    /// nobody is quoted as saying. It has no speaker and is not among the article's quotes; it
    /// only accounts for the passage's quotation marks.
    pub kind: Option<Text>,
    pub text: Text,
    pub event: Option<Text>,
    pub context: String,
    /// `"suggested"` on an entry `draft` wrote that the writer has not confirmed yet (with how
    /// sure the drafter was); a build refuses it (see `suggestions.rs`).
    pub status: Option<Text>,
    #[allow(
        dead_code,
        reason = "accepted beside `status` (the files deny unknown fields); the build does not use it"
    )]
    pub confidence: Option<f64>,
}

/// The four TOML files of an article, each `None` when it did not parse.
pub(crate) struct Files {
    pub meta: Option<MetaFile>,
    pub actors: Option<ActorsFile>,
    pub events: Option<EventsFile>,
    pub quotes: Option<QuotesFile>,
}

impl Files {
    /// Reads the four TOML files, adding an error for each that does not parse.
    pub(crate) fn parse(src: &Sources, errors: &mut Vec<ContentError>) -> Files {
        Files {
            meta: parse_toml(&src.meta, errors),
            actors: parse_toml(&src.actors, errors),
            events: parse_toml(&src.events, errors),
            quotes: parse_toml(&src.quotes, errors),
        }
    }

    /// The actors defined (none when `actors.toml` did not parse).
    pub(crate) fn actors(&self) -> &[ActorEntry] {
        self.actors.as_ref().map_or(&[], |f| &f.actor)
    }

    /// The events defined (none when `events.toml` did not parse).
    pub(crate) fn events(&self) -> &[EventEntry] {
        self.events.as_ref().map_or(&[], |f| &f.event)
    }

    /// The quotes defined (none when `quotes.toml` did not parse).
    pub(crate) fn quotes(&self) -> &[QuoteEntry] {
        self.quotes.as_ref().map_or(&[], |f| &f.quote)
    }
}

fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    errors: &mut Vec<ContentError>,
) -> Option<T> {
    match toml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            errors.push(toml_errors::explain(file, offset, e.message().trim()));
            None
        }
    }
}
