//! Who said each passage: the attribution patterns of news writing, read over a sentence's
//! tokens, and the speaker they name resolved to the actors (a mention, a pronoun, a
//! description).

use super::scan::{Passage, Sentence};
use super::tokens::{tokenize, Kind, Mentions, Tok};
use super::words::{self, HeadClass, Pronoun, VerbForm};
use crate::{ActorKind, Confidence, FoundActor, FoundQuote, Span};

pub(super) struct Ctx<'a> {
    pub text: &'a str,
    pub actors: &'a [FoundActor],
    pub passages: &'a [Passage],
    pub mentions: &'a Mentions,
    /// What descriptions are compared with, for each actor.
    profiles: Vec<Profile>,
}

/// An actor's names, role and places, lowercase, computed once.
struct Profile {
    /// Its name, aliases and role.
    names: Vec<String>,
    role: String,
    /// The names of the states it is of: itself (a state), its affiliation, the states its
    /// role names.
    places: Vec<String>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        text: &'a str,
        actors: &'a [FoundActor],
        passages: &'a [Passage],
        mentions: &'a Mentions,
    ) -> Ctx<'a> {
        let own = |a: &FoundActor| -> Vec<String> {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(|n| n.to_lowercase())
                .collect()
        };
        let own_names: Vec<Vec<String>> = actors.iter().map(own).collect();
        let states: Vec<usize> = (0..actors.len())
            .filter(|&i| actors[i].kind == ActorKind::State)
            .collect();
        let profiles = actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let role = a.role.as_deref().unwrap_or_default().to_lowercase();
                let mut names = own_names[i].clone();
                if !role.is_empty() {
                    names.push(role.clone());
                }
                let mut places = own_names[i].clone();
                if let Some(j) = a
                    .affiliation
                    .as_ref()
                    .and_then(|id| actors.iter().position(|b| &b.id == id))
                {
                    places.extend(own_names[j].iter().cloned());
                }
                // Its affiliation's id ("north-korea"), and the ends of its role ("leader
                // of north korea": "north korea", "korea"), for the states not among the
                // actors.
                places.extend(a.affiliation.as_ref().map(|id| id.replace('-', " ")));
                let starts = role
                    .char_indices()
                    .filter(|&(j, _)| j > 0 && role[..j].ends_with(' '));
                places.extend(starts.map(|(j, _)| role[j..].to_string()));
                for &s in &states {
                    if own_names[s].iter().any(|n| contains_word(&role, n)) {
                        places.extend(own_names[s].iter().cloned());
                    }
                }
                Profile {
                    names,
                    role,
                    places,
                }
            })
            .collect();
        Ctx {
            text,
            actors,
            passages,
            mentions,
            profiles,
        }
    }
}

/// A noun phrase that may name a speaker.
#[derive(Clone, Debug)]
enum Np {
    /// A mention of an actor.
    Actor(usize),
    /// "he", "it", "they", where it stands.
    Pronoun(Pronoun, String, usize),
    Desc(Desc),
}

/// A description: "the ministry", "the Russian president", "Japan’s foreign ministry", "the
/// three governments".
#[derive(Clone, Debug)]
struct Desc {
    class: HeadClass,
    head: &'static str,
    plural: bool,
    count: Option<usize>,
    demonym: Option<String>,
    /// "Japan’s foreign ministry", "Nato secretary-general": the actor it belongs to.
    possessor: Option<usize>,
    /// "a foreign ministry spokesman": the organisation head among its words.
    org_word: Option<&'static str>,
    at: usize,
    /// Its words in the text.
    span: Span,
}

