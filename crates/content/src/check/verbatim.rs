//! Step 3 of the pipeline (`check/`), for its errors: an entry's text (a quote, an event
//! sentence, relation evidence) that is not in the article verbatim. One mistake gives one
//! error, at the entry, with every difference at once and the corrected line to paste:
//!
//! - Markdown link syntax copied into the entry (`[Quell](actor:quell)`) is named as such, and
//!   the fix is the text as the reader sees it;
//! - when the article itself writes the passage in straight quotes ("…") where the entry has
//!   “…”, the mistake is the article's, reported there ([`crate::check::quotation_marks`]): nothing is
//!   reported here;
//! - otherwise the closest text of the article, each difference, and that text as the fix.

use crate::check::checker::Checker;
use crate::read::annotations::Text;
use crate::report::error::SourceFile;

/// How the entry's text is written in its file, for the line to paste.
#[derive(Clone, Copy)]
pub(crate) enum Field {
    /// `key = "…"`.
    Key(&'static str),
    /// An item of a list: `"…",`.
    Item,
}

impl Field {
    fn line(self, value: &str) -> String {
        match self {
            Field::Key(key) => format!("{key} = {}", toml_string(value)),
            Field::Item => format!("{},", toml_string(value)),
        }
    }
}

/// Reports the entry at `at`, whose text the article does not hold verbatim.
pub(crate) fn not_found(
    c: &mut Checker,
    file: &SourceFile,
    at: &Text,
    message: String,
    field: Field,
) {
    let needle = at.get_ref().as_str();
    if let Some((stripped, link)) = strip_links(needle) {
        let found = c.texts.iter().any(|t| t.contains(&stripped));
        let closest = if found {
            None
        } else {
            c.closest_text_hint(&stripped)
        };
        let mut hint = format!(
            "it holds Markdown link syntax, {link}: copy the text as the reader sees it, without the brackets and the address"
        );
        let fix = match closest {
            Some((closest, fix)) => {
                hint.push_str("; without it, the ");
                hint.push_str(&closest);
                fix
            }
            None => found.then_some(stripped),
        };
        let error = file
            .error_at(at.span().start, message)
            .with_hint(Some(hint));
        c.errors.push(error.with_fix(fix.map(|f| field.line(&f))));
        return;
    }
    if article_has_straight_quotes(c, needle) {
        return;
    }
    let (hint, fix) = c.closest_text_hint(needle).unzip();
    let error = file.error_at(at.span().start, message).with_hint(hint);
    c.errors
        .push(error.with_fix(fix.flatten().map(|f| field.line(&f))));
}

/// Whether the article holds `needle` with straight double quotes where it has curly ones (the
/// article's mistake, reported there). Searches the whole text: within the hint budget.
fn article_has_straight_quotes(c: &mut Checker, needle: &str) -> bool {
    if !needle.contains(['“', '”']) {
        return false;
    }
    let plain = |s: &str| s.replace(['“', '”'], "\"");
    let wanted = plain(needle);
    c.costly_hint(|c| {
        c.texts
            .iter()
            .any(|t| t.contains('"') && plain(t).contains(&wanted))
            .then_some(())
    })
    .is_some()
}

/// The text with every Markdown link `[words](address)` replaced by its words, and the first
/// link as written; `None` when it holds none.
pub(crate) fn strip_links(text: &str) -> Option<(String, String)> {
    let mut out = String::with_capacity(text.len());
    let mut first: Option<String> = None;
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|mid| {
            let words = &after[..mid];
            let address = &after[mid + 2..];
            let close = address.find(')')?;
            let plain =
                !words.contains(['[', ']']) && !address[..close].contains(char::is_whitespace);
            plain.then_some((words, mid + 2 + close + 1))
        });
        match link {
            Some((words, len)) => {
                out.push_str(&rest[..open]);
                out.push_str(words);
                first.get_or_insert_with(|| rest[open..open + 1 + len].to_string());
                rest = &after[len..];
            }
            None => {
                out.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    first.map(|link| (out, link))
}

/// A TOML basic string holding `value`: `"…"`, with `"`, `\` and control characters escaped,
/// and a no-break space written `\u00A0` so that it can be seen.
pub(crate) fn toml_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{A0}' => out.push_str("\\u00A0"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_syntax_is_recognised_and_removed() {
        assert_eq!(
            strip_links("backed [Quell](actor:quell)’s campaign, [the council](actor:council)."),
            Some((
                "backed Quell’s campaign, the council.".to_string(),
                "[Quell](actor:quell)".to_string()
            ))
        );
        assert_eq!(strip_links("a [bracketed] remark (aside)"), None);
    }

    #[test]
    fn values_are_written_as_toml_strings() {
        assert_eq!(
            toml_string("say \"no\"\u{A0}now \\"),
            "\"say \\\"no\\\"\\u00A0now \\\\\""
        );
    }
}
