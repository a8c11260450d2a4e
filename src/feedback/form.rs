//! The feedback form's own reducer: the [`Feedback`] and what the form last said to the
//! reader. Kept apart from the view's reducer, so a keystroke in the comment re-renders the
//! form and nothing else.
//!
//! Data flow: the form component turns each of the reader's intents into one [`FormAction`]
//! (its effects first do what touches the browser — storage, the host page — and report how
//! that went in the action); [`Form::apply`] is pure and words the message.

use super::{Attachment, Feedback, FeedbackAction, MAX_ATTACHMENTS};
use crate::i18n::{viewer::Msg, Lang};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    pub feedback: Feedback,
    /// What the form last said (kept, refused file, storage full…).
    pub message: Option<String>,
    /// The language it says it in.
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormAction {
    /// The reader rated, named a criterion, typed, removed a criterion or a file.
    Edit(FeedbackAction),
    /// At start: what this browser kept (`None`: something was kept but could not be read).
    Restore(Option<Feedback>),
    /// A checked file was attached.
    Attach(Attachment),
    /// Submitted at this time (ISO 8601): `kept` in this browser or not, `shared` with the
    /// host page or not.
    Submit {
        at: String,
        kept: bool,
        shared: bool,
    },
    /// Everything removed: the form starts again with these (the article's) criteria.
    Clear(Feedback),
    /// Something to tell the reader (a refused file, the author's endpoint's answer).
    Say(String),
}

impl Form {
    pub fn new(feedback: Feedback, lang: Lang) -> Form {
        Form {
            feedback,
            message: None,
            lang,
        }
    }

    pub fn apply(&self, action: FormAction) -> Form {
        let mut f = self.clone();
        match action {
            FormAction::Edit(edit) => f.feedback = f.feedback.apply(edit),
            FormAction::Restore(Some(kept)) => {
                let when = kept.submitted_at.clone().unwrap_or_default();
                f.feedback = kept;
                f.message = Some(f.lang.f(
                    Msg::FeedbackKept,
                    &[("date", when.get(..10).unwrap_or_default())],
                ));
            }
            FormAction::Restore(None) => f.message = Some(f.lang.t(Msg::FeedbackUnreadable).into()),
            FormAction::Attach(attachment) => {
                if f.feedback.attachments.len() < MAX_ATTACHMENTS {
                    f.feedback = f.feedback.apply(FeedbackAction::Attach(attachment));
                    f.message = None;
                } else {
                    f.message = Some(too_many_files(f.lang));
                }
            }
            FormAction::Submit { at, kept, shared } => {
                f.feedback = f.feedback.apply(FeedbackAction::Submitted(at));
                f.message = Some(submitted(f.lang, kept, shared));
            }
            FormAction::Clear(blank) => {
                f.feedback = blank;
                f.message = Some(f.lang.t(Msg::FeedbackCleared).into());
            }
            FormAction::Say(text) => f.message = Some(text),
        }
        f
    }
}

/// What the form says when the reader attaches one file too many.
pub fn too_many_files(lang: Lang) -> String {
    lang.f(
        Msg::FeedbackTooManyFiles,
        &[("max", &MAX_ATTACHMENTS.to_string())],
    )
}

/// What the form says once submitted: whether it was kept, and passed to the host page.
pub fn submitted(lang: Lang, kept: bool, shared: bool) -> String {
    let mut said = lang
        .t(if kept {
            Msg::FeedbackThanks
        } else {
            Msg::FeedbackNotStored
        })
        .to_string();
    if shared {
        said.push_str(lang.t(Msg::FeedbackPassedToHost));
    }
    said
}

/// What the form says when the author's endpoint answered (`ok`: 2xx), after `submitted`.
pub fn sent(lang: Lang, kept: bool, shared: bool, ok: bool) -> String {
    let outcome = lang.t(if ok {
        Msg::FeedbackSent
    } else {
        Msg::FeedbackSendFailed
    });
    lang.f(
        Msg::FeedbackSubmittedThen,
        &[
            ("said", &submitted(lang, kept, shared)),
            ("outcome", outcome),
        ],
    )
}

impl Reducible for Form {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{check_attachment, AttachmentKind};
    use super::*;

    fn blank() -> Form {
        Form::new(Feedback::new(&["Quality".into()]), Lang::En)
    }

    #[test]
    fn submitting_marks_the_time_and_says_where_it_went() {
        let f = blank().apply(FormAction::Submit {
            at: "2026-11-28T12:00:00Z".into(),
            kept: true,
            shared: true,
        });
        assert_eq!(
            f.feedback.submitted_at.as_deref(),
            Some("2026-11-28T12:00:00Z")
        );
        assert_eq!(
            f.message.as_deref(),
            Some("Thank you: your feedback is kept in this browser. It was also passed to the site this article is embedded in.")
        );
        assert!(sent(Lang::En, false, false, false).ends_with("failed; it is still kept here."));
    }

    #[test]
    fn restoring_says_when_it_was_kept_or_that_it_could_not_be_read() {
        let kept = blank()
            .feedback
            .apply(FeedbackAction::Submitted("2026-11-28T12:00:00Z".into()));
        let f = blank().apply(FormAction::Restore(Some(kept.clone())));
        assert_eq!(f.feedback, kept);
        assert!(f
            .message
            .unwrap()
            .starts_with("Your feedback of 2026-11-28 is kept"));
        let f = blank().apply(FormAction::Restore(None));
        assert_eq!(f.feedback, blank().feedback);
        assert!(f.message.unwrap().contains("could not be read"));
    }

    #[test]
    fn attaching_clears_the_message_up_to_the_limit() {
        let file = check_attachment(AttachmentKind::Image, "a.png", "image/png", 1).unwrap();
        let mut f = blank().apply(FormAction::Say("x".into()));
        for _ in 0..MAX_ATTACHMENTS {
            f = f.apply(FormAction::Attach(file.clone()));
            assert_eq!(f.message, None);
        }
        let f = f.apply(FormAction::Attach(file));
        assert_eq!(f.feedback.attachments.len(), MAX_ATTACHMENTS);
        assert_eq!(f.message, Some(too_many_files(Lang::En)));
    }
}
