//! The writer's review as edits of the files' text, the same edits docs/authoring.md asks of a
//! writer with an editor ("Paste, draft, confirm"): [`suggestions`] finds the entries `draft`
//! wrote with `status = "suggested"`; [`confirm`] deletes an entry's `status` and `confidence`
//! lines; [`reject`] deletes the whole entry (its comment, and for an actor its relations),
//! and [`unmark`] takes a rejected actor's marks out of `article.md`. Every other line stays
//! as it was, comments included, so what the studio writes is what an editor would.
//!
//! The files are read line by line, as `draft` writes them and as the authoring guide shows
//! them: an entry starts at its `[[table]]` line (with the comment lines right above it) and
//! runs to the next entry.

use std::ops::Range;

/// The three annotation files, where suggestions are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    Actors,
    Events,
    Quotes,
}

impl File {
    pub fn name(self) -> &'static str {
        match self {
            File::Actors => "actors.toml",
            File::Events => "events.toml",
            File::Quotes => "quotes.toml",
        }
    }
}

/// One entry still to confirm or reject.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub file: File,
    /// `actor`, `relation`, `event`, `quote` or `title` (a quote of `kind = "title"`).
    pub kind: &'static str,
    /// Its id (a relation's: its actor's id and its place, `russia.0`).
    pub id: String,
    /// What the writer reads in the list: a name, a quote's words, an event's date and title.
    pub label: String,
    /// The line of its `[[table]]` header (from 0).
    pub line: usize,
    /// Its lines as rejecting deletes them: its comment, itself and, for an actor, its
    /// relations.
    pub entry: Range<usize>,
    /// Its `status` and `confidence` lines, which confirming deletes.
    pub status_lines: Vec<usize>,
}

/// A `key = value` line's key and value (the value as TOML reads it; `None` if it is not a
/// plain string, number or list).
fn key_value(line: &str) -> Option<(&str, toml::Value)> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    if key.is_empty() || key.starts_with('#') || key.contains(' ') {
        return None;
    }
    let table: toml::Table = line.trim().parse().ok()?;
    let value = table.get(key)?.clone();
    Some((key, value))
}

fn shown(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(x) => x.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        _ => String::new(),
    }
}

/// A `[[table]]` header line's table name.
fn header(line: &str) -> Option<&str> {
    let line = line.trim();
    let name = line.strip_prefix("[[")?.split_once("]]")?.0.trim();
    Some(name)
}

/// One `[[table]]` block: its header line, where its own lines end (the next header), and
/// where its leading comment starts.
struct Block<'t> {
    table: &'t str,
    start: usize,
    header: usize,
    end: usize,
}

fn blocks<'t>(lines: &[&'t str]) -> Vec<Block<'t>> {
    let headers: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter_map(|(n, l)| header(l).map(|t| (n, t)))
        .collect();
    let mut out = Vec::new();
    for (i, &(n, table)) in headers.iter().enumerate() {
        let mut start = n;
        while start > 0 && lines[start - 1].trim_start().starts_with('#') {
            start -= 1;
        }
        let end = headers.get(i + 1).map_or(lines.len(), |&(next, _)| next);
        out.push(Block {
            table,
            start,
            header: n,
            end,
        });
    }
    // A block's own lines stop where the next one's comment starts.
    for i in 0..out.len().saturating_sub(1) {
        out[i].end = out[i + 1].start;
    }
    out
}

