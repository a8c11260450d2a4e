//! Test input, made for `generate` (which writes it to a folder) and the tests of size
//! (`tests/large_input.rs`): a synthetic article N times the size of a seed article. It is no
//! step of the content pipeline, only input for it, so it lives here and not in
//! `marginalia-content`.
//!
//! Copy 1 is the seed itself. Copy k (k ≥ 2) is the seed with every id suffixed `-k`, and
//! its text tagged so that every quote and event sentence is unique: each opening quotation
//! mark “ becomes “{k} and each full stop becomes ` {k}.`, in the Markdown (outside link
//! addresses) and in the TOML strings that must match it alike. So the result is valid
//! whenever the seed is, with N times its actors, events, quotes and paragraphs.
//!
//! The TOML of copy k is the seed's own text with the strings that change written over the
//! old ones, at the spans the TOML reader gives them; comments and layout are kept, and no
//! TOML is written from a table.

use marginalia_content::{SourceFile, Sources};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

type Str = Spanned<String>;

/// The article `times` times the seed. Fails only if the seed's TOML cannot be read.
pub fn synthesize(seed: &Sources, times: usize) -> Result<Sources, String> {
    let read = |file: &SourceFile| -> Result<Doc, String> {
        toml::from_str::<Doc>(&file.text).map_err(|e| format!("{}: {}", file.name, e.message()))
    };
    let meta = read(&seed.meta)?;
    let times = times.max(1);
    let copies = |file: &SourceFile| -> Result<String, String> {
        let doc = read(file)?;
        let texts: Vec<String> = (1..=times)
            .map(|k| Copy { k }.toml(&file.text, &doc))
            .collect();
        Ok(texts.join("\n"))
    };
    let mut markdown = String::with_capacity(seed.article.text.len() * times + 2 * times);
    for k in 1..=times {
        if k > 1 {
            markdown.push_str("\n\n");
        }
        markdown.push_str(&Copy { k }.markdown(&seed.article.text));
    }
    let title = meta.title.iter().map(|t| {
        let titled = format!("{} (synthetic: {times} × the seed)", t.get_ref());
        (t.span(), titled)
    });
    let name = |file: &SourceFile| file.short_name().to_string();
    Ok(Sources {
        meta: SourceFile::new(name(&seed.meta), splice(&seed.meta.text, title.collect())),
        article: SourceFile::new(name(&seed.article), markdown),
        actors: SourceFile::new(name(&seed.actors), copies(&seed.actors)?),
        events: SourceFile::new(name(&seed.events), copies(&seed.events)?),
        quotes: SourceFile::new(name(&seed.quotes), copies(&seed.quotes)?),
    })
}

/// The strings of a content file that differ between copies, with their spans: one shape for
/// the four TOML files, each of which has some of these keys (the others are ignored).
#[derive(Default, Deserialize)]
#[serde(default)]
struct Doc {
    /// The article's title (meta.toml).
    title: Option<Str>,
    actor: Vec<Entry>,
    event: Vec<Entry>,
    quote: Vec<Entry>,
}

/// An actor, an event or a quote.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Entry {
    // Ids and references to ids.
    id: Option<Str>,
    affiliation: Option<Str>,
    speaker: Option<Str>,
    event: Option<Str>,
    actors: Vec<Str>,
    // What readers see as a name.
    name: Option<Str>,
    title: Option<Str>,
    // What must match the article's text.
    sentences: Vec<Str>,
    text: Option<Str>,
    relation: Vec<RelationEntry>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct RelationEntry {
    target: Option<Str>,
    evidence: Option<Str>,
}

