//! The page around the viewer: `<head>` tags from the article's metadata (its description in
//! the page's language, from the `[page]` section of the catalogues), and the page itself: the
//! page template (`assets/page.html`, compiled in) filled with them, the prerendered body and
//! the viewer's files ([`render`]). Every page of the site is written here, by this one
//! function. Pure string work, used by [`crate::site`] and tested natively.

use crate::template::Template;
use crate::viewer::{Viewer, STYLESHEET};
use marginalia::dom;
use marginalia_i18n::page::Msg;
use marginalia_i18n::Lang;
use marginalia_model::Article;
use std::sync::LazyLock;

/// The page template: `{{lang}}`, `{{head}}`, the viewer's `{{theme}}`, `{{icon}}`, `{{style}}`
/// and `{{start}}`, then the root element `{{root}}` holding `{{body}}`, then `{{nav}}` (after
/// the viewer: its skip link stays the page's first stop, and its layout is untouched).
pub const TEMPLATE: &str = include_str!("../../../assets/page.html");

static PAGE: LazyLock<Template> = LazyLock::new(|| Template::parse("assets/page.html", TEMPLATE));

/// What follows `{{nav}}`, the template's last slot: every page ends with its navigation, then
/// this. A site built again puts another navigation in an article's page by replacing the bytes
/// before it ([`crate::build_cache::PageState`]).
pub static AFTER_NAV: LazyLock<&'static str> = LazyLock::new(|| {
    let (_, tail) = TEMPLATE
        .rsplit_once("{{nav}}")
        .expect("the page template has a {{nav}} slot");
    // {{nav}} must be the template's last slot.
    assert!(!tail.contains("{{"));
    tail
});

/// How a page starts the viewer, if it does.
#[derive(Clone, Copy, Debug)]
pub enum Start<'a> {
    /// An article's page: the site's start script (`init.js`), which loads the shared wasm.
    Page,
    /// The single file: the stylesheet, the scripts, the wasm and the article's `data` inside,
    /// so that it works opened from disk.
    Single { data: &'a [u8] },
    /// No viewer: the contents page and the site's other pages (the stylesheet and the theme
    /// switch only).
    Plain,
}

/// A page of the site, for [`render`].
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    /// The page's language (`<html lang>`), as text.
    pub lang: &'a str,
    /// The `<head>` tags (title, description, …), as HTML.
    pub head: &'a str,
    /// HTML after the root element (the site's navigation), or nothing.
    pub nav: &'a str,
    /// The root element's id: [`dom::PAGE_ROOT_ID`] where a viewer starts.
    pub root: &'a str,
    /// The prerendered content, as HTML.
    pub body: &'a str,
    /// How many folders below the site's root the page is: the viewer's files are addressed
    /// from there (`../` for an article), so the site works at `/` and under any sub-path.
    pub depth: usize,
    pub start: Start<'a>,
}

/// The page: the page template filled with `page` and the viewer's files.
pub fn render(page: &Page, viewer: &Viewer) -> Result<String, String> {
    let up = if page.depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(page.depth)
    };
    let lang = escape(page.lang);
    let (theme, icon, style, start) = match page.start {
        Start::Single { data } => {
            use base64::Engine;
            // Opened from disk, it can load nothing: every language's words are inside.
            let words: Vec<String> = viewer.all_words().map(words_script).collect();
            let data = base64::engine::general_purpose::STANDARD.encode(data);
            let island = |id: &str, base64: &str| {
                format!("<script type=\"application/octet-stream\" id=\"{id}\">{base64}</script>")
            };
            (
                format!("<script>\n{}</script>", viewer.theme_script()),
                String::new(),
                format!("<style>\n{}</style>", viewer.stylesheet()),
                [
                    words.join("\n    "),
                    island(dom::DATA_ISLAND_ID, &data),
                    island(dom::WASM_ISLAND_ID, viewer.wasm_base64()),
                    format!(
                        "<script type=\"module\">\n{}</script>",
                        viewer.single_script()
                    ),
                ]
                .join("\n    "),
            )
        }
        Start::Page | Start::Plain => (
            format!("<script src=\"{up}theme.js\"></script>"),
            format!("<link rel=\"icon\" href=\"{up}{}\" />", viewer.favicon()),
            format!("<link rel=\"stylesheet\" href=\"{up}{STYLESHEET}\" />"),
            match page.start {
                Start::Page => {
                    // Where the viewer finds another language's words (`?lang=`), and the
                    // page's own when not English (the wasm has English built in).
                    let own = Lang::parse(page.lang)
                        .and_then(|l| viewer.words(l))
                        .map(words_script)
                        .unwrap_or_default();
                    format!(
                        "<meta name=\"{}\" content=\"{}\" />\n    {own}{}",
                        dom::WORDS_META,
                        escape(&viewer.words_address(&up)),
                        module_script(&format!("src=\"{up}init.js\" async"))
                    )
                }
                _ => String::new(),
            },
        ),
    };
    PAGE.fill_all(&[
        ("lang", &lang),
        ("head", page.head),
        ("theme", &theme),
        ("icon", &icon),
        ("style", &style),
        ("start", &start),
        ("nav", page.nav),
        ("root", page.root),
        ("body", page.body),
    ])
}

