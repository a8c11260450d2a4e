//! The feedback this browser kept for the article: restored into the form once, at start.

use crate::feedback::form::{Form, FormAction};
use crate::feedback::Feedback;
use crate::web::storage::load_setting;
use yew::prelude::*;

/// `key` is the article's feedback key (`crate::feedback::storage_key`).
#[hook]
pub fn use_restored_feedback(key: String, dispatch: UseReducerDispatcher<Form>) {
    use_effect_with((), move |_| {
        if let Ok(Some(text)) = load_setting(&key) {
            dispatch.dispatch(FormAction::Restore(Feedback::from_storage(&text)));
        }
    });
}
