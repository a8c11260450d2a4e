//! People: runs of capitalised words that are names, by the patterns news writing names
//! people with: a title or role before ("Russian President Vladimir Putin", "Japan’s chief
//! cabinet secretary Yoshimasa Hayashi", "ROK Vice Foreign Minister for Strategy and
//! Intelligence Cho Koo-rae"), a role after (", an analyst at the Sejong Institute,"), a
//! verb of saying ("said Leif-Eric Easley", "Stoltenberg said"), or the shape of an East Asian
//! name ("Cho Koo-rae"). A bare capitalised pair counts too, but not at a sentence's start
//! unless the text confirms it elsewhere.

use super::gazetteer::Class;
use super::lexicon::Lexicon;
use super::text::{is_name_shaped, sentence_start, starts_upper, Kind};
use super::{Doc, Draft, Mention, Use};
use crate::{ActorKind, Span};
use std::collections::HashMap;

/// A role as the text states it, and whose role it is.
#[derive(Clone, Debug, Default)]
pub(super) struct Title {
    pub(super) role: Option<String>,
    /// The item naming the state or organisation the role belongs to.
    pub(super) affiliation: Option<usize>,
}

#[derive(Clone, Debug)]
struct Cand {
    words: Vec<usize>,
    name: String,
    /// The name compared: lower case, hyphens as spaces ("Kim Jong-un" is "Kim Jong Un").
    key: String,
    span: Span,
    title: Option<Title>,
    after: Option<Title>,
    speaks: bool,
    shaped: bool,
    sentence_start: bool,
    /// A surname with a title, of a person the text names in full.
    merged: bool,
}

impl Cand {
    fn strength(&self) -> (f32, &'static str) {
        if self.title.is_some() {
            if self.words.len() == 1 && !self.merged {
                (0.85, "title + surname")
            } else {
                (0.9, "title + name")
            }
        } else if self.after.is_some() {
            (0.85, "name + “, a/an role”")
        } else if self.speaks {
            (0.8, "name + verb of saying (or “said” + name)")
        } else if self.shaped {
            (0.7, "capitalised name, family name first")
        } else {
            (0.6, "capitalised name")
        }
    }
    fn confirmed(&self) -> bool {
        self.title.is_some() || self.after.is_some() || self.speaks || self.shaped
    }
}

/// What the people pass leaves for the others.
pub(super) struct People {
    /// Items inside a name of two words or more (found or not): a surname there is no alias.
    pub(super) in_name: Vec<bool>,
    /// Person drafts: surname alias → drafts.
    pub(super) aliases: Vec<(String, usize)>,
}

