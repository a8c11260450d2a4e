//! The site build: from the viewer's files and the article folders to a static site.
//!
//! 1. [`load_articles`]: every folder under a content directory is an article; each is checked
//!    once, and every error of every article is reported before anything is written (so a
//!    broken edit leaves the last good site in place);
//! 2. [`write_site`] writes the viewer's shared files (wasm, JS glue, CSS, start and mount
//!    scripts; [`Viewer`] names them) once to the site's root; every page refers to them
//!    relatively, so the site works at `/` and under any sub-path. Every page is the page
//!    template filled by [`page::render`];
//! 3. each article gets `<slug>/index.html` (its prerendered text and panels, head tags,
//!    JSON-LD and the link to its data), `<slug>/data.<fingerprint>.bin` (see
//!    [`marginalia_model::data`]) and `<slug>/<slug>.html`, the single file that works from disk;
//! 4. `index.html`, the contents page, lists the articles (example articles are built under
//!    `examples/articles/` and listed nowhere);
//! 5. with a site address, `sitemap.xml` and `feed.atom` ([`crate::feeds`]);
//! 6. what the articles know of each other ([`crate::site_index`]): the actors' pages, the
//!    merged timeline ([`crate::site_pages`]), and on each article page the site's navigation
//!    with its related articles.
//!
//! Languages: the site's pages (contents, actors, timeline, search) are in the site's language
//! (`language` in `content/site.toml`, [`crate::registry`]; English by default); an article's
//! page is in its own `ui_language` (`meta.toml`) if it gives one, else the site's: its
//! interface, its `<html lang>` and its navigation. The article's text keeps the language of
//! the text (`language` in `meta.toml`), which the viewer puts on the element around it.

use crate::build_cache::{BuildCache, PageStamps, PageState};
use crate::contents_page::ContentsEntry;
use crate::page::{Page, Start, AFTER_NAV};
use crate::site_index::SiteIndex;
use crate::{feeds, page, render};
use marginalia::config::SiteActor;
use marginalia::dom;
use marginalia_content::{build_article_with, report, ui_language, Drafts, Sources};
use marginalia_i18n::Lang;
use marginalia_model::rules::is_slug;
use marginalia_model::{data, Article};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A checked article and its folder name.
pub struct Entry {
    pub slug: String,
    /// The article: whole when read now or quoted by the site's index (taken from the cache,
    /// [`crate::site_index::quoted`]), else as the build's cache keeps it for the site's own
    /// pages, light ([`crate::build_cache::light`], `whole` false): its page is then made from
    /// the whole article, taken from the cache.
    pub article: Article,
    /// Whether `article` is whole (else light).
    pub whole: bool,
    /// For each actor its text mentions, by id, the sentence that first names it (what the
    /// site's index takes from the text); empty for a light article.
    pub first_sentences: BTreeMap<String, String>,
    /// The language of its page's interface when the article gives one (`ui_language` in
    /// `meta.toml`), else the site's. Build-time only: not in the article's data.
    pub ui_language: Option<Lang>,
    /// What the build's cache knows of it, when the build has one.
    pub cached: Option<CacheState>,
}

/// An article's place in the build's cache ([`crate::build_cache`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CacheState {
    /// The stamp of its sources.
    pub sources: u64,
    /// Its page as the last build wrote it (stamps 0: none).
    pub page: PageState,
    /// Read and checked in this build (not taken from the cache): to be kept.
    pub read_now: bool,
    /// Its warnings, as printed.
    pub warnings: String,
}

impl Entry {
    /// An article without a language of its own for its page.
    pub fn new(slug: impl Into<String>, article: Article) -> Entry {
        Entry {
            slug: slug.into(),
            first_sentences: crate::site_index::first_sentences(&article.blocks),
            article,
            whole: true,
            ui_language: None,
            cached: None,
        }
    }

    /// The language of its page: its own, else the site's `site`.
    pub fn page_language(&self, site: Lang) -> Lang {
        self.ui_language.unwrap_or(site)
    }
}

