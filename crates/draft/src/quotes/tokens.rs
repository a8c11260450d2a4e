//! The words of a sentence as attribution reads them: words, possessive ’s, punctuation, whole
//! passages between quotation marks, and the actors' mentions, each one token.

use super::scan::{Passage, Sentence};
use crate::{ActorKind, FoundActor, Span};

/// The mentions of actors outside passages (words said are not speakers), in text order, with
/// what is needed to find the last mention of a kind before a place in constant time.
pub(super) struct Mentions {
    /// (span, actor index), sorted, not overlapping: of overlapping mentions the longest is
    /// kept ("UN Security Council", not "UN").
    pub list: Vec<(Span, usize)>,
    /// For each kind (in `ActorKind::ALL` order), `last[k][i]`: 1 + the index in `list` of the
    /// last mention of that kind among the first `i`, or 0.
    last: [Vec<u32>; 4],
}

fn kind_index(kind: ActorKind) -> usize {
    ActorKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

impl Mentions {
    pub(super) fn new(text: &str, actors: &[FoundActor], passages: &[Passage]) -> Mentions {
        let mut all: Vec<(Span, usize)> = actors
            .iter()
            .enumerate()
            .flat_map(|(a, actor)| actor.mentions.iter().map(move |&m| (m, a)))
            .filter(|(m, _)| m.start < m.end && text.get(m.start..m.end).is_some())
            .collect();
        all.sort_by_key(|&(m, a)| (m.start, std::cmp::Reverse(m.end), a));
        let mut list: Vec<(Span, usize)> = Vec::with_capacity(all.len());
        let mut q = 0;
        for (m, a) in all {
            if list.last().is_some_and(|(last, _)| m.start < last.end) {
                continue;
            }
            while passages.get(q).is_some_and(|p| p.end <= m.start) {
                q += 1;
            }
            if passages.get(q).is_some_and(|p| p.open < m.end) {
                continue;
            }
            list.push((m, a));
        }
        let mut last: [Vec<u32>; 4] = Default::default();
        for (k, column) in last.iter_mut().enumerate() {
            column.reserve(list.len() + 1);
            let mut seen = 0;
            column.push(0);
            for (i, &(_, a)) in list.iter().enumerate() {
                if kind_index(actors[a].kind) == k {
                    seen = i as u32 + 1;
                }
                column.push(seen);
            }
        }
        Mentions { list, last }
    }

    /// How many mentions start before `at`.
    pub(super) fn before(&self, at: usize) -> usize {
        self.list.partition_point(|(m, _)| m.start < at)
    }

    /// The index of the last mention before `at` of one of `kinds`.
    pub(super) fn last_of(&self, kinds: &[ActorKind], at: usize) -> Option<usize> {
        let i = self.before(at);
        kinds
            .iter()
            .map(|&k| self.last[kind_index(k)][i])
            .max()
            .filter(|&n| n > 0)
            .map(|n| n as usize - 1)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    /// A word, lowercased in `Tok::lower` (hyphenated words and inner apostrophes kept:
    /// "secretary-general", "haven’t").
    Word,
    /// A possessive ’s (or the ’ of "states’").
    Poss,
    Punct(char),
    /// A passage, marks included: its index.
    Quote(usize),
    /// A mention: the actor's index.
    Mention(usize),
}

#[derive(Clone, Debug)]
pub(super) struct Tok {
    pub kind: Kind,
    pub span: Span,
    pub lower: String,
    /// Whether it starts with a capital.
    pub cap: bool,
}

impl Tok {
    pub(super) fn word(&self) -> Option<&str> {
        (self.kind == Kind::Word).then_some(self.lower.as_str())
    }

    pub(super) fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.lower == w
    }

    pub(super) fn is_punct(&self, set: &[char]) -> bool {
        matches!(self.kind, Kind::Punct(c) if set.contains(&c))
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '’' | '\'')
}

/// The tokens of a sentence.
pub(super) fn tokenize(
    text: &str,
    sentence: &Sentence,
    passages: &[Passage],
    mentions: &Mentions,
) -> Vec<Tok> {
    let end = sentence.span.end.min(text.len());
    let mut toks: Vec<Tok> = Vec::new();
    let mut q = sentence.passages.start;
    let mut m = mentions.before(sentence.span.start);
    let mut i = sentence.span.start;
    let tok = |kind, start, end| Tok {
        kind,
        span: Span { start, end },
        lower: String::new(),
        cap: false,
    };
    while i < end {
        while q < sentence.passages.end && passages[q].open < i {
            q += 1;
        }
        if q < sentence.passages.end && passages[q].open == i {
            let p_end = passages[q].end.min(end).max(i + 1);
            toks.push(tok(Kind::Quote(q), i, p_end));
            i = p_end;
            q += 1;
            continue;
        }
        while mentions.list.get(m).is_some_and(|(s, _)| s.start < i) {
            m += 1;
        }
        if let Some(&(span, a)) = mentions.list.get(m) {
            if span.start == i && span.end <= end {
                toks.push(tok(Kind::Mention(a), i, span.end));
                i = span.end;
                m += 1;
                continue;
            }
        }
        let stop = [
            (q < sentence.passages.end).then(|| passages[q].open),
            mentions.list.get(m).map(|(s, _)| s.start),
            Some(end),
        ]
        .into_iter()
        .flatten()
        .filter(|&s| s > i)
        .min()
        .unwrap_or(end);
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            let mut chars = text[j..stop].chars().peekable();
            while let Some(d) = chars.next() {
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                    continue;
                }
                let joins = matches!(d, '-' | '‑' | '’' | '\'')
                    && chars.peek().is_some_and(|n| n.is_alphanumeric());
                if !joins {
                    break;
                }
                if is_apostrophe(d) {
                    // "Japan’s": the ’s is a token of its own.
                    let mut ahead = chars.clone();
                    let s = ahead.next();
                    if matches!(s, Some('s' | 'S'))
                        && !ahead.next().is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                }
                j += d.len_utf8();
            }
            let word = &text[i..j];
            toks.push(Tok {
                kind: Kind::Word,
                span: Span { start: i, end: j },
                lower: word.to_lowercase(),
                cap: c.is_uppercase(),
            });
            i = j;
        } else if c.is_whitespace() {
            i += c.len_utf8();
        } else if is_apostrophe(c)
            && toks
                .last()
                .is_some_and(|t| t.span.end == i && matches!(t.kind, Kind::Word | Kind::Mention(_)))
        {
            let mut after = text[i + c.len_utf8()..stop].chars();
            let s = after.next();
            let len = if matches!(s, Some('s' | 'S'))
                && !after.next().is_some_and(char::is_alphanumeric)
            {
                c.len_utf8() + 1
            } else {
                c.len_utf8()
            };
            toks.push(tok(Kind::Poss, i, i + len));
            i += len;
        } else {
            toks.push(tok(Kind::Punct(c), i, i + c.len_utf8()));
            i += c.len_utf8();
        }
    }
    toks
}
