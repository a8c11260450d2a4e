//! Checks an article as the viewer is about to show it, by the rules the build applies
//! ([`crate::rules`]): every id well-formed and unique, every reference resolving, every date
//! one that exists, every link `http(s):`, `mailto:` or `#…`, the feedback settings safe to
//! act on, the relations picture naming only what the article has.
//!
//! The build reports broken content with file:line:column long before this; this is the same
//! judgement made again on whatever data arrives, because a host may mount an article from a
//! site it does not control (the data could be anything that decodes). The build runs it too
//! on every article it writes, so a rule the viewer enforces can never refuse what the build
//! let through. Data flow: `data::decode` → `ArticleData::restore` → [`check_data`] → the
//! viewer renders.

use crate::data::ArticleData;
use crate::date::{DateSpan, PartialDate, WEEKDAYS};
use crate::rules::{
    control_character, https_origin, is_origin, is_safe_href, is_slug, is_valid_id,
};
use crate::{Article, Block, Inline, Provenance, RecordSource};

/// What is wrong with an article's data, in words for the error view ("event `x`: …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken(pub String);

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

type Checked = Result<(), Broken>;

fn broken<T>(what: impl Into<String>) -> Result<T, Broken> {
    Err(Broken(what.into()))
}

/// The data file's article, slug and relations picture (see the module doc).
pub fn check_data(data: &ArticleData) -> Checked {
    if !is_slug(&data.slug) {
        return broken(format!(
            "the article's folder name `{}` is not a slug",
            data.slug
        ));
    }
    check_article(&data.article)?;
    check_picture(&data.article, &data.picture)
}

/// An article: metadata, annotations and (when it carries one) its body.
pub fn check_article(article: &Article) -> Checked {
    let ids = Ids::of(article)?;
    check_meta(article, &ids)?;
    for actor in &article.actors {
        let at = |what: &str| format!("actor `{}`: {what}", actor.id);
        if let Some(a) = &actor.affiliation {
            ids.actor(a, || at("its affiliation"))?;
        }
        for relation in &actor.relations {
            ids.actor(&relation.target, || at("a relation's target"))?;
        }
    }
    for event in &article.events {
        let at = |what: &str| format!("event `{}`: {what}", event.id);
        check_span(&event.date).map_err(|e| Broken(at(&e.0)))?;
        for actor in &event.actors {
            ids.actor(actor, || at("an actor"))?;
        }
        match &event.provenance {
            Provenance::Stated => {}
            Provenance::Inferred { weekday, week_of } => {
                if !WEEKDAYS.contains(&weekday.as_str()) {
                    return broken(at(&format!("`{weekday}` is not a weekday")));
                }
                check_date(week_of).map_err(|e| Broken(at(&e.0)))?;
            }
            Provenance::Record {
                source: RecordSource::Checked { url, .. },
                ..
            } if !crate::rules::is_web_address(url) => {
                return broken(at(&format!(
                    "its source's address `{url}` is not an http(s) address"
                )));
            }
            Provenance::Record { .. } => {}
        }
    }
    for key in &article.suggested {
        let known = key.split_once(':').is_some_and(|(kind, id)| match kind {
            "actor" => article.actor(id).is_some(),
            "event" => article.event(id).is_some(),
            "quote" => article.quote(id).is_some(),
            "relation" => article.relation(id).is_some(),
            _ => false,
        });
        if !known {
            return broken(format!(
                "`{key}` is marked suggested, but the article has no such entry"
            ));
        }
    }
    for quote in &article.quotes {
        let at = |what: &str| format!("quote `{}`: {what}", quote.id);
        // A suggestion whose speaker the drafter could not find has none yet (a preview).
        let unattributed = quote.speakers.is_empty() && article.is_suggested("quote", &quote.id);
        if quote.speakers.is_empty() && !unattributed {
            return broken(at("it has no speaker"));
        }
        for speaker in &quote.speakers {
            ids.actor(speaker, || at("its speaker"))?;
        }
        if let Some(event) = &quote.event {
            ids.event(event, || at("its event"))?;
        }
    }
    check_blocks(article, &ids, &article.blocks)
}

