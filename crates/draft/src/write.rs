//! The writer's files from a draft: text in, text out (no file system, so the studio can run
//! it). [`draft`] reads the article as pasted (or as a writer left it after an earlier draft),
//! `meta.toml` for the report's date, the three annotation files as they are now and the
//! draft's record (`draft.toml`), and writes them back:
//!
//! - `article.md` with a mark (`[words](actor:id)`) on every mention of an actor, the writer's
//!   own marks kept;
//! - `actors.toml`, `events.toml`, `quotes.toml`: what the writer has (confirmed, edited or
//!   still suggested) kept as it is, word for word, and each new suggestion appended with
//!   `status = "suggested"`, its `confidence` and a comment naming the pattern behind it;
//! - `draft.toml`: every id ever suggested for the article. An id suggested before and gone
//!   from the files now was rejected by the writer, and is never suggested again.
//!
//! Nothing suggested is published: the build refuses an entry with a status line
//! (`marginalia-content`'s `suggestions.rs`) until the writer confirms it.

use crate::dates::{find_dates, DateSource, FoundDate};
use crate::relations::{find_relations, FoundRelation};
use crate::{actors::find_actors, quotes::find_quotes, sentences::sentences};
use crate::{FoundActor, FoundQuote, Span};
use marginalia_model::{ActorKind, DateSpan, PartialDate};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The files of an article folder as they are (an absent file is empty).
#[derive(Clone, Debug, Default)]
pub struct Inputs<'a> {
    pub article: &'a str,
    pub meta: &'a str,
    pub actors: &'a str,
    pub events: &'a str,
    pub quotes: &'a str,
    /// `draft.toml`, the record of earlier drafts.
    pub record: &'a str,
}

/// The files to write back, and what was drafted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outputs {
    pub article: String,
    pub actors: String,
    pub events: String,
    pub quotes: String,
    pub record: String,
    pub summary: Summary,
}

/// How many suggestions of each kind this run added (and how many it left out because the
/// writer had already rejected them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub actors: usize,
    pub quotes: usize,
    pub quotes_without_speaker: usize,
    pub relations: usize,
    pub events: usize,
    pub marks: usize,
    pub rejected_before: usize,
}

/// What the drafter finds in an article's text (as pasted, no marks), its report dated
/// `report`: the rules' raw results, before they become files.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub actors: Vec<FoundActor>,
    pub quotes: Vec<FoundQuote>,
    pub relations: Vec<FoundRelation>,
    pub dates: Vec<FoundDate>,
}

/// Runs every rule on `text`.
pub fn find(text: &str, report: PartialDate) -> Found {
    let actors = find_actors(text);
    let mut quotes = find_quotes(text, &actors);
    for quote in quotes.iter_mut().filter(|q| q.speakers.is_empty()) {
        if is_title_shaped(&quote.text) {
            quote.title = true;
            quote.pattern = "a name in title case between quotation marks, said by nobody".into();
            quote.confidence = 0.6;
        }
    }
    let relations = find_relations(text, &actors);
    let dates = find_dates(text, &sentences(text), report);
    Found {
        actors,
        quotes,
        relations,
        dates,
    }
}

