//! The TOML files as authors write them. Values that the validator checks keep their source
//! span so that errors point at them.

use serde::Deserialize;
use toml::Spanned;

pub type Text = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    pub title: Text,
    pub standfirst: Option<String>,
    pub page_date: Text,
    pub page_date_text: String,
    pub publisher_address: String,
    #[serde(default = "english")]
    pub language: String,
    pub source: SourceEntry,
    #[serde(default)]
    pub feedback: FeedbackEntry,
}

/// The reader-feedback section: what readers rate, and where (if anywhere) to send it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackEntry {
    #[serde(default)]
    pub criteria: Vec<String>,
    /// Optional address the submitted feedback is POSTed to (off when absent).
    pub endpoint: Option<Text>,
}

fn english() -> String {
    "en".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub name: String,
    pub date: Text,
    pub actor: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationEntry {
    pub kind: Text,
    pub target: Text,
    pub evidence: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    #[serde(default)]
    pub event: Vec<EventEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventEntry {
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
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesFile {
    #[serde(default)]
    pub quote: Vec<QuoteEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteEntry {
    pub id: Text,
    pub speaker: Text,
    pub text: Text,
    pub event: Option<Text>,
    pub context: String,
}
