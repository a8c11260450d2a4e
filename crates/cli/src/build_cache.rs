//! The build's memory between runs: a site of 10,000 articles where one was edited is built
//! again without reading, checking and rendering the 9,999 others.
//!
//! It is kept beside the output folder, never in it (it is not for publishing):
//! `<out's parent>/.marginalia-cache/<out's name>/`, postcard:
//!
//! - `light.pack`, one file for every article: what the site's own pages need of each, read for
//!   every article on every build ([`Cached`]): the article **light** ([`light`]: without its
//!   text's blocks, its events' descriptions and sentences, its quotes' contexts, which only its
//!   own page shows, nor its relations' evidence, which an actor's page quotes only from the
//!   first articles that name it), its page's language, its warnings and the two stamps below.
//!   One read of one file, not 10,000 opened ([`Pack`]): a build appends the records of the
//!   articles it kept anew (the last record of an article is its own), and writes the file
//!   again, with one record per article, only when the records no longer read outweigh those
//!   read, an article left the site, or the file's end is damaged;
//! - `<slug>.text.bin`, one file per article: the whole checked article, read only when its
//!   page is rendered again (its navigation changed, while its sources did not), or when the
//!   site's index quotes it (its relations' evidence, the sentence that first names an actor:
//!   for the first articles of an actor's lists, [`crate::site_index::quoted`]).
//!
//! With them:
//!
//! 1. the **stamp of its sources**: each file of the folder by name, length and time of last
//!    change, with the binary that built it (its length and time) and the drafts mode. When a
//!    build finds the same stamp, the article is taken from the cache (light, with its
//!    warnings, printed again) instead of being read and checked;
//! 2. the **stamps of its page** ([`PageState`]): the sources' stamp with everything else its
//!    page is made of (its actors' counts across the site and their Wikidata items; the site's
//!    address and language; the viewer's files; whether single files are written), once without
//!    its navigation's related articles (the *body*) and once with them. When the whole stamp is
//!    the last build's and the page is there, the page is not rendered or written again. When
//!    only the related articles changed (another article's title was edited), the page is not
//!    rendered either: its navigation, the page template's last slot, is replaced in the file as
//!    the last build wrote it (its length and its navigation's length are kept with the stamps).
//!
//! 3. the **stamps of the site's own pages** (`pages.stamps`, one file for the site: each contents
//!    page, actor page, timeline page and file of the search by its path in the output folder,
//!    with the stamp of what it was made of: [`PageStamps`]). A page whose stamp is the last
//!    build's, and which is there, is neither rendered nor written again.
//!
//! A cache file that cannot be read (another format, damaged, missing) is as none: the article
//! is read and checked again (a pack damaged from some record on is read up to it). Nothing
//! else in it is trusted: a stamp that differs means the sources are read. A stamp is a hash
//! (Rust's `DefaultHasher`, fixed within one binary, which is part of the stamp). An edit that keeps a file's length and its time to the nanosecond is not
//! seen (`touch` the folder's file, or delete the cache folder, to build it again).

use marginalia_model::Article;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{OnceLock, RwLock};
use std::time::UNIX_EPOCH;

/// The cache's format: a file of another is as none.
const FORMAT: u32 = 5;

/// The file of every article's light record.
const PACK: &str = "light.pack";

/// The ending of an article's whole file; and of its light file in a cache of format 4 and
/// before (removed when met).
const WHOLE: &str = ".text.bin";
const OLD_LIGHT: &str = ".bin";

/// The file of the site's own pages' stamps, in the cache's folder.
const PAGE_STAMPS: &str = "pages.stamps";

/// What the cache keeps of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cached {
    format: u32,
    /// The stamp of its sources when it was read.
    pub sources: u64,
    /// Its page as it was last written (stamps 0: never).
    pub page: PageState,
    /// Its page's own language (`ui_language`), as a tag.
    pub ui_language: Option<String>,
    /// Its warnings, as `check` printed them (empty: none).
    pub warnings: String,
    /// The article, [`light`].
    pub article: Article,
}