/// The suggestions of one file, in file order.
pub fn suggestions_in(file: File, text: &str) -> Vec<Suggestion> {
    let lines: Vec<&str> = text.lines().collect();
    let blocks = blocks(&lines);
    let mut found = Vec::new();
    let mut actor_id = String::new();
    let mut relation_n = 0;
    for (i, block) in blocks.iter().enumerate() {
        let mut fields = std::collections::BTreeMap::new();
        let mut status_lines = Vec::new();
        let mut suggested = false;
        for (n, line) in lines
            .iter()
            .enumerate()
            .take(block.end)
            .skip(block.header + 1)
        {
            if let Some((key, value)) = key_value(line) {
                match key {
                    "status" => {
                        suggested = true;
                        status_lines.push(n);
                    }
                    "confidence" => status_lines.push(n),
                    _ => {
                        fields.entry(key.to_string()).or_insert(value);
                    }
                }
            }
        }
        let field = |k: &str| fields.get(k).map(shown).unwrap_or_default();
        let (kind, id, label, entry_end) = match block.table {
            "actor" => {
                actor_id = field("id");
                relation_n = 0;
                // An actor's relations go with it.
                let end = blocks[i + 1..]
                    .iter()
                    .find(|b| b.table != "actor.relation")
                    .map_or(lines.len(), |b| b.start);
                let label = format!("{} ({})", field("name"), field("kind"));
                ("actor", field("id"), label, end)
            }
            "actor.relation" => {
                let id = format!("{actor_id}.{relation_n}");
                relation_n += 1;
                let label = format!("{actor_id} {} {}", field("kind"), field("target"));
                ("relation", id, label, block.end)
            }
            "event" => {
                let label = format!("{}: {}", field("date"), field("title"));
                ("event", field("id"), label, block.end)
            }
            "quote" => {
                let kind = if field("kind") == "title" {
                    "title"
                } else {
                    "quote"
                };
                let who = match (field("speaker"), field("speakers")) {
                    (s, _) if !s.is_empty() => s,
                    (_, s) if !s.is_empty() => s,
                    _ => "nobody named".into(),
                };
                let label = if kind == "title" {
                    format!("“{}” (a title)", field("text"))
                } else {
                    format!("“{}” ({who})", field("text"))
                };
                (kind, field("id"), label, block.end)
            }
            _ => continue,
        };
        if !suggested {
            continue;
        }
        found.push(Suggestion {
            file,
            kind,
            id,
            label,
            line: block.header,
            entry: block.start..entry_end,
            status_lines,
        });
    }
    found
}

/// Every suggestion of the three files: actors (with their relations), then quotes, then
/// events.
pub fn suggestions(actors: &str, events: &str, quotes: &str) -> Vec<Suggestion> {
    let mut all = suggestions_in(File::Actors, actors);
    all.extend(suggestions_in(File::Quotes, quotes));
    all.extend(suggestions_in(File::Events, events));
    all
}

/// `text` without the lines `drop` says, its last line break kept as it was.
fn without_lines(text: &str, drop: impl Fn(usize) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if !drop(n) {
            out.push_str(line);
        }
    }
    out
}

/// The file with `suggestion` confirmed: its `status` and `confidence` lines deleted.
pub fn confirm(text: &str, suggestion: &Suggestion) -> String {
    without_lines(text, |n| suggestion.status_lines.contains(&n))
}

/// The file with `suggestion` rejected: the entry deleted, with its comment (and an actor's
/// relations).
pub fn reject(text: &str, suggestion: &Suggestion) -> String {
    without_lines(text, |n| suggestion.entry.contains(&n))
}

