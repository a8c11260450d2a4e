//! What the site knows across its articles, computed once per build from the checked articles
//! (pure: articles in, the index out; the pages are written from it by `actor_pages.rs`,
//! `timeline_page.rs` and the article pages' site links).
//!
//! The data flow: each article, whole or light (as the build's cache keeps it: without its
//! text, with the sentence that first names each actor, [`crate::build_cache`]), is taken in
//! the articles' order, in two walks on two threads that share nothing but the articles: one
//! makes the actors (their names, roles and mentions, their relations, their quotes for each
//! speaker), the other the merged timeline (the events as reports, their actors sorted on every
//! core) and from it the related articles; each actor is then given its timeline's entries. An actor's
//! lists keep what its page shows ([`crate::site_pages::MAX_LISTED`] entries, and how many in
//! all): an entry beyond them is counted, never made. What an entry quotes of an article
//! beyond its light form (a relation's evidence, the sentence that first names the actor) is
//! read only for the articles whose entries are made: [`quoted`] says which, from ids alone,
//! before the index is made, and the build takes those whole from its cache.
//!
//! - **Actors.** An actor is one id across the site: the articles that use an id mean the same
//!   actor (the checker of the site, [`conflicts`], refuses one id given two kinds, and warns of
//!   two ids that share a name or alias). For each: its names, its role as each article states
//!   it at that article's date (roles change), the sentence of each article that first mentions
//!   it, its quotes in date order, its events and its relations with their evidence.
//! - **One timeline.** Every article's events, merged: the same date and the same actors make
//!   one entry, which lists every article that reports it, each with its own provenance. "The
//!   same actors" allows one article to name fewer of them (the statement names Putin where the
//!   report names Putin and Kim): events of one date whose actors, all named, are a subset of
//!   the other's merge; events without actors never do.
//! - **In one language.** What the index says in words (dates, relation phrases, lists of
//!   speakers, provenance) is written in the site's language, the language of its pages; what
//!   it quotes from an article (a title, a sentence, a quote, a role, an author's note) keeps
//!   that article's language (`lang`), for the pages' `lang` attributes.
//! - **Related articles.** For each article, the others that share its actors (two points for
//!   each shared merged event, one for each shared actor), best first, then by slug; never itself.

use crate::site::Entry;
use crate::site_pages::MAX_LISTED;
use marginalia_i18n::Lang;
use marginalia_model::sentences::sentence_ranges;
use marginalia_model::{ActorKind, Block, DateSpan, Inline};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// How many related articles an article page lists.
pub const RELATED: usize = 3;

/// One actor across the site.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteActor {
    pub id: String,
    /// The name of the article that gives the fullest (longest) one.
    pub name: String,
    pub kind: ActorKind,
    /// Every other name the articles use, sorted.
    pub aliases: Vec<String>,
    pub description: String,
    /// The role each article states, with the article's date, oldest first (empty roles left
    /// out), each once until another is stated: its roles over time (the first [`MAX_LISTED`];
    /// how many in all: [`Totals`]).
    pub roles: Vec<DatedRole>,
    /// Its roles over time from the site's own actors file, with their dates and sources.
    pub recorded_roles: Vec<crate::registry::DatedRole>,
    /// Its Wikidata item's address, from the site's actors file.
    pub wikidata: Option<String>,
    /// The first articles that mention it ([`MAX_LISTED`]; how many in all: [`Totals`]), each
    /// with the number of mentions and the first sentence.
    pub mentions: Vec<ArticleMention>,
    /// Its first quotes in date order ([`MAX_LISTED`]; how many in all: [`Totals`]).
    pub quotes: Vec<SiteQuote>,
    /// Indexes into [`SiteIndex::timeline`].
    pub events: Vec<usize>,
    /// Its first relations, in the articles' order ([`MAX_LISTED`]).
    pub relations: Vec<SiteRelation>,
    /// How long its lists are in all (a page may be given only their first entries:
    /// [`SiteActor::listed`]).
    pub totals: Totals,
}

/// The lengths of an actor's lists across the site.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub roles: usize,
    pub mentions: usize,
    pub quotes: usize,
}

impl SiteActor {
    /// The actor with only the first `max` entries of each list (its totals kept): what a page
    /// shows, without copying 10,000 mentions to show 100.
    pub fn listed(&self, max: usize) -> SiteActor {
        let first = |n: usize| n.min(max);
        SiteActor {
            aliases: self.aliases.clone(),
            roles: self.roles[..first(self.roles.len())].to_vec(),
            recorded_roles: self.recorded_roles.clone(),
            mentions: self.mentions[..first(self.mentions.len())].to_vec(),
            quotes: self.quotes[..first(self.quotes.len())].to_vec(),
            events: self.events.clone(),
            relations: self.relations[..first(self.relations.len())].to_vec(),
            ..self.without_lists()
        }
    }

