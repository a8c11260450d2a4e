//! The site build: from the viewer's files and the article folders to a static site.
//!
//! 1. [`load_articles`]: every folder under a content directory is an article; each is checked
//!    once, and every error of every article is reported before anything is written (so a
//!    broken edit leaves the last good site in place);
//! 2. [`write_site`] copies the viewer's shared files (wasm, JS glue, CSS, start and mount
//!    scripts) once to the site's root; every page refers to them relatively, so the site works
//!    at `/` and under any sub-path;
//! 3. each article gets `<slug>/index.html` (its prerendered text and panels, head tags,
//!    JSON-LD and the link to its data), `<slug>/data.<fingerprint>.bin` (see
//!    [`marginalia_model::data`]) and `<slug>/<slug>.html`, the single file that works from disk;
//! 4. `index.html`, the contents page, lists the articles (example articles are built under
//!    `examples/articles/` and listed nowhere);
//! 5. with a site address, `sitemap.xml` and `feed.atom` ([`crate::feeds`]);
//! 6. what the articles know of each other ([`crate::site_index`]): the actors' pages, the
//!    merged timeline ([`crate::site_pages`]), and on each article page the site's navigation
//!    with its related articles.

use crate::contents_page::ContentsEntry;
use crate::site_index::SiteIndex;
use crate::{feeds, page, render};
use base64::Engine;
use marginalia_content::{load_article_with, report, Drafts};
use marginalia_model::rules::is_slug;
use marginalia_model::{data, Article};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A checked article and its folder name.
pub struct Entry {
    pub slug: String,
    pub article: Article,
}

/// The viewer's build (`trunk` then `tools/package.mjs`): its shared files and two templates.
pub struct Viewer {
    dir: PathBuf,
    /// The page template: head marker, empty root, asset addresses relative to `./`.
    page: String,
    /// The single-file template: the same with the CSS, scripts and wasm inside.
    standalone: String,
}

/// The templates' names in the viewer's folder; every other file there is shared by the site.
pub const PAGE_TEMPLATE: &str = "page.html";
pub const STANDALONE_TEMPLATE: &str = "standalone.html";

/// Where the data goes in the single file (the page template has a link instead).
const DATA_ISLAND_MARKER: &str = "<!-- marginalia:data -->";

impl Viewer {
    pub fn open(dir: &Path) -> Result<Viewer, String> {
        let read = |name: &str| {
            fs::read_to_string(dir.join(name)).map_err(|e| {
                format!(
                    "cannot read {}: {e} (build the viewer first: `make build`)",
                    dir.join(name).display()
                )
            })
        };
        Ok(Viewer {
            dir: dir.to_path_buf(),
            page: read(PAGE_TEMPLATE)?,
            standalone: read(STANDALONE_TEMPLATE)?,
        })
    }
}

/// Every article folder directly under `dir`, by name, checked (unconfirmed suggestions refused
/// or previewed, as `drafts` says). On any error, the report of all of them.
pub fn load_articles(dir: &Path, drafts: Drafts) -> Result<Vec<Entry>, String> {
    let mut folders: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut entries = Vec::new();
    let mut reports = Vec::new();
    for folder in folders {
        let slug = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_slug(&slug) {
            reports.push(format!(
                "{}: an article's folder name is its address: use lower-case letters, digits and dashes",
                folder.display()
            ));
            continue;
        }
        crate::cmd::check::print_warnings(&folder);
        match load_article_with(&folder, drafts) {
            Ok(article) => entries.push(Entry { slug, article }),
            Err(errors) => reports.push(report(&errors)),
        }
    }
    // Across the articles: one id is one actor.
    let (conflicts, warnings) = crate::site_index::conflicts(&entries);
    for warning in warnings {
        eprintln!("{warning}");
    }
    for c in conflicts {
        reports.push(at_definition(dir, &c));
    }
    if reports.is_empty() {
        Ok(entries)
    } else {
        Err(reports.join("\n"))
    }
}

/// A conflict as `file:line:column: message`, at the actor's `id = "…"` in its actors.toml.
fn at_definition(dir: &Path, c: &crate::site_index::Conflict) -> String {
    let file = dir.join(&c.slug).join("actors.toml");
    let text = fs::read_to_string(&file).unwrap_or_default();
    let needle = format!("\"{}\"", c.id);
    let at = text
        .lines()
        .position(|l| l.trim_start().starts_with("id") && l.contains(&needle));
    let line = at.map_or(1, |n| n + 1);
    let column = at.map_or(1, |n| {
        text.lines()
            .nth(n)
            .map_or(0, |l| l.len() - l.trim_start().len())
            + 1
    });
    format!("{}:{line}:{column}: {}", file.display(), c.message)
}

