//! Actors: the people, states, organisations and media a text names, each with every span
//! that names it, found by rules and gazetteers only (no model, no network, no file system).
//!
//! [`find_actors`] reads the text in passes, each linear in its length:
//!
//! 1. **Gazetteers** (`gazetteer/*.txt`, built in): states (names, official names,
//!    abbreviations, demonyms, capitals), organisations, media, and places that are no actor.
//!    At each word the longest entry wins; matches are whole words ("Russia" never inside
//!    "Russian", which is its own entry), case-sensitive, possessives allowed ("Moscow’s").
//! 2. **Organisation and media patterns** (`patterns`): "X Institute", "Ministry of X",
//!    "Japanese Ministry of Foreign Affairs", "South Korea’s foreign ministry", "North Korea’s
//!    official news agency" (the state's agency in the gazetteer). A pattern's span takes in
//!    the gazetteer names inside it.
//! 3. **Acronyms defined in parentheses**: "the Korean Central News Agency (KCNA)" makes
//!    "KCNA" an alias; a capitalised name before one whose initials it spells is an
//!    organisation.
//! 4. **People** (`people`): titles and roles with capitalised names, names with a verb of
//!    saying or a role after them, East Asian name shapes; later mentions by surname (the
//!    family name for a name written family name first: "Kim").
//! 5. **References**: "the ministry" (the last ministry named), "the North Korean leader"
//!    (the last person named who may be North Korea's).
//!
//! Confidence: a gazetteer name 0.95, an abbreviation 0.9, a capital or demonym 0.5; a person
//! with a title 0.9, with a role after 0.85, with a verb of saying 0.8, a bare capitalised
//! name 0.6; an organisation by pattern 0.7–0.8. `pattern` names the rule.
//!
//! Mentions never overlap: a longer name takes in the shorter ones inside it ("South Korea’s
//! foreign ministry" is the ministry's mention, not South Korea's). A capital after "in" or
//! "at" (or in a dateline) is a place, not a mention; a state named only by its capital used
//! as a place ("a visit to Ottawa") is no actor. A demonym in a title ("Russian President")
//! belongs to the title, unless nothing else names the state.
//!
//! Limits, by design: an affiliation is given only to an actor the list holds, so a state
//! named only inside a longer name ("Seoul’s unification ministry") gives none; a name at a
//! sentence's start with no title, role or verb of saying, never repeated, is left out; a
//! surname shared by two people goes to the one named last; whether a name is written family
//! name first is read from its shape and a list of East Asian family names, so "Namazu
//! Hiroyuki" is taken as given name first.

mod gazetteer;
mod lexicon;
mod patterns;
mod people;
mod text;

#[cfg(test)]
mod seed;
#[cfg(test)]
mod tests;

use crate::{ActorKind, FoundActor, Span};
use gazetteer::{gazetteer, Class, GMatch};
use lexicon::{lexicon, Lexicon};
use patterns::{collapse, PatMatch, SpanInfo, Target};
use std::collections::{HashMap, HashSet};
pub use text::slug;
use text::{build_items, starts_upper, tokenize, Item};