pub use crate::viewer::Viewer;

/// Every article folder directly under `dir`, by name, checked (unconfirmed suggestions refused
/// or previewed, as `drafts` says), on every core. With a `cache`, a folder whose files have not
/// changed since the last build is taken from it (light) instead of being read and checked
/// again (the cache's pack is read on a thread of its own while the folders are stamped); the
/// few the site's index quotes are then taken whole ([`crate::site_index::quoted`]).
/// On any error, the report of all of them; warnings are printed in the folders' order.
pub fn load_articles(
    dir: &Path,
    drafts: Drafts,
    cache: Option<&BuildCache>,
) -> Result<Vec<Entry>, String> {
    // A folder is told by the listing's own file type (no `stat` of each), a link by
    // following it.
    let mut folders: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|e| match e.file_type() {
            Ok(t) if t.is_symlink() => e.path().is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => e.path().is_dir(),
        })
        .map(|e| e.path())
        .collect();
    folders.sort();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = folders.len().div_ceil(workers).max(1);
    let loaded: Vec<Result<Entry, String>> = std::thread::scope(|scope| {
        // The cache's pack read on a thread of its own while the folders' files are stamped.
        if let Some(cache) = cache {
            scope.spawn(|| cache.read_pack());
        }
        let handles: Vec<_> = folders
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || -> Vec<Result<Entry, String>> {
                    let stamps: Vec<Option<u64>> = part
                        .iter()
                        .map(|folder| cache.and_then(|c| c.sources_stamp(folder)))
                        .collect();
                    part.iter()
                        .zip(stamps)
                        .map(|(folder, stamp)| load_stamped(folder, stamp, drafts, cache))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a reading thread panicked"))
            .collect()
    });
    let mut entries = Vec::new();
    let mut reports = Vec::new();
    for result in loaded {
        match result {
            Ok(entry) => {
                let warnings = entry.cached.as_ref().map(|c| c.warnings.as_str());
                if let Some(warnings) = warnings.filter(|w| !w.is_empty()) {
                    eprintln!("{warnings}");
                }
                entries.push(entry);
            }
            Err(report) => reports.push(report),
        }
    }
    // The light articles the site's index quotes (their relations' evidence, the sentence that
    // first names an actor), whole from the cache (read again if the cache lost one), on every
    // core.
    if reports.is_empty() {
        let quoted = crate::site_index::quoted(&entries);
        let wanted: Vec<usize> = (0..entries.len())
            .filter(|&n| quoted[n] && !entries[n].whole)
            .collect();
        let entries_now = &entries;
        let whole = crate::site_index::on_every_core(&wanted, |&n| {
            let entry = &entries_now[n];
            whole_from_cache(entry, cache)
                .or_else(|_| load_article(&dir.join(&entry.slug), drafts, cache))
        });
        for (n, whole) in wanted.into_iter().zip(whole) {
            entries[n] = whole?;
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

/// One article folder: from the cache when its files are as the cache has them, else read and
/// checked (its warnings kept with it, to be printed by the caller in order).
fn load_article(
    folder: &Path,
    drafts: Drafts,
    cache: Option<&BuildCache>,
) -> Result<Entry, String> {
    let stamp = cache.and_then(|c| c.sources_stamp(folder));
    load_stamped(folder, stamp, drafts, cache)
}

/// [`load_article`], the stamp of the folder's files (with a cache) made already.
fn load_stamped(
    folder: &Path,
    stamp: Option<u64>,
    drafts: Drafts,
    cache: Option<&BuildCache>,
) -> Result<Entry, String> {
    let slug = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_slug(&slug) {
        return Err(format!(
            "{}: an article's folder name is its address: use lower-case letters, digits and dashes",
            folder.display()
        ));
    }
    let stamp = cache.and_then(|c| Some((c, stamp?)));
    if let Some(kept) = stamp.and_then(|(c, stamp)| c.get(&slug, stamp)) {
        return Ok(Entry {
            slug,
            article: kept.article,
            whole: false,
            first_sentences: BTreeMap::new(),
            ui_language: kept.ui_language.as_deref().and_then(Lang::parse),
            cached: Some(CacheState {
                sources: kept.sources,
                page: kept.page,
                read_now: false,
                warnings: kept.warnings,
            }),
        });
    }
    // The folder is read once, for its warnings and its build.
    let sources = Sources::read_dir(folder).map_err(|errors| report(&errors))?;
    let warnings = crate::cmd::check::warnings(&sources);
    let article = build_article_with(&sources, drafts).map_err(|errors| {
        // A broken article's warnings are printed with its errors' report.
        [warnings.as_str(), &report(&errors)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok(Entry {
        slug,
        first_sentences: crate::site_index::first_sentences(&article.blocks),
        article,
        whole: true,
        ui_language: ui_language(&sources),
        cached: Some(CacheState {
            sources: stamp.map_or(0, |(_, s)| s),
            page: PageState::default(),
            read_now: true,
            warnings,
        }),
    })
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

/// The pages one writer thread wrote, and the stamps of the article pages among them (by the
/// article's place).
type PagesWritten = (Vec<PathBuf>, Vec<(usize, PageState)>);

/// What [`write_site`] wrote, for the command's summary and the build's cache.
pub struct Written {
    pub pages: Vec<PathBuf>,
    /// The articles whose page was written (by their place among the articles), with its
    /// stamps and lengths.
    pub page_stamps: Vec<(usize, PageState)>,
}

/// How the site is written.
pub struct SiteOptions<'a> {
    /// The site's address (`MARGINALIA_SITE_URL`): canonical links, sitemaps and the feed.
    pub site_url: Option<&'a str>,
    /// Each article's single file (the page that works from disk, with its own copy of the
    /// viewer); a large site leaves them out (`--no-single-files`).
    pub single_files: bool,
    /// The site's own file (`content/site.toml`: its language and actors), empty when there
    /// is none.
    pub registry: &'a crate::registry::Registry,
    /// The build's cache, where the stamps of the site's own pages are kept (none: every page
    /// is rendered and written).
    pub cache: Option<&'a BuildCache>,
}

/// How many articles a contents page lists.
pub const ARTICLES_PER_PAGE: usize = 50;

/// Writes the site into `out`: shared viewer files, each article's page, data and (as
/// `options` say) single file, the example articles under `examples/articles/`, the contents
/// pages (`index.html`, then `page/<n>/index.html`, [`ARTICLES_PER_PAGE`] each), the actors'
/// and timeline pages and the search, and with a site address the sitemaps and the feed.
/// Articles are written on every core; progress goes to stderr for a large site.
pub fn write_site(
    viewer: &Viewer,
    articles: &[Entry],
    examples: &[Entry],
    out: &Path,
    options: &SiteOptions,
) -> io::Result<Written> {
    // The search's words of the articles need no index: found on threads of their own while the
    // index and the pages are made.
    std::thread::scope(|scope| {
        let lang = options.registry.language;
        let postings =
            scope.spawn(move || crate::site_pages::search_index::article_postings(articles, lang));
        let postings = || postings.join().expect("a search thread panicked");
        write_site_with(viewer, articles, examples, out, options, postings)
    })
}

/// [`write_site`], the articles' search postings given by `postings` when the search is made.
fn write_site_with<'a>(
    viewer: &Viewer,
    articles: &'a [Entry],
    examples: &[Entry],
    out: &Path,
    options: &SiteOptions,
    postings: impl FnOnce() -> crate::site_pages::search_index::ArticlePostings<'a>,
) -> io::Result<Written> {
    let mut clock = Laps::new();
    fs::create_dir_all(out)?;
    write_shared_files(viewer, out)?;
    let lang = options.registry.language;
    let index = SiteIndex::with_registry(articles, options.registry);
    clock.lap("index");
    let progress = Progress::new(articles.len());
    // Titles (and their language) by address, once: each page's related articles are named
    // from it.
    let titles: HashMap<&str, (&str, &str)> = articles
        .iter()
        .map(|e| {
            let meta = &e.article.meta;
            (
                e.slug.as_str(),
                (meta.title.as_str(), meta.language.as_str()),
            )
        })
        .collect();
    // What every page is made of besides its article and navigation: with them, its stamp.
    let common = crate::build_cache::stamp(&(
        viewer.shared_files(),
        options.site_url,
        options.single_files,
        lang.tag(),
    ));
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(workers).max(1);
    let (mut pages, stamps): PagesWritten = std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .enumerate()
            .map(|(part_number, part)| {
                let (index, progress, titles) = (&index, &progress, &titles);
                scope.spawn(move || -> io::Result<PagesWritten> {
                    let mut written = Vec::new();
                    let mut stamps = Vec::new();
                    for (n, entry) in part.iter().enumerate() {
                        let url = options.site_url.map(|u| format!("{u}{}/", entry.slug));
                        // Borrowed (hashed as the owned strings are), copied only for a page
                        // rendered.
                        let actors: Vec<(&str, &str, u32, usize)> = entry
                            .article
                            .actors
                            .iter()
                            .map(|a| {
                                let across = index.articles_naming(&a.id);
                                (a.id.as_str(), a.name.as_str(), a.mention_count, across)
                            })
                            .collect();
                        let related = related_titles(index, titles, &entry.slug);
                        let page_lang = entry.page_language(lang);
                        // Its stamps: of all but the related articles (its JSON-LD names its
                        // actors' Wikidata items, from the site's file), then of all.
                        let same_as: Vec<Option<String>> = actors
                            .iter()
                            .map(|&(id, ..)| options.registry.same_as(id))
                            .collect();
                        let stamps_now = entry.cached.as_ref().map(|cached| {
                            let body = crate::build_cache::stamp(&(
                                cached.sources,
                                common,
                                &actors,
                                &same_as,
                                page_lang.tag(),
                            ));
                            (body, crate::build_cache::stamp(&(body, &related)))
                        });
                        let folder = out.join(&entry.slug);
                        let index_html = folder.join("index.html");
                        // The page as the last build wrote it, if it is still there.
                        let before = entry.cached.as_ref().map(|c| c.page).filter(|_| {
                            index_html.is_file()
                                && (!options.single_files
                                    || folder.join(format!("{}.html", entry.slug)).is_file())
                        });
                        if before.is_some_and(|b| stamps_now.is_some_and(|(_, all)| b.stamp == all))
                        {
                            written.push(index_html);
                            progress.one_more();
                            continue;
                        }
                        let place = part_number * chunk + n;
                        // The card and the entry of each actor link to its page.
                        let site: Vec<SiteActor> = actors
                            .iter()
                            .map(|&(id, _, _, across)| SiteActor {
                                id: id.to_string(),
                                href: crate::site_pages::actor_href("../", id),
                                articles: u32::try_from(across).unwrap_or(u32::MAX),
                            })
                            .collect();
                        let actors = actors
                            .into_iter()
                            .map(|(id, name, count, across)| {
                                (id.to_string(), name.to_string(), count, across)
                            })
                            .collect();
                        let nav = render::site_nav("../", related, actors, page_lang);
                        // What the cache keeps of the page written now, `len` bytes long.
                        let state = |(body, all): (u64, u64), len: u64| PageState {
                            stamp: all,
                            body,
                            len,
                            nav_len: nav.len() as u64,
                        };
                        // Only its related articles changed: its navigation is replaced.
                        if let (Some(before), Some(now)) = (before, stamps_now) {
                            if before.body == now.0 {
                                if let Some(len) = replace_nav(&index_html, &before, &nav)? {
                                    stamps.push((place, state(now, len)));
                                    written.push(index_html);
                                    progress.one_more();
                                    continue;
                                }
                            }
                        }
                        // A light article's page is made from the whole one, kept in the cache.
                        let whole_entry;
                        let entry = if entry.whole {
                            entry
                        } else {
                            whole_entry = whole_from_cache(entry, options.cache)?;
                            &whole_entry
                        };
                        written.extend(write_article(
                            viewer,
                            entry,
                            &folder,
                            1,
                            url.as_deref(),
                            Some((&nav, &site)),
                            options,
                        )?);
                        if let Some(now) = stamps_now {
                            let len = fs::metadata(&index_html)?.len();
                            stamps.push((place, state(now, len)));
                        }
                        progress.one_more();
                    }
                    Ok((written, stamps))
                })
            })
            .collect();
        let (mut all, mut stamps) = (Vec::new(), Vec::new());
        for handle in handles {
            let (written, new) = handle.join().expect("a writer thread panicked")?;
            all.extend(written);
            stamps.extend(new);
        }
        Ok::<_, io::Error>((all, stamps))
    })?;
    progress.done();
    clock.lap("articles");
    for entry in examples {
        let folder = out.join("examples/articles").join(&entry.slug);
        // No actors of the site's, but its language.
        let mut none = crate::registry::Registry::default();
        none.language = lang;
        let example = SiteOptions {
            site_url: None,
            single_files: true,
            registry: &none,
            cache: None,
        };
        pages.extend(write_article(
            viewer, entry, &folder, 3, None, None, &example,
        )?);
    }
    let mut page_stamps = options
        .cache
        .map_or_else(PageStamps::none, BuildCache::page_stamps);
    let site_pages = SitePages {
        viewer,
        out,
        lang,
        common,
    };
    pages.extend(write_contents_pages(
        &site_pages,
        articles,
        options.site_url,
        &mut page_stamps,
    )?);
    clock.lap("contents");
    pages.extend(crate::site_pages::write::write_pages(
        &site_pages,
        &index,
        postings,
        &mut page_stamps,
    )?);
    page_stamps.save();
    clock.lap("site-pages");
    if let Some(url) = options.site_url {
        let contents_pages = articles.len().div_ceil(ARTICLES_PER_PAGE).max(1);
        let actors: Vec<String> = index.actors.keys().cloned().collect();
        let all = feeds::addresses(articles, &actors, contents_pages);
        for old in fs::read_dir(out)? {
            let name = old?.file_name().to_string_lossy().into_owned();
            if name.starts_with("sitemap-") && name.ends_with(".xml") {
                fs::remove_file(out.join(name))?;
            }
        }
        for (name, xml) in feeds::sitemaps(url, &all, feeds::SITEMAP_LIMIT) {
            fs::write(out.join(name), xml)?;
        }
        fs::write(out.join("feed.atom"), feeds::atom(url, articles, lang))?;
    }
    clock.lap("feeds");
    leave_to_exit(index);
    Ok(Written {
        pages,
        page_stamps: stamps,
    })
}

/// Set by the `build` command, whose process ends after one build: the site's index and the
/// articles are then left to the system at exit instead of being freed string by string (a
/// second at 10,000 articles). `serve --watch`, which builds again and again, frees them.
pub static LEAVE_MEMORY_TO_EXIT: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Drops `what`, or leaves it to the process's exit ([`LEAVE_MEMORY_TO_EXIT`]).
pub fn leave_to_exit<T>(what: T) {
    if LEAVE_MEMORY_TO_EXIT.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(what);
    }
}

/// `entry` with its whole article, from the build's cache (the light one is from there too).
fn whole_from_cache(entry: &Entry, cache: Option<&BuildCache>) -> io::Result<Entry> {
    let kept = entry.cached.as_ref().and_then(|state| {
        let article = cache?.whole(&entry.slug, state.sources)?;
        Some((article, state.clone()))
    });
    let Some((article, state)) = kept else {
        return Err(io::Error::other(format!(
            "the build's cache lost the article {} (it is forgotten now): build again",
            entry.slug
        )));
    };
    Ok(Entry {
        slug: entry.slug.clone(),
        first_sentences: crate::site_index::first_sentences(&article.blocks),
        article,
        whole: true,
        ui_language: entry.ui_language,
        cached: Some(state),
    })
}

/// The time each step of a build took, on stderr when `MARGINALIA_TIMINGS` is set (what
/// `bench/scale.mjs` reads to say where a build's time goes).
pub struct Laps {
    last: std::time::Instant,
    on: bool,
}

impl Default for Laps {
    fn default() -> Laps {
        Laps::new()
    }
}

impl Laps {
    pub fn new() -> Laps {
        Laps {
            last: std::time::Instant::now(),
            on: std::env::var_os("MARGINALIA_TIMINGS").is_some(),
        }
    }

    /// Prints the time since the last lap, named `what`.
    pub fn lap(&mut self, what: &str) {
        if self.on {
            eprintln!("site: {what} in {} ms", self.last.elapsed().as_millis());
        }
        self.last = std::time::Instant::now();
    }
}

/// What every page of the site's own is written with: the viewer (its stylesheet and scripts'
/// names), the output folder, the site's language, and the stamp of everything a page is made
/// of besides its own inputs (`common`: the viewer's files, the site's address and language).
pub struct SitePages<'a> {
    pub viewer: &'a Viewer,
    pub out: &'a Path,
    pub lang: Lang,
    pub common: u64,
}

impl SitePages<'_> {
    /// Writes the page at `path` unless it is as the last build wrote it: its inputs stamped
    /// by `stamp` (with [`SitePages::common`]) as then, and the file there. `render` makes it.
    pub fn write_unless_unchanged(
        &self,
        stamps: &mut PageStamps,
        path: &Path,
        stamp: u64,
        render: impl FnOnce() -> io::Result<String>,
    ) -> io::Result<PathBuf> {
        let stamp = crate::build_cache::stamp(&(self.common, stamp));
        if !stamps.unchanged(self.out, path, stamp) {
            fs::write(path, render()?)?;
        }
        Ok(path.to_path_buf())
    }
}

