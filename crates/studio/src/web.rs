//! The studio's only ways into the browser: the clock, storage, downloads, the selection in
//! the preview and the folder the writer picks to save into. Natively (the
//! unit tests) the clock reads 0 and nothing is stored. The work is kept in IndexedDB, or in
//! `localStorage` where the browser refuses IndexedDB (some private modes, a sandboxed frame).

use crate::marking::Selection;
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

/// Where the work on an article is kept: one key per article, and one naming the last. The
/// same keys in IndexedDB (the database [`DB`], its one store [`STORE`]) and, where the browser
/// refuses IndexedDB, in `localStorage`.
const PREFIX: &str = "marginalia.studio.work.";
const LAST: &str = "marginalia.studio.last";
const DB: &str = "marginalia-studio";
const STORE: &str = "work";

#[cfg(target_arch = "wasm32")]
const REFUSED: &str =
    "this browser refuses to keep anything for this page (private browsing, or storage turned off)";

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or(REFUSED)?
        .local_storage()
        .map_err(|_| REFUSED)?
        .ok_or_else(|| REFUSED.to_string())
}

/// IndexedDB, as promises over its requests. The database is opened once and kept.
#[cfg(target_arch = "wasm32")]
mod idb {
    use super::{DB, STORE};
    use std::cell::RefCell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

    thread_local! {
        static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    }

    /// Waits for `request` to succeed (its result) or fail (its error's name).
    async fn done(request: &IdbRequest) -> Result<JsValue, String> {
        let mut handlers = None;
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            let ok = Closure::<dyn FnMut()>::new(move || {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let fail = Closure::<dyn FnMut()>::new(move || {
                let _ = reject.call0(&JsValue::NULL);
            });
            request.set_onsuccess(Some(ok.as_ref().unchecked_ref()));
            request.set_onerror(Some(fail.as_ref().unchecked_ref()));
            handlers = Some((ok, fail));
        });
        let outcome = wasm_bindgen_futures::JsFuture::from(promise).await;
        request.set_onsuccess(None);
        request.set_onerror(None);
        drop(handlers);
        match outcome {
            Ok(_) => request.result().map_err(|_| "no result".to_string()),
            Err(_) => Err(request
                .error()
                .ok()
                .flatten()
                .map_or_else(|| "refused".to_string(), |e| e.name())),
        }
    }

    /// The studio's database, opened (and made, the first time) when first asked for. Errs
    /// when the browser refuses IndexedDB. A database of that name without the store (made by
    /// something else at its version) is opened again one version up, which makes the store.
    pub async fn database() -> Result<IdbDatabase, String> {
        if let Some(db) = OPEN.with(|o| o.borrow().clone()) {
            return Ok(db);
        }
        let factory = web_sys::window()
            .ok_or("no window")?
            .indexed_db()
            .map_err(|_| "refused")?
            .ok_or("no IndexedDB")?;
        // At the version it has (made at 1 the first time), never a lower one (an error).
        let mut db = open(&factory, None).await?;
        if !db.object_store_names().contains(STORE) {
            let version = db.version() as u32 + 1;
            db.close();
            db = open(&factory, Some(version)).await?;
        }
        OPEN.with(|o| *o.borrow_mut() = Some(db.clone()));
        Ok(db)
    }