/// Finds the actors `text` names (Markdown as pasted, no marks), in order of first mention.
pub fn find_actors(text: &str) -> Vec<FoundActor> {
    let lex = lexicon();
    let gaz = gazetteer();
    let toks = tokenize(text);
    let matches: Vec<GMatch> = gaz.find_all(text, &toks);

    // Pass 2: organisation and media patterns over the gazetteer's matches.
    let spans1: Vec<(usize, usize)> = matches.iter().map(|m| (m.tok0, m.tok1)).collect();
    let items1 = build_items(text, &toks, &spans1);
    let info = |s: usize| {
        let m = &matches[s];
        let entry = &gaz.entries[m.entry];
        SpanInfo {
            actor: entry.actor,
            class: entry.class,
            kind: entry.actor.map(|a| gaz.actors[a].kind),
        }
    };
    let pats = patterns::find(text, &items1, &info, lex, gaz);

    // Spans: the patterns, and the gazetteer matches outside them.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut refs: Vec<SpanRef> = Vec::new();
    let mut p = 0;
    for (s, m) in matches.iter().enumerate() {
        while p < pats.len() && items1[pats[p].item1 - 1].tok1 <= m.tok0 {
            push_pattern(&pats, p, &items1, &mut spans, &mut refs);
            p += 1;
        }
        let inside = pats
            .get(p)
            .is_some_and(|pm| items1[pm.item0].tok0 <= m.tok0);
        if !inside {
            spans.push((m.tok0, m.tok1));
            refs.push(SpanRef::Gazetteer(s));
        }
    }
    while p < pats.len() {
        push_pattern(&pats, p, &items1, &mut spans, &mut refs);
        p += 1;
    }
    let items = build_items(text, &toks, &spans);
    drop(items1);

    // Drafts for every span, with their mentions.
    let mut reg = Registry::default();
    let mut span_draft: Vec<Option<usize>> = vec![None; spans.len()];
    let mut span_class: Vec<Option<Class>> = vec![None; spans.len()];
    for (s, r) in refs.iter().enumerate() {
        match *r {
            SpanRef::Gazetteer(m) => {
                let entry = &gaz.entries[matches[m].entry];
                span_class[s] = Some(entry.class);
                span_draft[s] = entry.actor.map(|a| reg.gazetteer_actor(a));
            }
            SpanRef::Pattern(pi) => {
                let pm = &pats[pi];
                let d = match pm.target {
                    Target::Gazetteer(a) => {
                        let d = reg.gazetteer_actor(a);
                        let draft = &mut reg.drafts[d];
                        if draft.pattern.is_empty() {
                            draft.confidence = pm.confidence;
                            draft.pattern = pm.pattern.to_string();
                        }
                        d
                    }
                    Target::New => reg.pattern_actor(pm),
                };
                if let Some(owner) = pm.owner {
                    let o = reg.gazetteer_actor(owner);
                    if reg.drafts[d].affiliation.is_none() && o != d {
                        reg.drafts[d].affiliation = Some(o);
                    }
                }
                span_draft[s] = Some(d);
            }
        }
    }
    let doc = Doc {
        text,
        items,
        span_draft,
        span_class,
    };
    for (i, item) in doc.items.iter().enumerate() {
        let Some(s) = item.span() else {
            continue;
        };
        let Some(d) = doc.span_draft[s] else {
            continue;
        };
        let class = doc.span_class[s];
        let mut mention = Mention::plain(
            Span {
                start: item.start,
                end: item.end,
            },
            class,
        );
        if class == Some(Class::Capital) {
            let prev = i.checked_sub(1).map(|p| &doc.items[p]);
            // "in Seoul", and a dateline ("SEOUL —", "SEOUL, June 20 (Reuters) -").
            let dateline = text::is_acronym(&text[item.start..item.end].replace(' ', ""))
                && text::sentence_start(&doc.items, i, lex);
            if dateline || prev.is_some_and(|p| p.is_word() && lex.is_locative(&p.lower)) {
                mention.used = Use::Locative;
            }
            mention.governs = governs(&doc, i);
        }
        reg.drafts[d].mentions.push(mention);
    }

    let mut taken: Vec<Option<usize>> = vec![None; doc.items.len()];
    let mut aliases: HashMap<String, Vec<usize>> = HashMap::new();
    acronyms(&doc, &mut reg, &mut taken, &mut aliases, lex);
    let people = people::find(&doc, &mut reg.drafts, &mut taken, lex);
    for (alias, d) in &people.aliases {
        aliases.entry(alias.clone()).or_default().push(*d);
    }
    alias_mentions(&doc, &mut reg.drafts, &mut taken, &people.in_name, &aliases);
    references(&doc, &mut reg.drafts, &mut taken, lex);
    assemble(text, reg, gaz)
}

#[derive(Clone, Copy, Debug)]
enum SpanRef {
    Gazetteer(usize),
    Pattern(usize),
}

