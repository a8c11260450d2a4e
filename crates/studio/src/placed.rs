//! The checker's report cut into its errors, each with the file and line it points at, so that
//! the studio can show an error next to what it concerns (the suggestion whose lines hold it,
//! the file shown in *Files*) as well as in the list. The report is the command line's
//! (`marginalia_content::report`): an error is a line `<slug>/<file>:<line>:<column>: <what>`,
//! and the lines after it indented by two spaces (its hint, its fix) are its own.

use std::ops::Range;

/// One error of the report, where it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The file's own name (`quotes.toml`).
    pub file: String,
    /// From 1, as the report prints it.
    pub line: usize,
    /// The error as the report prints it: its first line and its hint and fix lines.
    pub text: String,
}

/// The errors of `report` that point at a file's line; text that does not (a drafter's
/// refusal, say) is not among them.
pub fn place(report: &str) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::new();
    for line in report.lines() {
        if line.starts_with("  ") {
            if let Some(last) = placed.last_mut() {
                last.text.push('\n');
                last.text.push_str(line);
            }
            continue;
        }
        // `path:line:column: what`: the path may hold no colon; the numbers are digits.
        let mut parts = line.splitn(4, ':');
        let (Some(path), Some(n), Some(column), Some(_)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (Ok(n), true) = (
            n.parse::<usize>(),
            !column.is_empty() && column.bytes().all(|b| b.is_ascii_digit()),
        ) else {
            continue;
        };
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path).to_string();
        placed.push(Placed {
            file,
            line: n,
            text: line.to_string(),
        });
    }
    placed
}

/// The errors in `file` whose line (counted from 0) is in `lines`.
pub fn within<'p>(placed: &'p [Placed], file: &str, lines: Range<usize>) -> Vec<&'p Placed> {
    placed
        .iter()
        .filter(|p| p.file == file && p.line >= 1 && lines.contains(&(p.line - 1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "my-story/actors.toml:12:8: kind must be one of person, state, organisation, media\n  hint: did you mean \"person\"?\nmy-story/quotes.toml:3:1: quote \"kim-fight\": speaker \"kimm\" is not an actor\n  hint: the nearest id is \"kim\"\n  fix: speaker = \"kim\"\nmy-story/article.md:1:1: the article has no text";

    #[test]
    fn a_report_is_cut_into_placed_errors_with_their_hints() {
        let placed = place(REPORT);
        assert_eq!(placed.len(), 3);
        assert_eq!(placed[0].file, "actors.toml");
        assert_eq!(placed[0].line, 12);
        assert!(placed[0].text.ends_with("  hint: did you mean \"person\"?"));
        assert_eq!(placed[1].file, "quotes.toml");
        assert_eq!(placed[1].text.lines().count(), 3);
        assert_eq!(placed[2].file, "article.md");
        // The report is every placed error, in order.
        let joined: Vec<String> = placed.iter().map(|p| p.text.clone()).collect();
        assert_eq!(joined.join("\n"), REPORT);
    }

    #[test]
    fn what_is_not_an_error_line_is_not_placed() {
        assert!(place("Paste the article's text first.").is_empty());
        assert!(place("meta.toml has no source date: see: the form").is_empty());
        assert!(place("").is_empty());
    }

    #[test]
    fn errors_within_an_entry_s_lines() {
        let placed = place(REPORT);
        assert_eq!(within(&placed, "actors.toml", 10..14).len(), 1);
        assert!(within(&placed, "actors.toml", 0..11).is_empty());
        assert!(within(&placed, "quotes.toml", 10..14).is_empty());
        assert_eq!(within(&placed, "quotes.toml", 0..usize::MAX)[0].line, 3);
    }
}
