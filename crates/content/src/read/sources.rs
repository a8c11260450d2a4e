//! Step 1 of the pipeline (`read/`): the five files of an article folder, read from disk
//! ([`Sources::read_dir`]) or taken from memory ([`Sources::from_texts`]).

use crate::report::error::{ContentError, SourceFile};
use std::path::Path;

/// The five files of one article.
#[derive(Clone, Debug)]
pub struct Sources {
    pub meta: SourceFile,
    pub article: SourceFile,
    pub actors: SourceFile,
    pub events: SourceFile,
    pub quotes: SourceFile,
}

/// The file names inside an article folder.
pub const FILE_NAMES: [&str; 5] = [
    "meta.toml",
    "article.md",
    "actors.toml",
    "events.toml",
    "quotes.toml",
];

impl Sources {
    /// Reads an article folder; a missing or unreadable file is an error naming it.
    pub fn read_dir(dir: &Path) -> Result<Sources, Vec<ContentError>> {
        let mut errors = Vec::new();
        let mut files: Vec<SourceFile> = FILE_NAMES
            .iter()
            .map(|name| {
                let path = dir.join(name);
                let shown = path.display().to_string();
                match std::fs::read_to_string(&path) {
                    Ok(text) => SourceFile::new(shown, text),
                    Err(e) => {
                        errors.push(ContentError {
                            file: shown.clone(),
                            line: 1,
                            column: 1,
                            message: format!("cannot read this file: {e}"),
                            hint: Some(
                                "an article folder holds meta.toml, article.md, actors.toml, \
                                 events.toml and quotes.toml (see docs/authoring.md)"
                                    .into(),
                            ),
                            fix: None,
                        });
                        SourceFile::new(shown, "")
                    }
                }
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let quotes = files.pop().expect("five files");
        let events = files.pop().expect("five files");
        let actors = files.pop().expect("five files");
        let article = files.pop().expect("five files");
        let meta = files.pop().expect("five files");
        Ok(Sources {
            meta,
            article,
            actors,
            events,
            quotes,
        })
    }

    /// The five files from texts already in memory, named as in a folder called `dir`
    /// (tests and the browser, where there is no file system).
    pub fn from_texts(dir: &str, texts: [&str; 5]) -> Sources {
        let [meta, article, actors, events, quotes] =
            std::array::from_fn(|i| SourceFile::new(format!("{dir}/{}", FILE_NAMES[i]), texts[i]));
        Sources {
            meta,
            article,
            actors,
            events,
            quotes,
        }
    }
}