/// An article's page as a build wrote it: its stamps, and where its navigation is in its file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageState {
    /// The stamp of everything the page is made of (0: never written).
    pub stamp: u64,
    /// The stamp of everything but its navigation's related articles.
    pub body: u64,
    /// The length of its file (`index.html`), and of the navigation at the end of it (before
    /// the page template's tail: [`crate::page::AFTER_NAV`]).
    pub len: u64,
    pub nav_len: u64,
}

/// The whole article as the cache keeps it for its page, with the stamp of its sources.
#[derive(Deserialize)]
struct Whole {
    format: u32,
    sources: u64,
    article: Article,
}

/// [`Whole`] as it is written: the same bytes, from the article borrowed (not copied).
#[derive(Serialize)]
struct WholeWritten<'a> {
    format: u32,
    sources: u64,
    article: &'a Article,
}

/// The article without what only its own page shows: its text's blocks, its events'
/// descriptions and sentences, its quotes' contexts; nor what the site's index quotes only of
/// the first articles that name an actor (its relations' evidence; from its text, the sentence
/// that first names each actor): the index takes those from the whole article, read for the
/// few articles it quotes ([`crate::site_index::quoted`]). What the site's own pages (the
/// index's lists and counts, the timeline, the contents, the search, the feeds) and the checks
/// across articles read of every article is all there.
pub fn light(mut article: Article) -> Article {
    // In place: nothing of it copied.
    article.blocks = Vec::new();
    for actor in &mut article.actors {
        for relation in &mut actor.relations {
            relation.evidence = String::new();
        }
    }
    for event in &mut article.events {
        event.description = String::new();
        event.sentences = Vec::new();
    }
    for quote in &mut article.quotes {
        quote.context = String::new();
    }
    article
}

/// The cache of the site being built into one output folder.
pub struct BuildCache {
    dir: PathBuf,
    /// The binary and the drafts mode, part of every sources' stamp.
    builder: u64,
    /// The light records, read once when the first is asked for.
    pack: OnceLock<RwLock<Pack>>,
}

/// The light records of every article as one file: `FORMAT` (4 bytes, little-endian), then
/// records, each its slug's length (4 bytes), its slug, its body's length (4 bytes) and its
/// body ([`Cached`], postcard). An article's last record is its own; a record cut short ends
/// the file (what follows is not read).
#[derive(Default)]
struct Pack {
    /// The file as it was read (a damaged end left out); places are in the file.
    read: Vec<u8>,
    /// The records put since, to be appended (apart: 100 MB read are not copied to grow).
    put: Vec<u8>,
    /// How many of `put`'s bytes are in the file already.
    saved: usize,
    /// By slug, where its last record's body is: in `read`, or (from `read`'s length on) in
    /// `put`.
    at: FxHashMap<String, (usize, usize)>,
    /// The bytes of the records that are no article's last (read no more).
    dead: usize,
    /// The file was there, of this format, and read to its end: records can be appended to it.
    appendable: bool,
    /// The slugs of the articles whose whole file is there (one listing of the folder).
    wholes: FxHashSet<String>,
}

