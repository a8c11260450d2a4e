//! Starting a viewer: where its article comes from, and the first render.
//!
//! On the viewer's own page ([`start_page`], called by the page's start script `init.js`,
//! never by merely loading the wasm, so a host page that loads `mount.js` gets no page viewer):
//!
//! 1. the page names its article's data: `<link rel="alternate" data-marginalia-data href=…>`
//!    (which `init.js` preloads after the first paint, with the wasm),
//!    or, in the single file (which must work from `file://`, where nothing can be fetched), an
//!    inert `<script type="application/octet-stream" id="marginalia-data">` holding it in base64;
//! 2. the data is fetched and decoded ([`crate::model::data`]); if that fails, the error view
//!    goes above the article, which stays readable;
//! 3. in the next task, [`App`] brings the prerendered viewer to life where it is: nothing of
//!    the article (its text, header, print dossier) is rendered or moved; each island of the
//!    viewer (`div.island`: the toolbar, the panels, the feedback form, the small parts) gets
//!    its live part in place of the prerendered one, none in the first task, the small ones
//!    in the next and the others one a task after (see `crate::islands`), so that no start-up
//!    task is long
//!    ([`Start::PageInPlace`]). A page without its islands (not written by this build) gets the
//!    error view above its text.
//!
//! A host's mount ([`crate::mount`]) names an article's page or its data; [`load_for_mount`]
//! fetches both; the body and the print dossier are rebuilt from the article's page by an
//! allow-list (never adopted: the page may be another site's), and the data is checked.

use crate::components::app::{App, AppProps};
use crate::config::{Prerendered, SiteActor, Start};
use crate::dom;
use crate::i18n::{runtime, viewer::Msg, Lang};
use crate::islands::Islands;
use crate::model::data::{self, ArticleData};
use crate::route::PageOptions;
use crate::web;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// What a mounted viewer needs to start ([`Start::Mounted`]): the article, what of its page it
/// adopts (the body and dossier, taken from the article's page and rebuilt) and where its
/// reader data is kept.
pub struct Loaded {
    pub data: ArticleData,
    pub prerendered: Prerendered,
    pub storage_key: String,
    /// The article page's own language (its `<html lang>`), if it is one of ours.
    pub page_lang: Option<Lang>,
    /// The actors' pages its site navigation links to.
    pub site: Vec<SiteActor>,
}

/// The language a document declares (`<html lang>`), if it is one of ours.
pub fn declared_lang(doc: &Document) -> Option<Lang> {
    let lang = doc.document_element()?.get_attribute("lang")?;
    Lang::parse(&lang)
}

/// Starts the viewer of the page's article in `#marginalia`. Exported to `init.js`, which
/// gives it what loads the feedback form's module once the reader comes near the form
/// (`crate::components::feedback_later`).
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(feedback: Option<js_sys::Function>) {
    crate::components::feedback_later::set_loader(feedback);
    let Some(doc) = web::document() else { return };
    let Some(root) = doc.get_element_by_id(dom::PAGE_ROOT_ID) else {
        return;
    };
    // The page's language (its words are inline when it is not English), unless its address
    // asks for another of ours, whose words are then fetched (see `web::words`).
    web::words::load_inline(&doc);
    let page_lang = declared_lang(&doc)
        .filter(|l| runtime::is_available(*l))
        .unwrap_or_default();
    let asked = crate::route::parse_options(&web::history::query()).lang;
    web::crash::install_panic_view(&root, page_lang);
    wasm_bindgen_futures::spawn_local(async move {
        let lang = match asked {
            Some(asked) if web::words::make_available(&doc, &web::page_address(), asked).await => {
                asked
            }
            _ => page_lang,
        };
        let part = |selector: &str| root.query_selector(selector).ok().flatten();
        let body = part(dom::BODY);
        let data = match page_data(&doc, lang).await {
            Ok(data) => checked(data, body.as_ref(), lang),
            Err(message) => Err(message),
        };
        // Reading the data and rendering the viewer are two tasks, not one long one.
        web::next_task().await;
        let data = match data {
            Ok(data) => data,
            Err(message) => {
                return web::crash::show_error(&root, lang, &message, web::crash::Keep::Contents)
            }
        };
        let storage_key = page_key(&doc);
        match Islands::find(&root) {
            Some(islands) => render_in_place(&doc, data, body, islands, storage_key, page_lang),
            // Every page this build writes has them: a page without is not one of its own.
            None => web::crash::show_error(
                &root,
                lang,
                lang.t(Msg::ErrorNotForViewer),
                web::crash::Keep::Contents,
            ),
        }
    });
}

