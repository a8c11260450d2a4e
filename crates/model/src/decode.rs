//! The data file's body read by hand: postcard's wire format (what [`crate::data::encode`]
//! writes with serde) for this model's types only, so that the viewer's wasm carries no serde
//! deserializer (issue 27's lever "a hand-rolled decoder for the data format").
//!
//! Postcard writes, in field order: `u8` as its byte; `bool` and an `Option`'s tag as a byte
//! 0 or 1; other unsigned integers (and lengths, and an enum's variant index) as LEB128
//! varints; signed ones zig-zagged first; a string as its length and its UTF-8 bytes; a
//! sequence as its length and its items. Every read checks what it reads: a file that is not
//! exactly a model (wrong tag, an integer too big, bytes that are not UTF-8, a length beyond
//! the bytes left, blocks nested deeper than [`MAX_DEPTH`]) gives `None`, never a panic. A
//! test holds it to serde's own reading of every article the build writes.

use crate::article::{
    Actor, ActorKind, Article, Block, Event, Inline, Meta, Provenance, Quote, RecordSource,
    Relation, RelationKind, Source,
};
use crate::data::{ArticleData, Passage, Place};
use crate::date::{DateSpan, PartialDate, Precision};
use crate::graph::{Edge, Layout, Node};

/// Blocks or inlines nested deeper than this are refused (the build writes a handful).
pub const MAX_DEPTH: u32 = 64;

/// The reader: the bytes left, and how deep in blocks and inlines it is.
struct Reader<'a> {
    bytes: &'a [u8],
    depth: u32,
}

/// A type read from the wire.
trait Read: Sized {
    fn read(r: &mut Reader) -> Option<Self>;
}

/// `ArticleData` from a data file's body (after its magic and version), which it must fill
/// exactly.
pub fn article_data(body: &[u8]) -> Option<ArticleData> {
    let mut r = Reader {
        bytes: body,
        depth: 0,
    };
    let data = ArticleData::read(&mut r)?;
    r.bytes.is_empty().then_some(data)
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(*first)
    }

    /// A LEB128 varint of at most `max_bytes` bytes whose value fits in `bits` bits.
    fn varint(&mut self, max_bytes: u32, bits: u32) -> Option<u64> {
        let mut value = 0u64;
        for i in 0..max_bytes {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return (bits == 64 || value >> bits == 0).then_some(value);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        self.varint(5, 32).map(|v| v as u32)
    }

    fn i32(&mut self) -> Option<i32> {
        let v = self.u32()?;
        Some(((v >> 1) as i32) ^ -((v & 1) as i32))
    }

    /// A length or an enum's variant index, bounded by what is left to read (each item takes
    /// at least a byte), so that nothing is allocated for a lie.
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint(10, 64)?).ok()?;
        (n <= self.bytes.len()).then_some(n)
    }

    fn tag(&mut self) -> Option<u32> {
        self.u32()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.depth += 1;
        let value = (self.depth <= MAX_DEPTH).then(|| read(self)).flatten();
        self.depth -= 1;
        value
    }
}

impl Read for u8 {
    fn read(r: &mut Reader) -> Option<u8> {
        r.byte()
    }
}

impl Read for u32 {
    fn read(r: &mut Reader) -> Option<u32> {
        r.u32()
    }
}

impl Read for i32 {
    fn read(r: &mut Reader) -> Option<i32> {
        r.i32()
    }
}

impl Read for bool {
    fn read(r: &mut Reader) -> Option<bool> {
        r.flag()
    }
}

impl Read for String {
    fn read(r: &mut Reader) -> Option<String> {
        let n = r.len()?;
        let (text, rest) = r.bytes.split_at(n);
        r.bytes = rest;
        std::str::from_utf8(text).ok().map(str::to_string)
    }
}

impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader) -> Option<Option<T>> {
        if r.flag()? {
            T::read(r).map(Some)
        } else {
            Some(None)
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(r: &mut Reader) -> Option<Vec<T>> {
        let n = r.len()?;
        let mut items = Vec::new();
        for _ in 0..n {
            items.push(T::read(r)?);
        }
        Some(items)
    }
}

/// Reads a struct's fields in order: `fields!(r; a, b, c)` builds `Self { a, b, c }`.
macro_rules! fields {
    ($r:ident; $($field:ident),* $(,)?) => {
        Some(Self { $($field: Read::read($r)?),* })
    };
}

impl Read for ArticleData {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; slug, article, passages, picture)
    }
}

