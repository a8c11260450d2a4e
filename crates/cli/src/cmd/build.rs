//! `marginalia build [--viewer DIR] [CONTENT] [OUT] [--examples DIR]`: writes the site.
//!
//! `make build` runs it after building the viewer (`make viewer`, into `target/viewer`):
//! `build --viewer target/viewer content dist --examples examples/articles`. Without
//! `--viewer` it uses the viewer inside the binary (`make binary`), so a writer needs nothing
//! else: `marginalia build` writes `content/` into `dist/`.
//! Every article is checked first; on any content error it prints them all
//! (`file:line:column: message` and a hint) and writes nothing, so the last good site stays.
//! `MARGINALIA_SITE_URL` (an absolute http(s) address) adds canonical links, `sitemap.xml`
//! and `feed.atom`. With `--drafts` (what `make dev` runs), entries `draft` suggested and the
//! writer has not confirmed are built too, shown as suggestions, instead of refused: a preview,
//! never what is published. Everything it prints goes to stderr.
//!
//! Status: fine when built, failed on content errors, usage on a bad `MARGINALIA_SITE_URL`, a
//! missing viewer build or an output folder that cannot be written.

use super::Status;
use crate::build_cache::{light, BuildCache, Cached, PageState};
use crate::registry::Registry;
use crate::site::{load_articles, write_site, Entry, SiteOptions, Viewer};
use marginalia_content::Drafts;
use std::path::Path;
use std::time::Instant;

/// The environment variable that names the site's address.
pub const SITE_URL_VARIABLE: &str = "MARGINALIA_SITE_URL";

pub fn run(
    viewer: Option<&Path>,
    content: &Path,
    out: &Path,
    examples: Option<&Path>,
    drafts: Drafts,
    single_files: bool,
) -> Status {
    // One build, then the process ends.
    crate::site::LEAVE_MEMORY_TO_EXIT.store(true, std::sync::atomic::Ordering::Relaxed);
    match build_with(viewer, content, out, examples, drafts, single_files) {
        Ok(summary) => {
            eprintln!("{summary}");
            Status::Fine
        }
        Err(error) => {
            eprintln!("{error}");
            error.status()
        }
    }
}

/// `MARGINALIA_SITE_URL` checked: an absolute http(s) address, given a trailing slash. Any
/// other value is an error naming what is wrong.
pub fn site_url(value: &str) -> Result<String, String> {
    let value = value.trim();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("MARGINALIA_SITE_URL must start with https:// or http://, not {value:?}")
        })?;
    let host = rest.split('/').next().unwrap_or("");
    let bad = |c: char| c.is_whitespace() || c.is_control() || "<>\"'`\\{}|^".contains(c);
    if host.is_empty() || value.chars().any(bad) || value.contains(['?', '#']) {
        return Err(format!(
            "MARGINALIA_SITE_URL must be a plain address like https://example.org/path/, not {value:?}"
        ));
    }
    Ok(if value.ends_with('/') {
        value.to_string()
    } else {
        format!("{value}/")
    })
}

/// Why [`build`] wrote nothing (or, for `Unwritable`, not everything).
#[derive(Debug)]
pub enum BuildError {
    /// Every content error of every article, each as `file:line:column: message` and a hint.
    Content(String),
    /// A bad `MARGINALIA_SITE_URL`, a missing viewer build, or an output folder that cannot be
    /// written: what is wrong, in a sentence.
    Usage(String),
}

impl BuildError {
    /// The command's exit status for this error.
    pub fn status(&self) -> Status {
        match self {
            BuildError::Content(_) => Status::Failed,
            BuildError::Usage(_) => Status::Usage,
        }
    }

    /// What to show a writer: the errors alone, without the command's closing line.
    pub fn text(&self) -> String {
        match self {
            BuildError::Content(report) => report.clone(),
            BuildError::Usage(message) => format!("site: {message}"),
        }
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content(report) => write!(
                f,
                "{report}\nsite: content errors (above); nothing was written"
            ),
            BuildError::Usage(message) => write!(f, "site: {message}"),
        }
    }
}

/// Builds the site (what `run` does, and `serve --watch` on every save) and returns the
/// summary line to print; prints nothing itself.
pub fn build(
    viewer: Option<&Path>,
    content: &Path,
    out: &Path,
    examples: Option<&Path>,
    drafts: Drafts,
) -> Result<String, BuildError> {
    build_with(viewer, content, out, examples, drafts, true)
}