impl Pack {
    /// The pack of the cache's folder `dir` (empty when there is none).
    fn read(dir: &Path) -> Pack {
        let mut pack = Pack {
            wholes: fs::read_dir(dir)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name();
                    Some(name.to_str()?.strip_suffix(WHOLE)?.to_string())
                })
                .collect(),
            ..Pack::default()
        };
        let Ok(mut bytes) = fs::read(dir.join(PACK)) else {
            return pack;
        };
        if bytes.get(..4) != Some(&FORMAT.to_le_bytes()[..]) {
            return pack;
        }
        let length = |bytes: &[u8], at: usize| -> Option<usize> {
            let four: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
            Some(u32::from_le_bytes(four) as usize)
        };
        let mut at = 4;
        pack.appendable = true;
        while at < bytes.len() {
            let record = (|| {
                let slug_len = length(&bytes, at)?;
                let slug = std::str::from_utf8(bytes.get(at + 4..at + 4 + slug_len)?).ok()?;
                let body_at = at + 8 + slug_len;
                let body_len = length(&bytes, at + 4 + slug_len)?;
                bytes.get(body_at..body_at + body_len)?;
                Some((slug, body_at, body_len))
            })();
            let Some((slug, body_at, body_len)) = record else {
                pack.appendable = false;
                break;
            };
            if let Some((_, len)) = pack.at.insert(slug.to_string(), (body_at, body_len)) {
                pack.dead += record_len(slug, len);
            }
            at = body_at + body_len;
        }
        bytes.truncate(at);
        pack.read = bytes;
        pack
    }

    /// The body at `at` (in `read`, then in `put`), `len` bytes long.
    fn body(&self, at: usize, len: usize) -> &[u8] {
        match at.checked_sub(self.read.len()) {
            Some(at) => &self.put[at..at + len],
            None => &self.read[at..at + len],
        }
    }

    /// Appends the record of `slug` (its `body`): its last, its own.
    fn put(&mut self, slug: &str, body: &[u8]) {
        append_record(&mut self.put, slug, body);
        let body_at = self.read.len() + self.put.len() - body.len();
        if let Some((_, len)) = self.at.insert(slug.to_string(), (body_at, body.len())) {
            self.dead += record_len(slug, len);
        }
    }

    /// Writes what was put since it was read: appended to the file, or the file anew (one
    /// record per article of `slugs`) when it was not there, was damaged, holds articles not in
    /// `slugs`, or its records read no more outweigh the others.
    fn save(&mut self, dir: &Path, slugs: &std::collections::HashSet<&str>) -> std::io::Result<()> {
        let file = dir.join(PACK);
        let gone = self.at.keys().any(|slug| !slugs.contains(slug.as_str()));
        let live = self.read.len() + self.put.len() - self.dead;
        if !self.appendable || gone || self.dead > live {
            let mut kept: Vec<(&String, &(usize, usize))> = self
                .at
                .iter()
                .filter(|(slug, _)| slugs.contains(slug.as_str()))
                .collect();
            kept.sort_unstable();
            let mut bytes = Vec::with_capacity(live);
            bytes.extend_from_slice(&FORMAT.to_le_bytes());
            for (slug, &(at, len)) in kept {
                append_record(&mut bytes, slug, self.body(at, len));
            }
            let new = dir.join(format!("{PACK}.new"));
            fs::write(&new, &bytes)?;
            fs::rename(&new, &file)?;
            // As the file is now (the places of its records changed).
            *self = Pack::read(dir);
        } else if self.put.len() > self.saved {
            let mut out = fs::OpenOptions::new().append(true).open(&file)?;
            out.write_all(&self.put[self.saved..])?;
            self.saved = self.put.len();
        }
        Ok(())
    }
}

/// A record of `slug` with `body`, at the end of `bytes`.
fn append_record(bytes: &mut Vec<u8>, slug: &str, body: &[u8]) {
    let len = |n: usize| {
        u32::try_from(n)
            .expect("a record under 4 GiB")
            .to_le_bytes()
    };
    bytes.extend_from_slice(&len(slug.len()));
    bytes.extend_from_slice(slug.as_bytes());
    bytes.extend_from_slice(&len(body.len()));
    bytes.extend_from_slice(body);
}

/// The length of a record of `slug` with a body of `len` bytes.
fn record_len(slug: &str, len: usize) -> usize {
    8 + slug.len() + len
}

impl BuildCache {
    /// The cache of a build into `out`, with unconfirmed suggestions built or not (`drafts`).
    pub fn for_output(out: &Path, drafts: bool) -> BuildCache {
        let name = out
            .file_name()
            .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut hasher = DefaultHasher::new();
        FORMAT.hash(&mut hasher);
        drafts.hash(&mut hasher);
        if let Ok(meta) = std::env::current_exe().and_then(fs::metadata) {
            stamp_file(&meta, &mut hasher);
        }
        BuildCache {
            dir: parent.join(".marginalia-cache").join(name),
            builder: hasher.finish(),
            pack: OnceLock::new(),
        }
    }