/// Every id of the article, checked well-formed and unique; references are resolved through
/// the article itself (linear lookups: small code in the viewer, and articles are small).
struct Ids<'a>(&'a Article);

impl<'a> Ids<'a> {
    fn of(article: &'a Article) -> Result<Ids<'a>, Broken> {
        fn unique(kind: &str, ids: &[&str]) -> Checked {
            for (i, id) in ids.iter().enumerate() {
                if !is_valid_id(id) {
                    return broken(format!("{kind} id `{id}` is not a valid id"));
                }
                if ids[i + 1..].contains(id) {
                    return broken(format!("two {kind}s have the id `{id}`"));
                }
            }
            Ok(())
        }
        let ids = |v: Vec<&'a str>| v;
        unique(
            "actor",
            &ids(article.actors.iter().map(|a| a.id.as_str()).collect()),
        )?;
        unique(
            "event",
            &ids(article.events.iter().map(|e| e.id.as_str()).collect()),
        )?;
        unique(
            "quote",
            &ids(article.quotes.iter().map(|q| q.id.as_str()).collect()),
        )?;
        Ok(Ids(article))
    }

    fn actor(&self, id: &str, what: impl Fn() -> String) -> Checked {
        resolve(self.0.actor(id).is_some(), "actor", id, what)
    }

    fn event(&self, id: &str, what: impl Fn() -> String) -> Checked {
        resolve(self.0.event(id).is_some(), "event", id, what)
    }

    fn quote(&self, id: &str) -> bool {
        self.0.quote(id).is_some()
    }
}

fn resolve(known: bool, kind: &str, id: &str, what: impl Fn() -> String) -> Checked {
    if known {
        Ok(())
    } else {
        broken(format!(
            "{} names the {kind} `{id}`, which the article does not have",
            what()
        ))
    }
}

fn check_meta(article: &Article, ids: &Ids) -> Checked {
    let meta = &article.meta;
    let texts = [
        ("the title", Some(&meta.title)),
        ("the standfirst", meta.standfirst.as_ref()),
        ("the page's date", Some(&meta.page_date_text)),
        ("the publisher's address", Some(&meta.publisher_address)),
        ("the language", Some(&meta.language)),
        ("the byline", meta.byline.as_ref()),
        ("the source's name", Some(&meta.source.name)),
        ("the source's rights", meta.source.rights.as_ref()),
    ];
    for (what, text) in texts {
        if let Some(c) = text.and_then(|t| control_character(t)) {
            return broken(format!(
                "{what} holds the control character U+{:04X}",
                c as u32
            ));
        }
    }
    if !crate::rules::is_language_tag(&meta.language) {
        return broken(format!(
            "the language `{}` is not a language tag",
            meta.language
        ));
    }
    check_date(&meta.page_date).map_err(|e| Broken(format!("the page's date: {e}")))?;
    check_date(&meta.source.date).map_err(|e| Broken(format!("the source's date: {e}")))?;
    if let Some(actor) = &meta.source.actor {
        ids.actor(actor, || "the source".into())?;
    }
    if let Some(address) = &meta.source.address {
        if !crate::rules::is_web_address(address) {
            return broken(format!(
                "the source's address `{address}` is not an http(s) address"
            ));
        }
    }
    if let Some(endpoint) = &meta.feedback_endpoint {
        if https_origin(endpoint).is_none() {
            return broken(format!(
                "the feedback endpoint `{endpoint}` is not an absolute https:// address"
            ));
        }
    }
    if let Some(origin) = meta.feedback_parent_origins.iter().find(|o| !is_origin(o)) {
        return broken(format!(
            "the feedback parent origin `{origin}` is not an origin"
        ));
    }
    Ok(())
}

/// A date that exists: a month 1–12, a day only with a month and in it.
pub fn check_date(date: &PartialDate) -> Checked {
    match (date.month, date.day) {
        (Some(m), _) if !(1..=12).contains(&m) => broken(format!("there is no month {m}")),
        (None, Some(_)) => broken("a day without a month"),
        (Some(m), Some(d)) if d == 0 || d > crate::date::days_in_month(date.year, m) => {
            broken(format!("there is no day {d} in month {m} of {}", date.year))
        }
        _ => Ok(()),
    }
}

/// A date or a span, as [`DateSpan::parse`] would accept it.
pub fn check_span(span: &DateSpan) -> Checked {
    check_date(&span.start)?;
    if let Some(end) = &span.end {
        check_date(end)?;
        if end.precision() != span.start.precision() || *end <= span.start {
            return broken("a range must end after it starts, with the same precision");
        }
    }
    Ok(())
}

fn check_blocks(article: &Article, ids: &Ids, blocks: &[Block]) -> Checked {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => check_inlines(article, ids, inlines)?,
            Block::Heading { level, content } => {
                if !(1..=6).contains(level) {
                    return broken(format!("a heading of level {level}"));
                }
                check_inlines(article, ids, content)?;
            }
            Block::Quotation(_) | Block::List { .. } | Block::Rule => {}
        }
        for group in block.children() {
            check_blocks(article, ids, group)?;
        }
    }
    Ok(())
}

