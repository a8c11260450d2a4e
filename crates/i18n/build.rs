//! Turns the catalogues in `locales/` (one TOML file per language, English the reference) into
//! Rust tables: the `Lang` enum (one variant per file), and for each section of the English file
//! (`[viewer]`, `[page]`, `[site]`, `[dates]`) an enum `Msg` of its keys with each language's
//! text. A language that lacks a key falls back to English at run time, and every such gap (a
//! key missing, a key English does not have, a placeholder that differs from English's) is
//! listed in `PROBLEMS` with its file and line, which a test requires to be empty: a translator's
//! unfinished file still builds, and CI says what is left.
//!
//! Each section becomes its own tables, so a program that uses only the viewer's words carries
//! no page's or site's words (the linker drops what nothing reads).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// One message: the plural forms a language gives ("one", "other"), or just the text.
#[derive(Clone)]
struct Message {
    one: Option<String>,
    other: String,
    line: usize,
}

struct Catalogue {
    tag: String,
    file: String,
    name: String,
    intl: String,
    /// Whether the language has a "one" form ("1 mention") besides "other".
    has_one: bool,
    sections: BTreeMap<String, BTreeMap<String, Message>>,
    /// The keys in the file's order, per section (English's order is the enum's).
    order: BTreeMap<String, Vec<String>>,
}