/// Finds the people; adds their drafts (with the name's mentions) to `drafts` and marks the
/// items their names take in `taken`.
pub(super) fn find(
    doc: &Doc,
    drafts: &mut Vec<Draft>,
    taken: &mut [Option<usize>],
    lex: &Lexicon,
) -> People {
    let items = &doc.items;
    let mut in_name = vec![false; items.len()];
    let mut cands: Vec<Cand> = Vec::new();
    for run in runs(doc, taken, lex) {
        let Some(words) = name_in(doc, &run, lex) else {
            continue;
        };
        if words.len() >= 2 {
            for &w in &words {
                in_name[w] = true;
            }
        }
        let first = words[0];
        let last = *words.last().unwrap_or(&first);
        let title = title_before(doc, drafts, first, lex);
        if words.len() == 1 && title.is_none() {
            continue;
        }
        let after = if items[last].possessive {
            None
        } else {
            title_after(doc, last, lex)
        };
        let name = super::patterns::collapse(&doc.text[items[first].start..items[last].end]);
        cands.push(Cand {
            key: name.to_lowercase().replace('-', " "),
            span: Span {
                start: items[first].start,
                end: items[last].end,
            },
            speaks: speaks(doc, first, last, lex),
            shaped: east_asian(doc, &words, lex),
            sentence_start: sentence_start(items, first, lex),
            merged: false,
            title,
            after,
            name,
            words,
        });
    }

    // Group by name, in order of first appearance.
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (c, cand) in cands.iter().enumerate() {
        groups
            .entry(cand.key.clone())
            .or_insert_with(|| {
                order.push(cand.key.clone());
                Vec::new()
            })
            .push(c);
    }
    let accepted = |g: &[usize]| {
        g.iter()
            .any(|&c| cands[c].confirmed() || !cands[c].sentence_start)
    };
    // Full names first, then the titled surnames, which join a full name ending (or, family
    // name first, starting) with them.
    let mut person_of_group: HashMap<String, usize> = HashMap::new();
    let mut aliases: Vec<(String, usize)> = Vec::new();
    let mut full: Vec<(String, usize)> = Vec::new();
    for key in order.iter().filter(|n| n.contains(' ')) {
        let g = &groups[key];
        if !accepted(g) {
            continue;
        }
        let first = &cands[g[0]];
        let name = first.name.clone();
        let family_first = east_asian_order(doc, &first.words, lex);
        let alias_word = if family_first {
            first.words[0]
        } else {
            *first.words.last().unwrap_or(&first.words[0])
        };
        let alias = doc.word(alias_word).to_string();
        let d = drafts.len();
        drafts.push(Draft::new(
            super::text::slug(&alias),
            name.clone(),
            ActorKind::Person,
        ));
        person_of_group.insert(key.clone(), d);
        aliases.push((alias.clone(), d));
        full.push((alias, d));
    }
    for key in order.iter().filter(|n| !n.contains(' ')) {
        let g = &groups[key];
        let name = cands[g[0]].name.clone();
        let d = match full.iter().find(|(a, _)| *a == name) {
            Some(&(_, d)) => {
                // A title before the surname of a person named in full: a title + name.
                for &c in g {
                    cands[c].merged = true;
                }
                d
            }
            None => {
                let d = drafts.len();
                drafts.push(Draft::new(
                    super::text::slug(&name),
                    name.clone(),
                    ActorKind::Person,
                ));
                aliases.push((name.clone(), d));
                d
            }
        };
        person_of_group.insert(key.clone(), d);
    }

    // Mentions, confidence, role and affiliation.
    for key in &order {
        let Some(&d) = person_of_group.get(key) else {
            continue;
        };
        for &c in &groups[key] {
            let cand = &cands[c];
            let (confidence, pattern) = cand.strength();
            let draft = &mut drafts[d];
            if confidence > draft.confidence {
                draft.confidence = confidence;
                draft.pattern = pattern.to_string();
            }
            draft.mentions.push(Mention::plain(cand.span, None));
            for &w in &cand.words {
                taken[w] = Some(d);
            }
        }
    }
    // Roles: the first the text gives, in reading order.
    let mut by_position: Vec<usize> = person_of_group
        .keys()
        .flat_map(|key| groups[key].iter().copied())
        .collect();
    by_position.sort_unstable();
    for c in by_position {
        let cand = &cands[c];
        let d = person_of_group[&cand.key];
        for title in [&cand.title, &cand.after].into_iter().flatten() {
            if drafts[d].role.is_some() || title.role.is_none() {
                continue;
            }
            drafts[d].role.clone_from(&title.role);
            if let Some(a) = title.affiliation {
                drafts[d].affiliation = doc.span_draft(a);
                // A demonym before a title ("Russian President") belongs to the title.
                if let Some(s) = doc.items[a].span() {
                    if doc.span_class[s] == Some(Class::Demonym) {
                        mark_title_demonym(doc, drafts, a);
                    }
                }
            }
        }
        // Every demonym before a title, not only the first.
        if let Some(a) = cand.title.as_ref().and_then(|t| t.affiliation) {
            if let Some(s) = doc.items[a].span() {
                if doc.span_class[s] == Some(Class::Demonym) {
                    mark_title_demonym(doc, drafts, a);
                }
            }
        }
    }
    People { in_name, aliases }
}

fn mark_title_demonym(doc: &Doc, drafts: &mut [Draft], item: usize) {
    let Some(d) = doc.span_draft(item) else {
        return;
    };
    // The state's mentions are in order: found by halving, not one by one.
    let start = doc.items[item].start;
    let ms = &mut drafts[d].mentions;
    let k = ms.partition_point(|m| m.span.start < start);
    if let Some(m) = ms.get_mut(k).filter(|m| m.span.start == start) {
        if m.used == Use::Plain {
            m.used = Use::TitleDemonym;
        }
    }
}

