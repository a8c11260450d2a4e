//! "Leave feedback about this", as on the page the article came from: star ratings for the
//! article's criteria and the reader's own, a comment with its limit shown, and a local image
//! or video (previewed here, never uploaded). Submitting keeps it in this browser (it
//! survives a reload; Clear removes it), offers it as a JSON download, sends it to the host
//! page when embedded, and POSTs it only if the article's author set an endpoint.
//!
//! Data flow: the form has its own reducer ([`Form`]), so typing re-renders this form alone;
//! its callbacks do what touches the browser (storage, the host page, files) and dispatch one
//! [`FormAction`] saying how that went; the feedback leaves as `feedback::export::Export`.

use super::attachment_list::AttachmentList;
use super::context::{use_viewer, Viewer};
use super::criterion_adder::CriterionAdder;
use super::star_rating::StarRating;
use crate::effects::use_restored_feedback;
use crate::feedback::form::{sent, too_many_files, Form, FormAction};
use crate::feedback::{
    check_attachment, storage_key, AttachmentKind, Feedback, FeedbackAction, Recipient,
    MAX_ATTACHMENTS, MAX_COMMENT_CHARS,
};
use crate::i18n::{viewer::Msg, Lang};
use crate::web;
use crate::web::files::{object_url, revoke_object_url};
use crate::web::storage::{remove_setting, save_setting};
use wasm_bindgen::JsValue;
use yew::prelude::*;

type Previews = UseStateHandle<Vec<Option<String>>>;

/// Who receives the feedback besides this browser (see [`crate::feedback::recipient`]).
/// (None when rendered on the server: there is no browser to ask.)
fn recipient(viewer: &Viewer) -> Option<Recipient> {
    if crate::config::prerendering() {
        return None;
    }
    let mounted = viewer.config.mode == crate::config::Mode::Mounted;
    let parent = web::host::parent_origin();
    let allowed = &viewer.article.meta.feedback_parent_origins;
    crate::feedback::recipient(mounted, viewer.config.embed, parent.as_deref(), allowed)
}

/// The author's endpoint, if feedback may go there from this page, and its origin (see
/// [`crate::feedback::endpoint_origin`]).
fn endpoint_and_origin(viewer: &Viewer) -> Option<(String, String)> {
    let endpoint = viewer.article.meta.feedback_endpoint.as_deref();
    // The page's origin only in the browser: the server renderer has none (and names the
    // endpoint; the browser checks it against the page it runs in).
    let page = (!crate::config::prerendering())
        .then(web::page_origin)
        .flatten();
    let origin = crate::feedback::endpoint_origin(endpoint, page.as_deref())?;
    Some((endpoint?.to_string(), origin))
}

fn endpoint(viewer: &Viewer) -> Option<String> {
    endpoint_and_origin(viewer).map(|(endpoint, _)| endpoint)
}

/// What the form says, beside *Submit*, of the publisher's address it sends to.
fn endpoint_note(viewer: &Viewer) -> Html {
    match endpoint_and_origin(viewer) {
        Some((_, origin)) => html! {
            <p class="feedback__recipient">
                { viewer.config.lang.f(Msg::FeedbackToPublisher, &[("origin", &origin)]) }
            </p>
        },
        None => Html::default(),
    }
}

/// What the form says, beside *Submit*, of where the feedback goes.
fn recipient_note(lang: Lang, recipient: Option<&Recipient>) -> Html {
    let text = match recipient {
        Some(Recipient::EmbeddingSite(origin)) => {
            lang.f(Msg::FeedbackToHost, &[("origin", origin)])
        }
        Some(Recipient::HostPage) => lang.t(Msg::FeedbackToPage).to_string(),
        None => return Html::default(),
    };
    html! { <p class="feedback__recipient">{ text }</p> }
}

/// The feedback as a JavaScript object, about the viewer's article.
fn export(viewer: &Viewer, feedback: &Feedback) -> Option<JsValue> {
    let meta = &viewer.article.meta;
    let date = meta.source.date.iso();
    web::json::to_object(&feedback.export(&meta.title, &date))
}