/// What resolving remembers as it reads on.
#[derive(Default)]
struct Memory {
    /// The speakers of the last attribution that named several ("X and Y said"): "they".
    last_group: Option<Vec<usize>>,
    /// Each description's head and whom it was last resolved to ("South Korea’s foreign
    /// ministry" … "the ministry").
    described: Vec<(&'static str, usize)>,
    /// For each demonym met ("russian"), whether it fits each actor.
    demonyms: Vec<(String, Vec<bool>)>,
}

/// Who an attribution names.
#[derive(Clone, Debug, Default)]
struct Who {
    speakers: Vec<usize>,
    confidence: Confidence,
    /// How a pronoun or a description was resolved.
    note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// "X said", subject before the verb.
    Before,
    /// "said X".
    After,
    According,
    /// "X …, saying": the speaker is the clause's subject.
    Participle,
    /// "X, an analyst at Y, said".
    Appositive,
    /// "X said … and warned".
    Coordinated,
    /// "X released the text, which included …".
    Document,
    /// "X was quoted as saying".
    QuotedAs,
    /// A verb whose subject is not an actor: the nearest actor before it.
    Fallback,
    /// A verb whose subject is no actor and has none near it ("“…,” said one official"): the
    /// passage has a speaker, but not one of the actors.
    Unnamed,
}

impl Form {
    fn cap(self) -> Confidence {
        match self {
            Form::Before | Form::After | Form::Appositive => 0.9,
            Form::According | Form::Participle | Form::Coordinated | Form::QuotedAs => 0.85,
            Form::Document => 0.8,
            Form::Fallback => 0.3,
            Form::Unnamed => 0.0,
        }
    }
}

struct Attr {
    verb: usize,
    /// The first token of the attribution (its subject when the subject comes first).
    first: usize,
    who: Who,
    form: Form,
    verb_word: String,
    /// "called", "described": the quoted words name something.
    naming: bool,
    /// "which X called": a relative clause.
    which: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    /// “…,” X said
    Trailing,
    /// X said … “…”
    Preceding,
    /// “…” … X said, later in the sentence
    Following,
}

/// A speaker found for a passage.
#[derive(Clone, Debug)]
struct Found {
    who: Who,
    pattern: String,
}

#[derive(Default)]
struct Summary {
    starts_with_quote: bool,
    /// The last attribution with a speaker.
    last_attr: Option<Found>,
    /// The first and last passages given a speaker by the sentence's own patterns.
    first_own: Option<Found>,
    last_own: Option<Found>,
    /// What a following sentence that starts with a quotation mark continues.
    carry: Option<Found>,
}

pub(super) fn attribute(ctx: &Ctx, sentences: &[Sentence]) -> Vec<FoundQuote> {
    let mut found: Vec<Option<Found>> = vec![None; ctx.passages.len()];
    let mut summaries: Vec<Summary> = Vec::with_capacity(sentences.len());
    let mut memory = Memory::default();
    for sentence in sentences {
        let toks = tokenize(ctx.text, sentence, ctx.passages, ctx.mentions);
        let attrs = attributions(ctx, &toks, &mut memory);
        let mut summary = Summary {
            // (after any Markdown before it: "> “…”", "- “…”")
            starts_with_quote: toks
                .iter()
                .find(|t| !matches!(t.kind, Kind::Punct(_)))
                .is_some_and(|t| matches!(t.kind, Kind::Quote(_))),
            last_attr: attrs
                .iter()
                .rev()
                .find(|a| !a.who.speakers.is_empty())
                .map(|a| Found {
                    who: a.who.clone(),
                    pattern: pattern(a, Rel::Preceding, &toks, usize::MAX),
                }),
            ..Summary::default()
        };
        for (qi, t) in toks.iter().enumerate() {
            let Kind::Quote(p) = t.kind else {
                continue;
            };
            if let Some((a, rel)) = assign(&attrs, &toks, qi) {
                let mut who = a.who.clone();
                if rel == Rel::Following {
                    who.confidence = who.confidence.min(0.6);
                }
                let f = Found {
                    pattern: pattern(a, rel, &toks, qi),
                    who,
                };
                if !f.who.speakers.is_empty() {
                    if summary.first_own.is_none() {
                        summary.first_own = Some(f.clone());
                    }
                    summary.last_own = Some(f.clone());
                }
                found[p] = Some(f);
            }
        }
        summaries.push(summary);
    }
    // Passages whose own sentence names nobody: a sentence that opens with a quotation mark
    // continues the quote before; otherwise the speaker quoted in an adjacent sentence.
    for (s, sentence) in sentences.iter().enumerate() {
        for p in sentence.passages.clone() {
            if found[p]
                .as_ref()
                .is_some_and(|f| !f.who.speakers.is_empty())
            {
                continue;
            }
            let borrowed = if summaries[s].starts_with_quote && found[p].is_none() {
                s.checked_sub(1)
                    .and_then(|b| summaries[b].carry.clone())
                    .map(|f| Found {
                        pattern: format!("continues the quote before ({})", f.pattern),
                        who: Who {
                            confidence: f.who.confidence.min(0.75),
                            ..f.who
                        },
                    })
            } else if found[p].is_none() {
                let before = s.checked_sub(1).and_then(|b| summaries[b].last_own.clone());
                let after = || summaries.get(s + 1).and_then(|n| n.first_own.clone());
                before.or_else(after).map(|f| Found {
                    pattern: format!("adjacent sentence's speaker ({})", f.pattern),
                    who: Who {
                        confidence: f.who.confidence.min(0.35),
                        ..f.who
                    },
                })
            } else {
                None
            };
            if borrowed.is_some() {
                found[p] = borrowed;
            }
        }
        let last = sentence
            .passages
            .clone()
            .rev()
            .find_map(|p| found[p].clone().filter(|f| !f.who.speakers.is_empty()));
        summaries[s].carry = last.or_else(|| summaries[s].last_attr.clone());
    }
    ctx.passages
        .iter()
        .zip(found)
        .map(|(p, f)| {
            let (speakers, confidence, pattern) = match f {
                Some(f) if !f.who.speakers.is_empty() => {
                    let mut ids: Vec<String> = Vec::new();
                    for &a in &f.who.speakers {
                        let id = &ctx.actors[a].id;
                        if !ids.contains(id) {
                            ids.push(id.clone());
                        }
                    }
                    (ids, f.who.confidence, f.pattern)
                }
                Some(f) => (
                    Vec::new(),
                    0.0,
                    format!("no attribution found ({})", f.pattern),
                ),
                None => (Vec::new(), 0.0, "no attribution found".to_string()),
            };
            FoundQuote {
                words: p.words,
                text: p.words.of(ctx.text).to_string(),
                speakers,
                confidence,
                pattern,
                title: false,
            }
        })
        .collect()
}

/// The attribution a passage (the token `qi`) belongs to: the one right after it (“…,” X
/// said), else the nearest before it (X said … “…”), else one later in the sentence.
fn assign<'a>(attrs: &'a [Attr], toks: &[Tok], qi: usize) -> Option<(&'a Attr, Rel)> {
    let next = attrs.partition_point(|a| a.verb < qi);
    let before = next.checked_sub(1).and_then(|i| attrs.get(i));
    if let Some(a) = attrs.get(next) {
        // "Putin called the pact “…”, according to KCNA" / ", NPR reports": a source cited
        // after the words of a speaker already named.
        let cites = a.form == Form::According
            || matches!(a.verb_word.to_lowercase().as_str(), "reports" | "reported");
        if a.first > qi
            && !(cites && before.is_some_and(|b| !b.who.speakers.is_empty()))
            && toks[qi + 1..a.first]
                .iter()
                .all(|t| t.is_punct(&[',', '—', '–', '-', ':']))
        {
            return Some((a, Rel::Trailing));
        }
    }
    if let Some(a) = before {
        return Some((a, Rel::Preceding));
    }
    attrs.get(next).map(|a| (a, Rel::Following))
}