/// `text` with each span replaced by a TOML string holding the new value.
fn splice(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(span, _)| span.start);
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut at = 0;
    for (span, value) in edits {
        out.push_str(&text[at..span.start]);
        out.push_str(&string_literal(&value));
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A TOML basic string: `"…"` with quotes, backslashes and control characters escaped.
fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The changes that make copy `k` of the seed.
struct Copy {
    k: usize,
}

impl Copy {
    fn id(&self, id: &str) -> String {
        if self.k == 1 {
            id.to_string()
        } else {
            format!("{id}-{}", self.k)
        }
    }

    /// The tag of the text: quotation marks and full stops of copy k carry `{k}`.
    fn text(&self, text: &str) -> String {
        if self.k == 1 {
            return text.to_string();
        }
        let tag = format!("{{{}}}", self.k);
        text.replace('“', &format!("“{tag} "))
            .replace('.', &format!(" {tag}."))
    }

    /// The Markdown of this copy: text tagged, `actor:` ids suffixed, other link addresses kept.
    fn markdown(&self, source: &str) -> String {
        let mut out = String::with_capacity(source.len() + source.len() / 8);
        let mut rest = source;
        while let Some(open) = rest.find("](") {
            out.push_str(&self.text(&rest[..open + 2]));
            let after = &rest[open + 2..];
            let close = after.find(')').unwrap_or(after.len());
            let address = &after[..close];
            match address.strip_prefix("actor:") {
                Some(id) => out.push_str(&format!("actor:{}", self.id(id))),
                None => out.push_str(address),
            }
            rest = &after[close..];
        }
        out.push_str(&self.text(rest));
        out
    }

    /// The TOML text of this copy of a file whose changing strings are `doc`.
    fn toml(&self, text: &str, doc: &Doc) -> String {
        if self.k == 1 {
            return text.to_string();
        }
        let mut edits = Vec::new();
        for entry in doc.actor.iter().chain(&doc.event).chain(&doc.quote) {
            self.edit_entry(entry, &mut edits);
        }
        splice(text, edits)
    }

    fn edit_entry(&self, e: &Entry, edits: &mut Vec<(Range<usize>, String)>) {
        let mut edit = |s: &Str, value: String| edits.push((s.span(), value));
        let targets = e.relation.iter().filter_map(|r| r.target.as_ref());
        let ids = [&e.id, &e.affiliation, &e.speaker, &e.event]
            .into_iter()
            .flatten();
        for id in ids.chain(&e.actors).chain(targets) {
            edit(id, self.id(id.get_ref()));
        }
        for name in [&e.name, &e.title].into_iter().flatten() {
            edit(name, format!("{} {{{}}}", name.get_ref(), self.k));
        }
        let evidence = e.relation.iter().filter_map(|r| r.evidence.as_ref());
        for text in e.sentences.iter().chain(evidence) {
            edit(text, self.text(text.get_ref()));
        }
        if let Some(words) = &e.text {
            edit(
                words,
                format!("{{{}}} {}", self.k, self.text(words.get_ref())),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::{Table, Value};

    #[test]
    fn copies_rewrite_ids_and_texts_and_keep_the_rest() {
        let seed = Sources::from_texts(
            "seed",
            [
                "# the page\ntitle = \"T\"\n",
                "“no”.",
                "# people\n[[actor]]\nid = \"a\"\nname = \"A \\\"B\\\"\"\nkind = \"person\"\n\n[[actor.relation]]\ntarget = \"b\"\nevidence = \"“no”.\"\n",
                "[[event]]\nid = \"e\"\ntitle = \"E\"\nactors = [\"a\", \"b\"]\nsentences = [\"“no”.\"]\n",
                "[[quote]]\nid = \"q\"\nspeaker = \"a\"\ntext = \"no\"\nevent = \"e\"\n",
            ],
        );
        let two = synthesize(&seed, 2).unwrap();
        let table = |file: &SourceFile| toml::from_str::<Table>(&file.text).unwrap();
        let all = |file: &SourceFile, key: &str| match table(file).get(key) {
            Some(Value::Array(items)) => items.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            table(&two.meta)["title"].as_str(),
            Some("T (synthetic: 2 × the seed)")
        );
        assert!(two
            .actors
            .text
            .starts_with("# people\n[[actor]]\nid = \"a\"\n"));
        let actors = all(&two.actors, "actor");
        assert_eq!(actors.len(), 2);
        assert_eq!(actors[1]["id"].as_str(), Some("a-2"));
        assert_eq!(actors[1]["name"].as_str(), Some("A \"B\" {2}"));
        assert_eq!(actors[1]["kind"].as_str(), Some("person"));
        let relation = &actors[1]["relation"][0];
        assert_eq!(relation["target"].as_str(), Some("b-2"));
        assert_eq!(relation["evidence"].as_str(), Some("“{2} no” {2}."));
        let events = all(&two.events, "event");
        assert_eq!(events[1]["actors"], Value::from(vec!["a-2", "b-2"]));
        assert_eq!(events[1]["sentences"], Value::from(vec!["“{2} no” {2}."]));
        assert_eq!(events[1]["title"].as_str(), Some("E {2}"));
        let quotes = all(&two.quotes, "quote");
        assert_eq!(quotes[1]["text"].as_str(), Some("{2} no"));
        assert_eq!(quotes[1]["speaker"].as_str(), Some("a-2"));
        assert_eq!(quotes[1]["event"].as_str(), Some("e-2"));
        assert_eq!(two.article.text, "“no”.\n\n“{2} no” {2}.");
    }

    #[test]
    fn strings_are_escaped() {
        let s = "a \"b\" \\ \u{A0}c\n\u{1}";
        let table: Table = toml::from_str(&format!("x = {}", string_literal(s))).unwrap();
        assert_eq!(table["x"].as_str(), Some(s));
    }

    #[test]
    fn copies_tag_text_outside_link_addresses() {
        let copy = Copy { k: 3 };
        assert_eq!(
            copy.markdown("[Putin](actor:putin) said “no”. See [FT](https://ft.com)."),
            "[Putin](actor:putin-3) said “{3} no” {3}. See [FT](https://ft.com) {3}."
        );
        assert_eq!(Copy { k: 1 }.markdown("a. “b”"), "a. “b”");
    }
}
