//! The article folder the studio works on, as text: the same six files `marginalia draft`
//! writes and a writer commits (`meta.toml`, `article.md`, the three annotation files and
//! `draft.toml`). [`Folder::draft`] makes it from the pasted text and the meta form with the
//! drafter ([`marginalia_draft::write::draft`]); [`Folder::preview`] checks and builds it with
//! the content pipeline as `make dev` previews a draft ([`Drafts::Preview`]: suggestions kept,
//! marked), its errors in the command line's words ([`marginalia_content::report`]);
//! [`Folder::open`] takes an existing folder's files as they are (no drafting), so that
//! downloading it unchanged gives the same bytes; [`Folder::zip`] is the download.

use marginalia_content::{build_article_with, report, Drafts, Sources};
use marginalia_draft::write::{draft, Inputs};
use marginalia_model::Article;
use serde::{Deserialize, Serialize};

/// The files, by name, as the folder holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folder {
    pub meta: String,
    pub article: String,
    pub actors: String,
    pub events: String,
    pub quotes: String,
    /// `draft.toml`: what the drafter suggested, so drafting again never brings back an entry
    /// the writer rejected.
    pub record: String,
}

/// The names of the folder's files, in the order of [`Folder::files`].
pub const FILE_NAMES: [&str; 6] = [
    "meta.toml",
    "article.md",
    "actors.toml",
    "events.toml",
    "quotes.toml",
    "draft.toml",
];

impl Folder {
    /// A first draft of `pasted` (the article's text as published) with `meta` (`meta.toml`'s
    /// text). Errs in the drafter's words when `meta` gives no source date to read the
    /// article's dates against.
    pub fn draft(pasted: &str, meta: &str) -> Result<Folder, String> {
        let article = normalise(pasted);
        let out = draft(&Inputs {
            article: &article,
            meta,
            ..Inputs::default()
        })?;
        Ok(Folder {
            meta: meta.to_string(),
            article: out.article,
            actors: out.actors,
            events: out.events,
            quotes: out.quotes,
            record: out.record,
        })
    }

    /// An existing article folder, from its files (name, bytes) as the writer picked them:
    /// each of [`FILE_NAMES`] taken as it is, byte for byte (`meta.toml` and `article.md` are
    /// needed, a file left out is empty). Returns the folder and the names of the files it does
    /// not take (another file in the folder, a second copy). Errs, in words for the writer,
    /// when a file is not UTF-8 text or a needed one is missing.
    pub fn open(files: &[(String, Vec<u8>)]) -> Result<(Folder, Vec<String>), String> {
        let mut folder = Folder::default();
        let (mut taken, mut ignored) = (Vec::new(), Vec::new());
        for (name, bytes) in files {
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
            if taken.contains(&base) {
                ignored.push(name.clone());
                continue;
            }
            let Some(file) = folder.file_mut(base) else {
                ignored.push(name.clone());
                continue;
            };
            *file = String::from_utf8(bytes.clone())
                .map_err(|_| format!("{base} is not UTF-8 text: an article's files are."))?;
            taken.push(base);
        }
        let missing: Vec<&str> = ["meta.toml", "article.md"]
            .into_iter()
            .filter(|n| !taken.contains(n))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "An article folder needs meta.toml and article.md, and {} is missing: pick the folder's files together.",
                missing.join(" and ")
            ));
        }
        Ok((folder, ignored))
    }

    /// The files' texts, in the order of [`FILE_NAMES`].
    pub fn files(&self) -> [&str; 6] {
        [
            &self.meta,
            &self.article,
            &self.actors,
            &self.events,
            &self.quotes,
            &self.record,
        ]
    }

    /// The file named `name` (one of [`FILE_NAMES`]; empty for any other name).
    pub fn file(&self, name: &str) -> &str {
        FILE_NAMES
            .iter()
            .position(|n| *n == name)
            .map_or("", |n| self.files()[n])
    }

    /// The file named `name`, to edit.
    pub fn file_mut(&mut self, name: &str) -> Option<&mut String> {
        Some(match name {
            "meta.toml" => &mut self.meta,
            "article.md" => &mut self.article,
            "actors.toml" => &mut self.actors,
            "events.toml" => &mut self.events,
            "quotes.toml" => &mut self.quotes,
            "draft.toml" => &mut self.record,
            _ => return None,
        })
    }

    /// Checks and builds the article with its suggestions previewed: the article, or the
    /// checker's report (every error, with `<slug>/<file>:line:column`, as `marginalia check`
    /// prints it).
    pub fn preview(&self, slug: &str) -> Result<Article, String> {
        let sources = Sources::from_texts(
            slug,
            [
                &self.meta,
                &self.article,
                &self.actors,
                &self.events,
                &self.quotes,
            ],
        );
        build_article_with(&sources, Drafts::Preview).map_err(|errors| report(&errors))
    }

    /// The files a download or a save writes, (name, text), in the order of [`FILE_NAMES`]:
    /// each byte for byte as held, `draft.toml` only when it has something (a folder written by
    /// hand has none).
    pub fn entries(&self) -> Vec<(&'static str, &str)> {
        FILE_NAMES
            .iter()
            .copied()
            .zip(self.files())
            .filter(|(n, t)| !(*n == "draft.toml" && t.is_empty()))
            .collect()
    }

    /// The folder as a `.zip`: `<slug>/<file>` for each of its [`Folder::entries`].
    pub fn zip(&self, slug: &str) -> Vec<u8> {
        let entries = self.entries();
        let paths: Vec<String> = entries.iter().map(|(n, _)| format!("{slug}/{n}")).collect();
        let files: Vec<(&str, &[u8])> = paths
            .iter()
            .zip(&entries)
            .map(|(p, (_, t))| (p.as_str(), t.as_bytes()))
            .collect();
        crate::zip::stored_zip(&files)
    }
}

