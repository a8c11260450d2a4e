//! The content pipeline, run natively at build time (`build.rs`) and in `cargo test`:
//!
//! 1. read the five files of an article folder ([`Sources::read_dir`]);
//! 2. parse `article.md` into the block/inline tree ([`markdown`]) and the TOML annotations
//!    ([`annotations`]);
//! 3. check every id, date, provenance, quote and sentence, collecting *all* errors with file,
//!    line and column ([`build_article`]);
//! 4. mark quotes and event sentences in the tree ([`wrap`]), number the mentions, count words;
//! 5. hand back the [`Article`] that `build.rs` serialises into the wasm.
//!
//! Nothing here is compiled into the wasm.

pub mod annotations;
pub mod error;
pub mod hints;
pub mod markdown;
pub mod synthetic;
pub mod wrap;

use crate::model::date::WEEKDAYS;
use crate::model::text::{blocks_text, inline_text, reading_minutes, word_count};
use crate::model::*;
use annotations::*;
pub use error::{report, ContentError, SourceFile};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The five files of one article.
#[derive(Clone, Debug)]
pub struct Sources {
    pub meta: SourceFile,
    pub article: SourceFile,
    pub actors: SourceFile,
    pub events: SourceFile,
    pub quotes: SourceFile,
}

/// The file names inside an article folder.
pub const FILE_NAMES: [&str; 5] = [
    "meta.toml",
    "article.md",
    "actors.toml",
    "events.toml",
    "quotes.toml",
];

impl Sources {
    /// Reads an article folder; a missing or unreadable file is an error naming it.
    pub fn read_dir(dir: &Path) -> Result<Sources, Vec<ContentError>> {
        let mut errors = Vec::new();
        let mut files: Vec<SourceFile> = FILE_NAMES
            .iter()
            .map(|name| {
                let path = dir.join(name);
                let shown = path.display().to_string();
                match std::fs::read_to_string(&path) {
                    Ok(text) => SourceFile::new(shown, text),
                    Err(e) => {
                        errors.push(ContentError {
                            file: shown.clone(),
                            line: 1,
                            column: 1,
                            message: format!("cannot read this file: {e}"),
                            hint: Some(
                                "an article folder holds meta.toml, article.md, actors.toml, \
                                 events.toml and quotes.toml (see docs/authoring.md)"
                                    .into(),
                            ),
                        });
                        SourceFile::new(shown, "")
                    }
                }
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let quotes = files.pop().expect("five files");
        let events = files.pop().expect("five files");
        let actors = files.pop().expect("five files");
        let article = files.pop().expect("five files");
        let meta = files.pop().expect("five files");
        Ok(Sources {
            meta,
            article,
            actors,
            events,
            quotes,
        })
    }
}

/// Reads, checks and assembles an article folder.
pub fn load_article(dir: &Path) -> Result<Article, Vec<ContentError>> {
    build_article(&Sources::read_dir(dir)?)
}

/// Size limits of one article. The viewer holds the whole article in memory and renders every
/// paragraph, so the build refuses content beyond these (about twenty times what a long
/// feature needs; a synthetic article 100 times the seed's size passes, 1000 times does not).
pub mod limits {
    /// The most bytes `article.md` may hold (2 MiB).
    pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;
    /// The most bytes each TOML file may hold (4 MiB).
    pub const MAX_TOML_BYTES: usize = 4 * 1024 * 1024;
    /// The most actors `actors.toml` may define.
    pub const MAX_ACTORS: usize = 5000;
    /// The most events `events.toml` may define.
    pub const MAX_EVENTS: usize = 5000;
    /// The most quotes `quotes.toml` may define.
    pub const MAX_QUOTES: usize = 5000;
}

/// A byte count for people: "2 MiB", "575.1 KiB", "300 bytes".
fn show_bytes(n: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if n >= MIB && n % MIB == 0 {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= KIB {
        format!("{:.1} KiB", n as f64 / KIB as f64)
    } else {
        format!("{n} bytes")
    }
}

/// Errors for files over [`limits`]; checked before anything is parsed.
fn check_sizes(src: &Sources) -> Vec<ContentError> {
    let files = [
        (&src.meta, limits::MAX_TOML_BYTES, "MAX_TOML_BYTES"),
        (&src.article, limits::MAX_ARTICLE_BYTES, "MAX_ARTICLE_BYTES"),
        (&src.actors, limits::MAX_TOML_BYTES, "MAX_TOML_BYTES"),
        (&src.events, limits::MAX_TOML_BYTES, "MAX_TOML_BYTES"),
        (&src.quotes, limits::MAX_TOML_BYTES, "MAX_TOML_BYTES"),
    ];
    files
        .into_iter()
        .filter(|(file, max, _)| file.text.len() > *max)
        .map(|(file, max, name)| {
            file.error_at(
                0,
                format!(
                    "{} is {} bytes ({}), over the limit of {max} bytes ({}) for one file",
                    file.short_name(),
                    file.text.len(),
                    show_bytes(file.text.len()),
                    show_bytes(max)
                ),
            )
            .with_hint(Some(format!(
                "split the article in two, or raise content::limits::{name} if the viewer must hold more"
            )))
        })
        .collect()
}

fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    errors: &mut Vec<ContentError>,
) -> Option<T> {
    match toml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let message = e.message().trim().to_string();
            let hint = toml_hint(&message);
            errors.push(file.error_at(offset, message).with_hint(hint));
            None
        }
    }
}

