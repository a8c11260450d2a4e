//! The feedback as it leaves the browser: a download, the author's endpoint, the host page.
//!
//! [`Export`] is the one description of the format, serialized with serde: in the browser by
//! `serde-wasm-bindgen` into an object (posted to the host page as it is, or turned into JSON
//! text by the browser's `JSON.stringify`), in the native tests by `serde_json`. Either text
//! goes through [`html_safe`], so the two give the same bytes.

use super::{Attachment, Feedback, Rating, FORMAT_VERSION};
use serde::Serialize;

/// The name of the format, the first field of every export.
pub const FORMAT: &str = "marginalia-feedback";

/// The exported feedback, with the article it is about.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub format: &'static str,
    pub version: u32,
    pub article: ArticleRef<'a>,
    /// When it was submitted (ISO 8601); `null` if it was not.
    pub submitted_at: Option<&'a str>,
    pub ratings: &'a [Rating],
    pub comment: &'a str,
    pub attachments: &'a [Attachment],
}

/// Which article the feedback is about.
#[derive(Debug, Serialize)]
pub struct ArticleRef<'a> {
    pub title: &'a str,
    /// The original's date (ISO 8601).
    pub source_date: &'a str,
}

impl Feedback {
    /// The feedback as exported, about the article with this title and source date.
    pub fn export<'a>(&'a self, title: &'a str, source_date: &'a str) -> Export<'a> {
        Export {
            format: FORMAT,
            version: FORMAT_VERSION,
            article: ArticleRef { title, source_date },
            submitted_at: self.submitted_at.as_deref(),
            ratings: &self.ratings,
            comment: &self.comment,
            attachments: &self.attachments,
        }
    }
}

/// JSON text made safe to paste into HTML and JavaScript: `<`, `>`, U+2028 and U+2029 as
/// `\uXXXX` escapes. (Outside strings JSON has none of them, so every one is in a string.)
pub fn html_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Native only: the browser's path (serde-wasm-bindgen, `JSON.stringify`) is checked against
/// the same text in `tests/browser.rs`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{check_attachment, AttachmentKind, FeedbackAction};
    use super::*;

    fn json(feedback: &Feedback, title: &str, date: &str) -> String {
        html_safe(&serde_json::to_string(&feedback.export(title, date)).unwrap())
    }

    #[test]
    fn json_export_is_escaped_and_complete() {
        let f = Feedback::new(&["Quality".into(), "Price".into(), "Service".into()])
            .apply(FeedbackAction::Rate {
                criterion: "Quality".into(),
                stars: 5,
            })
            .apply(FeedbackAction::SetComment(
                "He said \"no\"\n</script>".into(),
            ));
        let json = json(&f, "T \"1\"", "2024-06-20");
        assert!(json.starts_with("{\"format\":\"marginalia-feedback\",\"version\":1,"));
        assert!(json.contains("\"title\":\"T \\\"1\\\"\""));
        assert!(json.contains("{\"criterion\":\"Quality\",\"stars\":5,\"custom\":false}"));
        assert!(json.contains("\"comment\":\"He said \\\"no\\\"\\n\\u003c/script\\u003e\""));
        assert!(json.contains("\"submitted_at\":null"));
        assert!(!json.contains("</script>"));
    }

    #[test]
    fn the_whole_shape_with_attachments() {
        let f = Feedback::new(&["Quality".into()])
            .apply(FeedbackAction::Attach(
                check_attachment(AttachmentKind::Video, "v<1>.webm", "video/webm", 99).unwrap(),
            ))
            .apply(FeedbackAction::Submitted("2026-11-28T12:00:00Z".into()));
        assert_eq!(
            json(&f, "T", "2024-06-20"),
            concat!(
                "{\"format\":\"marginalia-feedback\",\"version\":1,",
                "\"article\":{\"title\":\"T\",\"source_date\":\"2024-06-20\"},",
                "\"submitted_at\":\"2026-11-28T12:00:00Z\",",
                "\"ratings\":[{\"criterion\":\"Quality\",\"stars\":0,\"custom\":false}],",
                "\"comment\":\"\",",
                "\"attachments\":[{\"name\":\"v\\u003c1\\u003e.webm\",\"type\":\"video/webm\",",
                "\"bytes\":99,\"kind\":\"video\"}]}"
            )
        );
    }

    #[test]
    fn line_separators_are_escaped_for_javascript() {
        assert_eq!(html_safe("\"a\u{2028}b\u{2029}\""), "\"a\\u2028b\\u2029\"");
    }
}
