//! The text cut up for the rules: tokens (runs of letters and digits, single marks), each with
//! the space before it; then items (words, hyphenated as written, names already matched, and
//! marks), each knowing whether a possessive `’s` follows it.

use super::lexicon::Lexicon;

/// The space before a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    /// None: the token touches the one before (`U.S.`, `Koo-rae`).
    None,
    /// Spaces within a line.
    Space,
    /// One line break (a Markdown paragraph may wrap).
    Line,
    /// A blank line (a new paragraph) or the start of the text.
    Para,
}

impl Gap {
    /// Whether two words with this gap between them may belong to one name.
    pub(super) fn joins(self) -> bool {
        matches!(self, Gap::Space | Gap::Line)
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Letters and digits (otherwise one mark).
    pub(super) word: bool,
    pub(super) gap: Gap,
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Marks that read the same: curly and straight apostrophes and quotation marks, hyphens.
pub(super) fn norm_punct(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '′' | '`' => '\'',
        '“' | '”' | '„' | '″' => '"',
        '‐' | '‑' | '‒' => '-',
        _ => c,
    }
}

pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 1);
    let mut newlines = 0u32;
    let mut space = false;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            space = true;
            if c == '\n' {
                newlines += 1;
            }
            continue;
        }
        let gap = if toks.is_empty() || newlines >= 2 {
            Gap::Para
        } else if newlines == 1 {
            Gap::Line
        } else if space {
            Gap::Space
        } else {
            Gap::None
        };
        newlines = 0;
        space = false;
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
            toks.push(Tok {
                start: i,
                end,
                word: true,
                gap,
            });
        } else {
            toks.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                word: false,
                gap,
            });
        }
    }
    toks
}

/// The mark a punctuation token is, normalised.
pub(super) fn mark(text: &str, tok: &Tok) -> char {
    text[tok.start..tok.end]
        .chars()
        .next()
        .map(norm_punct)
        .unwrap_or(' ')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A word, hyphenated parts joined ("secretary-general", "Koo-rae").
    Word,
    /// A stretch already matched (index into the spans the items were built with).
    Span(usize),
    /// One mark (normalised).
    Punct(char),
}

#[derive(Clone, Debug)]
pub(super) struct Item {
    pub(super) start: usize,
    /// The end of the word or span, before any possessive `’s`.
    pub(super) end: usize,
    pub(super) kind: Kind,
    pub(super) gap: Gap,
    /// A possessive `’s` (or a plural's `’`) follows.
    pub(super) possessive: bool,
    /// The word in lower case (words only).
    pub(super) lower: String,
    /// Its tokens (`tok0..tok1`; a possessive after it not included).
    pub(super) tok0: usize,
    pub(super) tok1: usize,
}

impl Item {
    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub(super) fn span(&self) -> Option<usize> {
        match self.kind {
            Kind::Span(s) => Some(s),
            _ => None,
        }
    }
    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    /// A word in lower case equal to `w` (as written: "the", not "The").
    pub(super) fn is_lower_word(&self, text: &str, w: &str) -> bool {
        self.is_word() && &text[self.start..self.end] == w
    }
    /// A word equal to `w` in any case.
    pub(super) fn is_word_ci(&self, w: &str) -> bool {
        self.is_word() && self.lower == w
    }
}