fn pattern(a: &Attr, rel: Rel, toks: &[Tok], qi: usize) -> String {
    let v = &a.verb_word;
    let base = match a.form {
        Form::According => "according to X".to_string(),
        Form::Participle => format!("X …, {v} “…”"),
        Form::Appositive => format!("X, who …, {v}"),
        Form::Fallback => format!("nearest actor before “{v}” (fallback)"),
        Form::Unnamed => format!("“{v}” with a speaker that is not among the actors"),
        Form::QuotedAs if rel == Rel::Trailing => format!("“…,” X was quoted as {v}"),
        Form::QuotedAs => format!("X was quoted as {v} “…”"),
        Form::After if rel == Rel::Trailing => format!("“…,” {v} X"),
        Form::After => format!("{v} X"),
        Form::Before | Form::Coordinated | Form::Document => match rel {
            Rel::Trailing => format!("“…,” X {v}"),
            Rel::Following => format!("“…” … X {v}"),
            Rel::Preceding => {
                let lead = if a.form == Form::Coordinated {
                    "X … and "
                } else {
                    "X "
                };
                let next = toks.get(a.verb + 1);
                if a.naming && a.which {
                    format!("which X {v} “…”")
                } else if a.naming {
                    format!("X {v} it “…”")
                } else if next.is_some_and(|t| t.is_punct(&[':'])) {
                    format!("{lead}{v}: “…”")
                } else if a.verb + 1 == qi {
                    format!("{lead}{v} “…”")
                } else if next.is_some_and(|t| t.is_word("that")) {
                    format!("{lead}{v} that … “…”")
                } else {
                    format!("{lead}{v} … “…”")
                }
            }
        },
    };
    match &a.who.note {
        Some(note) => format!("{base}; {note}"),
        None => base,
    }
}

/// The speaker inherited by a participle or a second verb ("X said …, adding", "X said … and
/// warned"): the last attribution's, else the sentence's subject.
fn inherited(
    ctx: &Ctx,
    toks: &[Tok],
    v: usize,
    named: Option<&Who>,
    leading: &mut Option<Option<Who>>,
    memory: &mut Memory,
) -> Option<Who> {
    if let Some(who) = named {
        return Some(who.clone());
    }
    leading
        .get_or_insert_with(|| leading_np(toks, 0, v).map(|nps| resolve_all(ctx, &nps, memory)))
        .clone()
}

/// Every attribution in a sentence, in order of their verbs.
fn attributions(ctx: &Ctx, toks: &[Tok], memory: &mut Memory) -> Vec<Attr> {
    let mut out: Vec<Attr> = Vec::new();
    let mut leading: Option<Option<Who>> = None;
    // The last attribution that names someone.
    let mut named: Option<Who> = None;
    for v in 0..toks.len() {
        let Some(w) = toks[v].word() else {
            continue;
        };
        let Some((form, first, who, which)) =
            attribution_at(ctx, toks, v, w, named.as_ref(), &mut leading, memory)
        else {
            continue;
        };
        let confidence = who.confidence.min(form.cap());
        if who.speakers.len() > 1 {
            memory.last_group = Some(who.speakers.clone());
        }
        out.push(Attr {
            verb: v,
            first,
            who: Who { confidence, ..who },
            form,
            verb_word: toks[v].span.of(ctx.text).to_string(),
            naming: words::is_naming_verb(w),
            which,
        });
        if let Some(a) = out.last().filter(|a| !a.who.speakers.is_empty()) {
            named = Some(a.who.clone());
        }
    }
    out
}