/// The contents pages: `index.html` and `page/<n>/index.html`, [`ARTICLES_PER_PAGE`] articles
/// each, in the order of the articles; each rendered and written only when its entries (or the
/// site's common inputs) changed since the last build; pages of an earlier, longer site are
/// removed.
fn write_contents_pages(
    site: &SitePages,
    articles: &[Entry],
    site_url: Option<&str>,
    stamps: &mut PageStamps,
) -> io::Result<Vec<PathBuf>> {
    let (out, lang) = (site.out, site.lang);
    let pages = articles.len().div_ceil(ARTICLES_PER_PAGE).max(1);
    remove_pages_beyond(&out.join("page"), pages)?;
    // "Write an article" only where there is a studio: `make build` writes `studio/` before
    // the site; the writer's binary has none.
    let studio = out.join("studio/index.html").is_file();
    let mut written = Vec::new();
    for n in 1..=pages {
        let part = articles
            .chunks(ARTICLES_PER_PAGE)
            .nth(n - 1)
            .unwrap_or_default();
        let entries: Vec<ContentsEntry> = part
            .iter()
            .map(|e| ContentsEntry::new(&e.slug, &e.article, lang))
            .collect();
        let (path, depth) = crate::contents_page::page_file(out, 0, n)?;
        let stamp = crate::build_cache::stamp_debug(&(&entries, site_url, n, pages, depth, studio));
        written.push(site.write_unless_unchanged(stamps, &path, stamp, || {
            contents_page(
                site.viewer,
                entries,
                site_url,
                (n, pages),
                depth,
                lang,
                studio,
            )
        })?);
    }
    Ok(written)
}