    fn without_lists(&self) -> SiteActor {
        SiteActor {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            aliases: Vec::new(),
            description: self.description.clone(),
            roles: Vec::new(),
            recorded_roles: Vec::new(),
            wikidata: self.wikidata.clone(),
            mentions: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            relations: Vec::new(),
            totals: self.totals.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DatedRole {
    pub role: String,
    /// The language of the article's text, which gives the role.
    pub lang: String,
    /// The article's source date, ISO and as a reader reads it.
    pub as_of: String,
    pub as_of_text: String,
    pub slug: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArticleMention {
    pub slug: String,
    pub title: String,
    /// The language of the article's text (its title and the sentence).
    pub lang: String,
    pub count: u32,
    pub sentence: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SiteQuote {
    pub slug: String,
    pub id: String,
    pub text: String,
    /// The language of the article's text, the quote's.
    pub lang: String,
    /// All who said it, by name.
    pub speakers: String,
    /// The date of its event, else of its article; ISO, for sorting and `<time>`.
    pub date: String,
    pub date_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SiteRelation {
    pub slug: String,
    /// "Vladimir Putin ally of North Korea".
    pub phrase: String,
    pub evidence: String,
    /// The language of the article's text, the evidence's.
    pub lang: String,
    /// The other actor's id, for its page's link.
    pub other: String,
}

/// One entry of the merged timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    pub date: DateSpan,
    pub title: String,
    /// The language of the title (its article's text).
    pub lang: String,
    pub actors: Vec<String>,
    /// Every article that reports it: (slug, the event's id there, its provenance in words).
    pub reports: Vec<Report>,
}

impl TimelineEntry {
    /// The entry without its reports (to be given the ones a page shows).
    pub fn clone_without_reports(&self) -> TimelineEntry {
        TimelineEntry {
            date: self.date,
            title: self.title.clone(),
            lang: self.lang.clone(),
            actors: self.actors.clone(),
            reports: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub slug: String,
    pub title: String,
    pub event: String,
    pub provenance: String,
    /// The language of the article's text: its title's, and its provenance's when that is
    /// the author's note ([`Report::note`]) rather than the catalogue's explanation.
    pub lang: String,
    pub note: bool,
}

/// The site's index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteIndex {
    /// By id.
    pub actors: BTreeMap<String, SiteActor>,
    /// In date order; each entry with its first [`MAX_LISTED`] reports.
    pub timeline: Vec<TimelineEntry>,
    /// How many reports each entry of the timeline has in all.
    pub reports_total: Vec<usize>,
    /// For each article's slug, its related articles' slugs, best first.
    pub related: BTreeMap<String, Vec<String>>,
}

impl SiteIndex {
    /// The index of `articles`, with what the site's own actors file says of each actor: its
    /// name for the site, more aliases, its roles over time and its Wikidata item; in the
    /// site's language.
    pub fn with_registry(articles: &[Entry], registry: &crate::registry::Registry) -> SiteIndex {
        let mut index = SiteIndex::new(articles, registry.language);
        for (id, def) in &registry.actors {
            if let Some(site) = index.actors.get_mut(id) {
                if site.name != def.name {
                    let theirs = std::mem::replace(&mut site.name, def.name.clone());
                    site.aliases.push(theirs);
                }
                site.aliases.extend(def.aliases.iter().cloned());
                site.aliases.sort();
                site.aliases.dedup();
                let name = site.name.clone();
                site.aliases.retain(|a| *a != name);
                site.recorded_roles = def.roles.clone();
                site.wikidata = registry.same_as(id);
            }
        }
        index
    }

    /// The index of `articles`, its words in `lang`, put together in the articles' order.
    ///
    /// Each actor's lists keep what a page shows of them: the first [`MAX_LISTED`] entries,
    /// with their totals ([`Totals`]). An entry is made (its words written, its strings copied)
    /// only when it is kept: 10,000 articles that name Russia cost a count, not 10,000 copies
    /// of each sentence. Roles and quotes, sorted across the site before they are cut, are
    /// sorted as keys that point into the articles, then made.
    pub fn new(articles: &[Entry], lang: Lang) -> SiteIndex {
        // Two halves that share nothing but the articles, on two threads: the merged timeline
        // with the related articles (made from its reporters), and the actors with their lists.
        let ((merged, related), (mut actors, at)) = std::thread::scope(|scope| {
            let timeline = scope.spawn(|| {
                let merged = merged_timeline(articles, lang);
                let related = related_articles(articles, &merged.reporters);
                (merged, related)
            });
            let actors = site_actors(articles, lang);
            (
                timeline.join().expect("an indexing thread panicked"),
                actors,
            )
        });
        let Merged {
            timeline,
            reports_total,
            reporters: _,
        } = merged;
        for (n, entry) in timeline.iter().enumerate() {
            for id in &entry.actors {
                if let Some(&i) = at.get(id.as_str()) {
                    actors[i].events.push(n);
                }
            }
        }
        let actors: BTreeMap<String, SiteActor> =
            actors.into_iter().map(|a| (a.id.clone(), a)).collect();
        SiteIndex {
            actors,
            timeline,
            reports_total,
            related,
        }
    }

    /// How many articles mention `actor`.
    pub fn articles_naming(&self, actor: &str) -> usize {
        self.actors.get(actor).map_or(0, |a| a.totals.mentions)
    }
}

/// The actors of `articles` in the order the site meets them (their events not yet listed),
/// with where each is by its id.
fn site_actors(articles: &[Entry], lang: Lang) -> (Vec<SiteActor>, HashMap<&str, usize>) {
    // Each article's date, ISO: its roles' date, and its quotes' when they have no event.
    let dates: Vec<String> = articles
        .iter()
        .map(|e| e.article.meta.source.date.iso())
        .collect();
    // The actors in the order the site meets them, each found by its id through `at` (a
    // hash of the articles' own strings); sorted by id at the end.
    let mut actors: Vec<SiteActor> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::default();
    // By actor: each role stated (article, role), each quote (its date, article, quote).
    let mut roles: HashMap<&str, Vec<(usize, &str)>> = HashMap::default();
    let mut quotes: HashMap<&str, Vec<(String, usize, usize)>> = HashMap::default();
    for (n, entry) in articles.iter().enumerate() {
        let article = &entry.article;
        for actor in &article.actors {
            // Its id copied once, when the site first meets it (not once per article).
            let i = *at.entry(actor.id.as_str()).or_insert_with(|| {
                actors.push(SiteActor {
                    id: actor.id.clone(),
                    name: actor.name.clone(),
                    kind: actor.kind,
                    aliases: Vec::new(),
                    description: actor.description.clone(),
                    roles: Vec::new(),
                    recorded_roles: Vec::new(),
                    wikidata: None,
                    mentions: Vec::new(),
                    quotes: Vec::new(),
                    events: Vec::new(),
                    relations: Vec::new(),
                    totals: Totals::default(),
                });
                actors.len() - 1
            });
            let site = &mut actors[i];
            // Each other name once (not once per article that uses it).
            let also = |name: &String, aliases: &mut Vec<String>| {
                if !aliases.contains(name) {
                    aliases.push(name.clone());
                }
            };
            if actor.name.len() > site.name.len() {
                let shorter = std::mem::replace(&mut site.name, actor.name.clone());
                also(&shorter, &mut site.aliases);
            } else if actor.name != site.name {
                also(&actor.name, &mut site.aliases);
            }
            for alias in &actor.aliases {
                also(alias, &mut site.aliases);
            }
            if site.description.is_empty() {
                site.description = actor.description.clone();
            }
            if !actor.role.is_empty() {
                roles.entry(&actor.id).or_default().push((n, &actor.role));
            }
            site.totals.mentions += 1;
            if site.mentions.len() < MAX_LISTED {
                debug_assert!(entry.whole, "{} is quoted: see `quoted`", entry.slug);
                site.mentions.push(ArticleMention {
                    slug: entry.slug.clone(),
                    title: article.meta.title.clone(),
                    lang: article.meta.language.clone(),
                    count: actor.mention_count,
                    sentence: entry
                        .first_sentences
                        .get(&actor.id)
                        .cloned()
                        .unwrap_or_default(),
                });
            }
        }
        // Each relation once, for both its actors (an actor first named by a later article
        // is not there yet, as when the index was made article by article).
        for from in &article.actors {
            for relation in &from.relations {
                let mut phrase = None;
                let ends = [(&from.id, &relation.target), (&relation.target, &from.id)];
                let ends = if relation.target == from.id {
                    &ends[..1]
                } else {
                    &ends[..]
                };
                for (id, other) in ends {
                    let Some(&i) = at.get(id.as_str()) else {
                        continue;
                    };
                    let site = &mut actors[i];
                    if site.relations.len() < MAX_LISTED {
                        debug_assert!(entry.whole, "{} is quoted: see `quoted`", entry.slug);
                        let phrase = phrase
                            .get_or_insert_with(|| article.relation_phrase(from, relation, lang));
                        site.relations.push(SiteRelation {
                            slug: entry.slug.clone(),
                            phrase: phrase.clone(),
                            evidence: relation.evidence.clone(),
                            lang: article.meta.language.clone(),
                            other: other.to_string(),
                        });
                    }
                }
            }
        }
        for (q, quote) in article.quotes.iter().enumerate() {
            let event = quote.event.as_deref().and_then(|e| article.event(e));
            let date = event.map_or_else(|| dates[n].clone(), |e| e.date.iso());
            for speaker in &quote.speakers {
                if at.contains_key(speaker.as_str()) {
                    quotes
                        .entry(speaker)
                        .or_default()
                        .push((date.clone(), n, q));
                }
            }
        }
    }
    // Each article's place in the order of (date, address, place): roles are sorted by it,
    // every key distinct, so an unstable sort orders them as a stable one would.
    let mut by_date: Vec<usize> = (0..articles.len()).collect();
    by_date.sort_unstable_by(|&a, &b| {
        (&dates[a], &articles[a].slug, a).cmp(&(&dates[b], &articles[b].slug, b))
    });
    let mut rank = vec![0; articles.len()];
    for (r, &n) in by_date.iter().enumerate() {
        rank[n] = r;
    }
    for site in &mut actors {
        site.aliases.sort();
        site.aliases.dedup();
        let name = site.name.clone();
        site.aliases.retain(|a| *a != name);
        // Its roles over time: each as the first article to state it, until another is
        // stated (10,000 articles that call Putin "President of Russia" make one line).
        let mut stated = roles.remove(site.id.as_str()).unwrap_or_default();
        // By date, then address (the article's rank).
        stated.sort_unstable_by_key(|&(a, _)| rank[a]);
        stated.dedup_by(|(later, role), (first, first_role)| {
            role == first_role
                && articles[*later].article.meta.language == articles[*first].article.meta.language
        });
        site.totals.roles = stated.len();
        site.roles = stated
            .into_iter()
            .take(MAX_LISTED)
            .map(|(n, role)| {
                let article = &articles[n].article;
                DatedRole {
                    role: role.to_string(),
                    lang: article.meta.language.clone(),
                    as_of: dates[n].clone(),
                    as_of_text: article.meta.source.date.written(lang),
                    slug: articles[n].slug.clone(),
                }
            })
            .collect();
        // Its quotes in date order, then by article and id.
        let mut said = quotes.remove(site.id.as_str()).unwrap_or_default();
        let quote_id = |n: usize, q: usize| articles[n].article.quotes[q].id.as_str();
        // The place of the article and of the quote in it last: every key distinct (or one
        // quote twice), so choosing and sorting unstably orders them as a stable sort would.
        let in_order = |(a, an, aq): &(String, usize, usize),
                        (b, bn, bq): &(String, usize, usize)| {
            (a, &articles[*an].slug, quote_id(*an, *aq), an, aq).cmp(&(
                b,
                &articles[*bn].slug,
                quote_id(*bn, *bq),
                bn,
                bq,
            ))
        };
        site.totals.quotes = said.len();
        // The first MAX_LISTED chosen, then only they sorted.
        if said.len() > MAX_LISTED {
            said.select_nth_unstable_by(MAX_LISTED, in_order);
            said.truncate(MAX_LISTED);
        }
        said.sort_unstable_by(in_order);
        site.quotes = said
            .into_iter()
            .take(MAX_LISTED)
            .map(|(date, n, q)| {
                let (entry, article) = (&articles[n], &articles[n].article);
                let quote = &article.quotes[q];
                let event = quote.event.as_deref().and_then(|e| article.event(e));
                SiteQuote {
                    slug: entry.slug.clone(),
                    id: quote.id.clone(),
                    text: quote.text.clone(),
                    lang: article.meta.language.clone(),
                    speakers: article.speakers_names(quote, lang),
                    date,
                    date_text: event.map_or_else(
                        || article.meta.source.date.written(lang),
                        |e| e.date.written(lang),
                    ),
                }
            })
            .collect();
    }
    (actors, at)
}

/// Which articles the site's index quotes beyond their light form ([`crate::build_cache::light`]):
/// those that give one of the first [`MAX_LISTED`] mentions of an actor (its sentence) or of its
/// relations (their evidence). The same walk as [`SiteIndex::new`]'s, with ids and counts only.
pub fn quoted(articles: &[Entry]) -> Vec<bool> {
    // By actor: its mentions and relations listed so far (an actor is there once an article
    // names it, as in the index).
    let mut listed: HashMap<&str, (usize, usize)> = HashMap::default();
    articles
        .iter()
        .map(|entry| {
            let mut quoted = false;
            for actor in &entry.article.actors {
                let (mentions, _) = listed.entry(&actor.id).or_default();
                if *mentions < MAX_LISTED {
                    *mentions += 1;
                    quoted = true;
                }
            }
            for from in &entry.article.actors {
                for relation in &from.relations {
                    let ends = [from.id.as_str(), relation.target.as_str()];
                    let ends = if relation.target == from.id {
                        &ends[..1]
                    } else {
                        &ends[..]
                    };
                    for id in ends {
                        if let Some((_, relations)) = listed.get_mut(id) {
                            if *relations < MAX_LISTED {
                                *relations += 1;
                                quoted = true;
                            }
                        }
                    }
                }
            }
            quoted
        })
        .collect()
}

/// `make` of every article (or anything else), on every core, in the articles' order.
pub(crate) fn on_every_core<'a, A: Sync, T: Send>(
    articles: &'a [A],
    make: impl Fn(&'a A) -> T + Sync,
) -> Vec<T> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(workers).max(1);
    let make = &make;
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(make).collect::<Vec<T>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("an indexing thread panicked"))
            .collect()
    })
}

/// Every article's events, merged (see the module doc), in date order (then title). Each entry
/// lists its first [`MAX_LISTED`] reports (as many as a page shows: a report beyond them is
/// counted, never made), with how many it has in all and the place of every article that
/// reports it, in the articles' order (for the related articles).
fn merged_timeline(articles: &[Entry], lang: Lang) -> Merged {
    // An entry as it is merged: its reports as (article, event) places.
    struct Merging {
        date: DateSpan,
        title: String,
        lang: String,
        actors: Vec<String>,
        reports: Vec<(usize, usize)>,
    }
    let mut merged: Vec<Merging> = Vec::new();
    // The entries of each date (by place in `merged`), so that merging is not quadratic.
    let mut by_date: BTreeMap<DateSpan, Vec<usize>> = BTreeMap::new();
    // Each article's events' actors, sorted, on every core.
    let sorted_actors = on_every_core(articles, |entry| {
        entry
            .article
            .events
            .iter()
            .map(|event| {
                let mut actors = event.actors.clone();
                actors.sort();
                actors
            })
            .collect::<Vec<_>>()
    });
    for (n, (entry, of_events)) in articles.iter().zip(sorted_actors).enumerate() {
        let language = &entry.article.meta.language;
        for (k, (event, actors)) in entry.article.events.iter().zip(of_events).enumerate() {
            let subset = |a: &[String], b: &[String]| a.iter().all(|x| b.contains(x));
            let on_that_day = by_date.entry(event.date).or_default();
            let same = on_that_day.iter().copied().find(|&m| {
                let m = &merged[m];
                !actors.is_empty()
                    && !m.actors.is_empty()
                    && (subset(&actors, &m.actors) || subset(&m.actors, &actors))
            });
            match same {
                Some(m) => {
                    let m = &mut merged[m];
                    // The fuller list of actors, and the title of the report that names them.
                    if actors.len() > m.actors.len() {
                        m.actors = actors;
                        m.title = event.title.clone();
                        m.lang = language.clone();
                    }
                    m.reports.push((n, k));
                }
                None => {
                    on_that_day.push(merged.len());
                    merged.push(Merging {
                        date: event.date,
                        title: event.title.clone(),
                        lang: language.clone(),
                        actors,
                        reports: vec![(n, k)],
                    });
                }
            }
        }
    }
    merged.sort_by(|a, b| {
        (a.date.sort_key(), a.date.iso(), &a.title).cmp(&(
            b.date.sort_key(),
            b.date.iso(),
            &b.title,
        ))
    });
    let report = |&(n, k): &(usize, usize)| {
        let (entry, article) = (&articles[n], &articles[n].article);
        let event = &article.events[k];
        Report {
            slug: entry.slug.clone(),
            title: article.meta.title.clone(),
            event: event.id.clone(),
            provenance: event.date_explanation(lang),
            lang: article.meta.language.clone(),
            note: !event.note.trim().is_empty(),
        }
    };
    let mut out = Merged::default();
    for m in merged {
        out.reports_total.push(m.reports.len());
        out.reporters
            .push(m.reports.iter().map(|&(n, _)| n).collect());
        out.timeline.push(TimelineEntry {
            date: m.date,
            title: m.title,
            lang: m.lang,
            actors: m.actors,
            reports: m.reports.iter().take(MAX_LISTED).map(report).collect(),
        });
    }
    out
}

/// The merged timeline: its entries (each with the reports a page lists), how many reports each
/// has in all, and the places of the articles that report each.
#[derive(Default)]
struct Merged {
    timeline: Vec<TimelineEntry>,
    reports_total: Vec<usize>,
    reporters: Vec<Vec<usize>>,
}

/// How many articles an actor or event may point to when looking for an article's related
/// ones: an actor named in more articles (Russia, on a site about Russia) is weighed through
/// the [`CANDIDATES`] nearest in the site's order, so that the work grows with the site, not
/// with its square.
pub const CANDIDATES: usize = 64;

/// For each article, the others best related to it (see the module doc), through an inverted
/// index (actor → articles, event → articles: `reporters`, the places of the articles that
/// report each entry of the merged timeline), each article looking at no more than
/// [`CANDIDATES`] others per actor or event it has.
fn related_articles(articles: &[Entry], reporters: &[Vec<usize>]) -> BTreeMap<String, Vec<String>> {
    let mut by_actor: HashMap<&str, Vec<usize>> = HashMap::default();
    for (n, e) in articles.iter().enumerate() {
        for a in &e.article.actors {
            by_actor.entry(a.id.as_str()).or_default().push(n);
        }
    }
    let mut events_of: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    let mut by_event: Vec<Vec<usize>> = Vec::with_capacity(reporters.len());
    for (k, reporters) in reporters.iter().enumerate() {
        let mut reporters = reporters.clone();
        reporters.sort_unstable();
        reporters.dedup();
        for &n in &reporters {
            events_of[n].push(k);
        }
        by_event.push(reporters);
    }
    // Of an ordered list of articles, the `CANDIDATES` + 1 nearest to article `n`.
    let near = |list: &[usize], n: usize| -> std::ops::Range<usize> {
        let at = list.partition_point(|&m| m < n);
        let to = (at + CANDIDATES / 2 + 1).min(list.len());
        let from = to.saturating_sub(CANDIDATES + 1);
        from..to
    };
    // Each article's score, by its place: one array for all, reset where it was touched
    // (10,000 articles look at ~2,000 others each: no hashing).
    let mut score: Vec<usize> = vec![0; articles.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = BTreeMap::new();
    for (n, a) in articles.iter().enumerate() {
        let mut add = |m: usize, points: usize| {
            if score[m] == 0 {
                touched.push(m);
            }
            score[m] += points;
        };
        for actor in &a.article.actors {
            let list = &by_actor[actor.id.as_str()];
            for &m in &list[near(list, n)] {
                add(m, 1);
            }
        }
        for &k in &events_of[n] {
            let list = &by_event[k];
            for &m in &list[near(list, n)] {
                add(m, 2);
            }
        }
        let mut scored: Vec<(usize, &str)> = touched
            .iter()
            .filter(|&&m| m != n)
            .map(|&m| (score[m], articles[m].slug.as_str()))
            .collect();
        for m in touched.drain(..) {
            score[m] = 0;
        }
        // The best RELATED, best first: chosen, then only they sorted.
        let best_first = |x: &(usize, &str), y: &(usize, &str)| y.0.cmp(&x.0).then(x.1.cmp(y.1));
        if scored.len() > RELATED {
            scored.select_nth_unstable_by(RELATED, best_first);
            scored.truncate(RELATED);
        }
        scored.sort_by(best_first);
        out.insert(
            a.slug.clone(),
            scored
                .into_iter()
                .take(RELATED)
                .map(|(_, s)| s.to_string())
                .collect(),
        );
    }
    out
}

/// The sentence of the article in which `actor` is first mentioned.
pub fn first_sentence_naming(blocks: &[Block], actor: &str) -> Option<String> {
    first_sentences(blocks).remove(actor)
}

/// For each actor the text mentions, by id, the sentence in which it is first mentioned: one
/// walk of the text for all its actors (each paragraph's text and sentences made once).
pub fn first_sentences(blocks: &[Block]) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut seen = BTreeSet::new();
    first_sentences_in(blocks, &mut seen, &mut found);
    found
}

fn first_sentences_in<'a>(
    blocks: &'a [Block],
    seen: &mut BTreeSet<&'a str>,
    found: &mut BTreeMap<String, String>,
) {
    for block in blocks {
        match block {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                let mut text = String::new();
                let mut firsts = Vec::new();
                walk(c, &mut text, &mut firsts);
                let new: Vec<(&str, usize)> = firsts
                    .into_iter()
                    .filter(|(actor, _)| seen.insert(actor))
                    .collect();
                if new.is_empty() {
                    continue;
                }
                let ranges = sentence_ranges(&text);
                for (actor, at) in new {
                    let range = ranges
                        .iter()
                        .find(|r| r.start <= at && at < r.end.max(r.start + 1));
                    if let Some(range) = range {
                        found.insert(actor.to_string(), text[range.clone()].to_string());
                    }
                }
            }
            container => {
                for group in container.children() {
                    first_sentences_in(group, seen, found);
                }
            }
        }
    }
}

