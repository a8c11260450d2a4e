//! Organisations and media by pattern: a capitalised name with an organisation's head word
//! ("Sejong Institute", "Ministry of Foreign Affairs", "Japanese Ministry of Foreign Affairs",
//! "Korea Herald"); a state's possessive or demonym and a head in lower case ("South Korea’s
//! foreign ministry", "the North Korean foreign ministry"), which for "news agency" is the
//! state's official agency when the gazetteer knows it ("North Korea’s official news agency").

use super::gazetteer::{Class, Gazetteer};
use super::lexicon::Lexicon;
use super::text::{starts_upper, Item, Kind};
use crate::ActorKind;

/// What the gazetteer says of a matched span.
#[derive(Clone, Copy, Debug)]
pub(super) struct SpanInfo {
    /// The gazetteer's actor (`None`: a place).
    pub(super) actor: Option<usize>,
    pub(super) class: Class,
    pub(super) kind: Option<ActorKind>,
}

#[derive(Clone, Debug)]
pub(super) enum Target {
    /// An actor of the gazetteer (a state's official news agency).
    Gazetteer(usize),
    /// A new actor, named by the words.
    New,
}

#[derive(Clone, Debug)]
pub(super) struct PatMatch {
    /// Items `item0..item1`.
    pub(super) item0: usize,
    pub(super) item1: usize,
    pub(super) kind: ActorKind,
    pub(super) name: String,
    /// The gazetteer actor (a state, or an organisation) the name holds: its affiliation.
    pub(super) owner: Option<usize>,
    pub(super) target: Target,
    /// The head word in lower case ("ministry"), for "the ministry".
    pub(super) head: String,
    pub(super) pattern: &'static str,
    pub(super) confidence: f32,
}

/// Whitespace runs as one space.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn find(
    text: &str,
    items: &[Item],
    info: &dyn Fn(usize) -> SpanInfo,
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> Vec<PatMatch> {
    let mut out = capitalised(text, items, info, lex);
    let lower = lower_case(text, items, info, lex, gaz, &out);
    out.extend(lower);
    out.sort_by_key(|m| m.item0);
    out
}

fn word<'t>(text: &'t str, item: &Item) -> &'t str {
    &text[item.start..item.end]
}

/// A capitalised word that may be part of an organisation's name.
fn name_word(text: &str, item: &Item, lex: &Lexicon) -> bool {
    item.is_word()
        && starts_upper(word(text, item))
        && !lex.is_stopword(&item.lower)
        && !lex.is_calendar(&item.lower)
        && !lex.is_role_head(&item.lower)
        && !lex.is_honorific(&item.lower)
}

/// "Sejong Institute", "Ministry of Foreign Affairs", "Korea Institute for Defense Analyses".
fn capitalised(
    text: &str,
    items: &[Item],
    info: &dyn Fn(usize) -> SpanInfo,
    lex: &Lexicon,
) -> Vec<PatMatch> {
    let n = items.len();
    let mut out = Vec::new();
    let mut last_end = 0;
    for i in 0..n {
        let it = &items[i];
        if i < last_end || !it.is_word() || !starts_upper(word(text, it)) {
            continue;
        }
        let org = lex.is_org_head(&it.lower);
        let media = lex.is_media_head(&it.lower);
        if !org && !media {
            continue;
        }
        // The words before the head.
        let mut s = i;
        while s > last_end && i - s < 6 && items[s].gap.joins() {
            let p = &items[s - 1];
            let takes = match p.kind {
                Kind::Word => name_word(text, p, lex),
                Kind::Span(_) => true,
                Kind::Punct(_) => false,
            };
            if !takes {
                break;
            }
            s -= 1;
            if p.possessive {
                if p.is_word() {
                    s += 1;
                }
                break;
            }
        }
        // The complement: "of Foreign Affairs", "for Defense Analyses".
        let mut e = i + 1;
        let opens = items.get(e).is_some_and(|q| {
            q.gap.joins() && matches!(word(text, q), "of" | "for" | "on") && !it.possessive
        });
        if opens {
            let mut k = e + 1;
            let mut last = None;
            let mut stopped_at_role = false;
            while k < n && items[k].gap.joins() && k - e < 10 {
                let q = &items[k];
                let w = word(text, q);
                match q.kind {
                    Kind::Word if lex.is_role_head(&q.lower) && starts_upper(w) => {
                        stopped_at_role = true;
                        break;
                    }
                    Kind::Word if name_word(text, q, lex) => last = Some(k),
                    Kind::Word if matches!(w, "and" | "the" | "of" | "for" | "on") => {}
                    Kind::Span(_) => last = Some(k),
                    Kind::Punct('&') => {}
                    _ => break,
                }
                if q.possessive {
                    break;
                }
                k += 1;
            }
            if let Some(mut l) = last {
                // "… Affairs Assistant Minister": the modifiers belong to the role after.
                if stopped_at_role {
                    while l > e + 1 && l + 1 == k && lex.is_role_modifier(&items[l].lower) {
                        l -= 1;
                        k -= 1;
                    }
                }
                if l > e {
                    e = l + 1;
                }
            }
        }
        if s == i && e == i + 1 {
            continue;
        }
        let is_news_agency = it.lower == "agency" && s < i && items[i - 1].is_word_ci("news");
        let kind = if (media && s < i) || is_news_agency {
            ActorKind::Media
        } else if org {
            ActorKind::Organisation
        } else {
            continue;
        };
        let owner = (s..e).find_map(|k| {
            let sp = items[k].span()?;
            let si = info(sp);
            matches!(si.kind, Some(ActorKind::State | ActorKind::Organisation))
                .then_some(si.actor)
                .flatten()
        });
        out.push(PatMatch {
            item0: s,
            item1: e,
            kind,
            name: collapse(&text[items[s].start..items[e - 1].end]),
            owner,
            target: Target::New,
            head: it.lower.clone(),
            pattern: if e > i + 1 {
                "organisation: head + of/for + name (\"Ministry of X\")"
            } else if kind == ActorKind::Media {
                "media: name + paper or broadcaster word (\"X Times\")"
            } else {
                "organisation: name + head (\"X Institute\", \"X Ministry\")"
            },
            confidence: 0.75,
        });
        last_end = e;
    }
    out
}

