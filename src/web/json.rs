//! Serde values in the browser: as JavaScript objects (`serde-wasm-bindgen`, which leaves
//! `serde_json` and its float formatting out of the wasm) and as JSON text (the browser's
//! own `JSON.stringify`).

use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JavaScript object (`None` as `null`, as in JSON).
pub fn to_object<T: Serialize>(value: &T) -> Option<JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).ok()
}

/// An object from [`to_object`] as JSON text, made safe to paste into HTML and JavaScript
/// (`crate::feedback::export::html_safe`).
pub fn stringify(object: &JsValue) -> Option<String> {
    let text: String = js_sys::JSON::stringify(object).ok()?.into();
    Some(crate::feedback::export::html_safe(&text))
}
