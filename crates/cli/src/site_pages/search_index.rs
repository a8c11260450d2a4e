//! The site's search index: every actor (name, aliases), article (title, standfirst) and quote
//! (its words, its speakers) as a document, numbered in the order results are worth (actors,
//! then articles, then quotes; each in the site's order), and every word of a document under
//! its first character. It is written as small scripts in `search/`, each calling
//! `marginaliaSearch`, loaded on demand with `<script>` elements (which work on a static host
//! under any sub-path and from `file://`, where `fetch` does not):
//!
//! - one **word shard** per first character (`search/a.js`…, at most 37 whatever the size of
//!   the site): each word with the numbers of the documents it finds (at most
//!   [`MAX_PER_WORD`] of each kind, written as differences from the one before);
//! - the **documents**, [`DOCS_PER_FILE`] to a file (`search/d-0.js`, `d-1.js`…): what a
//!   result shows (kind, title, detail, address).
//!
//! A query loads the shards of its words' first characters, finds the numbers every word
//! matches, and loads only the files of documents of the first results: what a reader
//! transfers depends on the query, not on the size of the site. `search.js` (beside this file)
//! runs the query in the reader's browser, a one-letter typo tolerated after a word's first
//! character. The index is written in the site's language (the kinds' names and the search
//! box's words are on the page, [`super::site_nav`]).
//!
//! The data flow: every document is first *indexed* (its kind and where it comes from,
//! [`Indexed`]). The articles' and their quotes' words need no index of the site: the build
//! finds them while it makes the index, on threads of their own ([`article_postings`]), and
//! keeps of them only each word once with the places of the first documents it finds (not a
//! list of words per document: a few million strings at 10,000 articles); with the actors'
//! documents, from the index, they make the word shards ([`search_files`]; the tests hold them
//! to the shards `word_shards` makes from every document's words, `documents`, kept for the
//! tests only). What a result shows
//! ([`Doc`]) is made only for the files of documents written ([`super::write`]: a file whose
//! documents' stamp, [`file_stamp`], is the last build's is left as it is).

use crate::site::Entry;
use crate::site_index::{SiteActor, SiteIndex};
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
use rustc_hash::FxHashMap as HashMap;
use serde_json::json;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What a result shows of one thing a search finds (a line of a file of documents).
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// `article`, `actor` or `quote` (the page names each in its language).
    pub kind: &'static str,
    pub title: String,
    pub detail: String,
    /// From the site's root.
    pub href: String,
}

/// One thing a search finds, as the index needs it: its kind, the words it is found by, and
/// where it comes from; what a result shows of it ([`Doc`]) is made only for the files of
/// documents written ([`Indexed::shown`]).
pub struct Indexed<'a> {
    pub kind: &'static str,
    pub words: Vec<String>,
    source: Source<'a>,
}

/// Where a document comes from: an actor of the site's index, an article, one of its quotes.
#[derive(Clone, Copy)]
enum Source<'a> {
    Actor(&'a SiteActor),
    Article(&'a Entry),
    Quote(&'a Entry, usize),
}

/// The words of a text: lower case, letters and digits, two characters or more, each once.
pub fn words(text: &str) -> Vec<String> {
    // A word already in lower case (most) is borrowed until it is known to be new: only the
    // words kept are copied.
    let mut out: Vec<Cow<str>> = each_word(text).collect();
    out.sort_unstable();
    out.dedup();
    out.into_iter().map(Cow::into_owned).collect()
}

/// The words of a text as [`words`] finds them, in the text's order, a word as often as it is
/// there; borrowed from the text when it is in lower case already.
fn each_word(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(w)
            } else if w.is_ascii() {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
}

/// The shard a word is in: its first character if a–z or 0–9, else `_`.
pub fn shard_of(word: &str) -> char {
    match word.chars().next() {
        Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit() => c,
        _ => '_',
    }
}

/// The actors' documents, in the index's order (by id).
fn actor_documents(index: &SiteIndex) -> Vec<Indexed<'_>> {
    index
        .actors
        .values()
        .map(|actor| {
            let names = std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            Indexed {
                kind: "actor",
                words: words(&names),
                source: Source::Actor(actor),
            }
        })
        .collect()
}

/// What an article's own document is found by: its title and standfirst.
fn article_text(entry: &Entry) -> String {
    let meta = &entry.article.meta;
    format!(
        "{} {}",
        meta.title,
        meta.standfirst.clone().unwrap_or_default()
    )
}

/// What the article's `n`th quote is found by: its words and its speakers' names.
fn quote_text(entry: &Entry, n: usize, lang: Lang) -> String {
    let quote = &entry.article.quotes[n];
    let by = entry.article.speakers_names(quote, lang);
    format!("{} {by}", quote.text)
}

/// The articles' part of the search, made without the site's index (so the build makes it while
/// it makes the index): the articles' documents and their quotes' (without their words), and
/// for each word the places of the first [`MAX_PER_WORD`] articles and of the first quotes it
/// finds (among the articles, among the quotes), ascending.
pub struct ArticlePostings<'a> {
    articles: Vec<Indexed<'a>>,
    quotes: Vec<Indexed<'a>>,
    postings: HashMap<String, [Vec<usize>; 2]>,
}

