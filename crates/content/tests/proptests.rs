//! Property tests: the Markdown parser and the validator never panic, whatever they are given.
//!
//! - arbitrary strings and generated Markdown structures (nested emphasis, links, `actor:`
//!   links, quotation blocks, lists, curly quotes “ ”, raw HTML, entities) through
//!   `parse_markdown`, with the tree's invariants checked;
//! - the seed article with such Markdown spliced in, and random mutations of the seed's real
//!   files (bytes deleted, duplicated, replaced; ids and dates changed) through
//!   `build_article`: `Ok` or `Err`, never a panic, every error inside one of the five files.
//!
//! Case counts keep the whole file under 30 s on two cores in a debug build; raise them with
//! `PROPTEST_CASES=2000 cargo test --release --test proptests`. Failures are saved by proptest
//! in `tests/proptests.proptest-regressions` and replayed first on every run.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia_content::markdown::{parse_markdown, safe_href, MAX_NESTING};
use marginalia_content::{build_article, SourceFile, Sources};
use marginalia_model::{Block, Inline};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use std::sync::OnceLock;

fn seed() -> &'static Sources {
    static SEED: OnceLock<Sources> = OnceLock::new();
    SEED.get_or_init(|| {
        Sources::read_dir(&common::workspace_root().join("content/putin-kim-pact")).unwrap()
    })
}

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

const FRAGMENTS: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "~~",
    "[",
    "]",
    "](",
    ")",
    "(actor:putin)",
    "[Putin](actor:putin)",
    "[x](actor:",
    "actor:",
    "](actor:kim)",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "> ",
    ">",
    "- ",
    "* ",
    "1. ",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "`",
    "```\n",
    "<b>",
    "</b>",
    "<script>",
    "<!--",
    "-->",
    "&amp;",
    "&#106;",
    "&#x201C;",
    "&",
    "#",
    "## ",
    "![",
    "---\n",
    "\\",
    " ",
    "\u{a0}",
    "\0",
    "\r\n",
    "https://x.example/",
    "javascript:",
    "mailto:",
    "#anchor",
    "<https://x.example>",
    "[a]: ",
    "sacred fight",
    "Putin",
    "Kim Jong Un",
    "Moscow",
    "2024",
    "|",
    "$",
    "^",
    "\u{202e}",
    "\u{fffd}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(FRAGMENTS).prop_map(String::from),
        2 => "[a-zA-Z ]{1,8}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Markdown built from nested structures.
fn structured() -> impl Strategy<Value = String> {
    let leaf = prop::collection::vec(fragment(), 0..6).prop_map(|v| v.concat());
    leaf.prop_recursive(6, 96, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|s| format!("*{s}*")),
            inner.clone().prop_map(|s| format!("**{s}**")),
            inner.clone().prop_map(|s| format!("_{s}_")),
            inner.clone().prop_map(|s| format!("[{s}](actor:putin)")),
            inner
                .clone()
                .prop_map(|s| format!("[{s}](https://x.example/)")),
            inner.clone().prop_map(|s| format!("[{s}](javascript:x)")),
            inner.clone().prop_map(|s| format!("“{s}”")),
            inner.clone().prop_map(|s| format!("\n\n> {s}")),
            inner.clone().prop_map(|s| format!("\n\n- {s}\n- {s}")),
            inner.clone().prop_map(|s| format!("\n\n1. {s}")),
            inner.clone().prop_map(|s| format!("`{s}`")),
            inner.clone().prop_map(|s| format!("<span>{s}</span>")),
            prop::collection::vec(inner, 1..4).prop_map(|v| v.concat()),
        ]
    })
}

fn any_markdown() -> impl Strategy<Value = String> {
    prop_oneof![
        structured(),
        prop::collection::vec(fragment(), 0..80).prop_map(|v| v.concat()),
        "\\PC{0,200}",
        any::<String>(),
    ]
}

fn paragraphs(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => 1,
            container => container.children().iter().map(|g| paragraphs(g)).sum(),
        })
        .sum()
}