const SECTIONS: [&str; 4] = ["viewer", "page", "site", "dates"];
/// The sections the viewer (the wasm) speaks with, which a language's words file carries.
const WORDS_SECTIONS: [&str; 2] = ["viewer", "dates"];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    // Each file as well as the folder: an edited translation builds again (the folder's own
    // entry alone was seen to miss an edit of a file's text).
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let mut catalogues: Vec<Catalogue> = files.iter().map(|p| read(p)).collect();
    // English first: it is the reference and the fallback.
    let en = catalogues
        .iter()
        .position(|c| c.tag == "en")
        .expect("locales/en.toml, the reference catalogue");
    let english = catalogues.remove(en);
    catalogues.insert(0, english);

    let mut problems = Vec::new();
    let en = &catalogues[0];
    for c in &catalogues {
        for section in SECTIONS {
            let theirs = c.sections.get(section);
            for key in en.order.get(section).into_iter().flatten() {
                let reference = &en.sections[section][key];
                match theirs.and_then(|s| s.get(key)) {
                    None => problems.push(format!(
                        "locales/{}: [{section}] has no `{key}` (English: {:?}; locales/en.toml:{})",
                        c.file, reference.other, reference.line
                    )),
                    Some(m) => {
                        if c.has_one && reference.one.is_some() && m.one.is_none() {
                            problems.push(format!(
                                "locales/{}:{}: [{section}] `{key}` needs its `one` form",
                                c.file, m.line
                            ));
                        }
                        let want = placeholders(&reference.other);
                        // A date is written in each language's own order and may use any of
                        // the date placeholders (a span: its whole start and the end's day, or
                        // the start's day and the whole end).
                        let date_words = ["day", "end", "end-day", "month", "start", "start-day", "year"];
                        for text in m.one.iter().chain([&m.other]) {
                            let got = placeholders(text);
                            // A `one` form may say "once" instead of "{n} time".
                            let fine = if section == "dates" {
                                got.iter().all(|p| date_words.contains(&p.as_str()))
                            } else {
                                got == want
                                    || (m.one.as_ref() == Some(text)
                                        && got.iter().all(|p| want.contains(p)))
                            };
                            if !fine {
                                problems.push(format!(
                                    "locales/{}:{}: [{section}] `{key}` has placeholders {got:?}, English has {want:?}",
                                    c.file, m.line
                                ));
                            }
                        }
                    }
                }
            }
            for (key, m) in theirs.into_iter().flatten() {
                if !en
                    .sections
                    .get(section)
                    .is_some_and(|s| s.contains_key(key))
                {
                    problems.push(format!(
                        "locales/{}:{}: [{section}] `{key}` is not in English's catalogue",
                        c.file, m.line
                    ));
                }
            }
        }
    }

    let mut out = String::new();
    out.push_str(
        "// Generated by crates/i18n/build.rs from locales/*.toml: edit those, not this.\n\n",
    );
    out.push_str("/// A language of the interface: one per file in `locales/`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum Lang {\n");
    for (i, c) in catalogues.iter().enumerate() {
        if i == 0 {
            out.push_str("    #[default]\n");
        }
        writeln!(out, "    {},", variant(&c.tag)).unwrap();
    }
    out.push_str("}\n\n");
    writeln!(
        out,
        "/// Every language, English first.\npub const LANGS: [Lang; {}] = [{}];\n",
        catalogues.len(),
        catalogues
            .iter()
            .map(|c| format!("Lang::{}", variant(&c.tag)))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    for (what, field) in [("TAGS", "tag"), ("NAMES", "name"), ("INTL", "intl")] {
        let values: Vec<String> = catalogues
            .iter()
            .map(|c| {
                format!(
                    "{:?}",
                    match field {
                        "tag" => &c.tag,
                        "name" => &c.name,
                        _ => &c.intl,
                    }
                )
            })
            .collect();
        writeln!(
            out,
            "const {what}: [&str; {}] = [{}];",
            catalogues.len(),
            values.join(", ")
        )
        .unwrap();
    }
    writeln!(
        out,
        "const HAS_ONE: [bool; {}] = [{}];\n",
        catalogues.len(),
        catalogues
            .iter()
            .map(|c| c.has_one.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    writeln!(out, "/// What is missing or wrong in the catalogues (a test requires none).\npub const PROBLEMS: &[&str] = &{problems:?};\n").unwrap();

    for section in SECTIONS {
        let keys = en.order.get(section).cloned().unwrap_or_default();
        writeln!(
            out,
            "/// The `[{section}]` section's messages.\npub mod {section} {{"
        )
        .unwrap();
        out.push_str(
            "    /// A message of this section: its key in the catalogues, in CamelCase.\n",
        );
        out.push_str(
            "    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n    pub enum Msg {\n",
        );
        for key in &keys {
            writeln!(
                out,
                "        /// `{key}`: {:?}",
                en.sections[section][key].other
            )
            .unwrap();
            writeln!(out, "        {},", variant(key)).unwrap();
        }
        out.push_str("    }\n");
        writeln!(out, "    /// The keys, in the order of [`Msg`].\n    pub const KEYS: [&str; {}] = {keys:?};", keys.len()).unwrap();
        writeln!(out, "    /// Every message, in the order of [`KEYS`].\n    pub const ALL: [Msg; {}] = [{}];", keys.len(),
            keys.iter().map(|k| format!("Msg::{}", variant(k))).collect::<Vec<_>>().join(", ")).unwrap();
        // Each language's messages as one text and the offsets of their forms in it (message
        // `i`: its "one" form from `2i` to `2i + 1`, empty when it has none, its "other" form
        // from `2i + 1` to `2i + 2`): far smaller in the wasm than a table of string slices.
        // English is always built in; the other languages only natively: the viewer's wasm
        // loads the one it speaks at run time (`crate::runtime`), so that a language more
        // costs its readers nothing.
        let mut tables = Vec::new();
        for c in &catalogues {
            let (text, offsets) = table(c, en, section);
            assert!(
                text.len() <= usize::from(u16::MAX),
                "[{section}] of {} is too long",
                c.file
            );
            tables.push(format!(
                "crate::Table {{ text: {text:?}, offsets: &{offsets:?} }}"
            ));
        }
        let index = SECTIONS.iter().position(|s| *s == section).unwrap();
        writeln!(out, "    /// This section's place among the catalogue's sections.\n    pub(crate) const SECTION: usize = {index};").unwrap();
        writeln!(out, "    static EN: crate::Table = {};", tables[0]).unwrap();
        writeln!(
            out,
            "    #[cfg(not(target_arch = \"wasm32\"))]\n    static OTHERS: [crate::Table; {}] = [{}];",
            tables.len() - 1,
            tables[1..].join(", ")
        )
        .unwrap();
        out.push_str(
            "    #[cfg(target_arch = \"wasm32\")]\n    static OTHERS: [crate::Table; 0] = [];\n",
        );
        out.push_str(
            "    /// This section's table in `lang` as built in (English only, in the wasm).
    pub(crate) fn built_in(lang: crate::Lang) -> Option<&'static crate::Table> {
        match lang as usize {
            0 => Some(&EN),
            n => OTHERS.get(n - 1),
        }
    }
    impl crate::Message for Msg {
        fn forms(self, lang: crate::Lang) -> (&'static str, &'static str) {
            crate::runtime::table(SECTION, lang)
                .or_else(|| built_in(lang))
                .and_then(|t| t.forms(self as usize))
                .or_else(|| EN.forms(self as usize))
                .unwrap_or_default()
        }
        fn key(self) -> &'static str {
            KEYS[self as usize]
        }
    }
}

",
        );
    }
    // What a words file must have been made from: the keys of the sections the viewer uses.
    let mut keys = String::new();
    for section in WORDS_SECTIONS {
        keys.push_str(section);
        keys.push(':');
        keys.push_str(&en.order.get(section).cloned().unwrap_or_default().join(","));
        keys.push(';');
    }
    let hash = keys.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    // Each language's words file but English's (see crate::runtime): a line saying what it
    // is, the language, the keys' fingerprint, then each section's text and its offsets, a line
    // each (no message has a line break or a `<`: checked above, so it may sit in a `<script>`).
    let mut words = Vec::new();
    for c in &catalogues[1..] {
        let mut file = format!("marginalia-words\n{}\n{hash:016x}\n", c.tag);
        for section in WORDS_SECTIONS {
            let (text, offsets) = table(c, en, section);
            let offsets: Vec<String> = offsets.iter().map(usize::to_string).collect();
            file.push_str(&text);
            file.push('\n');
            file.push_str(&offsets.join(","));
            file.push('\n');
        }
        words.push(format!("(Lang::{}, {file:?})", variant(&c.tag)));
    }
    writeln!(
        out,
        "/// Each language's words file but English's (see [`runtime`]): in the build, and in the\n/// viewer's tests (feature `all-words`), never in the viewer's wasm.\n#[cfg(any(not(target_arch = \"wasm32\"), feature = \"all-words\"))]\npub(crate) static WORDS: [(Lang, &str); {}] = [{}];",
        words.len(),
        words.join(", ")
    )
    .unwrap();
    writeln!(out, "/// The fingerprint of the keys of the sections a words file carries ([`WORDS_SECTIONS`]):\n/// a file made from other keys is refused.\npub const FINGERPRINT: &str = \"{hash:016x}\";").unwrap();
    writeln!(out, "/// The sections a words file carries: those the viewer speaks with.\npub const WORDS_SECTIONS: [&str; {}] = {WORDS_SECTIONS:?};", WORDS_SECTIONS.len()).unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("catalogue.rs");
    std::fs::write(dest, out).expect("the generated catalogue");
}