/// The attribution whose verb (or "according to") is the token `v`, if it is one: its form,
/// its first token, who it names, and whether it is a relative clause ("which X called").
fn attribution_at(
    ctx: &Ctx,
    toks: &[Tok],
    v: usize,
    w: &str,
    named: Option<&Who>,
    leading: &mut Option<Option<Who>>,
    memory: &mut Memory,
) -> Option<(Form, usize, Who, bool)> {
    if w == "according" && toks.get(v + 1).is_some_and(|t| t.is_word("to")) {
        for k in v + 2..(v + 7).min(toks.len()) {
            if matches!(toks[k].kind, Kind::Quote(_)) || toks[k].is_punct(&['.', ';', ',']) {
                return None;
            }
            if let Some((nps, _)) = np_after(toks, k) {
                return Some((Form::According, v, resolve_all(ctx, &nps, memory), false));
            }
        }
        return None;
    }
    let form = words::speech_verb(w)?;
    if let Some(b) = v.checked_sub(1).map(|b| &toks[b]) {
        let noun = b.kind == Kind::Poss || b.word().is_some_and(words::is_determiner);
        let passive = b
            .word()
            .is_some_and(|b| matches!(b, "was" | "were" | "is" | "are" | "be" | "been" | "being"));
        if noun || passive {
            return None;
        }
    }
    let before = np_before(toks, v);
    if form == VerbForm::Participle {
        // "with X saying"
        if let Some((nps, s)) = before.filter(|(_, s)| *s > 0 && toks[s - 1].is_word("with")) {
            return Some((Form::Before, s, resolve_all(ctx, &nps, memory), false));
        }
        // "X was quoted as saying"
        let quoted = v >= 2
            && toks[v - 1].is_word("as")
            && toks[v - 2]
                .word()
                .is_some_and(|w| matches!(w, "quoted" | "cited"));
        if quoted {
            let mut j = v - 2;
            while j > 0
                && toks[j - 1]
                    .word()
                    .is_some_and(|w| matches!(w, "was" | "is" | "been" | "has" | "had" | "were"))
            {
                j -= 1;
            }
            if let Some((nps, s)) = np_before(toks, j) {
                return Some((Form::QuotedAs, s, resolve_all(ctx, &nps, memory), false));
            }
        }
        let who = inherited(ctx, toks, v, named, leading, memory)?;
        return Some((Form::Participle, v, who, false));
    }
    if let Some((nps, s)) = before {
        let which = s > 0
            && toks[s - 1]
                .word()
                .is_some_and(|w| matches!(w, "which" | "what" | "that" | "whom"));
        let form = if form == VerbForm::Document {
            Form::Document
        } else {
            Form::Before
        };
        return Some((form, s, resolve_all(ctx, &nps, memory), which));
    }
    if form == VerbForm::NounLike {
        return None;
    }
    let prev = (0..v)
        .rev()
        .find(|&i| !toks[i].word().is_some_and(words::is_skippable) || toks[i].cap);
    let opens = prev.is_none_or(|i| {
        matches!(toks[i].kind, Kind::Quote(_)) || toks[i].is_punct(&[',', ':', ';', '—', '–'])
    });
    if opens {
        let after = np_after(toks, v + 1).filter(|(_, e)| clause_ends(toks, *e));
        if let Some((nps, _)) = after {
            return Some((Form::After, v, resolve_all(ctx, &nps, memory), false));
        }
    }
    if let Some(i) = prev.filter(|&i| toks[i].is_punct(&[','])) {
        // "X, an analyst at Y, said": the subject opens the clause.
        // The clause's start: after a passage or a semicolon, within a bounded look back.
        let window = i.saturating_sub(40);
        let from = (window..i)
            .rev()
            .find(|&k| matches!(toks[k].kind, Kind::Quote(_)) || toks[k].is_punct(&[';']))
            .map(|k| k + 1)
            .or((window == 0).then_some(0));
        if let Some(nps) = from.and_then(|from| leading_np(toks, from, i)) {
            return Some((Form::Appositive, v, resolve_all(ctx, &nps, memory), false));
        }
    }
    let coordinated = prev.is_some_and(|i| {
        toks[i]
            .word()
            .is_some_and(|w| matches!(w, "and" | "but" | "or" | "then"))
    });
    if coordinated {
        let who = inherited(ctx, toks, v, named, leading, memory)?;
        return Some((Form::Coordinated, v, who, false));
    }
    let near = (v.saturating_sub(60)..v)
        .rev()
        .find_map(|i| match toks[i].kind {
            Kind::Mention(a) => Some(a),
            _ => None,
        });
    match near {
        Some(a) if words::is_core_verb(w) => {
            let who = Who {
                speakers: vec![a],
                confidence: 0.3,
                note: None,
            };
            Some((Form::Fallback, v, who, false))
        }
        _ => Some((Form::Unnamed, v, Who::default(), false)),
    }
}

/// Whether a speaker named after the verb ends at token `e` ("said Putin on Wednesday", "said
/// Easley, a professor"), unlike the start of a clause ("said North Korea had provided").
fn clause_ends(toks: &[Tok], e: usize) -> bool {
    match toks.get(e) {
        None => true,
        Some(t) => {
            t.is_punct(&[',', '.', ';', ':', '!', '?', ')', '—', '–'])
                || t.word().is_some_and(words::ends_inverted_subject)
        }
    }
}