/// What [`write_site`] wrote, for the command's summary.
pub struct Written {
    pub pages: Vec<PathBuf>,
}

/// Writes the site into `out`: shared viewer files, each article's page, data and single
/// file, the example articles under `examples/articles/`, the contents page, and with
/// `site_url` the sitemap and feed.
pub fn write_site(
    viewer: &Viewer,
    articles: &[Entry],
    examples: &[Entry],
    out: &Path,
    site_url: Option<&str>,
) -> io::Result<Written> {
    fs::create_dir_all(out)?;
    copy_shared_files(&viewer.dir, out)?;
    let index = SiteIndex::new(articles);
    let mut pages = Vec::new();
    for entry in articles {
        let url = site_url.map(|u| format!("{u}{}/", entry.slug));
        let nav = render::site_nav("../", related_titles(&index, articles, &entry.slug));
        pages.extend(write_article(
            viewer,
            entry,
            &out.join(&entry.slug),
            1,
            url.as_deref(),
            Some(&nav),
        )?);
    }
    for entry in examples {
        let folder = out.join("examples/articles").join(&entry.slug);
        pages.extend(write_article(viewer, entry, &folder, 3, None, None)?);
    }
    let contents = out.join("index.html");
    fs::write(&contents, contents_page(viewer, articles, site_url))?;
    pages.push(contents);
    pages.extend(crate::site_pages::write::write_pages(viewer, &index, out)?);
    if let Some(url) = site_url {
        fs::write(out.join("sitemap.xml"), feeds::sitemap(url, articles))?;
        fs::write(out.join("feed.atom"), feeds::atom(url, articles))?;
    }
    Ok(Written { pages })
}

/// Copies the viewer's files to the site's root, and removes those of earlier viewer builds
/// (their names carry a content hash: `marginalia-viewer-<hash>.js`, `…_bg.wasm`,
/// `favicon-<hash>.svg`; the glue's and wasm's were `marginalia-<hash>…` before).
fn copy_shared_files(from: &Path, out: &Path) -> io::Result<()> {
    for file in fs::read_dir(out)? {
        let name = file?.file_name().to_string_lossy().into_owned();
        let hashed = name.starts_with("marginalia-") || name.starts_with("favicon-");
        if hashed && !from.join(&name).exists() {
            fs::remove_file(out.join(&name))?;
        }
    }
    for file in fs::read_dir(from)? {
        let file = file?;
        let name = file.file_name();
        let name = name.to_string_lossy();
        if file.file_type()?.is_file() && name != PAGE_TEMPLATE && name != STANDALONE_TEMPLATE {
            fs::copy(file.path(), out.join(&*name))?;
        }
    }
    Ok(())
}

/// The template with its `./` asset addresses made relative to a page `depth` folders down.
fn at_depth(template: &str, depth: usize) -> String {
    let up = "../".repeat(depth);
    template
        .replace("href=\"./", &format!("href=\"{up}"))
        .replace("src=\"./", &format!("src=\"{up}"))
}

/// The `<html lang>` of the template, set to the article's language.
fn with_language(page: String, language: &str) -> String {
    page.replacen(
        "<html lang=\"en\">",
        &format!("<html lang=\"{}\">", page::escape(language)),
        1,
    )
}

/// The related articles of `slug`, with their titles.
fn related_titles(index: &SiteIndex, articles: &[Entry], slug: &str) -> Vec<(String, String)> {
    index.related[slug]
        .iter()
        .filter_map(|s| {
            let entry = articles.iter().find(|e| e.slug == *s)?;
            Some((s.clone(), entry.article.meta.title.clone()))
        })
        .collect()
}

