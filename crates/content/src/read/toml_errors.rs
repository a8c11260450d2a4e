//! Step 1 of the pipeline (`read/`), for its errors: the TOML reader's complaints explained for
//! a writer. The reader says where it stopped and what it expected ("unexpected key or value,
//! expected newline, `#`"); most of the time the cause is a quotation mark typed inside a
//! value, a value not closed on its line, or a required field left out. Those are recognised
//! here and told in plain words, with the line to write instead when it can be made; any other
//! complaint is kept as the reader words it.

use crate::report::error::{ContentError, SourceFile};
use crate::report::hints;

/// The error for a TOML file that does not parse: `offset` and `message` are the reader's.
pub(crate) fn explain(file: &SourceFile, offset: usize, message: &str) -> ContentError {
    let text = &file.text;
    let offset = floor_boundary(text, offset);
    let line = line_at(text, offset);
    let explained = if message.starts_with("unexpected key or value")
        || message.starts_with("missing comma between array elements")
    {
        quote_inside_value(text, offset, line)
    } else if message.starts_with("invalid basic string") && at_line_end(text, offset) {
        Some(unclosed_value(line))
    } else if message.starts_with("string values must be quoted") {
        Some(unquoted_value(line))
    } else {
        field_in(message, "missing field `").map(|field| missing_field(file, offset, field))
    };
    match explained {
        Some(e) => file
            .error_at(e.offset.unwrap_or(offset), e.message)
            .with_hint(e.hint)
            .with_fix(e.fix),
        None => file
            .error_at(offset, message)
            .with_hint(reader_hint(message)),
    }
}

struct Explained {
    /// Where the mistake is, when it is not where the reader stopped.
    offset: Option<usize>,
    message: String,
    hint: Option<String>,
    fix: Option<String>,
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The line holding `offset`: its start (byte offset) and its text without the line break.
fn line_at(text: &str, offset: usize) -> (usize, &str) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, text[start..end].trim_end_matches('\r'))
}

fn at_line_end(text: &str, offset: usize) -> bool {
    text[offset..]
        .chars()
        .next()
        .is_none_or(|c| c == '\n' || c == '\r')
}

/// `key = "He said "no" today"` (or a list item `"He said "no" today",`): the second " closed
/// the value and the reader stopped at what follows it. Also `'it's'` in a literal string.
fn quote_inside_value(
    text: &str,
    offset: usize,
    (start, line): (usize, &str),
) -> Option<Explained> {
    let before = text[..offset].chars().next_back()?;
    let first_mark = line.find(['"', '\''])?;
    // `key = value`, or a list item alone on its line.
    let head_len = match line[..first_mark].rfind('=') {
        Some(eq) => eq + 1 + (line[eq + 1..].len() - line[eq + 1..].trim_start().len()),
        None => line.len() - line.trim_start().len(),
    };
    let (head, value) = line.split_at(head_len);
    let mark = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    if before != mark || offset <= start + head_len + 1 {
        return None;
    }
    let fix = curly_value(value, mark).map(|v| format!("{head}{v}"));
    let (message, hint) = if mark == '"' {
        (
            "a straight \" inside a quoted value ends the value here".to_string(),
            "for quotation marks in the text type “ and ” (curly quotes); to keep a straight \", write the value between ''' and '''",
        )
    } else {
        (
            "a straight ' inside a '…' value ends the value here".to_string(),
            "for an apostrophe in the text type ’ (a curly apostrophe), or write the value between \"…\"",
        )
    };
    Some(Explained {
        offset: Some(offset - before.len_utf8()),
        message,
        hint: Some(hint.into()),
        fix: fix.map(|f| f.trim().to_string()),
    })
}

/// The value with the marks inside it made curly: “ and ” in turn for ", ’ for '. `None` unless
/// the value ends the line (after an optional comma), with an even number of inner ".
fn curly_value(value: &str, mark: char) -> Option<String> {
    let trimmed = value.trim_end();
    let (body, comma) = match trimmed.strip_suffix(',') {
        Some(b) => (b.trim_end(), ","),
        None => (trimmed, ""),
    };
    let inner = body.strip_prefix(mark)?.strip_suffix(mark)?;
    let mut open = true;
    let curly: String = inner
        .chars()
        .map(|c| match c {
            '"' if mark == '"' => {
                open = !open;
                if open {
                    '”'
                } else {
                    '“'
                }
            }
            '\'' if mark == '\'' => '’',
            c => c,
        })
        .collect();
    if mark == '"' && !open {
        // An odd number of marks: no pairing to offer.
        return None;
    }
    Some(format!("{mark}{curly}{mark}{comma}"))
}

