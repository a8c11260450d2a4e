//! Writes the site's own pages from its index: `actors/index.html`, `actors/<id>/index.html`
//! for every actor, and the timeline (`timeline/index.html`, then `timeline/page/<n>/`). Pages of actors no article names any more are
//! removed, so a rebuilt site lists what its articles say. All in the site's language.

use super::actor_page::{ActorPage, ActorPageProps};
use super::actors_index::{ActorsIndex, ActorsIndexProps};
use super::head_tags;
use super::search_index;
use super::timeline_page::{TimelinePage, TimelinePageProps, ENTRIES_PER_PAGE};
use super::MAX_LISTED;
use crate::render::static_component;
use crate::site::Entry;
use crate::site::{static_page, Viewer};
use crate::site_index::{SiteIndex, TimelineEntry};
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The search box's script (a real file, linted with the project's JavaScript).
const SEARCH_SCRIPT: &str = include_str!("search.js");

pub fn write_pages(
    viewer: &Viewer,
    articles: &[Entry],
    index: &SiteIndex,
    out: &Path,
    lang: Lang,
) -> io::Result<Vec<PathBuf>> {
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
    let body = static_component::<ActorsIndex>(ActorsIndexProps {
        actors: index.actors.values().map(|a| a.listed(0)).collect(),
        lang,
    });
    let head = head_tags(
        lang,
        lang.t(Msg::ActorsTitle),
        lang.t(Msg::ActorsDescription),
    );
    written.push(write(
        &actors_dir.join("index.html"),
        static_page(viewer, 1, &head, &body, lang)?,
    )?);
    for actor in index.actors.values() {
        // What the page shows: the first entries of each list, and of each event's reports.
        let actor = &actor.listed(MAX_LISTED);
        let body = static_component::<ActorPage>(ActorPageProps {
            actor: actor.clone(),
            events: actor
                .events
                .iter()
                .map(|&n| {
                    let entry = &index.timeline[n];
                    TimelineEntry {
                        reports: entry.reports[..entry.reports.len().min(MAX_LISTED)].to_vec(),
                        ..entry.clone_without_reports()
                    }
                })
                .collect(),
            names: names.clone(),
            lang,
        });
        let lead = lang.f(Msg::ActorDescription, &[("name", &actor.name)]);
        let head = [head_tags(lang, &actor.name, &lead), actor_json_ld(actor)].join("\n    ");
        let page = static_page(viewer, 2, &head, &body, lang)?;
        let folder = actors_dir.join(&actor.id);
        fs::create_dir_all(&folder)?;
        written.push(write(&folder.join("index.html"), page)?);
    }
    clock.lap("actor-pages");
    // The timeline, in pages; pages of a longer timeline before go.
    let folder = out.join("timeline");
    let _ = fs::remove_dir_all(folder.join("page"));
    fs::create_dir_all(&folder)?;
    let total = index.timeline.len();
    let pages = total.div_ceil(ENTRIES_PER_PAGE).max(1);
    for page in 1..=pages {
        let first = (page - 1) * ENTRIES_PER_PAGE;
        let entries = index.timeline[first..total.min(first + ENTRIES_PER_PAGE)].to_vec();
        let (path, depth) = crate::contents_page::page_file(&folder, 1, page)?;
        let body = static_component::<TimelinePage>(TimelinePageProps {
            entries,
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
        written.push(write(
            &path,
            static_page(viewer, depth, &head, &body, lang)?,
        )?);
    }
    clock.lap("timeline-pages");
    // The search: its script and its index, one file per first character.
    let shards = search_index::shards(&search_index::documents(articles, index, lang));
    clock.lap("search-index");
    // The word shards' first characters (`a.js`), for search.js to ask for no shard not written.
    let keys: String = shards
        .keys()
        .filter_map(|name| name.strip_suffix(".js"))
        .filter(|stem| stem.chars().count() == 1)
        .collect();
    fs::write(
        out.join("search.js"),
        SEARCH_SCRIPT
            .replacen("__MARGINALIA_SHARDS__", &keys, 1)
            .replacen(
                "__MARGINALIA_DOCS_PER_FILE__",
                &search_index::DOCS_PER_FILE.to_string(),
                1,
            ),
    )?;
    // Only the files that changed are written, and those of an earlier index go.
    let search = out.join("search");
    fs::create_dir_all(&search)?;
    for old in fs::read_dir(&search)? {
        let name = old?.file_name().to_string_lossy().into_owned();
        if !shards.contains_key(&name) {
            fs::remove_file(search.join(name))?;
        }
    }
    for (name, script) in shards {
        write_if_changed(&search.join(name), script.as_bytes())?;
    }
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

fn write(path: &Path, page: String) -> io::Result<PathBuf> {
    fs::write(path, page)?;
    Ok(path.to_path_buf())
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