/// Removes the pages `folder/<n>/` numbered beyond `pages` (left by an earlier, longer list),
/// and anything else in `folder` that is not a page of it.
pub(crate) fn remove_pages_beyond(folder: &Path, pages: usize) -> io::Result<()> {
    let Ok(listing) = fs::read_dir(folder) else {
        return Ok(());
    };
    for old in listing {
        let old = old?;
        let name = old.file_name().to_string_lossy().into_owned();
        let kept = name
            .parse::<usize>()
            .is_ok_and(|n| (2..=pages).contains(&n) && name == n.to_string());
        if !kept {
            if old.file_type()?.is_dir() {
                fs::remove_dir_all(old.path())?;
            } else {
                fs::remove_file(old.path())?;
            }
        }
    }
    Ok(())
}

/// Progress of a large build on stderr: a bar redrawn in place in a terminal, a line at every
/// tenth in a log (CI). Small sites (under 200 articles) print nothing.
struct Progress {
    total: usize,
    done: std::sync::atomic::AtomicUsize,
    terminal: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        use std::io::IsTerminal;
        Progress {
            total,
            done: std::sync::atomic::AtomicUsize::new(0),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn one_more(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if self.total < 200 {
            return;
        }
        if self.terminal {
            if done.is_multiple_of(50) || done == self.total {
                let filled = done * 30 / self.total;
                eprint!(
                    "\rsite: [{}{}] {done}/{} articles",
                    "#".repeat(filled),
                    " ".repeat(30 - filled),
                    self.total
                );
            }
        } else if done * 10 / self.total != (done - 1) * 10 / self.total {
            eprintln!("site: {done}/{} articles written", self.total);
        }
    }

    fn done(&self) {
        if self.terminal && self.total >= 200 {
            eprintln!();
        }
    }
}

/// Writes the viewer's files to the site's root, and removes those of earlier viewer builds
/// (their names carry a content hash, [`Viewer::is_hashed_name`]). A file already as it should
/// be is left alone.
fn write_shared_files(viewer: &Viewer, out: &Path) -> io::Result<()> {
    let files = viewer.shared_files();
    for file in fs::read_dir(out)? {
        let name = file?.file_name().to_string_lossy().into_owned();
        if Viewer::is_hashed_name(&name) && !files.iter().any(|(n, _)| *n == name) {
            fs::remove_file(out.join(&name))?;
        }
    }
    for (name, bytes) in files {
        let path = out.join(name);
        if fs::read(&path).ok().as_deref() != Some(bytes) {
            fs::write(path, bytes)?;
        }
    }
    Ok(())
}

/// The related articles of `slug`, with their titles and the titles' language.
fn related_titles(
    index: &SiteIndex,
    titles: &HashMap<&str, (&str, &str)>,
    slug: &str,
) -> Vec<(String, String, String)> {
    index.related[slug]
        .iter()
        .filter_map(|s| {
            let (title, lang) = titles.get(s.as_str())?;
            Some((s.clone(), title.to_string(), lang.to_string()))
        })
        .collect()
}

/// Writes an article's page, data and single file. `nav`, the site's navigation, goes after
/// the viewer on the page (not in the single file, which is read away from the site); an
/// example article has none, and is not indexed.
fn write_article(
    viewer: &Viewer,
    entry: &Entry,
    folder: &Path,
    depth: usize,
    url: Option<&str>,
    nav: Option<(&str, &[SiteActor])>,
    options: &SiteOptions,
) -> io::Result<Vec<PathBuf>> {
    let (single_file, registry) = (options.single_files, options.registry);
    let example = nav.is_none();
    fs::create_dir_all(folder)?;
    let article = &entry.article;
    let lang = entry.page_language(registry.language);
    let bytes = data::encode(&entry.slug, article);
    let data_name = format!("data.{}.bin", data::fingerprint(&bytes));
    remove_stale_data(folder, &data_name)?;
    fs::write(folder.join(&data_name), &bytes)?;

    let body = render::article_page(article, lang, nav.map(|(_, site)| site).unwrap_or(&[]));
    let mut head = vec![
        page::head_tags(article, url, lang),
        crate::json_ld::json_ld_with(article, url, &|id| registry.same_as(id)),
    ];
    if example {
        head.push("<meta name=\"robots\" content=\"noindex\" />".into());
    }
    let single_head = head.join("\n    ");
    // Named, not fetched before the first paint: init.js preloads it after, with the wasm.
    head.push(page::data_link(&data_name));
    let page_head = head.join("\n    ");
    // The page's language is its interface's; the text's is on the article's element.
    let article_page = Page {
        lang: lang.tag(),
        head: &page_head,
        nav: nav.map(|(html, _)| html).unwrap_or(""),
        root: dom::PAGE_ROOT_ID,
        body: &body,
        depth,
        start: Start::Page,
    };
    let index = folder.join("index.html");
    fs::write(
        &index,
        page::render(&article_page, viewer).map_err(io::Error::other)?,
    )?;

    let single_file_path = folder.join(format!("{}.html", entry.slug));
    if !single_file {
        // None, and none left from an earlier build.
        let _ = fs::remove_file(&single_file_path);
        return Ok(vec![index]);
    }
    // The single file is read away from the site: no navigation, everything inside.
    let single = Page {
        head: &single_head,
        nav: "",
        depth: 0,
        start: Start::Single { data: &bytes },
        ..article_page
    };
    let single_file = single_file_path;
    fs::write(
        &single_file,
        page::render(&single, viewer).map_err(io::Error::other)?,
    )?;
    Ok(vec![index, single_file])
}

/// The page at `path`, as the last build wrote it (`before`: its length, and its navigation's
/// at its end, before the page template's tail), with `nav` in place of its navigation; its new
/// length. None (the page is to be rendered) when the file is not of that length and tail.
fn replace_nav(path: &Path, before: &PageState, nav: &str) -> io::Result<Option<u64>> {
    let Ok(mut bytes) = fs::read(path) else {
        return Ok(None);
    };
    let tail = AFTER_NAV.as_bytes();
    let kept = (bytes.len() as u64)
        .checked_sub(before.nav_len + tail.len() as u64)
        .filter(|_| bytes.len() as u64 == before.len && bytes.ends_with(tail));
    let Some(kept) = kept else {
        return Ok(None);
    };
    bytes.truncate(kept as usize);
    bytes.extend_from_slice(nav.as_bytes());
    bytes.extend_from_slice(tail);
    fs::write(path, &bytes)?;
    Ok(Some(bytes.len() as u64))
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

/// Contents page `page` of `pages`: the page template without the viewer's scripts, with its
/// list, `depth` folders down from the root, in `lang`, with the studio's link if `studio`.
fn contents_page(
    viewer: &Viewer,
    entries: Vec<ContentsEntry>,
    site_url: Option<&str>,
    (page, pages): (usize, usize),
    depth: usize,
    lang: Lang,
    studio: bool,
) -> io::Result<String> {
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    let body = render::contents_page(entries, &up, (page, pages), lang, studio);
    let mut head = vec![crate::contents_page::head_tags(lang)];
    if let Some(url) = site_url {
        let here = if page == 1 {
            url.to_string()
        } else {
            format!("{url}page/{page}/")
        };
        head.push(format!(
            "<link rel=\"canonical\" href=\"{}\" />",
            page::escape(&here)
        ));
        head.push(format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"marginalia\" href=\"{}feed.atom\" />",
            page::escape(url)
        ));
    }
    static_page(viewer, depth, &head.join("\n    "), &body, lang)
}

/// A page of the site that runs no viewer (the contents page, actors, timeline): the page
/// template with the stylesheet and theme switch addressed from `depth` folders down, no start
/// script, `head` and `body` in the site's root element ([`dom::SITE_ROOT_ID`]), in `lang`.
pub(crate) fn static_page(
    viewer: &Viewer,
    depth: usize,
    head: &str,
    body: &str,
    lang: Lang,
) -> io::Result<String> {
    let plain = Page {
        lang: lang.tag(),
        head,
        nav: "",
        root: dom::SITE_ROOT_ID,
        body,
        depth,
        start: Start::Plain,
    };
    page::render(&plain, viewer).map_err(io::Error::other)
}
