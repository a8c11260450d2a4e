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
        fs::create_dir_all(&to).unwrap();
        for file in fs::read_dir(root.join(from)).unwrap() {
            let file = file.unwrap();
            fs::copy(file.path(), to.join(file.file_name())).unwrap();
        }
    }
    let build = |out: &Path| {
        build_with(Some(&viewer), &content, out, None, Drafts::Refuse, false)
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let site = tmp.join("site");
    build(&site);
    assert!(tmp
        .join(".marginalia-cache/site/putin-kim-pact.bin")
        .is_file());
    let page = |slug: &str| site.join(slug).join("index.html");
    let before: Vec<SystemTime> = ["putin-kim-pact", "statement", "unrelated"]
        .iter()
        .map(|s| modified(&page(s)))
        .collect();

    // Built again with nothing changed: no article page is written again.
    std::thread::sleep(std::time::Duration::from_millis(20));
    build(&site);
    for (slug, then) in ["putin-kim-pact", "statement", "unrelated"]
        .iter()
        .zip(&before)
    {
        assert_eq!(modified(&page(slug)), *then, "{slug} was written again");
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
    build(&fresh);
    let (again, anew) = (tree(&site), tree(&fresh));
    assert_eq!(
        again.keys().collect::<Vec<_>>(),
        anew.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &again {
        assert!(
            anew[path] == *bytes,
            "{} differs from a build from nothing",
            path.display()
        );
    }

    // An article removed: it is forgotten by the cache too.
    fs::remove_dir_all(content.join("unrelated")).unwrap();
    build(&site);
    assert!(!tmp.join(".marginalia-cache/site/unrelated.bin").exists());
    fs::remove_dir_all(&tmp).unwrap();
}