    /// The stamp of an article folder's files as they are now (each by name, length and time
    /// of last change), with the builder's. None when the folder cannot be listed.
    pub fn sources_stamp(&self, folder: &Path) -> Option<u64> {
        let mut files: Vec<(String, fs::Metadata)> = fs::read_dir(folder)
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|e| {
                Some((
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().ok()?,
                ))
            })
            .filter(|(_, meta)| meta.is_file())
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut hasher = DefaultHasher::new();
        self.builder.hash(&mut hasher);
        for (name, meta) in &files {
            name.hash(&mut hasher);
            stamp_file(meta, &mut hasher);
        }
        Some(hasher.finish())
    }

    fn whole_path(&self, slug: &str) -> PathBuf {
        self.dir.join(format!("{slug}{WHOLE}"))
    }

    /// The article `slug` as the cache has it (light), if its sources' stamp is `sources` and
    /// the whole article is kept too.
    pub fn get(&self, slug: &str, sources: u64) -> Option<Cached> {
        let pack = self.pack().read().expect("the cache's lock");
        let &(at, len) = pack.at.get(slug)?;
        if !pack.wholes.contains(slug) {
            return None;
        }
        let cached: Cached = postcard::from_bytes(pack.body(at, len)).ok()?;
        let kept = cached.format == FORMAT && cached.sources == sources;
        kept.then_some(cached)
    }

    /// Reads the pack of light articles now (else it is read when the first is asked for).
    pub fn read_pack(&self) {
        self.pack();
    }

    /// The pack, read when first asked for.
    fn pack(&self) -> &RwLock<Pack> {
        self.pack.get_or_init(|| RwLock::new(Pack::read(&self.dir)))
    }

    /// The pack, to change.
    fn pack_mut(&self) -> std::sync::RwLockWriteGuard<'_, Pack> {
        self.pack().write().expect("the cache's lock")
    }

    /// The whole article `slug` (for its page), if the cache has it for sources stamped
    /// `sources`.
    /// When it has not (a damaged file), the article is forgotten (its whole file removed: the
    /// light one is not taken without it), so that the next build reads its sources again.
    pub fn whole(&self, slug: &str, sources: u64) -> Option<Article> {
        let whole = fs::read(self.whole_path(slug))
            .ok()
            .and_then(|bytes| postcard::from_bytes::<Whole>(&bytes).ok())
            .filter(|whole| whole.format == FORMAT && whole.sources == sources);
        if whole.is_none() {
            let _ = fs::remove_file(self.whole_path(slug));
            self.pack_mut().wholes.remove(slug);
        }
        whole.map(|whole| whole.article)
    }

    /// Keeps `cached` (light) for the next build, in the pack ([`BuildCache::keep_only`] writes
    /// it).
    pub fn put(&self, slug: &str, cached: &Cached) {
        match postcard::to_allocvec(cached) {
            Ok(body) => self.pack_mut().put(slug, &body),
            Err(e) => eprintln!("site: cannot keep {slug} in the build's cache: {e}"),
        }
    }

    /// Keeps the whole `article`, read from sources stamped `sources`, for its page.
    pub fn put_whole(&self, slug: &str, sources: u64, article: &Article) {
        let whole = WholeWritten {
            format: FORMAT,
            sources,
            article,
        };
        self.write(slug, &self.whole_path(slug), &whole);
        self.pack_mut().wholes.insert(slug.to_string());
    }

    fn write(&self, slug: &str, path: &Path, what: &impl Serialize) {
        let written = fs::create_dir_all(&self.dir).and_then(|()| {
            let bytes = postcard::to_allocvec(what).map_err(std::io::Error::other)?;
            fs::write(path, bytes)
        });
        if let Err(e) = written {
            eprintln!(
                "site: cannot keep {slug} in the build's cache {}: {e}",
                self.dir.display()
            );
        }
    }

    /// The stamps of the site's own pages as the last build left them (none if unreadable).
    pub fn page_stamps(&self) -> PageStamps {
        let file = self.dir.join(PAGE_STAMPS);
        let before = fs::read(&file)
            .ok()
            .and_then(|bytes| postcard::from_bytes::<(u32, HashMap<String, u64>)>(&bytes).ok())
            .filter(|(format, _)| *format == FORMAT)
            .map(|(_, stamps)| stamps)
            .unwrap_or_default();
        PageStamps {
            file: Some(file),
            builder: self.builder,
            before,
            now: HashMap::new(),
        }
    }

    /// Writes the light articles put in this build, forgets the articles that are no longer in
    /// the site (`slugs`), and says which they were (by slug, each once, sorted): the build
    /// removes their pages. A cache that cannot be written only makes the next build slower:
    /// it is said on stderr, and the build goes on.
    pub fn keep_only(&self, slugs: &std::collections::HashSet<&str>) -> Vec<String> {
        let mut forgotten = std::collections::BTreeSet::new();
        {
            let mut pack = self.pack_mut();
            forgotten.extend(
                pack.at
                    .keys()
                    .filter(|slug| !slugs.contains(slug.as_str()))
                    .cloned(),
            );
            let written = fs::create_dir_all(&self.dir).and_then(|()| pack.save(&self.dir, slugs));
            if let Err(e) = written {
                eprintln!(
                    "site: cannot keep the articles in the build's cache {}: {e}",
                    self.dir.display()
                );
            }
        }
        let Ok(files) = fs::read_dir(&self.dir) else {
            return forgotten.into_iter().collect();
        };
        for file in files.filter_map(Result::ok) {
            let name = file.file_name().to_string_lossy().into_owned();
            if let Some(slug) = name.strip_suffix(WHOLE) {
                if !slugs.contains(slug) {
                    forgotten.insert(slug.to_string());
                    let _ = fs::remove_file(file.path());
                }
            } else if let Some(slug) = name.strip_suffix(OLD_LIGHT) {
                // A light file of an older cache: its article too, if it left the site.
                if !slugs.contains(slug) {
                    forgotten.insert(slug.to_string());
                }
                let _ = fs::remove_file(file.path());
            }
        }
        forgotten.into_iter().collect()
    }
}