/// `article.md` with the marks of actor `id` taken out: `[Quell](actor:quell)` becomes
/// `Quell`; every other mark and character stays.
pub fn unmark(article: &str, id: &str) -> String {
    let target = format!("](actor:{id})");
    let mut out = String::with_capacity(article.len());
    let mut rest = article;
    while let Some(end) = rest.find(&target) {
        // The mark's opening bracket: the last `[` before it on the text (marks do not nest).
        match rest[..end].rfind('[') {
            Some(open) => {
                out.push_str(&rest[..open]);
                out.push_str(&rest[open + 1..end]);
            }
            None => out.push_str(&rest[..end + target.len()]),
        }
        rest = &rest[end + target.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = r#"# The people and states of the article.

[[actor]]
id = "quell"
name = "Marta Quell"
kind = "person"
role = "Harbourmaster"
description = "Led the campaign."

# Suggested by `marginalia draft` (gazetteer: states (name); confidence 0.95). Check it against
# the article: delete `status` and `confidence` to confirm it, or the whole entry to reject it.
[[actor]]
id = "united-states"
name = "United States"
kind = "state"
role = ""
aliases = ["U.S."]
description = ""
status = "suggested"
confidence = 0.95

# Suggested by `marginalia draft` (X and Y signed; confidence 0.40). Check it against
# the article: delete `status` and `confidence` to confirm it, or the whole entry to reject it.
[[actor.relation]]
kind = "partner"
target = "quell"
sentence = "2.1" # “The United States and…”
status = "suggested"
confidence = 0.40

# Suggested by `marginalia draft` (title + name; confidence 0.90). Check it against
# the article: delete `status` and `confidence` to confirm it, or the whole entry to reject it.
[[actor]]
id = "pak"
name = "Jung Pak"
kind = "person"
role = "Senior Official"
aliases = []
description = ""
status = "suggested"
confidence = 0.90
"#;

    #[test]
    fn finds_each_suggestion_with_its_lines() {
        let found = suggestions_in(File::Actors, ACTORS);
        let ids: Vec<(&str, &str)> = found.iter().map(|s| (s.kind, s.id.as_str())).collect();
        assert_eq!(
            ids,
            [
                ("actor", "united-states"),
                ("relation", "united-states.0"),
                ("actor", "pak")
            ]
        );
        assert_eq!(found[0].label, "United States (state)");
        assert_eq!(found[1].label, "united-states partner quell");
        let lines: Vec<&str> = ACTORS.lines().collect();
        assert_eq!(lines[found[0].line], "[[actor]]");
        assert_eq!(
            found[0]
                .status_lines
                .iter()
                .map(|&n| lines[n])
                .collect::<Vec<_>>(),
            ["status = \"suggested\"", "confidence = 0.95"]
        );
        // The actor's entry runs over its relation, to the next actor's comment.
        assert!(lines[found[0].entry.start].starts_with("# Suggested"));
        assert!(lines[found[0].entry.end].starts_with("# Suggested by `marginalia draft` (title"));
    }

    #[test]
    fn confirming_deletes_the_two_status_lines_only() {
        let found = suggestions_in(File::Actors, ACTORS);
        let confirmed = confirm(ACTORS, &found[2]);
        assert_eq!(ACTORS.lines().count() - 2, confirmed.lines().count());
        assert!(confirmed.ends_with("aliases = []\ndescription = \"\"\n"));
        assert!(confirmed.contains("confidence = 0.95\n"));
        let left = suggestions_in(File::Actors, &confirmed);
        assert_eq!(left.len(), 2);
        // Its comment stays: only the status lines go.
        assert!(confirmed.contains("(title + name; confidence 0.90)"));
    }

    #[test]
    fn rejecting_an_actor_deletes_it_its_comment_and_its_relations() {
        let found = suggestions_in(File::Actors, ACTORS);
        let rejected = reject(ACTORS, &found[0]);
        assert!(!rejected.contains("united-states") && !rejected.contains("[[actor.relation]]"));
        assert!(rejected
            .starts_with("# The people and states of the article.\n\n[[actor]]\nid = \"quell\""));
        assert!(rejected.contains(
            "description = \"Led the campaign.\"\n\n# Suggested by `marginalia draft` (title"
        ));
        let left = suggestions_in(File::Actors, &rejected);
        assert_eq!(
            left.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["pak"]
        );
    }

    #[test]
    fn rejecting_a_relation_keeps_its_actor() {
        let found = suggestions_in(File::Actors, ACTORS);
        let rejected = reject(ACTORS, &found[1]);
        assert!(rejected.contains("id = \"united-states\"") && !rejected.contains("relation"));
        assert_eq!(suggestions_in(File::Actors, &rejected).len(), 2);
    }

    #[test]
    fn quotes_and_events_have_labels() {
        let quotes = "# Suggested (x).\n[[quote]]\nid = \"title-treaty\"\nkind = \"title\" # a name\ntext = \"Treaty on Partnership\"\nstatus = \"suggested\"\nconfidence = 0.60\n\n[[quote]]\nid = \"kim-fight\"\nspeaker = \"kim\"\ntext = \"sacred fight\"\nstatus = \"suggested\"\nconfidence = 0.80\n";
        let found = suggestions_in(File::Quotes, quotes);
        assert_eq!(found[0].kind, "title");
        assert_eq!(found[0].label, "“Treaty on Partnership” (a title)");
        assert_eq!(found[1].label, "“sacred fight” (kim)");
        assert_eq!(found[1].entry, 8..14);
        let events = "[[event]]\nid = \"on-2024-06-19\"\ndate = \"2024-06-19\"\ntitle = \"The signing\"\nstatus = \"suggested\"\nconfidence = 0.85\n";
        let found = suggestions_in(File::Events, events);
        assert_eq!(found[0].label, "2024-06-19: The signing");
        assert_eq!(confirm(events, &found[0]).lines().count(), 4);
        assert_eq!(reject(events, &found[0]), "");
    }

    #[test]
    fn a_confirmed_file_has_no_suggestion() {
        assert!(suggestions_in(
            File::Actors,
            &ACTORS.replace("status = \"suggested\"\n", "")
        )
        .is_empty());
    }

    #[test]
    fn unmarking_takes_out_one_actors_marks() {
        let article = "[Pak](actor:pak) met [Cho](actor:cho); [Jung Pak](actor:pak) said “no”.";
        assert_eq!(
            unmark(article, "pak"),
            "Pak met [Cho](actor:cho); Jung Pak said “no”."
        );
        assert_eq!(unmark(article, "kim"), article);
    }
}
