//! The text's paragraphs, its passages between quotation marks and its sentences, each as
//! byte spans of the text. One pass over the text for each, and a binary search for each
//! mark's partner: bounded time on 1 MiB lines and thousands of marks.
//!
//! The conventions are the checker's (`marginalia-content`'s `locate/passages.rs`): a “ is
//! closed by the first ” after it in its paragraph; a ” that no “ opened is stray; straight
//! double quotes pair in order within a paragraph. Added here: single quotes ‘…’ as quotations
//! of their own when not inside a “…” (British usage), with ’ read as an apostrophe when a
//! letter stands on both sides ("don’t") or as a plural possessive ("states’ right") when
//! another closing mark fits better; and a quotation that runs over paragraphs the news way (an
//! opening mark at each paragraph's start, the closing mark only at the end of the last), given
//! as one passage per paragraph.

use crate::Span;

/// A passage between quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Passage {
    /// Where its opening mark is.
    pub open: usize,
    /// The words between the marks.
    pub words: Span,
    /// Just after its closing mark (or the paragraph's end, when it runs on to the next).
    pub end: usize,
    /// Where its words end but for closing punctuation ("…before,”: before the comma): a full
    /// stop there ends the sentence.
    pub last_word: usize,
}

/// A sentence: its span, and the passages whose opening marks are in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Sentence {
    pub span: Span,
    pub passages: std::ops::Range<usize>,
}

/// The paragraphs of `text`: runs of lines separated by blank lines, each without its leading
/// and trailing whitespace.
pub(super) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(start) = start.take() {
                out.push(Span { start, end });
            }
        } else {
            if start.is_none() {
                start = Some(at + content.len() - content.trim_start().len());
            }
            end = at + content.trim_end().len();
        }
        at += line.len();
    }
    if let Some(start) = start {
        out.push(Span { start, end });
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    DoubleOpen,
    DoubleClose,
    SingleOpen,
    /// A ’ that may close a ‘; weak when it may as well be a plural possessive ("states’ right").
    SingleClose {
        weak: bool,
    },
    Straight,
}

/// Every passage between quotation marks, in text order.
pub(super) fn passages(text: &str, paragraphs: &[Span]) -> Vec<Passage> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let next_first = paragraphs
            .get(i + 1)
            .and_then(|n| text.get(n.start..n.end))
            .and_then(|t| t.chars().next());
        in_paragraph(text, *p, next_first, &mut out);
    }
    out
}

/// The first position in `sorted` after `at`.
fn first_after(sorted: &[usize], at: usize) -> Option<usize> {
    sorted.get(sorted.partition_point(|&x| x <= at)).copied()
}

