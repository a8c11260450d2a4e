//! The feedback form, made live only once the reader comes near it (README "A smaller wasm").
//! The live form is not in the wasm: it is a JavaScript module of its own (`assets/feedback.js`),
//! which the page's start script, a host's mount or the single file loads (`assets/later.js`)
//! when the form's island comes near the screen or takes focus, so a reader who never reaches
//! the end of the article never downloads it. Until then the page's prerendered form stands
//! (a mount shows the form once it is loaded).
//!
//! Data flow: the start (`startPage`, `mount`) is given the loader, kept here
//! ([`set_loader`]); once the viewer's last island is live, this hands the loader the form's
//! island and what the form needs to know ([`options`]): the article's criteria, its words in
//! the viewer's language (the catalogue's, `[viewer]`), where the form is kept, and who may
//! receive it besides this browser, decided here as before (`crate::feedback::recipient`,
//! `crate::feedback::endpoint_origin`), never by the module.

use super::context::{use_viewer, Mode, Viewer};
use crate::dom;
use crate::feedback::{endpoint_origin, recipient, storage_key, Recipient, LEGACY_STORAGE_KEY};
use crate::i18n::viewer::Msg;
use crate::islands::Island;
use crate::web;
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use yew::prelude::*;

thread_local! {
    /// What makes the form live: `(island, options)`, from the start script.
    static LOADER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Keeps the start script's loader of the feedback form (none: the form stays as prerendered).
pub fn set_loader(loader: Option<Function>) {
    LOADER.with(|l| *l.borrow_mut() = loader);
}

/// The words the form says, by the names `assets/feedback.js` gives them.
const WORDS: [(&str, Msg); 44] = [
    ("title", Msg::FeedbackTitle),
    ("toPublisher", Msg::FeedbackToPublisher),
    ("toHost", Msg::FeedbackToHost),
    ("toPage", Msg::FeedbackToPage),
    ("comment", Msg::FeedbackComment),
    ("charsLeft", Msg::FeedbackCharsLeft),
    ("chooseImage", Msg::FeedbackChooseImage),
    ("chooseVideo", Msg::FeedbackChooseVideo),
    ("mediaLimits", Msg::FeedbackMediaLimits),
    ("criterionPlaceholder", Msg::FeedbackCriterionPlaceholder),
    ("addCriterion", Msg::FeedbackAddCriterion),
    ("submit", Msg::FeedbackSubmit),
    ("download", Msg::FeedbackDownload),
    ("clear", Msg::FeedbackClear),
    ("kept", Msg::FeedbackKept),
    ("unreadable", Msg::FeedbackUnreadable),
    ("cleared", Msg::FeedbackCleared),
    ("tooManyFiles", Msg::FeedbackTooManyFiles),
    ("nothing", Msg::FeedbackNothing),
    ("thanks", Msg::FeedbackThanks),
    ("notStored", Msg::FeedbackNotStored),
    ("passedToHost", Msg::FeedbackPassedToHost),
    ("submittedThen", Msg::FeedbackSubmittedThen),
    ("sent", Msg::FeedbackSent),
    ("sendFailed", Msg::FeedbackSendFailed),
    ("wrongType", Msg::FeedbackWrongType),
    ("tooBig", Msg::FeedbackTooBig),
    ("anImage", Msg::FeedbackAnImage),
    ("aVideo", Msg::FeedbackAVideo),
    ("nameFirst", Msg::FeedbackNameFirst),
    ("nameTooLong", Msg::FeedbackNameTooLong),
    ("already", Msg::FeedbackAlready),
    ("tooManyCriteria", Msg::FeedbackTooManyCriteria),
    ("notRated", Msg::NotRated),
    ("ratingSummary", Msg::RatingSummary),
    ("remove", Msg::Remove),
    ("removeLabel", Msg::RemoveLabel),
    ("preview", Msg::AttachmentPreview),
    ("notPreviewed", Msg::AttachmentNotPreviewed),
    ("attachmentLine", Msg::AttachmentLine),
    ("image", Msg::AttachmentImage),
    ("video", Msg::AttachmentVideo),
    ("sizeKb", Msg::SizeKb),
    ("sizeMb", Msg::SizeMb),
];

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// What the form's module needs to know (see `assets/feedback.js`).
fn options(viewer: &Viewer) -> Object {
    let lang = viewer.config.lang;
    let meta = &viewer.article.meta;
    let o = Object::new();
    let words = Object::new();
    for (name, message) in WORDS {
        set(&words, name, &lang.t(message).into());
    }
    set(&o, "words", &words);
    // "1 star" … "5 stars", in the language's plural forms.
    let stars: Array = (1..=5)
        .map(|n| JsValue::from(lang.n(Msg::Stars, n, &[])))
        .collect();
    set(&o, "stars", &stars);
    let criteria: Array = meta
        .feedback_criteria
        .iter()
        .map(|c| JsValue::from_str(c))
        .collect();
    set(&o, "criteria", &criteria);
    let key = storage_key(&viewer.storage_key);
    set(&o, "key", &web::storage::full_key(&key).into());
    // A page of its own adopts the form kept in the one-article days (a mount never did).
    if viewer.config.mode == Mode::Page {
        set(
            &o,
            "legacy",
            &web::storage::full_key(LEGACY_STORAGE_KEY).into(),
        );
    }
    set(&o, "title", &meta.title.as_str().into());
    set(&o, "date", &meta.source.date.iso().into());
    // The author's endpoint, only when feedback may go there from this page.
    let endpoint = meta.feedback_endpoint.as_deref();
    if let Some(origin) = endpoint_origin(endpoint, web::page_origin().as_deref()) {
        set(&o, "endpoint", &endpoint.unwrap_or_default().into());
        set(&o, "endpointOrigin", &origin.into());
    }
    let mounted = viewer.config.mode == Mode::Mounted;
    let parent = web::host::parent_origin();
    let allowed = &meta.feedback_parent_origins;
    match recipient(mounted, viewer.config.embed, parent.as_deref(), allowed) {
        Some(Recipient::EmbeddingSite(origin)) => set(&o, "origin", &origin.into()),
        Some(Recipient::HostPage) => {
            if let Some(root) = viewer.root_element() {
                set(&o, "host", &web::host::feedback_host(&root).into());
            }
        }
        None => {}
    }
    o
}

/// The feedback island's live part: nothing of its own; once rendered, it hands the island to
/// the loader.
#[function_component(FeedbackLater)]
pub fn feedback_later() -> Html {
    let viewer = use_viewer();
    use_effect_with((), move |_| {
        let island = viewer
            .root_element()
            .and_then(|root| {
                let selector = dom::island(Island::Feedback.name());
                root.query_selector(&selector).ok()
            })
            .flatten();
        let loader = LOADER.with(|l| l.borrow().clone());
        if let (Some(island), Some(loader)) = (island, loader) {
            let _ = loader.call2(&JsValue::NULL, &island, &options(&viewer));
        }
    });
    Html::default()
}
