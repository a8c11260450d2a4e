//! The article as the viewer holds it: metadata, the body as a block/inline tree, and the
//! annotations (actors, events, quotes). Built and checked at build time by `marginalia-content`,
//! carried into the wasm as bytes, and read here without any parser.

use super::date::{DateSpan, PartialDate};
use marginalia_i18n::{viewer::Msg, Lang};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub meta: Meta,
    pub blocks: Vec<Block>,
    pub actors: Vec<Actor>,
    /// In date order.
    pub events: Vec<Event>,
    /// In the order they appear in the text.
    pub quotes: Vec<Quote>,
    /// The entries `marginalia draft` suggested that the writer has not confirmed yet, as
    /// [`suggestion_key`]s: only ever in a preview of drafts (`marginalia build --drafts`, `make
    /// dev`); a published article has none.
    pub suggested: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    pub standfirst: Option<String>,
    /// The page's own date.
    pub page_date: PartialDate,
    /// The page's date as the page prints it ("July 15, 2024").
    pub page_date_text: String,
    pub publisher_address: String,
    pub language: String,
    /// Who wrote the article, exactly as the page prints it ("By Jane Doe in Riga"), if the
    /// author gave it.
    pub byline: Option<String>,
    pub source: Source,
    pub word_count: u32,
    pub reading_minutes: u32,
    /// What readers rate in the feedback section (none: no ratings, comment only).
    pub feedback_criteria: Vec<String>,
    /// Where submitted feedback is POSTed, if the author set one (https only).
    pub feedback_endpoint: Option<String>,
    /// The sites (origins) that may receive the feedback when they embed the article in an
    /// iframe; none: feedback never leaves the frame.
    pub feedback_parent_origins: Vec<String>,
}

impl Meta {
    /// Whether the page republishes the article: its own date differs from the source's.
    /// A page dated as its source is the original, not a republication.
    pub fn is_republished(&self) -> bool {
        self.page_date != self.source.date
    }
}

/// Where the article first appeared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The publisher's display name exactly as the author wrote it ("Financial Times", "The
    /// Saltmere Gazette"): shown as it is, never with an article added before it.
    pub name: String,
    pub date: PartialDate,
    pub actor: Option<String>,
    /// Where the source was published (an http(s) address), when the article gives it.
    pub address: Option<String>,
    /// Why the page may republish it ("A work of the U.S. federal government, in the public
    /// domain in the United States (17 U.S.C. 105)"), when the article says.
    pub rights: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Quotation(Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Rule,
}

impl Block {
    /// The blocks inside a quotation (one group) or a list (one group per item); empty for
    /// paragraphs, headings and rules. The one place that knows which blocks contain others.
    pub fn children(&self) -> &[Vec<Block>] {
        match self {
            Block::Quotation(blocks) => std::slice::from_ref(blocks),
            Block::List { items, .. } => items,
            Block::Paragraph(_) | Block::Heading { .. } | Block::Rule => &[],
        }
    }

    pub fn children_mut(&mut self) -> &mut [Vec<Block>] {
        match self {
            Block::Quotation(blocks) => std::slice::from_mut(blocks),
            Block::List { items, .. } => items,
            Block::Paragraph(_) | Block::Heading { .. } | Block::Rule => &mut [],
        }
    }
}

/// Inline content. `Mention`, `Quote` and `Sentence` are the annotation marks the build adds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    LineBreak,
    /// A link to an address checked safe at build time (http, https, mailto or `#anchor`).
    Link {
        href: String,
        content: Vec<Inline>,
    },
    /// An actor named in the text. `index` counts this actor's mentions from 0 in reading order.
    Mention {
        actor: String,
        index: u32,
        content: Vec<Inline>,
    },
    /// The words of a quote (between, not including, the quotation marks).
    Quote {
        quote: String,
        content: Vec<Inline>,
    },
    /// A sentence that mentions one or more events, or is the evidence of one or more
    /// relations ([`relation_id`]s), or both.
    Sentence {
        events: Vec<String>,
        relations: Vec<String>,
        content: Vec<Inline>,
    },
}

