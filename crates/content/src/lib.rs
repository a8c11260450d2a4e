//! The content pipeline, run natively (the commands of `marginalia-cli`, `cargo test`): an
//! article folder of Markdown and TOML in, the checked [`Article`] out — or *every* error,
//! each with its file, line and column, and often a hint and the corrected line to paste.
//! [`build_article`] runs the steps in order, one module each:
//!
//! 1. read the five files of the folder ([`Sources`], `sources.rs`);
//! 2. refuse files, then counts of entries, over the [`limits`];
//! 3. parse the TOML annotations ([`annotations`]; syntax errors explained for a writer in
//!    `toml_errors.rs`), refuse entries `draft` suggested that are not confirmed yet
//!    ([`suggestions`]), and parse `article.md` into the block/inline tree ([`markdown`]);
//! 4. check ids and references (`checker.rs`, with [`hints`]) and the actor links
//!    (`mentions.rs`); build actors (`actors.rs`; evidence whole sentences, `sentences.rs`),
//!    events (`events.rs`, `provenance.rs`; a `stated` date given by its sentences,
//!    `stated.rs`) and quotes (`quotes.rs`; the text's own quotation marks,
//!    `quotation_marks.rs`), each located in the text (`passages.rs`, `positions.rs`); an entry
//!    not found verbatim is reported once, with every difference (`verbatim.rs`, `diff.rs`);
//! 5. mark event sentences, relation evidence and quotes in the tree (`marks.rs`, [`wrap`])
//!    and number the mentions (`mentions.rs`);
//! 6. build the metadata (`meta.rs`);
//! 7. check the result by the viewer's own rules (`marginalia_model::check`) and hand back
//!    the [`Article`].
//!
//! docs/developers.md describes the steps for developers; docs/authoring.md, for writers.

pub mod annotations;
pub mod error;
pub mod hints;
pub mod limits;
pub mod markdown;
pub mod wrap;

mod actors;
mod checker;
mod diff;
mod events;
mod marks;
mod mentions;
mod meta;
mod passages;
mod positions;
mod provenance;
mod quotation_marks;
mod quotes;
mod sentences;
mod sources;
mod stated;
pub mod suggestions;
mod toml_errors;
pub mod unmarked;
mod verbatim;

use annotations::Files;
use checker::Checker;
pub use error::{report, ContentError, SourceFile};
use marginalia_model::text::blocks_text;
use marginalia_model::Article;
pub use sources::{Sources, FILE_NAMES};
use std::path::Path;

/// Reads, checks and assembles an article folder.
pub fn load_article(dir: &Path) -> Result<Article, Vec<ContentError>> {
    build_article(&Sources::read_dir(dir)?)
}

/// Like [`load_article`], with what to do with `draft`'s unconfirmed suggestions.
pub fn load_article_with(dir: &Path, drafts: Drafts) -> Result<Article, Vec<ContentError>> {
    build_article_with(&Sources::read_dir(dir)?, drafts)
}

/// What a build does with entries `draft` suggested that the writer has not confirmed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Drafts {
    /// Refuse them, each an error where its status line is: what is published.
    #[default]
    Refuse,
    /// Keep them, marked as suggestions ([`Article::suggested`]), for the writer's preview
    /// (`marginalia build --drafts`, `make dev`).
    Preview,
}

/// Checks and assembles an article; on failure, every error found.
pub fn build_article(src: &Sources) -> Result<Article, Vec<ContentError>> {
    build_article_with(src, Drafts::Refuse)
}

/// [`build_article`], with what to do with unconfirmed suggestions.
pub fn build_article_with(src: &Sources, drafts: Drafts) -> Result<Article, Vec<ContentError>> {
    limits::check_sizes(src)?;
    let mut errors = Vec::new();
    let files = Files::parse(src, &mut errors);
    let suggested = suggestions::check(src, &files, drafts, &mut errors);
    let over_limits = limits::check_counts(src, &files);
    if !over_limits.is_empty() {
        // Stop before the checks that grow with the counts.
        errors.extend(over_limits);
        return Err(errors);
    }

    let parsed = markdown::parse_markdown(&src.article.text);
    errors.extend(nesting_errors(src, &parsed.problems));
    let mut blocks = parsed.blocks;
    let texts = passages::paragraph_texts(&mut blocks);
    let mut c = Checker::new(src, errors, &files, texts, parsed.paragraph_offsets);
    c.check_ids(&src.actors, "actor", files.actors().iter().map(|a| &a.id));
    c.check_ids(&src.events, "event", files.events().iter().map(|e| &e.id));
    c.check_ids(&src.quotes, "quote", files.quotes().iter().map(|q| &q.id));

    let full_text = blocks_text(&blocks);
    let mention_counts = mentions::count(&mut c, &parsed.mentions);
    let mut sentences = marks::SentenceMarks::default();
    let actors = actors::build(&mut c, files.actors(), &mention_counts, &mut sentences);
    let reference = files.meta.as_ref().map(stated::reference);
    let events = events::build(&mut c, files.events(), reference.as_ref(), &mut sentences);
    let (quotes, quote_marks) =
        quotes::build(&mut c, files.quotes(), files.quotes.is_some(), drafts);

    // Sentences (outer first), then quotes, so that a quote nests inside its sentence.
    let mut marks = sentences.into_marks();
    marks.extend(quote_marks);
    marks::apply(&mut c, &mut blocks, &marks);
    mentions::number(&mut blocks);

    let meta = files
        .meta
        .as_ref()
        .and_then(|m| meta::build(&mut c, m, &full_text));
    if blocks.is_empty() {
        c.errors
            .push(src.article.error_at(0, "the article has no text"));
    }
    match meta {
        Some(meta) if c.errors.is_empty() => {
            let article = Article {
                meta,
                blocks,
                actors,
                events,
                quotes,
                suggested,
            };
            // 7. The viewer's own rules ([`marginalia_model::check`]), which it applies to any
            // data it reads, applied here too: the viewer can never refuse what the build let
            // through. The steps above report everything they cover with its place; this only
            // speaks if they missed something.
            match marginalia_model::check::check_article(&article) {
                Ok(()) => Ok(article),
                Err(broken) => Err(vec![src.article.error_at(
                    0,
                    format!("the article breaks a rule the viewer applies: {broken}"),
                )]),
            }
        }
        _ => Err(c.errors),
    }
}

/// Errors for Markdown nested deeper than the tree keeps ([`markdown::MAX_NESTING`]).
fn nesting_errors<'a>(
    src: &'a Sources,
    problems: &'a [markdown::Problem],
) -> impl Iterator<Item = ContentError> + 'a {
    problems.iter().map(|problem| {
        src.article
            .error_at(problem.offset, problem.message.clone())
            .with_hint(Some(format!(
                "an article needs far fewer than {} levels: close the quotations, lists or emphasis sooner",
                markdown::MAX_NESTING
            )))
    })
}
