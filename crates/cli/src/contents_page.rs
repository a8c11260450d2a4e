//! The site's contents page: every article with its title, source and date, standfirst and
//! reading time, each linking to its page, under the site's navigation and search. Rendered at
//! build time only (no wasm runs on it).

use crate::site_pages::site_nav::SiteNav;
use marginalia_model::Article;
use yew::prelude::*;

/// What the contents page says of one article.
#[derive(Clone, PartialEq)]
pub struct ContentsEntry {
    pub slug: String,
    pub title: String,
    pub standfirst: Option<String>,
    pub source: String,
    pub source_date: String,
    pub source_date_iso: String,
    pub reading_minutes: u32,
}

impl ContentsEntry {
    pub fn new(slug: &str, article: &Article) -> ContentsEntry {
        let meta = &article.meta;
        ContentsEntry {
            slug: slug.to_string(),
            title: meta.title.clone(),
            standfirst: meta.standfirst.clone(),
            source: meta.source.name.clone(),
            source_date: meta.source.date.long(),
            source_date_iso: meta.source.date.iso(),
            reading_minutes: meta.reading_minutes,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ContentsPageProps {
    pub entries: Vec<ContentsEntry>,
}

#[function_component(ContentsPage)]
pub fn contents_page(props: &ContentsPageProps) -> Html {
    html! {
        <div class="app app--page contents site-page" data-theme="system">
            <SiteNav up="./" />
            <header class="contents__header">
                <h1 class="contents__title">{ "marginalia" }</h1>
                <p class="contents__lead">
                    { "News articles with their actors, timelines and quotes, cross-linked." }
                </p>
            </header>
            <main>
                <h2 class="visually-hidden">{ "Articles" }</h2>
                <ol class="contents__list">
                    { for props.entries.iter().map(|e| html! {
                        <li class="contents__item" key={e.slug.clone()}>
                            <article>
                                <h3 class="contents__headline">
                                    <a href={format!("./{}/", e.slug)}>{ e.title.clone() }</a>
                                </h3>
                                <p class="contents__meta">
                                    { format!("{}, ", e.source) }
                                    <time datetime={e.source_date_iso.clone()}>{ e.source_date.clone() }</time>
                                    { format!(" · {} min read", e.reading_minutes) }
                                </p>
                                if let Some(standfirst) = &e.standfirst {
                                    <p class="contents__standfirst">{ standfirst.clone() }</p>
                                }
                            </article>
                        </li>
                    }) }
                </ol>
            </main>
        </div>
    }
}