impl Inline {
    /// The inline content inside a mark, a link or emphasis; `None` for text, code and line
    /// breaks. The one place that knows which inlines contain others.
    pub fn children(&self) -> Option<&[Inline]> {
        match self {
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Link { content: c, .. }
            | Inline::Mention { content: c, .. }
            | Inline::Quote { content: c, .. }
            | Inline::Sentence { content: c, .. } => Some(c),
            Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => None,
        }
    }

    pub fn children_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Link { content: c, .. }
            | Inline::Mention { content: c, .. }
            | Inline::Quote { content: c, .. }
            | Inline::Sentence { content: c, .. } => Some(c),
            Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActorKind {
    Person,
    State,
    Organisation,
    Media,
}

impl ActorKind {
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::Organisation,
        ActorKind::Media,
    ];

    pub fn parse(word: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == word)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Media => "media",
        }
    }

    /// Heading of the group in the actors panel ("People"), in `lang`.
    pub fn plural_label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            ActorKind::Person => Msg::GroupPeople,
            ActorKind::State => Msg::GroupStates,
            ActorKind::Organisation => Msg::GroupOrganisations,
            ActorKind::Media => Msg::GroupMedia,
        })
    }

    /// One actor's kind ("Person"), in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            ActorKind::Person => Msg::KindPerson,
            ActorKind::State => Msg::KindState,
            ActorKind::Organisation => Msg::KindOrganisation,
            ActorKind::Media => Msg::KindMedia,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub role: String,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    pub description: String,
    pub relations: Vec<Relation>,
    /// How many times the text mentions this actor.
    pub mention_count: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RelationKind {
    Ally,
    Partner,
    Opposes,
    Criticises,
    Supplies,
    Sanctions,
    ModelFor,
    MemberOf,
    PartOf,
    ReportsOn,
}

impl RelationKind {
    pub const ALL: [RelationKind; 10] = [
        RelationKind::Ally,
        RelationKind::Partner,
        RelationKind::Opposes,
        RelationKind::Criticises,
        RelationKind::Supplies,
        RelationKind::Sanctions,
        RelationKind::ModelFor,
        RelationKind::MemberOf,
        RelationKind::PartOf,
        RelationKind::ReportsOn,
    ];

    pub fn parse(word: &str) -> Option<RelationKind> {
        RelationKind::ALL.into_iter().find(|k| k.as_str() == word)
    }

    /// The word authors write in `actors.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Ally => "ally",
            RelationKind::Partner => "partner",
            RelationKind::Opposes => "opposes",
            RelationKind::Criticises => "criticises",
            RelationKind::Supplies => "supplies",
            RelationKind::Sanctions => "sanctions",
            RelationKind::ModelFor => "model-for",
            RelationKind::MemberOf => "member-of",
            RelationKind::PartOf => "part-of",
            RelationKind::ReportsOn => "reports-on",
        }
    }

    /// The relation alone, as the picture writes it on a line between two names ("ally of").
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            RelationKind::Ally => Msg::EdgeAlly,
            RelationKind::Partner => Msg::EdgePartner,
            RelationKind::Opposes => Msg::EdgeOpposes,
            RelationKind::Criticises => Msg::EdgeCriticises,
            RelationKind::Supplies => Msg::EdgeSupplies,
            RelationKind::Sanctions => Msg::EdgeSanctions,
            RelationKind::ModelFor => Msg::EdgeModelFor,
            RelationKind::MemberOf => Msg::EdgeMemberOf,
            RelationKind::PartOf => Msg::EdgePartOf,
            RelationKind::ReportsOn => Msg::EdgeReportsOn,
        })
    }

    /// The relation as a sentence pattern with `{a}` (the actor whose relation it is) and
    /// `{b}` (its target): "{a} ally of {b}", "{a}は{b}の同盟相手".
    pub fn phrase(self) -> Msg {
        match self {
            RelationKind::Ally => Msg::RelationAlly,
            RelationKind::Partner => Msg::RelationPartner,
            RelationKind::Opposes => Msg::RelationOpposes,
            RelationKind::Criticises => Msg::RelationCriticises,
            RelationKind::Supplies => Msg::RelationSupplies,
            RelationKind::Sanctions => Msg::RelationSanctions,
            RelationKind::ModelFor => Msg::RelationModelFor,
            RelationKind::MemberOf => Msg::RelationMemberOf,
            RelationKind::PartOf => Msg::RelationPartOf,
            RelationKind::ReportsOn => Msg::RelationReportsOn,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    pub target: String,
    /// The sentence of the article that supports it, verbatim.
    pub evidence: String,
}

/// Where an event's date comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Provenance {
    /// The article gives the date.
    Stated,
    /// The article names a weekday; the date is that weekday in the week of the report.
    Inferred {
        weekday: String,
        week_of: PartialDate,
    },
    /// The public record, not the article. `article_gives` says how much the article states;
    /// `source` where in the record the date was checked.
    Record {
        article_gives: Option<super::date::Precision>,
        source: RecordSource,
    },
}