/// The speaker right before the verb at `v` (auxiliaries, adverbs and times skipped: "Kim has
/// called", "Putin on Wednesday said"), with any others joined to it ("X and Y said"); and
/// the first token of them.
fn np_before(toks: &[Tok], v: usize) -> Option<(Vec<Np>, usize)> {
    let mut end = v;
    for _ in 0..6 {
        match end.checked_sub(1).map(|i| &toks[i]) {
            Some(t) if !t.cap && t.word().is_some_and(words::is_skippable) => end -= 1,
            Some(t) if t.cap && t.word().is_some_and(words::is_time_word) => end -= 1,
            _ => break,
        }
    }
    let (np, start) = np_ending_at(toks, end)?;
    let mut nps = vec![np];
    let mut first = start;
    let mut and = false;
    for _ in 0..10 {
        let sep = first
            .checked_sub(1)
            .map(|i| &toks[i])
            .filter(|t| t.is_word("and") || t.is_punct(&[',']));
        let Some(sep) = sep else {
            break;
        };
        match np_ending_at(toks, first - 1) {
            Some((np @ (Np::Actor(_) | Np::Desc(_)), s)) => {
                and |= sep.is_word("and");
                nps.push(np);
                first = s;
            }
            _ => break,
        }
    }
    if and {
        nps.reverse();
        Some((nps, first))
    } else {
        nps.truncate(1);
        Some((nps, start))
    }
}

/// The noun phrase that ends just before token `end`.
fn np_ending_at(toks: &[Tok], end: usize) -> Option<(Np, usize)> {
    let last = end.checked_sub(1)?;
    let t = &toks[last];
    match t.kind {
        Kind::Mention(a) => {
            let start = if last > 0 && toks[last - 1].is_word("the") {
                last - 1
            } else {
                last
            };
            Some((Np::Actor(a), start))
        }
        Kind::Word => {
            if let Some(p) = words::pronoun(&t.lower) {
                return Some((Np::Pronoun(p, t.lower.clone(), t.span.start), last));
            }
            desc_ending_at(toks, last)
        }
        _ => None,
    }
}

/// Words that never belong to a description or a title between two names.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "to"
            | "for"
            | "with"
            | "by"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "in"
            | "on"
            | "at"
            | "from"
            | "as"
            | "is"
            | "was"
            | "has"
            | "had"
            | "have"
            | "be"
            | "been"
            | "the"
            | "a"
            | "an"
            | "it"
            | "he"
            | "she"
            | "they"
            | "its"
            | "their"
            | "his"
            | "her"
            | "not"
            | "also"
            | "will"
            | "would"
            | "after"
            | "before"
    ) || words::speech_verb(w).is_some()
        || words::opens_introduction(w)
}

/// A capitalised word that may be part of a demonym or name before a head ("Russian",
/// "North").
fn is_name_word(t: &Tok) -> bool {
    t.cap
        && t.word().is_some_and(|w| {
            !is_function_word(w) && !words::is_time_word(w) && !words::is_skippable(w)
        })
}

/// A description whose head word is the token `h`, read back to its determiner.
fn desc_ending_at(toks: &[Tok], h: usize) -> Option<(Np, usize)> {
    let (class, head, plural) = words::head(&toks[h].lower)?;
    let mut start = h;
    let mut names: Vec<&str> = Vec::new();
    let mut possessor = None;
    let mut count = None;
    let mut determined = false;
    let mut org_word = None;
    for _ in 0..7 {
        let Some(t) = start.checked_sub(1).map(|i| &toks[i]) else {
            break;
        };
        match t.kind {
            Kind::Word if words::is_determiner(&t.lower) => {
                determined = true;
                start -= 1;
                break;
            }
            Kind::Word if words::count_word(&t.lower).is_some() => {
                count = words::count_word(&t.lower);
                start -= 1;
            }
            Kind::Word if is_name_word(t) && words::head(&t.lower).is_none() => {
                names.insert(0, &t.lower);
                start -= 1;
            }
            Kind::Word if words::is_modifier(&t.lower) => {
                if let Some((HeadClass::Organisation | HeadClass::Government, w, _)) =
                    words::head(&t.lower)
                {
                    org_word = Some(w);
                }
                start -= 1;
            }
            Kind::Poss => {
                if let Some(Kind::Mention(a)) = start.checked_sub(2).map(|i| &toks[i].kind) {
                    possessor = Some(*a);
                    start -= 2;
                    determined = true;
                }
                break;
            }
            Kind::Mention(a) => {
                possessor = Some(a);
                determined = true;
                start -= 1;
            }
            _ => break,
        }
    }
    let determined = determined || count.is_some();
    if !determined && names.is_empty() {
        return None;
    }
    Some((
        Np::Desc(Desc {
            class,
            head,
            plural,
            count,
            demonym: (!names.is_empty()).then(|| names.join(" ")),
            possessor,
            org_word,
            at: toks[start].span.start,
            span: Span {
                start: toks[start].span.start,
                end: toks[h].span.end,
            },
        }),
        start,
    ))
}

