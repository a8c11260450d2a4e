//! The build's memory between runs: a site of 10,000 articles where one was edited is built
//! again without reading, checking and rendering the 9,999 others.
//!
//! It is kept beside the output folder, never in it (it is not for publishing):
//! `<out's parent>/.marginalia-cache/<out's name>/`, one file per article (`<slug>.bin`,
//! postcard), holding:
//!
//! 1. the **stamp of its sources**: each file of the folder by name, length and time of last
//!    change, with the binary that built it (its length and time) and the drafts mode. When a
//!    build finds the same stamp, the article is taken from the cache ([`Cached`]: the checked
//!    article, its page's language and the warnings it had, printed again) instead of being read
//!    and checked;
//! 2. the **stamp of its page**: the sources' stamp with everything else its page is made of
//!    (its navigation: the related articles' titles, its actors' counts across the site; the
//!    site's address and language; the viewer's files; whether single files are written). When
//!    it is the last build's and the page is there, the page is not rendered or written again.
//!
//! A cache file that cannot be read (another format, damaged, missing) is as none: the article
//! is read and checked again. Nothing else in it is trusted: a stamp that differs means the
//! sources are read. A stamp is a hash (Rust's `DefaultHasher`, fixed within one binary, which is
//! part of the stamp). An edit that keeps a file's length and its time to the nanosecond is not
//! seen (`touch` the folder's file, or delete the cache folder, to build it again).

use marginalia_model::Article;
use serde::{Deserialize, Serialize};
use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The cache's format: a file of another is as none.
const FORMAT: u32 = 1;

/// What the cache keeps of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cached {
    format: u32,
    /// The stamp of its sources when it was read.
    pub sources: u64,
    /// The stamp of its page when it was last written (0: never).
    pub page: u64,
    /// Its page's own language (`ui_language`), as a tag.
    pub ui_language: Option<String>,
    /// Its warnings, as `check` printed them (empty: none).
    pub warnings: String,
    pub article: Article,
}

/// The cache of the site being built into one output folder.
pub struct BuildCache {
    dir: PathBuf,
    /// The binary and the drafts mode, part of every sources' stamp.
    builder: u64,
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

    fn path(&self, slug: &str) -> PathBuf {
        self.dir.join(format!("{slug}.bin"))
    }

    /// The article `slug` as the cache has it, if its sources' stamp is `sources`.
    pub fn get(&self, slug: &str, sources: u64) -> Option<Cached> {
        let bytes = fs::read(self.path(slug)).ok()?;
        let cached: Cached = postcard::from_bytes(&bytes).ok()?;
        (cached.format == FORMAT && cached.sources == sources).then_some(cached)
    }

    /// Keeps `cached` for the next build. A cache that cannot be written only makes the next
    /// build slower: it is said on stderr, and the build goes on.
    pub fn put(&self, slug: &str, cached: &Cached) {
        let written = fs::create_dir_all(&self.dir).and_then(|()| {
            let bytes = postcard::to_allocvec(cached).map_err(std::io::Error::other)?;
            fs::write(self.path(slug), bytes)
        });
        if let Err(e) = written {
            eprintln!(
                "site: cannot keep {slug} in the build's cache {}: {e}",
                self.dir.display()
            );
        }
    }

    /// Forgets the articles that are no longer in the site.
    pub fn keep_only(&self, slugs: &std::collections::HashSet<&str>) {
        let Ok(files) = fs::read_dir(&self.dir) else {
            return;
        };
        for file in files.filter_map(Result::ok) {
            let name = file.file_name().to_string_lossy().into_owned();
            let gone = name
                .strip_suffix(".bin")
                .is_some_and(|slug| !slugs.contains(slug));
            if gone {
                let _ = fs::remove_file(file.path());
            }
        }
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
            page: 0,
            ui_language,
            warnings,
            article,
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
            article.clone(),
        );
        cache.put("a", &kept);
        assert_eq!(cache.get("a", stamp), Some(kept));
        // An edit (another length) is another stamp: the cache has nothing for it.
        fs::write(folder.join("meta.toml"), "title = 12").unwrap();
        let edited = cache.sources_stamp(&folder).unwrap();
        assert_ne!(edited, stamp);
        assert_eq!(cache.get("a", edited), None);
        // Drafts built or not are two caches' worth of stamps.
        let drafts = BuildCache::for_output(&tmp.join("site"), true);
        assert_ne!(drafts.sources_stamp(&folder), Some(edited));
        // A damaged file is as none; an article gone from the site is forgotten.
        fs::write(cache.path("b"), b"\x00\xff").unwrap();
        assert_eq!(cache.get("b", stamp), None);
        cache.keep_only(&["a"].into_iter().collect());
        assert!(!cache.path("b").exists() && cache.path("a").exists());
        fs::remove_dir_all(tmp).unwrap();
    }
}