/// A hint for the TOML reader's message "unknown field `x`, expected one of `a`, `b`".
fn toml_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    hints::did_you_mean(field, known)
}

/// Where a piece of text was found: a paragraph and a byte range of its plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Place {
    paragraph: usize,
    start: usize,
    end: usize,
}

/// Calls `f` with each paragraph's inline content and its index, in reading order.
fn for_each_paragraph(blocks: &mut [Block], f: &mut impl FnMut(usize, &mut Vec<Inline>)) {
    fn walk(blocks: &mut [Block], next: &mut usize, f: &mut impl FnMut(usize, &mut Vec<Inline>)) {
        for block in blocks {
            match block {
                Block::Paragraph(c) => {
                    f(*next, c);
                    *next += 1;
                }
                Block::Quotation(b) => walk(b, next, f),
                Block::List { items, .. } => items.iter_mut().for_each(|i| walk(i, next, f)),
                Block::Heading { .. } | Block::Rule => {}
            }
        }
    }
    walk(blocks, &mut 0, f);
}

fn paragraph_texts(blocks: &mut [Block]) -> Vec<String> {
    let mut texts = Vec::new();
    for_each_paragraph(blocks, &mut |_, p| texts.push(inline_text(p)));
    texts
}

/// Where each needle first occurs verbatim within one paragraph: the same answer as searching
/// the paragraphs in order for each needle with `str::find`, in one pass over the text.
///
/// Needles of at least [`KEY`] bytes are indexed by their first `KEY` bytes; each position of
/// each paragraph is looked up once and the candidates that share the key are compared. So a
/// long article with thousands of quotes and sentences costs one scan, not one per needle.
/// Shorter needles are searched for directly. An empty needle is never found.
fn locate_many(texts: &[String], needles: &[&str]) -> Vec<Option<Place>> {
    const KEY: usize = 12;
    let mut found: Vec<Option<Place>> = vec![None; needles.len()];
    let mut by_key: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (i, needle) in needles.iter().enumerate() {
        if needle.len() >= KEY {
            by_key.entry(&needle.as_bytes()[..KEY]).or_default().push(i);
        } else if !needle.is_empty() {
            found[i] = texts.iter().enumerate().find_map(|(paragraph, t)| {
                t.find(needle).map(|start| Place {
                    paragraph,
                    start,
                    end: start + needle.len(),
                })
            });
        }
    }
    for (paragraph, text) in texts.iter().enumerate() {
        if by_key.is_empty() {
            break;
        }
        let bytes = text.as_bytes();
        for start in 0..bytes.len().saturating_sub(KEY - 1) {
            let Some(waiting) = by_key.get_mut(&bytes[start..start + KEY]) else {
                continue;
            };
            waiting.retain(|&i| {
                let needle = needles[i];
                if !bytes[start..].starts_with(needle.as_bytes()) {
                    return true;
                }
                found[i] = Some(Place {
                    paragraph,
                    start,
                    end: start + needle.len(),
                });
                false
            });
            if waiting.is_empty() {
                by_key.remove(&bytes[start..start + KEY]);
            }
        }
    }
    found
}

/// Finds each quote's words, preferring an occurrence between quotation marks.
fn locate_quotes(texts: &[String], words: &[&str]) -> Vec<Option<Place>> {
    let marked: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
    let marked: Vec<&str> = marked.iter().map(String::as_str).collect();
    let mut places: Vec<Option<Place>> = locate_many(texts, &marked)
        .into_iter()
        .map(|p| {
            p.map(|p| Place {
                paragraph: p.paragraph,
                start: p.start + '“'.len_utf8(),
                end: p.end - '”'.len_utf8(),
            })
        })
        .collect();
    let missing: Vec<usize> = (0..words.len()).filter(|&i| places[i].is_none()).collect();
    let bare: Vec<&str> = missing.iter().map(|&i| words[i]).collect();
    for (i, place) in missing.into_iter().zip(locate_many(texts, &bare)) {
        places[i] = place;
    }
    places
}