/// Pasted text as `article.md` takes it: line breaks as `\n`, paragraphs apart by one blank
/// line (a paste from a web page often gives one line break between them), no spaces at line
/// ends, one line break at the end.
pub fn normalise(pasted: &str) -> String {
    let text = pasted.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let single_breaks = !lines
        .windows(2)
        .any(|w| w[0].is_empty() && !w[1].is_empty());
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank || single_breaks { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits::{confirm, reject, suggestions};

    const META: &str = include_str!("../../../content/us-rok-japan-joint-statement/meta.toml");
    const ARTICLE: &str = include_str!("../../../content/us-rok-japan-joint-statement/article.md");

    fn pasted() -> String {
        marginalia_draft::strip_marks(ARTICLE)
    }

    #[test]
    fn a_paste_is_drafted_and_previewed_with_its_suggestions() {
        let folder = Folder::draft(&pasted(), META).unwrap();
        assert!(folder.actors.contains("status = \"suggested\""));
        assert!(folder.article.contains("](actor:"));
        let article = folder.preview("statement").unwrap();
        assert!(!article.suggested.is_empty());
        let found = suggestions(&folder.actors, &folder.events, &folder.quotes);
        assert!(found.len() >= 14, "{}", found.len());
    }

    #[test]
    fn a_draft_is_refused_by_the_build_until_confirmed() {
        let folder = Folder::draft(&pasted(), META).unwrap();
        let sources = Sources::from_texts(
            "statement",
            [
                &folder.meta,
                &folder.article,
                &folder.actors,
                &folder.events,
                &folder.quotes,
            ],
        );
        let errors = marginalia_content::build_article(&sources).unwrap_err();
        assert!(report(&errors).contains("statement/actors.toml:"));
    }

    #[test]
    fn confirming_keeps_the_preview_building_and_rejecting_a_quote_is_reported() {
        let mut folder = Folder::draft(&pasted(), META).unwrap();
        let first = suggestions(&folder.actors, &folder.events, &folder.quotes);
        let event = first.iter().find(|s| s.kind == "event").unwrap();
        folder.events = confirm(&folder.events, event);
        let after = suggestions(&folder.actors, &folder.events, &folder.quotes);
        assert_eq!(after.len(), first.len() - 1);
        let article = folder.preview("statement").unwrap();
        assert!(!article.suggested.contains(&format!("event:{}", event.id)));
        // Every passage between quotation marks needs its entry: the checker says so, in the
        // command line's words.
        let title = after.iter().find(|s| s.kind == "title").unwrap();
        folder.quotes = reject(&folder.quotes, title);
        let report = folder.preview("statement").unwrap_err();
        assert!(
            report.starts_with("statement/article.md:5:")
                && report.contains("has no entry in quotes.toml"),
            "{report}"
        );
    }

    #[test]
    fn no_source_date_no_draft() {
        let error = Folder::draft("Text.", "title = \"T\"\n").unwrap_err();
        assert!(error.contains("[source] date"), "{error}");
    }

    #[test]
    fn the_zip_holds_the_six_files_under_the_slug() {
        let folder = Folder::draft(&pasted(), META).unwrap();
        let zip = folder.zip("statement");
        for name in FILE_NAMES {
            let path = format!("statement/{name}");
            assert!(
                zip.windows(path.len()).any(|w| w == path.as_bytes()),
                "{path}"
            );
        }
    }

    #[test]
    fn a_save_writes_the_zip_s_files() {
        let mut folder = Folder::draft(&pasted(), META).unwrap();
        let names = |f: &Folder| f.entries().iter().map(|(n, _)| *n).collect::<Vec<_>>();
        assert_eq!(names(&folder), FILE_NAMES);
        let entries = crate::zip::read_back(&folder.zip("statement"));
        for ((name, text), (path, bytes)) in folder.entries().iter().zip(&entries) {
            assert_eq!(path, &format!("statement/{name}"));
            assert_eq!(text.as_bytes(), bytes.as_slice());
        }
        // A folder written by hand: no draft.toml, in the save as in the zip.
        folder.record.clear();
        assert_eq!(names(&folder), FILE_NAMES[..5]);
        assert_eq!(crate::zip::read_back(&folder.zip("s")).len(), 5);
    }

    #[test]
    fn pasted_text_becomes_paragraphs() {
        assert_eq!(normalise("One.\r\nTwo.  \r\n"), "One.\n\nTwo.\n");
        assert_eq!(
            normalise("\n\nOne.\nstill one.\n\n\nTwo.\n"),
            "One.\nstill one.\n\nTwo.\n"
        );
    }
}

#[cfg(test)]
mod seed_tests {
    use super::*;
    use crate::edits::suggestions;

    #[test]
    fn every_status_line_of_the_seeds_draft_is_a_listed_suggestion() {
        let folder = Folder::draft(
            &marginalia_draft::strip_marks(include_str!(
                "../../../content/putin-kim-pact/article.md"
            )),
            include_str!("../../../content/putin-kim-pact/meta.toml"),
        )
        .unwrap();
        let found = suggestions(&folder.actors, &folder.events, &folder.quotes);
        let status_lines = [&folder.actors, &folder.events, &folder.quotes]
            .iter()
            .flat_map(|f| f.lines())
            .filter(|l| l.starts_with("status = "))
            .count();
        assert_eq!(found.len(), status_lines, "{}", folder.quotes);
    }
}
