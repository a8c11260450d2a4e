//! Step 4 of the pipeline (`mark/`), for `marks.rs`: marking a stretch of a paragraph's text (a
//! quote, a sentence) in the inline tree.
//!
//! Offsets are byte offsets into the paragraph's plain text (`model::text::inline_text`).
//! Text nodes are split at the edges; a mark may contain whole mentions, links and emphasis,
//! or sit wholly inside one, but may not cut one in two.

use marginalia_model::Inline;

/// The byte length of an inline's plain text (as `model::text::inline_text` would give it),
/// without building the text.
fn text_len(inline: &Inline) -> usize {
    match inline {
        Inline::Text(t) | Inline::Code(t) => t.len(),
        Inline::LineBreak => 1,
        container => container
            .children()
            .unwrap_or_default()
            .iter()
            .map(text_len)
            .sum(),
    }
}

fn describe(inline: &Inline) -> &'static str {
    match inline {
        Inline::Mention { .. } => "an actor mention",
        Inline::Link { .. } => "a link",
        Inline::Quote { .. } => "a quote",
        Inline::Sentence { .. } => "an event sentence",
        Inline::Emphasis(_) | Inline::Strong(_) => "emphasis",
        Inline::Code(_) => "code",
        Inline::Text(_) | Inline::LineBreak => "text",
    }
}

/// Wraps `[start, end)` of the plain text of `inlines` in the node `make` builds.
///
/// On failure, says which kind of node the stretch would cut.
pub(super) fn wrap_range(
    inlines: &mut Vec<Inline>,
    start: usize,
    end: usize,
    make: &dyn Fn(Vec<Inline>) -> Inline,
) -> Result<(), String> {
    // A stretch strictly inside one child container is wrapped inside that child.
    let mut pos = 0;
    for child in inlines.iter_mut() {
        let len = text_len(child);
        let (child_start, child_end) = (pos, pos + len);
        let strictly_inside =
            start >= child_start && end <= child_end && (start, end) != (child_start, child_end);
        if strictly_inside {
            let what = describe(child);
            if let Some(grandchildren) = child.children_mut() {
                return wrap_range(grandchildren, start - child_start, end - child_start, make);
            }
            if !matches!(child, Inline::Text(_)) {
                return Err(format!("it would cut {what} in two"));
            }
        }
        pos = child_end;
    }

    let mut before = Vec::new();
    let mut inside = Vec::new();
    let mut after = Vec::new();
    let mut pos = 0;
    for child in std::mem::take(inlines) {
        let len = text_len(&child);
        let (child_start, child_end) = (pos, pos + len);
        pos = child_end;
        if child_end <= start && !(len == 0 && child_start == start) {
            before.push(child);
        } else if child_start >= end {
            after.push(child);
        } else if child_start >= start && child_end <= end {
            inside.push(child);
        } else if let Inline::Text(text) = child {
            let cut_a = start.saturating_sub(child_start).min(len);
            let cut_b = (end - child_start).min(len);
            if !text.is_char_boundary(cut_a) || !text.is_char_boundary(cut_b) {
                return Err("its edges fall inside a character".into());
            }
            let (head, rest) = text.split_at(cut_a);
            let (middle, tail) = rest.split_at(cut_b - cut_a);
            for (part, list) in [
                (head, &mut before),
                (middle, &mut inside),
                (tail, &mut after),
            ] {
                if !part.is_empty() {
                    list.push(Inline::Text(part.to_string()));
                }
            }
        } else {
            return Err(format!("it would cut {} in two", describe(&child)));
        }
    }
    inlines.extend(before);
    inlines.push(make(inside));
    inlines.extend(after);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use marginalia_model::text::inline_text;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn mention(actor: &str, s: &str) -> Inline {
        Inline::Mention {
            actor: actor.into(),
            index: 0,
            content: vec![text(s)],
        }
    }

    fn quote(content: Vec<Inline>) -> Inline {
        Inline::Quote {
            quote: "q".into(),
            content,
        }
    }

    #[test]
    fn splits_text_at_the_edges() {
        let mut v = vec![text("he said “no way” today")];
        let s = "he said “".len();
        wrap_range(&mut v, s, s + "no way".len(), &quote).unwrap();
        assert_eq!(
            v,
            vec![
                text("he said “"),
                quote(vec![text("no way")]),
                text("” today")
            ]
        );
    }

    #[test]
    fn contains_whole_mentions() {
        let mut v = vec![text("“"), mention("russia", "Moscow"), text(" chose”")];
        let before = inline_text(&v);
        wrap_range(&mut v, 3, 3 + "Moscow chose".len(), &quote).unwrap();
        assert_eq!(inline_text(&v), before, "wrapping never changes the text");
        assert_eq!(
            v,
            vec![
                text("“"),
                quote(vec![mention("russia", "Moscow"), text(" chose")]),
                text("”")
            ]
        );
    }

    #[test]
    fn nests_inside_an_enclosing_mark() {
        let mut v = vec![Inline::Sentence {
            events: vec!["e".into()],
            relations: Vec::new(),
            content: vec![text("Putin said “yes”.")],
        }];
        let s = "Putin said “".len();
        wrap_range(&mut v, s, s + 3, &quote).unwrap();
        let Inline::Sentence { content, .. } = &v[0] else {
            panic!("sentence kept")
        };
        assert_eq!(content[1], quote(vec![text("yes")]));
    }

    #[test]
    fn lengths_agree_with_the_text() {
        let v = vec![
            text("a “"),
            Inline::LineBreak,
            Inline::Emphasis(vec![mention("kim", "Kim"), Inline::Code("x".into())]),
        ];
        assert_eq!(v.iter().map(text_len).sum::<usize>(), inline_text(&v).len());
    }

    #[test]
    fn refuses_to_cut_a_mention() {
        let mut v = vec![text("a "), mention("kim", "Kim Jong Un"), text(" b")];
        let err = wrap_range(&mut v, 0, 5, &quote).unwrap_err();
        assert_eq!(err, "it would cut an actor mention in two");
    }
}
