//! The content pipeline, run natively (the commands of `marginalia-cli`, `cargo test`): an
//! article folder of Markdown and TOML in, the checked [`Article`] out — or *every* error,
//! each with its file, line and column, and often a hint and the corrected line to paste.
//!
//! The crate is in folders, one a step. [`build_article`] runs them in this order, and each
//! reports through the last:
//!
//! 1. `read/`: read the five files of the folder ([`Sources`]); refuse files, then counts of
//!    entries, over the [`limits`]; parse the TOML annotations (a syntax error explained for a
//!    writer); refuse entries `draft` suggested that are not confirmed yet (unless
//!    [`Drafts::Preview`]); and parse `article.md` into the block/inline tree ([`markdown`]).
//! 2. `locate/`: where things stand in the text: the paragraphs' plain text and where an
//!    entry's text is found in it verbatim, the sentences of a paragraph, and where a place of
//!    the plain text is written in `article.md`. The checks ask it.
//! 3. `check/`: ids and references (the checker, which collects every error and holds the hint
//!    budget) and the actor links; then actors (relation evidence whole sentences), events (a
//!    date's provenance; a `stated` date given by its sentences) and quotes (the text's own
//!    quotation marks), each located in the text, gathering the marks to make; an entry not
//!    found verbatim is reported once, with every difference.
//! 4. `mark/`: the marks the checks gathered (event sentences, relation evidence, quotes)
//!    wrapped in the tree. Then the mentions are numbered and the metadata built (`check/`'s
//!    `mentions.rs` and `meta.rs`).
//! 5. `report/`: what every step reports ([`ContentError`], [`report()`]), with its hints: the
//!    nearest known word, the closest text of the article and how an entry differs from it.
//!
//! Last, the result is checked by the viewer's own rules (`marginalia_model::check`) and
//! handed back, the [`Article`]. Beside the build, [`unmarked`] (in `check/`) warns of actors'
//! names the text leaves unmarked (`marginalia check` and `marginalia build` print them).
//!
//! The folders depend on each other one way only: `report` and `locate` on no other, `read` on
//! `report`, `mark` on `read`, `locate` and `report`, and `check` on all four (it gathers the
//! marks `mark` makes). Only what other crates use is `pub`, re-exported here; the rest is
//! `pub(crate)`, as `unreachable_pub` enforces. docs/developers.md describes the steps for
//! developers; docs/authoring.md, for writers.

#![warn(unreachable_pub)]

mod check;
mod locate;
mod mark;
mod read;
mod report;

pub use check::unmarked;
pub use read::{limits, markdown, ui_language, Drafts, Sources, FILE_NAMES};
pub use report::error::{report, ContentError, SourceFile};

use check::checker::Checker;
use check::{actors, events, mentions, meta, quotes, stated};
use locate::passages;
use marginalia_model::text::blocks_text;
use marginalia_model::Article;
use mark::marks;
use read::annotations::Files;
use read::suggestions;
use std::path::Path;

/// Reads, checks and assembles an article folder.
pub fn load_article(dir: &Path) -> Result<Article, Vec<ContentError>> {
    build_article(&Sources::read_dir(dir)?)
}

/// Like [`load_article`], with what to do with `draft`'s unconfirmed suggestions.
pub fn load_article_with(dir: &Path, drafts: Drafts) -> Result<Article, Vec<ContentError>> {
    build_article_with(&Sources::read_dir(dir)?, drafts)
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
    marks::apply(c.src, &mut c.errors, &mut blocks, &marks);
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
            // Last, the viewer's own rules ([`marginalia_model::check`]), which it applies to any
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
