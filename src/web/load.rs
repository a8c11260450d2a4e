//! Loading an article from the network or the page: fetch, resolve addresses, read another
//! page's HTML, adopt its text safely, and base64 for the single file's inline data.

use super::window;
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Response};

/// `address` resolved against `base`, as an absolute URL.
pub fn resolve(address: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(address, base)
        .ok()
        .map(|u| u.href())
}

async fn fetch(address: &str) -> Result<Response, String> {
    let failed = || format!("Could not load {address} (offline, or refused by the server).");
    let window = window().ok_or_else(failed)?;
    let response: Response = JsFuture::from(window.fetch_with_str(address))
        .await
        .map_err(|_| failed())?
        .dyn_into()
        .map_err(|_| failed())?;
    if !response.ok() {
        return Err(format!(
            "Could not load {address}: the server answered {}.",
            response.status()
        ));
    }
    Ok(response)
}

/// The bytes at `address`.
pub async fn fetch_bytes(address: &str) -> Result<Vec<u8>, String> {
    let response = fetch(address).await?;
    let failed = || format!("Could not read {address}.");
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The text at `address`.
pub async fn fetch_text(address: &str) -> Result<String, String> {
    let response = fetch(address).await?;
    let failed = || format!("Could not read {address}.");
    JsFuture::from(response.text().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?
        .as_string()
        .ok_or_else(failed)
}

/// Another page's HTML as an inert document (its scripts never run).
pub fn parse_html(html: &str) -> Option<Document> {
    web_sys::DomParser::new()
        .ok()?
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .ok()
}

/// Elements that never belong in an article's text, whatever page it came from.
const NOT_TEXT: &str = "script, style, link, meta, base, iframe, frame, object, embed, form, \
                        input, button, textarea, select, template, svg, math";

/// A copy of `body` (from [`parse_html`]) owned by `doc`, with anything that is not text
/// taken out: no elements that run or load things, no `on…` attributes, only `#`, http(s)
/// and mailto links. The site's build writes nothing of the kind; this is for a host that
/// mounts an article from a site it does not control.
pub fn adopt_text(doc: &Document, body: &Element) -> Option<Element> {
    let copy: Element = doc
        .import_node_with_deep(body, true)
        .ok()?
        .dyn_into()
        .ok()?;
    if let Ok(list) = copy.query_selector_all(NOT_TEXT) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove();
            }
        }
    }
    let everything = copy.query_selector_all("*").ok()?;
    for el in (0..everything.length())
        .filter_map(|i| everything.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .chain(std::iter::once(copy.clone()))
    {
        for name in el
            .get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
        {
            let value = el.get_attribute(&name).unwrap_or_default();
            let unsafe_link = name == "href" && !safe_link(&value);
            if name.to_ascii_lowercase().starts_with("on") || name == "src" || unsafe_link {
                let _ = el.remove_attribute(&name);
            }
        }
    }
    Some(copy)
}

fn safe_link(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    lower.starts_with('#')
        || lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
}

/// Decodes standard base64 (the single file's inline data) with the browser's `atob`.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let binary = window()?.atob(text).ok()?;
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}
