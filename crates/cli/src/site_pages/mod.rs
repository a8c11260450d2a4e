//! The site's own pages, beside the articles: the index of actors (`actors/`), a page per
//! actor (`actors/<id>/`) and the merged timeline (`timeline/`), each a Yew component rendered
//! at build time from the [`crate::site_index::SiteIndex`] (no wasm runs on them), plus the
//! navigation every page of the site carries ([`site_nav`]). Addresses are relative (`up` is
//! the way to the site's root from the page: `../../`) and name `index.html`, so the site works
//! under any sub-path and from disk (`file://` opens no folder's index by itself).

pub mod actor_page;
pub mod actors_index;
pub mod search_index;
pub mod site_nav;
pub mod timeline_page;
pub mod write;

/// At most this many articles, quotes or reports in one list of a page (then how many more):
/// an actor named in 10,000 articles keeps a page a reader can load.
pub const MAX_LISTED: usize = 100;

/// "and 9,900 more", when a list was cut.
pub fn more(total: usize) -> Option<String> {
    (total > MAX_LISTED).then(|| format!("… and {} more", total - MAX_LISTED))
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