/// Drafts the article (see the module doc). Errs, in words for the writer, when `meta.toml`
/// gives no report date to read the text's dates against.
pub fn draft(inputs: &Inputs) -> Result<Outputs, String> {
    let report = report_date(inputs.meta)?;
    let (text, own_marks) = crate::marks_in(inputs.article);
    let found = find(&text, report);
    let record = ids_in(inputs.record, "suggested");
    let mut have = BTreeSet::new();
    for (file, table) in [
        (inputs.actors, "actor"),
        (inputs.events, "event"),
        (inputs.quotes, "quote"),
    ] {
        have.extend(
            entry_ids(file, table)?
                .into_iter()
                .map(|id| format!("{table}:{id}")),
        );
    }
    let rejected = |key: &str| record.contains(key) && !have.contains(key);
    let fresh = |key: &str| !have.contains(key) && !rejected(key);
    let mut summary = Summary {
        rejected_before: record.iter().filter(|k| rejected(k)).count(),
        ..Summary::default()
    };
    let mut suggested: BTreeSet<String> = record.clone();

    // Actors: the writer's, and the new ones; marks for all of them.
    let mut actors = inputs.actors.to_string();
    let mut marked_actors: BTreeSet<String> = have
        .iter()
        .filter_map(|k| k.strip_prefix("actor:").map(str::to_string))
        .collect();
    let new_actors: Vec<&FoundActor> = found
        .actors
        .iter()
        .filter(|a| fresh(&format!("actor:{}", a.id)))
        .collect();
    marked_actors.extend(new_actors.iter().map(|a| a.id.clone()));
    for actor in new_actors {
        write_actor(&mut actors, actor);
        summary.actors += 1;
        suggested.insert(format!("actor:{}", actor.id));
        // A new actor's relations follow it (TOML nests them under the last actor), each to an
        // actor the files will have. The writer's own actors get none: their entries are theirs.
        for relation in found
            .relations
            .iter()
            .filter(|r| r.actor == actor.id && marked_actors.contains(&r.target))
        {
            write_relation(&mut actors, relation, &text);
            summary.relations += 1;
        }
    }
    let mentions: Vec<(Span, &str)> = found
        .actors
        .iter()
        .filter(|a| marked_actors.contains(&a.id))
        .flat_map(|a| a.mentions.iter().map(move |&m| (m, a.id.as_str())))
        .collect();
    let (article, marks) = with_marks(&text, &own_marks, &mentions);
    summary.marks = marks;

    // Quotes.
    let mut quotes = inputs.quotes.to_string();
    let mut ids = std::collections::HashMap::new();
    for quote in &found.quotes {
        let id = unique(quote_id(quote), &mut ids);
        let key = format!("quote:{id}");
        if fresh(&key) {
            write_quote(&mut quotes, &id, quote);
            summary.quotes += 1;
            summary.quotes_without_speaker += usize::from(quote.speakers.is_empty());
            suggested.insert(key);
        }
    }

    // Events, from the dates.
    let mut events = inputs.events.to_string();
    let mut ids = std::collections::HashMap::new();
    for date in &found.dates {
        let id = unique(
            format!("on-{}", date.date.iso().replace('/', "-to-")),
            &mut ids,
        );
        let key = format!("event:{id}");
        if fresh(&key) {
            // The people its sentences name (states and organisations are too often only the
            // setting): the writer adds or removes.
            let mut actors: Vec<String> = Vec::new();
            for (span, actor) in &mentions {
                let person = found
                    .actors
                    .iter()
                    .any(|a| a.id == *actor && a.kind == ActorKind::Person);
                let inside = date
                    .sentences
                    .iter()
                    .any(|s| s.start <= span.start && span.end <= s.end);
                if person && inside && !actors.iter().any(|a| a == actor) {
                    actors.push(actor.to_string());
                }
            }
            write_event(&mut events, &id, date, &actors, &text, report);
            summary.events += 1;
            suggested.insert(key);
        }
    }

    Ok(Outputs {
        article,
        actors,
        events,
        quotes,
        record: record_text(&suggested),
        summary,
    })
}

/// The report's date: `[source] date` of `meta.toml`.
pub fn report_date(meta: &str) -> Result<PartialDate, String> {
    let table: toml::Table = meta
        .parse()
        .map_err(|e: toml::de::Error| format!("meta.toml: {}", e.message()))?;
    let date = table
        .get("source")
        .and_then(|s| s.get("date"))
        .and_then(|d| d.as_str())
        .ok_or("meta.toml gives no [source] date: the drafter reads the article's dates against it (\"on Wednesday\" is the Wednesday before the report)")?;
    DateSpan::parse(date)
        .map(|d| d.start)
        .map_err(|e| format!("meta.toml: source.date: {e}"))
}

