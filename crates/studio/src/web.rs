//! The studio's only ways into the browser: the clock, storage and downloads. Natively (the
//! unit tests) the clock reads 0 and nothing is stored.

use crate::state::Work;

/// Milliseconds on the page's clock (`performance.now()`).
pub fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// Where the work on an article is kept: one key per article, and one naming the last.
const PREFIX: &str = "marginalia.studio.work.";
const LAST: &str = "marginalia.studio.last";

#[cfg(target_arch = "wasm32")]
fn storage() -> Result<web_sys::Storage, String> {
    let refused = "this browser refuses to keep anything for this page (private browsing, or storage turned off)";
    web_sys::window()
        .ok_or(refused)?
        .local_storage()
        .map_err(|_| refused)?
        .ok_or_else(|| refused.to_string())
}

/// The work last kept, if any.
pub fn load() -> Option<Work> {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = storage().ok()?;
        let slug = storage.get_item(LAST).ok()??;
        let text = storage.get_item(&format!("{PREFIX}{slug}")).ok()??;
        let value = js_sys::JSON::parse(&text).ok()?;
        serde_wasm_bindgen::from_value(value).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Keeps `work` under its article's key. Errs, in words for the writer, when the browser
/// refuses (storage off, or full).
pub fn save(work: &Work) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = storage()?;
        let value = serde_wasm_bindgen::to_value(work).map_err(|e| e.to_string())?;
        let text: String = js_sys::JSON::stringify(&value)
            .map_err(|_| "the work could not be written as JSON")?
            .into();
        let slug = work.slug();
        storage
            .set_item(&format!("{PREFIX}{slug}"), &text)
            .and_then(|()| storage.set_item(LAST, &slug))
            .map_err(|_| "this browser's storage for this page is full".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (work, PREFIX, LAST);
        Ok(())
    }
}

/// Forgets the work kept on the article `slug`.
pub fn discard(slug: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Ok(storage) = storage() {
        let _ = storage.remove_item(&format!("{PREFIX}{slug}"));
        let _ = storage.remove_item(LAST);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = slug;
}

/// Hands `bytes` to the browser as a download named `name`.
pub fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let fail = |_| "the browser refused the download".to_string();
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .map_err(fail)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let a: web_sys::HtmlAnchorElement =
            document.create_element("a").map_err(fail)?.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
        // The address is let go once the browser has started the download.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                60_000,
            );
        }
        Ok(())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (bytes, name, mime);
        Err("downloads happen in the browser".into())
    }
}
