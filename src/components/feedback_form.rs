//! "Leave feedback about this", as on the page the article came from: star ratings for the
//! article's criteria and the reader's own, a comment with its limit shown, and a local image
//! or video (previewed here, never uploaded). Submitting keeps it in this browser (it
//! survives a reload; Clear removes it), offers it as a JSON download, sends it to the host
//! page when embedded, and POSTs it only if the article's author set an endpoint.

use super::context::use_text;
use super::star_rating::StarRating;
use crate::feedback::{
    check_attachment, AttachmentKind, Feedback, FeedbackAction, MAX_ATTACHMENTS, MAX_COMMENT_CHARS,
};
use crate::state::{Action, UiState};
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FeedbackFormProps {
    pub feedback: Feedback,
    pub message: Option<String>,
}

/// The form's view of the app: its part of the state, and the reducer's dispatcher. (Props,
/// not the app context, so the form re-renders only when its own part changes.)
#[derive(Clone)]
struct Form {
    feedback: Feedback,
    message: Option<String>,
    dispatcher: UseReducerDispatcher<UiState>,
}

impl Form {
    fn dispatch(&self, action: Action) {
        self.dispatcher.dispatch(action);
    }
}

#[function_component(FeedbackForm)]
pub fn feedback_form(props: &FeedbackFormProps) -> Html {
    let app = use_text();
    let storage_key = crate::feedback::storage_key(&app.storage_key);
    let ui = Form {
        feedback: props.feedback.clone(),
        message: props.message.clone(),
        dispatcher: app.dispatch.clone(),
    };
    let feedback = &ui.feedback;
    // Previews of files attached in this visit (blob: addresses), by attachment index.
    let previews = use_state(Vec::<Option<String>>::new);
    let new_criterion = use_state(String::new);
    let criterion_error = use_state(|| None::<String>);

    // Restore what this browser kept.
    {
        let (ui, key) = (ui.clone(), storage_key.clone());
        use_effect_with((), move |_| {
            let Ok(Some(text)) = web::load_setting(&key) else {
                return;
            };
            match Feedback::from_storage(&text) {
                Some(kept) => {
                    let when = kept.submitted_at.clone().unwrap_or_default();
                    ui.dispatch(Action::Feedback(FeedbackAction::Replace(kept)));
                    ui.dispatch(Action::FeedbackMessage(Some(format!(
                        "Your feedback of {} is kept in this browser. Change it and submit again, or clear it.",
                        when.get(..10).unwrap_or("earlier")
                    ))));
                }
                None => ui.dispatch(Action::FeedbackMessage(Some(
                    "Feedback kept in this browser could not be read, so the form starts empty."
                        .into(),
                ))),
            }
        });
    }

    let dispatch = |action: FeedbackAction| {
        let ui = ui.clone();
        move || ui.dispatch(Action::Feedback(action.clone()))
    };
    let on_comment = {
        let ui = ui.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            ui.dispatch(Action::Feedback(FeedbackAction::SetComment(area.value())));
        })
    };
    let on_name = {
        let new_criterion = new_criterion.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            new_criterion.set(input.value());
        })
    };
    let add = {
        let (ui, new_criterion, criterion_error) =
            (ui.clone(), new_criterion.clone(), criterion_error.clone());
        move || match ui.feedback.can_add(&new_criterion) {
            Ok(name) => {
                ui.dispatch(Action::Feedback(FeedbackAction::AddCriterion(name)));
                new_criterion.set(String::new());
                criterion_error.set(None);
            }
            Err(why) => criterion_error.set(Some(why)),
        }
    };
    let on_add_click = {
        let add = add.clone();
        Callback::from(move |_| add())
    };
    // Enter in the name field adds it (instead of submitting the whole form).
    let on_name_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            add();
        }
    });
    let on_file = |kind: AttachmentKind| {
        let (ui, previews) = (ui.clone(), previews.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            match check_attachment(kind, &file.name(), &file.type_(), file.size() as u64) {
                Ok(attachment) if ui.feedback.attachments.len() < MAX_ATTACHMENTS => {
                    let mut list = (*previews).clone();
                    list.resize(ui.feedback.attachments.len(), None);
                    list.push(web::object_url(&file));
                    previews.set(list);
                    ui.dispatch(Action::Feedback(FeedbackAction::Attach(attachment)));
                    ui.dispatch(Action::FeedbackMessage(None));
                }
                Ok(_) => ui.dispatch(Action::FeedbackMessage(Some(format!(
                    "At most {} files can be attached.",
                    MAX_ATTACHMENTS
                )))),
                Err(why) => ui.dispatch(Action::FeedbackMessage(Some(why))),
            }
        })
    };
    let on_submit = {
        let (ui, article, key) = (ui.clone(), app.article.clone(), storage_key.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if ui.feedback.is_empty() {
                ui.dispatch(Action::FeedbackMessage(Some(
                    "Rate something, write a comment or attach a file first.".into(),
                )));
                return;
            }
            let submitted = ui.feedback.apply(FeedbackAction::Submitted(web::now_iso()));
            ui.dispatch(Action::Feedback(FeedbackAction::Replace(submitted.clone())));
            let json = submitted.to_json(&article.meta.title, &article.meta.source.date.iso());
            let kept = web::save_setting(&key, &submitted.to_storage());
            let sent = web::post_to_parent("marginalia:feedback", "feedback", &json);
            let mut said = vec![if kept {
                "Thank you: your feedback is kept in this browser.".to_string()
            } else {
                "This browser won’t store your feedback (storage is off or full); nothing you typed is lost — download it to keep it.".to_string()
            }];
            if sent {
                said.push("It was also passed to the site this article is embedded in.".into());
            }
            if let Some(endpoint) = article.meta.feedback_endpoint.clone() {
                let ui2 = ui.clone();
                let base = said.join(" ");
                web::post_json(&endpoint, &json, move |ok| {
                    ui2.dispatch(Action::FeedbackMessage(Some(format!(
                        "{base} {}",
                        if ok {
                            "It was sent to the publisher."
                        } else {
                            "Sending it to the publisher failed; it is still kept here."
                        }
                    ))))
                });
            }
            ui.dispatch(Action::FeedbackMessage(Some(said.join(" "))));
        })
    };
    let on_download = {
        let (ui, article) = (ui.clone(), app.article.clone());
        Callback::from(move |_| {
            let json = ui
                .feedback
                .to_json(&article.meta.title, &article.meta.source.date.iso());
            web::download("marginalia-feedback.json", "application/json", &json);
        })
    };
    let on_clear = {
        let (ui, article, previews) = (ui.clone(), app.article.clone(), previews.clone());
        let key = storage_key.clone();
        Callback::from(move |_| {
            web::remove_setting(&key);
            for url in previews.iter().flatten() {
                web::revoke_object_url(url);
            }
            previews.set(Vec::new());
            ui.dispatch(Action::Feedback(FeedbackAction::Replace(Feedback::new(
                &article.meta.feedback_criteria,
            ))));
            ui.dispatch(Action::FeedbackMessage(Some(
                "Your feedback was cleared.".into(),
            )));
        })
    };

    let left = feedback.comment_left();
    html! {
        <section class="feedback" aria-labelledby="feedback-title">
            <h2 id="feedback-title" class="feedback__title">{ "Leave feedback about this" }</h2>
            <form class="feedback__form" onsubmit={on_submit}>
                { for feedback.ratings.iter().map(|r| {
                    let rate = {
                        let (ui, criterion) = (ui.clone(), r.criterion.clone());
                        Callback::from(move |stars| ui.dispatch(Action::Feedback(FeedbackAction::Rate {
                            criterion: criterion.clone(),
                            stars,
                        })))
                    };
                    let remove = r.custom.then(|| {
                        let remove = dispatch(FeedbackAction::RemoveCriterion(r.criterion.clone()));
                        Callback::from(move |_| remove())
                    });
                    html! {
                        <StarRating key={r.criterion.clone()} criterion={r.criterion.clone()}
                            stars={r.stars} onrate={rate} onremove={remove} />
                    }
                }) }
                <div class="feedback__add" role="group" aria-labelledby="feedback-add-label">
                    <label id="feedback-add-label" class="feedback__label" for="feedback-new-criterion">{ "Add field" }</label>
                    <div class="feedback__add-row">
                        <input id="feedback-new-criterion" class="feedback__input" type="text"
                            placeholder="Name of your criterion" maxlength="40"
                            value={(*new_criterion).clone()} oninput={on_name} onkeydown={on_name_key}
                            aria-describedby="feedback-add-error" />
                        <button type="button" class="button" onclick={on_add_click}>{ "Add field" }</button>
                    </div>
                    <p id="feedback-add-error" class="feedback__error" role="alert">
                        { (*criterion_error).clone().unwrap_or_default() }
                    </p>
                </div>
                <label class="feedback__label" for="feedback-comment">{ "Comment" }</label>
                <textarea
                    id="feedback-comment"
                    class="feedback__comment"
                    rows="5"
                    maxlength={MAX_COMMENT_CHARS.to_string()}
                    aria-describedby="feedback-comment-left"
                    value={feedback.comment.clone()}
                    oninput={on_comment}
                />
                <p id="feedback-comment-left" class="feedback__hint">
                    { format!("{left} of {MAX_COMMENT_CHARS} characters left") }
                </p>
                <div class="feedback__files">
                    <label class="button feedback__file">
                        { "Choose image" }
                        <input class="visually-hidden" type="file" id="feedback-image"
                            accept="image/png,image/jpeg,image/gif,image/webp"
                            onchange={on_file(AttachmentKind::Image)} />
                    </label>
                    <label class="button feedback__file">
                        { "Choose video" }
                        <input class="visually-hidden" type="file" id="feedback-video"
                            accept="video/mp4,video/webm"
                            onchange={on_file(AttachmentKind::Video)} />
                    </label>
                    <span class="feedback__hint">{ "Images up to 5 MB, videos up to 50 MB. Files stay on your device." }</span>
                </div>
                if !feedback.attachments.is_empty() {
                    <ul class="feedback__attachments">
                        { for feedback.attachments.iter().enumerate().map(|(i, a)| {
                            let preview = previews.get(i).cloned().flatten();
                            let detach = {
                                let (ui, previews) = (ui.clone(), previews.clone());
                                Callback::from(move |_| {
                                    let mut list = (*previews).clone();
                                    if i < list.len() {
                                        if let Some(url) = list.remove(i) {
                                            web::revoke_object_url(&url);
                                        }
                                    }
                                    previews.set(list);
                                    ui.dispatch(Action::Feedback(FeedbackAction::Detach(i)));
                                })
                            };
                            html! {
                                <li key={format!("{i}-{}", a.name)} class="feedback__attachment">
                                    { match (&preview, a.kind) {
                                        (Some(url), AttachmentKind::Image) => html! {
                                            <img class="feedback__preview" src={url.clone()} alt={format!("Preview of {}", a.name)} />
                                        },
                                        (Some(url), AttachmentKind::Video) => html! {
                                            <video class="feedback__preview" src={url.clone()} controls=true
                                                aria-label={format!("Preview of {}", a.name)}></video>
                                        },
                                        (None, _) => html! {
                                            <span class="feedback__hint">{ "(not previewed after a reload)" }</span>
                                        },
                                    } }
                                    <span class="feedback__file-name">
                                        { format!("{} ({}, {} KB)", a.name, a.kind.as_str(), a.bytes.div_ceil(1024)) }
                                    </span>
                                    <button type="button" class="button" onclick={detach}
                                        aria-label={format!("Remove {}", a.name)}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <div class="feedback__actions">
                    <button type="submit" class="button button--primary">{ "Submit feedback" }</button>
                    <button type="button" class="button" onclick={on_download}>{ "Download JSON" }</button>
                    <button type="button" class="button" onclick={on_clear}>{ "Clear" }</button>
                </div>
            </form>
            <p class="feedback__status" role="status">{ ui.message.clone().unwrap_or_default() }</p>
        </section>
    }
}
