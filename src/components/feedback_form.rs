//! "Leave feedback about this", as on the page the article came from, as the server renders it
//! into the page (readable, and the same markup as the live form): star ratings for the
//! article's criteria, *Add field* for the reader's own, a comment with its limit shown, and
//! pickers for a local image or video.
//!
//! The live form is not in the wasm: it is a module of its own (`assets/feedback.js`), loaded
//! once the reader comes near the form (`super::feedback_later`), which replaces this one in
//! place and follows the same rules (`crate::feedback`). So this renders a blank form, and
//! nothing here reaches the browser.

use super::context::{use_viewer, Viewer};
use super::criterion_adder::CriterionAdder;
use super::star_rating::StarRating;
use crate::feedback::{AttachmentKind, Feedback, MAX_COMMENT_CHARS};
use crate::i18n::{viewer::Msg, Lang};
use yew::prelude::*;

/// What the form says, beside *Submit*, of the publisher's address it sends to: the author's
/// endpoint when it is an address feedback may go to (the live form checks it again against
/// the page it runs in; see [`crate::feedback::endpoint_origin`]).
fn endpoint_note(viewer: &Viewer) -> Html {
    let endpoint = viewer.article.meta.feedback_endpoint.as_deref();
    match crate::feedback::endpoint_origin(endpoint, None) {
        Some(origin) => html! {
            <p class="feedback__recipient">
                { viewer.config.lang.f(Msg::FeedbackToPublisher, &[("origin", &origin)]) }
            </p>
        },
        None => Html::default(),
    }
}

#[function_component(FeedbackForm)]
pub fn feedback_form() -> Html {
    crate::render_count::rendered("FeedbackForm");
    let viewer = use_viewer();
    let lang = viewer.config.lang;
    let feedback = Feedback::new(&viewer.article.meta.feedback_criteria);
    html! {
        <section class="feedback" aria-labelledby="feedback-title">
            <h2 id="feedback-title" class="feedback__title">{ lang.t(Msg::FeedbackTitle) }</h2>
            <form class="feedback__form">
                { for feedback.ratings.iter().map(|r| html! {
                    <StarRating key={r.criterion.clone()} criterion={r.criterion.clone()}
                        stars={r.stars} onrate={Callback::noop()} />
                }) }
                <CriterionAdder ratings={feedback.ratings.clone()} onadd={Callback::noop()} />
                { comment_field(lang, feedback.comment_left()) }
                { file_pickers(lang) }
                { endpoint_note(&viewer) }
                <div class="feedback__actions">
                    <button type="submit" class="button button--primary">{ lang.t(Msg::FeedbackSubmit) }</button>
                    <button type="button" class="button">{ lang.t(Msg::FeedbackDownload) }</button>
                    <button type="button" class="button">{ lang.t(Msg::FeedbackClear) }</button>
                </div>
            </form>
            <p class="feedback__status" role="status"></p>
        </section>
    }
}

fn comment_field(lang: Lang, left: usize) -> Html {
    html! { <>
        <label class="feedback__label" for="feedback-comment">{ lang.t(Msg::FeedbackComment) }</label>
        <textarea
            id="feedback-comment"
            class="feedback__comment"
            rows="5"
            maxlength={MAX_COMMENT_CHARS.to_string()}
            aria-describedby="feedback-comment-left"
        />
        <p id="feedback-comment-left" class="feedback__hint">
            { lang.f(Msg::FeedbackCharsLeft, &[("left", &left.to_string()), ("max", &MAX_COMMENT_CHARS.to_string())]) }
        </p>
    </> }
}

fn file_pickers(lang: Lang) -> Html {
    html! {
        <div class="feedback__files">
            { for AttachmentKind::ALL.into_iter().map(|kind| html! {
                <label class="button feedback__file">
                    { lang.t(match kind {
                        AttachmentKind::Image => Msg::FeedbackChooseImage,
                        AttachmentKind::Video => Msg::FeedbackChooseVideo,
                    }) }
                    <input class="visually-hidden" type="file"
                        id={format!("feedback-{}", kind.as_str())}
                        accept={kind.types().join(",")} />
                </label>
            }) }
            <span class="feedback__hint">{ lang.t(Msg::FeedbackMediaLimits) }</span>
        </div>
    }
}
