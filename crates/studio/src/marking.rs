//! What the draft missed, marked by the writer: words selected in the preview become an actor's
//! mark, a quote, or an event on their sentence. Pure (no browser): the preview hands over
//! where the selection is ([`Selection`], as the page's DOM gives it), and [`mark`] writes it
//! into the folder's files as a writer with an editor would (docs/authoring.md):
//!
//! - an actor, known or new: `[the words](actor:id)` around the words, on their one line of
//!   `article.md`; a new actor also gets its `[[actor]]` entry appended to `actors.toml`;
//! - a quote: a `[[quote]]` entry appended to `quotes.toml`, its `text` the selection verbatim
//!   (without the quotation marks around it, if they were selected: `text` is what stands
//!   between them). Quotes are not marked in the Markdown: the checker finds them by their
//!   words;
//! - an event: an `[[event]]` entry appended to `events.toml`, its `sentences` the sentence (or
//!   sentences) the selection is in, its date, precision and provenance the writer's (never one
//!   made up here).
//!
//! Entries are laid out as the drafter writes them (`marginalia_draft::write`), with no
//! `status` line: a person made them, so they are confirmed. Every other line of every file
//! stays as it was. A selection that cannot become a mark is refused, in words for the writer:
//! one that runs over two paragraphs, sits in a heading, cuts a word in half, overlaps a mark
//! already there, or no longer matches the text (the preview shows the last article that
//! built). What the checker says of the result is the reducer's re-check.

use crate::folder::Folder;
use marginalia_content::markdown::parse_markdown;
use marginalia_draft::write::quoted;
use marginalia_model::{Block, DateSpan, Inline};
use std::ops::Range;

/// Where the writer's selection is, as the preview's DOM gives it: the body's paragraphs and
/// headings (`p, h2, h3, h4`, in reading order, as `marginalia_model::text::leaf_texts` counts
/// them) where it starts and ends, its offsets in their `textContent` (UTF-16 code units, as
/// the DOM counts), and the text the browser says is selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub start_block: usize,
    pub start: usize,
    pub end_block: usize,
    pub end: usize,
    pub text: String,
}

/// What the selected words become.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkAs {
    /// A mention of an actor of `actors.toml`.
    Actor { id: String },
    /// A mention of an actor not yet in `actors.toml`, with its entry.
    NewActor {
        id: String,
        name: String,
        kind: String,
        role: String,
        description: String,
    },
    /// A quote of the words, said by `speakers` (actor ids; several: said together).
    Quote {
        speakers: Vec<String>,
        context: String,
    },
    /// An event whose sentences are those the selection is in.
    Event {
        date: String,
        /// `day`, `month` or `year`: the date must be written to it.
        precision: String,
        /// `stated`, `inferred` or `record`.
        provenance: String,
        title: String,
        description: String,
    },
}

pub const ACTOR_KINDS: [&str; 4] = ["person", "state", "organisation", "media"];
pub const PROVENANCES: [&str; 3] = ["stated", "inferred", "record"];
pub const PRECISIONS: [&str; 3] = ["day", "month", "year"];

/// A selection found in `article.md`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The selected words, without the spaces around them.
    pub words: String,
    /// The paragraph, counted as the checker counts them (paragraphs only, from 0).
    pub paragraph: usize,
    /// The paragraph's text as the checker reads it (marks and formatting taken out).
    pub text: String,
    /// The words' bytes in `text`.
    pub range: Range<usize>,
    /// Where the paragraph starts in `article.md`.
    pub offset: usize,
}

/// One paragraph or heading of the body: its text as the DOM gives it and as the checker
/// reads it (they differ only at a hard line break, a space for the checker, nothing in the
/// DOM), and its paragraph number (`None` for a heading).
struct Leaf {
    dom: String,
    plain: String,
    paragraph: Option<usize>,
}

fn leaves(blocks: &[Block], next: &mut usize, out: &mut Vec<Leaf>) {
    fn dom_text(inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::LineBreak => {}
                container => dom_text(container.children().unwrap_or_default(), out),
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                let mut dom = String::new();
                dom_text(c, &mut dom);
                let paragraph = matches!(block, Block::Paragraph(_)).then(|| {
                    *next += 1;
                    *next - 1
                });
                out.push(Leaf {
                    dom,
                    plain: marginalia_model::text::inline_text(c),
                    paragraph,
                });
            }
            container => {
                for group in container.children() {
                    leaves(group, next, out);
                }
            }
        }
    }
}

/// The byte offset of UTF-16 offset `units` in `text` (`None` past its end or inside a
/// character).
fn byte_at(text: &str, units: usize) -> Option<usize> {
    let mut count = 0;
    for (at, c) in text.char_indices() {
        if count == units {
            return Some(at);
        }
        count += c.len_utf16();
        if count > units {
            return None;
        }
    }
    (count == units).then_some(text.len())
}