fn check_inlines(article: &Article, ids: &Ids, inlines: &[Inline]) -> Checked {
    for inline in inlines {
        match inline {
            Inline::Link { href, .. } if !is_safe_href(href) => {
                return broken(format!("the text links to `{href}`, which is not allowed"))
            }
            Inline::Mention { actor, index, .. } => check_mention(article, actor, *index)?,
            Inline::Quote { quote, .. } if !ids.quote(quote) => {
                return broken(format!(
                    "the text marks the quote `{quote}`, which the article does not have"
                ))
            }
            Inline::Sentence {
                events, relations, ..
            } => {
                for event in events {
                    ids.event(event, || "a sentence of the text".into())?;
                }
                if let Some(r) = relations
                    .iter()
                    .find(|r| article.relation_place(r).is_none())
                {
                    return broken(format!(
                        "a sentence of the text is the evidence of the relation `{r}`, which the article does not have"
                    ));
                }
            }
            _ => {}
        }
        if let Some(children) = inline.children() {
            check_inlines(article, ids, children)?;
        }
    }
    Ok(())
}

/// A mention of a known actor, within the number of times the article mentions it.
pub fn check_mention(article: &Article, actor: &str, index: u32) -> Checked {
    match article.actor(actor) {
        Some(a) if index < a.mention_count => Ok(()),
        Some(_) => broken(format!(
            "the text has a mention of `{actor}` beyond its count"
        )),
        None => broken(format!(
            "the text mentions the actor `{actor}`, which the article does not have"
        )),
    }
}