/// "South Korea’s foreign ministry", "the North Korean foreign ministry", "North Korea’s
/// official news agency".
fn lower_case(
    text: &str,
    items: &[Item],
    info: &dyn Fn(usize) -> SpanInfo,
    lex: &Lexicon,
    gaz: &Gazetteer,
    taken: &[PatMatch],
) -> Vec<PatMatch> {
    let n = items.len();
    let mut out = Vec::new();
    let mut t = 0;
    let mut i = 0;
    while i < n {
        while t < taken.len() && taken[t].item1 <= i {
            t += 1;
        }
        if taken.get(t).is_some_and(|m| m.item0 <= i) {
            i += 1;
            continue;
        }
        let Some(sp) = items[i].span() else {
            i += 1;
            continue;
        };
        let si = info(sp);
        let state = si.kind == Some(ActorKind::State);
        let after_the = i > 0 && matches!(word(text, &items[i - 1]), "the" | "The");
        let demonym = si.class == Class::Demonym && !items[i].possessive && after_the;
        if !state || !(items[i].possessive || demonym) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        let mut head = None;
        while k < n && k - i <= 4 && items[k].gap.joins() {
            let q = &items[k];
            let w = word(text, q);
            if !q.is_word() || !w.chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
            if lex.is_lower_org_head(w) {
                head = Some(k);
                break;
            }
            if lex.is_not_modifier(w) || lex.is_stopword(w) || q.possessive {
                break;
            }
            k += 1;
        }
        let overlaps_next = |end: usize| taken.get(t).is_some_and(|m| m.item0 < end);
        let Some(h) = head.filter(|&h| !overlaps_next(h + 1)) else {
            i += 1;
            continue;
        };
        let head_word = items[h].lower.clone();
        let news_agency = head_word == "agency" && items[h - 1].is_word_ci("news");
        let media = news_agency || matches!(head_word.as_str(), "broadcaster" | "newspaper");
        let state_id = si.actor.map(|a| gaz.actors[a].id.as_str());
        // "the Russian state-run news agency RIA", "Pyongyang’s official newspaper Rodong
        // Sinmun": the name that follows; else the state's agency in the gazetteer.
        let named_after = items
            .get(h + 1)
            .filter(|q| q.gap.joins())
            .and_then(|q| q.span())
            .map(info)
            .filter(|si| si.kind == Some(ActorKind::Media))
            .and_then(|si| si.actor);
        let agency = if media && named_after.is_some() {
            named_after
        } else {
            news_agency
                .then(|| {
                    gaz.actors.iter().position(|a| {
                        a.kind == ActorKind::Media && a.belongs_to.as_deref() == state_id
                    })
                })
                .flatten()
        };
        let name = collapse(&text[items[i].start..items[h].end]);
        out.push(PatMatch {
            item0: i,
            item1: h + 1,
            kind: if media {
                ActorKind::Media
            } else {
                ActorKind::Organisation
            },
            name,
            owner: si.actor,
            target: agency.map_or(Target::New, Target::Gazetteer),
            head: head_word,
            pattern: if named_after.is_some() && media {
                "media: a state's news agency or paper + its name"
            } else if agency.is_some() {
                "media: a state's official news agency (gazetteer)"
            } else if media {
                "media: a state's possessive + news agency or broadcaster"
            } else {
                "organisation: a state's possessive or demonym + ministry, agency…"
            },
            confidence: if agency.is_some() { 0.8 } else { 0.7 },
        });
        i = h + 1;
    }
    out
}
