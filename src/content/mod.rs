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
pub mod markdown;
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

fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    errors: &mut Vec<ContentError>,
) -> Option<T> {
    match toml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            errors.push(file.error_at(offset, e.message().trim().to_string()));
            None
        }
    }
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

fn locate(texts: &[String], needle: &str) -> Option<Place> {
    if needle.is_empty() {
        return None;
    }
    texts.iter().enumerate().find_map(|(paragraph, t)| {
        t.find(needle).map(|start| Place {
            paragraph,
            start,
            end: start + needle.len(),
        })
    })
}

/// Finds a quote's words, preferring an occurrence between quotation marks.
fn locate_quote(texts: &[String], words: &str) -> Option<Place> {
    locate(texts, &format!("“{words}”"))
        .map(|p| Place {
            paragraph: p.paragraph,
            start: p.start + '“'.len_utf8(),
            end: p.end - '”'.len_utf8(),
        })
        .or_else(|| locate(texts, words))
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

struct Checker<'a> {
    src: &'a Sources,
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    fn err(&mut self, file: &SourceFile, at: &Text, message: String) {
        self.errors.push(file.error_at(at.span().start, message));
    }

    fn check_ids<'e>(
        &mut self,
        file: &SourceFile,
        what: &str,
        ids: impl Iterator<Item = &'e Text>,
    ) {
        let mut seen = HashSet::new();
        for id in ids {
            if !is_valid_id(id.get_ref()) {
                self.err(
                    file,
                    id,
                    format!(
                        "{what} id `{}` must use only lowercase letters, digits and hyphens",
                        id.get_ref()
                    ),
                );
            } else if !seen.insert(id.get_ref().clone()) {
                self.err(
                    file,
                    id,
                    format!("{what} id `{}` is used twice", id.get_ref()),
                );
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

    fn actor_ref(&mut self, file: &SourceFile, actors: &HashSet<String>, at: &Text, what: &str) {
        if !actors.contains(at.get_ref()) {
            self.err(
                file,
                at,
                format!("{what} `{}` is not an actor in actors.toml", at.get_ref()),
            );
        }
    }
}

/// Checks and assembles an article; on failure, every error found.
pub fn build_article(src: &Sources) -> Result<Article, Vec<ContentError>> {
    let mut c = Checker {
        src,
        errors: Vec::new(),
    };
    let meta: Option<MetaFile> = parse_toml(&src.meta, &mut c.errors);
    let actors: ActorsFile =
        parse_toml(&src.actors, &mut c.errors).unwrap_or(ActorsFile { actor: vec![] });
    let events: EventsFile =
        parse_toml(&src.events, &mut c.errors).unwrap_or(EventsFile { event: vec![] });
    let quotes: QuotesFile =
        parse_toml(&src.quotes, &mut c.errors).unwrap_or(QuotesFile { quote: vec![] });
    let parsed = markdown::parse_markdown(&src.article.text);
    let mut blocks = parsed.blocks;

    c.check_ids(&src.actors, "actor", actors.actor.iter().map(|a| &a.id));
    c.check_ids(&src.events, "event", events.event.iter().map(|e| &e.id));
    c.check_ids(&src.quotes, "quote", quotes.quote.iter().map(|q| &q.id));
    let actor_ids: HashSet<String> = actors
        .actor
        .iter()
        .map(|a| a.id.get_ref().clone())
        .collect();
    let event_ids: HashSet<String> = events
        .event
        .iter()
        .map(|e| e.id.get_ref().clone())
        .collect();

    let texts = paragraph_texts(&mut blocks);
    let full_text = blocks_text(&blocks);

    // Mentions in the text.
    let mut mention_counts: HashMap<String, u32> = HashMap::new();
    for site in &parsed.mentions {
        if actor_ids.contains(&site.actor) {
            *mention_counts.entry(site.actor.clone()).or_default() += 1;
        } else {
            c.errors.push(src.article.error_at(
                site.range.start,
                format!(
                    "link to actor `{}`, which is not in actors.toml",
                    site.actor
                ),
            ));
        }
    }

    // Actors.
    let mut model_actors = Vec::new();
    for a in &actors.actor {
        let kind = ActorKind::parse(a.kind.get_ref());
        if kind.is_none() {
            c.err(
                &src.actors,
                &a.kind,
                format!(
                    "actor `{}`: kind `{}` is not one of person, state, organisation, media",
                    a.id.get_ref(),
                    a.kind.get_ref()
                ),
            );
        }
        if let Some(aff) = &a.affiliation {
            c.actor_ref(&src.actors, &actor_ids, aff, "affiliation");
        }
        let count = mention_counts.get(a.id.get_ref()).copied().unwrap_or(0);
        if count == 0 {
            c.err(
                &src.actors,
                &a.id,
                format!(
                    "actor `{0}` is never mentioned in article.md (mark one as [{1}](actor:{0}))",
                    a.id.get_ref(),
                    a.name
                ),
            );
        }
        let mut relations = Vec::new();
        for r in &a.relation {
            let rk = RelationKind::parse(r.kind.get_ref());
            if rk.is_none() {
                let known: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                c.err(
                    &src.actors,
                    &r.kind,
                    format!(
                        "relation kind `{}` is not one of {}",
                        r.kind.get_ref(),
                        known.join(", ")
                    ),
                );
            }
            c.actor_ref(&src.actors, &actor_ids, &r.target, "relation target");
            if !full_text.contains(r.evidence.get_ref().as_str()) {
                c.err(
                    &src.actors,
                    &r.evidence,
                    format!(
                        "actor `{}`: relation evidence not found verbatim in article.md",
                        a.id.get_ref()
                    ),
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
    let mut model_events = Vec::new();
    let mut sentence_marks: Vec<(Place, Vec<String>, &Text)> = Vec::new();
    for e in &events.event {
        let id = e.id.get_ref();
        let date = c.date(&src.events, &e.date);
        for a in &e.actors {
            c.actor_ref(&src.events, &actor_ids, a, "event actor");
        }
        let provenance = check_provenance(&mut c, e, date);
        for s in &e.sentences {
            match locate(&texts, s.get_ref()) {
                Some(place) => match sentence_marks.iter_mut().find(|m| m.0 == place) {
                    Some(mark) => mark.1.push(id.clone()),
                    None => sentence_marks.push((place, vec![id.clone()], s)),
                },
                None => c.err(
                    &src.events,
                    s,
                    format!(
                        "event `{id}`: sentence not found verbatim in one paragraph of article.md"
                    ),
                ),
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
    let mut quote_places: Vec<(Place, Quote, &Text)> = Vec::new();
    for q in &quotes.quote {
        c.actor_ref(&src.quotes, &actor_ids, &q.speaker, "speaker");
        if let Some(ev) = &q.event {
            if !event_ids.contains(ev.get_ref()) {
                c.err(
                    &src.quotes,
                    ev,
                    format!("event `{}` is not in events.toml", ev.get_ref()),
                );
            }
        }
        match locate_quote(&texts, q.text.get_ref()) {
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
            None => c.err(
                &src.quotes,
                &q.text,
                format!(
                    "quote `{}`: text not found verbatim in article.md",
                    q.id.get_ref()
                ),
            ),
        }
    }
    quote_places.sort_by_key(|(p, ..)| *p);
    for (paragraph, text) in texts.iter().enumerate() {
        for (start, end) in quoted_passages(text) {
            let covered = quote_places
                .iter()
                .any(|(p, ..)| p.paragraph == paragraph && p.start <= start && p.end >= end);
            if !covered {
                let passage = &text[start..end];
                let head: String = passage.chars().take(24).collect();
                let offset = src.article.text.find(&format!("“{head}")).unwrap_or(0);
                c.errors.push(src.article.error_at(
                    offset,
                    format!("the quoted passage “{passage}” has no entry in quotes.toml"),
                ));
            }
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
    let mut wrap_errors = Vec::new();
    for_each_paragraph(&mut blocks, &mut |i, inlines| {
        for (place, node, at, what) in marks.iter().filter(|m| m.0.paragraph == i) {
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
            c.actor_ref(&src.meta, &actor_ids, a, "source actor");
        }
        if m.title.get_ref().trim().is_empty() {
            c.err(&src.meta, &m.title, "the title is empty".into());
        }
        let words = word_count(&full_text);
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
                        c.err(
                            &src.events,
                            g,
                            format!("event `{id}`: article_gives must be year or month"),
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
                c.err(
                    &src.events,
                    weekday,
                    format!(
                        "event `{id}`: `{}` is not a weekday (write it as Monday … Sunday)",
                        weekday.get_ref()
                    ),
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
            if date.start.weekday() != Some(day_index) {
                c.err(
                    &src.events,
                    &e.date,
                    format!(
                        "event `{id}`: {} is a {}, not a {}",
                        date.start.long(),
                        WEEKDAYS[date.start.weekday().unwrap_or(0)],
                        weekday.get_ref()
                    ),
                );
                return None;
            }
            if !(0..7).contains(&(anchor_day - day)) {
                c.err(
                    &src.events,
                    &e.date,
                    format!(
                        "event `{id}`: {} is not in the seven days up to {}",
                        date.start.long(),
                        anchor.start.long()
                    ),
                );
                return None;
            }
            Some(Provenance::Inferred {
                weekday: weekday.get_ref().clone(),
                week_of: anchor.start,
            })
        }
        other => {
            c.err(
                &src.events,
                &e.provenance,
                format!(
                    "event `{id}`: provenance `{other}` is not one of stated, inferred, record"
                ),
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
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Link { content: c, .. }
                | Inline::Quote { content: c, .. }
                | Inline::Sentence { content: c, .. } => walk(c, counts),
                Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
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