/// Cuts `toks` into items; `spans` (token ranges, in order, not overlapping) become one item
/// each.
pub(super) fn build_items(text: &str, toks: &[Tok], spans: &[(usize, usize)]) -> Vec<Item> {
    let n = toks.len();
    let mut items: Vec<Item> = Vec::with_capacity(n);
    let mut i = 0;
    let mut s = 0;
    while i < n {
        while s < spans.len() && spans[s].0 < i {
            s += 1;
        }
        let next_span = spans.get(s).map_or(usize::MAX, |sp| sp.0);
        if next_span == i {
            let (t0, t1) = spans[s];
            let t1 = t1.clamp(t0 + 1, n);
            items.push(Item {
                start: toks[t0].start,
                end: toks[t1 - 1].end,
                kind: Kind::Span(s),
                gap: toks[t0].gap,
                possessive: false,
                lower: String::new(),
                tok0: t0,
                tok1: t1,
            });
            s += 1;
            i = possessive(text, toks, t1, &mut items);
            continue;
        }
        let t = toks[i];
        if t.word {
            let mut j = i + 1;
            loop {
                let joined = j + 1 < n
                    && j + 1 < next_span
                    && !toks[j].word
                    && toks[j].gap == Gap::None
                    && toks[j + 1].word
                    && toks[j + 1].gap == Gap::None;
                if !joined {
                    break;
                }
                let m = mark(text, &toks[j]);
                let next_upper = text[toks[j + 1].start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                let apostrophe_name = m == '\''
                    && next_upper
                    && toks[j + 1].end - toks[j + 1].start > 1
                    && toks[j - 1].end - toks[j - 1].start <= 2;
                if m == '-' || apostrophe_name {
                    j += 2;
                } else {
                    break;
                }
            }
            let (start, end) = (t.start, toks[j - 1].end);
            items.push(Item {
                start,
                end,
                kind: Kind::Word,
                gap: t.gap,
                possessive: false,
                lower: text[start..end].to_lowercase(),
                tok0: i,
                tok1: j,
            });
            i = possessive(text, toks, j, &mut items);
        } else {
            items.push(Item {
                start: t.start,
                end: t.end,
                kind: Kind::Punct(mark(text, &t)),
                gap: t.gap,
                possessive: false,
                lower: String::new(),
                tok0: i,
                tok1: i + 1,
            });
            i += 1;
        }
    }
    items
}

/// After the last item (ending before token `i`): takes a possessive `’s` (or a capitalised
/// plural's `’`) into it; returns the next token.
fn possessive(text: &str, toks: &[Tok], i: usize, items: &mut [Item]) -> usize {
    let Some(last) = items.last_mut() else {
        return i;
    };
    let Some(t) = toks.get(i) else {
        return i;
    };
    if t.word || t.gap != Gap::None || mark(text, t) != '\'' {
        return i;
    }
    if let Some(u) = toks.get(i + 1) {
        if u.word && u.gap == Gap::None {
            let w = &text[u.start..u.end];
            if w == "s" || w == "S" {
                last.possessive = true;
                return i + 2;
            }
            return i;
        }
    }
    let whole = &text[last.start..last.end];
    let capitalised = whole.chars().next().is_some_and(char::is_uppercase);
    if capitalised && whole.ends_with('s') && !matches!(last.kind, Kind::Punct(_)) {
        last.possessive = true;
        return i + 1;
    }
    i
}

/// Whether item `i` starts a sentence (or a paragraph, heading or list item).
pub(super) fn sentence_start(items: &[Item], i: usize, lex: &Lexicon) -> bool {
    let Some(item) = items.get(i) else {
        return false;
    };
    if item.gap == Gap::Para {
        return true;
    }
    let mut j = i;
    while j > 0 {
        let p = &items[j - 1];
        let Kind::Punct(c) = p.kind else {
            return false;
        };
        match c {
            '"' | '\'' | '(' | '[' | '*' | '_' => {
                if p.gap == Gap::Para {
                    return true;
                }
                j -= 1;
            }
            '-' | '#' | '>' | '+' if matches!(p.gap, Gap::Line | Gap::Para) => return true,
            '.' => {
                let abbreviation = j >= 2
                    && p.gap == Gap::None
                    && items[j - 2].is_word()
                    && lex.is_abbreviation(&items[j - 2].lower);
                return !abbreviation;
            }
            '!' | '?' | ':' | '…' => return true,
            _ => return false,
        }
    }
    true
}

/// An id made from a name: lower-case ASCII letters and digits joined by hyphens, accents
/// folded, a possessive `’s` left out ("South Korea’s foreign ministry" →
/// `south-korea-foreign-ministry`).
pub fn slug(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    let mut dash = false;
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if norm_punct(c) == '\'' {
            let s_follows = chars.get(k + 1).is_some_and(|&d| d == 's' || d == 'S');
            let word_after = chars.get(k + 2).is_some_and(|&d| is_word_char(d));
            k += if s_follows && !word_after { 2 } else { 1 };
            continue;
        }
        for lower in c.to_lowercase() {
            let folded = fold(lower);
            if folded.is_empty() {
                dash = true;
            }
            for f in folded.chars() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(f);
            }
        }
        k += 1;
    }
    if out.len() > 60 {
        out.truncate(60);
        while out.ends_with('-') {
            out.pop();
        }
    }
    if out.is_empty() {
        out.push_str("actor");
    }
    out
}

/// A lower-case letter as ASCII ("é" → "e"); empty for what has none.
fn fold(c: char) -> &'static str {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_alphanumeric() {
        let i = ASCII.find(c).unwrap_or(0);
        return &ASCII[i..i + 1];
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ļ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ž' | 'ż' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => "",
    }
}

/// Whether a word is written like a name: a capital, then lower case ("Putin", "Un"), each
/// hyphenated part capitalised or in lower case ("Leif-Eric", "Koo-rae").
pub(super) fn is_name_shaped(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', '\'', '’']).collect();
    let Some((first, rest)) = parts.split_first() else {
        return false;
    };
    // "O’Brien": a single capital before an apostrophe.
    let initial = first.chars().count() == 1
        && first.chars().all(char::is_uppercase)
        && word[first.len()..].starts_with(['\'', '’']);
    let first_ok = capitalised(first) || (initial && !rest.is_empty());
    first_ok
        && rest
            .iter()
            .all(|p| capitalised(p) || (!p.is_empty() && p.chars().all(char::is_lowercase)))
}

/// A capital then at least one lower-case letter, letters only.
fn capitalised(part: &str) -> bool {
    let mut chars = part.chars();
    chars.next().is_some_and(char::is_uppercase)
        && part
            .chars()
            .all(|c| c.is_alphabetic() || is_word_char(c) && !c.is_numeric())
        && part.chars().skip(1).any(char::is_lowercase)
}

/// Whether a word starts with a capital.
pub(super) fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is all capitals (two or more letters): an acronym.
pub(super) fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}
