//! The catalogues and the code that uses them agree: every message is used somewhere, and no
//! words for readers are written in the code instead of the catalogue.
//!
//! Reads the sources of the repository: the viewer (`src/`), the model, and the files of the
//! build that write pages (listed in [`PAGE_WRITERS`]).

use marginalia_i18n::{dates, page, site, viewer};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A file's code without its tests (from `#[cfg(test)]` on) and without comments.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    // Tests start at the first `#[cfg(test)]` or `#[cfg(all(test, …))]`.
    let tests = text.match_indices("#[cfg(").find(|(at, _)| {
        text[*at..]
            .lines()
            .next()
            .is_some_and(|l| l.contains("test"))
    });
    let text = match tests {
        Some((at, _)) => &text[..at],
        None => &text,
    };
    text.lines()
        .map(|l| match l.trim_start().starts_with("//") {
            true => "",
            false => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files of the build (crates/cli) that write what readers see.
const PAGE_WRITERS: &[&str] = &[
    "crates/cli/src/contents_page.rs",
    "crates/cli/src/site_pages",
    "crates/cli/src/page.rs",
    "crates/cli/src/render.rs",
];

/// The sources whose words readers see: the viewer's and the build's page writers.
fn reader_facing_sources() -> Vec<PathBuf> {
    let root = repo();
    let mut files = rust_files(&root.join("src"));
    for writer in PAGE_WRITERS {
        let path = root.join(writer);
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn every_message_is_used() {
    let root = repo();
    let mut code = String::new();
    for dir in [
        "src",
        "crates/model/src",
        "crates/cli/src",
        "crates/i18n/src",
    ] {
        for file in rust_files(&root.join(dir)) {
            code.push_str(&code_of(&file));
        }
    }
    let mut unused = Vec::new();
    let sections: [(&str, Vec<String>); 4] = [
        (
            "viewer",
            viewer::ALL.iter().map(|m| format!("{m:?}")).collect(),
        ),
        ("page", page::ALL.iter().map(|m| format!("{m:?}")).collect()),
        ("site", site::ALL.iter().map(|m| format!("{m:?}")).collect()),
        (
            "dates",
            dates::ALL.iter().map(|m| format!("{m:?}")).collect(),
        ),
    ];
    for (section, variants) in sections {
        for variant in variants {
            // `Msg::Name` followed by something that is not part of a longer name.
            let needle = format!("Msg::{variant}");
            let used = code.match_indices(&needle).any(|(at, _)| {
                !code[at + needle.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            if !used {
                unused.push(format!("[{section}] {variant}"));
            }
        }
    }
    assert!(
        unused.is_empty(),
        "messages in locales/en.toml that no code uses (remove them, or use them):\n{}",
        unused.join("\n")
    );
}

/// The string literals of a piece of code, with the line each starts on.
fn literals(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let (mut i, mut line) = (0, 1);
    while i < bytes.len() {
        let c = bytes[i];
        if c == '\n' {
            line += 1;
        }
        // A char literal such as '"' is not a string.
        if c == '\'' && i + 2 < bytes.len() && bytes[i + 2] == '\'' {
            i += 3;
            continue;
        }
        if c == '\'' && i + 3 < bytes.len() && bytes[i + 1] == '\\' && bytes[i + 3] == '\'' {
            i += 4;
            continue;
        }
        if c == '"' {
            let start = line;
            let mut text = String::new();
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' && i + 1 < bytes.len() {
                    if bytes[i + 1] == '\n' {
                        line += 1;
                    }
                    text.push(bytes[i + 1]);
                    i += 2;
                    continue;
                }
                if bytes[i] == '\n' {
                    line += 1;
                }
                text.push(bytes[i]);
                i += 1;
            }
            out.push((start, text));
        }
        i += 1;
    }
    out
}

/// Whether a literal reads as words for a reader: a capitalised word ("Copy") or two words
/// with a space ("to the day"), not code (keys, classes, selectors, formats of ids).
fn reads_as_words(text: &str) -> bool {
    const KEYS: &[&str] = &[
        "ArrowLeft",
        "ArrowRight",
        "ArrowUp",
        "ArrowDown",
        "Home",
        "End",
        "Enter",
        "Escape",
        "Esc",
        "Tab",
        "INPUT",
        "TEXTAREA",
        "SELECT",
    ];
    let t = text.trim();
    if KEYS.contains(&t) || t.contains("{}:") || t.contains("__") || t.contains("--") {
        return false;
    }
    // Words: letters with the punctuation of prose; a token with `{`, `[`, `=`, `#`, `_` or a
    // `.` inside it is code (a placeholder, a selector, an id).
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|w| !w.contains(['{', '}', '[', ']', '=', '#', '_']))
        .filter(|w| !w.trim_end_matches(['.', ',', ';', ':']).contains('.'))
        .collect();
    let capitalised = {
        let mut c = t.chars();
        c.next().is_some_and(|f| f.is_uppercase())
            && c.clone().count() >= 2
            && c.all(|c| c.is_lowercase())
    };
    let non_ascii_words = t.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    capitalised || words.len() >= 2 || non_ascii_words
}

#[test]
fn no_words_for_readers_are_written_in_the_code() {
    let root = repo();
    let mut found = Vec::new();
    for file in reader_facing_sources() {
        let code = code_of(&file);
        for (line, text) in literals(&code) {
            let line_text = code.lines().nth(line - 1).unwrap_or("");
            // Messages for developers (a broken invariant, a console line) are not a reader's.
            // Nor attribute values that are code (`rel`, `class`), nor a media query.
            let for_developers = [
                "expect(",
                "rendered(",
                "panic!(",
                "console",
                "unreachable!(",
                "println!(",
                "eprintln!(",
                "get(&w, ",
                "rel=",
                "\"rel\"",
                "class=",
                "classes!(",
                "match_media",
                "reason = ",
            ]
            .iter()
            .any(|p| line_text.contains(p));
            if !for_developers && reads_as_words(&text) {
                let shown = file
                    .strip_prefix(&root)
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                found.push(format!("{shown}:{line}: {text:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words for readers written in the code: put them in locales/en.toml (and the other \
         languages) and use the message:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_literal_finder_sees_what_it_must() {
    let code = "let a = \"Copy\"; let b = '\"'; let c = \"to the \\\n  day\";\nlet d = \"btn--x\";";
    let found: Vec<String> = literals(code).into_iter().map(|(_, t)| t).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(reads_as_words(&found[0]) && reads_as_words(&found[1]));
    assert!(!reads_as_words(&found[2]));
    assert!(!reads_as_words("Escape") && !reads_as_words("actor") && !reads_as_words("#actor={}"));
    assert!(reads_as_words("閉じる"));
}
