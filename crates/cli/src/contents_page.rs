//! The site's contents page: every article with its title, source and date, standfirst and
//! reading time, each linking to its page, under the site's navigation and search. Rendered at
//! build time only (no wasm runs on it), in the site's language (the `[page]` section of the
//! catalogues).

use crate::page::escape;
use crate::site_pages::site_nav::SiteNav;
use crate::site_pages::{text_lang, with_slots};
use marginalia_i18n::page::Msg;
use marginalia_i18n::Lang;
use marginalia_model::Article;
use yew::prelude::*;

/// What the contents page says of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct ContentsEntry {
    pub slug: String,
    pub title: String,
    pub standfirst: Option<String>,
    /// The language of the article's text (its title's and standfirst's).
    pub lang: String,
    pub source: String,
    pub source_date: String,
    pub source_date_iso: String,
    pub reading_minutes: u32,
}

impl ContentsEntry {
    /// The entry of `article`, its date written in `lang`.
    pub fn new(slug: &str, article: &Article, lang: Lang) -> ContentsEntry {
        let meta = &article.meta;
        ContentsEntry {
            slug: slug.to_string(),
            title: meta.title.clone(),
            standfirst: meta.standfirst.clone(),
            lang: meta.language.clone(),
            source: meta.source.name.clone(),
            source_date: meta.source.date.written(lang),
            source_date_iso: meta.source.date.iso(),
            reading_minutes: meta.reading_minutes,
        }
    }
}

/// The contents page's `<title>` and description, in `lang`.
pub fn head_tags(lang: Lang) -> String {
    [
        format!("<title>{}</title>", escape(lang.t(Msg::ContentsHeadTitle))),
        format!(
            "<meta name=\"description\" content=\"{}\" />",
            escape(lang.t(Msg::ContentsLead))
        ),
    ]
    .join("\n    ")
}

#[derive(Properties, PartialEq)]
pub struct ContentsPageProps {
    /// This page's articles.
    pub entries: Vec<ContentsEntry>,
    /// The way to the site's root (`./` on the first page, `../../` on `page/<n>/`).
    #[prop_or(String::from("./"))]
    pub up: String,
    /// This page's number and how many there are, from 1.
    #[prop_or(1)]
    pub page: usize,
    #[prop_or(1)]
    pub pages: usize,
    /// The site's language.
    #[prop_or_default]
    pub lang: Lang,
    /// Whether the site has the studio (`studio/`, which `make build` writes and the writer's
    /// binary does not): its link, "Write an article", is given only then.
    #[prop_or_default]
    pub studio: bool,
}

/// Where page `n` (from 1) of a list in pages is written: `folder/index.html`, `depth` folders
/// down from the site's root, for the first; `folder/page/<n>/index.html`, two further down
/// (its folder made), for the others. The contents and the timeline are written so.
pub fn page_file(
    folder: &std::path::Path,
    depth: usize,
    n: usize,
) -> std::io::Result<(std::path::PathBuf, usize)> {
    if n <= 1 {
        return Ok((folder.join("index.html"), depth));
    }
    let there = folder.join("page").join(n.to_string());
    std::fs::create_dir_all(&there)?;
    Ok((there.join("index.html"), depth + 2))
}

/// The address of contents page `n` (from 1), from the root: `index.html`, `page/2/index.html`
/// (from any folder `up` leads to: the timeline's pages are addressed so too).
pub fn page_href(up: &str, n: usize) -> String {
    if n <= 1 {
        format!("{up}index.html")
    } else {
        format!("{up}page/{n}/index.html")
    }
}

/// The words of a [`pager`]: its name, and its links to the page before and after.
pub struct PagerWords<'a> {
    pub name: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

/// Links to every page of a list in pages (crawlable: plain links), the current one marked:
/// page `page` of `pages`, page `n`'s address `href(n)`. The contents and the timeline use it.
pub fn pager(href: impl Fn(usize) -> String, page: usize, pages: usize, words: PagerWords) -> Html {
    if pages <= 1 {
        return html! {};
    }
    html! {
        <nav class="contents__pager" aria-label={words.name.to_string()}>
            if page > 1 {
                <a rel="prev" href={href(page - 1)}>{ words.before }</a>
            }
            <ol>
                { for (1..=pages).map(|n| html! {
                    <li key={n}>
                        if n == page {
                            <a href={href(n)} aria-current="page">{ n }</a>
                        } else {
                            <a href={href(n)}>{ n }</a>
                        }
                    </li>
                }) }
            </ol>
            if page < pages {
                <a rel="next" href={href(page + 1)}>{ words.after }</a>
            }
        </nav>
    }
}

#[function_component(ContentsPage)]
pub fn contents_page(props: &ContentsPageProps) -> Html {
    let (up, lang) = (&props.up, props.lang);
    let site = "marginalia";
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up={up.clone()} {lang} />
            <header class="contents__header">
                <h1 class="contents__title">
                    if props.page > 1 {
                        { lang.f(Msg::ContentsTitlePage, &[("site", site), ("n", &props.page.to_string())]) }
                    } else {
                        { site }
                    }
                </h1>
                <p class="contents__lead">{ lang.t(Msg::ContentsLead) }</p>
                if props.studio {
                    <p class="contents__lead"><a href={format!("{up}studio/")}>{ lang.t(Msg::ContentsWrite) }</a></p>
                }
            </header>
            <main>
                <h2 class="visually-hidden">{ lang.t(Msg::ContentsArticles) }</h2>
                <ol class="contents__list">
                    { for props.entries.iter().map(|e| html! {
                        <li class="contents__item" key={e.slug.clone()}>
                            <article>
                                <h3 class="contents__headline" lang={text_lang(lang, &e.lang)}>
                                    <a href={format!("{up}{}/", e.slug)}>{ e.title.clone() }</a>
                                </h3>
                                <p class="contents__meta">
                                    { with_slots(lang, Msg::ContentsMeta, |slot| match slot {
                                        "source" => html! { { e.source.clone() } },
                                        "date" => html! {
                                            <time datetime={e.source_date_iso.clone()}>{ e.source_date.clone() }</time>
                                        },
                                        _ => html! {
                                            { lang.f(Msg::ContentsMinRead, &[("n", &e.reading_minutes.to_string())]) }
                                        },
                                    }) }
                                </p>
                                if let Some(standfirst) = &e.standfirst {
                                    <p class="contents__standfirst" lang={text_lang(lang, &e.lang)}>{ standfirst.clone() }</p>
                                }
                            </article>
                        </li>
                    }) }
                </ol>
                { pager(|n| page_href(up, n), props.page, props.pages, PagerWords {
                    name: lang.t(Msg::ContentsPages),
                    before: lang.t(Msg::ContentsNewer),
                    after: lang.t(Msg::ContentsOlder),
                }) }
            </main>
        </div>
    }
}
