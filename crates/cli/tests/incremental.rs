//! A site built again after an edit: only what changed is read and written (the build's cache,
//! `build_cache.rs`), and the site is byte for byte what a build from nothing writes.

mod common;

use marginalia_cli::cmd::build::build_with;
use marginalia_content::Drafts;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Every file of a folder, by its path inside it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

/// The site built again into `site` is byte for byte what a build from nothing writes
/// (`fresh`, with its own cache, made anew each time): every page, the actors', the
/// timeline's, the contents' and the search's files included. `after` names the edit.
fn assert_as_if_built_from_nothing<R>(
    site: &Path,
    fresh: &Path,
    build: &impl Fn(&Path) -> R,
    after: &str,
) {
    let fresh_root = fresh.parent().unwrap();
    let _ = fs::remove_dir_all(fresh_root);
    build(fresh);
    let (again, anew) = (tree(site), tree(fresh));
    assert_eq!(
        again.keys().collect::<Vec<_>>(),
        anew.keys().collect::<Vec<_>>(),
        "after {after}: the files"
    );
    for (path, bytes) in &again {
        assert!(
            anew[path] == *bytes,
            "after {after}: {} differs from a build from nothing",
            path.display()
        );
    }
}

/// Replaces `from` by `to` in a file, once; it must be there.
fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", file.display());
    fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// A copy of an article's folder `from` at `to` (its files: an article folder has no folders).
fn copy_article(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for file in fs::read_dir(from).unwrap() {
        let file = file.unwrap();
        fs::copy(file.path(), to.join(file.file_name())).unwrap();
    }
}