/// The speaker named from token `k` on ("said the ministry", "according to Japan’s foreign
/// ministry", "Japan’s chief cabinet secretary Yoshimasa Hayashi"), with any others joined to
/// it ("X and Y"); and the token after them.
fn np_after(toks: &[Tok], k: usize) -> Option<(Vec<Np>, usize)> {
    let (np, mut end) = np_starting_at(toks, k, 0)?;
    let mut nps = vec![np];
    let mut and = false;
    for _ in 0..10 {
        let sep = toks
            .get(end)
            .filter(|t| t.is_word("and") || t.is_punct(&[',']));
        let Some(sep) = sep else {
            break;
        };
        match np_starting_at(toks, end + 1, 0) {
            Some((np @ Np::Actor(_), e)) => {
                and |= sep.is_word("and");
                nps.push(np);
                end = e;
            }
            _ => break,
        }
    }
    Some((joined(nps, and), end))
}

/// Noun phrases one after the other: all of them when joined by "and" ("X, Y and Z");
/// else the first, or the name a description is given in apposition ("North Korea’s state
/// media, KCNA,").
fn joined(mut nps: Vec<Np>, and: bool) -> Vec<Np> {
    if and || nps.len() < 2 {
        return nps;
    }
    if matches!(nps[0], Np::Desc(_)) && matches!(nps[1], Np::Actor(_)) {
        return vec![nps.swap_remove(1)];
    }
    nps.truncate(1);
    nps
}

/// The noun phrase that starts at token `k`, and the token after it. A name after a title
/// is the phrase's head ("Nato secretary-general Jens Stoltenberg", "Japan’s chief cabinet
/// secretary Yoshimasa Hayashi").
fn np_starting_at(toks: &[Tok], k: usize, depth: usize) -> Option<(Np, usize)> {
    let t = toks.get(k)?;
    if depth > 3 {
        return None;
    }
    // A name after title words, if one follows within a few words.
    let hop = |from: usize, any_word: bool| -> Option<usize> {
        for (j, n) in toks.iter().enumerate().skip(from).take(6) {
            match &n.kind {
                Kind::Mention(_) => return Some(j),
                Kind::Word
                    if any_word && !is_function_word(&n.lower)
                        || words::head(&n.lower).is_some()
                        || words::is_modifier(&n.lower)
                        || is_name_word(n) => {}
                _ => return None,
            }
        }
        None
    };
    match t.kind {
        Kind::Mention(a) => {
            if toks.get(k + 1).is_some_and(|n| n.kind == Kind::Poss) {
                if let Some(j) = hop(k + 2, true) {
                    return np_starting_at(toks, j, depth + 1);
                }
                // "Japan’s foreign ministry": a description of Japan's.
                let mut h = None;
                for (j, n) in toks.iter().enumerate().skip(k + 2).take(5) {
                    match n.word() {
                        Some(w) if words::head(w).is_some() => h = Some(j),
                        Some(w) if words::is_modifier(w) || is_name_word(n) => {}
                        _ => break,
                    }
                }
                let h = h?;
                let (np, _) = desc_ending_at(toks, h)?;
                return Some((np, h + 1));
            }
            if let Some(j) = hop(k + 1, false) {
                if j > k + 1 {
                    return np_starting_at(toks, j, depth + 1);
                }
            }
            Some((Np::Actor(a), k + 1))
        }
        Kind::Word => {
            if let Some(p) = words::pronoun(&t.lower) {
                return Some((Np::Pronoun(p, t.lower.clone(), t.span.start), k + 1));
            }
            if t.lower == "the"
                && toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.kind, Kind::Mention(_)))
            {
                return np_starting_at(toks, k + 1, depth + 1);
            }
            let opens = words::is_determiner(&t.lower)
                || words::count_word(&t.lower).is_some()
                || is_name_word(t)
                || words::head(&t.lower).is_some()
                || words::is_modifier(&t.lower);
            if !opens {
                return None;
            }
            // The last head word of the run, then a name after it if any.
            let mut h = None;
            let mut j = k;
            while j < toks.len() && j < k + 7 {
                let n = &toks[j];
                match n.kind {
                    Kind::Mention(_) if h.is_some() || j > k => {
                        return np_starting_at(toks, j, depth + 1);
                    }
                    Kind::Word
                        if j == k
                            || words::head(&n.lower).is_some()
                            || words::is_modifier(&n.lower)
                            || is_name_word(n)
                            || words::count_word(&n.lower).is_some() =>
                    {
                        if words::head(&n.lower).is_some() {
                            h = Some(j);
                        }
                    }
                    _ => break,
                }
                j += 1;
            }
            let h = h?;
            let (np, start) = desc_ending_at(toks, h)?;
            (start == k).then_some((np, h + 1))
        }
        _ => None,
    }
}