impl Cached {
    /// What the cache keeps of an article just read and checked (its page not yet written).
    pub fn new(
        sources: u64,
        ui_language: Option<String>,
        warnings: String,
        article: Article,
    ) -> Cached {
        Cached {
            format: FORMAT,
            sources,
            page: PageState::default(),
            ui_language,
            warnings,
            article,
        }
    }
}

/// The stamps of the site's own pages as the last build wrote them, and as this one does: a page
/// whose inputs are stamped as before, and which is still there, is not rendered again.
#[derive(Default)]
pub struct PageStamps {
    /// Where they are kept (none: a build without a cache, which renders every page).
    file: Option<PathBuf>,
    /// The binary and the drafts mode ([`BuildCache`]'s), part of every page's stamp.
    builder: u64,
    before: HashMap<String, u64>,
    now: HashMap<String, u64>,
}

impl PageStamps {
    /// No stamps: every page is rendered and written.
    pub fn none() -> PageStamps {
        PageStamps::default()
    }

    /// Whether the page at `path` (in the output folder `out`) is as the last build wrote it,
    /// its inputs' stamp being `stamp`; the stamp is kept for the next build either way (the
    /// caller writes the page when it is not).
    pub fn unchanged(&mut self, out: &Path, path: &Path, stamp: u64) -> bool {
        if self.file.is_none() {
            return false;
        }
        let key = path
            .strip_prefix(out)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        let stamp = crate::build_cache::stamp(&(self.builder, stamp));
        let same = self.before.get(&key) == Some(&stamp) && path.is_file();
        self.now.insert(key, stamp);
        same
    }

    /// Keeps this build's stamps for the next (the pages not stamped this time are forgotten).
    /// A file that cannot be written only makes the next build slower.
    pub fn save(self) {
        let Some(file) = self.file else {
            return;
        };
        if self.now == self.before {
            return;
        }
        let written = file
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| {
                let bytes =
                    postcard::to_allocvec(&(FORMAT, &self.now)).map_err(std::io::Error::other)?;
                fs::write(&file, bytes)
            });
        if let Err(e) = written {
            eprintln!(
                "site: cannot keep the pages' stamps in {}: {e}",
                file.display()
            );
        }
    }
}