/// The passages between “ and ” in a paragraph's text, as byte ranges of the words.
fn quoted_passages(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('“') {
        let start = rest + open + '“'.len_utf8();
        match text[start..].find('”') {
            Some(close) => {
                out.push((start, start + close));
                rest = start + close + '”'.len_utf8();
            }
            None => break,
        }
    }
    out
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// How many hints that search the article or compare with every known id one check may
/// compute; past that, errors come without them, so that a file full of mistakes (or a fuzzer's
/// input) is still checked quickly.
const HINT_BUDGET: usize = 200;

struct Checker<'a> {
    src: &'a Sources,
    errors: Vec<ContentError>,
    /// The plain text of each paragraph, and where each starts in `article.md`.
    texts: Vec<String>,
    paragraph_offsets: Vec<usize>,
    /// Known ids in the order they are defined, or `None` when their file did not parse (then
    /// references to them are not checked: every one would be a false alarm).
    actor_ids: Option<Known>,
    event_ids: Option<Known>,
    hints_left: usize,
}

/// The ids a file defines: in order (for hints) and as a set (for lookups).
struct Known {
    ordered: Vec<String>,
    set: HashSet<String>,
}

impl Known {
    fn new(ids: impl Iterator<Item = String>) -> Known {
        let ordered: Vec<String> = ids.collect();
        let set = ordered.iter().cloned().collect();
        Known { ordered, set }
    }

    fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }
}

impl Checker<'_> {
    /// Whether an expensive hint may still be computed (and counts it).
    fn spend(&mut self) -> bool {
        let left = self.hints_left > 0;
        self.hints_left = self.hints_left.saturating_sub(1);
        left
    }

    fn err(&mut self, file: &SourceFile, at: &Text, message: String) {
        self.errors.push(file.error_at(at.span().start, message));
    }

    fn err_hint(&mut self, file: &SourceFile, at: &Text, message: String, hint: Option<String>) {
        self.errors
            .push(file.error_at(at.span().start, message).with_hint(hint));
    }

    fn check_ids<'e>(
        &mut self,
        file: &SourceFile,
        what: &str,
        ids: impl Iterator<Item = &'e Text>,
    ) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for id in ids {
            if !is_valid_id(id.get_ref()) {
                let slug = hints::slug(id.get_ref());
                let hint = (!slug.is_empty()).then(|| format!("write it as `{slug}`"));
                self.err_hint(
                    file,
                    id,
                    format!(
                        "{what} id `{}` must use only lowercase letters, digits and hyphens",
                        id.get_ref()
                    ),
                    hint,
                );
            } else if let Some(first) = seen.get(id.get_ref()) {
                let (line, _) = file.line_column(*first);
                self.err_hint(
                    file,
                    id,
                    format!("{what} id `{}` is used twice", id.get_ref()),
                    Some(format!(
                        "it is first defined at line {line}; give this one another id"
                    )),
                );
            } else {
                seen.insert(id.get_ref().clone(), id.span().start);
            }
        }
    }

    fn date(&mut self, file: &SourceFile, at: &Text) -> Option<DateSpan> {
        match DateSpan::parse(at.get_ref()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(file, at, e.0);
                None
            }
        }
    }

    /// Checks a reference to an actor (when actors.toml parsed), suggesting the nearest id.
    fn actor_ref(&mut self, file: &SourceFile, at: &Text, what: &str) {
        let Some(ids) = &self.actor_ids else { return };
        if ids.contains(at.get_ref()) {
            return;
        }
        let hint = (self.hints_left > 0)
            .then(|| unknown_id_hint(at.get_ref(), &ids.ordered, "actor", "actors.toml"));
        self.spend();
        self.err_hint(
            file,
            at,
            format!("{what} `{}` is not an actor in actors.toml", at.get_ref()),
            hint,
        );
    }

    /// A hint pointing at the article's text closest to `needle` (within the budget).
    fn closest_text_hint(&mut self, needle: &str) -> Option<String> {
        if !self.spend() {
            return None;
        }
        let closest = hints::closest_text(&self.texts, needle)?;
        let paragraph = &self.texts[closest.paragraph];
        let from = self
            .paragraph_offsets
            .get(closest.paragraph)
            .copied()
            .unwrap_or(0);
        let at = hints::source_offset(&self.src.article.text, from, &paragraph[closest.start..]);
        let (line, column) = self.src.article.line_column(at);
        let mut hint = format!(
            "closest text, at {}:{line}:{column}: \"{}\"",
            self.src.article.short_name(),
            closest.excerpt
        );
        if let Some(difference) = closest.difference {
            hint.push_str("; ");
            hint.push_str(&difference);
        }
        Some(hint)
    }
}

