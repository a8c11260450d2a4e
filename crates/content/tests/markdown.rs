//! Markdown → tree, as input/expected pairs.

#![cfg(not(target_arch = "wasm32"))]

use marginalia_content::markdown::{parse_markdown, safe_href};
use marginalia_model::{Block, Inline};

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn p(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

#[test]
fn pairs() {
    let cases: Vec<(&str, Vec<Block>)> = vec![
        (
            "plain “curly” text — kept",
            vec![p(vec![t("plain “curly” text — kept")])],
        ),
        ("two\nlines", vec![p(vec![t("two lines")])]),
        ("a\n\nb", vec![p(vec![t("a")]), p(vec![t("b")])]),
        (
            "*em* and **strong**",
            vec![p(vec![
                Inline::Emphasis(vec![t("em")]),
                t(" and "),
                Inline::Strong(vec![t("strong")]),
            ])],
        ),
        (
            "[Moscow](actor:russia)’s",
            vec![p(vec![
                Inline::Mention {
                    actor: "russia".into(),
                    index: 0,
                    content: vec![t("Moscow")],
                },
                t("’s"),
            ])],
        ),
        (
            "[FT](https://ft.com)",
            vec![p(vec![Inline::Link {
                href: "https://ft.com".into(),
                content: vec![t("FT")],
            }])],
        ),
        // Unsafe addresses lose the link, keep the words.
        ("[x](javascript:alert(1))", vec![p(vec![t("x")])]),
        ("[x](JaVaScRiPt:alert(1))", vec![p(vec![t("x")])]),
        ("[x](&#106;avascript:alert(1))", vec![p(vec![t("x")])]),
        ("[x](data:text/html,hi)", vec![p(vec![t("x")])]),
        // Raw HTML is text.
        (
            "a <b onclick=\"x()\">b</b>",
            vec![p(vec![t("a <b onclick=\"x()\">b</b>")])],
        ),
        (
            "<script>alert(1)</script>",
            vec![p(vec![t("<script>alert(1)</script>")])],
        ),
        // Images show their alt text only.
        ("![alt text](https://x/y.png)", vec![p(vec![t("alt text")])]),
        (
            "> quoted",
            vec![Block::Quotation(vec![p(vec![t("quoted")])])],
        ),
        (
            "- one\n- two",
            vec![Block::List {
                ordered: false,
                items: vec![vec![p(vec![t("one")])], vec![p(vec![t("two")])]],
            }],
        ),
        (
            "## Head",
            vec![Block::Heading {
                level: 2,
                content: vec![t("Head")],
            }],
        ),
        ("a  \nb", vec![p(vec![t("a"), Inline::LineBreak, t("b")])]),
        ("`code`", vec![p(vec![Inline::Code("code".into())])]),
        ("---", vec![Block::Rule]),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_markdown(input).blocks, expected, "input: {input:?}");
    }
}

#[test]
fn mention_sites_carry_their_source_range() {
    let parsed = parse_markdown("Hi [Kim](actor:kim).");
    assert_eq!(parsed.mentions.len(), 1);
    assert_eq!(parsed.mentions[0].actor, "kim");
    assert_eq!(parsed.mentions[0].range.start, 3);
}

#[test]
fn only_safe_schemes_pass() {
    assert_eq!(safe_href("https://a.b/c").as_deref(), Some("https://a.b/c"));
    assert_eq!(safe_href("#frag").as_deref(), Some("#frag"));
    assert_eq!(safe_href("MAILTO:x@y").as_deref(), Some("MAILTO:x@y"));
    for bad in [
        "javascript:x",
        " java\tscript:x",
        "vbscript:x",
        "data:x",
        "file:///etc",
        "//evil",
    ] {
        assert_eq!(safe_href(bad), None, "{bad}");
    }
}
