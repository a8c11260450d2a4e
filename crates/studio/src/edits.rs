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
    /// The checker's errors on its own lines, as the report prints them (set by the studio's
    /// reducer after each check: `crate::placed`).
    pub errors: Vec<String>,
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
            errors: Vec::new(),
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

/// The lines of `suggestion`'s own table in `text`: from its header to the next table (an
/// actor's relations are theirs, not its), without the comment of the next entry.
pub fn own_lines(text: &str, suggestion: &Suggestion) -> Range<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let start = suggestion.line + 1;
    let mut end = start;
    while end < lines.len().min(suggestion.entry.end) {
        let line = lines[end].trim_start();
        if line.starts_with('[') && !line.starts_with("[]") {
            break;
        }
        end += 1;
    }
    // The next entry's comment, right above its header, is not this entry's.
    while end > start && lines[end - 1].trim_start().starts_with('#') {
        end -= 1;
    }
    start..end
}

/// Where `key`'s value is in `lines` (a range of lines: a list may run over several), if the
/// entry has it.
fn key_lines(lines: &[&str], within: Range<usize>, key: &str) -> Option<Range<usize>> {
    let n = within.clone().find(|&n| {
        lines[n]
            .split_once('=')
            .is_some_and(|(k, _)| k.trim() == key && !k.trim_start().starts_with('#'))
    })?;
    let value = lines[n].split_once('=').map_or("", |(_, v)| v).trim();
    // A list opened and not closed on its line runs to the line that closes it.
    if value.starts_with('[') && key_value(lines[n]).is_none() {
        let end = (n + 1..within.end)
            .find(|&m| lines[m].trim_start().starts_with(']'))
            .map_or(n + 1, |m| m + 1);
        return Some(n..end);
    }
    Some(n..n + 1)
}

/// The value of `key` in `suggestion`'s own table, as the form shows it: a string as it reads,
/// a list's strings joined by ", ". `None` when the entry has no such key.
pub fn field(text: &str, suggestion: &Suggestion, key: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at = key_lines(&lines, own_lines(text, suggestion), key)?;
    let source = lines[at].join("\n");
    let table: toml::Table = source.trim().parse().ok()?;
    table.get(key).map(shown)
}

/// A value for [`set_field`]: one string, or a list of strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
}