    /// Opens the database at `version` (else at its own), making the store if it has none.
    async fn open(
        factory: &web_sys::IdbFactory,
        version: Option<u32>,
    ) -> Result<IdbDatabase, String> {
        let request = match version {
            Some(v) => factory.open_with_u32(DB, v),
            None => factory.open(DB),
        }
        .map_err(|_| "refused")?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let db = e
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let Some(db) = db {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let result = done(&request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        result?.dyn_into().map_err(|_| "not a database".to_string())
    }

    fn store(
        db: &IdbDatabase,
        mode: IdbTransactionMode,
    ) -> Result<web_sys::IdbObjectStore, String> {
        db.transaction_with_str_and_mode(STORE, mode)
            .and_then(|t| t.object_store(STORE))
            .map_err(|_| "refused".to_string())
    }

    pub async fn get(db: &IdbDatabase, key: &str) -> Result<Option<String>, String> {
        let request = store(db, IdbTransactionMode::Readonly)?
            .get(&key.into())
            .map_err(|_| "refused")?;
        Ok(done(&request).await?.as_string())
    }

    /// Puts each (key, value) in one transaction, and waits until it is written.
    pub async fn put(db: &IdbDatabase, entries: &[(&str, &str)]) -> Result<(), String> {
        let transaction = db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(|_| "refused")?;
        let store = transaction.object_store(STORE).map_err(|_| "refused")?;
        let mut last = None;
        for (key, value) in entries {
            last = Some(
                store
                    .put_with_key(&(*value).into(), &(*key).into())
                    .map_err(|e| {
                        e.dyn_into::<web_sys::DomException>()
                            .map_or_else(|_| "refused".into(), |e| e.name())
                    })?,
            );
        }
        if let Some(request) = last {
            done(&request).await?;
        }
        Ok(())
    }

    pub async fn delete(db: &IdbDatabase, keys: &[&str]) -> Result<(), String> {
        let store = store(db, IdbTransactionMode::Readwrite)?;
        let mut last = None;
        for key in keys {
            last = Some(store.delete(&(*key).into()).map_err(|_| "refused")?);
        }
        if let Some(request) = last {
            done(&request).await?;
        }
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
fn parse(text: &str) -> Option<Work> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// The work last kept, if any: from IndexedDB, else (the browser refuses it, or the work was
/// kept before the studio used it) from `localStorage`.
pub async fn load() -> Option<Work> {
    #[cfg(target_arch = "wasm32")]
    {
        if let Ok(db) = idb::database().await {
            if let Ok(Some(slug)) = idb::get(&db, LAST).await {
                if let Some(work) = idb::get(&db, &format!("{PREFIX}{slug}"))
                    .await
                    .ok()
                    .flatten()
                    .and_then(|t| parse(&t))
                {
                    return Some(work);
                }
            }
        }
        let storage = local_storage().ok()?;
        let slug = storage.get_item(LAST).ok()??;
        parse(&storage.get_item(&format!("{PREFIX}{slug}")).ok()??)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Where [`save`] kept the work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    IndexedDb,
    /// IndexedDB refused: kept in `localStorage` instead.
    LocalStorage,
}

/// Keeps `work` under its article's key: in IndexedDB, or in `localStorage` where the browser
/// refuses IndexedDB. Errs, in words for the writer, when the work could not be kept (storage
/// refused, or full).
pub async fn save(work: &Work) -> Result<Kept, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = serde_wasm_bindgen::to_value(work).map_err(|e| e.to_string())?;
        let text: String = js_sys::JSON::stringify(&value)
            .map_err(|_| "the work could not be written as JSON")?
            .into();
        let slug = work.slug();
        let key = format!("{PREFIX}{slug}");
        if let Ok(db) = idb::database().await {
            return match idb::put(&db, &[(&key, &text), (LAST, &slug)]).await {
                Ok(()) => Ok(Kept::IndexedDb),
                Err(name) if name == "QuotaExceededError" => {
                    Err("this browser's storage for this page is full".into())
                }
                Err(name) => Err(format!("this browser's storage refused it ({name})")),
            };
        }
        let storage = local_storage()?;
        storage
            .set_item(&key, &text)
            .and_then(|()| storage.set_item(LAST, &slug))
            .map(|()| Kept::LocalStorage)
            .map_err(|_| "this browser's storage for this page is full".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (work, PREFIX, LAST, DB, STORE);
        Ok(Kept::IndexedDb)
    }
}

/// Forgets the work kept on the article `slug`, wherever it was kept.
pub async fn discard(slug: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let key = format!("{PREFIX}{slug}");
        if let Ok(db) = idb::database().await {
            let _ = idb::delete(&db, &[&key, LAST]).await;
        }
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(&key);
            let _ = storage.remove_item(LAST);
        }
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

/// The writer's selection in the preview's text, if there is one: where it starts and ends
/// among the body's paragraphs and headings (`p, h2, h3, h4`, in reading order) and its
/// offsets in their text, as [`crate::marking::locate`] takes them. A selection that ends at the
/// very start of the next paragraph (a triple click) ends at the end of its own.
pub fn preview_selection() -> Option<Selection> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        use web_sys::{Element, Node};
        let window = web_sys::window()?;
        let document = window.document()?;
        let selection = window.get_selection().ok()??;
        if selection.range_count() == 0 || selection.is_collapsed() {
            return None;
        }
        let range = selection.get_range_at(0).ok()?;
        let body = document
            .query_selector(".studio__preview .article__body")
            .ok()??;
        let list = body.query_selector_all("p, h2, h3, h4").ok()?;
        let leaves: Vec<Element> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect();
        let leaf_of = |node: &Node| -> Option<usize> {
            let element = match node.dyn_ref::<Element>() {
                Some(el) => el.clone(),
                None => node.parent_element()?,
            };
            let leaf = element.closest("p, h2, h3, h4").ok()??;
            leaves.iter().position(|l| l.is_same_node(Some(&leaf)))
        };
        let units = |leaf: &Element, node: &Node, offset: u32| -> Option<usize> {
            let part = document.create_range().ok()?;
            part.set_start(leaf, 0).ok()?;
            part.set_end(node, offset).ok()?;
            Some(String::from(part.to_string()).encode_utf16().count())
        };
        let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
        let start_block = leaf_of(&start_node)?;
        let start = units(
            &leaves[start_block],
            &start_node,
            range.start_offset().ok()?,
        )?;
        let mut end_block = leaf_of(&end_node)?;
        let mut end = units(&leaves[end_block], &end_node, range.end_offset().ok()?)?;
        let mut text = String::from(range.to_string());
        if end == 0 && end_block == start_block + 1 {
            end_block = start_block;
            let own = leaves[start_block].text_content().unwrap_or_default();
            end = own.encode_utf16().count();
            text = String::from_utf16_lossy(&own.encode_utf16().collect::<Vec<_>>()[start..]);
        }
        Some(Selection {
            start_block,
            start,
            end_block,
            end,
            text,
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Whether the browser can write into a folder the writer picks (the File System Access API's
/// `showDirectoryPicker`); elsewhere the `.zip` is the way out.
pub fn can_save_to_folder() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().is_some_and(|w| {
            js_sys::Reflect::get(&w, &"showDirectoryPicker".into()).is_ok_and(|f| f.is_function())
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Why a save into a folder failed, in words for the writer, from the browser's error name.
pub fn save_error(name: &str) -> String {
    match name {
        "AbortError" => "Not saved: no folder was chosen.".into(),
        "NotAllowedError" | "SecurityError" => "Not saved: the browser was not allowed to write into that folder (permission refused). Everything stays here; choose another folder, or download the .zip.".into(),
        other => format!("Not saved: the folder could not be written ({other}). Everything stays here; download the .zip instead."),
    }
}

/// Asks the writer for a folder, and writes `files` (name, bytes) into its subfolder `slug`
/// (made if it is not there; files of the same names replaced). Returns the picked folder's
/// name; errs with [`save_error`]'s words. The browser's own objects, called by name
/// (`getDirectoryHandle`, `getFileHandle`, `createWritable`, `write`, `close`): nothing more.
pub async fn save_to_folder(slug: &str, files: &[(&str, &[u8])]) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::{Function, Object, Promise, Reflect};
        use wasm_bindgen::{JsCast, JsValue};
        fn named(error: JsValue) -> String {
            let name = Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_else(|| "Error".into());
            save_error(&name)
        }
        /// Calls `target.method(...args)` and waits for the promise it returns.
        async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
            let f: Function = Reflect::get(target, &method.into())
                .map_err(named)?
                .dyn_into()
                .map_err(|_| save_error(&format!("no {method}")))?;
            let array: js_sys::Array = args.iter().collect();
            let result = f.apply(target, &array).map_err(named)?;
            wasm_bindgen_futures::JsFuture::from(Promise::resolve(&result))
                .await
                .map_err(named)
        }
        let window: JsValue = web_sys::window().ok_or("no window")?.into();
        let options = Object::new();
        let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
        let parent = call(&window, "showDirectoryPicker", &[options.into()]).await?;
        let create = Object::new();
        let _ = Reflect::set(&create, &"create".into(), &JsValue::TRUE);
        let dir = call(
            &parent,
            "getDirectoryHandle",
            &[slug.into(), create.clone().into()],
        )
        .await?;
        for (name, bytes) in files {
            let file = call(
                &dir,
                "getFileHandle",
                &[(*name).into(), create.clone().into()],
            )
            .await?;
            let writable = call(&file, "createWritable", &[]).await?;
            call(
                &writable,
                "write",
                &[js_sys::Uint8Array::from(*bytes).into()],
            )
            .await?;
            call(&writable, "close", &[]).await?;
        }
        Ok(Reflect::get(&parent, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (slug, files);
        Err(save_error("NotSupportedError"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_save_says_why_and_that_nothing_is_lost() {
        assert_eq!(save_error("AbortError"), "Not saved: no folder was chosen.");
        assert!(save_error("NotAllowedError").contains("permission refused"));
        assert!(save_error("SecurityError").contains("Everything stays here"));
        let other = save_error("QuotaExceededError");
        assert!(other.contains("(QuotaExceededError)") && other.contains("download the .zip"));
    }
}
