//! The codecs of the viewer's address: the URL hash, which holds the reader's view, and the
//! query string, which holds how a page was asked to show the viewer. Pure data: no yew, no
//! web-sys.
//!
//! The hash: `#panel=timeline&event=signing-2024` opens the article on a panel with one actor,
//! event, quote or relation selected. [`parse_hash`] reads any string without panicking and
//! says what it could not use, as [`HashProblem`]s (which `crate::messages` words for the
//! reader); [`format_hash`] writes the hash back. For every valid view,
//! `parse_hash(&format_hash(&view), article) == (view, vec![])`.
//!
//! The format: `&`-separated (`;` also accepted) `key=value` pairs, percent-encoded as
//! UTF-8. The keys read here are `panel`, `actor`, `event`, `quote` and `relation` (ASCII case is
//! ignored for keys and panel names, not for ids); other keys are left silently to other
//! features (`theme=dark`). `+` is not a space.
//!
//! The query string: `?embed&panel=timeline&theme=dark&cards=off`, read by [`parse_options`]
//! into [`PageOptions`].
//!
//! Data flow: the URL effect (`crate::effects::use_url_sync`) reads the hash into a [`View`]
//! for the view reducer and writes the reducer's view back; `App` and a host's mount read the
//! query string once, at start.

use crate::i18n::Lang;
use crate::model::{Article, Selection};
use crate::view::{Panel, Theme, View};
use std::fmt::Write;

/// Why (part of) a hash could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HashProblem {
    /// Longer than [`MAX_HASH_LEN`]: not read at all.
    TooLong,
    /// A pair with a broken `%` escape or bytes that are not UTF-8: ignored.
    BadEncoding,
    /// A `panel` value that is no panel (as given, decoded).
    UnknownPanel(String),
    /// An id the article does not have; `kind` is `actor`, `event`, `quote` or `relation`.
    UnknownId { kind: &'static str, id: String },
}

/// Hashes longer than this (in bytes, with the `#`) are not read.
pub const MAX_HASH_LEN: usize = 2048;

/// At most this many problems are reported for one hash (the first ones, without repeats).
pub const MAX_PROBLEMS: usize = 5;

/// Reads a URL hash (with or without its `#`) against the article: the view it names and
/// what could not be used. Never panics.
///
/// Of several selection keys the first valid one wins; of several valid `panel`s, the first.
/// Every unknown panel or id is reported, even when another one is used.
pub fn parse_hash(hash: &str, article: &Article) -> (View, Vec<HashProblem>) {
    if hash.len() > MAX_HASH_LEN {
        return (View::default(), vec![HashProblem::TooLong]);
    }
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut view = View::default();
    let mut problems = Vec::new();
    let mut report = |p: HashProblem| {
        if problems.len() < MAX_PROBLEMS && !problems.contains(&p) {
            problems.push(p);
        }
    };

    for pair in hash.split(['&', ';']).filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(key) = percent_decode(raw_key) else {
            report(HashProblem::BadEncoding);
            continue;
        };
        let key = key.to_ascii_lowercase();
        if !matches!(
            key.as_str(),
            "panel" | "actor" | "event" | "quote" | "relation"
        ) {
            continue; // another feature's key
        }
        let Some(value) = percent_decode(raw_value) else {
            report(HashProblem::BadEncoding);
            continue;
        };
        let selection = match key.as_str() {
            "panel" => {
                match Panel::parse(&value.to_ascii_lowercase()) {
                    Some(panel) => {
                        view.panel.get_or_insert(panel);
                    }
                    None => report(HashProblem::UnknownPanel(value)),
                }
                continue;
            }
            "actor" => Selection::Actor(value),
            "event" => Selection::Event(value),
            "quote" => Selection::Quote(value),
            _ => Selection::Relation(value),
        };
        let known = match &selection {
            Selection::Actor(id) => article.actor(id).is_some(),
            Selection::Event(id) => article.event(id).is_some(),
            Selection::Quote(id) => article.quote(id).is_some(),
            Selection::Relation(id) => article.relation(id).is_some(),
        };
        if !known {
            report(HashProblem::UnknownId {
                kind: selection.kind(),
                id: selection.id().to_string(),
            });
        } else if view.selection.is_none() {
            view.selection = Some(selection);
        }
    }
    (view, problems)
}

/// The hash for a view: `""` for the default view, else `#` and the pairs, panel first:
/// `#panel=timeline&event=signing-2024`. Ids are percent-encoded.
pub fn format_hash(view: &View) -> String {
    let mut pairs = Vec::new();
    if let Some(panel) = view.panel {
        pairs.push(format!("panel={}", panel.as_str()));
    }
    if let Some(sel) = &view.selection {
        pairs.push(format!("{}={}", sel.kind(), percent_encode(sel.id())));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("#{}", pairs.join("&"))
    }
}