/// The offset in `plain` of offset `at` of `dom` (the same text but for the spaces `plain`
/// has where `dom` has a hard line break): a start is put past such a space, an end before it.
fn dom_to_plain(dom: &str, plain: &str, at: usize, start: bool) -> usize {
    let (mut d, mut p) = (0, 0);
    while p < plain.len() {
        let pc = plain[p..].chars().next().unwrap_or(' ');
        let same = dom[d..].starts_with(pc);
        if d >= at && (same || !start) {
            break;
        }
        if same {
            d += pc.len_utf8();
        }
        p += pc.len_utf8();
    }
    p
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Finds the selection in `article`, or says why it cannot be marked.
pub fn locate(article: &str, selection: &Selection) -> Result<Located, String> {
    if selection.start_block != selection.end_block {
        return Err(
            "The selection runs over more than one paragraph: select words within one paragraph."
                .into(),
        );
    }
    let parsed = parse_markdown(article);
    let mut all = Vec::new();
    leaves(&parsed.blocks, &mut 0, &mut all);
    let stale = || {
        "The preview no longer matches the text (it shows the last article that built): fix what the checker reports, or select the words again.".to_string()
    };
    let leaf = all.get(selection.start_block).ok_or_else(stale)?;
    let (Some(start), Some(end)) = (
        byte_at(&leaf.dom, selection.start),
        byte_at(&leaf.dom, selection.end),
    ) else {
        return Err(stale());
    };
    if start > end || leaf.dom[start..end] != selection.text {
        return Err(stale());
    }
    let Some(paragraph) = leaf.paragraph else {
        return Err(
            "That is a heading: mark words in the article's paragraphs, where the checker looks for them."
                .into(),
        );
    };
    // The words as the checker reads them, without the spaces around them.
    let (start, end) = (
        dom_to_plain(&leaf.dom, &leaf.plain, start, true),
        dom_to_plain(&leaf.dom, &leaf.plain, end, false),
    );
    let text = &leaf.plain;
    let inner = &text[start..end.max(start)];
    let start = start + (inner.len() - inner.trim_start().len());
    let end = start + inner.trim().len();
    if inner.trim().is_empty() {
        return Err("Select some words of the text first.".into());
    }
    let before = text[..start].chars().next_back();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let after = text[end..].chars().next();
    let cut =
        |a: Option<char>, b: Option<char>| a.is_some_and(word_char) && b.is_some_and(word_char);
    if cut(before, first) || cut(last, after) {
        let word_start = text[..start].rfind(|c: char| !word_char(c)).map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word_end = text[end..]
            .find(|c: char| !word_char(c))
            .map_or(text.len(), |i| end + i);
        return Err(format!(
            "The selection cuts a word in half (“{}”): select whole words.",
            &text[word_start..word_end]
        ));
    }
    let range = start..end;
    Ok(Located {
        words: leaf.plain[range.clone()].to_string(),
        paragraph,
        text: leaf.plain.clone(),
        range,
        offset: parsed
            .paragraph_offsets
            .get(paragraph)
            .copied()
            .unwrap_or(0),
    })
}

/// An actor of `actors.toml` the form offers: its id, name and aliases.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
}

/// The actors of `actors.toml`, in file order (none when it does not read as TOML).
pub fn choices(actors: &str) -> Vec<Choice> {
    let parsed: toml::Table = actors.parse().unwrap_or_default();
    let text =
        |e: &toml::Value, k: &str| e.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
    parsed
        .get("actor")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .map(|e| Choice {
            id: text(e, "id"),
            name: text(e, "name"),
            aliases: e
                .get("aliases")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str().map(str::to_string))
                .collect(),
        })
        .filter(|c| !c.id.is_empty())
        .collect()
}

/// The actor whose name or an alias is exactly `words`, if one is (the form's first choice).
pub fn named<'c>(choices: &'c [Choice], words: &str) -> Option<&'c Choice> {
    choices
        .iter()
        .find(|c| c.name == words || c.aliases.iter().any(|a| a == words))
}

/// The sentences of its paragraph the located words are in (one, or those a selection over
/// several touches), as the checker reads them: an event's `sentences`.
pub fn sentences(at: &Located) -> Vec<String> {
    marginalia_model::sentences::sentence_ranges(&at.text)
        .into_iter()
        .filter(|s| s.start < at.range.end && at.range.start < s.end)
        .map(|s| at.text[s].to_string())
        .collect()
}

/// Whether a source character gives this plain character (a line break in the source reads as
/// a space).
fn stands_for(source: char, plain: char) -> bool {
    source == plain || (plain == ' ' && source == '\n')
}