/// The paragraph's text into `text` (as the reader reads it), and where each actor's first
/// mention in it starts into `firsts`, in the order they come.
fn walk<'a>(inlines: &'a [Inline], text: &mut String, firsts: &mut Vec<(&'a str, usize)>) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => text.push_str(t),
            Inline::LineBreak => text.push(' '),
            Inline::Mention { actor, content, .. } => {
                if !firsts.iter().any(|(a, _)| *a == actor.as_str()) {
                    firsts.push((actor.as_str(), text.len()));
                }
                walk(content, text, firsts);
            }
            container => walk(container.children().unwrap_or_default(), text, firsts),
        }
    }
}

/// An actor defined two ways: in article `slug`, actor `id`, what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub slug: String,
    pub id: String,
    pub message: String,
}

/// What the site's articles say that cannot all be true: one id given two kinds (an error, at
/// the later article's definition), and two ids sharing a name or alias (likely one actor
/// twice: merge them; a warning, ready to print).
pub fn conflicts(articles: &[Entry]) -> (Vec<Conflict>, Vec<String>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut kinds: HashMap<&str, (ActorKind, &str)> = HashMap::default();
    // Each name as written, with its place in `names`: a spelling is lower-cased once, however
    // many articles write it.
    let mut spelled: HashMap<&str, usize> = HashMap::default();
    // Each name (lower case) with the first actor's id that uses it, and whether another id
    // uses it too.
    let mut names: Vec<(String, &str, bool)> = Vec::new();
    let mut by_lower: HashMap<String, usize> = HashMap::default();
    for entry in articles {
        for actor in &entry.article.actors {
            match kinds.get(actor.id.as_str()) {
                Some((kind, first)) if *kind != actor.kind => errors.push(Conflict {
                    slug: entry.slug.clone(),
                    id: actor.id.clone(),
                    message: format!(
                        "actor `{}` is a {} here but a {} in the article `{first}`: one id is one actor across the site",
                        actor.id,
                        actor.kind.as_str(),
                        kind.as_str()
                    ),
                }),
                Some(_) => {}
                None => {
                    kinds.insert(&actor.id, (actor.kind, &entry.slug));
                }
            }
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                let at = *spelled.entry(name.as_str()).or_insert_with(|| {
                    let lower = name.to_lowercase();
                    *by_lower.entry(lower.clone()).or_insert_with(|| {
                        names.push((lower, actor.id.as_str(), false));
                        names.len() - 1
                    })
                });
                let (_, first, shared) = &mut names[at];
                *shared |= *first != actor.id;
            }
        }
    }
    // Who uses the names two ids share (rare): every (id, article), gathered in a second pass.
    let mut users: HashMap<usize, Vec<(&str, &str)>> = HashMap::default();
    if names.iter().any(|(_, _, shared)| *shared) {
        for entry in articles {
            for actor in &entry.article.actors {
                for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                    let at = spelled[name.as_str()];
                    if names[at].2 {
                        users
                            .entry(at)
                            .or_default()
                            .push((actor.id.as_str(), entry.slug.as_str()));
                    }
                }
            }
        }
    }
    // Only the names that two ids share, in order, each user once, sorted.
    let mut shared: Vec<(String, Vec<(&str, &str)>)> = users
        .into_iter()
        .map(|(at, users)| (std::mem::take(&mut names[at].0), users))
        .collect();
    shared.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, mut users) in shared {
        users.sort_unstable();
        users.dedup();
        let said: Vec<String> = users
            .iter()
            .map(|(id, slug)| format!("`{id}` in {slug}"))
            .collect();
        warnings.push(format!(
            "warning: “{name}” names {} — if they are one actor, give them one id",
            said.join(", ")
        ));
    }
    (errors, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use marginalia_model::{Actor, Article};

    fn seed() -> Article {
        marginalia_content::load_article(std::path::Path::new("../../content/putin-kim-pact"))
            .unwrap()
    }

    fn joint() -> Article {
        marginalia_content::load_article(std::path::Path::new(
            "../../content/us-rok-japan-joint-statement",
        ))
        .unwrap()
    }

    fn entries() -> Vec<Entry> {
        vec![
            Entry::new("putin-kim-pact", seed()),
            Entry::new("us-rok-japan-joint-statement", joint()),
        ]
    }

    #[test]
    fn a_role_stated_by_many_articles_is_one_line_until_another_is_stated() {
        let mut many: Vec<Entry> = (0..5)
            .map(|n| Entry::new(format!("copy-{n}"), seed()))
            .collect();
        many.push(Entry::new("us-rok-japan-joint-statement", joint()));
        let index = SiteIndex::new(&many, Lang::En);
        let roles: Vec<(&str, &str)> = index.actors["putin"]
            .roles
            .iter()
            .map(|r| (r.role.as_str(), r.slug.as_str()))
            .collect();
        assert_eq!(roles.len(), 2, "{roles:?}");
        assert_eq!(roles[0], ("President of Russia", "copy-0"));
        assert_eq!(roles[1].1, "us-rok-japan-joint-statement");
    }

    #[test]
    fn an_actors_lists_keep_what_its_page_shows_and_count_the_rest() {
        let many: Vec<Entry> = (0..MAX_LISTED + 20)
            .map(|n| Entry::new(format!("copy-{n:03}"), seed()))
            .collect();
        let index = SiteIndex::new(&many, Lang::En);
        let putin = &index.actors["putin"];
        assert_eq!(index.articles_naming("putin"), MAX_LISTED + 20);
        assert_eq!(putin.totals.mentions, MAX_LISTED + 20);
        assert_eq!(putin.mentions.len(), MAX_LISTED);
        assert_eq!(putin.mentions[MAX_LISTED - 1].slug, "copy-099");
        assert_eq!(putin.relations.len(), MAX_LISTED);
        assert_eq!(putin.quotes.len(), MAX_LISTED);
        let said = seed()
            .quotes
            .iter()
            .filter(|q| q.speakers.iter().any(|s| s == "putin"))
            .count();
        assert_eq!(putin.totals.quotes, said * (MAX_LISTED + 20));
        // In date order, then by article: the first is the earliest quote of the first copy.
        assert!(putin.quotes.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!((putin.roles.len(), putin.totals.roles), (1, 1));
        // The timeline's entries list their first reports, and count them all.
        assert_eq!(index.reports_total.len(), index.timeline.len());
        for (entry, &total) in index.timeline.iter().zip(&index.reports_total) {
            assert_eq!(entry.reports.len(), total.min(MAX_LISTED));
        }
        let mut listed = index.timeline.iter().zip(&index.reports_total);
        let (full, _) = listed
            .find(|(_, &total)| total == MAX_LISTED + 20)
            .expect("an event every copy reports");
        assert_eq!(full.reports[MAX_LISTED - 1].slug, "copy-099");
    }

    #[test]
    fn an_actors_first_quotes_and_roles_are_those_of_a_whole_sort_whatever_the_order_of_dates() {
        // Articles dated out of their order, their quotes without an event dated by them:
        // the first quotes kept are the first of every quote sorted by date, article and id.
        let many: Vec<Entry> = (0..MAX_LISTED + 30)
            .map(|n| {
                let mut article = seed();
                let day = u8::try_from(28 - (n * 7) % 28).unwrap();
                article.meta.source.date = marginalia_model::PartialDate::day(2024, 5, day);
                if n % 3 == 0 {
                    for quote in &mut article.quotes {
                        quote.event = None;
                    }
                }
                if n % 5 == 0 {
                    article.actors[0].role = format!("Role {}", n % 2);
                }
                Entry::new(format!("copy-{n:03}"), article)
            })
            .collect();
        let index = SiteIndex::new(&many, Lang::En);
        for actor in index.actors.values() {
            let mut all: Vec<(String, String, String)> = Vec::new();
            for entry in &many {
                let article = &entry.article;
                for quote in &article.quotes {
                    if quote.speakers.contains(&actor.id) {
                        let date = quote
                            .event
                            .as_deref()
                            .and_then(|e| article.event(e))
                            .map_or_else(|| article.meta.source.date.iso(), |e| e.date.iso());
                        all.push((date, entry.slug.clone(), quote.id.clone()));
                    }
                }
            }
            all.sort();
            let kept: Vec<(String, String, String)> = actor
                .quotes
                .iter()
                .map(|q| (q.date.clone(), q.slug.clone(), q.id.clone()))
                .collect();
            assert_eq!(kept, all[..all.len().min(MAX_LISTED)], "{}", actor.id);
            assert_eq!(actor.totals.quotes, all.len());
        }
        // Roles: by date, then address, each once until another is stated.
        let putin = &index.actors[&many[0].article.actors[0].id];
        let dated: Vec<(&str, &str)> = putin
            .roles
            .iter()
            .map(|r| (r.as_of.as_str(), r.slug.as_str()))
            .collect();
        let mut sorted = dated.clone();
        sorted.sort();
        assert_eq!(dated, sorted);
        assert!(putin.roles.windows(2).all(|w| w[0].role != w[1].role));
    }

    #[test]
    fn an_actor_is_one_across_articles_with_each_articles_sentence_and_role() {
        let index = SiteIndex::new(&entries(), Lang::En);
        let putin = &index.actors["putin"];
        assert_eq!(putin.name, "Vladimir Putin");
        assert_eq!(index.articles_naming("putin"), 2);
        let slugs: Vec<&str> = putin.mentions.iter().map(|m| m.slug.as_str()).collect();
        assert_eq!(slugs, ["putin-kim-pact", "us-rok-japan-joint-statement"]);
        assert!(putin.mentions[1]
            .sentence
            .starts_with("The advancement of the DPRK-Russia partnership"));
        assert!(putin.mentions[1]
            .sentence
            .contains("Vladimir Putin’s June 19 visit"));
        // Roles in date order: the FT report of 20 June, then the statement of 24 June.
        let dates: Vec<&str> = putin.roles.iter().map(|r| r.as_of.as_str()).collect();
        assert_eq!(dates, ["2024-06-20", "2024-06-24"]);
        // Quotes across the site in date order, each with its article.
        assert!(!putin.quotes.is_empty());
        assert!(putin.quotes.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(putin.quotes.iter().all(|q| q.slug == "putin-kim-pact"));
    }

    #[test]
    fn the_timeline_merges_one_date_with_the_same_actors_and_keeps_each_report() {
        let mut two = entries();
        let copy = Entry::new("copy", two[1].article.clone());
        two.push(copy);
        let index = SiteIndex::new(&two, Lang::En);
        let merged: Vec<&TimelineEntry> = index
            .timeline
            .iter()
            .filter(|e| e.reports.len() > 1)
            .collect();
        assert_eq!(
            merged.len(),
            two[1].article.events.len(),
            "each of the copy's events merges"
        );
        assert!(merged
            .iter()
            .all(|e| e.reports.iter().any(|r| r.slug == "copy")));
        assert!(index
            .timeline
            .windows(2)
            .all(|w| w[0].date.sort_key() <= w[1].date.sort_key()));
        let total: usize = index.timeline.iter().map(|e| e.reports.len()).sum();
        let events: usize = two.iter().map(|e| e.article.events.len()).sum();
        assert_eq!(total, events, "nothing is lost in the merge");
    }

    #[test]
    fn the_signing_reported_by_both_articles_is_one_entry() {
        let index = SiteIndex::new(&entries(), Lang::En);
        let signing: Vec<&TimelineEntry> = index
            .timeline
            .iter()
            .filter(|e| e.date.iso() == "2024-06-19" && e.actors.contains(&"putin".to_string()))
            .collect();
        assert_eq!(signing.len(), 1, "{signing:#?}");
        let slugs: Vec<&str> = signing[0].reports.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(slugs, ["putin-kim-pact", "us-rok-japan-joint-statement"]);
        assert_eq!(signing[0].actors, ["kim", "north-korea", "putin", "russia"]);
    }

    #[test]
    fn related_articles_share_actors_are_deterministic_and_never_the_article_itself() {
        let index = SiteIndex::new(&entries(), Lang::En);
        assert_eq!(
            index.related["putin-kim-pact"],
            ["us-rok-japan-joint-statement"]
        );
        assert_eq!(
            index.related["us-rok-japan-joint-statement"],
            ["putin-kim-pact"]
        );
        assert_eq!(index, SiteIndex::new(&entries(), Lang::En));
    }

    #[test]
    fn one_id_of_two_kinds_is_an_error_and_a_shared_name_a_merge_warning() {
        let mut articles = entries();
        let japan = articles[1]
            .article
            .actors
            .iter_mut()
            .find(|a| a.id == "japan")
            .unwrap();
        japan.kind = ActorKind::Organisation;
        let mut other: Actor = japan.clone();
        other.id = "nippon".into();
        articles[1].article.actors.push(other);
        let (errors, warnings) = conflicts(&articles);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            (errors[0].slug.as_str(), errors[0].id.as_str()),
            ("us-rok-japan-joint-statement", "japan")
        );
        assert!(errors[0].message.starts_with(
            "actor `japan` is a organisation here but a state in the article `putin-kim-pact`"
        ));
        assert!(warnings.iter().any(|w| w.contains("“japan” names `japan` in putin-kim-pact, `japan` in us-rok-japan-joint-statement, `nippon`")), "{warnings:?}");
        assert_eq!(conflicts(&entries()), (vec![], vec![]));
    }

    #[test]
    fn a_name_is_shared_whatever_its_case_and_its_users_are_listed_once_each() {
        let mut articles = entries();
        let japan = articles[0]
            .article
            .actors
            .iter()
            .find(|a| a.id == "japan")
            .unwrap()
            .clone();
        // The same id writing its name in capitals is no conflict.
        let mut capitals = japan.clone();
        capitals.name = japan.name.to_uppercase();
        articles[1].article.actors.retain(|a| a.id != "japan");
        articles[1].article.actors.push(capitals.clone());
        assert_eq!(conflicts(&articles), (vec![], vec![]));
        // Another id under the capitals is, listed once for each article.
        let mut other = capitals;
        other.id = "nippon".into();
        other.aliases = vec![japan.name.clone()];
        articles[1].article.actors.push(other);
        let (errors, warnings) = conflicts(&articles);
        assert_eq!(errors, vec![]);
        let lower = japan.name.to_lowercase();
        assert_eq!(
            warnings,
            vec![format!(
                "warning: “{lower}” names `japan` in putin-kim-pact, `japan` in us-rok-japan-joint-statement, `nippon` in us-rok-japan-joint-statement — if they are one actor, give them one id"
            )]
        );
    }
}