/// [`ArticlePostings`] of `articles`, their words in `lang`, on every core (each a run of the
/// articles, their postings then put together in order): no document's words are kept, only
/// each word once with its places.
pub fn article_postings(articles: &[Entry], lang: Lang) -> ArticlePostings<'_> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    postings_in_parts(articles, lang, workers)
}

/// [`article_postings`], made in `parts` runs of the articles.
fn postings_in_parts(articles: &[Entry], lang: Lang, parts: usize) -> ArticlePostings<'_> {
    let chunk = articles.len().div_ceil(parts).max(1);
    let parts: Vec<ArticlePostings> = std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| scope.spawn(move || postings_of(part, c * chunk, lang)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a search thread panicked"))
            .collect()
    });
    let mut all = ArticlePostings {
        articles: Vec::with_capacity(articles.len()),
        quotes: Vec::new(),
        postings: HashMap::default(),
    };
    for part in parts {
        // The part's quotes are numbered from its first: after the parts before.
        let quotes_before = all.quotes.len();
        for (word, [of_articles, of_quotes]) in part.postings {
            let [all_articles, all_quotes] = all.postings.entry(word).or_default();
            let room = MAX_PER_WORD - all_articles.len();
            all_articles.extend(of_articles.into_iter().take(room));
            let room = MAX_PER_WORD - all_quotes.len();
            all_quotes.extend(of_quotes.into_iter().take(room).map(|q| q + quotes_before));
        }
        all.articles.extend(part.articles);
        all.quotes.extend(part.quotes);
    }
    all
}

/// The postings of a run of articles, the first at place `first` among all; its quotes
/// numbered from 0.
fn postings_of(articles: &[Entry], first: usize, lang: Lang) -> ArticlePostings<'_> {
    let mut out = ArticlePostings {
        articles: Vec::with_capacity(articles.len()),
        quotes: Vec::new(),
        postings: HashMap::default(),
    };
    // Each word of a document once (a word already listing the document is not listed again),
    // at most MAX_PER_WORD documents of the kind; a word copied only when it is new.
    let mut post = |text: &str, kind: usize, n: usize| {
        for word in each_word(text) {
            let ids = match out.postings.get_mut(word.as_ref()) {
                Some(ids) => &mut ids[kind],
                None => &mut out.postings.entry(word.into_owned()).or_default()[kind],
            };
            if ids.len() < MAX_PER_WORD && ids.last() != Some(&n) {
                ids.push(n);
            }
        }
    };
    let mut quotes = 0;
    for (a, entry) in articles.iter().enumerate() {
        post(&article_text(entry), 0, first + a);
        for n in 0..entry.article.quotes.len() {
            post(&quote_text(entry, n, lang), 1, quotes);
            quotes += 1;
            out.quotes.push(Indexed {
                kind: "quote",
                words: Vec::new(),
                source: Source::Quote(entry, n),
            });
        }
        out.articles.push(Indexed {
            kind: "article",
            words: Vec::new(),
            source: Source::Article(entry),
        });
    }
    out
}

