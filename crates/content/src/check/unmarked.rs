//! Step 3 of the pipeline (`check/`), beside the build: a known name left unmarked, a warning
//! and not an error. An actor's name or alias written in `article.md` outside any mark (`Putin`
//! where `[Putin](actor:putin)` was meant) is a mention the reader cannot open, and its count
//! is short. Only proper names are looked for (a name that starts with a capital letter): an
//! alias such as "the council" is as often a common noun. The text may mean it (a name inside a
//! longer name, a city and not its government), so the article still builds; `marginalia check`
//! and `marginalia build` print each one with its file, line and column.
//!
//! Data flow: `actors.toml` (names and aliases) and `article.md` (its marks' spans excluded) in,
//! one [`ContentError`] per unmarked occurrence out, in the order of the text.

use crate::read::annotations::ActorsFile;
use crate::read::Sources;
use crate::report::error::ContentError;
use std::ops::Range;

/// At most this many warnings are listed for an article (then how many more there are).
pub const MAX_LISTED: usize = 50;

/// Every occurrence of an actor's name or alias outside a mark, as warnings. Nothing when
/// `actors.toml` does not parse (the build reports that).
pub fn unmarked_names(src: &Sources) -> Vec<ContentError> {
    let Ok(file) = toml::from_str::<ActorsFile>(&src.actors.text) else {
        return Vec::new();
    };
    let text = &src.article.text;
    let links = link_spans(text);
    let mut found: Vec<(usize, usize, String, String)> = Vec::new();
    for actor in &file.actor {
        let id = actor.id.get_ref();
        let names = std::iter::once(&actor.name).chain(&actor.aliases);
        let proper = |n: &&String| n.chars().next().is_some_and(char::is_uppercase);
        for name in names.filter(|n| n.chars().count() >= 2).filter(proper) {
            for at in whole_word_occurrences(text, name) {
                let end = at + name.len();
                let inside_a_link = links.iter().any(|l| l.start <= at && end <= l.end);
                // A longer name found at the same place (“North Korea” over “Korea”) wins.
                let longer = found
                    .iter()
                    .any(|(s, e, _, _)| *s <= at && end <= *e && e - s > name.len());
                if !inside_a_link && !longer {
                    found.retain(|(s, e, _, _)| !(at <= *s && *e <= end));
                    found.push((at, end, name.clone(), id.clone()));
                }
            }
        }
    }
    found.sort();
    let total = found.len();
    let mut warnings: Vec<ContentError> = found
        .into_iter()
        .take(MAX_LISTED)
        .map(|(at, _, name, id)| {
            src.article
                .error_at(
                    at,
                    format!("warning: “{name}” names actor `{id}` but is not marked"),
                )
                .with_hint(Some(format!(
                    "write it as [{name}](actor:{id}) so that the reader can open it (or leave it, if the text means something else by it)"
                )))
        })
        .collect();
    if total > MAX_LISTED {
        warnings.push(src.article.error_at(
            text.len(),
            format!(
                "warning: {} more unmarked names not listed",
                total - MAX_LISTED
            ),
        ));
    }
    warnings
}

/// The spans of the Markdown links `[words](target)` of `text`, each whole.
fn link_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| from + i) {
        let Some(close) = text[open..].find("](").map(|i| open + i) else {
            break;
        };
        // The words hold no other bracket or line break.
        if text[open + 1..close].contains(['[', '\n']) {
            from = open + 1;
            continue;
        }
        let end = text[close..]
            .find(')')
            .map_or(text.len(), |i| close + i + 1);
        out.push(open..end);
        from = end;
    }
    out
}

/// Where `name` stands in `text` as whole words (no letter or digit just before or after; a
/// possessive “’s” after it is fine).
fn whole_word_occurrences(text: &str, name: &str) -> Vec<usize> {
    text.match_indices(name)
        .filter(|&(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(at, _)| at)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::error::SourceFile;

    fn sources(article: &str, actors: &str) -> Sources {
        let file = |name: &str, text: &str| SourceFile {
            name: name.into(),
            text: text.into(),
        };
        Sources {
            meta: file("meta.toml", ""),
            article: file("article.md", article),
            actors: file("actors.toml", actors),
            events: file("events.toml", ""),
            quotes: file("quotes.toml", ""),
        }
    }

    const ACTORS: &str = "[[actor]]\nid = \"putin\"\nname = \"Vladimir Putin\"\nkind = \"person\"\nrole = \"\"\naliases = [\"Putin\"]\ndescription = \"\"\n\n[[actor]]\nid = \"north-korea\"\nname = \"North Korea\"\nkind = \"state\"\nrole = \"\"\ndescription = \"\"\n";

    #[test]
    fn an_unmarked_name_is_a_warning_where_it_is_written() {
        let text =
            "[Vladimir Putin](actor:putin) spoke.\n\nLater Putin’s aides met North Korea’s.\n";
        let w = unmarked_names(&sources(text, ACTORS));
        let said: Vec<String> = w
            .iter()
            .map(|e| format!("{}:{}: {}", e.line, e.column, e.message))
            .collect();
        assert_eq!(
            said,
            vec![
                "3:7: warning: “Putin” names actor `putin` but is not marked",
                "3:25: warning: “North Korea” names actor `north-korea` but is not marked",
            ]
        );
        assert!(w[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("[Putin](actor:putin)"));
    }

    #[test]
    fn marked_names_parts_of_words_and_names_inside_marks_are_not() {
        let text = "[Putin](actor:putin) and [the North Korea envoy](actor:x) met Putinists.\n";
        assert!(unmarked_names(&sources(text, ACTORS)).is_empty());
        // A common-noun alias is not looked for.
        let actors = ACTORS.replace("[\"Putin\"]", "[\"Putin\", \"the president\"]");
        assert!(unmarked_names(&sources("Then the president left.", &actors)).is_empty());
    }
}