/// A file's length and time of last change, into `hasher`.
fn stamp_file(meta: &fs::Metadata, hasher: &mut DefaultHasher) {
    meta.len().hash(hasher);
    if let Some(since) = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
    {
        since.as_nanos().hash(hasher);
    }
}

/// A stamp of anything hashable (a page's inputs).
pub fn stamp(what: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    what.hash(&mut hasher);
    hasher.finish()
}

/// A stamp of anything by its `Debug` form (a page's inputs that are not `Hash`: the site
/// index's entries), hashed as it is written, without a string made of it.
pub fn stamp_debug(what: &impl std::fmt::Debug) -> u64 {
    struct Into<'a>(&'a mut DefaultHasher);
    impl std::fmt::Write for Into<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut hasher = DefaultHasher::new();
    let _ = std::fmt::write(&mut Into(&mut hasher), format_args!("{what:?}"));
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_comes_back_as_it_was_kept_while_its_sources_are_unchanged() {
        let tmp = std::env::temp_dir().join(format!("marginalia-cache-{}", std::process::id()));
        let folder = tmp.join("content/a");
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("meta.toml"), "title = 1").unwrap();
        let cache = BuildCache::for_output(&tmp.join("site"), false);
        assert_eq!(cache.dir, tmp.join(".marginalia-cache/site"));
        let stamp = cache.sources_stamp(&folder).unwrap();
        assert_eq!(cache.sources_stamp(&folder), Some(stamp), "stable");
        let article = crate::seed_for_tests();
        let kept = Cached::new(
            stamp,
            Some("ja".into()),
            "a warning".into(),
            light(article.clone()),
        );
        // Without the whole article, the light one is not enough.
        cache.put("a", &kept);
        assert_eq!(cache.get("a", stamp), None);
        cache.put_whole("a", stamp, &article);
        assert_eq!(cache.get("a", stamp), Some(kept.clone()));
        assert_eq!(cache.whole("a", stamp), Some(article.clone()));
        assert!(kept.article.blocks.is_empty() && !article.blocks.is_empty());
        let evidence = |a: &Article| {
            a.actors
                .iter()
                .flat_map(|a| &a.relations)
                .any(|r| !r.evidence.is_empty())
        };
        assert!(!evidence(&kept.article) && evidence(&article));
        // An edit (another length) is another stamp: the cache has nothing for it.
        fs::write(folder.join("meta.toml"), "title = 12").unwrap();
        let edited = cache.sources_stamp(&folder).unwrap();
        assert_ne!(edited, stamp);
        assert_eq!(cache.get("a", edited), None);
        // Drafts built or not are two caches' worth of stamps.
        let drafts = BuildCache::for_output(&tmp.join("site"), true);
        assert_ne!(drafts.sources_stamp(&folder), Some(edited));
        // Kept for the next build once written (one pack for every light article).
        cache.put_whole("b", stamp, &article);
        cache.put("b", &kept);
        assert!(cache
            .keep_only(&["a", "b"].into_iter().collect())
            .is_empty());
        let next = || BuildCache::for_output(&tmp.join("site"), false);
        let pack = cache.dir.join(PACK);
        assert_eq!(next().get("a", stamp), Some(kept.clone()));
        assert_eq!(next().get("b", stamp), Some(kept.clone()));
        // An article kept again is its last record: appended, the others left as they are.
        let len = fs::metadata(&pack).unwrap().len();
        let mut again = kept.clone();
        again.warnings = "another warning".into();
        let second = next();
        second.put("b", &again);
        assert!(second
            .keep_only(&["a", "b"].into_iter().collect())
            .is_empty());
        assert!(fs::metadata(&pack).unwrap().len() > len);
        assert_eq!(next().get("b", stamp), Some(again.clone()));
        assert_eq!(next().get("a", stamp), Some(kept.clone()));
        // Once the records read no more outweigh the others, the pack is written anew.
        let third = next();
        for _ in 0..3 {
            third.put("a", &kept);
        }
        third.keep_only(&["a", "b"].into_iter().collect());
        let fresh = Pack::read(&cache.dir);
        assert_eq!((fresh.dead, fresh.at.len(), fresh.appendable), (0, 2, true));
        assert_eq!(next().get("a", stamp), Some(kept.clone()));
        // A pack cut short is read up to its last whole record, and written anew.
        let bytes = fs::read(&pack).unwrap();
        fs::write(&pack, &bytes[..bytes.len() - 3]).unwrap();
        let cut = next();
        assert_eq!(cut.get("a", stamp), Some(kept.clone()), "the first record");
        assert_eq!(cut.get("b", stamp), None, "the record cut short");
        cut.put("b", &again);
        cut.keep_only(&["a", "b"].into_iter().collect());
        assert!(Pack::read(&cache.dir).appendable);
        assert_eq!(next().get("b", stamp), Some(again.clone()));
        // A pack of another format, or damaged from its start, is as none.
        fs::write(&pack, b"\x04\x00\x00\x00\x01").unwrap();
        assert_eq!(next().get("a", stamp), None);
        fs::write(&pack, b"\x00\xff").unwrap();
        assert_eq!(next().get("a", stamp), None);
        // A damaged whole file: the article is forgotten (read again by the next build).
        cache.put("b", &kept);
        fs::write(cache.whole_path("b"), b"\x00").unwrap();
        assert_eq!(cache.whole("b", stamp), None);
        assert_eq!(cache.get("b", stamp), None);
        // An article gone from the site is forgotten, and so is an older cache's light file.
        cache.put_whole("b", stamp, &article);
        fs::write(cache.dir.join("a.bin"), b"format 4").unwrap();
        assert_eq!(cache.keep_only(&["a"].into_iter().collect()), ["b"]);
        assert!(!cache.whole_path("b").exists() && !cache.dir.join("a.bin").exists());
        assert!(cache.whole_path("a").exists());
        assert_eq!(next().get("b", stamp), None);
        assert_eq!(next().get("a", stamp), Some(kept.clone()));
        assert_eq!(Pack::read(&cache.dir).at.len(), 1, "b's record is gone");
        fs::remove_dir_all(tmp).unwrap();
    }

    #[test]
    fn a_page_stamped_as_before_and_still_there_is_unchanged_and_stamps_last_one_build() {
        let tmp = std::env::temp_dir().join(format!("marginalia-stamps-{}", std::process::id()));
        let out = tmp.join("site");
        fs::create_dir_all(out.join("actors")).unwrap();
        let page = out.join("actors/index.html");
        let cache = BuildCache::for_output(&out, false);
        // Without a cache nothing is unchanged.
        assert!(!PageStamps::none().unchanged(&out, &page, 1));
        let mut first = cache.page_stamps();
        assert!(!first.unchanged(&out, &page, 1), "never stamped");
        fs::write(&page, "page").unwrap();
        first.save();
        let mut second = cache.page_stamps();
        assert!(second.unchanged(&out, &page, 1));
        assert!(!second.unchanged(&out, &out.join("timeline/index.html"), 1));
        second.save();
        // Another stamp is a change; a page gone is one too; a page not stamped by the last
        // build is forgotten.
        let mut third = cache.page_stamps();
        assert!(!third.unchanged(&out, &page, 2));
        third.save();
        let mut fourth = cache.page_stamps();
        assert!(fourth.unchanged(&out, &page, 2));
        fs::remove_file(&page).unwrap();
        assert!(!fourth.unchanged(&out, &page, 2));
        fourth.save();
        assert!(!cache
            .page_stamps()
            .unchanged(&out, &out.join("timeline/index.html"), 1));
        // A stamp is of what is given, by its `Debug` form.
        assert_eq!(stamp_debug(&("a", 1)), stamp_debug(&("a", 1)));
        assert_ne!(stamp_debug(&("a", 1)), stamp_debug(&("a", 2)));
        fs::remove_dir_all(tmp).unwrap();
    }
}
