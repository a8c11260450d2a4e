//! Large input: a synthetic article 100 times the seed passes the checks; 1000 times the seed
//! is refused by the size limits (`content::limits`) with errors naming each file and limit.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia_cli::cmd::generate::synthetic;
use marginalia_content::limits::*;
use marginalia_content::{build_article, report, SourceFile, Sources};
use std::process::Command;

fn seed() -> Sources {
    Sources::read_dir(&common::workspace_root().join("content/putin-kim-pact"))
        .expect("seed readable")
}

#[test]
fn a_hundred_times_the_seed_passes() {
    let big = synthetic::synthesize(&seed(), 100).unwrap();
    assert!(big.article.text.len() > 100 * seed().article.text.len());
    assert!(big.article.text.len() < MAX_ARTICLE_BYTES);
    let a = build_article(&big).unwrap_or_else(|e| panic!("{}", report(&e[..e.len().min(5)])));
    assert_eq!(
        (
            a.actors.len(),
            a.events.len(),
            a.quotes.len(),
            a.blocks.len()
        ),
        (2300, 1100, 1600, 1700)
    );
    // Copies are distinct: copy 100's quote is marked in copy 100's text.
    let q = a.quote("kim-sacred-fight-100").unwrap();
    assert_eq!(q.text, "{100} sacred fight");
    assert_eq!(q.speakers, ["kim-100"]);
}

#[test]
fn a_thousand_times_the_seed_is_refused_naming_each_file_and_limit() {
    let huge = synthetic::synthesize(&seed(), 1000).unwrap();
    let errors = build_article(&huge).expect_err("over the limits");
    let report = report(&errors);
    let article_bytes = huge.article.text.len();
    assert!(
        report.contains(&format!(
            "article.md:1:1: article.md is {article_bytes} bytes ({:.1} MiB), over the limit of {MAX_ARTICLE_BYTES} bytes (2 MiB) for one file",
            article_bytes as f64 / 1048576.0
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!("actors.toml is {} bytes", huge.actors.text.len()))
            && report.contains(&format!("over the limit of {MAX_TOML_BYTES} bytes (4 MiB)")),
        "{report}"
    );
    assert!(
        report.contains(
            "hint: split the article in two, or raise content::limits::MAX_ARTICLE_BYTES"
        ),
        "{report}"
    );
}

#[test]
fn too_many_actors_are_refused_at_the_first_one_too_many() {
    let mut s = seed();
    let mut actors = String::new();
    for i in 0..=MAX_ACTORS {
        actors.push_str(&format!(
            "[[actor]]\nid = \"a{i}\"\nname = \"A\"\nkind = \"person\"\nrole = \"r\"\ndescription = \"d\"\n"
        ));
    }
    assert!(actors.len() < MAX_TOML_BYTES);
    s.actors = SourceFile::new("actors.toml", actors);
    let report = report(&build_article(&s).expect_err("too many actors"));
    let line = 1 + 6 * MAX_ACTORS + 1;
    assert_eq!(
        report,
        format!(
            "actors.toml:{line}:6: actors.toml defines {} actors, over the limit of {MAX_ACTORS}; this is the first one too many\n  hint: split the article in two, or raise content::limits::MAX_ACTORS if the viewer must hold more",
            MAX_ACTORS + 1
        )
    );
}

#[test]
fn the_generator_writes_a_folder_the_checker_accepts() {
    let out = std::env::temp_dir().join(format!("marginalia-synthetic-{}", std::process::id()));
    let generated = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(["generate", "--times", "3", "--out"])
        .arg(&out)
        .current_dir(common::workspace_root())
        .output()
        .unwrap();
    assert!(generated.status.success(), "{generated:?}");
    let checked = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("check")
        .arg(&out)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&out);
    assert_eq!(
        String::from_utf8_lossy(&checked.stdout),
        "ok: 69 actors, 33 events, 48 quotes\n"
    );
    assert!(checked.status.success());
}

/// The text of some HTML, its tags left out and the server's escapes read back.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn a_long_article_page_sends_its_sections_after_the_first_its_hidden_panels_and_dossier_inside_noscript(
) {
    use marginalia::model::text::{leaf_texts, sections};
    let long = synthetic::synthesize(&seed(), 10).unwrap();
    let article = build_article(&long).unwrap();
    let expected = sections(&article.blocks);
    assert!(expected.len() >= 3, "{expected:?}");
    let page = marginalia_cli::render::article_page(&article, Default::default(), &[]);
    // The text's sections; then the three hidden panels and the print dossier, sent inert too.
    let start = page.find("<div class=\"article__body\">").unwrap();
    let body = &page[start..page.find("</article>").unwrap()];
    assert_eq!(
        page.matches("<noscript data-section=\"\">").count(),
        expected.len() - 1 + 3 + 1
    );
    let dossier = page.find("<section class=\"dossier\">").unwrap();
    assert!(page[..dossier].ends_with("<noscript data-section=\"\">"));
    let parts: Vec<&str> = body.split("<noscript data-section=\"\">").collect();
    assert_eq!(
        parts.len(),
        expected.len(),
        "one <noscript> a section but the first"
    );
    for (i, (part, range)) in parts.iter().zip(&expected).enumerate() {
        // A section's own markup: up to its </noscript> (the first: up to the second section).
        let own = match i {
            0 => *part,
            _ => {
                part.split_once("</noscript>")
                    .expect("each section is closed")
                    .0
            }
        };
        assert!(!own.contains("<noscript"), "section {i} holds another");
        let text = text_of(own);
        let mut rest = text.as_str();
        for leaf in leaf_texts(&article.blocks[range.clone()]) {
            let at = rest
                .find(&leaf)
                .unwrap_or_else(|| panic!("section {i} lacks, in order: {leaf:?}"));
            rest = &rest[at + leaf.len()..];
        }
    }
    // Blocks are whole: each section's markup starts with a block's tag.
    for part in &parts[1..] {
        assert!([
            "<p>",
            "<h2>",
            "<h3>",
            "<ul>",
            "<ol>",
            "<blockquote>",
            "<hr>"
        ]
        .iter()
        .any(|tag| part.starts_with(tag)));
    }
}