/// Every document of the site in the order results are worth (actors, articles, quotes; the
/// articles' and quotes' without their words), and the word shards' files, from the
/// index's actors and the articles' postings.
pub fn search_files<'a>(
    index: &'a SiteIndex,
    articles: ArticlePostings<'a>,
) -> (Vec<Indexed<'a>>, BTreeMap<String, String>) {
    let mut docs = actor_documents(index);
    let (actors, article_count) = (docs.len(), articles.articles.len());
    // The actors' words first: they are numbered first.
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::default();
    for (n, doc) in docs.iter().enumerate() {
        for word in &doc.words {
            let ids = postings.entry(word).or_default();
            if ids.len() < MAX_PER_WORD {
                ids.push(n);
            }
        }
    }
    for (word, [of_articles, of_quotes]) in &articles.postings {
        let ids = postings.entry(word).or_default();
        ids.extend(of_articles.iter().map(|a| actors + a));
        ids.extend(of_quotes.iter().map(|q| actors + article_count + q));
    }
    let shards = shard_files(postings);
    docs.extend(articles.articles);
    docs.extend(articles.quotes);
    (docs, shards)
}

impl Indexed<'_> {
    /// What a result shows of it, in `lang`.
    pub fn shown(&self, lang: Lang) -> Doc {
        let kind = self.kind;
        match self.source {
            Source::Actor(actor) => Doc {
                kind,
                title: actor.name.clone(),
                detail: lang.f(
                    Msg::SearchActorDetail,
                    &[
                        ("kind", actor.kind.label(lang)),
                        (
                            "articles",
                            &lang.n(Msg::InArticles, actor.totals.mentions, &[]),
                        ),
                    ],
                ),
                href: format!("actors/{}/index.html", actor.id),
            },
            Source::Article(entry) => {
                let meta = &entry.article.meta;
                Doc {
                    kind,
                    title: meta.title.clone(),
                    detail: lang.f(
                        Msg::SearchArticleDetail,
                        &[
                            ("source", &meta.source.name),
                            ("date", &meta.source.date.written(lang)),
                        ],
                    ),
                    href: format!("{}/index.html", entry.slug),
                }
            }
            Source::Quote(entry, n) => {
                let quote = &entry.article.quotes[n];
                let by = entry.article.speakers_names(quote, lang);
                Doc {
                    kind,
                    title: lang.f(Msg::SearchQuoteTitle, &[("text", &quote.text)]),
                    detail: lang.f(
                        Msg::SearchQuoteDetail,
                        &[("who", &by), ("title", &entry.article.meta.title)],
                    ),
                    href: format!("{}/index.html#quote={}", entry.slug, quote.id),
                }
            }
        }
    }

    /// The stamp of what it shows, without making it: an actor's shown fields; an article's or
    /// a quote's sources, as the build's cache stamped them (with the binary). None for an
    /// article the build has no cache for.
    fn stamp(&self, hasher: &mut impl std::hash::Hasher) -> Option<()> {
        use std::hash::Hash;
        match self.source {
            Source::Actor(actor) => (
                &actor.id,
                &actor.name,
                actor.kind.as_str(),
                actor.totals.mentions,
            )
                .hash(hasher),
            Source::Article(entry) => (&entry.slug, sources(entry)?).hash(hasher),
            Source::Quote(entry, n) => (&entry.slug, n, sources(entry)?).hash(hasher),
        }
        self.kind.hash(hasher);
        Some(())
    }
}

/// The stamp of an article's sources, when the build's cache has one (0: its folder could not
/// be stamped).
fn sources(entry: &Entry) -> Option<u64> {
    entry.cached.as_ref().map(|c| c.sources).filter(|&s| s != 0)
}

/// The stamp of the documents of one file (the `n`th) in `lang`, from what each is made of
/// (an actor's shown fields; an article's or a quote's sources, with the binary): the same stamp,
/// the same file. None when one has no stamp.
pub fn file_stamp(n: usize, part: &[Indexed], lang: Lang) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (n, lang.tag()).hash(&mut hasher);
    for doc in part {
        doc.stamp(&mut hasher)?;
    }
    Some(hasher.finish())
}

/// At most this many documents of each kind for one word (the first in the index's order): a
/// word that every article has keeps its shard small, and a query still finds the actors it
/// names. As many as a search shows.
pub const MAX_PER_WORD: usize = 20;

/// Documents per file of documents (`search/d-<n>.js`): a query loads the files of its first
/// results only.
pub const DOCS_PER_FILE: usize = 32;

