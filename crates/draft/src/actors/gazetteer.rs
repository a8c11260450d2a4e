//! The gazetteers (`crates/draft/gazetteer/*.txt`, built into the program): states,
//! organisations, media, and places that are no actor. Each file's header says its line
//! format, where its list came from and under what licence.

use super::text::{is_acronym, mark, tokenize, Gap, Tok};
use crate::ActorKind;
use std::collections::HashMap;
use std::sync::OnceLock;

const STATES: &str = include_str!("../../gazetteer/states.txt");
const ORGANISATIONS: &str = include_str!("../../gazetteer/organisations.txt");
const MEDIA: &str = include_str!("../../gazetteer/media.txt");
const PLACES: &str = include_str!("../../gazetteer/places.txt");

/// What kind of name an entry is, which says how sure a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Class {
    /// The short name or an official or other full name ("North Korea", "Democratic People's
    /// Republic of Korea").
    Name,
    /// An abbreviation ("DPRK", "U.S.").
    Abbreviation,
    /// A demonym ("North Korean").
    Demonym,
    /// The capital, used for the government ("Pyongyang").
    Capital,
}

impl Class {
    pub(super) fn confidence(self) -> f32 {
        match self {
            Class::Name => 0.95,
            Class::Abbreviation => 0.9,
            Class::Demonym | Class::Capital => 0.5,
        }
    }
    pub(super) fn label(self) -> &'static str {
        match self {
            Class::Name => "name",
            Class::Abbreviation => "abbreviation",
            Class::Demonym => "demonym",
            Class::Capital => "capital",
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct GazActor {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: ActorKind,
    /// The file it comes from ("states").
    pub(super) list: &'static str,
    /// Organisations: the id of what it is part of (`un` for the Security Council); media: the
    /// state whose official news agency it is.
    pub(super) belongs_to: Option<String>,
}

#[derive(Clone, Debug)]
struct ETok {
    text: String,
    upper: String,
    /// Whether space comes before it in the entry ("North Korea") or not ("U.S.").
    spaced: bool,
    word: bool,
}

#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// `None`: a place, which names no actor.
    pub(super) actor: Option<usize>,
    pub(super) class: Class,
    toks: Vec<ETok>,
}

#[derive(Debug, Default)]
pub(super) struct Gazetteer {
    pub(super) actors: Vec<GazActor>,
    pub(super) entries: Vec<Entry>,
    /// First word in lower case → entries, longest first.
    index: HashMap<String, Vec<usize>>,
    /// Problems in the files (a test keeps this empty).
    pub(super) problems: Vec<String>,
}

/// One match: tokens `tok0..tok1` are entry `entry`.
#[derive(Clone, Copy, Debug)]
pub(super) struct GMatch {
    pub(super) tok0: usize,
    pub(super) tok1: usize,
    pub(super) entry: usize,
}

pub(super) fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut g = Gazetteer::default();
        g.read("states", STATES, ActorKind::State);
        g.read("organisations", ORGANISATIONS, ActorKind::Organisation);
        g.read("media", MEDIA, ActorKind::Media);
        g.read_places(PLACES);
        for list in g.index.values_mut() {
            list.sort_by_key(|&e| {
                let entry = &g.entries[e];
                (std::cmp::Reverse(entry.toks.len()), entry.class, e)
            });
        }
        g
    })
}