fn on_file(
    form: &UseReducerHandle<Form>,
    previews: &Previews,
    kind: AttachmentKind,
) -> Callback<Event> {
    let (form, previews) = (form.clone(), previews.clone());
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let attached = form.feedback.attachments.len();
        match check_attachment(kind, &file.name(), &file.type_(), file.size() as u64) {
            Ok(attachment) if attached < MAX_ATTACHMENTS => {
                let mut list = (*previews).clone();
                list.resize(attached, None);
                list.push(object_url(&file));
                previews.set(list);
                form.dispatch(FormAction::Attach(attachment));
            }
            Ok(_) => form.dispatch(FormAction::Say(too_many_files(form.lang))),
            Err(why) => form.dispatch(FormAction::Say(why.said(form.lang))),
        }
    })
}

fn on_submit(form: &UseReducerHandle<Form>, viewer: &Viewer) -> Callback<SubmitEvent> {
    let (form, viewer) = (form.clone(), viewer.clone());
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        if form.feedback.is_empty() {
            form.dispatch(FormAction::Say(form.lang.t(Msg::FeedbackNothing).into()));
            return;
        }
        let at = web::now_iso();
        let submitted = form.feedback.apply(FeedbackAction::Submitted(at.clone()));
        let kept = save_setting(&storage_key(&viewer.storage_key), &submitted.to_storage());
        let object = export(&viewer, &submitted);
        let shared = match (&recipient(&viewer), &object) {
            (Some(Recipient::EmbeddingSite(origin)), Some(o)) => {
                web::host::post_feedback(o, origin)
            }
            (Some(Recipient::HostPage), Some(o)) => viewer
                .root_element()
                .is_some_and(|root| web::host::dispatch_feedback_event(&root, o)),
            _ => false,
        };
        form.dispatch(FormAction::Submit { at, kept, shared });
        let json = object.as_ref().and_then(web::json::stringify);
        if let (Some(endpoint), Some(json)) = (endpoint(&viewer), json) {
            let (dispatch, lang) = (form.dispatcher(), form.lang);
            web::endpoint::post_json(&endpoint, &json, move |ok| {
                dispatch.dispatch(FormAction::Say(sent(lang, kept, shared, ok)))
            });
        }
    })
}

fn on_download(form: &UseReducerHandle<Form>, viewer: &Viewer) -> Callback<MouseEvent> {
    let (form, viewer) = (form.clone(), viewer.clone());
    Callback::from(move |_| {
        if let Some(json) = export(&viewer, &form.feedback)
            .as_ref()
            .and_then(web::json::stringify)
        {
            web::files::download("marginalia-feedback.json", "application/json", &json);
        }
    })
}

fn on_clear(
    form: &UseReducerHandle<Form>,
    viewer: &Viewer,
    previews: &Previews,
) -> Callback<MouseEvent> {
    let (form, viewer, previews) = (form.clone(), viewer.clone(), previews.clone());
    Callback::from(move |_| {
        remove_setting(&storage_key(&viewer.storage_key));
        for url in previews.iter().flatten() {
            revoke_object_url(url);
        }
        previews.set(Vec::new());
        let blank = Feedback::new(&viewer.article.meta.feedback_criteria);
        form.dispatch(FormAction::Clear(blank));
    })
}

/// Callbacks that stay the same from render to render, so the ratings and the adder re-render
/// only when their own props change.
#[hook]
fn use_stable_callbacks(
    dispatch: UseReducerDispatcher<Form>,
) -> (
    Callback<(AttrValue, u8)>,
    Callback<AttrValue>,
    Callback<String>,
) {
    let edit = |action: FeedbackAction, d: &UseReducerDispatcher<Form>| {
        d.dispatch(FormAction::Edit(action))
    };
    let rate = use_callback(
        dispatch.clone(),
        move |(criterion, stars): (AttrValue, u8), d| {
            let criterion = criterion.to_string();
            edit(FeedbackAction::Rate { criterion, stars }, d)
        },
    );
    let remove = use_callback(dispatch.clone(), move |criterion: AttrValue, d| {
        edit(FeedbackAction::RemoveCriterion(criterion.to_string()), d)
    });
    let add = use_callback(dispatch, move |name: String, d| {
        edit(FeedbackAction::AddCriterion(name), d)
    });
    (rate, remove, add)
}