fn push_pattern(
    pats: &[PatMatch],
    p: usize,
    items1: &[Item],
    spans: &mut Vec<(usize, usize)>,
    refs: &mut Vec<SpanRef>,
) {
    let pm = &pats[p];
    let tok0 = items1[pm.item0].tok0;
    let tok1 = items1[pm.item1 - 1].tok1;
    if spans.last().is_some_and(|&(_, e)| e > tok0) {
        return;
    }
    spans.push((tok0, tok1));
    refs.push(SpanRef::Pattern(p));
}

/// The text cut into items, and what each matched span names.
struct Doc<'a> {
    text: &'a str,
    items: Vec<Item>,
    /// For each span (the items' `Kind::Span(s)`): its draft (`None`: a place).
    span_draft: Vec<Option<usize>>,
    /// For each span: the gazetteer class it matched by, if it did.
    span_class: Vec<Option<Class>>,
}

impl Doc<'_> {
    fn word(&self, i: usize) -> &str {
        let it = &self.items[i];
        &self.text[it.start..it.end]
    }
    /// The draft the span item `i` names.
    fn span_draft(&self, i: usize) -> Option<usize> {
        self.items
            .get(i)
            .and_then(Item::span)
            .and_then(|s| self.span_draft[s])
    }
}

/// How a mention counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    Plain,
    /// A capital after "in" or "at": a place, not its government.
    Locative,
    /// A demonym in a title ("Russian President"): the state's only if nothing else names it.
    TitleDemonym,
    /// Inside a longer reference ("the North Korean leader").
    Absorbed,
}

#[derive(Clone, Debug)]
struct Mention {
    span: Span,
    class: Option<Class>,
    used: Use,
    /// A capital used as a government: possessive or followed by a verb ("Moscow’s",
    /// "Pyongyang has").
    governs: bool,
}

impl Mention {
    fn plain(span: Span, class: Option<Class>) -> Mention {
        Mention {
            span,
            class,
            used: Use::Plain,
            governs: false,
        }
    }
}

/// An actor being found.
#[derive(Clone, Debug)]
struct Draft {
    id: String,
    name: String,
    kind: ActorKind,
    role: Option<String>,
    affiliation: Option<usize>,
    mentions: Vec<Mention>,
    /// For actors found by a rule (a gazetteer's take theirs from their mentions).
    confidence: f32,
    pattern: String,
    /// An organisation's head word ("ministry"), for "the ministry".
    head: Option<String>,
    /// The gazetteer's actor, if it is one.
    gazetteer: Option<usize>,
}

impl Draft {
    fn new(id: String, name: String, kind: ActorKind) -> Draft {
        Draft {
            id,
            name,
            kind,
            role: None,
            affiliation: None,
            mentions: Vec::new(),
            confidence: 0.0,
            pattern: String::new(),
            head: None,
            gazetteer: None,
        }
    }
}

#[derive(Default)]
struct Registry {
    drafts: Vec<Draft>,
    by_gazetteer: HashMap<usize, usize>,
    by_pattern: HashMap<String, usize>,
}

impl Registry {
    fn gazetteer_actor(&mut self, a: usize) -> usize {
        if let Some(&d) = self.by_gazetteer.get(&a) {
            return d;
        }
        let g = &gazetteer().actors[a];
        let mut draft = Draft::new(g.id.clone(), g.name.clone(), g.kind);
        draft.gazetteer = Some(a);
        draft.head = head_of(&g.name, lexicon());
        let d = self.drafts.len();
        self.drafts.push(draft);
        self.by_gazetteer.insert(a, d);
        d
    }

    fn pattern_actor(&mut self, pm: &PatMatch) -> usize {
        let id = text::slug(&pm.name);
        if let Some(&d) = self.by_pattern.get(&id) {
            return d;
        }
        let mut draft = Draft::new(id.clone(), pm.name.clone(), pm.kind);
        draft.confidence = pm.confidence;
        draft.pattern = pm.pattern.to_string();
        draft.head = Some(pm.head.clone());
        let d = self.drafts.len();
        self.drafts.push(draft);
        self.by_pattern.insert(id, d);
        d
    }
}

