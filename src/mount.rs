//! Direct mount: a host page puts a viewer of any article into one of its own elements.
//! `dist/mount.js` wraps this in a shadow root (so neither page's styles reach the other) and
//! loads the CSS. Several viewers, of different articles, can share one page and one wasm.

use crate::i18n::viewer::Msg;
use crate::route::parse_options;
use crate::start::{declared_lang, load_for_mount, render_mounted};
use wasm_bindgen::prelude::*;

/// Mounts a viewer of `article` (the address of an article's page or of its data) into
/// `root`. `options` is a query string: `panel=timeline&theme=dark&cards=off`. `feedback` loads
/// the feedback form's module once the reader comes near the form (`mount.js` gives it; see
/// `crate::components::feedback_later`). Resolves when the viewer is on screen; a failure
/// shows the error view in `root` and rejects.
#[wasm_bindgen]
pub async fn mount(
    root: web_sys::Element,
    options: String,
    article: String,
    feedback: Option<js_sys::Function>,
) -> Result<(), JsValue> {
    crate::components::feedback_later::set_loader(feedback);
    let options = parse_options(&options);
    // The host's own language when it is one of ours (else the article page's, once loaded).
    let host_lang = options
        .lang
        .or_else(|| crate::web::document().and_then(|d| declared_lang(&d)));
    let lang = host_lang.unwrap_or_default();
    crate::web::crash::install_panic_view(&root, lang);
    if article.trim().is_empty() {
        let message = lang.t(Msg::ErrorMountNeedsAddress);
        crate::web::crash::show_error(&root, lang, message, crate::web::crash::Keep::Nothing);
        return Err(message.into());
    }
    match load_for_mount(&article, lang, host_lang).await {
        Ok(loaded) => {
            render_mounted(root, loaded, options, host_lang);
            Ok(())
        }
        Err(message) => {
            crate::web::crash::show_error(&root, lang, &message, crate::web::crash::Keep::Nothing);
            Err(message.into())
        }
    }
}
