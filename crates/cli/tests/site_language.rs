//! The site in the reader's language: `language` in `content/site.toml` puts the contents page,
//! the actors' and timeline pages and every article page in it; an article's `ui_language`
//! puts its own page in another, while its text keeps its own `lang`; a tag that is not one of
//! the interface's languages is refused at its file, line and column.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia_cli::cmd::build::{build_with, BuildError};
use marginalia_content::Drafts;
use marginalia_i18n::{page, site, viewer, Lang};
use std::path::{Path, PathBuf};

/// A folder of its own for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("marginalia-lang-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The real site's two articles and its own file, the file's text passed through `site_toml`,
/// and each article's `meta.toml` through `meta` (slug, text).
fn content(
    dir: &Path,
    site_toml: impl Fn(&str) -> String,
    meta: impl Fn(&str, &str) -> String,
) -> PathBuf {
    let root = common::workspace_root().join("content");
    let content = dir.join("content");
    for slug in ["putin-kim-pact", "us-rok-japan-joint-statement"] {
        let to = content.join(slug);
        std::fs::create_dir_all(&to).unwrap();
        for file in std::fs::read_dir(root.join(slug)).unwrap() {
            let file = file.unwrap();
            let text = std::fs::read_to_string(file.path()).unwrap();
            let text = if file.file_name() == "meta.toml" {
                meta(slug, &text)
            } else {
                text
            };
            std::fs::write(to.join(file.file_name()), text).unwrap();
        }
    }
    let registry = std::fs::read_to_string(root.join("site.toml")).unwrap();
    std::fs::write(content.join("site.toml"), site_toml(&registry)).unwrap();
    content
}

/// Builds `content` into `<dir>/dist` with the stand-in viewer.
fn build(dir: &Path, content: &Path) -> Result<PathBuf, BuildError> {
    common::stand_in_viewer(&dir.join("viewer"));
    let out = dir.join("dist");
    build_with(
        Some(&dir.join("viewer")),
        content,
        &out,
        None,
        Drafts::Refuse,
        false,
    )?;
    Ok(out)
}

fn read(out: &Path, page: &str) -> String {
    std::fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The `lang` of each `<name class="…">` element of the page (none where it has none).
fn langs<'p>(page: &'p str, name: &str, class: &str) -> Vec<Option<&'p str>> {
    page.match_indices(&format!("<{name} "))
        .map(|(at, _)| &page[at..at + page[at..].find('>').unwrap()])
        .filter(|tag| tag.contains(&format!("class=\"{class}\"")))
        .map(|tag| {
            let start = tag.find(" lang=\"")? + " lang=\"".len();
            Some(&tag[start..start + tag[start..].find('"')?])
        })
        .collect()
}

/// The `lang` of the element that holds the article's text (`<article class="article">`).
fn text_lang(page: &str) -> Option<&str> {
    *langs(page, "article", "article").first()?
}

/// The page's `<html lang>`.
fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("<html lang>") + "<html lang=\"".len();
    &page[start..start + page[start..].find('"').unwrap()]
}