fn in_paragraph(text: &str, p: Span, next_first: Option<char>, out: &mut Vec<Passage>) {
    let Some(body) = text.get(p.start..p.end) else {
        return;
    };
    let mut marks: Vec<(usize, Mark)> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in body.char_indices() {
        let mut after = body[i + c.len_utf8()..].chars();
        let next = after.next();
        let mark = match c {
            '“' => Some(Mark::DoubleOpen),
            '”' => Some(Mark::DoubleClose),
            '"' => Some(Mark::Straight),
            '‘' if next.is_some_and(|n| !n.is_whitespace())
                && !prev.is_some_and(char::is_alphanumeric) =>
            {
                Some(Mark::SingleOpen)
            }
            '’' => match prev {
                Some(b) if !b.is_whitespace() => {
                    let apostrophe = b.is_alphanumeric() && next.is_some_and(char::is_alphanumeric);
                    let weak = matches!(b, 's' | 'S')
                        && next.is_some_and(char::is_whitespace)
                        && after.next().is_some_and(char::is_alphanumeric);
                    (!apostrophe).then_some(Mark::SingleClose { weak })
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(mark) = mark {
            marks.push((i, mark));
        }
        prev = Some(c);
    }
    let of = |want: fn(Mark) -> bool| -> Vec<usize> {
        marks
            .iter()
            .filter(|(_, m)| want(*m))
            .map(|&(i, _)| i)
            .collect()
    };
    let double_close = of(|m| m == Mark::DoubleClose);
    let single_open = of(|m| m == Mark::SingleOpen);
    let strong = of(|m| m == Mark::SingleClose { weak: false });
    let weak = of(|m| m == Mark::SingleClose { weak: true });
    let straight = of(|m| m == Mark::Straight);
    // The ’ that closes the ‘ at `at`: the first that can only be a closing mark, unless a
    // plural possessive comes first and another ‘ opens before that closing mark.
    let single_close = |at: usize| -> Option<usize> {
        let u = first_after(&strong, at);
        let w = first_after(&weak, at);
        match (u, w) {
            (Some(u), Some(w)) if w < u => {
                let o = first_after(&single_open, at);
                Some(if o.is_some_and(|o| o > w && o < u) {
                    w
                } else {
                    u
                })
            }
            (Some(u), _) => Some(u),
            (None, w) => w,
        }
    };
    let mut k = 0;
    while let Some(&(at, mark)) = marks.get(k) {
        let (close, open_len) = match mark {
            Mark::DoubleOpen => (first_after(&double_close, at), '“'.len_utf8()),
            Mark::SingleOpen => (single_close(at), '‘'.len_utf8()),
            Mark::Straight => (first_after(&straight, at), 1),
            Mark::DoubleClose | Mark::SingleClose { .. } => {
                k += 1;
                continue;
            }
        };
        let start = p.start + at + open_len;
        match close {
            Some(close) => {
                let close_len = body[close..].chars().next().map_or(1, char::len_utf8);
                push(
                    text,
                    out,
                    at + p.start,
                    Span {
                        start,
                        end: p.start + close,
                    },
                    p.start + close + close_len,
                );
                k = marks.partition_point(|&(x, _)| x <= close);
            }
            None => {
                let continues = match mark {
                    Mark::DoubleOpen => next_first == Some('“'),
                    Mark::SingleOpen => next_first == Some('‘'),
                    _ => next_first == Some('"'),
                };
                if continues {
                    let words = Span { start, end: p.end };
                    push(text, out, at + p.start, words, p.end);
                    return;
                }
                k += 1;
            }
        }
    }
}

fn push(text: &str, out: &mut Vec<Passage>, open: usize, words: Span, end: usize) {
    let inner = words.of(text);
    if inner.trim().is_empty() {
        return;
    }
    let kept = inner.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | '?' | '!' | ';' | ':' | '…' | '’' | '”' | '"')
    });
    out.push(Passage {
        open,
        words,
        end,
        last_word: words.start + kept.len(),
    });
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Gov",
    "Sen", "Rep", "Rev", "St", "Jr", "Sr", "No", "Vol", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "etc", "vs", "Inc", "Corp", "Ltd", "Co", "Pres",
    "Gens", "Sens", "Reps", "Amb", "Supt", "Fr",
];

/// Whether the full stop at `at` ends an abbreviation, an initial or a dotted acronym
/// ("Mr.", "F.", "U.S.").
fn abbreviation_before(text: &str, at: usize) -> bool {
    let mut from = at;
    for (i, c) in text[..at].char_indices().rev().take(12) {
        if c.is_alphanumeric() || c == '.' {
            from = i;
        } else {
            break;
        }
    }
    let word = &text[from..at];
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || word.contains('.') || ABBREVIATIONS.contains(&word)
}

/// Whether `rest` opens with an attribution: a speech verb among its first few words, before
/// any punctuation ("Kim asked.", "the ministry said", "said Leif-Eric Easley").
fn attribution_follows(rest: &str) -> bool {
    let mut words = 0;
    let mut word = String::new();
    for c in rest.chars().take(80) {
        if c.is_alphanumeric() || matches!(c, '-' | '’' | '\'') {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            if super::words::speech_verb(&word) == Some(super::words::VerbForm::Finite) {
                return true;
            }
            words += 1;
            word.clear();
        }
        if words >= 5 || !c.is_whitespace() {
            return false;
        }
    }
    false
}