impl Read for Article {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; meta, blocks, actors, events, quotes, suggested)
    }
}

impl Read for Meta {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; title, standfirst, page_date, page_date_text, publisher_address, language,
            byline, source, word_count, reading_minutes, feedback_criteria, feedback_endpoint,
            feedback_parent_origins)
    }
}

impl Read for Source {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; name, date, actor, address, rights)
    }
}

impl Read for PartialDate {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; year, month, day)
    }
}

impl Read for DateSpan {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; start, end)
    }
}

impl Read for Precision {
    fn read(r: &mut Reader) -> Option<Self> {
        match r.tag()? {
            0 => Some(Precision::Year),
            1 => Some(Precision::Month),
            2 => Some(Precision::Day),
            _ => None,
        }
    }
}

impl Read for Block {
    fn read(r: &mut Reader) -> Option<Self> {
        r.nested(|r| match r.tag()? {
            0 => Some(Block::Paragraph(Read::read(r)?)),
            1 => Some(Block::Heading {
                level: Read::read(r)?,
                content: Read::read(r)?,
            }),
            2 => Some(Block::Quotation(Read::read(r)?)),
            3 => Some(Block::List {
                ordered: Read::read(r)?,
                items: Read::read(r)?,
            }),
            4 => Some(Block::Rule),
            _ => None,
        })
    }
}

impl Read for Inline {
    fn read(r: &mut Reader) -> Option<Self> {
        r.nested(|r| match r.tag()? {
            0 => Some(Inline::Text(Read::read(r)?)),
            1 => Some(Inline::Emphasis(Read::read(r)?)),
            2 => Some(Inline::Strong(Read::read(r)?)),
            3 => Some(Inline::Code(Read::read(r)?)),
            4 => Some(Inline::LineBreak),
            5 => Some(Inline::Link {
                href: Read::read(r)?,
                content: Read::read(r)?,
            }),
            6 => Some(Inline::Mention {
                actor: Read::read(r)?,
                index: Read::read(r)?,
                content: Read::read(r)?,
            }),
            7 => Some(Inline::Quote {
                quote: Read::read(r)?,
                content: Read::read(r)?,
            }),
            8 => Some(Inline::Sentence {
                events: Read::read(r)?,
                relations: Read::read(r)?,
                content: Read::read(r)?,
            }),
            _ => None,
        })
    }
}

impl Read for ActorKind {
    fn read(r: &mut Reader) -> Option<Self> {
        ActorKind::ALL.get(usize::try_from(r.tag()?).ok()?).copied()
    }
}

impl Read for RelationKind {
    fn read(r: &mut Reader) -> Option<Self> {
        RelationKind::ALL
            .get(usize::try_from(r.tag()?).ok()?)
            .copied()
    }
}

impl Read for Actor {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; id, name, kind, role, affiliation, aliases, description, relations,
            mention_count)
    }
}

impl Read for Relation {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; kind, target, evidence)
    }
}

impl Read for Provenance {
    fn read(r: &mut Reader) -> Option<Self> {
        match r.tag()? {
            0 => Some(Provenance::Stated),
            1 => Some(Provenance::Inferred {
                weekday: Read::read(r)?,
                week_of: Read::read(r)?,
            }),
            2 => Some(Provenance::Record {
                article_gives: Read::read(r)?,
                source: Read::read(r)?,
            }),
            _ => None,
        }
    }
}

impl Read for RecordSource {
    fn read(r: &mut Reader) -> Option<Self> {
        match r.tag()? {
            0 => Some(RecordSource::Checked {
                title: Read::read(r)?,
                publisher: Read::read(r)?,
                url: Read::read(r)?,
                says: Read::read(r)?,
            }),
            1 => Some(RecordSource::NotChecked),
            _ => None,
        }
    }
}