fn check_picture(article: &Article, picture: &crate::graph::Layout) -> Checked {
    let path_chars = |d: &str| {
        d.chars()
            .all(|c| c.is_ascii_digit() || " ,.-MLCQAZmlcqaz".contains(c))
    };
    for node in &picture.nodes {
        if article.actor(&node.actor).is_none()
            || usize::from(node.column) >= crate::graph::COLUMNS.len()
        {
            return broken(format!(
                "the relations picture has a box for `{}`",
                node.actor
            ));
        }
    }
    for edge in &picture.edges {
        let relation = article
            .relation_place(&crate::relation_id(&edge.from, edge.index as usize))
            .and_then(|(a, r)| article.actors[a].relations.get(r));
        let fits = relation.is_some_and(|r| r.target == edge.to && r.kind == edge.kind);
        if !fits || !path_chars(&edge.path) {
            return broken(format!(
                "the relations picture draws a line {} → {} that the article does not have",
                edge.from, edge.to
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{decode, encode};
    use crate::{Actor, ActorKind, Event, Meta, Quote, Relation, RelationKind, Source};

    fn article() -> Article {
        let actor = |id: &str, mentions: u32| Actor {
            id: id.into(),
            name: id.to_uppercase(),
            kind: ActorKind::State,
            role: String::new(),
            affiliation: None,
            aliases: vec![],
            description: String::new(),
            relations: vec![],
            mention_count: mentions,
        };
        let mut russia = actor("russia", 1);
        russia.relations.push(Relation {
            kind: RelationKind::Ally,
            target: "korea".into(),
            evidence: "Allies.".into(),
        });
        Article {
            meta: Meta {
                title: "T".into(),
                standfirst: None,
                page_date: PartialDate::day(2024, 7, 15),
                page_date_text: "July 15, 2024".into(),
                publisher_address: String::new(),
                language: "en".into(),
                byline: None,
                source: Source {
                    name: "S".into(),
                    date: PartialDate::day(2024, 6, 20),
                    actor: None,
                    address: None,
                    rights: None,
                },
                word_count: 1,
                reading_minutes: 1,
                feedback_criteria: vec![],
                feedback_endpoint: Some("https://feedback.example/api".into()),
                feedback_parent_origins: vec!["https://host.example".into()],
            },
            blocks: vec![Block::Paragraph(vec![
                Inline::Mention {
                    actor: "russia".into(),
                    index: 0,
                    content: vec![Inline::Text("Russia".into())],
                },
                Inline::Sentence {
                    events: vec!["signing".into()],
                    relations: vec!["russia.0".into()],
                    content: vec![Inline::Text(" signed.".into())],
                },
                Inline::Link {
                    href: "https://example.org".into(),
                    content: vec![],
                },
            ])],
            actors: vec![russia, actor("korea", 0)],
            events: vec![Event {
                id: "signing".into(),
                date: DateSpan::parse("2024-06-19").unwrap(),
                title: "Signed".into(),
                description: String::new(),
                actors: vec!["russia".into()],
                sentences: vec![],
                provenance: Provenance::Inferred {
                    weekday: "Wednesday".into(),
                    week_of: PartialDate::day(2024, 6, 20),
                },
                note: String::new(),
            }],
            suggested: vec!["actor:korea".into()],
            quotes: vec![Quote {
                id: "q".into(),
                speakers: vec!["korea".into()],
                text: "x".into(),
                event: Some("signing".into()),
                context: String::new(),
            }],
        }
    }

    /// `check_article` of the article changed by `change`: the error's words.
    fn refused(change: impl FnOnce(&mut Article)) -> String {
        let mut a = article();
        change(&mut a);
        check_article(&a).expect_err("refused").0
    }

    #[test]
    fn a_sound_article_passes_and_so_does_its_data() {
        assert_eq!(check_article(&article()), Ok(()));
        let data = decode(&encode("a-slug", &article())).unwrap();
        assert_eq!(check_data(&data), Ok(()));
    }

    #[test]
    fn impossible_dates_are_refused_wherever_they_are() {
        let month = |m: u8| PartialDate {
            year: 2024,
            month: Some(m),
            day: None,
        };
        assert!(refused(|a| a.events[0].date.start = month(13)).contains("no month 13"));
        assert!(refused(|a| a.events[0].date.start = month(0)).contains("no month 0"));
        assert!(
            refused(|a| a.meta.page_date = PartialDate::day(2023, 2, 29)).contains("no day 29")
        );
        assert!(refused(|a| a.meta.source.date.month = None).contains("without a month"));
        assert!(
            refused(|a| a.events[0].date.end = Some(PartialDate::day(2024, 6, 1)))
                .contains("range")
        );
        assert!(refused(|a| {
            a.events[0].provenance = Provenance::Inferred {
                weekday: "Caturday".into(),
                week_of: PartialDate::day(2024, 6, 20),
            }
        })
        .contains("not a weekday"));
    }

    #[test]
    fn links_other_than_web_mail_and_fragments_are_refused() {
        let record = |url: &str| Provenance::Record {
            article_gives: None,
            source: RecordSource::Checked {
                title: "t".into(),
                publisher: "p".into(),
                url: url.into(),
                says: "s".into(),
            },
        };
        assert!(
            refused(|a| a.events[0].provenance = record("javascript:alert(document.domain)"))
                .contains("not an http(s) address")
        );
        let mut ok = article();
        ok.events[0].provenance = record("https://www.state.gov/x");
        assert_eq!(check_article(&ok), Ok(()));
        assert!(refused(|a| {
            a.blocks = vec![Block::Paragraph(vec![Inline::Link {
                href: "java\tscript:x".into(),
                content: vec![],
            }])]
        })
        .contains("not allowed"));
    }

    #[test]
    fn ids_must_be_well_formed_unique_and_resolve() {
        assert!(refused(|a| a.actors[1].id = "x\"], *, [a=\"".into()).contains("not a valid id"));
        assert!(refused(|a| a.actors[1].id = "russia".into()).contains("two actors"));
        assert!(refused(|a| a.quotes[0].speakers = vec!["nobody".into()]).contains("its speaker"));
        assert!(refused(|a| a.quotes[0].speakers.clear()).contains("it has no speaker"));
        assert!(refused(|a| a.quotes[0].speakers.push("nobody".into())).contains("its speaker"));
        assert!(refused(|a| a.quotes[0].event = Some("nothing".into())).contains("its event"));
        assert!(refused(|a| a.actors[0].relations[0].target = "x".into()).contains("target"));
        assert!(refused(|a| a.events[0].actors.push("x".into())).contains("an actor"));
        assert!(refused(|a| a.meta.source.actor = Some("x".into())).contains("the source"));
        let script = Some("javascript:alert(1)".to_string());
        assert!(refused(|a| a.meta.source.address = script).contains("not an http(s) address"));
        assert!(refused(|a| a.suggested.push("quote:nothing".into())).contains("no such entry"));
    }

    #[test]
    fn marks_in_the_text_name_what_the_article_has() {
        let mention = |actor: &'static str, index: u32| {
            move |a: &mut Article| {
                a.blocks = vec![Block::Paragraph(vec![Inline::Mention {
                    actor: actor.into(),
                    index,
                    content: vec![],
                }])]
            }
        };
        assert!(refused(mention("nobody", 0)).contains("does not have"));
        assert!(refused(mention("russia", 1)).contains("beyond its count"));
        assert!(refused(|a| {
            a.blocks = vec![Block::Paragraph(vec![Inline::Sentence {
                events: vec![],
                relations: vec!["russia.7".into()],
                content: vec![],
            }])]
        })
        .contains("relation"));
        assert!(refused(|a| {
            a.blocks = vec![Block::Quotation(vec![Block::Paragraph(vec![
                Inline::Quote {
                    quote: "nope".into(),
                    content: vec![],
                },
            ])])]
        })
        .contains("quote"));
    }

    #[test]
    fn feedback_goes_only_to_absolute_https_addresses_and_real_origins() {
        for endpoint in [
            "/api/account/delete",
            "api",
            "http://f.example",
            "//f.example/x",
        ] {
            assert!(
                refused(|a| a.meta.feedback_endpoint = Some(endpoint.into()))
                    .contains("not an absolute https://"),
                "{endpoint}"
            );
        }
        assert!(refused(|a| a.meta.feedback_parent_origins = vec!["*".into()]).contains("origin"));
    }

    #[test]
    fn control_characters_in_meta_are_refused() {
        assert!(refused(|a| a.meta.title = "T\u{8}".into()).contains("U+0008"));
        assert!(refused(|a| a.meta.byline = Some("By\u{0} X".into())).contains("byline"));
    }

    #[test]
    fn the_picture_draws_only_what_the_article_has() {
        let a = article();
        let mut data = decode(&encode("s", &a)).unwrap();
        data.picture.edges[0].to = "korea-2".into();
        assert!(check_data(&data).unwrap_err().0.contains("line"));
        let mut data = decode(&encode("s", &a)).unwrap();
        data.picture.nodes[0].column = 3;
        assert!(check_data(&data).unwrap_err().0.contains("box"));
        let mut data = decode(&encode("s", &a)).unwrap();
        data.picture.edges[0].path = "M0 0\"/><script>".into();
        assert!(check_data(&data).is_err());
        let mut data = decode(&encode("s", &a)).unwrap();
        data.slug = "../x".into();
        assert!(check_data(&data).unwrap_err().0.contains("slug"));
    }
}
