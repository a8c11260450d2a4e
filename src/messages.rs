//! What the viewer says to the reader about a link it could not fully use.
//!
//! Data flow: the hash codec (`crate::route::parse_hash`) reports [`HashProblem`]s as data;
//! following a link (`crate::effects::link_action`) turns the first into a sentence here, which
//! the view reducer keeps as its notice and the notice bar shows. Pure: no yew, no web-sys.

use crate::i18n::{viewer::Msg, Lang};
use crate::route::HashProblem;

/// At most this many characters of a reader's link are shown in a message.
const SHOWN_CHARS: usize = 40;

/// A short sentence for the reader, in `lang`, about what of a link could not be used.
pub fn link_problem(lang: Lang, problem: &HashProblem) -> String {
    match problem {
        HashProblem::TooLong => lang.t(Msg::LinkTooLong).to_string(),
        HashProblem::BadEncoding => lang.t(Msg::LinkGarbled).to_string(),
        HashProblem::UnknownPanel(p) if p.is_empty() => lang.t(Msg::LinkPanelUnnamed).to_string(),
        HashProblem::UnknownPanel(p) => match shown(p) {
            Some(p) => lang.f(Msg::LinkPanelUnknown, &[("panel", p)]),
            None => lang.t(Msg::LinkPanelUnknownUnshown).to_string(),
        },
        HashProblem::UnknownId { kind, id } => {
            // The messages for each kind of thing a link names: unnamed, unknown (the id
            // quoted), unknown (the id not repeated).
            let [unnamed, unknown, unshown] = match *kind {
                "actor" => [
                    Msg::LinkActorUnnamed,
                    Msg::LinkActorUnknown,
                    Msg::LinkActorUnknownUnshown,
                ],
                "event" => [
                    Msg::LinkEventUnnamed,
                    Msg::LinkEventUnknown,
                    Msg::LinkEventUnknownUnshown,
                ],
                "quote" => [
                    Msg::LinkQuoteUnnamed,
                    Msg::LinkQuoteUnknown,
                    Msg::LinkQuoteUnknownUnshown,
                ],
                _ => [
                    Msg::LinkRelationUnnamed,
                    Msg::LinkRelationUnknown,
                    Msg::LinkRelationUnknownUnshown,
                ],
            };
            match (id.is_empty(), shown(id)) {
                (true, _) => lang.t(unnamed).to_string(),
                (false, Some(id)) => lang.f(unknown, &[("id", id)]),
                (false, None) => lang.t(unshown).to_string(),
            }
        }
    }
}

/// Text from a link, quoted to the reader only when it is a well-formed id (lower-case letters,
/// digits, hyphens and a relation's dot, at most [`SHOWN_CHARS`]): anything else could put
/// words of someone else's choosing in the viewer's voice ("Session expired. Call …"), so it is
/// not repeated.
fn shown(text: &str) -> Option<&str> {
    let well_formed = text.len() <= SHOWN_CHARS
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    well_formed.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::{parse_hash, MAX_HASH_LEN, MAX_PROBLEMS};

    fn unknown(kind: &'static str, id: &str) -> String {
        link_problem(
            Lang::En,
            &HashProblem::UnknownId {
                kind,
                id: id.into(),
            },
        )
    }

    #[test]
    fn messages_read_well() {
        assert_eq!(
            link_problem(Lang::En, &HashProblem::TooLong),
            "This link is too long to read; showing the article from the start."
        );
        assert_eq!(
            link_problem(Lang::En, &HashProblem::BadEncoding),
            "Part of this link is garbled and was ignored."
        );
        assert_eq!(
            unknown("actor", "xyz"),
            "This link names an actor “xyz” that is not in this article."
        );
        assert_eq!(
            unknown("event", "xyz"),
            "This link names an event “xyz” that is not in this article."
        );
        assert_eq!(
            unknown("quote", "xyz"),
            "This link names a quote “xyz” that is not in this article."
        );
        assert_eq!(
            unknown("relation", "russia.99"),
            "This link names a relation “russia.99” that is not in this article."
        );
        assert_eq!(
            unknown("quote", ""),
            "This link asks for a quote but does not say which."
        );
        assert_eq!(
            link_problem(Lang::En, &HashProblem::UnknownPanel("maps".into())),
            "This link asks for a panel “maps” that this viewer does not have."
        );
        assert_eq!(
            link_problem(Lang::En, &HashProblem::UnknownPanel(String::new())),
            "This link asks for a panel but does not say which."
        );
    }

    #[test]
    fn messages_repeat_only_well_formed_ids() {
        assert_eq!(
            unknown("actor", "boris-johnson-2"),
            "This link names an actor “boris-johnson-2” that is not in this article."
        );
        for hostile in [
            "Session expired. Call +1-555-0100 now",
            "a\u{0}b\u{202E}c\n",
            "UPPER",
            &"x".repeat(41),
        ] {
            assert_eq!(
                unknown("actor", hostile),
                "This link names an actor that is not in this article.",
                "{hostile}"
            );
        }
        assert_eq!(
            link_problem(Lang::En, &HashProblem::UnknownPanel("Call now".into())),
            "This link asks for a panel that this viewer does not have."
        );
    }

    #[test]
    fn hostile_links_give_short_clean_messages() {
        let article = crate::seed_for_tests();
        let hostile = [
            "#actor=<script>alert(1)</script>".to_string(),
            "%ff%fe".into(),
            "#".repeat(MAX_HASH_LEN + 1),
            "#panel=%E2%80%AEtimeline".into(),
            "#actor=日本語&event=🎉&quote=\u{0}\u{0}".into(),
            "#\u{0}=\u{0}&actor=\u{0}".into(),
            "#actor=%00%01%7F".into(),
            format!("#quote={}", "é".repeat(1000)),
            "#actor=\u{202E}evil".into(),
        ];
        for h in &hostile {
            let problems = parse_hash(h, &article).1;
            assert!(problems.len() <= MAX_PROBLEMS);
            for p in &problems {
                let m = link_problem(Lang::En, p);
                assert!(!m.is_empty() && m.chars().count() < 200, "{m}");
                assert!(!m.contains('\u{0}') && !m.contains('\u{202E}'), "{m:?}");
            }
        }
    }
}