/// The byte offset in `source` of byte `at` of the paragraph's plain text `plain`, the
/// paragraph starting at `from`: the two walked side by side, markup skipped, a link's address
/// stepped over whole (as the checker places its errors). `None` when the walk loses its way.
fn source_offset(source: &str, from: usize, plain: &str, at: usize) -> Option<usize> {
    let mut s = from;
    for (i, p) in plain.char_indices() {
        loop {
            let rest = source.get(s..)?;
            let c = rest.chars().next()?;
            if stands_for(c, p) {
                break;
            }
            if rest.starts_with("](") {
                s += rest.find(')').map_or(2, |i| i + 1);
            } else {
                s += c.len_utf8();
            }
        }
        if i >= at {
            return Some(s);
        }
        s += source[s..].chars().next().map_or(0, char::len_utf8);
    }
    (at >= plain.len()).then_some(s)
}

/// `article` with an actor's mark around the located words.
fn with_actor_mark(article: &str, at: &Located, id: &str) -> Result<String, String> {
    let start = source_offset(article, at.offset, &at.text, at.range.start);
    let last = at.text[..at.range.end]
        .chars()
        .next_back()
        .map_or(0, char::len_utf8);
    let end = source_offset(article, at.offset, &at.text, at.range.end - last)
        .map(|s| s + article[s..].chars().next().map_or(0, char::len_utf8));
    let (Some(start), Some(end)) = (start, end) else {
        return Err("The words could not be found in article.md: select them again.".into());
    };
    for (link, address) in marginalia_draft::write::links(article) {
        if link.start < end && start < link.end {
            return Err(match address.strip_prefix("actor:") {
                Some(actor) => format!(
                    "“{}” overlaps a mark already there (actor {actor}): select words outside it.",
                    at.words
                ),
                None => format!(
                    "“{}” overlaps a link of the text: an actor's mark cannot go inside a link.",
                    at.words
                ),
            });
        }
    }
    if article[start..end] != at.words {
        return Err(format!(
            "“{}” crosses formatting in article.md (emphasis, or a line break): select words inside it, or mark them in Files.",
            at.words
        ));
    }
    Ok(format!(
        "{}[{}](actor:{id}){}",
        &article[..start],
        &article[start..end],
        &article[end..]
    ))
}

/// The ids of a TOML file's `[[table]]` entries (the drafter's reading); errs, in the studio's
/// words, when the file does not read as TOML.
fn ids(file: &str, table: &str, name: &str) -> Result<Vec<String>, String> {
    marginalia_draft::write::entry_ids(file, table)
        .map_err(|_| format!("{name} does not read as TOML: fix it in Files first."))
}

/// `file` with `entry` (its lines, each ending with a line break) appended after a blank line.
fn append(file: &str, entry: &str) -> String {
    let mut out = file.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(entry);
    out
}

/// `id`, or `id-2`, `id-3`… if taken.
fn unique(id: String, taken: &[String]) -> String {
    if !taken.contains(&id) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(id)
}

/// Lowercase ASCII words of `text` joined by hyphens, at most `n` of three letters or more.
fn slug_words(text: &str, n: usize) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 2)
        .take(n)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Where the checker finds a quote's words: its first occurrence between “ and ” in a
/// paragraph, else its first occurrence (`marginalia_content`'s `locate_quotes`).
fn quote_place(texts: &[String], words: &str) -> Option<(usize, Range<usize>)> {
    let marked = format!("“{words}”");
    let first = |needle: &str, skip: usize| {
        texts.iter().enumerate().find_map(|(p, t)| {
            t.find(needle)
                .map(|at| (p, at + skip..at + skip + words.len()))
        })
    };
    first(&marked, '“'.len_utf8()).or_else(|| first(words, 0))
}

/// The checker's paragraphs of `article`, as it reads them.
fn paragraph_texts(article: &str) -> Vec<String> {
    let parsed = parse_markdown(article);
    let mut all = Vec::new();
    leaves(&parsed.blocks, &mut 0, &mut all);
    all.into_iter()
        .filter(|l| l.paragraph.is_some())
        .map(|l| l.plain)
        .collect()
}