/// The ids of the `[[table]]` entries of a TOML file (none in an empty one).
pub fn entry_ids(file: &str, table: &str) -> Result<Vec<String>, String> {
    if file.trim().is_empty() {
        return Ok(Vec::new());
    }
    let parsed: toml::Table = file
        .parse()
        .map_err(|e: toml::de::Error| format!("{table}s file: {}", e.message()))?;
    Ok(parsed
        .get(table)
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.get("id")?.as_str().map(str::to_string))
        .collect())
}

/// The strings of list `key` in a TOML text (none when it is absent or not TOML).
fn ids_in(file: &str, key: &str) -> BTreeSet<String> {
    let parsed: toml::Table = file.parse().unwrap_or_default();
    parsed
        .get(key)
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

fn record_text(suggested: &BTreeSet<String>) -> String {
    let mut out = String::from(
        "# What `marginalia draft` has suggested for this article (kind:id), so that drafting again\n\
         # never brings back an entry the writer deleted. Keep it beside the article.\n\
         suggested = [\n",
    );
    for key in suggested {
        let _ = writeln!(out, "  {},", quoted(key));
    }
    out.push_str("]\n");
    out
}

/// `id`, or `id-2`, `id-3`… if taken (`taken` counts the uses of each id asked for, so a
/// thousand quotes of one speaker cost no more than one each).
fn unique(id: String, taken: &mut std::collections::HashMap<String, usize>) -> String {
    let uses = taken.entry(id.clone()).or_insert(0);
    *uses += 1;
    if *uses == 1 {
        id
    } else {
        format!("{id}-{uses}")
    }
}

/// A quote's id: its speaker and its first words (`putin-military-technical`).
fn quote_id(quote: &FoundQuote) -> String {
    let words: Vec<String> = crate::actors::slug(&quote.text)
        .split('-')
        .filter(|w| w.len() > 2)
        .take(3)
        .map(str::to_string)
        .collect();
    let speaker = match quote.speakers.first() {
        _ if quote.title => "title",
        Some(first) => first.as_str(),
        None => "quote",
    };
    let id = std::iter::once(speaker.to_string())
        .chain(words)
        .collect::<Vec<_>>()
        .join("-");
    if marginalia_model::rules::is_valid_id(&id) {
        id
    } else {
        "quote".into()
    }
}

/// A TOML basic string.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", items.join(", "))
}

/// Starts a suggested entry: a blank line, the comment, the table header.
fn header(out: &mut String, table: &str, pattern: &str, confidence: f32) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "# Suggested by `marginalia draft` ({pattern}; confidence {confidence:.2}). Check it against\n\
         # the article: delete `status` and `confidence` to confirm it, or the whole entry to reject it.\n\
         [[{table}]]"
    );
}

fn status(out: &mut String, confidence: f32) {
    let _ = writeln!(out, "status = \"suggested\"\nconfidence = {confidence:.2}");
}

fn write_actor(out: &mut String, actor: &FoundActor) {
    header(out, "actor", &actor.pattern, actor.confidence);
    let kind = match actor.kind {
        ActorKind::Person => "person",
        ActorKind::State => "state",
        ActorKind::Organisation => "organisation",
        ActorKind::Media => "media",
    };
    let _ = writeln!(out, "id = {}", quoted(&actor.id));
    let _ = writeln!(out, "name = {}", quoted(&actor.name));
    let _ = writeln!(out, "kind = {}", quoted(kind));
    let _ = writeln!(
        out,
        "role = {}",
        quoted(actor.role.as_deref().unwrap_or_default())
    );
    if let Some(a) = &actor.affiliation {
        let _ = writeln!(out, "affiliation = {}", quoted(a));
    }
    let _ = writeln!(out, "aliases = {}", list(&actor.aliases));
    let _ = writeln!(out, "description = \"\"");
    status(out, actor.confidence);
}