/// Brings the page's prerendered viewer to life where it is: the viewer's own root is an
/// element never put in the page, and its parts render into the page's islands (portals),
/// none in this task, the small ones in the next and the others one a task after (see
/// [`Islands`]).
fn render_in_place(
    doc: &Document,
    data: ArticleData,
    body: Option<Element>,
    islands: Islands,
    storage_key: String,
    lang: Lang,
) {
    let Ok(host) = doc.create_element("div") else {
        return;
    };
    yew::Renderer::<App>::with_root_and_props(
        host,
        AppProps {
            article: Rc::new(data.article),
            picture: Rc::new(data.picture),
            start: Start::PageInPlace {
                islands,
                body,
                storage_key: storage_key.into(),
                lang,
            },
            site: Rc::new(site_actors(doc, None)),
        },
    )
    .render();
}

/// The actors' pages the page's site navigation links to (see [`SiteActor`]), their
/// addresses resolved against `address`: a page fetched for a mount, whose links the host's
/// document would resolve against its own address, or (`None`) the page the viewer is in, whose
/// links the browser has resolved already (one `URL` a link cost 40 ms for the 1,700 actors of
/// the 100× article).
fn site_actors(doc: &Document, address: Option<&str>) -> Vec<SiteActor> {
    let selector = format!("a[{}]", dom::SITE_ACTOR_ATTRIBUTE);
    let Ok(links) = doc.query_selector_all(&selector) else {
        return Vec::new();
    };
    (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|a| {
            Some(SiteActor {
                id: a.get_attribute(dom::SITE_ACTOR_ATTRIBUTE)?,
                href: match address {
                    Some(address) => web::resolve(&a.get_attribute("href")?, address)?,
                    None => a.dyn_ref::<web_sys::HtmlAnchorElement>()?.href(),
                },
                articles: runtime::digits(&a.get_attribute(dom::SITE_ACTOR_ARTICLES)?)?,
            })
        })
        .collect()
}

/// Renders a mounted viewer into `root` with the host's `options`, replacing whatever is there
/// but adopting `loaded.prerendered` (the article page's body and dossier, taken from its page).
pub fn render_mounted(
    root: Element,
    loaded: Loaded,
    options: PageOptions,
    host_lang: Option<Lang>,
) {
    root.set_text_content(None);
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            article: Rc::new(loaded.data.article),
            picture: Rc::new(loaded.data.picture),
            start: Start::Mounted {
                prerendered: loaded.prerendered,
                options,
                storage_key: loaded.storage_key.into(),
                lang: host_lang
                    .filter(|l| runtime::is_available(*l))
                    .or(loaded.page_lang)
                    .unwrap_or_default(),
            },
            site: Rc::new(loaded.site),
        },
    )
    .render();
}

/// The page's own article data: inline (the single file) or linked.
async fn page_data(doc: &Document, lang: Lang) -> Result<ArticleData, String> {
    if let Some(island) = doc.get_element_by_id(dom::DATA_ISLAND_ID) {
        let text = island.text_content().unwrap_or_default();
        let bytes = web::base64_decode(text.trim()).ok_or(lang.t(Msg::ErrorDataDamaged))?;
        return decode(&bytes, lang);
    }
    let link = doc
        .query_selector(dom::DATA_LINK)
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .ok_or(lang.t(Msg::ErrorNoDataAddress))?;
    decode(&web::fetch_bytes(&link.href(), lang).await?, lang)
}

fn decode(bytes: &[u8], lang: Lang) -> Result<ArticleData, String> {
    data::decode(bytes).map_err(|e| sentence(&e, lang))
}

/// The data with its passages read back from the page's own text (see
/// [`data::ArticleData::restore`]), checked by the build's rules ([`crate::model::check`]): in
/// every mode, the viewer shows only data that passes them.
fn checked(
    mut data: ArticleData,
    body: Option<&Element>,
    lang: Lang,
) -> Result<ArticleData, String> {
    let body = body.ok_or(lang.t(Msg::ErrorNoText))?;
    let texts = web::sections::leaf_texts(body);
    data.restore_and_check(&texts)
        .map_err(|e| sentence(&e, lang))?;
    Ok(data)
}