/// "did you mean `putin`?", or what the file defines when no id is close.
fn unknown_id_hint(id: &str, known: &[String], what: &str, file: &str) -> String {
    if let Some(hint) = hints::did_you_mean(id, known.iter().map(String::as_str)) {
        return hint;
    }
    match known.len() {
        0 => format!("{file} defines no {what} yet"),
        n if n <= 12 => format!(
            "the {what}s in {file} are: {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        n => format!("no {what} id in {file} is close to it ({n} {what}s are defined)"),
    }
}

/// "did you mean …?" among fixed keywords, or the list of them.
fn keyword_hint(word: &str, keywords: &[&str]) -> Option<String> {
    hints::did_you_mean(word, keywords.iter().copied())
}

/// Checks and assembles an article; on failure, every error found.
pub fn build_article(src: &Sources) -> Result<Article, Vec<ContentError>> {
    let size_errors = check_sizes(src);
    if !size_errors.is_empty() {
        return Err(size_errors);
    }
    let mut errors = Vec::new();
    let meta: Option<MetaFile> = parse_toml(&src.meta, &mut errors);
    let actors_parsed: Option<ActorsFile> = parse_toml(&src.actors, &mut errors);
    let events_parsed: Option<EventsFile> = parse_toml(&src.events, &mut errors);
    let quotes_parsed: Option<QuotesFile> = parse_toml(&src.quotes, &mut errors);
    let (actors_ok, events_ok, quotes_ok) = (
        actors_parsed.is_some(),
        events_parsed.is_some(),
        quotes_parsed.is_some(),
    );
    let actors = actors_parsed.unwrap_or(ActorsFile { actor: vec![] });
    let events = events_parsed.unwrap_or(EventsFile { event: vec![] });
    let quotes = quotes_parsed.unwrap_or(QuotesFile { quote: vec![] });

    // Counts over the limits: stop before the checks that grow with them.
    let counts = [
        (
            &src.actors,
            "actors",
            actors.actor.get(limits::MAX_ACTORS).map(|a| &a.id),
            actors.actor.len(),
            limits::MAX_ACTORS,
            "MAX_ACTORS",
        ),
        (
            &src.events,
            "events",
            events.event.get(limits::MAX_EVENTS).map(|e| &e.id),
            events.event.len(),
            limits::MAX_EVENTS,
            "MAX_EVENTS",
        ),
        (
            &src.quotes,
            "quotes",
            quotes.quote.get(limits::MAX_QUOTES).map(|q| &q.id),
            quotes.quote.len(),
            limits::MAX_QUOTES,
            "MAX_QUOTES",
        ),
    ];
    for (file, what, first_over, n, max, name) in counts {
        if let Some(at) = first_over {
            errors.push(
                file.error_at(
                    at.span().start,
                    format!(
                        "{} defines {n} {what}, over the limit of {max}; this is the first one too many",
                        file.short_name()
                    ),
                )
                .with_hint(Some(format!(
                    "split the article in two, or raise content::limits::{name} if the viewer must hold more"
                ))),
            );
        }
    }
    if errors.iter().any(|e| e.message.contains("over the limit")) {
        return Err(errors);
    }

    let parsed = markdown::parse_markdown(&src.article.text);
    for problem in &parsed.problems {
        errors.push(
            src.article
                .error_at(problem.offset, problem.message.clone())
                .with_hint(Some(format!(
                    "an article needs far fewer than {} levels: close the quotations, lists or emphasis sooner",
                    markdown::MAX_NESTING
                ))),
        );
    }
    let mut blocks = parsed.blocks;
    let texts = paragraph_texts(&mut blocks);
    let mut c = Checker {
        src,
        errors,
        texts,
        paragraph_offsets: parsed.paragraph_offsets,
        actor_ids: actors_ok
            .then(|| Known::new(actors.actor.iter().map(|a| a.id.get_ref().clone()))),
        event_ids: events_ok
            .then(|| Known::new(events.event.iter().map(|e| e.id.get_ref().clone()))),
        hints_left: HINT_BUDGET,
    };

    c.check_ids(&src.actors, "actor", actors.actor.iter().map(|a| &a.id));
    c.check_ids(&src.events, "event", events.event.iter().map(|e| &e.id));
    c.check_ids(&src.quotes, "quote", quotes.quote.iter().map(|q| &q.id));
    let actor_ids: HashSet<String> = actors
        .actor
        .iter()
        .map(|a| a.id.get_ref().clone())
        .collect();

    let full_text = blocks_text(&blocks);

    // Mentions in the text.
    let mut mention_counts: HashMap<String, u32> = HashMap::new();
    for site in &parsed.mentions {
        if actor_ids.contains(&site.actor) {
            *mention_counts.entry(site.actor.clone()).or_default() += 1;
        } else if let Some(known) = &c.actor_ids {
            let hint = (c.hints_left > 0)
                .then(|| unknown_id_hint(&site.actor, &known.ordered, "actor", "actors.toml"));
            c.hints_left = c.hints_left.saturating_sub(1);
            c.errors.push(
                src.article
                    .error_at(
                        site.range.start,
                        format!(
                            "link to actor `{}`, which is not in actors.toml",
                            site.actor
                        ),
                    )
                    .with_hint(hint),
            );
        }
    }

    // Actors.
    let evidence: Vec<&str> = actors
        .actor
        .iter()
        .flat_map(|a| a.relation.iter().map(|r| r.evidence.get_ref().as_str()))
        .collect();
    let mut evidence_found = locate_many(std::slice::from_ref(&full_text), &evidence)
        .into_iter()
        .map(|p| p.is_some());
    let mut model_actors = Vec::new();
    for a in &actors.actor {
        let kind = ActorKind::parse(a.kind.get_ref());
        if kind.is_none() {
            let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
            c.err_hint(
                &src.actors,
                &a.kind,
                format!(
                    "actor `{}`: kind `{}` is not one of person, state, organisation, media",
                    a.id.get_ref(),
                    a.kind.get_ref()
                ),
                keyword_hint(a.kind.get_ref(), &kinds),
            );
        }
        if let Some(aff) = &a.affiliation {
            c.actor_ref(&src.actors, aff, "affiliation");
        }
        let count = mention_counts.get(a.id.get_ref()).copied().unwrap_or(0);
        // An invalid id is reported as such; that no link can name it follows from that.
        if count == 0 && is_valid_id(a.id.get_ref()) {
            let hint = if c.spend() {
                unmarked_name_hint(&src.article, a)
            } else {
                None
            };
            c.err_hint(
                &src.actors,
                &a.id,
                format!(
                    "actor `{0}` is never mentioned in article.md (mark one as [{1}](actor:{0}))",
                    a.id.get_ref(),
                    a.name
                ),
                hint,
            );
        }
        let mut relations = Vec::new();
        for r in &a.relation {
            let rk = RelationKind::parse(r.kind.get_ref());
            if rk.is_none() {
                let known: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                c.err_hint(
                    &src.actors,
                    &r.kind,
                    format!(
                        "relation kind `{}` is not one of {}",
                        r.kind.get_ref(),
                        known.join(", ")
                    ),
                    keyword_hint(r.kind.get_ref(), &known),
                );
            }
            c.actor_ref(&src.actors, &r.target, "relation target");
            if evidence_found.next() != Some(true) {
                let hint = c.closest_text_hint(r.evidence.get_ref());
                c.err_hint(
                    &src.actors,
                    &r.evidence,
                    format!(
                        "actor `{}`: relation evidence not found verbatim in article.md",
                        a.id.get_ref()
                    ),
                    hint,
                );
            }
            if let Some(kind) = rk {
                relations.push(Relation {
                    kind,
                    target: r.target.get_ref().clone(),
                    evidence: r.evidence.get_ref().clone(),
                });
            }
        }
        model_actors.push(Actor {
            id: a.id.get_ref().clone(),
            name: a.name.clone(),
            kind: kind.unwrap_or(ActorKind::Organisation),
            role: a.role.clone(),
            affiliation: a.affiliation.as_ref().map(|x| x.get_ref().clone()),
            aliases: a.aliases.clone(),
            description: a.description.clone(),
            relations,
            mention_count: count,
        });
    }

    // Events.
    let sentences: Vec<&str> = events
        .event
        .iter()
        .flat_map(|e| e.sentences.iter().map(|s| s.get_ref().as_str()))
        .collect();
    let mut sentence_places = locate_many(&c.texts, &sentences).into_iter();
    let mut model_events = Vec::new();
    let mut sentence_marks: Vec<(Place, Vec<String>, &Text)> = Vec::new();
    let mut mark_at: HashMap<Place, usize> = HashMap::new();
    for e in &events.event {
        let id = e.id.get_ref();
        let date = c.date(&src.events, &e.date);
        for a in &e.actors {
            c.actor_ref(&src.events, a, "event actor");
        }
        let provenance = check_provenance(&mut c, e, date);
        for s in &e.sentences {
            match sentence_places.next().flatten() {
                Some(place) => match mark_at.get(&place) {
                    Some(&i) => sentence_marks[i].1.push(id.clone()),
                    None => {
                        mark_at.insert(place, sentence_marks.len());
                        sentence_marks.push((place, vec![id.clone()], s));
                    }
                },
                None => {
                    let hint = c.closest_text_hint(s.get_ref());
                    c.err_hint(
                        &src.events,
                        s,
                        format!(
                            "event `{id}`: sentence not found verbatim in one paragraph of article.md"
                        ),
                        hint,
                    )
                }
            }
        }
        if let (Some(date), Some(provenance)) = (date, provenance) {
            model_events.push(Event {
                id: id.clone(),
                date,
                title: e.title.clone(),
                description: e.description.clone(),
                actors: e.actors.iter().map(|a| a.get_ref().clone()).collect(),
                sentences: e.sentences.iter().map(|s| s.get_ref().clone()).collect(),
                provenance,
                note: e.note.clone(),
            });
        }
    }
    model_events.sort_by_key(|e| e.date.sort_key());

    // Quotes.
    let words: Vec<&str> = quotes
        .quote
        .iter()
        .map(|q| q.text.get_ref().as_str())
        .collect();
    let found = locate_quotes(&c.texts, &words);
    let mut quote_places: Vec<(Place, Quote, &Text)> = Vec::new();
    let mut unplaced: Vec<&QuoteEntry> = Vec::new();
    for (q, found) in quotes.quote.iter().zip(found) {
        c.actor_ref(&src.quotes, &q.speaker, "speaker");
        if let (Some(ev), Some(known)) = (&q.event, &c.event_ids) {
            if !known.contains(ev.get_ref()) {
                let hint = (c.hints_left > 0)
                    .then(|| unknown_id_hint(ev.get_ref(), &known.ordered, "event", "events.toml"));
                c.hints_left = c.hints_left.saturating_sub(1);
                c.err_hint(
                    &src.quotes,
                    ev,
                    format!("event `{}` is not in events.toml", ev.get_ref()),
                    hint,
                );
            }
        }
        match found {
            Some(place) => quote_places.push((
                place,
                Quote {
                    id: q.id.get_ref().clone(),
                    speaker: q.speaker.get_ref().clone(),
                    text: q.text.get_ref().clone(),
                    event: q.event.as_ref().map(|e| e.get_ref().clone()),
                    context: q.context.clone(),
                },
                &q.text,
            )),
            None => {
                unplaced.push(q);
                let hint = c.closest_text_hint(q.text.get_ref());
                c.err_hint(
                    &src.quotes,
                    &q.text,
                    format!(
                        "quote `{}`: text not found verbatim in article.md",
                        q.id.get_ref()
                    ),
                    hint,
                )
            }
        }
    }
    quote_places.sort_by_key(|(p, ..)| *p);
    if quotes_ok {
        let mut uncovered = Vec::new();
        let mut by_paragraph: HashMap<usize, Vec<&Place>> = HashMap::new();
        for (p, ..) in &quote_places {
            by_paragraph.entry(p.paragraph).or_default().push(p);
        }
        for (paragraph, text) in c.texts.iter().enumerate() {
            let here = by_paragraph.get(&paragraph);
            for (start, end) in quoted_passages(text) {
                let covered = here
                    .is_some_and(|places| places.iter().any(|p| p.start <= start && p.end >= end));
                if !covered {
                    // Where the opening mark is in the source.
                    let from = c.paragraph_offsets.get(paragraph).copied().unwrap_or(0);
                    let mark = start - '“'.len_utf8();
                    let offset = hints::source_offset(&src.article.text, from, &text[mark..]);
                    uncovered.push((offset, text[start..end].to_string()));
                }
            }
        }
        for (offset, passage) in uncovered {
            let hint = uncovered_passage_hint(&src.quotes, &passage, &unplaced, c.spend());
            c.errors.push(
                src.article
                    .error_at(
                        offset,
                        format!("the quoted passage “{passage}” has no entry in quotes.toml"),
                    )
                    .with_hint(Some(hint)),
            );
        }
    }

    // Mark sentences (outer first), then quotes, in the tree.
    sentence_marks.sort_by_key(|(p, ..)| std::cmp::Reverse(p.end - p.start));
    let mut marks: Vec<(Place, Inline, &Text, String)> = Vec::new();
    for (place, events, at) in sentence_marks {
        let what = format!("sentence of event `{}`", events[0]);
        marks.push((
            place,
            Inline::Sentence {
                events,
                content: vec![],
            },
            at,
            what,
        ));
    }
    for (place, quote, at) in &quote_places {
        marks.push((
            *place,
            Inline::Quote {
                quote: quote.id.clone(),
                content: vec![],
            },
            at,
            format!("quote `{}`", quote.id),
        ));
    }
    let mut by_paragraph: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, m) in marks.iter().enumerate() {
        by_paragraph.entry(m.0.paragraph).or_default().push(i);
    }
    let mut wrap_errors = Vec::new();
    for_each_paragraph(&mut blocks, &mut |i, inlines| {
        let Some(here) = by_paragraph.get(&i) else {
            return;
        };
        for (place, node, at, what) in here.iter().map(|&m| &marks[m]) {
            let make = |content: Vec<Inline>| match node.clone() {
                Inline::Sentence { events, .. } => Inline::Sentence { events, content },
                Inline::Quote { quote, .. } => Inline::Quote { quote, content },
                other => other,
            };
            if let Err(why) = wrap::wrap_range(inlines, place.start, place.end, &make) {
                let file = if what.starts_with("quote") {
                    &src.quotes
                } else {
                    &src.events
                };
                wrap_errors.push(file.error_at(
                    at.span().start,
                    format!("{what} cannot be marked in the text: {why}"),
                ));
            }
        }
    });
    c.errors.extend(wrap_errors);
    number_mentions(&mut blocks);

    // Metadata.
    let meta = meta.and_then(|m| {
        let page_date = c.date(&src.meta, &m.page_date);
        let source_date = c.date(&src.meta, &m.source.date);
        if let Some(a) = &m.source.actor {
            c.actor_ref(&src.meta, a, "source actor");
        }
        if m.title.get_ref().trim().is_empty() {
            c.err(&src.meta, &m.title, "the title is empty".into());
        }
        let words = word_count(&full_text);
        if let Some(endpoint) = &m.feedback.endpoint {
            if !endpoint.get_ref().starts_with("https://") {
                c.err(
                    &src.meta,
                    endpoint,
                    "feedback.endpoint must be an https:// address".into(),
                );
            }
        }
        Some(Meta {
            title: m.title.get_ref().clone(),
            standfirst: m.standfirst.clone(),
            page_date: page_date?.start,
            page_date_text: m.page_date_text.clone(),
            publisher_address: m.publisher_address.clone(),
            language: m.language.clone(),
            source: Source {
                name: m.source.name.clone(),
                date: source_date?.start,
                actor: m.source.actor.as_ref().map(|a| a.get_ref().clone()),
            },
            word_count: words,
            reading_minutes: reading_minutes(words),
            feedback_criteria: m.feedback.criteria.clone(),
            feedback_endpoint: m.feedback.endpoint.as_ref().map(|e| e.get_ref().clone()),
        })
    });

    if blocks.is_empty() {
        c.errors
            .push(src.article.error_at(0, "the article has no text"));
    }
    match meta {
        Some(meta) if c.errors.is_empty() => Ok(Article {
            meta,
            blocks,
            actors: model_actors,
            events: model_events,
            quotes: quote_places.into_iter().map(|(_, q, _)| q).collect(),
        }),
        _ => Err(c.errors),
    }
}