/// Where a date from the public record was checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RecordSource {
    /// A public text the author read that states the date: its title, publisher and address,
    /// and its words that state it (verbatim).
    Checked {
        title: String,
        publisher: String,
        url: String,
        says: String,
    },
    /// No source that states the date was found and read; the viewer says so.
    NotChecked,
}

impl Provenance {
    /// The short badge word.
    pub fn badge(&self) -> &'static str {
        match self {
            Provenance::Stated => "stated",
            Provenance::Inferred { .. } => "inferred",
            Provenance::Record { .. } => "record",
        }
    }

    /// What the badge means, in a sentence in `lang` (the weekday as the article says it).
    pub fn explanation(&self, lang: Lang) -> String {
        match self {
            Provenance::Stated => lang.t(Msg::ExplainStated).to_string(),
            Provenance::Inferred { weekday, week_of } => lang.f(
                Msg::ExplainInferred,
                &[("weekday", weekday), ("date", &week_of.written(lang))],
            ),
            Provenance::Record {
                article_gives: None,
                ..
            } => lang.t(Msg::ExplainRecord).to_string(),
            Provenance::Record {
                article_gives: Some(p),
                ..
            } => lang
                .t(match p {
                    super::date::Precision::Day => Msg::ExplainRecordDay,
                    super::date::Precision::Month => Msg::ExplainRecordMonth,
                    super::date::Precision::Year => Msg::ExplainRecordYear,
                })
                .to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub date: DateSpan,
    pub title: String,
    pub description: String,
    pub actors: Vec<String>,
    pub sentences: Vec<String>,
    pub provenance: Provenance,
    /// The author's own explanation of where the date comes from; empty when the author gave
    /// none (then [`Provenance::explanation`] says it). See [`Event::date_explanation`].
    pub note: String,
}

impl Event {
    /// Where the date comes from, in a sentence for readers: the author's note when there is
    /// one (it replaces the generated explanation, which it would only repeat), else the
    /// provenance's own explanation.
    pub fn date_explanation(&self, lang: Lang) -> String {
        if self.note.trim().is_empty() {
            self.provenance.explanation(lang)
        } else {
            self.note.clone()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    /// Who said it: one actor, or several who spoke together (a joint statement). Empty only
    /// for a draft's suggestion whose speaker the drafter could not find (a preview).
    pub speakers: Vec<String>,
    pub text: String,
    /// The event it was said at, which gives its date.
    pub event: Option<String>,
    pub context: String,
}

/// The key of a suggested entry: its kind (`actor`, `event`, `quote`) and its id, `actor:putin`.
pub fn suggestion_key(kind: &str, id: &str) -> String {
    format!("{kind}:{id}")
}

/// A relation's id: the id of the actor whose relation it is and the relation's index among
/// that actor's relations in `actors.toml`, joined by a dot (`russia.0`). Actor ids have no dot.
pub fn relation_id(actor: &str, index: usize) -> String {
    format!("{actor}.{index}")
}

impl Article {
    /// Whether the entry of `kind` and `id` is a suggestion not yet confirmed (see
    /// [`Article::suggested`]).
    pub fn is_suggested(&self, kind: &str, id: &str) -> bool {
        !self.suggested.is_empty() && self.suggested.contains(&suggestion_key(kind, id))
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }

    /// The relation `id` names ([`relation_id`]), with the actor whose relation it is.
    pub fn relation(&self, id: &str) -> Option<(&Actor, &Relation)> {
        let (actor, index) = self.relation_place(id)?;
        let actor = &self.actors[actor];
        Some((actor, &actor.relations[index]))
    }

    /// Where the relation `id` names is: its actor's place in `actors`, and its place among
    /// that actor's relations.
    pub fn relation_place(&self, id: &str) -> Option<(usize, usize)> {
        let (actor_id, index) = id.rsplit_once('.')?;
        let index: usize = index.parse().ok()?;
        let actor = self.actors.iter().position(|a| a.id == actor_id)?;
        // Only the id as `relation_id` writes it (no `+1`, no `01`).
        let exists = index < self.actors[actor].relations.len();
        (exists && relation_id(actor_id, index) == id).then_some((actor, index))
    }

    /// How many relations the actors have, in all.
    pub fn relation_count(&self) -> usize {
        self.actors.iter().map(|a| a.relations.len()).sum()
    }

    /// A relation in words: “Russia partner of North Korea”, in `lang`.
    pub fn relation_phrase(&self, actor: &Actor, relation: &Relation, lang: Lang) -> String {
        lang.f(
            relation.kind.phrase(),
            &[("a", &actor.name), ("b", self.actor_name(&relation.target))],
        )
    }

    /// Every relation with its id and the actor whose relation it is, actor by actor.
    pub fn relations(&self) -> impl Iterator<Item = (String, &Actor, &Relation)> + '_ {
        self.actors.iter().flat_map(|a| {
            a.relations
                .iter()
                .enumerate()
                .map(move |(i, r)| (relation_id(&a.id, i), a, r))
        })
    }

    /// Every actor, event, quote and relation, as selections, in that order.
    pub fn selections(&self) -> impl Iterator<Item = super::Selection> + '_ {
        let actors = self
            .actors
            .iter()
            .map(|a| super::Selection::Actor(a.id.clone()));
        let events = self
            .events
            .iter()
            .map(|e| super::Selection::Event(e.id.clone()));
        let quotes = self
            .quotes
            .iter()
            .map(|q| super::Selection::Quote(q.id.clone()));
        let relations = self
            .relations()
            .map(|(id, ..)| super::Selection::Relation(id));
        actors.chain(events).chain(quotes).chain(relations)
    }

    /// The name to show for an actor id (the id itself if unknown).
    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map(|a| a.name.as_str()).unwrap_or(id)
    }

    /// The names of a quote's speakers as a reader says them: "Putin", "Japan and South
    /// Korea", "the United States, South Korea and Japan" (without the article: "United
    /// States, South Korea and Japan").
    pub fn speakers_names(&self, quote: &Quote, lang: Lang) -> String {
        let names: Vec<&str> = quote.speakers.iter().map(|s| self.actor_name(s)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => lang.f(
                Msg::NamesAnd,
                &[
                    ("rest", &rest.join(lang.t(Msg::NamesComma))),
                    ("last", last),
                ],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(page: PartialDate, source: PartialDate) -> Meta {
        Meta {
            title: "T".into(),
            standfirst: None,
            page_date: page,
            page_date_text: String::new(),
            publisher_address: String::new(),
            language: "en".into(),
            byline: None,
            source: Source {
                name: "The Saltmere Gazette".into(),
                date: source,
                actor: None,
                address: None,
                rights: None,
            },
            word_count: 0,
            reading_minutes: 0,
            feedback_criteria: vec![],
            feedback_endpoint: None,
            feedback_parent_origins: vec![],
        }
    }

    #[test]
    fn a_page_is_republished_only_when_its_date_differs_from_the_source() {
        let june = PartialDate::day(2024, 6, 20);
        assert!(meta(PartialDate::day(2024, 7, 15), june).is_republished());
        assert!(!meta(june, june).is_republished());
    }

    #[test]
    fn an_authors_note_replaces_the_generated_explanation() {
        let mut e = Event {
            id: "e".into(),
            date: DateSpan::parse("2024-03").unwrap(),
            title: "T".into(),
            description: "D".into(),
            actors: vec![],
            sentences: vec![],
            provenance: Provenance::Stated,
            note: " ".into(),
        };
        assert_eq!(
            e.date_explanation(Lang::En),
            "The article states this date."
        );
        e.note = "The article says “in March”.".into();
        assert_eq!(e.date_explanation(Lang::En), "The article says “in March”.");
    }
}