/// `<` never appears in a script (no `</script` or `<!--`): JSON reads `\u003c` as `<`.
fn script(call: String) -> String {
    call.replace('<', "\\u003c")
}

/// The word shards' files from each word's documents, by number, ascending.
fn shard_files<'a>(
    postings: impl IntoIterator<Item = (&'a str, Vec<usize>)>,
) -> BTreeMap<String, String> {
    let mut by_shard: BTreeMap<char, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (word, ids) in postings {
        by_shard
            .entry(shard_of(word))
            .or_default()
            .insert(word, differences(&ids));
    }
    by_shard
        .into_iter()
        .map(|(key, words)| {
            let call = format!(
                "marginaliaSearch.shard({}, {});\n",
                json!(key.to_string()),
                serde_json::to_string(&words).expect("words and numbers are JSON")
            );
            (format!("{key}.js"), script(call))
        })
        .collect()
}

/// The file of documents `n` (`d-<n>.js`: [`DOCS_PER_FILE`] documents, each
/// `[kind, title, detail, address]`).
pub fn docs_file(n: usize, part: &[Doc]) -> String {
    // As `json!` writes them, without a value made of each: `[[kind,title,detail,href],…]`.
    let part: Vec<String> = part
        .iter()
        .map(|d| {
            serde_json::to_string(&[d.kind, &d.title, &d.detail, &d.href])
                .expect("strings are JSON")
        })
        .collect();
    script(format!(
        "marginaliaSearch.docs({n}, [{}]);\n",
        part.join(",")
    ))
}

/// The name of the file of documents `n`.
pub fn docs_file_name(n: usize) -> String {
    format!("d-{n}.js")
}

