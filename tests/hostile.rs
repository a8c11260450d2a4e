//! Hostile Markdown, one input per file in `tests/hostile/` (and fuzzing's regressions in
//! `tests/hostile/regressions/`): each is parsed with the article pipeline, rendered with
//! Yew's server renderer inside the whole app, and the HTML is checked:
//!
//! - no `<script` and no active element (img, svg, math, iframe, object, embed, form, style,
//!   meta, base, link, …) in the article body;
//! - no attribute whose name starts with `on` on any element of the page;
//! - every `<a href>` is http, https, mailto or `#…`, and no URL attribute holds a
//!   `javascript:`, `data:` or `vbscript:` address;
//! - every piece of text of the parsed tree appears, escaped, in order, in the body;
//! - nesting is capped (`markdown::MAX_NESTING`): deep inputs are flattened and reported,
//!   never a stack overflow.
//!
//! The same corpus is mounted in Chromium by `tests/hostile_browser.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia::components::app::{App, AppProps};
use marginalia::model::{Block, Inline};
use marginalia_content::markdown::{parse_markdown, MAX_NESTING};
use marginalia_content::{build_article, Sources};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use yew::LocalServerRenderer;

/// Every corpus file: (name, text), sorted by name.
fn corpus() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["tests/hostile", "tests/hostile/regressions"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        paths.sort();
        for p in paths {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            out.push((p.display().to_string(), text));
        }
    }
    out
}

async fn render(blocks: Vec<Block>) -> String {
    let mut article = common::seed();
    article.blocks = blocks;
    let props = AppProps::new(Rc::new(article));
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async move {
            LocalServerRenderer::<App>::with_props(props)
                .hydratable(false)
                .render()
                .await
        })
        .await
}

/// A start tag of the rendered HTML: its name and attributes (values entity-decoded).
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The start tags of HTML as Yew writes it (text is escaped, so every `<` opens markup).
fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        if i >= b.len() || !(b[i].is_ascii_alphabetic()) {
            continue; // end tag or doctype
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let mut tag = Tag {
            name: html[start..i].to_ascii_lowercase(),
            attributes: Vec::new(),
        };
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let name_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !b"=>/".contains(&b[i]) {
                i += 1;
            }
            let name = html[name_start..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let quote = b[i] as char;
                    let end = html[i + 1..].find(quote).map_or(html.len(), |e| i + 1 + e);
                    value = decode_entities(&html[i + 1..end]);
                    i = (end + 1).min(html.len());
                } else {
                    let v_start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&html[v_start..i]);
                }
            }
            tag.attributes.push((name, value));
        }
        out.push(tag);
    }
    out
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An address as a browser reads its scheme: leading and trailing C0 controls and spaces
/// dropped, tabs and newlines removed anywhere, lowercased.
fn browser_view(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

fn allowed_href(url: &str) -> bool {
    let v = browser_view(url);
    ["http://", "https://", "mailto:", "#"]
        .iter()
        .any(|p| v.starts_with(p))
}

const URL_ATTRIBUTES: [&str; 10] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcdoc",
    "data",
    "poster",
    "background",
    "srcset",
];

const ACTIVE_ELEMENTS: [&str; 16] = [
    "script", "img", "svg", "math", "iframe", "object", "embed", "form", "style", "meta", "base",
    "link", "video", "audio", "source", "body",
];

fn depth_of_blocks(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => 1 + depth_of_inlines(c),
            Block::Quotation(bs) => 1 + depth_of_blocks(bs),
            Block::List { items, .. } => {
                2 + items.iter().map(|i| depth_of_blocks(i)).max().unwrap_or(0)
            }
            Block::Rule => 1,
        })
        .max()
        .unwrap_or(0)
}

fn depth_of_inlines(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| i.children().map_or(0, |c| 1 + depth_of_inlines(c)))
        .max()
        .unwrap_or(0)
}

/// The text pieces of the tree in reading order.
fn text_pieces(blocks: &[Block], out: &mut Vec<String>) {
    fn inlines(v: &[Inline], out: &mut Vec<String>) {
        for i in v {
            match i {
                Inline::Text(t) | Inline::Code(t) => out.push(t.clone()),
                Inline::LineBreak => {}
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Link { content: c, .. }
                | Inline::Mention { content: c, .. }
                | Inline::Quote { content: c, .. }
                | Inline::Sentence { content: c, .. } => inlines(c, out),
            }
        }
    }
    for b in blocks {
        match b {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => inlines(c, out),
            Block::Quotation(bs) => text_pieces(bs, out),
            Block::List { items, .. } => items.iter().for_each(|i| text_pieces(i, out)),
            Block::Rule => {}
        }
    }
}

