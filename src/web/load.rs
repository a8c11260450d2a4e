//! Loading an article from the network or the page: fetch, resolve addresses, read another
//! page's HTML, rebuild its text from an allow-list, and base64 for the single file's inline
//! data.

use super::window;
use crate::dom;
use crate::i18n::{viewer::Msg, Lang};
use crate::model::check::check_mention;
use crate::model::rules::safe_href;
use crate::model::Article;
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Node, Response};

/// `address` resolved against `base`, as an absolute URL.
pub fn resolve(address: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(address, base)
        .ok()
        .map(|u| u.href())
}

async fn fetch(address: &str, lang: Lang) -> Result<Response, String> {
    let failed = || lang.f(Msg::LoadFailed, &[("address", address)]);
    let window = window().ok_or_else(failed)?;
    let response: Response = JsFuture::from(window.fetch_with_str(address))
        .await
        .map_err(|_| failed())?
        .dyn_into()
        .map_err(|_| failed())?;
    if !response.ok() {
        return Err(lang.f(
            Msg::LoadRefused,
            &[
                ("address", address),
                ("status", &response.status().to_string()),
            ],
        ));
    }
    Ok(response)
}

/// The bytes at `address`.
pub async fn fetch_bytes(address: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let response = fetch(address, lang).await?;
    let failed = || lang.f(Msg::LoadUnreadable, &[("address", address)]);
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The text at `address`.
pub async fn fetch_text(address: &str, lang: Lang) -> Result<String, String> {
    let response = fetch(address, lang).await?;
    let failed = || lang.f(Msg::LoadUnreadable, &[("address", address)]);
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

/// What a rebuilt text may hold: exactly the elements the site's own prerender writes in an
/// article's body and print dossier (`components::article_body`, `components::print_dossier`),
/// less the dossier's picture (SVG). Nothing here loads or runs anything.
const ALLOWED: &[&str] = &[
    "div",
    "section",
    "p",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "br",
    "em",
    "strong",
    "code",
    "a",
    "q",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
];

/// Elements whose content is not the article's text: left out with everything inside them
/// (but a long article's `<noscript data-section>`: its content is the text's).
/// Any other element not [`ALLOWED`] is left out but its content kept (as text and allowed
/// elements).
const DROPPED: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "math",
    "textarea",
    "select",
    "button",
    "input",
    "form",
    "title",
    "head",
    "img",
    "picture",
    "video",
    "audio",
    "canvas",
    "map",
    "marginalia-article",
];

/// The classes a rebuilt text keeps (the stylesheet's, for the body and the dossier).
const CLASSES: &[&str] = &[
    dom::BODY_CLASS,
    dom::DOSSIER_CLASS,
    "event__source",
    "event__source--unchecked",
    "graph__figure",
    "graph__figure--print",
];

/// How deep a rebuilt text nests at most; deeper content is kept as plain text (the build
/// refuses Markdown nested anywhere near this).
const MAX_DEPTH: u32 = 64;

/// The text of another site's article page (`foreign`, from [`parse_html`]: an inert document),
/// rebuilt in `doc` from an allow-list: fresh elements of [`ALLOWED`] kinds only, with only the
/// attributes the site's prerender writes, each checked: links by the model's rule, the marks
/// (mentions, quotes, sentences) only for what `article` has (checked data). No foreign node
/// is ever imported or adopted, so nothing of it can load, run, style or position itself in the
/// host's page. `None` if `foreign` is not itself an allowed element.
pub fn rebuild_text(doc: &Document, foreign: &Element, article: &Article) -> Option<Element> {
    let copy = fresh(doc, foreign, article)?;
    copy_children(doc, foreign, &copy, article, 0);
    Some(copy)
}

fn copy_children(doc: &Document, from: &Node, to: &Element, article: &Article, depth: u32) {
    let children = from.child_nodes();
    for node in (0..children.length()).filter_map(|i| children.item(i)) {
        match node.node_type() {
            Node::TEXT_NODE => {
                let _ = to
                    .append_child(&doc.create_text_node(&node.text_content().unwrap_or_default()));
            }
            Node::ELEMENT_NODE => {
                let Ok(element) = node.dyn_into::<Element>() else {
                    continue;
                };
                if depth >= MAX_DEPTH {
                    let text = element.text_content().unwrap_or_default();
                    let _ = to.append_child(&doc.create_text_node(&text));
                } else if let Some(copy) = fresh(doc, &element, article) {
                    copy_children(doc, &element, &copy, article, depth + 1);
                    let _ = to.append_child(&copy);
                } else if is_html(&element)
                    && (!DROPPED.contains(&tag_of(&element).as_str())
                        || element.matches(dom::SECTION).unwrap_or(false))
                {
                    // Left out, its content kept: an element neither allowed nor dropped, or a
                    // long article's section (`web::sections`), whose `<noscript>` an inert
                    // document parses as elements.
                    copy_children(doc, &element, to, article, depth + 1);
                }
            }
            _ => {} // comments, processing instructions: not text
        }
    }
}

fn is_html(element: &Element) -> bool {
    element.namespace_uri().as_deref() == Some("http://www.w3.org/1999/xhtml")
}

fn tag_of(element: &Element) -> String {
    element.local_name().to_ascii_lowercase()
}

/// A fresh, empty element standing for `foreign`, with its allowed attributes; `None` when its
/// kind is not allowed, or it is a link or mark that may not stand (its content is kept).
fn fresh(doc: &Document, foreign: &Element, article: &Article) -> Option<Element> {
    let tag = tag_of(foreign);
    if !is_html(foreign) || !ALLOWED.contains(&tag.as_str()) {
        return None;
    }
    let has_class = |class: &str| foreign.class_list().contains(class);
    let attribute = |name: &str| foreign.get_attribute(name).unwrap_or_default();
    let el = doc.create_element(&tag).ok()?;
    let set = |name: &str, value: &str| {
        let _ = el.set_attribute(name, value);
    };
    match tag.as_str() {
        "a" if has_class(dom::MENTION_CLASS) => {
            let id = foreign.id();
            let (actor, index) = dom::parse_mention_id(&id)?;
            check_mention(article, actor, index).ok()?;
            set("class", dom::MENTION_CLASS);
            set("id", &dom::mention_id(actor, index));
            set("href", &format!("#actor={actor}"));
            set("data-actor", actor);
        }
        "a" => {
            let href = safe_href(&attribute("href"))?;
            set("href", &href);
            set("rel", "noopener noreferrer");
        }
        "q" if has_class(dom::QUOTE_CLASS) => {
            let quote = foreign.id().strip_prefix("quote-").map(str::to_string);
            if let Some(quote) = quote.filter(|q| article.quote(q).is_some()) {
                set("class", dom::QUOTE_CLASS);
                set("id", &dom::quote_id(&quote));
                set("data-quote", &quote);
            }
        }
        "span" if has_class(dom::SENTENCE_CLASS) => {
            set("class", dom::SENTENCE_CLASS);
            let known = |name: &str, keep: &dyn Fn(&str) -> bool| {
                let value = attribute(name);
                let ids: Vec<&str> = value
                    .split_ascii_whitespace()
                    .filter(|id| keep(id))
                    .collect();
                if !ids.is_empty() {
                    set(name, &ids.join(" "));
                }
            };
            known("data-events", &|id| article.event(id).is_some());
            known("data-relations", &|id| article.relation_place(id).is_some());
        }
        _ => {
            let classes: Vec<&str> = CLASSES.iter().copied().filter(|c| has_class(c)).collect();
            if !classes.is_empty() {
                set("class", &classes.join(" "));
            }
        }
    }
    Some(el)
}

/// Decodes standard base64 (the single file's inline data) with the browser's `atob`.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let binary = window()?.atob(text).ok()?;
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}