#[test]
fn a_japanese_site_writes_its_pages_in_japanese() {
    let dir = temp("ja");
    let content = content(
        &dir,
        |registry| format!("language = \"ja\"\n\n{registry}"),
        |_, meta| meta.to_string(),
    );
    // A site with the studio (`make build` writes it first): the contents page links to it.
    std::fs::create_dir_all(dir.join("dist/studio")).unwrap();
    std::fs::write(dir.join("dist/studio/index.html"), "").unwrap();
    let out = build(&dir, &content).unwrap_or_else(|e| panic!("{e}"));
    let ja = Lang::Ja;
    for page in [
        "index.html",
        "actors/index.html",
        "actors/putin/index.html",
        "timeline/index.html",
        "putin-kim-pact/index.html",
    ] {
        let text = read(&out, page);
        assert_eq!(html_lang(&text), "ja", "{page}");
        // The navigation of every page: 人物・組織, 時系列.
        assert!(text.contains(ja.t(site::Msg::NavActors)), "{page}");
        assert!(text.contains(ja.t(site::Msg::NavTimeline)), "{page}");
        assert!(
            !text.contains(">Actors<") && !text.contains(">Timeline<"),
            "{page}"
        );
    }

    let contents = read(&out, "index.html");
    for words in [
        ja.t(page::Msg::ContentsHeadTitle),
        ja.t(page::Msg::ContentsLead),
        ja.t(page::Msg::ContentsWrite),
        // The search box's words, for search.js.
        ja.t(site::Msg::SearchPlaceholder),
        ja.t(site::Msg::SearchNothing),
        "2024年6月20日",
        "Financial Times、",
        "分で読めます",
    ] {
        assert!(contents.contains(words), "{words} in {contents}");
    }
    assert!(!contents.contains("min read"), "{contents}");

    let actors = read(&out, "actors/index.html");
    for words in [
        ja.t(site::Msg::ActorsTitle),
        ja.t(viewer::Msg::GroupPeople),
        ja.t(viewer::Msg::GroupStates),
        &ja.n(site::Msg::InArticles, 2, &[]),
        &ja.f(
            site::Msg::HeadTitle,
            &[("title", ja.t(site::Msg::ActorsTitle))],
        ),
    ] {
        assert!(actors.contains(words), "{words} in {actors}");
    }
    assert!(!actors.contains("in 2 articles"), "{actors}");

    let putin = read(&out, "actors/putin/index.html");
    for words in [
        ja.t(viewer::Msg::KindPerson),
        ja.t(site::Msg::ActorRolesByArticle),
        ja.t(site::Msg::ActorQuotes),
        ja.t(site::Msg::ActorOnTimeline),
        &ja.n(site::Msg::ActorMentioned, 2, &[]),
        "2024年6月20日",
        "2024年6月19日",
        "記事で読む",
    ] {
        assert!(putin.contains(words), "{words} in {putin}");
    }
    // (The articles' sentences quoted there stay as written: "June 19 visit".)
    assert!(
        !putin.contains("Mentioned in") && !putin.contains("20 June 2024"),
        "{putin}"
    );

    let timeline = read(&out, "timeline/index.html");
    for words in [
        ja.t(site::Msg::TimelineTitle),
        ja.t(site::Msg::TimelineDescription),
        "2024年6月19日",
        // Each report's provenance, in Japanese.
        ja.t(viewer::Msg::ExplainStated),
    ] {
        assert!(timeline.contains(words), "{words} in {timeline}");
    }
    assert!(!timeline.contains("19 June 2024"), "{timeline}");

    // What the pages quote of the articles keeps the articles' language: titles, sentences.
    assert_eq!(
        langs(&contents, "h3", "contents__headline"),
        [Some("en"); 2]
    );
    let sentences = langs(&putin, "blockquote", "site-page__sentence");
    assert!(!sentences.is_empty() && sentences.iter().all(|l| *l == Some("en")));
    assert!(timeline.contains("<span lang=\"en\">The article says “on Wednesday”"));

    // The search index is Japanese too: the documents' details.
    let docs = read(&out, "search/d-0.js");
    assert!(docs.contains("2024年6月20日"), "{docs}");

    // An article page of the Japanese site: its interface in Japanese, its text in English.
    let article = read(&out, "putin-kim-pact/index.html");
    assert!(article.contains(ja.t(viewer::Msg::TabActors)));
    assert_eq!(text_lang(&article), Some("en"), "{article}");
    assert!(article.contains(ja.t(site::Msg::NavRelated)));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_articles_own_interface_language_is_its_pages_and_its_text_keeps_its_own() {
    let dir = temp("ko");
    let content = content(
        &dir,
        |registry| registry.to_string(),
        |slug, meta| {
            if slug == "putin-kim-pact" {
                meta.replacen(
                    "language = \"en\"",
                    "language = \"en\"\nui_language = \"ko\"",
                    1,
                )
            } else {
                meta.to_string()
            }
        },
    );
    let out = build(&dir, &content).unwrap_or_else(|e| panic!("{e}"));
    let ko = Lang::Ko;
    // No studio in this site (the writer's binary writes none): no link to one.
    let contents = read(&out, "index.html");
    assert!(!contents.contains("studio/"), "{contents}");
    assert!(
        !contents.contains(ko.t(page::Msg::ContentsWrite)),
        "{contents}"
    );
    let page = read(&out, "putin-kim-pact/index.html");
    assert_eq!(html_lang(&page), "ko");
    // The panels' words in Korean (인물·기관, 타임라인), dates too.
    for words in [
        ko.t(viewer::Msg::TabActors),
        ko.t(viewer::Msg::TabTimeline),
        ko.t(viewer::Msg::TabQuotes),
        ko.t(site::Msg::NavRelated),
        "2024년 6월 20일",
    ] {
        assert!(page.contains(words), "{words}");
    }
    assert!(!page.contains(">Actors<"), "{page}");
    // The text keeps its language, on the element that holds it.
    assert_eq!(text_lang(&page), Some("en"), "{page}");
    // Its navigation is Korean; the related article's title, English.
    let related = page
        .find("us-rok-japan-joint-statement/index.html")
        .map(|at| &page[page[..at].rfind('<').unwrap()..at + page[at..].find('>').unwrap()]);
    assert!(
        related.is_some_and(|a| a.contains(" lang=\"en\"")),
        "{related:?}"
    );
    // Its description (under a search result) is in Korean too.
    assert!(page.contains("발언 16건"), "{page}");
    // Nothing in the article's data says so: the page carries it.
    let data = std::fs::read_dir(out.join("putin-kim-pact"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|f| f.file_name().to_string_lossy().starts_with("data."))
        .unwrap();
    let bytes = std::fs::read(data.path()).unwrap();
    let same = marginalia_model::data::encode("putin-kim-pact", &common::seed());
    assert!(bytes == same, "the data of the article without ui_language");

    // The rest of the site stays in the site's language, English.
    let other = read(&out, "us-rok-japan-joint-statement/index.html");
    assert_eq!(html_lang(&other), "en");
    assert!(other.contains(">Actors<") || other.contains(Lang::En.t(viewer::Msg::TabActors)));
    for site_page in ["index.html", "actors/index.html", "timeline/index.html"] {
        let text = read(&out, site_page);
        assert_eq!(html_lang(&text), "en", "{site_page}");
        // English words on an English page need no `lang` of their own.
        assert_eq!(text.matches(" lang=\"").count(), 1, "{site_page}");
        assert!(!text.contains(ko.t(site::Msg::NavActors)), "{site_page}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_language_that_is_not_the_interfaces_is_refused_at_its_place() {
    let dir = temp("bad");
    let content_dir = content(
        &dir,
        |registry| format!("language = \"fr\"\n{registry}"),
        |_, meta| meta.to_string(),
    );
    let error = build(&dir, &content_dir).expect_err("refused").text();
    let file = content_dir.join("site.toml");
    assert!(
        error.starts_with(&format!(
            "{}:1:12: the site's language `fr` is not a language of the interface",
            file.display()
        )),
        "{error}"
    );
    assert!(error.contains("write one of en, ja, ko"), "{error}");
    assert!(!dir.join("dist/index.html").exists(), "nothing is written");

    let dir = temp("bad-ui");
    let content_dir = content(
        &dir,
        |registry| registry.to_string(),
        |_, meta| {
            meta.replacen(
                "language = \"en\"",
                "language = \"en\"\nui_language = \"english\"",
                1,
            )
        },
    );
    let error = build(&dir, &content_dir).expect_err("refused").text();
    let meta = content_dir.join("putin-kim-pact/meta.toml");
    let line = std::fs::read_to_string(&meta)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("ui_language"))
        .unwrap()
        + 1;
    assert!(
        error.contains(&format!(
            "{}:{line}:15: ui_language `english` is not a language of the interface",
            meta.display()
        )),
        "{error}"
    );
    std::fs::remove_dir_all(
        dir.parent()
            .unwrap()
            .join(format!("marginalia-lang-bad-{}", std::process::id())),
    )
    .unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}