/// A section of catalogue `c` as one text and the offsets of its messages' forms, in English's
/// order of keys (message `i`: its "one" form from `2i` to `2i + 1`, empty when it has none,
/// its "other" form from `2i + 1` to `2i + 2`); a message `c` lacks is English's.
fn table(c: &Catalogue, en: &Catalogue, section: &str) -> (String, Vec<usize>) {
    let (mut text, mut offsets) = (String::new(), vec![0usize]);
    for key in en.order.get(section).into_iter().flatten() {
        let m = c
            .sections
            .get(section)
            .and_then(|s| s.get(key))
            .unwrap_or(&en.sections[section][key]);
        text.push_str(m.one.as_deref().unwrap_or(""));
        offsets.push(text.len());
        text.push_str(&m.other);
        offsets.push(text.len());
    }
    (text, offsets)
}

fn read(path: &Path) -> Catalogue {
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("locales/{file}: {e}"));
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("locales/{file}: not valid TOML: {e}"));
    let tag = file.trim_end_matches(".toml").to_string();
    let meta = table.get("language").and_then(|v| v.as_table());
    let meta_text = |k: &str| {
        meta.and_then(|m| m.get(k))
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("locales/{file}: [language] needs `{k}`"))
            .to_string()
    };
    let plural = meta_text("plural");
    let has_one = match plural.as_str() {
        "one other" => true,
        "other" => false,
        p => panic!("locales/{file}: [language] plural = {p:?}: give \"one other\" or \"other\""),
    };
    let mut sections = BTreeMap::new();
    let mut order = BTreeMap::new();
    for section in SECTIONS {
        let Some(entries) = table.get(section).and_then(|v| v.as_table()) else {
            continue;
        };
        let mut messages = BTreeMap::new();
        let mut keys: Vec<(usize, String)> = Vec::new();
        for (key, value) in entries {
            let line = line_of(&text, section, key);
            let message = match value {
                toml::Value::String(s) => Message {
                    one: None,
                    other: s.clone(),
                    line,
                },
                toml::Value::Table(t) => Message {
                    one: t.get("one").and_then(|v| v.as_str()).map(str::to_string),
                    other: t
                        .get("other")
                        .and_then(|v| v.as_str())
                        .unwrap_or_else(|| {
                            panic!("locales/{file}:{line}: `{key}` needs an `other` form")
                        })
                        .to_string(),
                    line,
                },
                _ => panic!(
                    "locales/{file}:{line}: `{key}` must be text or {{ one = …, other = … }}"
                ),
            };
            for text in message.one.iter().chain([&message.other]) {
                if text.contains(['\n', '\r', '<']) {
                    panic!("locales/{file}:{line}: `{key}` has a line break or a `<`, which a message may not have");
                }
            }
            keys.push((line, key.clone()));
            messages.insert(key.clone(), message);
        }
        keys.sort();
        order.insert(
            section.to_string(),
            keys.into_iter().map(|(_, k)| k).collect(),
        );
        sections.insert(section.to_string(), messages);
    }
    Catalogue {
        name: meta_text("name"),
        intl: meta_text("intl"),
        tag,
        file,
        has_one,
        sections,
        order,
    }
}

/// The line (from 1) of `key =` in `[section]`, for messages that point at the file.
fn line_of(text: &str, section: &str, key: &str) -> usize {
    let header = format!("[{section}]");
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            inside = t == header;
        } else if inside {
            let name = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if name == key && t.contains('=') {
                return i + 1;
            }
        }
    }
    0
}

/// The `{name}` placeholders of a text, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string()))
        // A date's month as a name or as a number is the same thing said two ways.
        .map(|name| {
            if name == "m" {
                "month".to_string()
            } else {
                name
            }
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// `tab-actors` → `TabActors`, `en` → `En`.
fn variant(key: &str) -> String {
    key.split(['-', '_', '.'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}
