//! Writes the site's own pages from its index: `actors/index.html`, `actors/<id>/index.html`
//! for every actor, the timeline (`timeline/index.html`, then `timeline/page/<n>/`) and the
//! search's files. Pages of actors no article names any more are removed, so a rebuilt site
//! lists what its articles say. All in the site's language.
//!
//! A site built again renders only what changed: each page's inputs (what its props are made
//! of: the actor cut to what its page shows, the timeline's entries with the reports a page
//! lists) are stamped ([`crate::build_cache::stamp_debug`]) and compared with the last build's
//! stamps ([`PageStamps`]); a page stamped as before, and still there, is neither rendered nor
//! written. The search's word shards are made every time (from every word's documents,
//! [`search_index::article_postings`], found while the index was made) and
//! written only where their text's stamp changed; a file of documents is stamped by what its
//! documents are made of (an actor's shown fields, an article's sources as the build's cache
//! stamps them), and made only when that changed.

use super::actor_page::{ActorPage, ActorPageProps};
use super::actors_index::{ActorsIndex, ActorsIndexProps};
use super::head_tags;
use super::search_index;
use super::timeline_page::{TimelinePage, TimelinePageProps, ENTRIES_PER_PAGE, REPORTS_LISTED};
use super::MAX_LISTED;
use crate::build_cache::{stamp_debug, PageStamps};
use crate::render::static_component;
use crate::site::{static_page, SitePages};
use crate::site_index::{SiteActor, SiteIndex, TimelineEntry};
use marginalia_i18n::site::Msg;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The search box's script (a real file, linted with the project's JavaScript).
const SEARCH_SCRIPT: &str = include_str!("search.js");

/// The pages, and the search's files from every document: the actors' (from `index`) and the
/// articles' own, made already (`article_postings`, on threads of their own while the index
/// and the pages were made: [`search_index::article_postings`]).
pub fn write_pages<'i, 'a: 'i>(
    site: &SitePages,
    index: &'i SiteIndex,
    article_postings: impl FnOnce() -> search_index::ArticlePostings<'a>,
    stamps: &mut PageStamps,
) -> io::Result<Vec<PathBuf>> {
    let (viewer, out, lang) = (site.viewer, site.out, site.lang);
    let names: Vec<(String, String)> = index
        .actors
        .values()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
    let mut clock = crate::site::Laps::new();
    let mut written = Vec::new();
    let actors_dir = out.join("actors");
    fs::create_dir_all(&actors_dir)?;
    for old in fs::read_dir(&actors_dir)? {
        let old = old?;
        let id = old.file_name().to_string_lossy().into_owned();
        if old.file_type()?.is_dir() && !index.actors.contains_key(&id) {
            fs::remove_dir_all(old.path())?;
        }
    }
    let listed: Vec<SiteActor> = index.actors.values().map(|a| a.listed(0)).collect();
    let stamp = stamp_debug(&listed);
    written.push(site.write_unless_unchanged(
        stamps,
        &actors_dir.join("index.html"),
        stamp,
        || {
            let body = static_component::<ActorsIndex>(ActorsIndexProps {
                actors: listed,
                lang,
            });
            let head = head_tags(
                lang,
                lang.t(Msg::ActorsTitle),
                lang.t(Msg::ActorsDescription),
            );
            static_page(viewer, 1, &head, &body, lang)
        },
    )?);
    for actor in index.actors.values() {
        // What the page shows: the first entries of each list, and of each event's reports.
        let actor = actor.listed(MAX_LISTED);
        let events: Vec<TimelineEntry> = actor
            .events
            .iter()
            .map(|&n| {
                let entry = &index.timeline[n];
                TimelineEntry {
                    reports: entry.reports[..entry.reports.len().min(MAX_LISTED)].to_vec(),
                    ..entry.clone_without_reports()
                }
            })
            .collect();
        // The names it shows are those of the actors it is related to.
        let stamp = stamp_debug(&(&actor, &events, &names));
        let folder = actors_dir.join(&actor.id);
        fs::create_dir_all(&folder)?;
        written.push(site.write_unless_unchanged(
            stamps,
            &folder.join("index.html"),
            stamp,
            || {
                let lead = lang.f(Msg::ActorDescription, &[("name", &actor.name)]);
                let head =
                    [head_tags(lang, &actor.name, &lead), actor_json_ld(&actor)].join("\n    ");
                let body = static_component::<ActorPage>(ActorPageProps {
                    actor,
                    events,
                    names: names.clone(),
                    lang,
                });
                static_page(viewer, 2, &head, &body, lang)
            },
        )?);
    }
    clock.lap("actor-pages");
    // The timeline, in pages; pages of a longer timeline before go.
    let folder = out.join("timeline");
    fs::create_dir_all(&folder)?;
    let total = index.timeline.len();
    let pages = total.div_ceil(ENTRIES_PER_PAGE).max(1);
    crate::site::remove_pages_beyond(&folder.join("page"), pages)?;
    for page in 1..=pages {
        let first = (page - 1) * ENTRIES_PER_PAGE;
        let on_page = &index.timeline[first..total.min(first + ENTRIES_PER_PAGE)];
        // Each entry with the reports the page lists, and how many it has in all.
        let entries: Vec<TimelineEntry> = on_page
            .iter()
            .map(|entry| TimelineEntry {
                reports: entry.reports[..entry.reports.len().min(REPORTS_LISTED)].to_vec(),
                ..entry.clone_without_reports()
            })
            .collect();
        let reports_total: Vec<usize> = index.reports_total[first..first + on_page.len()].to_vec();
        let (path, depth) = crate::contents_page::page_file(&folder, 1, page)?;
        let stamp = stamp_debug(&(&entries, &reports_total, total, page, pages, depth, &names));
        written.push(site.write_unless_unchanged(stamps, &path, stamp, || {
            let body = static_component::<TimelinePage>(TimelinePageProps {
                entries,
                reports_total,
                first: first + 1,
                total,
                page,
                pages,
                up: "../".repeat(depth),
                names: names.clone(),
                lang,
            });
            let title = if page == 1 {
                lang.t(Msg::TimelineTitle).to_string()
            } else {
                lang.f(Msg::TimelineTitlePage, &[("n", &page.to_string())])
            };
            let head = head_tags(lang, &title, lang.t(Msg::TimelineDescription));
            static_page(viewer, depth, &head, &body, lang)
        })?);
    }
    clock.lap("timeline-pages");
    // The search: its script and its index, one file per first character, and the files of
    // documents, each made only when what its documents are made of changed.
    let (docs, shards) = search_index::search_files(index, article_postings());
    clock.lap("search-index");
    // The word shards' first characters (`a.js`), for search.js to ask for no shard not written.
    let keys: String = shards
        .keys()
        .filter_map(|name| name.strip_suffix(".js"))
        .collect();
    write_if_changed(
        &out.join("search.js"),
        SEARCH_SCRIPT
            .replacen("__MARGINALIA_SHARDS__", &keys, 1)
            .replacen(
                "__MARGINALIA_DOCS_PER_FILE__",
                &search_index::DOCS_PER_FILE.to_string(),
                1,
            )
            .as_bytes(),
    )?;
    // Only the files that changed are written, and those of an earlier index go.
    let search = out.join("search");
    fs::create_dir_all(&search)?;
    let doc_files = docs.len().div_ceil(search_index::DOCS_PER_FILE);
    for old in fs::read_dir(&search)? {
        let name = old?.file_name().to_string_lossy().into_owned();
        let of_docs = name
            .strip_prefix("d-")
            .and_then(|rest| rest.strip_suffix(".js"))
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n < doc_files && search_index::docs_file_name(n) == name);
        if !shards.contains_key(&name) && !of_docs {
            fs::remove_file(search.join(name))?;
        }
    }
    for (name, script) in shards {
        let path = search.join(name);
        if !stamps.unchanged(out, &path, crate::build_cache::stamp(&script)) {
            fs::write(&path, script)?;
        }
    }
    for (n, part) in docs.chunks(search_index::DOCS_PER_FILE).enumerate() {
        let path = search.join(search_index::docs_file_name(n));
        let made = |part: &[search_index::Indexed]| {
            let shown: Vec<_> = part.iter().map(|d| d.shown(lang)).collect();
            search_index::docs_file(n, &shown)
        };
        // Stamped by what its documents are made of; else (no cache) by its text.
        match search_index::file_stamp(n, part, lang) {
            Some(stamp) => {
                if !stamps.unchanged(out, &path, stamp) {
                    fs::write(&path, made(part))?;
                }
            }
            None => {
                let script = made(part);
                if !stamps.unchanged(out, &path, crate::build_cache::stamp(&script)) {
                    fs::write(&path, script)?;
                }
            }
        }
    }
    // Every document's words (a few million strings at 10,000 articles): left to the exit.
    crate::site::leave_to_exit(docs);
    Ok(written)
}