/// An error as a sentence for the error view, in `lang` (a broken rule's detail is the
/// model's, in English: it names fields and ids).
fn sentence(error: &data::DataError, lang: Lang) -> String {
    use data::DataError;
    match error {
        DataError::NotArticleData => lang.t(Msg::DataNotOurs).to_string(),
        DataError::OtherVersion { found } => lang.f(
            if *found < data::FORMAT_VERSION {
                Msg::DataOlderBuild
            } else {
                Msg::DataNewerBuild
            },
            &[
                ("found", &found.to_string()),
                ("reads", &data::FORMAT_VERSION.to_string()),
            ],
        ),
        DataError::Corrupt => lang.t(Msg::DataCorrupt).to_string(),
        DataError::OtherText => lang.t(Msg::DataOtherText).to_string(),
        DataError::Broken(what) => lang.f(Msg::DataBroken, &[("what", &what.to_string())]),
    }
}

/// The key a page's reader data is kept under: the page's address without query, hash or
/// `index.html`, so each article of each site on an origin has its own.
fn page_key(doc: &Document) -> String {
    let location = doc.location();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    path.strip_suffix("index.html").unwrap_or(&path).to_string()
}

/// The article a mount names: the address of its page, or of its data (whose page is the
/// folder it sits in). Fetches the data and the page, and takes the body from the page.
pub async fn load_for_mount(
    address: &str,
    lang: Lang,
    asked: Option<Lang>,
) -> Result<Loaded, String> {
    let doc = web::document().ok_or(lang.t(Msg::ErrorPageUnreadable))?;
    let base = doc.base_uri().ok().flatten().unwrap_or_default();
    let named = web::resolve(address, &base).ok_or(lang.t(Msg::ErrorMountAddress))?;
    let first = web::fetch_bytes(&named, lang).await?;
    // Named by its data: the page is the folder the data sits in.
    let (data, page_address, page_html) = if first.starts_with(data::MAGIC) {
        let page = web::resolve("./", &named).ok_or(lang.t(Msg::ErrorNotAnArticle))?;
        let html = web::fetch_text(&page, lang).await?;
        (Some(first), page, html)
    } else {
        let html = String::from_utf8_lossy(&first).into_owned();
        (None, named, html)
    };
    let page = web::parse_html(&page_html).ok_or(lang.t(Msg::ErrorPageUnreadable))?;
    // The page's words (inline when not English), and those of the language the host asks
    // for, from where the page says they are.
    web::words::load_inline(&page);
    if let Some(asked) = asked {
        web::words::make_available(&page, &page_address, asked).await;
    }
    let page_lang = declared_lang(&page).filter(|l| runtime::is_available(*l));
    let data = match data {
        Some(data) => data,
        None => {
            let href = page
                .query_selector(dom::DATA_LINK)
                .ok()
                .flatten()
                .and_then(|l| l.get_attribute("href"))
                .ok_or(lang.t(Msg::ErrorNotAnArticle))?;
            let at = web::resolve(&href, &page_address).ok_or(lang.t(Msg::ErrorNotAnArticle))?;
            web::fetch_bytes(&at, lang).await?
        }
    };
    // The text is rebuilt from an allow-list, never adopted (see [`web::rebuild_text`]): its
    // marks only for what the data has, so the data is decoded first and checked once the
    // passages are read back from the rebuilt text.
    let data = decode(&data, lang)?;
    let rebuilt = |selector: &str| {
        let foreign = page.query_selector(selector).ok().flatten()?;
        web::rebuild_text(&doc, &foreign, &data.article)
    };
    let body = rebuilt(dom::BODY);
    // The print dossier too (so without its picture, which is SVG).
    let dossier = rebuilt(dom::DOSSIER);
    let data = checked(data, body.as_ref(), lang)?;
    let storage_key = page_address
        .strip_suffix("index.html")
        .unwrap_or(&page_address)
        .to_string();
    Ok(Loaded {
        data,
        prerendered: Prerendered { body, dossier },
        storage_key,
        page_lang,
        site: site_actors(&page, Some(&page_address)),
    })
}