fn write_relation(out: &mut String, relation: &FoundRelation, text: &str) {
    header(
        out,
        "actor.relation",
        &relation.pattern,
        relation.confidence,
    );
    let _ = writeln!(out, "kind = {}", quoted(relation.kind));
    let _ = writeln!(out, "target = {}", quoted(&relation.target));
    // The sentence by its place; its first words beside it, for the writer's eye.
    let first_words: String = crate::sentences::sentences_with_places(text)
        .into_iter()
        .find(|(_, place)| *place == relation.sentence)
        .map(|(span, _)| span.of(text).chars().take(60).collect())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "sentence = {} # “{}…”",
        quoted(&relation.sentence),
        first_words.replace('\n', " ")
    );
    status(out, relation.confidence);
}

/// Small words a title leaves in lower case ("Treaty on Comprehensive Strategic Partnership").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "between", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// Whether quoted words look like a name (a treaty's, a book's, a programme's) rather than
/// speech: two to twelve words, each capitalised but for small words, the first capitalised,
/// and no punctuation a sentence would have.
pub fn is_title_shaped(words: &str) -> bool {
    let list: Vec<&str> = words.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=12).contains(&list.len())
        && list.first().is_some_and(|w| capital(w))
        && list
            .iter()
            .all(|w| capital(w) || TITLE_SMALL_WORDS.contains(w))
        && !words.contains([',', '.', '!', '?', ';', ':'])
}

fn write_quote(out: &mut String, id: &str, quote: &FoundQuote) {
    header(out, "quote", &quote.pattern, quote.confidence);
    let _ = writeln!(out, "id = {}", quoted(id));
    if quote.title {
        let _ = writeln!(
            out,
            "kind = \"title\" # a name, which nobody said: no speaker"
        );
        let _ = writeln!(out, "text = {}", quoted(&quote.text));
        let _ = writeln!(out, "context = \"\"");
        status(out, quote.confidence);
        return;
    }
    match quote.speakers.as_slice() {
        [] => {
            let _ = writeln!(
                out,
                "speaker = \"\" # the text names no speaker: whose words are these?"
            );
        }
        [one] => {
            let _ = writeln!(out, "speaker = {}", quoted(one));
        }
        several => {
            let _ = writeln!(out, "speakers = {} # said together", list(several));
        }
    }
    let _ = writeln!(out, "text = {}", quoted(&quote.text));
    let _ = writeln!(out, "context = \"\"");
    status(out, quote.confidence);
}

fn write_event(
    out: &mut String,
    id: &str,
    date: &FoundDate,
    actors: &[String],
    text: &str,
    report: PartialDate,
) {
    let pattern = format!("the text says “{}”", date.said);
    header(out, "event", &pattern, date.confidence);
    let first = date.sentences.first().map_or("", |s| s.of(text));
    let title = title_of(first);
    let _ = writeln!(out, "id = {}", quoted(id));
    let _ = writeln!(out, "date = {}", quoted(&date.date.iso()));
    let _ = writeln!(out, "title = {}", quoted(title.trim()));
    let _ = writeln!(out, "description = \"\"");
    if !actors.is_empty() {
        let _ = writeln!(out, "actors = {}", list(actors));
    }
    let sentences: Vec<String> = date
        .sentences
        .iter()
        .map(|s| s.of(text).to_string())
        .collect();
    let _ = writeln!(out, "sentences = {}", list(&sentences));
    match &date.source {
        DateSource::Stated => {
            let _ = writeln!(out, "provenance = \"stated\"");
        }
        DateSource::Inferred { weekday } => {
            let _ = writeln!(
                out,
                "provenance = \"inferred\"\nweekday = {}\nweek_of = {}",
                quoted(weekday),
                quoted(&report.iso())
            );
        }
        DateSource::NotStated { .. } => {
            let _ = writeln!(
                out,
                "provenance = \"record\"\nnote = {}\nsource = \"not checked\" # find a public text that states the date, or correct it",
                quoted(&format!(
                    "The article says “{}” without the year; {} is the last one before the report. Not yet checked in the public record.",
                    date.said,
                    date.date.long()
                ))
            );
        }
    }
    status(out, date.confidence);
}