/// The folder with `selection` marked as `what`, and a line saying what was done; or why it
/// cannot be (in words for the writer).
pub fn mark(
    folder: &Folder,
    selection: &Selection,
    what: &MarkAs,
) -> Result<(Folder, String), String> {
    let at = locate(&folder.article, selection)?;
    let mut out = folder.clone();
    let done = match what {
        MarkAs::Actor { id } => {
            let known = ids(&folder.actors, "actor", "actors.toml")?;
            if !known.contains(id) {
                return Err(format!("`{id}` is not an actor of actors.toml: choose one of the list, or make a new actor."));
            }
            out.article = with_actor_mark(&folder.article, &at, id)?;
            format!("Marked “{}” as actor {id}.", at.words)
        }
        MarkAs::NewActor {
            id,
            name,
            kind,
            role,
            description,
        } => {
            let known = ids(&folder.actors, "actor", "actors.toml")?;
            if !marginalia_model::rules::is_valid_id(id) {
                return Err(format!(
                    "The id “{id}” is not one: lowercase letters, digits and hyphens (north-korea)."
                ));
            }
            if known.contains(id) {
                return Err(format!("actors.toml has an actor `{id}` already: choose it as an existing actor, or give the new one another id."));
            }
            if name.trim().is_empty() {
                return Err("Give the actor's name, as the article gives it.".into());
            }
            if !ACTOR_KINDS.contains(&kind.as_str()) {
                return Err(format!(
                    "Choose the actor's kind: {}.",
                    ACTOR_KINDS.join(", ")
                ));
            }
            out.article = with_actor_mark(&folder.article, &at, id)?;
            let entry = format!(
                "[[actor]]\nid = {}\nname = {}\nkind = {}\nrole = {}\naliases = []\ndescription = {}\n",
                quoted(id),
                quoted(name.trim()),
                quoted(kind),
                quoted(role.trim()),
                quoted(description.trim())
            );
            out.actors = append(&folder.actors, &entry);
            format!("Marked “{}” as the new actor {id}.", at.words)
        }
        MarkAs::Quote { speakers, context } => {
            let words = at
                .words
                .strip_prefix('“')
                .and_then(|w| w.strip_suffix('”'))
                .unwrap_or(&at.words);
            let range = if words.len() < at.words.len() {
                at.range.start + '“'.len_utf8()..at.range.end - '”'.len_utf8()
            } else {
                at.range.clone()
            };
            if words.trim().is_empty() {
                return Err("Select the quoted words themselves.".into());
            }
            let actors = ids(&folder.actors, "actor", "actors.toml")?;
            let speakers: Vec<&String> = speakers.iter().filter(|s| !s.trim().is_empty()).collect();
            if speakers.is_empty() {
                return Err(
                    "Choose who said it: its speaker, or its speakers for words said together."
                        .into(),
                );
            }
            if let Some(unknown) = speakers.iter().find(|s| !actors.contains(s)) {
                return Err(format!("`{unknown}` is not an actor of actors.toml: mark the speaker as an actor first."));
            }
            let texts = paragraph_texts(&folder.article);
            // Quotes already placed, where the checker places them.
            let parsed: toml::Table = folder.quotes.parse().map_err(|_| {
                "quotes.toml does not read as TOML: fix it in Files first.".to_string()
            })?;
            let entries = parsed
                .get("quote")
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default();
            let mut taken = Vec::new();
            for entry in &entries {
                let id = entry.get("id").and_then(|v| v.as_str()).unwrap_or("");
                taken.push(id.to_string());
                let Some(text) = entry.get("text").and_then(|v| v.as_str()) else {
                    continue;
                };
                if let Some((p, r)) = quote_place(&texts, text) {
                    if p == at.paragraph && r.start < range.end && range.start < r.end {
                        return Err(if r == range {
                            format!("“{words}” is the quote `{id}` already.")
                        } else {
                            format!("“{words}” overlaps the quote `{id}` (“{text}”): select words outside it, or edit that quote in Files.")
                        });
                    }
                }
            }
            match quote_place(&texts, words) {
                Some((p, r)) if p == at.paragraph && r == range => {}
                Some((p, _)) => {
                    return Err(format!(
                        "“{words}” is also in paragraph {}, before these words: the checker would find the quote there. Select more of the words, so that they are only here.",
                        p + 1
                    ))
                }
                None => return Err("The words could not be found in article.md: select them again.".into()),
            }
            let base = std::iter::once(speakers[0].clone())
                .chain(slug_words(words, 3))
                .collect::<Vec<_>>()
                .join("-");
            let id = unique(base, &taken);
            let who = match speakers.as_slice() {
                [one] => format!("speaker = {}\n", quoted(one)),
                several => format!(
                    "speakers = [{}]\n",
                    several
                        .iter()
                        .map(|s| quoted(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let entry = format!(
                "[[quote]]\nid = {}\n{who}text = {}\ncontext = {}\n",
                quoted(&id),
                quoted(words),
                quoted(context.trim())
            );
            out.quotes = append(&folder.quotes, &entry);
            format!("Added the quote {id}: “{words}”.")
        }
        MarkAs::Event {
            date,
            precision,
            provenance,
            title,
            description,
        } => {
            let date = date.trim();
            if date.is_empty() {
                return Err("Give the event's date, as the text or the public record gives it: the studio never makes one up.".into());
            }
            let span = DateSpan::parse(date).map_err(|e| format!("The date “{date}”: {e}."))?;
            if !PRECISIONS.contains(&precision.as_str()) {
                return Err(format!(
                    "Choose the date's precision: {}.",
                    PRECISIONS.join(", ")
                ));
            }
            if span.precision().as_str() != precision {
                return Err(format!(
                    "The date “{date}” is given to the {}, and the precision says {precision}: write it as {} (YYYY-MM-DD a day, YYYY-MM a month, YYYY a year).",
                    span.precision().as_str(),
                    match precision.as_str() { "day" => "YYYY-MM-DD", "month" => "YYYY-MM", _ => "YYYY" }
                ));
            }
            if !PROVENANCES.contains(&provenance.as_str()) {
                return Err(format!(
                    "Choose where the date comes from: {}.",
                    PROVENANCES.join(", ")
                ));
            }
            if title.trim().is_empty() {
                return Err("Give the event a title: a line of the timeline.".into());
            }
            let known = ids(&folder.events, "event", "events.toml")?;
            let sentences = sentences(&at);
            if sentences.is_empty() {
                return Err(
                    "The selection is in no sentence of the paragraph: select words of one.".into(),
                );
            }
            let id = unique(format!("on-{}", span.iso().replace('/', "-to-")), &known);
            let mut entry = format!(
                "[[event]]\nid = {}\ndate = {}\ntitle = {}\ndescription = {}\nsentences = [{}]\nprovenance = {}\n",
                quoted(&id),
                quoted(date),
                quoted(title.trim()),
                quoted(description.trim()),
                sentences.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(", "),
                quoted(provenance)
            );
            match provenance.as_str() {
                "inferred" => {
                    let weekday = span
                        .start
                        .weekday()
                        .filter(|_| span.end.is_none())
                        .ok_or("An inferred date is one day, worked out from the weekday the text names: give it as YYYY-MM-DD.")?;
                    let report = marginalia_draft::write::report_date(&folder.meta)?;
                    entry.push_str(&format!(
                        "weekday = {}\nweek_of = {}\n",
                        quoted(marginalia_model::date::WEEKDAYS[weekday]),
                        quoted(&report.iso())
                    ));
                }
                "record" => entry.push_str(
                    "source = \"not checked\" # find a public text that states the date, or correct it\n",
                ),
                _ => {}
            }
            out.events = append(&folder.events, &entry);
            format!("Added the event {id} ({date}) on its sentence.")
        }
    };
    Ok((out, done))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: [&str; 5] = [
        include_str!("../../../content/putin-kim-pact/meta.toml"),
        include_str!("../../../content/putin-kim-pact/article.md"),
        include_str!("../../../content/putin-kim-pact/actors.toml"),
        include_str!("../../../content/putin-kim-pact/events.toml"),
        include_str!("../../../content/putin-kim-pact/quotes.toml"),
    ];

    fn seed() -> Folder {
        Folder {
            meta: SEED[0].into(),
            article: SEED[1].into(),
            actors: SEED[2].into(),
            events: SEED[3].into(),
            quotes: SEED[4].into(),
            record: String::new(),
        }
    }

    /// The selection of the `n`th occurrence of `words` in paragraph `p` of `article`, as the
    /// preview's DOM gives it (UTF-16 offsets of the paragraph's text).
    fn select(article: &str, p: usize, words: &str, n: usize) -> Selection {
        let text = &paragraph_texts(article)[p];
        let at = text
            .match_indices(words)
            .nth(n)
            .unwrap_or_else(|| panic!("{words} not in {text}"))
            .0;
        let units = |b: usize| text[..b].encode_utf16().count();
        Selection {
            start_block: p,
            start: units(at),
            end_block: p,
            end: units(at + words.len()),
            text: words.into(),
        }
    }

    /// The lines of `after` not in `before` at the same place (the line diff of one change).
    fn changed<'a>(before: &str, after: &'a str) -> Vec<&'a str> {
        let (b, a): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
        let same_start = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
        let same_end = b[same_start..]
            .iter()
            .rev()
            .zip(a[same_start..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        a[same_start..a.len() - same_end].to_vec()
    }

    fn builds(folder: &Folder) {
        if let Err(report) = folder.preview("putin-kim-pact") {
            panic!("{report}");
        }
    }

    #[test]
    fn an_actor_s_mark_on_the_words_of_one_line() {
        // The seed with one of its marks taken out, marked again: the seed itself.
        let mut folder = seed();
        folder.article = folder.article.replacen("[Tokyo](actor:japan)", "Tokyo", 1);
        let sel = select(&folder.article, 8, "Tokyo", 0);
        let (marked, done) = mark(&folder, &sel, &MarkAs::Actor { id: "japan".into() }).unwrap();
        assert_eq!(marked.article, SEED[1]);
        assert_eq!(done, "Marked “Tokyo” as actor japan.");
        assert_eq!(
            (&marked.actors, &marked.events, &marked.quotes),
            (&folder.actors, &folder.events, &folder.quotes)
        );
        builds(&marked);
        // Words after a mark and before punctuation, with the spaces a double click takes.
        let sel = select(&folder.article, 4, "cold war treaty ", 0);
        let (marked, _) = mark(
            &folder,
            &sel,
            &MarkAs::Actor {
                id: "soviet-union".into(),
            },
        )
        .unwrap();
        assert_eq!(
            changed(&folder.article, &marked.article),
            [folder.article.lines().nth(8).unwrap().replace(
                "a 1961 cold war treaty between",
                "a 1961 [cold war treaty](actor:soviet-union) between"
            )]
        );
        // An actor that is not in actors.toml: refused.
        let error = mark(
            &folder,
            &sel,
            &MarkAs::Actor {
                id: "nobody".into(),
            },
        )
        .unwrap_err();
        assert!(error.contains("`nobody` is not an actor"), "{error}");
    }

    #[test]
    fn a_new_actor_s_mark_and_its_entry() {
        // The seed without Ewha Womans University (its entry and its mark), marked again.
        let mut folder = seed();
        let entry = "[[actor]]\nid = \"ewha\"\nname = \"Ewha Womans University\"\nkind = \"organisation\"\nrole = \"University in Seoul\"\naliases = []\ndescription = \"University in Seoul where Leif-Eric Easley is a professor.\"\n";
        folder.actors = folder.actors.replacen(&format!("{entry}\n"), "", 1);
        assert_ne!(folder.actors, SEED[2]);
        folder.article = folder.article.replacen(
            "[Ewha Womans University](actor:ewha)",
            "Ewha Womans University",
            1,
        );
        assert!(
            folder.preview("putin-kim-pact").is_err(),
            "ewha is named and gone"
        );
        let sel = select(&folder.article, 16, "Ewha Womans University", 0);
        let new = MarkAs::NewActor {
            id: "ewha".into(),
            name: "Ewha Womans University".into(),
            kind: "organisation".into(),
            role: "University in Seoul".into(),
            description: "University in Seoul where Leif-Eric Easley is a professor.".into(),
        };
        let (marked, _) = mark(&folder, &sel, &new).unwrap();
        assert_eq!(marked.article, SEED[1]);
        // Appended after a blank line, as the drafter lays an entry out, with no status line.
        assert_eq!(marked.actors, format!("{}\n{entry}", folder.actors));
        assert!(!marked.actors.contains("status"));
        builds(&marked);
        // Its id must be one, and new; its kind one of the four; its name given.
        for (change, words) in [
            (("id", "Ewha Uni"), "is not one"),
            (("id", "easley"), "has an actor `easley` already"),
            (("kind", "university"), "Choose the actor's kind"),
            (("name", " "), "Give the actor's name"),
        ] {
            let MarkAs::NewActor {
                id,
                name,
                kind,
                role,
                description,
            } = new.clone()
            else {
                unreachable!()
            };
            let (mut id, mut name, mut kind) = (id, name, kind);
            match change.0 {
                "id" => id = change.1.into(),
                "kind" => kind = change.1.into(),
                _ => name = change.1.into(),
            }
            let what = MarkAs::NewActor {
                id,
                name,
                kind,
                role,
                description,
            };
            let error = mark(&folder, &sel, &what).unwrap_err();
            assert!(error.contains(words), "{error}");
        }
    }

    #[test]
    fn a_quote_is_the_selection_verbatim() {
        // The seed without Putin's “military technical co-operation”, quoted again.
        let mut folder = seed();
        let entry = "[[quote]]\nid = \"putin-military-technical\"\nspeaker = \"putin\"\ntext = \"military technical co-operation\"\nevent = \"signing-2024\"\ncontext = \"Putin on what the strategic partnership could also include.\"\n";
        folder.quotes = folder.quotes.replacen(&format!("{entry}\n"), "", 1);
        assert_ne!(folder.quotes, SEED[4]);
        assert!(
            folder.preview("putin-kim-pact").is_err(),
            "the passage has no quote"
        );
        let sel = select(&folder.article, 3, "military technical co-operation", 0);
        let quote = MarkAs::Quote {
            speakers: vec!["putin".into()],
            context: "Putin on what the strategic partnership could also include.".into(),
        };
        let (marked, done) = mark(&folder, &sel, &quote).unwrap();
        assert_eq!(
            changed(&folder.quotes, &marked.quotes),
            [
                "",
                "[[quote]]",
                "id = \"putin-military-technical-operation\"",
                "speaker = \"putin\"",
                "text = \"military technical co-operation\"",
                "context = \"Putin on what the strategic partnership could also include.\"",
            ]
        );
        assert_eq!(marked.article, folder.article);
        assert!(done.contains("“military technical co-operation”"));
        builds(&marked);
        // The quotation marks selected with the words are not the quote's; two speakers.
        let sel = select(&folder.article, 3, "“military technical co-operation”", 0);
        let together = MarkAs::Quote {
            speakers: vec!["putin".into(), "kim".into()],
            context: String::new(),
        };
        let (marked, _) = mark(&folder, &sel, &together).unwrap();
        assert!(marked
            .quotes
            .ends_with("speakers = [\"putin\", \"kim\"]\ntext = \"military technical co-operation\"\ncontext = \"\"\n"));
        // Nobody said it, or somebody who is no actor: refused.
        for (speakers, words) in [
            (vec![], "Choose who said it"),
            (vec!["lavrov".to_string()], "`lavrov` is not an actor"),
        ] {
            let what = MarkAs::Quote {
                speakers,
                context: String::new(),
            };
            let error = mark(&folder, &sel, &what).unwrap_err();
            assert!(error.contains(words), "{error}");
        }
    }

    #[test]
    fn an_event_on_the_selection_s_sentence_with_the_writer_s_date() {
        let folder = seed();
        // One word of the sentence picks the sentence.
        let sel = select(&folder.article, 11, "shipping", 0);
        let event = |date: &str, precision: &str, provenance: &str| MarkAs::Event {
            date: date.into(),
            precision: precision.into(),
            provenance: provenance.into(),
            title: "The Financial Times reports Russian oil shipments to North Korea".into(),
            description: "".into(),
        };
        let (marked, done) = mark(&folder, &sel, &event("2024-03", "month", "stated")).unwrap();
        let sentence = "The Financial Times reported in March that Russia had begun shipping oil supplies directly to North Korea, a violation of UN sanctions, in apparent exchange for ballistic missiles and millions of artillery shells from Pyongyang.";
        assert_eq!(
            changed(&folder.events, &marked.events),
            [
                "",
                "[[event]]",
                "id = \"on-2024-03\"",
                "date = \"2024-03\"",
                "title = \"The Financial Times reports Russian oil shipments to North Korea\"",
                "description = \"\"",
                &format!("sentences = [\"{sentence}\"]"),
                "provenance = \"stated\"",
            ]
        );
        assert!(done.contains("on-2024-03"));
        builds(&marked);
        // Where the date comes from decides the lines that go with it.
        let (inferred, _) = mark(&folder, &sel, &event("2024-03-13", "day", "inferred")).unwrap();
        assert!(
            inferred.events.ends_with(
                "provenance = \"inferred\"\nweekday = \"Wednesday\"\nweek_of = \"2024-06-20\"\n"
            ),
            "{}",
            inferred.events
        );
        let (record, _) = mark(&folder, &sel, &event("2024-03", "month", "record")).unwrap();
        assert!(record
            .events
            .contains("provenance = \"record\"\nsource = \"not checked\""));
        // No date, a date that is none, or one of another precision: refused, never made up.
        for (date, precision, words) in [
            ("", "day", "never makes one up"),
            ("March 2024", "month", "The date “March 2024”"),
            (
                "2024-03",
                "day",
                "is given to the month, and the precision says day",
            ),
        ] {
            let error = mark(&folder, &sel, &event(date, precision, "stated")).unwrap_err();
            assert!(error.contains(words), "{error}");
        }
        // A selection over two sentences: both.
        let sel = select(&folder.article, 5, "Ukraine. Putin", 0);
        let (two, _) = mark(&folder, &sel, &event("2024-06-19", "day", "stated")).unwrap();
        let last = two
            .events
            .lines()
            .rev()
            .find(|l| l.starts_with("sentences = "))
            .unwrap();
        assert!(
            last.starts_with("sentences = [\"The deepening ties")
                && last.ends_with("“sacred fight”.\"]"),
            "{last}"
        );
        assert_eq!(last.matches("\", \"").count(), 1, "{last}");
    }

    #[test]
    fn selections_that_cannot_be_marked_are_refused() {
        let folder = seed();
        let actor = MarkAs::Actor { id: "putin".into() };
        let quote = MarkAs::Quote {
            speakers: vec!["putin".into()],
            context: String::new(),
        };
        // Over two paragraphs.
        let mut sel = select(&folder.article, 0, "aggression", 0);
        sel.end_block = 1;
        let error = mark(&folder, &sel, &actor).unwrap_err();
        assert!(error.contains("more than one paragraph"), "{error}");
        // A word cut in half.
        let sel = select(&folder.article, 7, "sternl", 0);
        let error = mark(&folder, &sel, &actor).unwrap_err();
        assert!(error.contains("cuts a word in half (“sternly”)"), "{error}");
        // An actor's mark already there, or words that overlap one.
        let sel = select(&folder.article, 3, "Putin", 0);
        let error = mark(&folder, &sel, &actor).unwrap_err();
        assert!(
            error.contains("overlaps a mark already there (actor putin)"),
            "{error}"
        );
        let sel = select(&folder.article, 3, "Putin said", 0);
        assert!(mark(&folder, &sel, &actor)
            .unwrap_err()
            .contains("overlaps a mark"));
        // A quote that is one already, or overlaps one.
        let sel = select(&folder.article, 3, "military technical co-operation", 0);
        let error = mark(&folder, &sel, &quote).unwrap_err();
        assert!(
            error.contains("is the quote `putin-military-technical` already"),
            "{error}"
        );
        let sel = select(&folder.article, 3, "technical co-operation” and vowed", 0);
        let error = mark(&folder, &sel, &quote).unwrap_err();
        assert!(
            error.contains("overlaps the quote `putin-military-technical`"),
            "{error}"
        );
        // A quote whose words the checker would find earlier in the text.
        let sel = select(&folder.article, 9, "Pyongyang", 0);
        let error = mark(&folder, &sel, &quote).unwrap_err();
        assert!(error.contains("also in paragraph 4"), "{error}");
        // Formatting inside the words.
        let mut emphasis = folder.clone();
        emphasis.article = emphasis
            .article
            .replacen("cold war treaty", "cold *war* treaty", 1);
        let sel = select(&emphasis.article, 4, "cold war treaty", 0);
        let error = mark(&emphasis, &sel, &actor).unwrap_err();
        assert!(error.contains("crosses formatting"), "{error}");
        // A heading.
        let mut headed = folder.clone();
        headed.article = format!("## The pact\n\n{}", folder.article);
        let sel = Selection {
            start_block: 0,
            start: 4,
            end_block: 0,
            end: 8,
            text: "pact".into(),
        };
        let error = mark(&headed, &sel, &actor).unwrap_err();
        assert!(error.contains("heading"), "{error}");
        // A preview that no longer matches the text.
        let mut sel = select(&folder.article, 0, "aggression", 0);
        sel.text = "agression".into();
        let error = mark(&folder, &sel, &actor).unwrap_err();
        assert!(error.contains("no longer matches"), "{error}");
        // Nothing but spaces.
        let sel = select(&folder.article, 0, " ", 0);
        assert!(mark(&folder, &sel, &actor)
            .unwrap_err()
            .contains("Select some words"));
    }

    #[test]
    fn the_form_s_actors_and_the_one_the_words_name() {
        let all = choices(SEED[2]);
        assert_eq!(all.len(), 23);
        assert_eq!(named(&all, "Putin").map(|c| c.id.as_str()), Some("putin"));
        assert_eq!(
            named(&all, "Vladimir Putin").map(|c| c.id.as_str()),
            Some("putin")
        );
        assert_eq!(named(&all, "Ottawa"), None);
        assert!(choices("[[actor]\n").is_empty());
    }

    #[test]
    fn a_hard_line_break_is_a_space_to_the_checker_and_nothing_in_the_dom() {
        let mut folder = seed();
        folder.article =
            folder
                .article
                .replacen("have sounded the alarm", "have sounded  \nthe alarm", 1);
        let dom = "Japan and South Korea have soundedthe alarm";
        let units = |s: &str| s.encode_utf16().count();
        let selection = |from: usize, words: &str| Selection {
            start_block: 0,
            start: from,
            end_block: 0,
            end: from + units(words),
            text: words.into(),
        };
        // “the alarm”, right after the break: not a word cut in half.
        let at = locate(&folder.article, &selection(units(dom) - 9, "the alarm")).unwrap();
        assert_eq!(at.words, "the alarm");
        assert_eq!(&at.text[at.range.clone()], "the alarm");
        let (marked, _) = mark(
            &folder,
            &selection(units(dom) - 9, "the alarm"),
            &MarkAs::Actor { id: "japan".into() },
        )
        .unwrap();
        assert!(marked
            .article
            .contains("have sounded  \n[the alarm](actor:japan) over"));
        // “sounded”, right before it.
        let at = locate(&folder.article, &selection(units(dom) - 16, "sounded")).unwrap();
        assert_eq!(at.words, "sounded");
        // Over it: refused (a mark's words hold no line break).
        let error = mark(
            &folder,
            &selection(units(dom) - 16, "soundedthe"),
            &MarkAs::Actor { id: "japan".into() },
        )
        .unwrap_err();
        assert!(error.contains("crosses formatting"), "{error}");
    }

    #[test]
    fn offsets_count_as_the_dom_does() {
        // Past a no-break space and curly marks (one UTF-16 unit each, several bytes).
        let folder = seed();
        let sel = select(&folder.article, 4, "defence", 0);
        let at = locate(&folder.article, &sel).unwrap();
        assert_eq!(at.words, "defence");
        assert_eq!(&at.text[at.range.clone()], "defence");
        assert_eq!(byte_at("a“b", 2), Some(4));
        assert_eq!(byte_at("😀", 1), None, "inside a character");
        assert_eq!(byte_at("ab", 3), None);
    }
}