impl Read for Event {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; id, date, title, description, actors, sentences, provenance, note)
    }
}

impl Read for Quote {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; id, speakers, text, event, context)
    }
}

impl Read for Place {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; leaf, start, end)
    }
}

impl Read for Passage {
    fn read(r: &mut Reader) -> Option<Self> {
        match r.tag()? {
            0 => Some(Passage::At(Read::read(r)?)),
            1 => Some(Passage::Text(Read::read(r)?)),
            _ => None,
        }
    }
}

impl Read for Layout {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; nodes, edges, height)
    }
}

impl Read for Node {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; actor, column, x, y, lines)
    }
}

impl Read for Edge {
    fn read(r: &mut Reader) -> Option<Self> {
        fields!(r; from, index, to, kind, path, label_x, label_y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article with every variant of every type in it.
    fn rich_article() -> Article {
        let mention = |actor: &str| Inline::Mention {
            actor: actor.into(),
            index: 300,
            content: vec![Inline::Text(actor.into())],
        };
        let record = |source| Provenance::Record {
            article_gives: Some(Precision::Month),
            source,
        };
        let event = |id: &str, provenance| Event {
            id: id.into(),
            date: DateSpan::parse("2000-07-19/2000-07-20").unwrap(),
            title: "Visit".into(),
            description: "D".into(),
            actors: vec!["putin".into()],
            sentences: vec!["s".into(), String::new()],
            provenance,
            note: "n".into(),
        };
        Article {
            meta: Meta {
                title: "T “quoted”".into(),
                standfirst: Some("日本語の見出し".into()),
                page_date: PartialDate::day(2024, 7, 15),
                page_date_text: "July 15, 2024".into(),
                publisher_address: "Addr".into(),
                language: "en".into(),
                byline: Some("By".into()),
                source: Source {
                    name: "S".into(),
                    date: PartialDate {
                        year: -44,
                        month: Some(3),
                        day: None,
                    },
                    actor: Some("ft".into()),
                    address: Some("https://example.org/".into()),
                    rights: Some("Public domain".into()),
                },
                word_count: 70_000,
                reading_minutes: 3,
                feedback_criteria: vec!["Quality".into()],
                feedback_endpoint: Some("https://example.org/f".into()),
                feedback_parent_origins: vec!["https://a.example".into()],
            },
            blocks: vec![
                Block::Heading {
                    level: 2,
                    content: vec![Inline::Code("c".into()), Inline::LineBreak],
                },
                Block::Paragraph(vec![
                    mention("putin"),
                    Inline::Strong(vec![Inline::Emphasis(vec![Inline::Text("x".into())])]),
                    Inline::Link {
                        href: "https://example.org".into(),
                        content: vec![],
                    },
                    Inline::Quote {
                        quote: "q".into(),
                        content: vec![Inline::Text("said".into())],
                    },
                    Inline::Sentence {
                        events: vec!["e".into()],
                        relations: vec!["russia.0".into()],
                        content: vec![mention("kim")],
                    },
                ]),
                Block::Quotation(vec![Block::Rule]),
                Block::List {
                    ordered: true,
                    items: vec![vec![Block::Paragraph(vec![])], vec![]],
                },
            ],
            actors: ActorKind::ALL
                .into_iter()
                .enumerate()
                .map(|(i, kind)| Actor {
                    id: format!("a{i}"),
                    name: "N".into(),
                    kind,
                    role: "R".into(),
                    affiliation: (i % 2 == 0).then(|| "a1".into()),
                    aliases: vec!["A".into()],
                    description: "D".into(),
                    relations: RelationKind::ALL
                        .into_iter()
                        .map(|kind| Relation {
                            kind,
                            target: "a0".into(),
                            evidence: "E".into(),
                        })
                        .collect(),
                    mention_count: 7,
                })
                .collect(),
            events: vec![
                event("e0", Provenance::Stated),
                event(
                    "e1",
                    Provenance::Inferred {
                        weekday: "Wednesday".into(),
                        week_of: PartialDate::day(2024, 6, 20),
                    },
                ),
                event(
                    "e2",
                    record(RecordSource::Checked {
                        title: "t".into(),
                        publisher: "p".into(),
                        url: "https://example.org".into(),
                        says: "s".into(),
                    }),
                ),
                event("e3", record(RecordSource::NotChecked)),
            ],
            quotes: vec![Quote {
                id: "q".into(),
                speakers: vec!["a0".into(), "a1".into()],
                text: "Sacred".into(),
                event: Some("e0".into()),
                context: "C".into(),
            }],
            suggested: vec!["actor:a0".into()],
        }
    }

    /// What serde's own reading (postcard) makes of `body`.
    fn by_serde(body: &[u8]) -> Option<ArticleData> {
        match postcard::take_from_bytes::<ArticleData>(body) {
            Ok((data, [])) => Some(data),
            _ => None,
        }
    }

    /// Every integer width and sign at its edges, through postcard and back by hand.
    #[test]
    fn integers_read_as_postcard_writes_them() {
        for v in [0u32, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            let bytes = postcard::to_allocvec(&v).unwrap();
            let mut r = Reader {
                bytes: &bytes,
                depth: 0,
            };
            assert_eq!(r.u32(), Some(v));
        }
        for v in [
            0i32,
            1,
            -1,
            63,
            -64,
            64,
            -65,
            i32::MAX,
            i32::MIN,
            1961,
            -2024,
        ] {
            let bytes = postcard::to_allocvec(&v).unwrap();
            let mut r = Reader {
                bytes: &bytes,
                depth: 0,
            };
            assert_eq!(r.i32(), Some(v), "{v}");
        }
        // Too long, or beyond 32 bits: refused.
        for bad in [
            &[0x80u8, 0x80, 0x80, 0x80, 0x80, 0x01][..],
            &[0xff, 0xff, 0xff, 0xff, 0x1f],
        ] {
            let mut r = Reader {
                bytes: bad,
                depth: 0,
            };
            assert_eq!(r.u32(), None);
        }
    }

    #[test]
    fn every_type_reads_as_serde_reads_it() {
        let data = crate::data::ArticleData {
            slug: "seed".into(),
            article: rich_article(),
            passages: vec![
                Passage::At(Place {
                    leaf: 3,
                    start: 10,
                    end: 200,
                }),
                Passage::Text("across “paragraphs”".into()),
            ],
            picture: Layout {
                nodes: vec![Node {
                    actor: "putin".into(),
                    column: 0,
                    x: 52,
                    y: -40,
                    lines: vec!["Vladimir".into(), "Putin".into()],
                }],
                edges: vec![Edge {
                    from: "russia".into(),
                    index: 0,
                    to: "north-korea".into(),
                    kind: RelationKind::ReportsOn,
                    path: "M 1 2".into(),
                    label_x: -3,
                    label_y: 400,
                }],
                height: 1234,
            },
        };
        let bytes = postcard::to_allocvec(&data).unwrap();
        assert_eq!(article_data(&bytes), Some(data.clone()));
        assert_eq!(by_serde(&bytes), Some(data));
        // Any cut, and any trailing byte, is refused by both.
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(article_data(&bytes[..cut]), None);
            assert_eq!(by_serde(&bytes[..cut]), None);
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(article_data(&longer), None);
    }

    #[test]
    fn every_byte_changed_reads_as_serde_reads_it() {
        let data = crate::data::ArticleData {
            slug: "s".into(),
            article: rich_article(),
            passages: vec![],
            picture: Layout::default(),
        };
        let bytes = postcard::to_allocvec(&data).unwrap();
        for i in 0..bytes.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut changed = bytes.clone();
                changed[i] ^= flip;
                assert_eq!(
                    article_data(&changed),
                    by_serde(&changed),
                    "byte {i} ^ {flip:#x}"
                );
            }
        }
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused_not_a_stack_overflow() {
        // Block::Quotation(vec![Block::Quotation(vec![...])]) a thousand deep.
        let mut deep = Vec::new();
        for _ in 0..1000 {
            deep.extend([2u8, 1]);
        }
        deep.push(4); // Rule
        let mut r = Reader {
            bytes: &deep,
            depth: 0,
        };
        assert_eq!(Block::read(&mut r), None);
    }
}