/// Builds the site of `content` into `out` with `viewer`, as `marginalia build` does, keeping
/// its cache beside `out`.
fn build_site(viewer: &Path, content: &Path, out: &Path) {
    build_with(Some(viewer), content, out, None, Drafts::Refuse, false)
        .unwrap_or_else(|e| panic!("{e}"));
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn an_edit_rewrites_its_page_and_those_that_list_it_and_the_site_is_as_if_built_from_nothing() {
    let root = common::workspace_root();
    let tmp = std::env::temp_dir().join(format!("marginalia-incremental-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let (content, viewer) = (tmp.join("content"), tmp.join("viewer"));
    common::stand_in_viewer(&viewer);
    for (from, slug) in [
        ("content/putin-kim-pact", "putin-kim-pact"),
        ("content/us-rok-japan-joint-statement", "statement"),
        ("content/us-rok-japan-joint-statement", "unrelated"),
    ] {
        let to = content.join(slug);
        copy_article(&root.join(from), &to);
    }
    let build = |out: &Path| build_site(&viewer, &content, out);
    let site = tmp.join("site");
    build(&site);
    // Every article light in one pack, and whole in its own file.
    let cached = tmp.join(".marginalia-cache/site");
    assert!(cached.join("light.pack").is_file());
    assert!(cached.join("putin-kim-pact.text.bin").is_file());
    let page = |slug: &str| site.join(slug).join("index.html");
    let before: Vec<SystemTime> = ["putin-kim-pact", "statement", "unrelated"]
        .iter()
        .map(|s| modified(&page(s)))
        .collect();
    let site_pages = [
        "index.html",
        "actors/index.html",
        "actors/putin/index.html",
        "timeline/index.html",
        "search/p.js",
        "search/d-0.js",
    ];
    let site_pages_before: Vec<SystemTime> =
        site_pages.iter().map(|p| modified(&site.join(p))).collect();

    // Built again with nothing changed: no article page is written again.
    std::thread::sleep(std::time::Duration::from_millis(20));
    build(&site);
    for (slug, then) in ["putin-kim-pact", "statement", "unrelated"]
        .iter()
        .zip(&before)
    {
        assert_eq!(modified(&page(slug)), *then, "{slug} was written again");
    }
    // Nor any of the site's own pages: their inputs are stamped as before.
    for (path, then) in site_pages.iter().zip(&site_pages_before) {
        assert_eq!(
            modified(&site.join(path)),
            *then,
            "{path} was written again"
        );
    }

    // The seed's title edited: its page is written again, and so are those whose navigation
    // names it among their related articles; the site is what a build from nothing writes.
    let meta = content.join("putin-kim-pact/meta.toml");
    let text = fs::read_to_string(&meta).unwrap();
    fs::write(&meta, text.replacen("sound alarm", "sound the alarm", 1)).unwrap();
    build(&site);
    assert_ne!(modified(&page("putin-kim-pact")), before[0]);
    let seed_page = fs::read_to_string(page("putin-kim-pact")).unwrap();
    assert!(seed_page.contains("sound the alarm"));
    let statement = fs::read_to_string(page("statement")).unwrap();
    assert!(
        statement.contains("sound the alarm"),
        "the related article's navigation names it"
    );
    let fresh = tmp.join("fresh/site");
    assert_as_if_built_from_nothing(&site, &fresh, &build, "an edited title");

    // An actor's name and role edited: its page, the pages that name it (its relations', the
    // timeline's, the articles' navigation) and the search say the new ones.
    let actors = content.join("putin-kim-pact/actors.toml");
    edit(
        &actors,
        "name = \"Vladimir Putin\"",
        "name = \"Vladimir V. Putin\"",
    );
    edit(
        &actors,
        "role = \"President of Russia\"",
        "role = \"Russian president\"",
    );
    build(&site);
    let putin = fs::read_to_string(site.join("actors/putin/index.html")).unwrap();
    assert!(putin.contains("Russian president") && putin.contains("Vladimir V. Putin"));
    assert_as_if_built_from_nothing(&site, &fresh, &build, "an actor's name and role edited");

    // A quote removed (its marks in the text too): the speaker's page and the search lose it.
    let quotes = content.join("putin-kim-pact/quotes.toml");
    edit(
        &quotes,
        "[[quote]]\nid = \"agreement-aggression\"\nspeaker = \"kcna\"\ntext = \"aggression\"\nevent = \"kcna-text-2024\"\n",
        "",
    );
    edit(
        &quotes,
        "context = \"The agreement’s text as released by the Korean Central News Agency: mutual assistance against aggression.\"\n",
        "",
    );
    // The sentence is evidence and an event's sentence too: edited wherever it is.
    for file in ["article.md", "actors.toml", "events.toml"] {
        let file = content.join("putin-kim-pact").join(file);
        let text = fs::read_to_string(&file).unwrap();
        fs::write(
            &file,
            text.replace("against “aggression”", "against aggression"),
        )
        .unwrap();
    }
    build(&site);
    let search = tree(&site.join("search"));
    assert!(!search
        .values()
        .any(|s| String::from_utf8_lossy(s).contains("quote=agreement-aggression")));
    assert_as_if_built_from_nothing(&site, &fresh, &build, "a quote removed");

    // Dates edited: the article's own (its roles' dates, its quotes without an event, the
    // order of the actors' roles and quotes) and an event's (the merged timeline's order).
    edit(
        &content.join("putin-kim-pact/meta.toml"),
        "date = \"2024-06-20\"",
        "date = \"2024-06-25\"",
    );
    edit(
        &content.join("putin-kim-pact/events.toml"),
        "date = \"1961-07-06\"",
        "date = \"1961-07-07\"",
    );
    build(&site);
    let timeline = fs::read_to_string(site.join("timeline/index.html")).unwrap();
    assert!(
        timeline.contains("1961-07-07"),
        "the timeline has the new date"
    );
    assert_as_if_built_from_nothing(&site, &fresh, &build, "dates edited");

    // A new article: the contents, the actors it names, the timeline and the search list it.
    let new = content.join("another-statement");
    copy_article(&content.join("statement"), &new);
    build(&site);
    assert!(fs::read_to_string(site.join("index.html"))
        .unwrap()
        .contains("href=\"./another-statement/\""));
    assert_as_if_built_from_nothing(&site, &fresh, &build, "a new article");

    // An article removed: it is listed nowhere, and forgotten by the cache too.
    fs::remove_dir_all(content.join("unrelated")).unwrap();
    build(&site);
    assert!(!cached.join("unrelated.text.bin").exists());
    let pack = fs::read(cached.join("light.pack")).unwrap();
    assert!(!pack.windows(9).any(|w| w == b"unrelated"));
    assert_as_if_built_from_nothing(&site, &fresh, &build, "an article removed");

    // The site's own file gives an actor a Wikidata item, then another: the JSON-LD of the
    // articles that name it says so (their sources did not change, the site's file did).
    let site_file = content.join("site.toml");
    fs::write(
        &site_file,
        "[[actor]]\nid = \"putin\"\nname = \"Vladimir Putin\"\nkind = \"person\"\nwikidata = \"Q7747\"\n",
    )
    .unwrap();
    build(&site);
    assert!(fs::read_to_string(page("putin-kim-pact"))
        .unwrap()
        .contains("Q7747"));
    assert_as_if_built_from_nothing(&site, &fresh, &build, "a Wikidata item given");
    edit(&site_file, "Q7747", "Q7748");
    build(&site);
    assert_as_if_built_from_nothing(&site, &fresh, &build, "a Wikidata item changed");

    // A cache that cannot be trusted (damaged, or of another format) is as none: the next
    // build reads everything again and writes the same site.
    let cache = tmp.join(".marginalia-cache/site");
    for file in fs::read_dir(&cache).unwrap() {
        fs::write(file.unwrap().path(), b"\x07not a cache").unwrap();
    }
    edit(
        &content.join("statement/meta.toml"),
        "title = \"",
        "title = \"Again: ",
    );
    build(&site);
    assert!(fs::read_to_string(page("statement"))
        .unwrap()
        .contains("Again: "));
    assert_as_if_built_from_nothing(&site, &fresh, &build, "a damaged cache");
    fs::remove_dir_all(&tmp).unwrap();
}

/// Beyond the first articles of every actor's lists, an article is taken from the cache light
/// (without its relations' evidence and first sentences) and never whole; when an edit brings
/// it among the first (articles before it removed), it is taken whole from the cache, or read
/// again when the cache lost it. Each time, the site is what a build from nothing writes.
#[test]
fn an_article_beyond_the_lists_is_light_until_it_is_among_their_first_and_the_site_is_as_if_built_from_nothing(
) {
    use marginalia_cli::site_pages::MAX_LISTED;
    let root = common::workspace_root();
    let tmp = std::env::temp_dir().join(format!("marginalia-beyond-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let (content, viewer) = (tmp.join("content"), tmp.join("viewer"));
    common::stand_in_viewer(&viewer);
    let slug = |n: usize| format!("a-{n:03}");
    for n in 0..MAX_LISTED + 3 {
        let to = content.join(slug(n));
        copy_article(&root.join("content/us-rok-japan-joint-statement"), &to);
    }
    let build = |out: &Path| build_site(&viewer, &content, out);
    let site = tmp.join("site");
    let fresh = tmp.join("fresh/site");
    build(&site);

    // The last article's actor renamed (the fullest name is the site's): the actor's page, the
    // search and the article's own page say it.
    let last = content.join(slug(MAX_LISTED + 2));
    edit(
        &last.join("actors.toml"),
        "name = \"Japan\"",
        "name = \"Japan, the State of\"",
    );
    build(&site);
    let japan = fs::read_to_string(site.join("actors/japan/index.html")).unwrap();
    assert!(japan.contains("Japan, the State of"));
    assert_as_if_built_from_nothing(&site, &fresh, &build, "an actor renamed beyond the lists");

    // The first two articles removed: the two last before them come among the first of every
    // list, one taken whole from the cache, the other read again (its whole form damaged).
    let cache = tmp.join(".marginalia-cache/site");
    fs::write(
        cache.join(format!("{}.text.bin", slug(MAX_LISTED + 1))),
        b"\x07damaged",
    )
    .unwrap();
    for n in [0, 1] {
        fs::remove_dir_all(content.join(slug(n))).unwrap();
    }
    build(&site);
    let pak = fs::read_to_string(site.join("actors/pak/index.html")).unwrap();
    assert!(pak.contains(&format!("{}/index.html", slug(MAX_LISTED + 1))));
    assert_as_if_built_from_nothing(&site, &fresh, &build, "the first articles removed");
    fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn an_article_folder_reached_by_a_link_is_built_and_a_file_beside_the_folders_is_not() {
    let root = common::workspace_root();
    let tmp = std::env::temp_dir().join(format!("marginalia-linked-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let (content, viewer) = (tmp.join("content"), tmp.join("viewer"));
    common::stand_in_viewer(&viewer);
    let elsewhere = tmp.join("elsewhere/statement");
    for (from, to) in [
        ("content/putin-kim-pact", content.join("putin-kim-pact")),
        ("content/us-rok-japan-joint-statement", elsewhere.clone()),
    ] {
        copy_article(&root.join(from), &to);
    }
    std::os::unix::fs::symlink(&elsewhere, content.join("statement")).unwrap();
    fs::write(content.join("notes.txt"), "not an article").unwrap();
    let site = tmp.join("site");
    let build = |out: &Path| build_site(&viewer, &content, out);
    build(&site);
    for slug in ["putin-kim-pact", "statement"] {
        assert!(site.join(slug).join("index.html").is_file(), "{slug}");
    }
    assert!(!site.join("notes.txt").exists());
    // Again, from the cache: the same site.
    build(&site);
    assert_as_if_built_from_nothing(&site, &tmp.join("fresh/site"), &build, "no edit");
    let _ = fs::remove_dir_all(&tmp);
}