fn escape_text(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The element that starts at `start` (a `<div>`), up to its matching end tag.
fn body_of(html: &str, start: usize) -> &str {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let open = html[i..].find("<div").map(|o| i + o);
        let close = html[i..].find("</div>").map(|o| i + o);
        match (open, close) {
            (Some(o), Some(c)) if o < c => {
                depth += 1;
                i = o + 4;
            }
            (_, Some(c)) => {
                depth -= 1;
                i = c + 6;
                if depth == 0 {
                    return &html[start..i];
                }
            }
            _ => return &html[start..],
        }
    }
}

/// Every check on one rendered input; returns the failures.
fn check_html(name: &str, html: &str, blocks: &[Block]) -> Vec<String> {
    let mut failures = Vec::new();
    let lower = html.to_ascii_lowercase();
    if lower.contains("<script") {
        failures.push(format!("{name}: a <script> tag in the page"));
    }
    let body_at = html
        .find("class=\"article__body\"")
        .expect("the article body is rendered");
    let body_tag_start = html[..body_at].rfind('<').unwrap();
    for tag in tags(html) {
        for (attr, value) in &tag.attributes {
            if attr.starts_with("on") {
                failures.push(format!("{name}: <{} {attr}=…>", tag.name));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                let v = browser_view(value);
                if !v.starts_with('#')
                    && ["javascript:", "data:", "vbscript:"]
                        .iter()
                        .any(|s| v.contains(s))
                {
                    failures.push(format!("{name}: <{} {attr}=\"{value}\">", tag.name));
                }
            }
            if tag.name == "a" && attr == "href" && !allowed_href(value) {
                failures.push(format!("{name}: <a href=\"{value}\">"));
            }
        }
    }
    for tag in tags(body_of(html, body_tag_start)) {
        if ACTIVE_ELEMENTS.contains(&tag.name.as_str()) {
            failures.push(format!("{name}: <{}> in the article body", tag.name));
        }
    }
    // The text, escaped, in reading order.
    let mut pieces = Vec::new();
    text_pieces(blocks, &mut pieces);
    let mut cursor = body_at;
    for piece in pieces.iter().filter(|p| !p.is_empty()) {
        let escaped = escape_text(piece);
        match html[cursor..].find(&escaped) {
            Some(at) => cursor += at + escaped.len(),
            None => {
                let shown: String = escaped.chars().take(80).collect();
                failures.push(format!(
                    "{name}: text “{shown}” not in the body as escaped text"
                ));
                break;
            }
        }
    }
    failures
}

