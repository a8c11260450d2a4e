//! The `new` command: it writes an article's skeleton that the checker accepts as it is, and
//! refuses a bad slug or a folder that exists.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `marginalia <args>` run in `dir`.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the command runs")
}

fn new(dir: &Path, args: &[&str]) -> Output {
    run(dir, &[&["new"], args].concat())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// An empty folder of its own for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("marginalia-new-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_skeleton_is_written_and_passes_the_checker() {
    let dir = temp("ok");
    let out = new(&dir, &["harbour-lights-2025"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("wrote content/harbour-lights-2025/: meta.toml, article.md, actors.toml, events.toml, quotes.toml\n"),
        "{}",
        text(&out.stdout)
    );
    let article = dir.join("content/harbour-lights-2025");
    for file in marginalia_content::FILE_NAMES {
        assert!(article.join(file).is_file(), "{file}");
    }
    let checked = run(&dir, &["check"]);
    assert_eq!(text(&checked.stderr), "");
    assert_eq!(text(&checked.stdout), "ok: 2 actors, 1 events, 1 quotes\n");
    let a = marginalia_content::load_article(&article).unwrap();
    assert_eq!(a.meta.page_date, a.meta.source.date);
    assert!(!a.meta.is_republished());
    assert_eq!(a.meta.source.name, "The Example Gazette");
    assert_eq!(a.events[0].provenance.badge(), "stated");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_existing_folder_is_never_written_over() {
    let dir = temp("exists");
    std::fs::create_dir_all(dir.join("content/taken")).unwrap();
    std::fs::write(dir.join("content/taken/article.md"), "mine").unwrap();
    let out = new(&dir, &["taken"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: content/taken already exists; choose another slug, or edit that article\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("content/taken/article.md")).unwrap(),
        "mine"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_slugs_and_bad_usage_exit_with_two() {
    let dir = temp("bad");
    for slug in [
        "Harbour",
        "harbour lights",
        "-x",
        "x-",
        "a--b",
        "../x",
        "ä",
        "",
    ] {
        let out = new(&dir, &[slug]);
        assert_eq!(out.status.code(), Some(2), "{slug}");
        assert!(
            text(&out.stderr).contains("cannot be an article's address"),
            "{slug}: {}",
            text(&out.stderr)
        );
    }
    assert_eq!(new(&dir, &[]).status.code(), Some(2));
    assert_eq!(new(&dir, &["a", "b"]).status.code(), Some(2));
    assert!(!dir.join("content").exists(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn content_names_another_folder_of_articles() {
    let dir = temp("content");
    let out = new(&dir, &["--content", "drafts", "harbour-lights"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("wrote drafts/harbour-lights/: "),
        "{}",
        text(&out.stdout)
    );
    let checked = run(&dir, &["check", "drafts"]);
    assert_eq!(text(&checked.stdout), "ok: 2 actors, 1 events, 1 quotes\n");
    assert!(!dir.join("content").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