/// How the page was asked to show the viewer, from its query string (`?embed&panel=timeline`):
/// options a host page sets once, apart from the hash, which holds the reader's view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// Shown inside another site's iframe: compact, sized by its content, no sticky bars.
    pub embed: bool,
    /// `theme=light`, `dark` or `system`.
    pub theme: Option<Theme>,
    /// Show only this panel (no tab list).
    pub only_panel: Option<Panel>,
    /// `cards=off` turns the cards on mentions off.
    pub cards: Option<bool>,
    /// `lang=ja`: the interface's language (one of ours; any other is ignored).
    pub lang: Option<Lang>,
}

/// Reads page options from a query string (with or without `?`). Unknown keys and values
/// are ignored; the string is bounded like a hash. Never panics.
pub fn parse_options(query: &str) -> PageOptions {
    let mut options = PageOptions::default();
    if query.len() > MAX_HASH_LEN {
        return options;
    }
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split(['&', ';']).filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (percent_decode(key), percent_decode(value)) else {
            continue;
        };
        let value = value.to_ascii_lowercase();
        match key.to_ascii_lowercase().as_str() {
            "embed" => options.embed = !matches!(value.as_str(), "0" | "false" | "no"),
            "theme" => options.theme = Theme::parse(&value).or(options.theme),
            "panel" => options.only_panel = Panel::parse(&value),
            "cards" => options.cards = Some(!matches!(value.as_str(), "off" | "0" | "false")),
            "lang" => options.lang = Lang::parse(&value).or(options.lang),
            _ => {}
        }
    }
    options
}