/// Writes `bytes` to `path` unless the file holds them already (a site built again rewrites
/// only what changed).
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::read(path).ok().as_deref() != Some(bytes) {
        fs::write(path, bytes)?;
    }
    Ok(())
}

/// The actor as schema.org JSON-LD (`Person`, `Country`, `Organization`,
/// `NewsMediaOrganization`), with the articles that mention it as `subjectOf` (those of its
/// page: given [`SiteActor::listed`], the first hundred). Inert data,
/// with `<`, `>` and `&` escaped as in the article pages.
pub fn actor_json_ld(actor: &crate::site_index::SiteActor) -> String {
    let kind = crate::json_ld::schema_type(actor.kind);
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": kind,
        "name": actor.name,
        "subjectOf": actor.mentions.iter().map(|m| serde_json::json!({
            "@type": "NewsArticle",
            "headline": m.title,
            "url": format!("../../{}/", m.slug),
        })).collect::<Vec<_>>(),
    });
    if !actor.aliases.is_empty() {
        data["alternateName"] = serde_json::json!(actor.aliases);
    }
    if let Some(item) = &actor.wikidata {
        data["sameAs"] = item.as_str().into();
    }
    if !actor.description.is_empty() {
        data["description"] = actor.description.clone().into();
    }
    crate::json_ld::json_ld_script(&data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site_index::SiteActor;
    use marginalia_model::ActorKind;

    #[test]
    fn an_actor_is_json_ld_of_its_kind_and_never_closes_its_script() {
        let actor = SiteActor {
            id: "x".into(),
            name: "A </script> B".into(),
            kind: ActorKind::State,
            aliases: vec!["DPRK".into()],
            description: String::new(),
            roles: vec![],
            recorded_roles: vec![],
            wikidata: Some("https://www.wikidata.org/wiki/Q423".into()),
            mentions: vec![],
            quotes: vec![],
            events: vec![],
            relations: vec![],
            totals: Default::default(),
        };
        let ld = actor_json_ld(&actor);
        let json = ld
            .trim_start_matches("<script type=\"application/ld+json\">")
            .trim_end_matches("</script>");
        assert!(!json.contains('<'));
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["@type"], "Country");
        assert_eq!(value["name"], "A </script> B");
        assert_eq!(value["alternateName"][0], "DPRK");
        assert_eq!(value["sameAs"], "https://www.wikidata.org/wiki/Q423");
    }
}