/// A language's words inline (no message has a `<`, so the file cannot end the script).
fn words_script(file: &str) -> String {
    format!(
        "<script type=\"text/plain\" {}>{file}</script>\n    ",
        dom::WORDS_ATTRIBUTE
    )
}

/// A `<script type="module">` with `attributes` besides.
fn module_script(attributes: &str) -> String {
    format!("<script type=\"module\" {attributes}></script>")
}

/// The `<link>` that names an article's data file (`data_name`, beside the page) for the start
/// script, which fetches it after the first paint, with the wasm ([`dom::DATA_LINK`]).
pub fn data_link(data_name: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/octet-stream\" href=\"./{}\" {} />",
        escape(data_name),
        dom::DATA_LINK_ATTRIBUTE
    )
}

/// Escapes text for an HTML attribute value or text node.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A one-sentence description of the page, in the page's language `lang`.
pub fn description(article: &Article, lang: Lang) -> String {
    let meta = &article.meta;
    let count = |message, n: usize| lang.n(message, n, &[]);
    lang.f(
        Msg::ArticleDescription,
        &[
            ("title", &meta.title),
            ("source", &meta.source.name),
            ("date", &meta.source.date.written(lang)),
            (
                "actors",
                &count(Msg::ArticleDescriptionActors, article.actors.len()),
            ),
            (
                "events",
                &count(Msg::ArticleDescriptionEvents, article.events.len()),
            ),
            (
                "quotes",
                &count(Msg::ArticleDescriptionQuotes, article.quotes.len()),
            ),
        ],
    )
}