/// The head word of an organisation's name ("UN Security Council" → "council").
fn head_of(name: &str, lex: &Lexicon) -> Option<String> {
    name.split_whitespace()
        .rev()
        .map(str::to_lowercase)
        .find(|w| lex.is_org_head(w))
}

/// Whether the capital at item `i` may stand for its government: not after a preposition of
/// place ("a visit to Ottawa"; after "in" or "at" it is no mention at all).
fn governs(doc: &Doc, i: usize) -> bool {
    let place = i.checked_sub(1).map(|p| &doc.items[p]).is_some_and(|p| {
        p.is_word()
            && matches!(
                p.lower.as_str(),
                "to" | "in"
                    | "at"
                    | "near"
                    | "into"
                    | "inside"
                    | "outside"
                    | "around"
                    | "via"
                    | "toward"
                    | "towards"
                    | "across"
            )
    });
    doc.items[i].possessive || !place
}

/// "the Korean Central News Agency (KCNA)": the acronym becomes an alias of the actor
/// before it; "the Institute for National Security Strategy (INSS)" a new organisation.
fn acronyms(
    doc: &Doc,
    reg: &mut Registry,
    taken: &mut [Option<usize>],
    aliases: &mut HashMap<String, Vec<usize>>,
    lex: &Lexicon,
) {
    let items = &doc.items;
    for i in 1..items.len().saturating_sub(2) {
        if !items[i].is_punct('(') || !items[i + 2].is_punct(')') {
            continue;
        }
        let acr = &items[i + 1];
        let acr_word = doc.word(i + 1);
        if !acr.is_word() || !text::is_acronym(acr_word) || acr_word.len() > 10 {
            continue;
        }
        let before = &items[i - 1];
        if let Some(d) = doc.span_draft(i - 1) {
            let spelled = initials_spell(&doc.text[before.start..before.end], acr_word, false);
            if spelled.is_some() && reg.drafts[d].kind != ActorKind::Person {
                aliases.entry(acr_word.to_string()).or_default().push(d);
                if reg.drafts[d].gazetteer.is_none() {
                    reg.drafts[d].id = text::slug(acr_word);
                }
            }
            continue;
        }
        // A capitalised name before the parenthesis.
        let mut s = i;
        while s > 0 && i - s < 10 {
            let p = &items[s - 1];
            let w = doc.word(s - 1);
            let ok = p.is_word()
                && taken[s - 1].is_none()
                && (starts_upper(w) || matches!(w, "of" | "for" | "and" | "on" | "the"));
            if !ok || (s != i && !items[s].gap.joins()) {
                break;
            }
            s -= 1;
        }
        // From the first capitalised word that is no stopword ("the", "The").
        while s < i && (!starts_upper(doc.word(s)) || lex.is_stopword(&items[s].lower)) {
            s += 1;
        }
        if i - s < 2 {
            continue;
        }
        let words: Vec<&str> = (s..i).map(|k| doc.word(k)).collect();
        let Some(skip) = initials_spell(&words.join(" "), acr_word, true) else {
            continue;
        };
        // Leave out the words before the ones the acronym spells.
        let mut first = s;
        let mut skipped = 0;
        while skipped < skip && first < i {
            if starts_upper(doc.word(first)) {
                skipped += 1;
            }
            first += 1;
        }
        while first < i && !starts_upper(doc.word(first)) {
            first += 1;
        }
        if i - first < 2 {
            continue;
        }
        let name = collapse(&doc.text[items[first].start..items[i - 1].end]);
        let last_lower = items[i - 1].lower.clone();
        let media = lex.is_media_head(&last_lower) || name.ends_with("News Agency");
        let pm = PatMatch {
            item0: first,
            item1: i,
            kind: if media {
                ActorKind::Media
            } else {
                ActorKind::Organisation
            },
            name,
            owner: None,
            target: Target::New,
            head: head_of(&doc.text[items[first].start..items[i - 1].end], lex)
                .unwrap_or(last_lower),
            pattern: "acronym defined in parentheses",
            confidence: 0.8,
        };
        let d = reg.pattern_actor(&pm);
        reg.drafts[d].mentions.push(Mention::plain(
            Span {
                start: items[first].start,
                end: items[i - 1].end,
            },
            None,
        ));
        for t in taken.iter_mut().take(i).skip(first) {
            *t = Some(d);
        }
        reg.drafts[d].id = text::slug(acr_word);
        aliases.entry(acr_word.to_string()).or_default().push(d);
    }
}