/// Decodes `%XX` escapes and checks the result is UTF-8. `None` for a `%` not followed by
/// two hex digits, or for bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |j: usize| bytes.get(j).and_then(|b| char::from(*b).to_digit(16));
            let (hi, lo) = (hex(i + 1)?, hex(i + 2)?);
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes every byte outside `A-Z a-z 0-9 - _ . ~` as `%XX`.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(hash: &str) -> (View, Vec<HashProblem>) {
        parse_hash(hash, &crate::seed_for_tests())
    }

    fn view(panel: Option<Panel>, selection: Option<Selection>) -> View {
        View { panel, selection }
    }

    fn actor(id: &str) -> Option<Selection> {
        Some(Selection::Actor(id.into()))
    }

    fn unknown(kind: &'static str, id: &str) -> HashProblem {
        HashProblem::UnknownId {
            kind,
            id: id.into(),
        }
    }

    #[test]
    fn a_relation_is_linked_by_its_id_and_round_trips() {
        let want = view(
            Some(Panel::Relations),
            Some(Selection::Relation("russia.0".into())),
        );
        assert_eq!(
            parse("#panel=relations&relation=russia.0"),
            (want.clone(), vec![])
        );
        assert_eq!(format_hash(&want), "#panel=relations&relation=russia.0");
        assert_eq!(
            parse("#relation=russia.99"),
            (View::default(), vec![unknown("relation", "russia.99")])
        );
    }

    #[test]
    fn empty_hashes_are_the_default_view() {
        for h in ["", "#", "#&", "&;&"] {
            assert_eq!(parse(h), (View::default(), vec![]), "{h:?}");
        }
        assert_eq!(format_hash(&View::default()), "");
    }

    #[test]
    fn reads_panel_and_selection_with_or_without_the_hash_sign() {
        let want = view(
            Some(Panel::Timeline),
            Some(Selection::Event("signing-2024".into())),
        );
        for h in [
            "#panel=timeline&event=signing-2024",
            "panel=timeline&event=signing-2024",
            "#event=signing-2024&panel=timeline",
            "#panel=timeline;event=signing-2024",
            "#&panel=timeline&&event=signing-2024&",
        ] {
            assert_eq!(parse(h), (want.clone(), vec![]), "{h}");
        }
        assert_eq!(
            parse("#panel=quotes"),
            (view(Some(Panel::Quotes), None), vec![])
        );
        // A selection alone leaves the panel to the caller.
        assert_eq!(parse("#actor=putin"), (view(None, actor("putin")), vec![]));
        assert_eq!(
            parse("#quote=kim-sacred-fight"),
            (
                view(None, Some(Selection::Quote("kim-sacred-fight".into()))),
                vec![]
            )
        );
    }

    #[test]
    fn keys_and_panel_names_ignore_ascii_case_but_ids_do_not() {
        assert_eq!(
            parse("#PANEL=Timeline&Actor=putin"),
            (view(Some(Panel::Timeline), actor("putin")), vec![])
        );
        assert_eq!(
            parse("#actor=Putin"),
            (View::default(), vec![unknown("actor", "Putin")])
        );
    }

    #[test]
    fn other_keys_are_left_alone() {
        assert_eq!(
            parse("#theme=dark&panel=quotes&q=%zz&x"),
            (view(Some(Panel::Quotes), None), vec![])
        );
    }

    #[test]
    fn unknown_panels_and_ids_are_reported() {
        assert_eq!(
            parse("#panel=maps"),
            (
                View::default(),
                vec![HashProblem::UnknownPanel("maps".into())]
            )
        );
        assert_eq!(
            parse("#actor=xyz"),
            (View::default(), vec![unknown("actor", "xyz")])
        );
        // An id of another kind is unknown as this kind.
        assert_eq!(
            parse("#quote=putin"),
            (View::default(), vec![unknown("quote", "putin")])
        );
        assert_eq!(
            parse("#event=putin"),
            (View::default(), vec![unknown("event", "putin")])
        );
        // Empty values.
        assert_eq!(
            parse("#actor="),
            (View::default(), vec![unknown("actor", "")])
        );
        assert_eq!(
            parse("#panel"),
            (
                View::default(),
                vec![HashProblem::UnknownPanel(String::new())]
            )
        );
    }

    #[test]
    fn the_first_valid_selection_wins_and_the_rest_are_still_checked() {
        assert_eq!(
            parse("#event=signing-2024&actor=putin"),
            (
                view(None, Some(Selection::Event("signing-2024".into()))),
                vec![]
            )
        );
        assert_eq!(
            parse("#actor=nobody&actor=kim"),
            (view(None, actor("kim")), vec![unknown("actor", "nobody")])
        );
        assert_eq!(
            parse("#actor=kim&quote=nothing"),
            (view(None, actor("kim")), vec![unknown("quote", "nothing")])
        );
        assert_eq!(
            parse("#panel=quotes&panel=timeline").0.panel,
            Some(Panel::Quotes)
        );
        assert_eq!(
            parse("#panel=maps&panel=timeline"),
            (
                view(Some(Panel::Timeline), None),
                vec![HashProblem::UnknownPanel("maps".into())]
            )
        );
    }

    #[test]
    fn values_are_percent_decoded() {
        assert_eq!(
            parse("#actor=%70utin"),
            (view(None, actor("putin")), vec![])
        );
        assert_eq!(
            parse("#%61ctor=putin"),
            (view(None, actor("putin")), vec![])
        );
        assert_eq!(parse("#panel=%74imeline").0.panel, Some(Panel::Timeline));
        assert_eq!(
            parse("#actor=caf%C3%A9"),
            (View::default(), vec![unknown("actor", "café")])
        );
        assert_eq!(
            parse("#actor=a+b").1,
            vec![unknown("actor", "a+b")],
            "+ is not a space"
        );
    }

    #[test]
    fn broken_escapes_and_bad_utf8_drop_only_their_pair() {
        for h in [
            "#actor=%",
            "#actor=%z",
            "#actor=%zz",
            "#actor=%ff%fe",
            "#actor=%C3",
            "#%zz=putin",
            "#actor=put%in",
        ] {
            assert_eq!(
                parse(h),
                (View::default(), vec![HashProblem::BadEncoding]),
                "{h}"
            );
        }
        assert_eq!(
            parse("#panel=quotes&actor=%&event=%zz&quote=kim-sacred-fight"),
            (
                view(
                    Some(Panel::Quotes),
                    Some(Selection::Quote("kim-sacred-fight".into()))
                ),
                vec![HashProblem::BadEncoding]
            ),
            "one report for repeats"
        );
    }

    #[test]
    fn too_long_hashes_are_not_read() {
        let long = format!("#actor=putin&x={}", "a".repeat(MAX_HASH_LEN));
        assert_eq!(parse(&long), (View::default(), vec![HashProblem::TooLong]));
        // Exactly the limit is still read.
        let prefix = "#actor=putin&x=";
        let limit = format!("{prefix}{}", "a".repeat(MAX_HASH_LEN - prefix.len()));
        assert_eq!(limit.len(), MAX_HASH_LEN);
        assert_eq!(parse(&limit), (view(None, actor("putin")), vec![]));
    }

    #[test]
    fn problems_are_capped() {
        let many: String = (0..100).map(|i| format!("actor=x{i}&")).collect();
        let (v, problems) = parse(&many);
        assert_eq!(v, View::default());
        assert_eq!(problems.len(), MAX_PROBLEMS);
        assert_eq!(problems[0], unknown("actor", "x0"));
    }

    #[test]
    fn hostile_input_never_panics() {
        let hostile = [
            "#actor=<script>alert(1)</script>".to_string(),
            "%".into(),
            "%%".into(),
            "%zz".into(),
            "%ff%fe".into(),
            "a".repeat(100 * 1024),
            "#".repeat(MAX_HASH_LEN),
            "&&&==".into(),
            "===&=&=;;=".into(),
            "#actor=".into(),
            "#actor==putin".into(),
            "#panel=%E2%80%AEtimeline".into(),
            "#actor=日本語&event=🎉&quote=\u{0}\u{0}".into(),
            "#\u{0}=\u{0}&actor=\u{0}".into(),
            "#actor=%00%01%7F".into(),
            "#actor=%e2%82".into(),
            "#actor=%c0%af".into(),
            "#actor=%ED%A0%80".into(),
            format!("#actor={}", "%41".repeat(600)),
            format!("#quote={}", "é".repeat(1000)),
            "#actor=\u{202E}evil".into(),
        ];
        for h in &hostile {
            let (view, problems) = parse(h);
            assert!(problems.len() <= MAX_PROBLEMS);
            // Whatever was read, writing it back and reading again gives the same view.
            assert_eq!(parse(&format_hash(&view)), (view, vec![]), "{h:?}");
        }
        // Every prefix of a tricky hash, cut at any char boundary.
        let tricky = "#panel=timeline&actor=%C3%A9&quote=“x”;event=%zz&%";
        for (i, _) in tricky.char_indices() {
            let _ = parse(&tricky[..i]);
        }
    }

    #[test]
    fn writes_panel_then_selection() {
        assert_eq!(
            format_hash(&view(
                Some(Panel::Timeline),
                Some(Selection::Event("signing-2024".into()))
            )),
            "#panel=timeline&event=signing-2024"
        );
        assert_eq!(
            format_hash(&view(Some(Panel::Actors), None)),
            "#panel=actors"
        );
        assert_eq!(format_hash(&view(None, actor("putin"))), "#actor=putin");
        assert_eq!(
            format_hash(&view(None, actor("a b/é&=#%~_.-"))),
            "#actor=a%20b%2F%C3%A9%26%3D%23%25~_.-"
        );
    }

    #[test]
    fn percent_encoding_round_trips() {
        for s in [
            "",
            "plain-id_1.2~",
            "a b",
            "é日本🎉",
            "%&=#;+",
            "\u{0}\u{7F}",
        ] {
            let encoded = percent_encode(s);
            assert!(encoded
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
            assert_eq!(percent_decode(&encoded).as_deref(), Some(s));
        }
    }

    #[test]
    fn every_seed_view_round_trips() {
        let article = crate::seed_for_tests();
        let selections = article.selections().map(Some).chain([None]);
        let mut count = 0;
        for selection in selections {
            for panel in Panel::ALL.map(Some).into_iter().chain([None]) {
                let v = view(panel, selection.clone());
                let hash = format_hash(&v);
                assert_eq!(parse_hash(&hash, &article), (v, vec![]), "{hash}");
                count += 1;
            }
        }
        // Actors, events, quotes, relations and nothing; four panels and none.
        assert_eq!(count, (23 + 11 + 16 + 35 + 1) * 5);
    }

    #[test]
    fn page_options_come_from_the_query_string() {
        assert_eq!(parse_options(""), PageOptions::default());
        let o = parse_options("?embed&panel=timeline&theme=dark&cards=off&lang=ja");
        assert_eq!(
            o,
            PageOptions {
                embed: true,
                theme: Some(Theme::Dark),
                only_panel: Some(Panel::Timeline),
                cards: Some(false),
                lang: Some(Lang::Ja),
            }
        );
        assert_eq!(parse_options("lang=fr").lang, None, "not one of ours");
        assert_eq!(parse_options("lang=ko-KR").lang, Some(Lang::Ko));
        assert!(!parse_options("embed=0").embed);
        // Unknown or hostile values are ignored, never fatal.
        let o = parse_options("theme=%3Cscript%3E&panel=nope&x=%zz&embed=1");
        assert_eq!((o.theme, o.only_panel, o.embed), (None, None, true));
        assert_eq!(
            parse_options("theme=LIGHT&theme=nope").theme,
            Some(Theme::Light)
        );
        assert_eq!(parse_options(&"a".repeat(100_000)), PageOptions::default());
    }
}
