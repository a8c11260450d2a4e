//! The whole validator on arbitrary content: the input is split at NUL bytes into the five
//! files (meta.toml, article.md, actors.toml, events.toml, quotes.toml; missing parts are
//! empty). `build_article` must return an article or errors, each inside one of the files.

#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia_content::{build_article, SourceFile, Sources, FILE_NAMES};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let mut next = |name: &str| SourceFile::new(name, parts.next().unwrap_or_default());
    let sources = Sources {
        meta: next(FILE_NAMES[0]),
        article: next(FILE_NAMES[1]),
        actors: next(FILE_NAMES[2]),
        events: next(FILE_NAMES[3]),
        quotes: next(FILE_NAMES[4]),
    };
    match build_article(&sources) {
        Ok(article) => assert!(!article.blocks.is_empty()),
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                assert!(FILE_NAMES.contains(&e.file.as_str()), "{e}");
                assert!(e.line >= 1 && e.column >= 1, "{e}");
            }
        }
    }
});