#[test]
fn the_corpus_has_every_category() {
    let names: Vec<String> = corpus()
        .into_iter()
        .map(|(n, _)| {
            Path::new(&n)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(names.len() >= 30, "{} inputs", names.len());
    for required in [
        "script-tag.md",
        "svg-onload.md",
        "mathml-payload.md",
        "event-attributes.md",
        "javascript-link.md",
        "javascript-link-case.md",
        "javascript-link-whitespace.md",
        "javascript-link-entities.md",
        "nested-links.md",
        "broken-nesting.md",
        "unicode-direction.md",
        "null-bytes.md",
        "huge-attribute.md",
        "huge-line.md",
        "deep-blockquote.md",
        "deep-list.md",
        "data-link.md",
        "vbscript-link.md",
        "image-sources.md",
    ] {
        assert!(names.iter().any(|n| n == required), "{required} missing");
    }
    let huge = corpus()
        .into_iter()
        .find(|(n, _)| n.ends_with("huge-line.md"))
        .unwrap()
        .1;
    assert!(huge.len() >= 1 << 20 && !huge.trim_end().contains('\n'));
}

#[tokio::test]
async fn hostile_markdown_renders_as_inert_escaped_text() {
    let mut failures = Vec::new();
    for (name, text) in corpus() {
        let parsed = parse_markdown(&text);
        let depth = depth_of_blocks(&parsed.blocks);
        if depth > MAX_NESTING {
            failures.push(format!("{name}: tree {depth} levels deep"));
        }
        let html = render(parsed.blocks.clone()).await;
        failures.extend(check_html(&name, &html, &parsed.blocks));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn raw_html_stays_visible_as_text() {
    for (file, expected) in [
        (
            "script-tag.md",
            "&lt;script&gt;window.__pwned = \"script-tag\"&lt;/script&gt;",
        ),
        (
            "img-onerror.md",
            "&lt;img src=x onerror=\"window.__pwned = 'img-onerror'\"&gt;",
        ),
        (
            "svg-onload.md",
            "&lt;svg onload=\"window.__pwned = 'svg-onload'\"&gt;",
        ),
        (
            "entity-encoded-html.md",
            "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
        ),
        (
            "unicode-direction.md",
            "Invoice for \u{202e}gpj.exe\u{202c}",
        ),
        // U+0000 becomes U+FFFD, as CommonMark asks.
        ("null-bytes.md", "Null\u{fffd}byte in text"),
    ] {
        let text = std::fs::read_to_string(Path::new("tests/hostile").join(file)).unwrap();
        let html = render(parse_markdown(&text).blocks).await;
        assert!(
            html.contains(expected),
            "{file}: {expected} not in the page"
        );
    }
}

#[test]
fn unsafe_links_keep_their_words_and_lose_their_address() {
    let text = std::fs::read_to_string("tests/hostile/javascript-link-entities.md").unwrap();
    let parsed = parse_markdown(&text);
    let Block::Paragraph(inlines) = &parsed.blocks[0] else {
        panic!("a paragraph")
    };
    assert!(
        inlines.iter().all(|i| matches!(i, Inline::Text(_))),
        "{inlines:?}"
    );
    let safe = std::fs::read_to_string("tests/hostile/allowed-links.md").unwrap();
    let Block::Paragraph(inlines) = &parse_markdown(&safe).blocks[0] else {
        panic!("a paragraph")
    };
    let hrefs: Vec<&str> = inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Link { href, .. } => Some(href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        hrefs,
        [
            "https://example.com/a?b=c&d=e",
            "http://example.com",
            "mailto:someone@example.com",
            "MAILTO:x@example.com",
            "#article"
        ]
    );
}

#[test]
fn deep_nesting_is_flattened_and_reported_not_a_stack_overflow() {
    for (file, word) in [
        ("deep-blockquote.md", "deep"),
        ("deep-list.md", "deep"),
        ("deep-ordered-list.md", "x"),
        ("deep-emphasis.md", "y"),
        ("deep-mixed.md", "x"),
    ] {
        let text = std::fs::read_to_string(Path::new("tests/hostile").join(file)).unwrap();
        let parsed = parse_markdown(&text);
        assert!(depth_of_blocks(&parsed.blocks) <= MAX_NESTING, "{file}");
        assert_eq!(parsed.problems.len(), 1, "{file}: one report");
        assert!(
            parsed.problems[0]
                .message
                .contains("nests more than 24 levels deep"),
            "{file}"
        );
        // The words survive the flattening.
        let words = marginalia::model::text::blocks_text(&parsed.blocks);
        assert!(
            words.split_whitespace().any(|w| w == word),
            "{file}: {word}"
        );
    }
}

#[test]
fn the_whole_pipeline_refuses_hostile_articles_without_panicking() {
    let seed = Sources::read_dir(Path::new("content/putin-kim-pact")).unwrap();
    for (name, text) in corpus() {
        let mut s = seed.clone();
        s.article.text = format!("{}\n\n{text}", seed.article.text);
        // Either result is fine; every error must point into one of the five files.
        if let Err(errors) = build_article(&s) {
            for e in errors {
                assert!(
                    [&s.meta, &s.article, &s.actors, &s.events, &s.quotes]
                        .iter()
                        .any(|f| f.name == e.file),
                    "{name}: {e}"
                );
            }
        }
    }
}

#[test]
fn the_tag_reader_sees_what_it_must() {
    let t = tags("<a href=\"java&#115;cript:x\" onclick='y'>t</a><!-- <b onx=1> --><p class=x>");
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].attributes[0], ("href".into(), "javascript:x".into()));
    assert_eq!(t[0].attributes[1].0, "onclick");
    assert!(!allowed_href(" javascript:x"));
    assert!(allowed_href("#actor=x"));
}

#[test]
fn the_browser_test_mounts_every_input() {
    let browser = std::fs::read_to_string("tests/hostile_browser.rs").unwrap();
    for (name, _) in corpus() {
        if name.contains("/regressions/") {
            continue;
        }
        let file = Path::new(&name).file_name().unwrap().to_string_lossy();
        assert!(
            browser.contains(&format!("\"{file}\",")),
            "{file} is not listed in tests/hostile_browser.rs"
        );
    }
}

/// Inputs of the `build_article` fuzz target kept as regressions
/// (`tests/hostile/regressions/*.content`: the five files joined with NUL bytes).
#[test]
fn fuzzing_regressions_of_the_whole_pipeline_stay_fixed() {
    let Ok(entries) = std::fs::read_dir("tests/hostile/regressions") else {
        return;
    };
    for path in entries.map(|e| e.unwrap().path()) {
        if path.extension().is_none_or(|x| x != "content") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let mut parts = text.split('\0');
        let mut next = |name: &str| {
            marginalia_content::SourceFile::new(name, parts.next().unwrap_or_default())
        };
        let sources = Sources {
            meta: next("meta.toml"),
            article: next("article.md"),
            actors: next("actors.toml"),
            events: next("events.toml"),
            quotes: next("quotes.toml"),
        };
        // Must return, not panic.
        let _ = build_article(&sources);
    }
}
