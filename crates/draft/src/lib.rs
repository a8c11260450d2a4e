//! The drafter: a pasted article in, suggestions out. Rules from the patterns of news writing
//! and gazetteers in the repository (`gazetteer/`); no model, no network and no file system in
//! its core (text in, text out), so that the studio can run it in the browser.
//!
//! Data flow: the article's text (Markdown as pasted, no marks) →
//! 1. [`actors::find_actors`]: people, states, organisations and media, each with every span
//!    of the text that names it;
//! 2. [`quotes::find_quotes`]: every passage between quotation marks, with its speaker(s)
//!    resolved to those actors where the attribution patterns say;
//! 3. the writer's files are written from them, every entry a suggestion until confirmed.
//!
//! Every suggestion says how sure it is ([`Confidence`]) and which pattern produced it.

pub mod actors;
pub mod compare;
pub mod dates;
pub mod quotes;
pub mod relations;
pub mod sentences;
pub mod write;

pub use marginalia_model::ActorKind;

/// A stretch of the article's text: bytes `start..end` of the Markdown as pasted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or_default()
    }
}

/// How sure a suggestion is, from 0 to 1.
pub type Confidence = f32;

/// An actor the text names.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundActor {
    /// A slug made from the name (`vladimir-putin` may be shortened: `putin`).
    pub id: String,
    /// The fullest name the text gives ("Kim Jong Un", "North Korea").
    pub name: String,
    pub kind: ActorKind,
    /// The role as the text states it ("chief cabinet secretary"), if it does.
    pub role: Option<String>,
    /// The id of the actor it belongs to, as the text states it ("Japan's chief cabinet
    /// secretary": `japan`), if it does.
    pub affiliation: Option<String>,
    /// Other names the text uses for it ("Putin", "Pyongyang", "DPRK").
    pub aliases: Vec<String>,
    /// Every span of the text that names it (by its name or an alias), in order.
    pub mentions: Vec<Span>,
    pub confidence: Confidence,
    /// What produced it, for the comment beside the suggestion ("gazetteer of states",
    /// "title and capitalised name").
    pub pattern: String,
}

/// A passage between quotation marks.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundQuote {
    /// The words between the marks (the marks not included).
    pub words: Span,
    pub text: String,
    /// The ids of the actors who said it, as found; empty when the text names nobody.
    pub speakers: Vec<String>,
    pub confidence: Confidence,
    /// The attribution pattern that gave the speaker ("“…,” X said"), or why there is none.
    pub pattern: String,
    /// A name between quotation marks, not words anyone said: a passage with no speaker whose
    /// words are a title ("Treaty on Comprehensive Strategic Partnership"). Drafted as
    /// `kind = "title"`.
    pub title: bool,
}

/// The article's text with its actor marks taken out (`[Putin](actor:putin)` → `Putin`): the
/// article as it was pasted, for tests against hand-annotated articles.
pub fn strip_marks(markdown: &str) -> String {
    marks_in(markdown).0
}

/// The article's text without its actor marks, and where each mark was in that text, with the
/// actor it names.
pub fn marks_in(markdown: &str) -> (String, Vec<(Span, String)>) {
    let mut out = String::with_capacity(markdown.len());
    let mut marks = Vec::new();
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        // The mark's words end at the first bracket or line break (so each `[` costs only the
        // scan to its own end, however long the text).
        let marked = after
            .find(['[', ']', '\n'])
            .filter(|&close| after[close..].starts_with("](actor:"))
            .and_then(|close| {
                let tail = &after[close + "](actor:".len()..];
                let end = tail.find([')', '\n', '['])?;
                tail[end..].starts_with(')').then(|| {
                    (
                        &after[..close],
                        &tail[..end],
                        close + "](actor:".len() + end + 1,
                    )
                })
            });
        match marked {
            Some((inner, id, used)) => {
                out.push_str(&rest[..open]);
                let start = out.len();
                out.push_str(inner);
                marks.push((
                    Span {
                        start,
                        end: out.len(),
                    },
                    id.to_string(),
                ));
                rest = &after[used..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_come_out_and_other_links_stay() {
        assert_eq!(
            strip_marks("[Vladimir Putin](actor:putin) met [Kim](actor:kim) [FT](https://ft.com)."),
            "Vladimir Putin met Kim [FT](https://ft.com)."
        );
        assert_eq!(strip_marks("a [b] c"), "a [b] c");
        let (text, marks) = marks_in("Hi [Kim](actor:kim), [Putin](actor:putin).");
        assert_eq!(text, "Hi Kim, Putin.");
        assert_eq!(marks[1].0.of(&text), "Putin");
        assert_eq!(marks[1].1, "putin");
    }
}