impl Value {
    /// As TOML writes it, with the drafter's own quoting.
    fn toml(&self) -> String {
        use marginalia_draft::write::quoted;
        match self {
            Value::Text(t) => quoted(t),
            Value::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(|i| quoted(i))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// The file with `key = value` in `suggestion`'s own table: the line (or the lines of a list)
/// of that key rewritten in place, or, when the entry has no such key, one line added after its
/// last line before `status`. Every other line stays as it was, comments included; a comment
/// on the rewritten line goes with the old value. `drop`: keys to delete from the entry at the
/// same time (a quote's `speakers` when it gets one `speaker`).
pub fn set_field(
    text: &str,
    suggestion: &Suggestion,
    key: &str,
    value: &Value,
    drop: &[&str],
) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let own = own_lines(text, suggestion);
    let line = format!("{key} = {}", value.toml());
    let dropped: Vec<Range<usize>> = drop
        .iter()
        .filter_map(|k| key_lines(&lines, own.clone(), k))
        .collect();
    let (replace, insert_at) = match key_lines(&lines, own.clone(), key) {
        Some(at) => (Some(at), None),
        // Where it goes when new: in place of a dropped key, else before `status`, else after
        // the entry's last line that is not blank.
        None => match dropped.first() {
            Some(at) => (Some(at.clone()), None),
            None => {
                let status = suggestion
                    .status_lines
                    .iter()
                    .copied()
                    .filter(|n| own.contains(n))
                    .min();
                let last = own
                    .clone()
                    .rev()
                    .find(|&n| !lines[n].trim().is_empty())
                    .map_or(suggestion.line + 1, |n| n + 1);
                (None, Some(status.unwrap_or(last)))
            }
        },
    };
    let mut out = String::with_capacity(text.len() + line.len() + 1);
    for (n, piece) in text.split_inclusive('\n').enumerate() {
        if insert_at == Some(n) {
            out.push_str(&line);
            out.push('\n');
        }
        if let Some(at) = &replace {
            if at.start == n {
                out.push_str(&line);
                out.push_str(if piece.ends_with('\n') { "\n" } else { "" });
                continue;
            }
            if at.contains(&n) {
                continue;
            }
        }
        if dropped
            .iter()
            .any(|d| d.contains(&n) && Some(d) != replace.as_ref())
        {
            continue;
        }
        out.push_str(piece);
    }
    if insert_at.is_some_and(|n| n >= lines.len()) {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// How precise a date of `events.toml` is, by its form: `day` (`YYYY-MM-DD`), `month`
/// (`YYYY-MM`) or `year` (`YYYY`); a range `START/END` by its start. `None` for anything else.
pub fn precision(date: &str) -> Option<&'static str> {
    let start = date.split('/').next().unwrap_or(date).trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = start.split('-').collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4 && m.len() == 2 && d.len() == 2 && parts.iter().all(|p| digits(p)) =>
        {
            Some("day")
        }
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => Some("month"),
        [y] if y.len() == 4 && digits(y) => Some("year"),
        _ => None,
    }
}

/// `date` told to `precision` only: `2024-06-19` to `month` is `2024-06`, a range each of its
/// ends (a range that becomes one date, one date). Never finer than it is (`None`): a day the
/// writer did not give is not made up.
pub fn to_precision(date: &str, precision_wanted: &str) -> Option<String> {
    let len = match precision_wanted {
        "day" => 10,
        "month" => 7,
        "year" => 4,
        _ => return None,
    };
    let have = match precision(date)? {
        "day" => 10,
        "month" => 7,
        _ => 4,
    };
    if len > have {
        return None;
    }
    let ends: Vec<String> = date
        .split('/')
        .map(|d| d.trim().chars().take(len).collect())
        .collect();
    Some(match ends.as_slice() {
        [a, b] if a == b => a.clone(),
        _ => ends.join("/"),
    })
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

    /// The lines of `after` that are not in `before` and those of `before` not in `after`.
    fn diff(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
        let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
        let added = b
            .iter()
            .filter(|l| !a.contains(l))
            .map(|l| l.to_string())
            .collect();
        let gone = a
            .iter()
            .filter(|l| !b.contains(l))
            .map(|l| l.to_string())
            .collect();
        (added, gone)
    }

    #[test]
    fn a_field_is_read_from_the_entry_s_own_lines() {
        let found = suggestions_in(File::Actors, ACTORS);
        assert_eq!(
            field(ACTORS, &found[0], "name").as_deref(),
            Some("United States")
        );
        assert_eq!(field(ACTORS, &found[0], "aliases").as_deref(), Some("U.S."));
        // The relation's `kind` is not its actor's.
        assert_eq!(field(ACTORS, &found[0], "kind").as_deref(), Some("state"));
        assert_eq!(field(ACTORS, &found[1], "kind").as_deref(), Some("partner"));
        assert_eq!(field(ACTORS, &found[0], "affiliation"), None);
    }

    #[test]
    fn setting_a_field_rewrites_its_line_only() {
        let found = suggestions_in(File::Actors, ACTORS);
        let named = set_field(
            ACTORS,
            &found[2],
            "name",
            &Value::Text("Jung H. Pak".into()),
            &[],
        );
        assert_eq!(
            diff(ACTORS, &named),
            (
                vec!["name = \"Jung H. Pak\"".to_string()],
                vec!["name = \"Jung Pak\"".to_string()]
            )
        );
        assert_eq!(named.lines().count(), ACTORS.lines().count());
        // A role with a quotation mark is quoted as TOML wants; the relation's kind untouched.
        let role = set_field(
            ACTORS,
            &found[0],
            "role",
            &Value::Text("the \"U.S.\"".into()),
            &[],
        );
        assert!(role.contains("role = \"the \\\"U.S.\\\"\"\n"));
        let kind = set_field(
            ACTORS,
            &found[0],
            "kind",
            &Value::Text("organisation".into()),
            &[],
        );
        assert!(
            kind.contains("kind = \"organisation\"\nrole") && kind.contains("kind = \"partner\"")
        );
        assert_eq!(diff(ACTORS, &kind).0.len(), 1);
        // Still a suggestion, still found where it was, and valid TOML.
        assert_eq!(suggestions_in(File::Actors, &kind).len(), 3);
        assert!(kind.parse::<toml::Table>().is_ok());
    }

    #[test]
    fn a_missing_field_is_added_before_the_status_lines() {
        let found = suggestions_in(File::Actors, ACTORS);
        let affiliated = set_field(
            ACTORS,
            &found[2],
            "affiliation",
            &Value::Text("quell".into()),
            &[],
        );
        assert!(affiliated.contains("description = \"\"\naffiliation = \"quell\"\nstatus = \"suggested\"\nconfidence = 0.90"));
        assert_eq!(affiliated.lines().count(), ACTORS.lines().count() + 1);
        // Confirming it afterwards still deletes just the status lines.
        let s = &suggestions_in(File::Actors, &affiliated)[2];
        assert!(confirm(&affiliated, s).ends_with("affiliation = \"quell\"\n"));
    }

    #[test]
    fn a_quote_s_speaker_becomes_speakers_in_place() {
        let quotes = "[[quote]]\nid = \"kim-fight\"\nspeaker = \"kim\"\ntext = \"sacred fight\"\ncontext = \"\"\nstatus = \"suggested\"\nconfidence = 0.80\n";
        let s = &suggestions_in(File::Quotes, quotes)[0];
        let two = set_field(
            quotes,
            s,
            "speakers",
            &Value::List(vec!["kim".into(), "putin".into()]),
            &["speaker"],
        );
        assert_eq!(
            two,
            quotes.replace("speaker = \"kim\"", "speakers = [\"kim\", \"putin\"]")
        );
        let s = &suggestions_in(File::Quotes, &two)[0];
        assert_eq!(field(&two, s, "speakers").as_deref(), Some("kim, putin"));
        let one = set_field(
            &two,
            s,
            "speaker",
            &Value::Text("putin".into()),
            &["speakers"],
        );
        assert_eq!(one, quotes.replace("\"kim\"", "\"putin\""));
        // A list written over several lines is replaced whole.
        let long = quotes.replace(
            "speaker = \"kim\"",
            "speakers = [\n  \"kim\",\n  \"moon\",\n]",
        );
        let s = &suggestions_in(File::Quotes, &long)[0];
        assert_eq!(field(&long, s, "speakers").as_deref(), Some("kim, moon"));
        assert_eq!(
            set_field(
                &long,
                s,
                "speaker",
                &Value::Text("putin".into()),
                &["speakers"]
            ),
            one
        );
    }

    #[test]
    fn an_event_s_date_and_provenance_lines() {
        let events = "# Suggested (on Wednesday).\n[[event]]\nid = \"on-2024-06-19\"\ndate = \"2024-06-19\"\ntitle = \"The signing\"\nprovenance = \"inferred\"\nstatus = \"suggested\"\nconfidence = 0.85\n\n[[event]]\nid = \"b\"\ndate = \"2024\"\n";
        let s = &suggestions_in(File::Events, events)[0];
        let month = set_field(events, s, "date", &Value::Text("2024-06".into()), &[]);
        assert_eq!(
            month,
            events.replacen("date = \"2024-06-19\"", "date = \"2024-06\"", 1)
        );
        let stated = set_field(&month, s, "provenance", &Value::Text("stated".into()), &[]);
        assert_eq!(diff(&month, &stated).0, ["provenance = \"stated\""]);
        assert!(stated.ends_with("id = \"b\"\ndate = \"2024\"\n"));
    }

    #[test]
    fn a_date_is_made_less_precise_never_more() {
        assert_eq!(precision("2024-06-19"), Some("day"));
        assert_eq!(precision("2000-07-19/2000-07-20"), Some("day"));
        assert_eq!(precision("2024-03"), Some("month"));
        assert_eq!(precision("1961"), Some("year"));
        assert_eq!(precision("June"), None);
        assert_eq!(
            to_precision("2024-06-19", "month").as_deref(),
            Some("2024-06")
        );
        assert_eq!(to_precision("2024-06-19", "year").as_deref(), Some("2024"));
        assert_eq!(
            to_precision("2024-06-19", "day").as_deref(),
            Some("2024-06-19")
        );
        assert_eq!(
            to_precision("2000-07-19/2000-07-20", "month").as_deref(),
            Some("2000-07")
        );
        assert_eq!(
            to_precision("2000-06-30/2000-07-01", "month").as_deref(),
            Some("2000-06/2000-07")
        );
        assert_eq!(to_precision("2024-03", "day"), None);
        assert_eq!(to_precision("1961", "month"), None);
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