/// The sentences of each paragraph, in order. A sentence ends at `.`, `?` or `!` (with any
/// closing marks after it) before a space and a capital, a digit or an opening mark; never
/// inside a passage, except at its very end (“We agreed.” Then …); never after an
/// abbreviation or an initial.
pub(super) fn sentences(text: &str, paragraphs: &[Span], passages: &[Passage]) -> Vec<Sentence> {
    let mut out: Vec<Span> = Vec::new();
    let mut q = 0;
    for p in paragraphs {
        let Some(body) = text.get(p.start..p.end) else {
            continue;
        };
        let mut start = p.start;
        let mut skip_to = p.start;
        for (i, c) in body.char_indices() {
            let at = p.start + i;
            if at < skip_to || !matches!(c, '.' | '?' | '!') {
                continue;
            }
            while passages.get(q).is_some_and(|x| x.end <= at) {
                q += 1;
            }
            let inside = passages.get(q).filter(|x| x.open <= at && at < x.end);
            let end = match inside {
                Some(x) if at < x.last_word => continue,
                // “Why now?” Kim asked.
                Some(x) if attribution_follows(&text[x.end..p.end]) => continue,
                Some(x) => x.end,
                None => {
                    if c == '.' && abbreviation_before(text, at) {
                        continue;
                    }
                    let mut end = at + 1;
                    for d in text[end..p.end].chars() {
                        if matches!(d, '”' | '’' | ')' | ']') {
                            end += d.len_utf8();
                        } else {
                            break;
                        }
                    }
                    end
                }
            };
            let mut rest = text[end..p.end].chars().take(64);
            if !rest.next().is_some_and(char::is_whitespace) {
                continue;
            }
            let opens = rest.find(|d| !d.is_whitespace()).is_some_and(|d| {
                d.is_uppercase() || d.is_ascii_digit() || matches!(d, '“' | '‘' | '"' | '(' | '[')
            });
            if !opens {
                continue;
            }
            out.push(Span { start, end });
            let next = text[end..p.end]
                .char_indices()
                .find(|&(_, d)| !d.is_whitespace())
                .map_or(p.end, |(j, _)| end + j);
            start = next;
            skip_to = next;
        }
        if start < p.end {
            out.push(Span { start, end: p.end });
        }
    }
    let mut q = 0;
    out.into_iter()
        .map(|span| {
            while passages.get(q).is_some_and(|x| x.open < span.start) {
                q += 1;
            }
            let first = q;
            while passages.get(q).is_some_and(|x| x.open < span.end) {
                q += 1;
            }
            Sentence {
                span,
                passages: first..q,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        passages(text, &paragraphs(text))
            .iter()
            .map(|p| p.words.of(text))
            .collect()
    }

    fn said(text: &str) -> Vec<&str> {
        let paragraphs = paragraphs(text);
        let passages = passages(text, &paragraphs);
        sentences(text, &paragraphs, &passages)
            .iter()
            .map(|s| s.span.of(text))
            .collect()
    }

    #[test]
    fn curly_double_and_single_quotes_and_nesting() {
        assert_eq!(
            words("He said “no” and ‘yes’, then “a ‘nested’ one”."),
            ["no", "yes", "a ‘nested’ one"]
        );
        assert_eq!(
            words("She called it ‘He said “stop” to me’ today."),
            ["He said “stop” to me"]
        );
    }

    #[test]
    fn apostrophes_and_possessives_do_not_close_quotes() {
        assert_eq!(words("‘We don’t agree,’ he said."), ["We don’t agree,"]);
        assert_eq!(
            words("It is the ‘member states’ right to self-defence’ they cite."),
            ["member states’ right to self-defence"]
        );
        assert_eq!(
            words("‘We love the states’ he said, and ‘more’."),
            ["We love the states", "more"]
        );
        assert_eq!(
            words("The states’ right and Kim’s visit, the ’90s."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn straight_quotes_pair_in_order() {
        assert_eq!(
            words("He said \"no\" and \"yes\" and \"maybe"),
            ["no", "yes"]
        );
    }

    #[test]
    fn stray_and_unclosed_marks_give_no_passage() {
        assert_eq!(words("a ” b “ c"), Vec::<&str>::new());
        assert_eq!(words("“a” then “b\n\nNo quote."), ["a"]);
        assert_eq!(words("“ ” and “”"), Vec::<&str>::new());
        assert_eq!(words("’‘’‘“”"), Vec::<&str>::new());
    }

    #[test]
    fn a_quotation_over_paragraphs_is_one_passage_per_paragraph() {
        let text = "He said: “We will go on.\n\n“And on.\n\n“Until the end.” Then he left.";
        assert_eq!(words(text), ["We will go on.", "And on.", "Until the end."]);
    }

    #[test]
    fn a_quote_ending_in_a_question_mark_keeps_its_attribution() {
        assert_eq!(
            said("“Why now?” Kim Jong Un asked. “Go!” The crowd left."),
            ["“Why now?” Kim Jong Un asked.", "“Go!”", "The crowd left."]
        );
    }

    #[test]
    fn sentences_do_not_end_inside_quotes() {
        assert_eq!(
            said("“We agree. We act,” he said. Mr. Kim left. “Go.” Then U.S. forces moved."),
            [
                "“We agree. We act,” he said.",
                "Mr. Kim left.",
                "“Go.”",
                "Then U.S. forces moved."
            ]
        );
    }
}
