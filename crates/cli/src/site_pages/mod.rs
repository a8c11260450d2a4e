//! The site's own pages, beside the articles: the index of actors (`actors/`), a page per
//! actor (`actors/<id>/`) and the merged timeline (`timeline/`), each a Yew component rendered
//! at build time from the [`crate::site_index::SiteIndex`] (no wasm runs on them), plus the
//! navigation every page of the site carries ([`site_nav`]). Addresses are relative (`up` is
//! the way to the site's root from the page: `../../`) and name `index.html`, so the site works
//! under any sub-path and from disk (`file://` opens no folder's index by itself). Every word
//! comes from the `[site]` section of the catalogues, in the site's language (`content/site.toml`'s
//! `language`); the navigation on an article's page is in that page's language.

pub mod actor_page;
pub mod actors_index;
pub mod search_index;
pub mod site_nav;
pub mod timeline_page;
pub mod write;

/// At most this many articles, quotes or reports in one list of a page (then how many more):
/// an actor named in 10,000 articles keeps a page a reader can load.
pub const MAX_LISTED: usize = 100;

use marginalia_i18n::site::Msg;
use marginalia_i18n::{Lang, Message, Piece};
use yew::prelude::*;

/// "… and 9900 more", when a list was cut.
pub fn more(total: usize, lang: Lang) -> Option<String> {
    (total > MAX_LISTED).then(|| lang.f(Msg::More, &[("n", &(total - MAX_LISTED).to_string())]))
}

/// A message with markup in its placeholders: each `{name}` is `slot(name)`, the rest its
/// text, in the language's order ("{role} — {date}", "{role}（{date}時点）").
pub fn with_slots(lang: Lang, message: impl Message, slot: impl Fn(&str) -> Html) -> Html {
    html! {
        <>
            { for lang.pieces(message).into_iter().map(|piece| match piece {
                Piece::Text(text) => html! { { text } },
                Piece::Slot(name) => slot(name),
            }) }
        </>
    }
}

/// The `lang` of an element whose words are an article's, written in `text` (its language
/// tag), on a page in `page`: none when the page's language is the text's already ("Vladimir
/// Putin’s June 19 visit" is `lang="en"` on a Japanese page, and needs nothing on an English
/// one).
pub fn text_lang(page: Lang, text: &str) -> Option<AttrValue> {
    (Lang::parse(text) != Some(page)).then(|| AttrValue::from(text.to_string()))
}

/// `words`, an article's, in a `<span lang>` when its language `text` is not the page's.
pub fn words_of_text(page: Lang, text: &str, words: String) -> Html {
    match text_lang(page, text) {
        Some(lang) => html! { <span lang={lang}>{ words }</span> },
        None => html! { { words } },
    }
}

/// A site page's `<title>` and description, escaped.
pub fn head_tags(lang: Lang, title: &str, description: &str) -> String {
    let title = lang.f(Msg::HeadTitle, &[("title", title)]);
    [
        format!("<title>{}</title>", crate::page::escape(&title)),
        format!(
            "<meta name=\"description\" content=\"{}\" />",
            crate::page::escape(description)
        ),
    ]
    .join("\n    ")
}

/// An actor's name from a list of (id, name), or its id when it has none.
pub fn name_of(names: &[(String, String)], id: &str) -> String {
    names
        .iter()
        .find(|(i, _)| i == id)
        .map_or(id.to_string(), |(_, n)| n.clone())
}

/// The address of an actor's page from the site's root.
pub fn actor_href(up: &str, id: &str) -> String {
    format!("{up}actors/{id}/index.html")
}

/// The address of an article, opened on one thing (`quote=…`, `event=…`), from the root.
pub fn article_href(up: &str, slug: &str, fragment: Option<(&str, &str)>) -> String {
    match fragment {
        Some((key, id)) => format!("{up}{slug}/index.html#{key}={id}"),
        None => format!("{up}{slug}/index.html"),
    }
}