/// For an actor never marked in the text: where its name (or an alias) appears unmarked.
fn unmarked_name_hint(article: &SourceFile, actor: &ActorEntry) -> Option<String> {
    let id = actor.id.get_ref();
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .filter(|name| !name.trim().is_empty())
        .find_map(|name| {
            let text = &article.text;
            let mut from = 0;
            while let Some(i) = text[from..].find(name.as_str()) {
                let at = from + i;
                let end = at + name.len();
                let before = text[..at].chars().next_back();
                let after = text[end..].chars().next();
                let whole_word = !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric);
                // Not already the text of a link.
                let linked = before == Some('[') && text[end..].starts_with("](");
                if whole_word && !linked {
                    let (line, column) = article.line_column(at);
                    return Some(format!(
                        "“{name}” appears unmarked at {}:{line}:{column}; write it as [{name}](actor:{id})",
                        article.short_name()
                    ));
                }
                from = end;
            }
            None
        })
}

/// For a passage in quotation marks with no quote: a quote entry whose text is close to it
/// (probably a typo there), or the entry to add.
fn uncovered_passage_hint(
    quotes: &SourceFile,
    passage: &str,
    unplaced: &[&QuoteEntry],
    compare: bool,
) -> String {
    // Comparing with each unplaced quote is quadratic: only within the hint budget.
    let candidates = if compare { unplaced } else { &[] };
    let near = candidates.iter().take(50).find(|q| {
        let words = [passage.to_string()];
        hints::closest_text(&words, q.text.get_ref()).is_some()
    });
    match near {
        Some(q) => {
            let (line, column) = quotes.line_column(q.text.span().start);
            format!(
                "quote `{}` at {}:{line}:{column} looks like this passage; make its text match it exactly",
                q.id.get_ref(),
                quotes.short_name()
            )
        }
        None => {
            let id = hints::slug(passage);
            let escaped = passage.replace('\\', "\\\\").replace('"', "\\\"");
            format!(
                "add it to {}: [[quote]] id = \"{}\" speaker = \"…\" text = \"{escaped}\" context = \"…\"",
                quotes.short_name(),
                if id.is_empty() { "…".to_string() } else { id }
            )
        }
    }
}

