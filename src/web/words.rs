//! Another language's words for the viewer, whose wasm has English alone built in: from the
//! page (inline, `script[data-marginalia-words]`: a page in that language, or a single file),
//! or fetched from the site (`<meta name="marginalia-words">` says where). Read and checked by
//! `marginalia_i18n::runtime::load_file`; a file that is missing, damaged or from another
//! build is left aside and the viewer keeps to a language it has.

use super::load::fetch_text;
use crate::dom;
use crate::i18n::runtime;
use crate::i18n::Lang;
use web_sys::Document;

/// Loads every language whose words are inline in `doc`.
pub fn load_inline(doc: &Document) {
    let selector = format!("script[type=\"text/plain\"][{}]", dom::WORDS_ATTRIBUTE);
    let Ok(scripts) = doc.query_selector_all(&selector) else {
        return;
    };
    for i in 0..scripts.length() {
        if let Some(text) = scripts.item(i).and_then(|s| s.text_content()) {
            let _ = runtime::load_file(&text);
        }
    }
}

/// Makes `lang` available if it is not: fetches its words from where `doc` (a page at
/// `page_address`) says they are. Whether it is available now.
pub async fn make_available(doc: &Document, page_address: &str, lang: Lang) -> bool {
    if runtime::is_available(lang) {
        return true;
    }
    let Some(pattern) = doc
        .query_selector(&format!("meta[name=\"{}\"]", dom::WORDS_META))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
    else {
        return false;
    };
    let Some(address) = super::resolve(&pattern.replace("{lang}", lang.tag()), page_address) else {
        return false;
    };
    match fetch_text(&address, Lang::En).await {
        Ok(text) => runtime::load_file(&text).is_ok_and(|loaded| loaded == lang),
        Err(_) => false,
    }
}