/// Whether the capitals of `acronym` are the initials of `name`'s capitalised words (the
/// last ones; `Some(n)`: after leaving out the first `n`), or, when `loose`, of its words
/// in order with letters inside them ("Kyodo"); `None` if they are not.
fn initials_spell(name: &str, acronym: &str, loose: bool) -> Option<usize> {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| starts_upper(w))
        .collect();
    let initials: Vec<char> = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    if initials.len() >= letters.len() && initials[initials.len() - letters.len()..] == letters[..]
    {
        return Some(initials.len() - letters.len());
    }
    if !loose && initials.first() == letters.first() {
        // "Korean Central News Agency (KCNA)" is exact; "Agence France-Presse (AFP)" too.
        let joined: String = words.concat().to_lowercase();
        let mut it = joined.chars();
        if letters.iter().all(|l| it.any(|c| c == *l)) {
            return Some(0);
        }
    }
    None
}

/// Later mentions by an alias: a surname ("Putin", "Kim") or an acronym defined in the text.
/// A surname goes to the person of that name mentioned last.
fn alias_mentions(
    doc: &Doc,
    drafts: &mut [Draft],
    taken: &mut [Option<usize>],
    in_name: &[bool],
    aliases: &HashMap<String, Vec<usize>>,
) {
    if aliases.is_empty() {
        return;
    }
    for d in drafts.iter_mut() {
        d.mentions.sort_by_key(|m| m.span.start);
    }
    for (i, item) in doc.items.iter().enumerate() {
        if !item.is_word() || taken[i].is_some() || in_name[i] {
            continue;
        }
        let Some(ds) = aliases.get(doc.word(i)) else {
            continue;
        };
        let before = |d: usize| {
            let ms = &drafts[d].mentions;
            let k = ms.partition_point(|m| m.span.start < item.start);
            k.checked_sub(1).map(|k| ms[k].span.start)
        };
        let chosen = ds
            .iter()
            .take(16)
            .copied()
            .max_by_key(|&d| (before(d).map_or(0, |s| s + 1), std::cmp::Reverse(d)));
        let Some(d) = chosen else {
            continue;
        };
        let span = Span {
            start: item.start,
            end: item.end,
        };
        let ms = &mut drafts[d].mentions;
        let at = ms.partition_point(|m| m.span.start < span.start);
        ms.insert(at, Mention::plain(span, None));
        taken[i] = Some(d);
    }
}