fn depth(blocks: &[Block]) -> usize {
    fn inline_depth(v: &[Inline]) -> usize {
        v.iter()
            .map(|i| i.children().map_or(0, |c| 1 + inline_depth(c)))
            .max()
            .unwrap_or(0)
    }
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => 1 + inline_depth(c),
            Block::Quotation(bs) => 1 + depth(bs),
            Block::List { items, .. } => 2 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
            Block::Rule => 1,
        })
        .max()
        .unwrap_or(0)
}

fn links(blocks: &[Block], out: &mut Vec<String>) {
    fn inl(v: &[Inline], out: &mut Vec<String>) {
        for i in v {
            if let Inline::Link { href, .. } = i {
                out.push(href.clone());
            }
            if let Some(c) = i.children() {
                inl(c, out);
            }
        }
    }
    for b in blocks {
        match b {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => inl(c, out),
            container => container.children().iter().for_each(|g| links(g, out)),
        }
    }
}

/// The parser's promises, for any input.
fn check_parse(source: &str) -> Result<(), TestCaseError> {
    let parsed = parse_markdown(source);
    prop_assert_eq!(paragraphs(&parsed.blocks), parsed.paragraph_offsets.len());
    for &o in &parsed.paragraph_offsets {
        prop_assert!(o <= source.len() && source.is_char_boundary(o));
    }
    prop_assert!(depth(&parsed.blocks) <= MAX_NESTING);
    prop_assert!(parsed.problems.len() <= 1);
    for m in &parsed.mentions {
        prop_assert!(m.range.end <= source.len());
    }
    let mut hrefs = Vec::new();
    links(&parsed.blocks, &mut hrefs);
    for href in hrefs {
        let again = safe_href(&href);
        prop_assert_eq!(again.as_deref(), Some(href.as_str()));
        let lower = href.to_ascii_lowercase();
        prop_assert!(
            ["http://", "https://", "mailto:", "#"]
                .iter()
                .any(|p| lower.starts_with(p)),
            "{}",
            href
        );
        prop_assert!(!href
            .chars()
            .any(|c| c.is_control() || c.is_ascii_whitespace()));
    }
    Ok(())
}

/// The validator's promise: an article or errors, each inside one of the five files.
fn check_build(s: &Sources) -> Result<(), TestCaseError> {
    match build_article(s) {
        Ok(article) => {
            prop_assert!(!article.blocks.is_empty());
        }
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            let files = [&s.meta, &s.article, &s.actors, &s.events, &s.quotes];
            for e in &errors {
                prop_assert!(files.iter().any(|f| f.name == e.file), "{}", e);
                prop_assert!(e.line >= 1 && e.column >= 1);
                let file = files.iter().find(|f| f.name == e.file).unwrap();
                prop_assert!(e.line <= file.text.lines().count().max(1) + 1, "{}", e);
            }
        }
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete(Index, usize),
    Duplicate(Index, usize),
    ReplaceByte(Index, u8),
    Insert(Index, String),
    /// Replace the value of the n-th `key = "…"` string with another.
    SetValue(&'static str, Index, String),
}

const KEYS: &[&str] = &[
    "id",
    "speaker",
    "event",
    "target",
    "affiliation",
    "actor",
    "date",
    "week_of",
    "page_date",
    "weekday",
    "provenance",
    "article_gives",
    "kind",
    "text",
    "evidence",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "putin",
                "kim",
                "russia",
                "north-korea",
                "signing-2024",
                "kcna-text-2024",
                "kim-sacred-fight",
                "",
                "Putin",
                "putin ",
                "-x",
                "2024-02-29",
                "2023-02-29",
                "0000-01-01",
                "9999-12-31",
                "2024-06-19/2024-06-18",
                "2024-06/2024-07",
                "2024-06-19/2024-06",
                "2024-13",
                "2024-00",
                "2024-06-31",
                "-1",
                "1961",
                "Wednesday",
                "Sunday",
                "monday",
                "record",
                "stated",
                "inferred",
                "year",
                "month",
                "day",
                "person",
                "ally",
                "sacred fight",
                "aggression",
                "“",
                "\\u0000",
            ][..]
        )
        .prop_map(String::from),
        "[0-9]{1,5}(-[0-9]{1,3}){0,2}",
        "[a-z0-9 -]{0,12}",
        "\\PC{0,20}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 1usize..200).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (any::<Index>(), 1usize..200).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::ReplaceByte(i, b)),
        1 => (any::<Index>(), fragment()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        3 => (select(KEYS), any::<Index>(), value()).prop_map(|(k, i, v)| Mutation::SetValue(k, i, v)),
    ]
}