/// The date of a weekday (0 = Monday) in the seven days up to `week_of`.
fn weekday_in_week(week_of: PartialDate, weekday: usize) -> Option<PartialDate> {
    let anchor = week_of.days_since_epoch()?;
    let anchor_weekday = week_of.weekday()?;
    let back = (anchor_weekday + 7 - weekday) % 7;
    Some(date_from_days(anchor - back as i64))
}

/// The civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn date_from_days(days: i64) -> PartialDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    PartialDate::day(year, month, day)
}

fn check_provenance(c: &mut Checker, e: &EventEntry, date: Option<DateSpan>) -> Option<Provenance> {
    let src = c.src;
    let id = e.id.get_ref();
    let kind = e.provenance.get_ref().as_str();
    if kind != "inferred" {
        for extra in [&e.weekday, &e.week_of].into_iter().flatten() {
            c.err(
                &src.events,
                extra,
                format!("event `{id}`: weekday and week_of go only with provenance = \"inferred\""),
            );
        }
    }
    if kind != "record" {
        if let Some(g) = &e.article_gives {
            c.err(
                &src.events,
                g,
                format!("event `{id}`: article_gives goes only with provenance = \"record\""),
            );
        }
    }
    match kind {
        "stated" => Some(Provenance::Stated),
        "record" => {
            let gives = match &e.article_gives {
                None => None,
                Some(g) => match Precision::parse(g.get_ref()) {
                    Some(p) if date.is_none_or(|d| p < d.precision()) => Some(p),
                    Some(_) => {
                        c.err(
                            &src.events,
                            g,
                            format!("event `{id}`: if the article gives the date to this precision, the provenance is \"stated\""),
                        );
                        None
                    }
                    None => {
                        c.err_hint(
                            &src.events,
                            g,
                            format!("event `{id}`: article_gives must be year or month"),
                            keyword_hint(g.get_ref(), &["year", "month"]),
                        );
                        None
                    }
                },
            };
            Some(Provenance::Record {
                article_gives: gives,
            })
        }
        "inferred" => {
            let (Some(weekday), Some(week_of)) = (&e.weekday, &e.week_of) else {
                c.err(
                    &src.events,
                    &e.provenance,
                    format!("event `{id}`: an inferred date needs weekday = \"...\" and week_of = \"YYYY-MM-DD\""),
                );
                return None;
            };
            let Some(day_index) = WEEKDAYS.iter().position(|w| w == weekday.get_ref()) else {
                c.err_hint(
                    &src.events,
                    weekday,
                    format!(
                        "event `{id}`: `{}` is not a weekday (write it as Monday … Sunday)",
                        weekday.get_ref()
                    ),
                    keyword_hint(weekday.get_ref(), &WEEKDAYS),
                );
                return None;
            };
            let anchor = c.date(&src.events, week_of)?;
            let date = date?;
            let (Some(day), Some(anchor_day)) = (
                date.start.days_since_epoch(),
                anchor.start.days_since_epoch(),
            ) else {
                c.err(
                    &src.events,
                    &e.date,
                    format!(
                        "event `{id}`: an inferred date and its week_of must both be full dates"
                    ),
                );
                return None;
            };
            let right_day = weekday_in_week(anchor.start, day_index).map(|d| {
                format!(
                    "the {} in the seven days up to {} is {}: date = \"{}\"",
                    weekday.get_ref(),
                    anchor.start.long(),
                    d.long(),
                    d.iso()
                )
            });
            if date.start.weekday() != Some(day_index) {
                c.err_hint(
                    &src.events,
                    &e.date,
                    format!(
                        "event `{id}`: {} is a {}, not a {}",
                        date.start.long(),
                        WEEKDAYS[date.start.weekday().unwrap_or(0)],
                        weekday.get_ref()
                    ),
                    right_day,
                );
                return None;
            }
            if !(0..7).contains(&(anchor_day - day)) {
                c.err_hint(
                    &src.events,
                    &e.date,
                    format!(
                        "event `{id}`: {} is not in the seven days up to {}",
                        date.start.long(),
                        anchor.start.long()
                    ),
                    right_day,
                );
                return None;
            }
            Some(Provenance::Inferred {
                weekday: weekday.get_ref().clone(),
                week_of: anchor.start,
            })
        }
        other => {
            c.err_hint(
                &src.events,
                &e.provenance,
                format!(
                    "event `{id}`: provenance `{other}` is not one of stated, inferred, record"
                ),
                keyword_hint(other, &["stated", "inferred", "record"]).or_else(|| {
                    Some("stated: the article gives the date; record: the public record does; inferred: the article names a weekday".into())
                }),
            );
            None
        }
    }
}

/// Numbers each actor's mentions from 0 in reading order.
fn number_mentions(blocks: &mut [Block]) {
    fn walk(inlines: &mut [Inline], counts: &mut HashMap<String, u32>) {
        for inline in inlines {
            match inline {
                Inline::Mention {
                    actor,
                    index,
                    content,
                } => {
                    let n = counts.entry(actor.clone()).or_default();
                    *index = *n;
                    *n += 1;
                    walk(content, counts);
                }
                other => {
                    if let Some(c) = other.children_mut() {
                        walk(c, counts);
                    }
                }
            }
        }
    }
    let mut counts = HashMap::new();
    fn blocks_walk(blocks: &mut [Block], counts: &mut HashMap<String, u32>) {
        for b in blocks {
            match b {
                Block::Paragraph(c) | Block::Heading { content: c, .. } => walk(c, counts),
                Block::Quotation(bs) => blocks_walk(bs, counts),
                Block::List { items, .. } => items.iter_mut().for_each(|i| blocks_walk(i, counts)),
                Block::Rule => {}
            }
        }
    }
    blocks_walk(blocks, &mut counts);
}
