//! The clipboard. (The feedback form's downloads and previews of the reader's files are its
//! module's: `assets/feedback.js`.)

use super::window;

/// Copies text to the clipboard; calls `done` with whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        return done(false);
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}