/// Maximal runs of name-shaped words (with particles and initials inside), each ending at a
/// possessive.
fn runs(doc: &Doc, taken: &[Option<usize>], lex: &Lexicon) -> Vec<Vec<usize>> {
    let items = &doc.items;
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let it = &items[i];
        let joins = run.is_empty() || it.gap.joins();
        let free = taken[i].is_none() && it.is_word();
        let w = doc.word(i);
        let shaped = free && is_name_shaped(w);
        // "John F. Kennedy": an initial and its full stop.
        let initial = free
            && !run.is_empty()
            && w.chars().count() == 1
            && w.chars().all(char::is_uppercase)
            && items
                .get(i + 1)
                .is_some_and(|p| p.is_punct('.') && p.gap == super::text::Gap::None)
            && items
                .get(i + 2)
                .is_some_and(|q| q.gap.joins() && q.is_word());
        // "Ursula von der Leyen": particles between the parts of a name.
        let particle = free && !run.is_empty() && lex.is_particle(w) && {
            let mut k = i + 1;
            while k < items.len()
                && k - i < 4
                && items[k].gap.joins()
                && items[k].is_word()
                && lex.is_particle(doc.word(k))
            {
                k += 1;
            }
            items
                .get(k)
                .is_some_and(|q| q.is_word() && q.gap.joins() && is_name_shaped(doc.word(k)))
        };
        if joins && (shaped || particle || initial) {
            run.push(i);
            if initial {
                i += 2;
                continue;
            }
            if it.possessive {
                out.push(std::mem::take(&mut run));
            }
            i += 1;
            continue;
        }
        if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        if shaped {
            continue; // starts a new run (after a gap that does not join)
        }
        i += 1;
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// The name in a run: after the last word that cannot be part of one ("President", "Affairs",
/// "The"), without months and weekdays at its end; one to four words.
fn name_in(doc: &Doc, run: &[usize], lex: &Lexicon) -> Option<Vec<usize>> {
    let items = &doc.items;
    let not_name = |i: usize| {
        let l = &items[i].lower;
        lex.is_stopword(l)
            || lex.is_not_name(l)
            || lex.is_role_head(l)
            || lex.is_role_modifier(l)
            || lex.is_portfolio(l)
            || lex.is_honorific(l)
    };
    let mut end = run.len();
    while end > 0 && {
        let l = &items[run[end - 1]].lower;
        lex.is_calendar(l) || lex.is_stopword(l)
    } {
        end -= 1;
    }
    let run = &run[..end];
    let cut = run.iter().rposition(|&i| not_name(i)).map_or(0, |p| p + 1);
    let mut name: Vec<usize> = run[cut..].to_vec();
    while name.first().is_some_and(|&i| lex.is_particle(doc.word(i))) {
        name.remove(0);
    }
    // A possessive inside a name ends it before the rest ("Kim’s Pyongyang").
    if let Some(p) = name.iter().position(|&i| items[i].possessive) {
        name.truncate(p + 1);
    }
    (1..=4).contains(&name.len()).then_some(name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rc {
    Head,
    Honorific,
    Modifier,
    /// A capitalised field word ("Defense", "Affairs"): part of a title.
    Portfolio,
    Connector,
    Capital,
    /// A state, organisation or place matched before (possessive or not).
    Unit(bool),
}

/// The title before a name: the role as written and its state or organisation.
fn title_before(doc: &Doc, drafts: &[Draft], first: usize, lex: &Lexicon) -> Option<Title> {
    let items = &doc.items;
    let mut seq: Vec<(usize, Rc)> = Vec::new();
    let mut j = first;
    while j > 0 && seq.len() < 16 && items[j].gap.joins() {
        let p = j - 1;
        let it = &items[p];
        let rc = match it.kind {
            Kind::Word => {
                if it.possessive {
                    break;
                }
                let w = doc.word(p);
                let l = it.lower.as_str();
                if lex.is_honorific(l) {
                    Rc::Honorific
                } else if lex.is_role_head(l) {
                    Rc::Head
                } else if lex.is_portfolio(l) && starts_upper(w) {
                    Rc::Portfolio
                } else if lex.is_role_modifier(l) || lex.is_portfolio(l) {
                    Rc::Modifier
                } else if matches!(w, "for" | "of" | "on" | "to" | "and" | "the" | "in") {
                    Rc::Connector
                } else if starts_upper(w) && !lex.is_stopword(l) && !lex.is_calendar(l) {
                    Rc::Capital
                } else {
                    break;
                }
            }
            Kind::Span(_) => {
                let d = doc.span_draft(p);
                let kind = d.map(|d| drafts[d].kind);
                if kind == Some(ActorKind::Person) {
                    break;
                }
                Rc::Unit(it.possessive)
            }
            // "Mr. Smith", "Dr. Jones"; "Gov. Aisen Nikolaev".
            Kind::Punct('.') if p > 0 && it.gap == super::text::Gap::None => {
                let l = items[p - 1].lower.as_str();
                if lex.is_honorific(l) {
                    seq.push((p - 1, Rc::Honorific));
                    break;
                }
                if !lex.is_short_title(l) {
                    break;
                }
                j = p - 1;
                seq.push((p - 1, Rc::Head));
                if !items[p - 1].gap.joins() {
                    break;
                }
                continue;
            }
            _ => break,
        };
        seq.push((p, rc));
        if rc == Rc::Unit(true) {
            break;
        }
        j = p;
    }
    let first_rc = seq.first()?.1;
    let h = if matches!(first_rc, Rc::Head | Rc::Honorific) {
        0
    } else if matches!(first_rc, Rc::Capital | Rc::Portfolio | Rc::Unit(false)) {
        // A field after the head: "Minister for Strategy and Intelligence".
        let mut found = None;
        for k in 1..seq.len() {
            match seq[k].1 {
                Rc::Connector
                    if matches!(doc.word(seq[k].0), "for" | "of" | "on" | "to")
                        && seq.get(k + 1).is_some_and(|s| s.1 == Rc::Head) =>
                {
                    found = Some(k + 1);
                    break;
                }
                Rc::Capital | Rc::Portfolio | Rc::Unit(false) | Rc::Connector | Rc::Modifier => {}
                _ => break,
            }
        }
        found?
    } else {
        return None;
    };
    if seq[h].1 == Rc::Honorific {
        return Some(Title::default());
    }
    let mut r = h;
    while seq
        .get(r + 1)
        .is_some_and(|s| matches!(s.1, Rc::Head | Rc::Modifier | Rc::Portfolio))
    {
        r += 1;
    }
    let affiliation = seq
        .get(r + 1)
        .filter(|s| matches!(s.1, Rc::Unit(_)))
        .map(|s| s.0)
        .filter(|&a| {
            doc.span_draft(a)
                .is_some_and(|d| drafts[d].kind != ActorKind::Person)
        });
    let role = super::patterns::collapse(&doc.text[items[seq[r].0].start..items[first - 1].end]);
    Some(Title {
        role: Some(role),
        affiliation,
    })
}

/// A role after the name: ", an analyst at the Sejong Institute", ", a professor at Ewha
/// Womans University", ", the alliance’s secretary-general".
fn title_after(doc: &Doc, last: usize, lex: &Lexicon) -> Option<Title> {
    let items = &doc.items;
    let mut k = last + 1;
    if !items.get(k)?.is_punct(',') {
        return None;
    }
    k += 1;
    if items
        .get(k)
        .is_some_and(|q| matches!(doc.word(k), "a" | "an" | "the") && q.is_word())
    {
        k += 1;
    }
    let mut role_start = None;
    let mut before_affiliation = None;
    let mut head = None;
    for _ in 0..5 {
        let q = items.get(k)?;
        if !q.gap.joins() {
            return None;
        }
        match q.kind {
            Kind::Word => {
                let w = doc.word(k);
                let l = q.lower.as_str();
                if lex.is_role_head(l) {
                    role_start.get_or_insert(k);
                    head = Some(k);
                    break;
                }
                let describing = lex.is_role_modifier(l)
                    || lex.is_portfolio(l)
                    || (w.chars().all(|c| c.is_lowercase() || c == '-')
                        && !lex.is_not_modifier(l)
                        && !lex.is_stopword(l));
                if !describing {
                    return None;
                }
                role_start.get_or_insert(k);
            }
            Kind::Span(_) if role_start.is_none() => before_affiliation = Some(k),
            _ => return None,
        }
        k += 1;
    }
    let h = head?;
    let role = super::patterns::collapse(&doc.text[items[role_start?].start..items[h].end]);
    // "at the Sejong Institute", "of Nato", "with the Asan Institute".
    let mut a = h + 1;
    let mut affiliation = before_affiliation;
    if items.get(a).is_some_and(|q| {
        matches!(doc.word(a), "at" | "of" | "with" | "from" | "for") && q.is_word()
    }) {
        a += 1;
        if items
            .get(a)
            .is_some_and(|q| q.is_word() && q.lower == "the")
        {
            a += 1;
        }
        // "leader of the opposition Democratic Party".
        for _ in 0..2 {
            let describing = items.get(a).is_some_and(|q| {
                q.is_word()
                    && doc.word(a).chars().all(char::is_lowercase)
                    && !lex.is_not_modifier(&q.lower)
                    && !lex.is_stopword(&q.lower)
            });
            if describing {
                a += 1;
            }
        }
        if items.get(a).is_some_and(|q| q.span().is_some()) {
            affiliation = Some(a);
        }
    }
    Some(Title {
        role: Some(role),
        affiliation: affiliation.filter(|&a| doc.span_draft(a).is_some()),
    })
}

/// Whether the text says the name spoke: "X said", "X on Wednesday said", "X, …, said",
/// "said X", "according to X".
fn speaks(doc: &Doc, first: usize, last: usize, lex: &Lexicon) -> bool {
    let items = &doc.items;
    if first > 0 {
        let p = &items[first - 1];
        if p.is_word()
            && matches!(
                doc.word(first - 1),
                "said" | "says" | "told" | "added" | "wrote"
            )
        {
            return true;
        }
        if first > 1 && p.is_lower_word(doc.text, "to") && items[first - 2].is_word_ci("according")
        {
            return true;
        }
    }
    if items[last].possessive {
        return false;
    }
    let mut k = last + 1;
    // "X on Wednesday said", "X also said", "X has said".
    for _ in 0..3 {
        let Some(q) = items.get(k) else {
            return false;
        };
        if !q.is_word() {
            break;
        }
        let l = q.lower.as_str();
        if lex.is_speech_verb(l) && !starts_upper(doc.word(k)) {
            return true;
        }
        if matches!(
            l,
            "also" | "later" | "then" | "has" | "had" | "have" | "on" | "last" | "this"
        ) || lex.is_calendar(l)
        {
            k += 1;
            continue;
        }
        return false;
    }
    // "X, an analyst at …, said".
    if items.get(k).is_some_and(|q| q.is_punct(',')) {
        let mut m = k + 1;
        while m < items.len() && m - k < 30 {
            let q = &items[m];
            match q.kind {
                Kind::Punct(',') => {
                    return items
                        .get(m + 1)
                        .is_some_and(|r| r.is_word() && lex.is_speech_verb(&r.lower));
                }
                Kind::Punct('.' | '"' | '(' | ')' | ';' | ':' | '!' | '?') => return false,
                _ => {}
            }
            m += 1;
        }
    }
    false
}

/// A name shaped like an East Asian one: a family name, then a hyphenated given name in
/// lower case after the hyphen ("Cho Koo-rae"), or a known family name first ("Kim Jong Un").
fn east_asian(doc: &Doc, words: &[usize], lex: &Lexicon) -> bool {
    if words.len() < 2 || words.len() > 3 {
        return false;
    }
    let hyphen_given = words.len() == 2
        && doc
            .word(words[1])
            .split_once('-')
            .is_some_and(|(_, b)| b.chars().all(char::is_lowercase) && !b.is_empty());
    hyphen_given
        || (lex.is_family_name(&doc.items[words[0]].lower)
            && words[1..].iter().all(|&w| doc.word(w).chars().count() <= 8))
}

/// Whether the family name comes first (and so is the surname the text uses later).
fn east_asian_order(doc: &Doc, words: &[usize], lex: &Lexicon) -> bool {
    east_asian(doc, words, lex)
        && !words
            .last()
            .is_some_and(|&w| lex.is_family_name(&doc.items[w].lower))
}
