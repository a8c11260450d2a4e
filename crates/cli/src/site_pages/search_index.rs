//! The site's search index: every article (title, standfirst), actor (name, aliases) and quote
//! (its words, its speakers) as a document, and every word of a document under its first
//! character. The index is written as one small script per first character
//! (`search/a.js`…, at most 37 files whatever the size of the site), each calling
//! `marginaliaSearch.shard(…)` with its words and the documents they find: a query loads only
//! the shards of its words' first characters, with `<script>` elements, which work on a static
//! host under any sub-path and from `file://` (where `fetch` does not). `search.js` (beside
//! this file) runs the query in the reader's browser, a one-letter typo tolerated after a
//! word's first character. The index is written in the site's language (the kinds' names and
//! the search box's words are on the page, [`super::site_nav`]).

use crate::site::Entry;
use crate::site_index::SiteIndex;
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
use serde_json::json;
use std::collections::BTreeMap;

/// One thing a search finds.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// `article`, `actor` or `quote` (the page names each in its language).
    pub kind: &'static str,
    pub title: String,
    pub detail: String,
    /// From the site's root.
    pub href: String,
    /// The words it is found by.
    pub words: Vec<String>,
}

/// The words of a text: lower case, letters and digits, two characters or more, each once.
pub fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The shard a word is in: its first character if a–z or 0–9, else `_`.
pub fn shard_of(word: &str) -> char {
    match word.chars().next() {
        Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit() => c,
        _ => '_',
    }
}

/// Every document of the site, described in `lang`.
pub fn documents(articles: &[Entry], index: &SiteIndex, lang: Lang) -> Vec<Doc> {
    let mut docs = Vec::new();
    for entry in articles {
        let meta = &entry.article.meta;
        let detail = lang.f(
            Msg::SearchArticleDetail,
            &[
                ("source", &meta.source.name),
                ("date", &meta.source.date.written(lang)),
            ],
        );
        let text = format!(
            "{} {}",
            meta.title,
            meta.standfirst.clone().unwrap_or_default()
        );
        docs.push(Doc {
            kind: "article",
            title: meta.title.clone(),
            detail,
            href: format!("{}/index.html", entry.slug),
            words: words(&text),
        });
        for quote in &entry.article.quotes {
            let by = entry.article.speakers_names(quote, lang);
            docs.push(Doc {
                kind: "quote",
                title: lang.f(Msg::SearchQuoteTitle, &[("text", &quote.text)]),
                detail: lang.f(
                    Msg::SearchQuoteDetail,
                    &[("who", &by), ("title", &meta.title)],
                ),
                href: format!("{}/index.html#quote={}", entry.slug, quote.id),
                words: words(&format!("{} {by}", quote.text)),
            });
        }
    }
    for actor in index.actors.values() {
        let names = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        docs.push(Doc {
            kind: "actor",
            title: actor.name.clone(),
            detail: lang.f(
                Msg::SearchActorDetail,
                &[
                    ("kind", actor.kind.label(lang)),
                    (
                        "articles",
                        &lang.n(Msg::InArticles, actor.mentions.len(), &[]),
                    ),
                ],
            ),
            href: format!("actors/{}/index.html", actor.id),
            words: words(&names),
        });
    }
    docs
}

/// At most this many documents for one word (the first in the site's order): a word every
/// article has ("the" is not indexed differently) keeps its shard small.
pub const MAX_PER_WORD: usize = 50;

/// The shards' scripts, by file name (`a.js`): each word of the shard with the documents it
/// finds (by number, at most [`MAX_PER_WORD`]), and those documents.
pub fn shards(docs: &[Doc]) -> BTreeMap<String, String> {
    let mut by_shard: BTreeMap<char, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (n, doc) in docs.iter().enumerate() {
        for word in &doc.words {
            let ids = by_shard
                .entry(shard_of(word))
                .or_default()
                .entry(word)
                .or_default();
            if ids.len() < MAX_PER_WORD {
                ids.push(n);
            }
        }
    }
    by_shard
        .into_iter()
        .map(|(key, words)| {
            let mut used: BTreeMap<usize, serde_json::Value> = BTreeMap::new();
            for &n in words.values().flatten() {
                let d = &docs[n];
                used.insert(n, json!([d.kind, d.title, d.detail, d.href]));
            }
            let script = format!(
                "marginaliaSearch.shard({}, {}, {});\n",
                json!(key.to_string()),
                json!(words),
                json!(used)
            )
            // Never `</script` or `<!--` in a script: JSON reads `\u003c` as `<`.
            .replace('<', "\\u003c");
            (format!("{key}.js"), script)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_alphanumeric_runs_each_once() {
        assert_eq!(
            words("Putin’s “sacred fight”: Kim, Kim and a 24-hour visit"),
            ["24", "and", "fight", "hour", "kim", "putin", "sacred", "visit"]
        );
        assert_eq!(shard_of("putin"), 'p');
        assert_eq!(shard_of("24"), '2');
        assert_eq!(shard_of("éclair"), '_');
    }

    #[test]
    fn each_shard_holds_its_words_and_their_documents_and_no_markup() {
        let docs = vec![
            Doc {
                kind: "actor",
                title: "Vladimir Putin".into(),
                detail: "person".into(),
                href: "actors/putin/index.html".into(),
                words: words("Vladimir Putin"),
            },
            Doc {
                kind: "quote",
                title: "“</script><b>”".into(),
                detail: "x".into(),
                href: "a/index.html#quote=q".into(),
                words: words("pact"),
            },
        ];
        let shards = shards(&docs);
        assert_eq!(shards.keys().collect::<Vec<_>>(), ["p.js", "v.js"]);
        let p = &shards["p.js"];
        assert!(p.starts_with("marginaliaSearch.shard(\"p\", {\"pact\":[1],\"putin\":[0]}, "));
        assert!(p.contains("actors/putin/index.html"));
        assert!(!p.contains('<'), "{p}");
    }
}