fn items(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn data_lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    /// `states.txt`: `Short name|Full names|Abbreviations|Demonyms|Capitals`, the id the slug
    /// of the short name. `organisations.txt` and `media.txt`: `id|Name|Other names|
    /// Abbreviations|Belongs to`.
    fn read(&mut self, list: &'static str, src: &str, kind: ActorKind) {
        for (n, line) in data_lines(src) {
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            if fields.len() != 5 {
                self.problems
                    .push(format!("{list}.txt:{n}: {} fields, not 5", fields.len()));
                continue;
            }
            let actor = self.actors.len();
            let (id, name, classes) = if kind == ActorKind::State {
                let classes = [
                    (fields[1], Class::Name),
                    (fields[2], Class::Abbreviation),
                    (fields[3], Class::Demonym),
                    (fields[4], Class::Capital),
                ];
                (super::text::slug(fields[0]), fields[0], classes)
            } else {
                let classes = [
                    (fields[2], Class::Name),
                    (fields[3], Class::Abbreviation),
                    ("", Class::Demonym),
                    ("", Class::Capital),
                ];
                (fields[0].to_string(), fields[1], classes)
            };
            if name.is_empty() || !valid_id(&id) {
                self.problems
                    .push(format!("{list}.txt:{n}: no name, or `{id}` is no id"));
                continue;
            }
            if self.actors.iter().any(|a| a.id == id) {
                self.problems
                    .push(format!("{list}.txt:{n}: id `{id}` given twice"));
                continue;
            }
            let belongs_to =
                (kind != ActorKind::State && !fields[4].is_empty()).then(|| fields[4].to_string());
            self.actors.push(GazActor {
                id,
                name: name.to_string(),
                kind,
                list,
                belongs_to,
            });
            self.add(Some(actor), Class::Name, name, list, n);
            for (field, class) in classes {
                for surface in items(field) {
                    self.add(Some(actor), class, surface, list, n);
                }
            }
        }
    }

    /// `places.txt`: one name a line.
    fn read_places(&mut self, src: &str) {
        for (n, line) in data_lines(src) {
            self.add(None, Class::Name, line, "places", n);
        }
    }

    fn add(&mut self, actor: Option<usize>, class: Class, surface: &str, list: &str, n: usize) {
        let toks = tokenize(surface);
        let Some(first) = toks.first().filter(|t| t.word) else {
            self.problems.push(format!(
                "{list}.txt:{n}: `{surface}` does not start with a word"
            ));
            return;
        };
        let first_text = &surface[first.start..first.end];
        if first_text.chars().next().is_some_and(char::is_lowercase) {
            self.problems
                .push(format!("{list}.txt:{n}: `{surface}` starts in lower case"));
            return;
        }
        let etoks: Vec<ETok> = toks
            .iter()
            .map(|t| {
                let text = if t.word {
                    surface[t.start..t.end].to_string()
                } else {
                    mark(surface, t).to_string()
                };
                ETok {
                    upper: text.to_uppercase(),
                    text,
                    spaced: t.gap != Gap::None,
                    word: t.word,
                }
            })
            .collect();
        let key = first_text.to_lowercase();
        let same = |e: &Entry| {
            e.toks.len() == etoks.len() && e.toks.iter().zip(&etoks).all(|(a, b)| a.text == b.text)
        };
        if let Some(list_for_key) = self.index.get(&key) {
            if let Some(&dup) = list_for_key.iter().find(|&&e| same(&self.entries[e])) {
                if self.entries[dup].actor != actor {
                    self.problems.push(format!(
                        "{list}.txt:{n}: `{surface}` is already another entry's"
                    ));
                }
                return;
            }
        }
        let e = self.entries.len();
        self.entries.push(Entry {
            actor,
            class,
            toks: etoks,
        });
        self.index.entry(key).or_default().push(e);
    }

    /// Every match in the text, left to right, the longest at each place, none overlapping.
    pub(super) fn find_all(&self, text: &str, toks: &[Tok]) -> Vec<GMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let word = &text[t.start..t.end];
            let mut matched = None;
            if t.word && !word.chars().next().is_some_and(char::is_lowercase) {
                if let Some(list) = self.index.get(&word.to_lowercase()) {
                    matched = list
                        .iter()
                        .copied()
                        .find(|&e| self.matches(e, text, toks, i));
                }
            }
            match matched {
                Some(e) => {
                    let len = self.entries[e].toks.len();
                    out.push(GMatch {
                        tok0: i,
                        tok1: i + len,
                        entry: e,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    fn matches(&self, e: usize, text: &str, toks: &[Tok], i: usize) -> bool {
        let entry = &self.entries[e];
        entry.toks.iter().enumerate().all(|(k, et)| {
            let Some(t) = toks.get(i + k) else {
                return false;
            };
            if k > 0
                && (if et.spaced {
                    !t.gap.joins()
                } else {
                    t.gap != Gap::None
                })
            {
                return false;
            }
            if t.word != et.word {
                return false;
            }
            if t.word {
                let w = &text[t.start..t.end];
                w == et.text || (is_acronym(w) && w == et.upper)
            } else {
                let m = mark(text, t);
                et.text.chars().eq(std::iter::once(m))
            }
        })
    }

    #[cfg(test)]
    pub(super) fn actor_of(&self, m: &GMatch) -> Option<usize> {
        self.entries[m.entry].actor
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_parse_without_a_problem() {
        let g = gazetteer();
        assert!(g.problems.is_empty(), "{:#?}", g.problems);
        let states = g
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::State)
            .count();
        assert!(states >= 193, "{states} states");
        for id in [
            "north-korea",
            "south-korea",
            "united-states",
            "soviet-union",
            "russia",
        ] {
            assert!(g.actors.iter().any(|a| a.id == id), "{id}");
        }
        // What organisations belong to is an actor of the gazetteers.
        for a in &g.actors {
            if let Some(b) = &a.belongs_to {
                assert!(
                    g.actors.iter().any(|o| &o.id == b),
                    "{} belongs to {b}",
                    a.id
                );
            }
        }
    }

    #[test]
    fn matches_are_whole_words_longest_first() {
        let g = gazetteer();
        let text = "Russian troops, the Russia-North Korea pact and the U.S. and NATO.";
        let toks = tokenize(text);
        let found: Vec<(&str, &str)> = g
            .find_all(text, &toks)
            .iter()
            .map(|m| {
                let span = &text[toks[m.tok0].start..toks[m.tok1 - 1].end];
                let actor = g.actor_of(m).map_or("-", |a| g.actors[a].id.as_str());
                (span, actor)
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Russian", "russia"),
                ("Russia", "russia"),
                ("North Korea", "north-korea"),
                ("U.S.", "united-states"),
                ("NATO", "nato"),
            ]
        );
    }
}