/// Ascending numbers as the first and then each one's difference from the one before: shorter
/// to send (`[4017, 1, 1, 16]` for 4017, 4018, 4019, 4035).
fn differences(ids: &[usize]) -> Vec<usize> {
    ids.iter()
        .scan(0, |last, &id| {
            let step = id - *last;
            *last = id;
            Some(step)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every document of the site in the order results are worth: actors, articles, quotes (each
    /// article's words found on every core). The build makes the same documents and their word
    /// shards without each document's words ([`article_postings`], [`search_files`]); this is
    /// what the tests check them against.
    fn documents<'a>(articles: &'a [Entry], index: &'a SiteIndex, lang: Lang) -> Vec<Indexed<'a>> {
        let mut docs = actor_documents(index);
        let per_article = crate::site_index::on_every_core(articles, |entry| {
            let article = Indexed {
                kind: "article",
                words: words(&article_text(entry)),
                source: Source::Article(entry),
            };
            let quotes: Vec<Indexed> = (0..entry.article.quotes.len())
                .map(|n| Indexed {
                    kind: "quote",
                    words: words(&quote_text(entry, n, lang)),
                    source: Source::Quote(entry, n),
                })
                .collect();
            (article, quotes)
        });
        let mut quotes = Vec::new();
        for (article, of_article) in per_article {
            docs.push(article);
            quotes.push(of_article);
        }
        docs.extend(quotes.into_iter().flatten());
        docs
    }

    /// The word shards, by file name (`a.js`: each word of the shard with the numbers of the
    /// documents it finds, at most [`MAX_PER_WORD`] of each kind, as differences), from each
    /// document's kind and words, in the documents' order.
    fn word_shards<'a>(
        docs: impl Iterator<Item = (&'static str, &'a [String])>,
    ) -> BTreeMap<String, String> {
        // Word → (its documents, how many of each kind); sorted into shards once all are seen.
        let mut postings: HashMap<&str, (Vec<usize>, [usize; 3])> = HashMap::default();
        for (n, (kind, words)) in docs.enumerate() {
            let kind = match kind {
                "actor" => 0,
                "article" => 1,
                _ => 2,
            };
            for word in words {
                let (ids, per_kind) = postings.entry(word).or_default();
                if per_kind[kind] < MAX_PER_WORD {
                    per_kind[kind] += 1;
                    ids.push(n);
                }
            }
        }
        shard_files(postings.into_iter().map(|(word, (ids, _))| (word, ids)))
    }

    #[test]
    fn words_are_lower_case_alphanumeric_runs_each_once() {
        assert_eq!(
            words("Putin’s “sacred fight”: Kim, Kim and a 24-hour visit"),
            ["24", "and", "fight", "hour", "kim", "putin", "sacred", "visit"]
        );
        assert_eq!(shard_of("putin"), 'p');
        assert_eq!(shard_of("24"), '2');
        assert_eq!(shard_of("éclair"), '_');
        // As each word lower-cased on its own, whatever its letters.
        let text = "ÉCLAIR Éclair éclair İstanbul ΟΔΟΣ ǅemal Straße MIXED mixed 24-Hour x";
        let mut each: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_lowercase)
            .collect();
        each.sort();
        each.dedup();
        assert_eq!(words(text), each);
    }

    #[test]
    fn each_shard_holds_its_words_numbers_and_the_documents_are_apart_without_markup() {
        let doc = |kind, title: &str, text| {
            let shown = Doc {
                kind,
                title: title.into(),
                detail: "x".into(),
                href: format!("{title}/index.html"),
            };
            (shown, words(text))
        };
        let mut docs = vec![
            doc("actor", "Vladimir Putin", "Vladimir Putin"),
            doc("quote", "“</script><b>”", "pact"),
        ];
        docs.extend((0..40).map(|n| doc("article", &format!("a{n}"), "pact putin")));
        let mut shards = word_shards(docs.iter().map(|(d, w)| (d.kind, w.as_slice())));
        assert_eq!(shards.keys().collect::<Vec<_>>(), ["p.js", "v.js"]);
        let shown: Vec<Doc> = docs.into_iter().map(|(d, _)| d).collect();
        for (n, part) in shown.chunks(DOCS_PER_FILE).enumerate() {
            shards.insert(docs_file_name(n), docs_file(n, part));
        }
        // "pact": the quote (1), then articles 2, 3… but no more than MAX_PER_WORD of them.
        let p = &shards["p.js"];
        let pact: Vec<usize> = [1, 1].into_iter().chain([1; MAX_PER_WORD - 1]).collect();
        assert!(p.contains(&format!("\"pact\":{}", json!(pact))), "{p}");
        // "putin": the actor (0), then articles from 2 on.
        assert!(p.contains("\"putin\":[0,2,1,"), "{p}");
        let first = &shards["d-0.js"];
        assert!(first.starts_with("marginaliaSearch.docs(0, [[\"actor\",\"Vladimir Putin\""));
        assert!(!first.contains('<'), "{first}");
        assert!(shards["d-1.js"].starts_with("marginaliaSearch.docs(1, [[\"article\",\"a30\""));
    }

    #[test]
    fn the_builds_postings_make_the_shards_and_documents_that_each_documents_words_make() {
        let seed = crate::seed_for_tests();
        // More articles and quotes than a word lists, titles that differ, some without quotes.
        let articles: Vec<Entry> = (0..45)
            .map(|n| {
                let mut article = seed.clone();
                article.meta.title = format!("Title {n} of Putin’s PACT, pact {}", n % 7);
                if n % 3 == 0 {
                    article.quotes.truncate(n % 5);
                }
                Entry::new(format!("a-{n:02}"), article)
            })
            .collect();
        assert!(
            articles
                .iter()
                .map(|e| e.article.quotes.len())
                .sum::<usize>()
                > MAX_PER_WORD
        );
        let lang = Lang::En;
        let index = SiteIndex::new(&articles, lang);
        let docs = documents(&articles, &index, lang);
        let expected = word_shards(docs.iter().map(|d| (d.kind, d.words.as_slice())));
        let shown = |d: &[Indexed]| d.iter().map(|d| d.shown(lang)).collect::<Vec<_>>();
        for parts in [1, 2, 3, 7, 45, 60] {
            let (made, shards) = search_files(&index, postings_in_parts(&articles, lang, parts));
            assert_eq!(shards, expected, "in {parts} parts");
            assert_eq!(shown(&made), shown(&docs), "in {parts} parts");
        }
        assert!(expected["p.js"].contains("\"pact\":["));
    }

    #[test]
    fn numbers_are_written_as_differences() {
        assert_eq!(differences(&[4017, 4018, 4019, 4035]), [4017, 1, 1, 16]);
        assert_eq!(differences(&[]), Vec::<usize>::new());
    }
}