/// Writes an article's page, data and single file. `nav`, the site's navigation, goes before
/// the viewer on the page (not in the single file, which is read away from the site); an
/// example article has none, and is not indexed.
fn write_article(
    viewer: &Viewer,
    entry: &Entry,
    folder: &Path,
    depth: usize,
    url: Option<&str>,
    nav: Option<&str>,
) -> io::Result<Vec<PathBuf>> {
    let example = nav.is_none();
    fs::create_dir_all(folder)?;
    let article = &entry.article;
    let bytes = data::encode(&entry.slug, article);
    let data_name = format!("data.{}.bin", data::fingerprint(&bytes));
    remove_stale_data(folder, &data_name)?;
    fs::write(folder.join(&data_name), &bytes)?;

    let body = render::article_page(article);
    let mut head = vec![page::head_tags(article, url), page::json_ld(article, url)];
    if example {
        head.push("<meta name=\"robots\" content=\"noindex\" />".into());
    }
    // Named, not fetched before the first paint: init.js preloads it after, with the wasm.
    let linked = format!(
        "<link rel=\"alternate\" type=\"application/octet-stream\" href=\"./{data_name}\" data-marginalia-data />"
    );
    let page_head = [head.clone(), vec![linked]].concat().join("\n    ");
    let page_html = page::fill(&at_depth(&viewer.page, depth), &page_head, &body)
        .map_err(|missing| io::Error::other(format!("the page template has no {missing}")))?;
    let page_html = match nav {
        Some(nav) => page_html.replacen(
            "<div id=\"marginalia\">",
            &format!("{nav}<div id=\"marginalia\">"),
            1,
        ),
        None => page_html,
    };
    let index = folder.join("index.html");
    fs::write(&index, with_language(page_html, &article.meta.language))?;

    let island = format!(
        "<script type=\"application/octet-stream\" id=\"marginalia-data\">{}</script>",
        base64::engine::general_purpose::STANDARD.encode(&bytes)
    );
    let single = page::fill(&viewer.standalone, &head.join("\n    "), &body)
        .map_err(|missing| io::Error::other(format!("the single-file template has no {missing}")))?
        .replacen(DATA_ISLAND_MARKER, &island, 1);
    let single_file = folder.join(format!("{}.html", entry.slug));
    fs::write(&single_file, with_language(single, &article.meta.language))?;
    Ok(vec![index, single_file])
}

/// Data files of earlier builds of this article go (their names change with their content).
fn remove_stale_data(folder: &Path, keep: &str) -> io::Result<()> {
    for file in fs::read_dir(folder)? {
        let name = file?.file_name().to_string_lossy().into_owned();
        if name.starts_with("data.") && name.ends_with(".bin") && name != keep {
            fs::remove_file(folder.join(name))?;
        }
    }
    Ok(())
}

/// The contents page: the page template without the viewer's scripts, with the list.
fn contents_page(viewer: &Viewer, articles: &[Entry], site_url: Option<&str>) -> String {
    let entries = articles
        .iter()
        .map(|e| ContentsEntry::new(&e.slug, &e.article))
        .collect();
    let body = render::contents_page(entries);
    let mut head = vec![
        "<title>marginalia: articles</title>".to_string(),
        "<meta name=\"description\" content=\"News articles with their actors, timelines and quotes, cross-linked.\" />".into(),
    ];
    if let Some(url) = site_url {
        head.push(format!(
            "<link rel=\"canonical\" href=\"{}\" />",
            page::escape(url)
        ));
        head.push(format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"marginalia\" href=\"{}feed.atom\" />",
            page::escape(url)
        ));
    }
    let template = without_viewer_scripts(&viewer.page);
    page::fill(&template, &head.join("\n    "), &body)
        .expect("the page template was checked when its first article was written")
        .replacen(
            "<div id=\"marginalia\">",
            "<div id=\"marginalia-contents\">",
            1,
        )
}

/// A page of the site that is no article (actors, timeline): the page template without the
/// viewer's scripts, its assets addressed from `depth` folders down, with `head` and `body`.
pub(crate) fn static_page(
    viewer: &Viewer,
    depth: usize,
    head: &str,
    body: &str,
) -> io::Result<String> {
    let template = at_depth(&without_viewer_scripts(&viewer.page), depth);
    page::fill(&template, head, body)
        .map(|page| page.replacen("<div id=\"marginalia\">", "<div id=\"marginalia-site\">", 1))
        .map_err(|missing| io::Error::other(format!("the page template has no {missing}")))
}

/// The page template without what starts the viewer (the start script and preloads).
fn without_viewer_scripts(template: &str) -> String {
    template
        .lines()
        .filter(|line| {
            let l = line.trim_start();
            !(l.starts_with("<script type=\"module\"")
                || l.starts_with("<link rel=\"modulepreload\"")
                || l.starts_with("<link rel=\"preload\""))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_are_addressed_from_the_page_folder() {
        let t = "<link rel=\"stylesheet\" href=\"./marginalia.css\" /><script src=\"./theme.js\"></script>";
        assert_eq!(
            at_depth(t, 1),
            "<link rel=\"stylesheet\" href=\"../marginalia.css\" /><script src=\"../theme.js\"></script>"
        );
        assert!(at_depth(t, 3).contains("href=\"../../../marginalia.css\""));
    }

    #[test]
    fn the_contents_page_starts_no_viewer() {
        let t = "<head>\n<link rel=\"modulepreload\" href=\"./m.js\" />\n<link rel=\"stylesheet\" href=\"./marginalia.css\" />\n<script type=\"module\" src=\"./init.js\"></script>\n</head>";
        let out = without_viewer_scripts(t);
        assert!(!out.contains("init.js") && !out.contains("modulepreload"));
        assert!(out.contains("marginalia.css"));
    }
}