/// The subject of the clause from token `from` (before `to`): the first speaker named, after
/// any introduction ("On Thursday, …").
fn leading_np(toks: &[Tok], from: usize, to: usize) -> Option<Vec<Np>> {
    let mut k = from;
    if toks
        .get(k)
        .and_then(Tok::word)
        .is_some_and(words::opens_introduction)
    {
        let comma = (k..(k + 12).min(to)).find(|&i| toks[i].is_punct(&[',']));
        if let Some(c) = comma {
            k = c + 1;
        }
    }
    for i in k..(k + 4).min(to) {
        if matches!(toks[i].kind, Kind::Quote(_)) {
            break;
        }
        if let Some((nps, e)) = np_after(toks, i) {
            // "North Korea’s state media, KCNA, said": the name in apposition.
            if let [Np::Desc(_)] = nps.as_slice() {
                let named = match (toks.get(e), toks.get(e + 1), toks.get(e + 2)) {
                    (Some(c), Some(n), Some(c2)) if c.is_punct(&[',']) && c2.is_punct(&[',']) => {
                        match n.kind {
                            Kind::Mention(a) => Some(a),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if let Some(a) = named {
                    return Some(vec![Np::Actor(a)]);
                }
            }
            return Some(nps);
        }
    }
    None
}

fn resolve_all(ctx: &Ctx, nps: &[Np], memory: &mut Memory) -> Who {
    let mut out = Who {
        speakers: Vec::new(),
        confidence: 1.0,
        note: None,
    };
    let mut notes: Vec<String> = Vec::new();
    for np in nps {
        let who = resolve(ctx, np, memory);
        for a in who.speakers {
            if !out.speakers.contains(&a) {
                out.speakers.push(a);
            }
        }
        out.confidence = out.confidence.min(who.confidence);
        notes.extend(who.note);
    }
    if out.speakers.is_empty() {
        out.confidence = 0.0;
    }
    out.note = (!notes.is_empty()).then(|| notes.join("; "));
    out
}

fn kinds_label(kinds: &[ActorKind]) -> &'static str {
    match kinds {
        [ActorKind::Person] => "person",
        [ActorKind::State] => "state",
        [ActorKind::Organisation] => "organisation",
        [ActorKind::Media] => "news medium",
        _ => "organisation, medium or state",
    }
}

fn resolve(ctx: &Ctx, np: &Np, memory: &mut Memory) -> Who {
    let one = |a: usize, confidence: Confidence, note: String| Who {
        speakers: vec![a],
        confidence,
        note: Some(note),
    };
    let none = |note: String| Who {
        speakers: Vec::new(),
        confidence: 0.0,
        note: Some(note),
    };
    match np {
        Np::Actor(a) => Who {
            speakers: vec![*a],
            confidence: 0.9,
            note: None,
        },
        Np::Pronoun(Pronoun::Group, word, _) => match &memory.last_group {
            Some(group) => Who {
                speakers: group.clone(),
                confidence: 0.6,
                note: Some(format!("pronoun {word} → the last speakers named together")),
            },
            None => none(format!("pronoun {word}: no speakers named together before")),
        },
        Np::Pronoun(p, word, at) => {
            let kinds: &[ActorKind] = if *p == Pronoun::Person {
                &[ActorKind::Person]
            } else {
                &[ActorKind::Organisation, ActorKind::Media, ActorKind::State]
            };
            let label = kinds_label(kinds);
            match ctx.mentions.last_of(kinds, *at) {
                Some(m) => one(
                    ctx.mentions.list[m].1,
                    if *p == Pronoun::Person { 0.7 } else { 0.65 },
                    format!("pronoun {word} → last {label}"),
                ),
                None => none(format!("pronoun {word}: no {label} before")),
            }
        }
        Np::Desc(d) => {
            let who = resolve_desc(ctx, d, memory);
            if let ([a], false) = (who.speakers.as_slice(), d.plural) {
                memory.described.retain(|(h, _)| *h != d.head);
                memory.described.push((d.head, *a));
            }
            who
        }
    }
}

fn contains_word(hay: &str, needle: &str) -> bool {
    !needle.is_empty()
        && hay.match_indices(needle).any(|(i, _)| {
            let before = hay[..i].chars().next_back();
            let after = hay[i + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Whether the demonym ("russian") fits the actor: its own name (a state), its
/// affiliation's, or a country its role names.
fn fits_demonym(profile: &Profile, demonym: &str) -> bool {
    profile.places.iter().any(|n| words::demonym_of(demonym, n))
        || contains_word(&profile.role, demonym)
}

/// Whether the demonym fits each actor, computed once for each demonym.
fn demonym_fits(ctx: &Ctx, memory: &mut Memory, demonym: &str) -> Vec<bool> {
    if let Some((_, fits)) = memory.demonyms.iter().find(|(d, _)| d == demonym) {
        return fits.clone();
    }
    let fits: Vec<bool> = ctx
        .profiles
        .iter()
        .map(|p| fits_demonym(p, demonym))
        .collect();
    memory.demonyms.push((demonym.to_string(), fits.clone()));
    fits
}

fn resolve_desc(ctx: &Ctx, d: &Desc, memory: &mut Memory) -> Who {
    // "a foreign ministry spokesman": the ministry, when no spokesman is known.
    let spokes = d.head.starts_with("spokes");
    let kinds = d.class.kinds();
    let label = d.class.label();
    // Distinct actors of a fitting kind, the most recently mentioned first.
    let recent = |kinds: &[ActorKind]| -> Vec<usize> {
        let i = ctx.mentions.before(d.at);
        let mut out: Vec<usize> = Vec::new();
        for &(_, a) in ctx.mentions.list[..i].iter().rev().take(200) {
            if kinds.contains(&ctx.actors[a].kind) && !out.contains(&a) {
                out.push(a);
                if out.len() >= 12 {
                    break;
                }
            }
        }
        out
    };
    let candidates = recent(kinds);
    let text = d.span.of(ctx.text);
    if d.plural {
        let Some(n) = d.count else {
            return Who {
                speakers: Vec::new(),
                confidence: 0.0,
                note: Some(format!("“{text}”: how many is not said")),
            };
        };
        if candidates.len() < n {
            return Who {
                speakers: Vec::new(),
                confidence: 0.0,
                note: Some(format!("“{text}”: fewer than {n} named before")),
            };
        }
        let mut speakers: Vec<usize> = candidates[..n].to_vec();
        speakers.reverse();
        return Who {
            speakers,
            confidence: 0.6,
            note: Some(format!("“{text}” → the last {n} of kind {label}")),
        };
    }
    let fits = match &d.demonym {
        Some(dem) => demonym_fits(ctx, memory, dem),
        None => Vec::new(),
    };
    let score = |a: usize| -> u32 {
        let actor = &ctx.actors[a];
        let profile = &ctx.profiles[a];
        let names = &profile.names;
        let mut s = 0;
        if names.iter().any(|n| contains_word(n, d.head)) {
            s += 2;
        }
        if fits.get(a).copied().unwrap_or(false) {
            s += 2;
        }
        if let Some(p) = d.possessor {
            let owner = &ctx.actors[p];
            if actor.affiliation.as_deref() == Some(owner.id.as_str())
                || names
                    .iter()
                    .any(|n| contains_word(n, &ctx.profiles[p].names[0]))
            {
                s += 2;
            }
        }
        if d.class == HeadClass::Government && actor.kind == ActorKind::State {
            s += 1;
        }
        s
    };
    let best =
        candidates
            .iter()
            .map(|&a| (score(a), a))
            .fold(None::<(u32, usize)>, |best, (s, a)| match best {
                Some((bs, _)) if bs >= s => best,
                _ => Some((s, a)),
            });
    if let Some((s @ 2.., a)) = best {
        return Who {
            speakers: vec![a],
            confidence: if s >= 4 { 0.8 } else { 0.7 },
            note: Some(format!("“{text}” → last {label} that fits")),
        };
    }
    // The same description resolved before ("South Korea’s foreign ministry" … "the
    // ministry").
    if let Some(&(_, a)) = memory.described.iter().rev().find(|(h, _)| *h == d.head) {
        return Who {
            speakers: vec![a],
            confidence: 0.7,
            note: Some(format!("“{text}” → as the {} before", d.head)),
        };
    }
    // Named later ("North Korea’s official news agency … said the Korean Central News
    // Agency"): the next actor whose name has the head word.
    let i = ctx.mentions.before(d.at);
    let later = ctx.mentions.list[i..].iter().take(200).find(|&&(_, a)| {
        let actor = &ctx.actors[a];
        kinds.contains(&actor.kind)
            && ctx.profiles[a]
                .names
                .iter()
                .any(|n| contains_word(n, d.head))
    });
    if let Some(&(_, a)) = later {
        return Who {
            speakers: vec![a],
            confidence: 0.5,
            note: Some(format!("“{text}” → the next {label} of that name")),
        };
    }
    // "Japan’s foreign ministry", no ministry known: Japan speaks.
    if let Some(p) = d.possessor.filter(|_| d.class != HeadClass::Person) {
        return Who {
            speakers: vec![p],
            confidence: 0.5,
            note: Some(format!("“{text}” → the actor it belongs to")),
        };
    }
    if let Some((_, a)) = best.filter(|_| !spokes) {
        return Who {
            speakers: vec![a],
            confidence: 0.5,
            note: Some(format!("“{text}” → last {label}")),
        };
    }
    // A spokesman speaks for the organisation among his words, or his possessor's.
    if spokes {
        if let Some(org) = &d.org_word {
            let org_desc = Desc {
                class: HeadClass::Organisation,
                head: org,
                plural: false,
                count: None,
                org_word: None,
                ..d.clone()
            };
            let who = resolve_desc(ctx, &org_desc, memory);
            if !who.speakers.is_empty() {
                return who;
            }
        }
        if let Some(p) = d.possessor {
            return Who {
                speakers: vec![p],
                confidence: 0.5,
                note: Some(format!("“{text}” speaks for the actor named before it")),
            };
        }
    }
    Who {
        speakers: Vec::new(),
        confidence: 0.0,
        note: Some(format!("“{text}”: no {label} named before")),
    }
}