/// A title for a drafted event: its sentence, cut after a word near 80 characters.
pub fn title_of(sentence: &str) -> String {
    if sentence.chars().count() <= 80 {
        return sentence.to_string();
    }
    let mut title = String::new();
    for word in sentence.split(' ') {
        if title.chars().count() + word.chars().count() > 78 {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    title.push('…');
    title
}

/// `text` with a mark on each of `mentions` that does not overlap the writer's own marks
/// (`own`, kept) or another mention, nor sits inside a Markdown link; how many marks in all.
fn with_marks(text: &str, own: &[(Span, String)], mentions: &[(Span, &str)]) -> (String, usize) {
    // The spans no new mark may overlap, in order, so that each mention is checked against its
    // neighbours only.
    let mut blocked: Vec<Span> = own
        .iter()
        .map(|(s, _)| *s)
        .chain(link_spans(text))
        .collect();
    blocked.sort();
    let mut candidates: Vec<(Span, &str)> = mentions.to_vec();
    candidates.sort();
    let mut all: Vec<(Span, &str)> = own.iter().map(|(s, id)| (*s, id.as_str())).collect();
    let mut next_blocked = 0;
    let mut last_end = 0;
    for (span, id) in candidates {
        // A mark's words hold no line break or bracket (it would not read back as a mark).
        if span.of(text).contains(['\n', '[', ']']) {
            continue;
        }
        while next_blocked < blocked.len() && blocked[next_blocked].end <= span.start {
            next_blocked += 1;
        }
        let hits_blocked = blocked
            .get(next_blocked)
            .is_some_and(|b| b.start < span.end);
        if span.start >= last_end && !hits_blocked {
            all.push((span, id));
            last_end = span.end;
        }
    }
    all.sort();
    let mut out = String::with_capacity(text.len() + all.len() * 16);
    let mut at = 0;
    for (span, id) in &all {
        out.push_str(&text[at..span.start]);
        let _ = write!(out, "[{}](actor:{id})", span.of(text));
        at = span.end;
    }
    out.push_str(&text[at..]);
    (out, all.len())
}

/// The spans of Markdown links (`[…](…)` on one line) in `text`, where no mark may go.
fn link_spans(text: &str) -> Vec<Span> {
    links(text)
        .into_iter()
        .map(|(at, _)| Span {
            start: at.start,
            end: at.end,
        })
        .collect()
}

/// The Markdown links of `text` (`[words](address)`, on one line, with no bracket in the
/// address), as byte ranges, each with its address. The drafter keeps its marks out of them;
/// the studio finds the writer's marks by them.
pub fn links(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| from + i) {
        from = open + 1;
        // The link's words end at the first bracket or line break: each `[` costs only the scan
        // to its own end.
        let Some(close) = text[from..].find(['[', ']', '\n']).map(|i| from + i) else {
            break;
        };
        if !text[close..].starts_with("](") {
            continue;
        }
        if let Some(end) = text[close + 2..]
            .find([')', '\n', '['])
            .map(|i| close + 2 + i)
        {
            if text[end..].starts_with(')') {
                out.push((open..end + 1, &text[close + 2..end]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_title_shaped;

    #[test]
    fn titles_are_names_in_title_case_and_speech_is_not() {
        for title in [
            "Treaty on Comprehensive Strategic Partnership",
            "Treaty of Friendship, Co-operation and Mutual Assistance"
                .replace(',', "")
                .as_str(),
            "The Art of War",
        ] {
            assert!(is_title_shaped(title), "{title}");
        }
        for speech in [
            "sacred fight",
            "all means at its disposal without delay",
            "We Will Win.",
            "Never",
            "It is a Treaty on Partnership",
        ] {
            assert!(!is_title_shaped(speech), "{speech}");
        }
    }
}
