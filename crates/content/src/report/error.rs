//! Step 5 of the pipeline (`report/`): what every step reports: errors in content files, each
//! pointing at a file, a line and a column, with an optional hint on how to fix it and, when
//! the checker can make it, the corrected value to paste (each printed on a line of its own,
//! indented).

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentError {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, counted in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when the checker can tell: the nearest known id, the closest text of
    /// the article, the date that would be right.
    pub hint: Option<String>,
    /// The corrected line to paste in place of the one at fault (`text = "…"`), when the
    /// checker can make it.
    pub fix: Option<String>,
}

impl ContentError {
    /// The same error with a hint.
    pub fn with_hint(mut self, hint: Option<String>) -> ContentError {
        self.hint = hint;
        self
    }

    /// The same error with a corrected line to paste.
    pub fn with_fix(mut self, fix: Option<String>) -> ContentError {
        self.fix = fix;
        self
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        if let Some(fix) = &self.fix {
            write!(f, "\n  fix: {fix}")?;
        }
        Ok(())
    }
}

/// A content file: its name as errors print it, and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// An error at a byte offset of this file.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> ContentError {
        let (line, column) = line_column(&self.text, offset);
        ContentError {
            file: self.name.clone(),
            line,
            column,
            message: message.into(),
            hint: None,
            fix: None,
        }
    }

    /// The 1-based line and column of a byte offset of this file.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        line_column(&self.text, offset)
    }

    /// The file's own name, without its folder (`quotes.toml`).
    pub fn short_name(&self) -> &str {
        self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name)
    }
}

/// The 1-based line and character column of a byte offset (clamped to the text).
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Joins errors into the report the build and the checker print: one per line (a hint on the
/// line after its error), in file, line and column order.
pub fn report(errors: &[ContentError]) -> String {
    let mut sorted = errors.to_vec();
    sorted.sort();
    sorted.dedup();
    let text = sorted
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    terminal_safe(&text)
}

/// Content quoted in a report (a file's text, a name) may hold control characters; printed
/// raw they would drive the author's terminal (colours, cursor moves, a changed title). Every
/// control character but the line breaks of the report itself is shown as its `\u{…}` escape.
pub(crate) fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_never_carry_terminal_control_characters() {
        let hostile = "title \u{1b}]0;pwned\u{7}\u{1b}[2J and \u{9b}31m";
        let shown = terminal_safe(hostile);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert_eq!(
            shown,
            "title \\u{1b}]0;pwned\\u{7}\\u{1b}[2J and \\u{9b}31m"
        );
        assert_eq!(terminal_safe("a\nb"), "a\nb");
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\n“cd”\nef";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // 'c' sits after the 3-byte “, at character column 2.
        assert_eq!(line_column(text, 6), (2, 2));
        assert_eq!(line_column(text, text.len() + 10), (3, 3));
    }

    #[test]
    fn errors_print_as_file_line_column() {
        let f = SourceFile::new("content/a/quotes.toml", "x\ny = 1");
        assert_eq!(
            f.error_at(2, "bad").to_string(),
            "content/a/quotes.toml:2:1: bad"
        );
        assert_eq!(
            f.error_at(2, "bad")
                .with_hint(Some("try this".into()))
                .to_string(),
            "content/a/quotes.toml:2:1: bad\n  hint: try this"
        );
        assert_eq!(f.short_name(), "quotes.toml");
    }
}
