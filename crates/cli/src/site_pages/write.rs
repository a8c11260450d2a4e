//! Writes the site's own pages from its index: `actors/index.html`, `actors/<id>/index.html`
//! for every actor, and `timeline/index.html`. Pages of actors no article names any more are
//! removed, so a rebuilt site lists what its articles say.

use super::actor_page::{ActorPage, ActorPageProps};
use super::actors_index::{ActorsIndex, ActorsIndexProps};
use super::timeline_page::{TimelinePage, TimelinePageProps};
use crate::page::escape;
use crate::render::static_component;
use crate::site::{static_page, Viewer};
use crate::site_index::SiteIndex;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub fn write_pages(viewer: &Viewer, index: &SiteIndex, out: &Path) -> io::Result<Vec<PathBuf>> {
    let names: Vec<(String, String)> = index
        .actors
        .values()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
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
        actors: index.actors.values().cloned().collect(),
    });
    let head = head_tags(
        "Actors",
        "Every person, state, organisation and medium of the site's articles.",
    );
    written.push(write(
        &actors_dir.join("index.html"),
        static_page(viewer, 1, &head, &body)?,
    )?);
    for actor in index.actors.values() {
        let body = static_component::<ActorPage>(ActorPageProps {
            actor: actor.clone(),
            events: actor
                .events
                .iter()
                .map(|&n| index.timeline[n].clone())
                .collect(),
            names: names.clone(),
        });
        let lead = format!(
            "{} across the site's articles: roles, mentions, quotes, events and relations.",
            actor.name
        );
        let page = static_page(viewer, 2, &head_tags(&actor.name, &lead), &body)?;
        let folder = actors_dir.join(&actor.id);
        fs::create_dir_all(&folder)?;
        written.push(write(&folder.join("index.html"), page)?);
    }
    let body = static_component::<TimelinePage>(TimelinePageProps {
        entries: index.timeline.clone(),
        names,
    });
    let head = head_tags(
        "Timeline",
        "Every dated event of the site's articles on one timeline.",
    );
    let folder = out.join("timeline");
    fs::create_dir_all(&folder)?;
    written.push(write(
        &folder.join("index.html"),
        static_page(viewer, 1, &head, &body)?,
    )?);
    Ok(written)
}

fn head_tags(title: &str, description: &str) -> String {
    format!(
        "<title>{} · marginalia</title>\n    <meta name=\"description\" content=\"{}\" />",
        escape(title),
        escape(description)
    )
}

fn write(path: &Path, page: String) -> io::Result<PathBuf> {
    fs::write(path, page)?;
    Ok(path.to_path_buf())
}