/// Title, description (in the page's language `lang`), canonical link, Open Graph and Twitter
/// card tags.
pub fn head_tags(article: &Article, site_url: Option<&str>, lang: Lang) -> String {
    let title = escape(&article.meta.title);
    let desc = escape(&description(article, lang));
    let mut tags = vec![
        format!("<title>{title}</title>"),
        format!("<meta name=\"description\" content=\"{desc}\" />"),
        "<meta property=\"og:type\" content=\"article\" />".to_string(),
        format!("<meta property=\"og:title\" content=\"{title}\" />"),
        format!("<meta property=\"og:description\" content=\"{desc}\" />"),
        format!(
            "<meta property=\"og:site_name\" content=\"{}\" />",
            escape(&format!("marginalia · {}", article.meta.source.name))
        ),
        format!(
            "<meta property=\"article:published_time\" content=\"{}\" />",
            article.meta.source.date.iso()
        ),
        "<meta name=\"twitter:card\" content=\"summary\" />".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{title}\" />"),
        format!("<meta name=\"twitter:description\" content=\"{desc}\" />"),
    ];
    if let Some(url) = site_url {
        let url = escape(url);
        tags.push(format!("<link rel=\"canonical\" href=\"{url}\" />"));
        tags.push(format!("<meta property=\"og:url\" content=\"{url}\" />"));
    }
    tags.join("\n    ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_tags_are_escaped_and_complete() {
        let mut article = crate::seed_for_tests();
        article.meta.title = "A \"quoted\" <title> & more".into();
        let head = head_tags(&article, Some("https://example.org/sub/"), Lang::En);
        assert!(head.contains("<title>A &quot;quoted&quot; &lt;title&gt; &amp; more</title>"));
        for needle in [
            "name=\"description\"",
            "property=\"og:title\"",
            "property=\"og:description\"",
            "name=\"twitter:card\"",
            "<link rel=\"canonical\" href=\"https://example.org/sub/\" />",
        ] {
            assert!(head.contains(needle), "{needle}");
        }
        assert!(!head_tags(&article, None, Lang::En).contains("canonical"));
    }

    /// A viewer opened from a stand-in of its build (the real scripts, unminified).
    fn viewer() -> Viewer {
        // A folder of its own for each call: tests run in parallel, and each removes its folder.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "marginalia-page-test-{}-{call}",
            std::process::id()
        ));
        crate::viewer::tests::viewer_folder(&dir);
        let viewer = Viewer::open(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        viewer
    }

    fn article_page<'a>(start: Start<'a>) -> Page<'a> {
        Page {
            lang: "pt-BR\"",
            head: "<title>t</title>",
            nav: "<nav>site</nav>",
            root: dom::PAGE_ROOT_ID,
            body: "<p>text</p>",
            depth: 1,
            start,
        }
    }

    #[test]
    fn an_article_page_starts_the_shared_viewer_from_its_folder() {
        let viewer = viewer();
        let page = render(&article_page(Start::Page), &viewer).unwrap();
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"pt-BR&quot;\">"),
            "{page}"
        );
        for needle in [
            "<title>t</title>\n    <script src=\"../theme.js\"></script>",
            &format!("<link rel=\"icon\" href=\"../{}\" />", viewer.favicon()),
            "<link rel=\"stylesheet\" href=\"../marginalia.css\" />",
            "<script type=\"module\" src=\"../init.js\" async></script>\n  </head>",
            "<body>\n    <div id=\"marginalia\"><p>text</p></div><nav>site</nav>\n  </body>",
        ] {
            assert!(page.contains(needle), "{needle}\n{page}");
        }
        // The navigation ends the page, before the template's constant tail.
        assert!(page.ends_with(&format!("<nav>site</nav>{}", *AFTER_NAV)));
        let deeper = render(
            &Page {
                depth: 3,
                ..article_page(Start::Page)
            },
            &viewer,
        )
        .unwrap();
        assert!(deeper.contains("src=\"../../../init.js\""));
        let top = render(
            &Page {
                depth: 0,
                ..article_page(Start::Page)
            },
            &viewer,
        )
        .unwrap();
        assert!(top.contains("src=\"./init.js\""));
    }

    #[test]
    fn a_plain_page_starts_no_viewer() {
        let viewer = viewer();
        let plain = Page {
            root: dom::SITE_ROOT_ID,
            ..article_page(Start::Plain)
        };
        let page = render(&plain, &viewer).unwrap();
        assert!(
            !page.contains("init.js") && !page.contains("type=\"module\""),
            "{page}"
        );
        assert!(page.contains("href=\"../marginalia.css\""));
        assert!(page.contains(&format!(
            "<div id=\"{}\"><p>text</p></div>",
            dom::SITE_ROOT_ID
        )));
    }

    #[test]
    fn the_single_file_carries_everything_inside() {
        let viewer = viewer();
        let single = Page {
            nav: "",
            depth: 0,
            ..article_page(Start::Single { data: b"MARGNLIA" })
        };
        let page = render(&single, &viewer).unwrap();
        assert!(
            !page.contains(" src=") && !page.contains(" href="),
            "nothing to fetch: {page}"
        );
        for needle in [
            "<script>\n// Runs before the first paint",
            "<style>\n.app{color:red}</style>",
            "<script type=\"application/octet-stream\" id=\"marginalia-data\">TUFSR05MSUE=</script>",
            "<script type=\"application/octet-stream\" id=\"marginalia-wasm\">AGFzbQ==</script>",
            "<script type=\"module\">\n",
            "document.getElementById(\"marginalia-wasm\")",
        ] {
            assert!(page.contains(needle), "{needle}\n{page}");
        }
    }

    #[test]
    fn the_page_template_has_the_slots_render_fills() {
        let template = Template::parse("assets/page.html", TEMPLATE);
        assert_eq!(
            template.slots(),
            ["lang", "head", "theme", "icon", "style", "start", "root", "body", "nav"]
        );
    }

    #[test]
    fn the_description_counts_the_annotations() {
        let d = description(&crate::seed_for_tests(), Lang::En);
        assert!(d.contains("from Financial Times, 20 June 2024"), "{d}");
        let mut other = crate::seed_for_tests();
        other.meta.source.name = "The Dunmore Courier".into();
        assert!(description(&other, Lang::En).contains("from The Dunmore Courier,"));
        assert!(
            d.contains("with its 23 actors, a timeline of 11 dated events and 16 quotes"),
            "{d}"
        );
        let ja = description(&crate::seed_for_tests(), Lang::Ja);
        assert!(
            ja.contains("Financial Times（2024年6月20日）") && ja.contains("発言16件"),
            "{ja}"
        );
        let ko = description(&crate::seed_for_tests(), Lang::Ko);
        assert!(
            ko.contains("2024년 6월 20일") && ko.contains("발언 16건"),
            "{ko}"
        );
    }
}