#[function_component(FeedbackForm)]
pub fn feedback_form() -> Html {
    crate::render_count::rendered("FeedbackForm");
    let viewer = use_viewer();
    let form = {
        let criteria = viewer.article.meta.feedback_criteria.clone();
        let lang = viewer.config.lang;
        use_reducer(move || Form::new(Feedback::new(&criteria), lang))
    };
    let lang = viewer.config.lang;
    // Previews of files attached in this visit (blob: addresses), by attachment index.
    let previews: Previews = use_state(Vec::new);
    use_restored_feedback(storage_key(&viewer.storage_key), form.dispatcher());
    let (on_rate, on_remove, on_add) = use_stable_callbacks(form.dispatcher());
    let on_detach = use_callback(
        (previews.clone(), form.dispatcher()),
        |i: usize, (previews, d)| {
            let mut list = (**previews).clone();
            if let Some(Some(url)) = (i < list.len()).then(|| list.remove(i)) {
                revoke_object_url(&url);
            }
            previews.set(list);
            d.dispatch(FormAction::Edit(FeedbackAction::Detach(i)));
        },
    );
    let on_comment = {
        let dispatch = form.dispatcher();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(FormAction::Edit(FeedbackAction::SetComment(area.value())));
        })
    };
    let feedback = &form.feedback;
    let receiver = {
        let viewer = viewer.clone();
        use_memo((), move |_| recipient(&viewer))
    };
    html! {
        <section class="feedback" aria-labelledby="feedback-title">
            <h2 id="feedback-title" class="feedback__title">{ lang.t(Msg::FeedbackTitle) }</h2>
            <form class="feedback__form" onsubmit={on_submit(&form, &viewer)}>
                { for feedback.ratings.iter().map(|r| html! {
                    <StarRating key={r.criterion.clone()} criterion={r.criterion.clone()}
                        stars={r.stars} onrate={on_rate.clone()}
                        onremove={r.custom.then(|| on_remove.clone())} />
                }) }
                <CriterionAdder ratings={feedback.ratings.clone()} onadd={on_add} />
                { comment_field(lang, &feedback.comment, feedback.comment_left(), on_comment) }
                { file_pickers(lang, &form, &previews) }
                if !feedback.attachments.is_empty() {
                    <AttachmentList attachments={feedback.attachments.clone()}
                        previews={(*previews).clone()} ondetach={on_detach} />
                }
                { recipient_note(lang, (*receiver).as_ref()) }
                { endpoint_note(&viewer) }
                <div class="feedback__actions">
                    <button type="submit" class="button button--primary">{ lang.t(Msg::FeedbackSubmit) }</button>
                    <button type="button" class="button" onclick={on_download(&form, &viewer)}>{ lang.t(Msg::FeedbackDownload) }</button>
                    <button type="button" class="button" onclick={on_clear(&form, &viewer, &previews)}>{ lang.t(Msg::FeedbackClear) }</button>
                </div>
            </form>
            <p class="feedback__status" role="status">{ form.message.clone().unwrap_or_default() }</p>
        </section>
    }
}

fn comment_field(lang: Lang, comment: &str, left: usize, oninput: Callback<InputEvent>) -> Html {
    html! { <>
        <label class="feedback__label" for="feedback-comment">{ lang.t(Msg::FeedbackComment) }</label>
        <textarea
            id="feedback-comment"
            class="feedback__comment"
            rows="5"
            maxlength={MAX_COMMENT_CHARS.to_string()}
            aria-describedby="feedback-comment-left"
            value={comment.to_string()}
            {oninput}
        />
        <p id="feedback-comment-left" class="feedback__hint">
            { lang.f(Msg::FeedbackCharsLeft, &[("left", &left.to_string()), ("max", &MAX_COMMENT_CHARS.to_string())]) }
        </p>
    </> }
}

fn file_pickers(lang: Lang, form: &UseReducerHandle<Form>, previews: &Previews) -> Html {
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
                        accept={kind.types().join(",")}
                        onchange={on_file(form, previews, kind)} />
                </label>
            }) }
            <span class="feedback__hint">{ lang.t(Msg::FeedbackMediaLimits) }</span>
        </div>
    }
}
