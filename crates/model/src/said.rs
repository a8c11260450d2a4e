//! Dates as a text says them: "19 June", "June 19, 2024", "19–20 July", "March 2024",
//! "March", "1961", "Wednesday". Read by the content checker (a `stated` date must be stated,
//! `marginalia-content`'s `check/stated.rs`) and by the drafter (every date a pasted article
//! gives).
//! Month names are read capitalised only ("May", not "may"), in full or shortened ("Sept").

use crate::date::{MONTHS, WEEKDAYS};

/// A date as a text gives it, each part when given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Said {
    pub day: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<i32>,
    pub weekday: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    /// A number and how many digits it has.
    Num(u32, usize),
    Month(u8),
    Weekday(usize),
    Dash,
    Comma,
    Other,
}

fn month_of(word: &str) -> Option<u8> {
    let full = MONTHS.iter().position(|m| *m == word);
    // "Jan", "Feb", … "Dec", and "Sept".
    let short = || {
        (word.len() == 3)
            .then(|| MONTHS.iter().position(|m| m.starts_with(word)))
            .flatten()
            .or_else(|| (word == "Sept").then_some(8))
    };
    full.or_else(short).map(|i| i as u8 + 1)
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        let token = &text[i..end];
        let digits = token.chars().take_while(char::is_ascii_digit).count();
        let suffix = &token[digits..];
        out.push(
            if digits > 0 && matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
                Tok::Num(token[..digits].parse().unwrap_or(u32::MAX), digits)
            } else if let Some(m) = month_of(token) {
                if token.len() <= 4 && text[end..].starts_with('.') {
                    chars.next(); // "Sept." is one word
                }
                Tok::Month(m)
            } else if let Some(w) = WEEKDAYS.iter().position(|w| *w == token) {
                Tok::Weekday(w)
            } else if matches!(c, '–' | '-' | '—') {
                Tok::Dash
            } else if c == ',' {
                Tok::Comma
            } else if c.is_whitespace() {
                continue;
            } else {
                Tok::Other
            },
        );
    }
    out
}

fn day(t: Option<&Tok>) -> Option<u8> {
    match t {
        Some(Tok::Num(n, 1 | 2)) if (1..=31).contains(n) => Some(*n as u8),
        _ => None,
    }
}

fn year(t: Option<&Tok>) -> Option<i32> {
    match t {
        Some(Tok::Num(n, 4)) if (1000..=2999).contains(n) => Some(*n as i32),
        _ => None,
    }
}

/// Every date a text gives, in the forms listed above.
pub fn dates_in(text: &str) -> Vec<Said> {
    let t = tokens(text);
    let mut out = Vec::new();
    for k in 0..t.len() {
        match t[k] {
            Tok::Num(..) => {
                let Some(first) = day(t.get(k)) else {
                    out.extend(year(t.get(k)).map(|y| Said {
                        year: Some(y),
                        ..Said::default()
                    }));
                    continue;
                };
                // "19 June", "19–20 July 2000"
                let second = (t.get(k + 1) == Some(&Tok::Dash))
                    .then(|| day(t.get(k + 2)))
                    .flatten();
                let m = k + if second.is_some() { 3 } else { 1 };
                if let Some(&Tok::Month(month)) = t.get(m) {
                    let y = year(t.get(m + 1));
                    for d in [Some(first), second].into_iter().flatten() {
                        out.push(Said {
                            day: Some(d),
                            month: Some(month),
                            year: y,
                            weekday: None,
                        });
                    }
                }
            }
            Tok::Month(month) => {
                // "June 19", "June 19, 2024", "March 2024", "March"
                let d = day(t.get(k + 1));
                let second = d
                    .and_then(|_| (t.get(k + 2) == Some(&Tok::Dash)).then(|| day(t.get(k + 3))))
                    .flatten();
                let after = k + 1 + usize::from(d.is_some()) + 2 * usize::from(second.is_some());
                let after = after + usize::from(d.is_some() && t.get(after) == Some(&Tok::Comma));
                let y = year(t.get(if d.is_some() { after } else { k + 1 }));
                out.push(Said {
                    day: None,
                    month: Some(month),
                    year: y,
                    weekday: None,
                });
                for d in [d, second].into_iter().flatten() {
                    out.push(Said {
                        day: Some(d),
                        month: Some(month),
                        year: y,
                        weekday: None,
                    });
                }
            }
            Tok::Weekday(w) => out.push(Said {
                weekday: Some(w),
                ..Said::default()
            }),
            Tok::Dash | Tok::Comma | Tok::Other => {}
        }
    }
    out
}