/// [`build`], with or without each article's single file.
pub fn build_with(
    viewer: Option<&Path>,
    content: &Path,
    out: &Path,
    examples: Option<&Path>,
    drafts: Drafts,
    single_files: bool,
) -> Result<String, BuildError> {
    let started = Instant::now();
    let site_url = match std::env::var(SITE_URL_VARIABLE) {
        Ok(value) if !value.trim().is_empty() => Some(site_url(&value).map_err(BuildError::Usage)?),
        _ => None,
    };
    let viewer = Viewer::find(viewer).map_err(BuildError::Usage)?;
    let mut clock = crate::site::Laps::new();
    let cache = BuildCache::for_output(out, drafts == Drafts::Preview);
    let articles = load_articles(content, drafts, Some(&cache));
    clock.lap("read-and-check");
    let examples = examples
        .map(|dir| load_articles(dir, Drafts::Refuse, None))
        .unwrap_or(Ok(Vec::new()));
    let (articles, examples) = match (articles, examples) {
        (Ok(a), Ok(e)) => (a, e),
        (a, e) => {
            let reports: Vec<String> = [a.err(), e.err()].into_iter().flatten().collect();
            return Err(BuildError::Content(reports.join("\n")));
        }
    };
    // The site's own actors file, and the articles' agreement with it.
    let registry = Registry::read(content)
        .map_err(|errors| BuildError::Content(marginalia_content::report(&errors)))?;
    let disagreements = registry.check_articles(&articles);
    if !disagreements.is_empty() {
        return Err(BuildError::Content(marginalia_content::report(
            &disagreements,
        )));
    }
    clock.lap("registry");
    let options = SiteOptions {
        site_url: site_url.as_deref(),
        single_files,
        registry: &registry,
        cache: Some(&cache),
    };
    let written = write_site(&viewer, &articles, &examples, out, &options)
        .map_err(|e| BuildError::Usage(format!("cannot write {}: {e}", out.display())))?;
    let article_count = articles.len();
    keep(&cache, articles, &written.page_stamps, out)
        .map_err(|e| BuildError::Usage(format!("cannot write {}: {e}", out.display())))?;
    clock.lap("write-and-keep");
    Ok(format!(
        "site: {} article(s) and {} example(s) into {} ({} pages) in {} ms",
        article_count,
        examples.len(),
        out.display(),
        written.pages.len(),
        started.elapsed().as_millis()
    ))
}

/// Keeps in the build's cache every article read now or whose page was written now (with its
/// page's stamp), and forgets those no longer in the site, whose folders in `out` (their page
/// and data, written by an earlier build) are removed.
fn keep(
    cache: &BuildCache,
    articles: Vec<Entry>,
    page_stamps: &[(usize, PageState)],
    out: &Path,
) -> std::io::Result<()> {
    let written: std::collections::HashMap<usize, PageState> =
        page_stamps.iter().copied().collect();
    let slugs: Vec<String> = articles.iter().map(|e| e.slug.clone()).collect();
    for (n, entry) in articles.into_iter().enumerate() {
        let page = written.get(&n).copied();
        let state = match &entry.cached {
            Some(state) if state.read_now || page.is_some() => state.clone(),
            _ => {
                crate::site::leave_to_exit(entry);
                continue;
            }
        };
        // The whole article once, when it was read: after, only the stamp of its page changes.
        if state.read_now && entry.whole {
            cache.put_whole(&entry.slug, state.sources, &entry.article);
        }
        let mut kept = Cached::new(
            state.sources,
            entry.ui_language.map(|l| l.tag().to_string()),
            state.warnings.clone(),
            light(entry.article),
        );
        kept.page = page.unwrap_or(state.page);
        cache.put(&entry.slug, &kept);
        crate::site::leave_to_exit(kept);
    }
    for gone in cache.keep_only(&slugs.iter().map(String::as_str).collect()) {
        let folder = out.join(gone);
        if folder.is_dir() {
            std::fs::remove_dir_all(folder)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_urls_must_be_plain_http_addresses() {
        assert_eq!(
            site_url("https://example.org/sub").unwrap(),
            "https://example.org/sub/"
        );
        assert_eq!(
            site_url("http://localhost:8080/").unwrap(),
            "http://localhost:8080/"
        );
        for bad in [
            "javascript:alert(1)",
            "example.org/",
            "https://",
            "https://example.org/\"><script>",
            "https://exa mple.org/",
            "https://example.org/?q=1",
            "file:///etc/",
        ] {
            assert!(site_url(bad).is_err(), "{bad}");
        }
    }
}