/// "the ministry" → the ministry named last; "the North Korean leader" → the person named
/// last who may be North Korea's.
fn references(doc: &Doc, drafts: &mut [Draft], taken: &mut [Option<usize>], lex: &Lexicon) {
    let items = &doc.items;
    // Every mention so far, in order.
    let mut events: Vec<(usize, usize)> = drafts
        .iter()
        .enumerate()
        .flat_map(|(d, dr)| {
            dr.mentions
                .iter()
                .filter(|m| m.used == Use::Plain)
                .map(move |m| (m.span.start, d))
        })
        .collect();
    events.sort_unstable();
    let mut e = 0;
    let mut last_by_head: HashMap<String, usize> = HashMap::new();
    let mut recent_people: Vec<usize> = Vec::new();
    let mut i = 0;
    while i + 1 < items.len() {
        let the = &items[i];
        if !(the.is_word() && the.lower == "the" && taken[i].is_none()) {
            i += 1;
            continue;
        }
        while e < events.len() && events[e].0 < the.start {
            let d = events[e].1;
            if let Some(h) = &drafts[d].head {
                if matches!(drafts[d].kind, ActorKind::Organisation | ActorKind::Media) {
                    last_by_head.insert(h.clone(), d);
                }
            }
            if drafts[d].kind == ActorKind::Person {
                recent_people.retain(|&p| p != d);
                recent_people.insert(0, d);
                recent_people.truncate(8);
            }
            e += 1;
        }
        let next = &items[i + 1];
        // "the ministry" (not "the ministry of …").
        if next.is_word() && next.gap.joins() && taken[i + 1].is_none() {
            let w = doc.word(i + 1);
            let of_follows = items
                .get(i + 2)
                .is_some_and(|q| q.is_word() && matches!(doc.word(i + 2), "of" | "for"));
            if lex.is_org_head(w) && !of_follows {
                if let Some(&d) = last_by_head.get(w) {
                    add_reference(drafts, d, the.start, next.end);
                    taken[i] = Some(d);
                    taken[i + 1] = Some(d);
                    i += 2;
                    continue;
                }
            }
        }
        // "the North Korean leader", "the Russian president".
        if let (Some(state), Some(Class::Demonym)) = (
            doc.span_draft(i + 1),
            next.span().and_then(|s| doc.span_class[s]),
        ) {
            let mut k = i + 2;
            let mut head = None;
            while k < items.len() && k - i <= 5 && items[k].gap.joins() && items[k].is_word() {
                let l = items[k].lower.as_str();
                if !doc.word(k).chars().all(|c| c.is_lowercase() || c == '-') {
                    break;
                }
                if lex.is_role_head(l) {
                    head = Some(k);
                    if !items
                        .get(k + 1)
                        .is_some_and(|q| q.is_word() && lex.is_role_head(&q.lower))
                    {
                        break;
                    }
                } else if !lex.is_role_modifier(l) {
                    break;
                }
                k += 1;
            }
            let name_follows = head.and_then(|h| items.get(h + 1)).is_some_and(|q| {
                q.is_word() && q.gap.joins() && text::is_name_shaped(&doc.text[q.start..q.end])
            });
            if let Some(h) = head.filter(|_| !next.possessive && !name_follows) {
                // The person last named who may be the state's and whose role, if the text
                // gave one, is this one ("the Japanese prime minister": not the opposition
                // leader named after the prime minister).
                let head_word = items[h].lower.as_str();
                let fits_role = |p: usize| {
                    drafts[p].role.as_deref().map(|r| {
                        r.to_lowercase()
                            .rsplit([' ', '-'])
                            .next()
                            .is_some_and(|last| last == head_word)
                    })
                };
                let may_be = |p: usize| drafts[p].affiliation.is_none_or(|a| a == state);
                let person = recent_people
                    .iter()
                    .copied()
                    .find(|&p| may_be(p) && fits_role(p) == Some(true))
                    .or_else(|| {
                        recent_people
                            .iter()
                            .copied()
                            .find(|&p| may_be(p) && fits_role(p).is_none())
                    });
                if let Some(p) = person {
                    let role = collapse(&doc.text[items[i + 2].start..items[h].end]);
                    let dr = &mut drafts[p];
                    if dr.affiliation.is_none() {
                        dr.affiliation = Some(state);
                        if dr.role.is_none() {
                            dr.role = Some(role);
                        }
                    }
                    add_reference(drafts, p, the.start, items[h].end);
                    // The demonym is now part of the reference.
                    let ms = &mut drafts[state].mentions;
                    let at = ms.partition_point(|m| m.span.start < next.start);
                    if let Some(m) = ms.get_mut(at).filter(|m| m.span.start == next.start) {
                        m.used = Use::Absorbed;
                    }
                    for t in taken.iter_mut().take(h + 1).skip(i) {
                        *t = Some(p);
                    }
                    i = h + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
}

fn add_reference(drafts: &mut [Draft], d: usize, start: usize, end: usize) {
    let ms = &mut drafts[d].mentions;
    let at = ms.partition_point(|m| m.span.start < start);
    ms.insert(at, Mention::plain(Span { start, end }, None));
}

/// The found actors from the drafts: mentions kept by how they count, states named only by
/// a capital used as a place left out, ids made unique, sorted by first mention.
fn assemble(text: &str, reg: Registry, gaz: &gazetteer::Gazetteer) -> Vec<FoundActor> {
    let Registry { drafts, .. } = reg;
    let mut kept: Vec<(usize, Vec<&Mention>)> = Vec::new();
    for (d, draft) in drafts.iter().enumerate() {
        let plain: Vec<&Mention> = draft
            .mentions
            .iter()
            .filter(|m| m.used == Use::Plain)
            .collect();
        let mut ms = if plain.is_empty() {
            draft
                .mentions
                .iter()
                .filter(|m| m.used == Use::TitleDemonym)
                .take(1)
                .collect()
        } else {
            plain
        };
        if ms.is_empty() {
            continue;
        }
        // A state named only by its capital, never as a government ("a visit to Ottawa").
        if draft.kind == ActorKind::State
            && ms.iter().all(|m| m.class == Some(Class::Capital))
            && !ms.iter().any(|m| m.governs)
        {
            continue;
        }
        ms.sort_by_key(|m| (m.span.start, m.span.end));
        ms.dedup_by_key(|m| m.span.start);
        kept.push((d, ms));
    }
    kept.sort_by_key(|(d, ms)| (ms[0].span.start, *d));

    let kept_ids: HashMap<usize, usize> =
        kept.iter().enumerate().map(|(k, (d, _))| (*d, k)).collect();
    // People who share a surname go by their full names ("kim-jong-un", "kim-yo-jong").
    let mut people_per_id: HashMap<&str, usize> = HashMap::new();
    for (d, _) in &kept {
        if drafts[*d].kind == ActorKind::Person {
            *people_per_id.entry(drafts[*d].id.as_str()).or_default() += 1;
        }
    }
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut ids: Vec<String> = Vec::new();
    for (d, _) in &kept {
        let draft = &drafts[*d];
        let shared = draft.kind == ActorKind::Person
            && people_per_id.get(draft.id.as_str()).is_some_and(|&n| n > 1);
        let base = if shared {
            text::slug(&draft.name)
        } else {
            draft.id.clone()
        };
        let mut id = base.clone();
        let mut n = 2;
        while used_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used_ids.insert(id.clone());
        ids.push(id);
    }
    let gaz_draft: HashMap<&str, usize> = kept
        .iter()
        .filter_map(|(d, _)| {
            drafts[*d]
                .gazetteer
                .map(|a| (gaz.actors[a].id.as_str(), *d))
        })
        .collect();

    let mut out = Vec::with_capacity(kept.len());
    for (k, (d, ms)) in kept.iter().enumerate() {
        let draft = &drafts[*d];
        let mut aliases: Vec<String> = Vec::new();
        for m in ms {
            let surface = collapse(&text[m.span.start..m.span.end]);
            if surface != draft.name && !aliases.contains(&surface) {
                aliases.push(surface);
            }
        }
        let best = ms.iter().filter_map(|m| m.class).min();
        let (confidence, pattern) = match (draft.gazetteer, best) {
            (Some(a), Some(best)) => (
                best.confidence(),
                format!("gazetteer: {} ({})", gaz.actors[a].list, best.label()),
            ),
            _ => (draft.confidence, draft.pattern.clone()),
        };
        let affiliation = draft
            .affiliation
            .or_else(|| {
                let a = draft.gazetteer?;
                let owner = gaz.actors[a].belongs_to.as_deref()?;
                gaz_draft.get(owner).copied()
            })
            .filter(|a| a != d)
            .and_then(|a| kept_ids.get(&a))
            .map(|&j| ids[j].clone());
        out.push(FoundActor {
            id: ids[k].clone(),
            name: draft.name.clone(),
            kind: draft.kind,
            role: draft.role.clone(),
            affiliation,
            aliases,
            mentions: ms.iter().map(|m| m.span).collect(),
            confidence,
            pattern,
        });
    }
    out
}
