//! The author's checker (`marginalia check`, `src/cmd/check.rs`) run as a program: its output on broken copies of
//! the example article (`tests/fixtures/broken-*/`) is compared as text with each folder's
//! `expected.txt`, and its exit codes are checked.
//!
//! A fixture folder holds either a whole broken article, or (when it has a file `base.txt`
//! naming an article folder) only the files that differ from that article: the harness copies
//! the article into a temporary folder of the same name, lays the fixture's files over it and
//! checks that, so the report names the fixture's own paths.
//!
//! After an intended change of a message or hint, rewrite the expected files with
//! `UPDATE_EXPECTED=1 cargo test --test checker` and review the diff.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn check(args: &[&str]) -> Output {
    check_in(&common::workspace_root(), args)
}

fn check_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the checker runs")
}

/// Where to run the checker on fixture `dir` (a path from the workspace root): the workspace
/// itself, or, for a fixture with a `base.txt`, a temporary root where `dir` holds the base
/// article with the fixture's files laid over it.
fn fixture_root(dir: &str) -> PathBuf {
    let root = common::workspace_root();
    let Ok(base) = std::fs::read_to_string(root.join(dir).join("base.txt")) else {
        return root;
    };
    let temp = std::env::temp_dir().join(format!("marginalia-checker-{}", std::process::id()));
    let target = temp.join(dir);
    let _ = std::fs::remove_dir_all(&target);
    std::fs::create_dir_all(&target).unwrap();
    for from in [root.join(base.trim()), root.join(dir)] {
        for entry in std::fs::read_dir(&from).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if marginalia_content::FILE_NAMES.contains(&name.as_str()) {
                std::fs::copy(&path, target.join(&name)).unwrap();
            }
        }
    }
    temp
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("the checker prints UTF-8")
}

#[test]
fn every_broken_fixture_prints_its_expected_report() {
    let root = common::workspace_root();
    let mut folders: Vec<String> = std::fs::read_dir(root.join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("broken-"))
        .collect();
    folders.sort();
    assert!(folders.len() >= 13, "{folders:?}");
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut mismatches = Vec::new();
    for folder in &folders {
        let dir = format!("tests/fixtures/{folder}");
        let out = check_in(&fixture_root(&dir), &[&dir]);
        assert_eq!(out.status.code(), Some(1), "{dir}: exit code");
        assert_eq!(text(&out.stdout), "", "{dir}: nothing on stdout");
        let expected_path = root.join(&dir).join("expected.txt");
        let got = text(&out.stderr);
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        if got != expected {
            mismatches.push(format!(
                "== {dir}\n-- expected:\n{expected}\n-- got:\n{got}"
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn the_reports_name_file_line_column_and_hint() {
    let out = text(&check(&["tests/fixtures/broken-quote"]).stderr);
    assert!(out.contains(
        "tests/fixtures/broken-quote/quotes.toml:6:8: quote `quell-cheaper-than-a-wreck`: text not found verbatim in article.md\n  hint: closest text, at article.md:3:2: "
    ), "{out}");
    assert!(
        out.contains("the entry has “shipwreck” where the article has “wreck”"),
        "{out}"
    );
    assert!(
        out.contains("the entry has \"'\" (a straight apostrophe, U+0027) where the article has \"’\" (a curly apostrophe, U+2019)"),
        "{out}"
    );
    let out = text(&check(&["tests/fixtures/broken-ids"]).stderr);
    assert!(
        out.contains(
            "link to actor `quel`, which is not in actors.toml\n  hint: did you mean `quell`?"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("error: 9 content errors in tests/fixtures/broken-ids\n"),
        "{out}"
    );
}

#[test]
fn good_articles_print_their_counts() {
    for (dir, expected) in [
        (
            "content/putin-kim-pact",
            "ok: 23 actors, 11 events, 16 quotes\n",
        ),
        (
            "examples/articles/saltmere-lighthouse",
            "ok: 4 actors, 3 events, 2 quotes\n",
        ),
    ] {
        let out = check(&[dir]);
        assert_eq!(out.status.code(), Some(0), "{dir}");
        assert_eq!(text(&out.stdout), expected);
        assert_eq!(text(&out.stderr), "");
    }
}

#[test]
fn several_folders_are_checked_in_one_run() {
    let out = check(&[
        "examples/articles/saltmere-lighthouse",
        "tests/fixtures/broken-missing",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "examples/articles/saltmere-lighthouse: ok: 4 actors, 3 events, 2 quotes\n"
    );
    assert!(
        text(&out.stderr).ends_with("error: 1 content error in tests/fixtures/broken-missing\n")
    );
}

#[test]
fn a_folder_of_articles_checks_each_one() {
    let root = std::env::temp_dir().join(format!("marginalia-articles-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let workspace = common::workspace_root();
    for (name, from) in [
        ("b-example", "examples/articles/saltmere-lighthouse"),
        ("a-broken", "tests/fixtures/broken-dates"),
    ] {
        let dir = root.join("content").join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for file in marginalia_content::FILE_NAMES {
            std::fs::copy(workspace.join(from).join(file), dir.join(file)).unwrap();
        }
    }
    std::fs::create_dir_all(root.join("content/.hidden")).unwrap();
    let out = check_in(&root, &["content"]);
    let _ = std::fs::remove_dir_all(&root);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "content/b-example: ok: 4 actors, 3 events, 2 quotes\n"
    );
    let err = text(&out.stderr);
    assert!(
        err.starts_with("content/a-broken/events.toml:13:14: "),
        "{err}"
    );
    assert!(
        err.ends_with("error: 3 content errors in content/a-broken\n"),
        "{err}"
    );

    let out = check(&["examples/articles"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "ok: 4 actors, 3 events, 2 quotes\n");
}

#[test]
fn without_a_folder_it_checks_content() {
    let out = check(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "content/nsa-call-chang-hojin-2024: ok: 7 actors, 1 events, 0 quotes\n\
         content/nsa-trilateral-call-2023: ok: 12 actors, 1 events, 0 quotes\n\
         content/putin-kim-pact: ok: 23 actors, 11 events, 16 quotes\n\
         content/us-rok-japan-joint-statement: ok: 12 actors, 2 events, 0 quotes\n"
    );
}

#[test]
fn bad_usage_exits_with_two() {
    let out = check(&["--strict"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Usage: marginalia check [PATH]..."));
    let out = check(&["content/no-such-article"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: `content/no-such-article` is not a folder\n"
    );
    let out = check(&["crates/cli/tests/common"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: `crates/cli/tests/common` holds no article"));
}