/// Escapes a value for a TOML basic string (a `\u0000` in the choices stays an escape).
fn toml_escape(v: &str) -> String {
    v.replace('"', "\\\"")
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let len = bytes.len().max(1);
    match m {
        Mutation::Delete(i, n) => {
            let at = i.index(len).min(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Duplicate(i, n) => {
            let at = i.index(len).min(bytes.len());
            let end = (at + n).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::ReplaceByte(i, b) => {
            if !bytes.is_empty() {
                let at = i.index(bytes.len());
                bytes[at] = *b;
            }
        }
        Mutation::Insert(i, s) => {
            let at = i.index(len).min(bytes.len());
            bytes.splice(at..at, s.bytes());
        }
        Mutation::SetValue(key, i, v) => {
            let pattern = format!("{key} = \"");
            let starts: Vec<usize> = text.match_indices(&pattern).map(|(p, _)| p).collect();
            if !starts.is_empty() {
                let start = starts[i.index(starts.len())] + pattern.len();
                if let Some(end) = text[start..].find('"') {
                    let mut out = text[..start].to_string();
                    out.push_str(&toml_escape(v));
                    out.push_str(&text[start + end..]);
                    return out;
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn file_mut(s: &mut Sources, which: usize) -> &mut SourceFile {
    match which {
        0 => &mut s.meta,
        1 => &mut s.article,
        2 => &mut s.actors,
        3 => &mut s.events,
        _ => &mut s.quotes,
    }
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn the_parser_never_panics_and_keeps_its_promises(source in any_markdown()) {
        check_parse(&source)?;
    }
}

proptest! {
    #![proptest_config(cases(400))]

    #[test]
    fn the_validator_never_panics_on_markdown_spliced_into_the_seed(
        markdown in structured(),
        at in any::<Index>(),
    ) {
        let mut s = seed().clone();
        let text = &s.article.text;
        // Splice at a paragraph break, so that the rest of the seed stays as it is.
        let breaks: Vec<usize> = text.match_indices("\n\n").map(|(i, _)| i + 2).collect();
        let pos = breaks[at.index(breaks.len())];
        s.article.text = format!("{}{markdown}\n\n{}", &text[..pos], &text[pos..]);
        check_build(&s)?;
    }

    #[test]
    fn the_validator_never_panics_on_mutated_files(
        which in 0usize..5,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let mut s = seed().clone();
        let file = file_mut(&mut s, which);
        for m in &mutations {
            file.text = apply(&file.text, m);
        }
        check_build(&s)?;
    }
}

/// Inputs that once broke an invariant or were worth pinning down (found while writing these
/// properties and by fuzzing; see `scripts/fuzz.sh`).
#[test]
fn regressions() {
    for source in [
        // A list opened at the nesting limit: its items' text must still be in paragraphs
        // that are counted.
        &"> ".repeat(30),
        &format!("{}- a\n- b", "> ".repeat(22)),
        &format!("{}x", "- ".repeat(40)),
        // Tight list items with inline content before a nested block.
        "- *a* b\n  > c\n- d",
        "1. [x](actor:putin) y\n   - z",
        // NUL bytes.
        "a\0b [c](\0https://x) \0",
    ] {
        check_parse(source).unwrap();
    }
}