fn unclosed_value((_, line): (usize, &str)) -> Explained {
    let fix = line
        .split_once('=')
        .map(|(k, v)| (k.trim(), v.trim()))
        .filter(|(_, v)| v.starts_with('"') && !v[1..].contains('"'))
        .map(|(k, v)| format!("{k} = {v}\""));
    Explained {
        offset: None,
        message: "this quoted value is not closed: it needs a \" at the end of the line".into(),
        hint: Some(
            "a value between \"…\" ends on the line where it starts; for text over several lines, write it between ''' and '''"
                .into(),
        ),
        fix,
    }
}

fn unquoted_value((_, line): (usize, &str)) -> Explained {
    let fix = line.split_once('=').map(|(k, v)| {
        let v = v.trim().trim_start_matches('“').trim_end_matches('”');
        format!("{} = \"{}\"", k.trim(), v.replace('"', "“"))
    });
    Explained {
        offset: None,
        message: "this value must be written between straight double quotes: key = \"value\""
            .into(),
        hint: Some(
            "TOML marks a text value with \" (the key on the keyboard), not with “ ”; the curly ones belong inside the value"
                .into(),
        ),
        fix,
    }
}

fn missing_field(file: &SourceFile, offset: usize, field: &str) -> Explained {
    let (_, line) = line_at(&file.text, offset);
    let table = line.trim();
    let whose = if table.starts_with('[') {
        format!("this {table}")
    } else {
        file.short_name().to_string()
    };
    Explained {
        offset: None,
        message: format!("{whose} has no `{field}`, which is required"),
        hint: Some(format!(
            "add a line {field} = \"…\" (docs/authoring.md lists each file's fields and which are required)"
        )),
        fix: None,
    }
}

/// The field a reader's message names after `prefix` ("missing field `role`" → `role`).
fn field_in<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    message.strip_prefix(prefix)?.split('`').next()
}

/// A hint for the reader's other messages.
fn reader_hint(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`')?;
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return hints::did_you_mean(field, known);
    }
    if message.contains("expected a string") {
        return Some("write the value between double quotes: key = \"…\"".into());
    }
    if message.contains("expected a sequence") {
        return Some("write a list between brackets: key = [\"…\", \"…\"]".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        #[derive(serde::Deserialize)]
        #[allow(dead_code, reason = "only parsed, to get the TOML error")]
        struct Entry {
            text: String,
            id: String,
        }
        let e = toml::from_str::<Entry>(text).err().expect("a TOML error");
        let file = SourceFile::new("quotes.toml", text);
        explain(&file, e.span().map_or(0, |s| s.start), e.message()).to_string()
    }

    #[test]
    fn a_straight_quote_inside_a_value_is_explained_with_the_line_to_write() {
        assert_eq!(
            error("id = \"x\"\ntext = \"He said \"no\" today\"\n"),
            "quotes.toml:2:17: a straight \" inside a quoted value ends the value here\n  \
             hint: for quotation marks in the text type “ and ” (curly quotes); to keep a straight \", write the value between ''' and '''\n  \
             fix: text = \"He said “no” today\""
        );
        assert!(error("id = 'it's'\ntext = \"x\"")
            .contains("a straight ' inside a '…' value ends the value here"));
    }

    #[test]
    fn an_unclosed_or_unquoted_value_is_explained() {
        assert!(error("id = \"x\ntext = \"y\"\n")
            .starts_with("quotes.toml:1:8: this quoted value is not closed"));
        assert!(error("id = \"x\ntext = \"y\"\n").ends_with("fix: id = \"x\""));
        assert!(error("id = “x”\ntext = \"y\"\n").ends_with("fix: id = \"x\""));
        assert_eq!(
            error("id = \"x\"\n"),
            "quotes.toml:1:1: quotes.toml has no `text`, which is required\n  \
             hint: add a line text = \"…\" (docs/authoring.md lists each file's fields and which are required)"
        );
    }
}
