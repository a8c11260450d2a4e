//! The article author's own address for feedback (`feedback_endpoint` in its meta), the only
//! thing the viewer ever sends anywhere, and only when the author set one.

use super::window;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// POSTs JSON to an address (one [`crate::feedback::endpoint_origin`] allowed), without the
/// reader's cookies or credentials for any site; `done` gets whether the server answered 2xx.
pub fn post_json(url: &str, json: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        return done(false);
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_body(&JsValue::from_str(json));
    let headers = js_sys::Object::new();
    let _ = Reflect::set(&headers, &"content-type".into(), &"application/json".into());
    init.set_headers(&headers);
    let promise = w.fetch_with_str_and_init(url, &init);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(response) => Reflect::get(&response, &"ok".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            Err(_) => false,
        };
        done(ok);
    });
}
