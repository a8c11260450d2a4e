//! Relations between the actors found, only from explicit patterns of news writing, each with
//! low confidence: two actors named next to each other in one sentence, with between them
//! words that state the relation.
//!
//! - "X's ally Y", "X, an ally of Y" → ally;
//! - "X and Y signed" (or "agreed") → partner;
//! - "X condemned Y", "X criticised Y", "X accused Y" → criticises;
//! - "X opposed Y" → opposes; "X sanctioned Y" → sanctions; "X supplied Y" → supplies;
//! - "X, a member of Y", "X joined Y" → member of.
//!
//! The evidence is the sentence by its place (`"3.2"`), never pasted again. An actor named in a
//! list before the subject ("X and Y condemned Z") has the relation too.

use crate::sentences::sentences_with_places;
use crate::{Confidence, FoundActor, Span};

/// A relation the text states.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundRelation {
    /// The actor whose relation it is, and the other one.
    pub actor: String,
    pub target: String,
    /// The model's kind (`ally`, `partner`, `criticises`…).
    pub kind: &'static str,
    /// The sentence that states it, by its place (`"3.2"`).
    pub sentence: String,
    pub confidence: Confidence,
    /// The words that gave it ("“, an ally of”").
    pub pattern: String,
}

/// Words between two actors' names that state a relation of the first to the second.
const BETWEEN: &[(&str, &str)] = &[
    ("’s ally ", "ally"),
    ("'s ally ", "ally"),
    ("’s close ally ", "ally"),
    ("'s close ally ", "ally"),
    (", an ally of ", "ally"),
    (", a close ally of ", "ally"),
    (", an ally of the ", "ally"),
    (" condemned ", "criticises"),
    (" condemns ", "criticises"),
    (" condemn ", "criticises"),
    (" has condemned ", "criticises"),
    (" have condemned ", "criticises"),
    (" criticised ", "criticises"),
    (" criticized ", "criticises"),
    (" criticises ", "criticises"),
    (" criticizes ", "criticises"),
    (" denounced ", "criticises"),
    (" accused ", "criticises"),
    (" accuses ", "criticises"),
    (" opposed ", "opposes"),
    (" opposes ", "opposes"),
    (" sanctioned ", "sanctions"),
    (" imposed sanctions on ", "sanctions"),
    (" supplied ", "supplies"),
    (" supplies ", "supplies"),
    (" has supplied ", "supplies"),
    (", a member of ", "member-of"),
    (", a member of the ", "member-of"),
    (" joined ", "member-of"),
    (" joined the ", "member-of"),
];

/// Words after "X and Y" that make them partners.
const AFTER_PAIR: &[&str] = &[
    " signed",
    " have signed",
    " had signed",
    " agreed",
    " have agreed",
];

/// Every relation the patterns find, in the order of the text, each once.
pub fn find_relations(text: &str, actors: &[FoundActor]) -> Vec<FoundRelation> {
    let mut mentions: Vec<(Span, &str)> = actors
        .iter()
        .flat_map(|a| a.mentions.iter().map(move |&m| (m, a.id.as_str())))
        .collect();
    mentions.sort();
    let mut out: Vec<FoundRelation> = Vec::new();
    for (sentence, place) in sentences_with_places(text) {
        let named: Vec<(Span, &str)> = mentions
            .iter()
            .copied()
            .filter(|(m, _)| m.start >= sentence.start && m.end <= sentence.end)
            .collect();
        for (k, pair) in named.windows(2).enumerate() {
            let [(first, a), (second, b)] = pair else {
                continue;
            };
            if a == b {
                continue;
            }
            let between = text.get(first.end..second.start).unwrap_or_default();
            let stated = BETWEEN
                .iter()
                .find(|(words, _)| between.eq_ignore_ascii_case(words))
                .map(|&(words, kind)| (kind, format!("“X{words}Y”"), 0.5));
            let paired = || {
                let after = text.get(second.end..sentence.end).unwrap_or_default();
                (between == " and " && AFTER_PAIR.iter().any(|w| after.starts_with(w)))
                    .then(|| ("partner", "“X and Y signed”".to_string(), 0.45))
            };
            let Some((kind, pattern, confidence)) = stated.or_else(paired) else {
                continue;
            };
            // The subject, and those listed with it just before ("X, Y and Z condemned W").
            let mut subjects = vec![*a];
            if kind != "partner" {
                for j in (0..k).rev() {
                    let (prev, id) = named[j];
                    let gap = text.get(prev.end..named[j + 1].0.start).unwrap_or_default();
                    if !matches!(gap, ", " | " and " | ", and ") {
                        break;
                    }
                    subjects.push(id);
                }
            }
            for subject in subjects {
                let relation = FoundRelation {
                    actor: subject.to_string(),
                    target: b.to_string(),
                    kind,
                    sentence: place.clone(),
                    confidence,
                    pattern: pattern.clone(),
                };
                let known = out.iter().any(|r| {
                    (r.actor.as_str(), r.target.as_str(), r.kind)
                        == (relation.actor.as_str(), relation.target.as_str(), kind)
                });
                if subject != *b && !known {
                    out.push(relation);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::find_actors;

    fn relations(text: &str) -> Vec<(String, &'static str, String, String)> {
        find_relations(text, &find_actors(text))
            .into_iter()
            .map(|r| (r.actor, r.kind, r.target, r.sentence))
            .collect()
    }

    fn one(
        actor: &str,
        kind: &'static str,
        target: &str,
        at: &str,
    ) -> (String, &'static str, String, String) {
        (actor.into(), kind, target.into(), at.into())
    }

    #[test]
    fn allies_partners_and_critics_from_their_patterns() {
        // Patterns as U.S. government releases and wire reports write them.
        let text = "The talks were short.  Russia's ally North Korea sent shells.\n\nJapan condemned North Korea on Monday. Russia and North Korea signed a treaty.";
        assert_eq!(
            relations(text),
            vec![
                one("russia", "ally", "north-korea", "1.2"),
                one("japan", "criticises", "north-korea", "2.1"),
                one("russia", "partner", "north-korea", "2.2"),
            ]
        );
    }

    #[test]
    fn everyone_listed_before_the_verb_has_the_relation() {
        let text = "The United States, South Korea and Japan condemned North Korea.";
        assert_eq!(
            relations(text),
            vec![
                one("japan", "criticises", "north-korea", "1.1"),
                one("south-korea", "criticises", "north-korea", "1.1"),
                one("united-states", "criticises", "north-korea", "1.1"),
            ]
        );
    }

    #[test]
    fn names_side_by_side_without_a_pattern_relate_nothing() {
        for text in [
            "Russia and North Korea met in June.",
            "Japan said North Korea fired a missile.",
            "Japan and Japan signed.",
        ] {
            assert_eq!(relations(text), vec![], "{text}");
        }
    }
}
