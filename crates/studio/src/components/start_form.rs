//! The start: the article's text (pasted, read from a `.md` / `.txt` file on the device, or
//! the readable text of the article's saved web page, opened or dropped: `crate::page`),
//! the meta form, and *Draft*; or an existing article folder opened as it is (its files
//! picked together, or the folder itself where the browser can), with no drafting.

use super::meta_form::MetaForm;
use crate::meta::MetaFields;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartFormProps {
    pub pasted: String,
    pub meta: MetaFields,
    /// Why the last draft could not be made.
    pub report: Option<String>,
    /// What reading a saved page gave.
    pub notice: Option<String>,
    pub act: Callback<Action>,
}

#[function_component(StartForm)]
pub fn start_form(props: &StartFormProps) -> Html {
    let oninput = props.act.reform(|e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        Action::Paste(area.value())
    });
    let onfile = {
        let act = props.act.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_text(file, act.clone());
            }
        })
    };
    // A file dropped on the text (a saved page, a .md or .txt), or a page's selection dragged
    // from another window (its HTML when the browser gives it, else its text).
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let act = props.act.clone();
        Callback::from(move |e: DragEvent| {
            let Some(data) = e.data_transfer() else {
                return;
            };
            e.prevent_default();
            if let Some(file) = data.files().and_then(|f| f.get(0)) {
                read_text(file, act.clone());
            } else if let Some(html) = data.get_data("text/html").ok().filter(|h| !h.is_empty()) {
                act.emit(Action::Page(html));
            } else if let Ok(text) = data.get_data("text/plain") {
                act.emit(Action::Paste(text));
            }
        })
    };
    let onfolder = {
        let act = props.act.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                let act = act.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    act.emit(read_folder(files).await);
                });
            }
        })
    };
    let onsubmit = props.act.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Draft
    });
    html! {
        <form class="studio__start" {onsubmit}>
            <section class="studio__text">
                <h2>{ "1. The article's text" }</h2>
                <label for="studio-text">
                    { "Paste it exactly as published, paragraphs apart, with its own quotation marks. No title: that goes below." }
                </label>
                <textarea id="studio-text" class="studio__textarea" rows="16" spellcheck="false"
                    value={props.pasted.clone()} {oninput} {ondragover} {ondrop} />
                <label class="studio__file">
                    { "or open a .md or .txt file, or the article's page saved from the browser (.html; or drop it on the box): " }
                    <input id="studio-open-text" type="file" accept=".md,.txt,.html,.htm,text/plain,text/markdown,text/html" onchange={onfile} />
                </label>
                if let Some(notice) = &props.notice {
                    <p class="studio__notice" role="status">{ notice }</p>
                }
            </section>
            <section class="studio__open">
                <h2>{ "Or open an article folder" }</h2>
                <p>{ "An article already written (meta.toml, article.md, actors.toml, events.toml, quotes.toml, and draft.toml if it has one): it opens as it is, with no drafting, and downloads byte for byte the same until you change it." }</p>
                <label class="studio__file">
                    { "Its files, picked together: " }
                    <input id="studio-open-files" type="file" multiple=true accept=".toml,.md"
                        onchange={onfolder.clone()} />
                </label>
                <label class="studio__file">
                    { "or the folder itself: " }
                    <input id="studio-open-folder" type="file" webkitdirectory=true onchange={onfolder} />
                </label>
            </section>
            <section class="studio__meta">
                <h2>{ "2. About it" }</h2>
                <MetaForm meta={props.meta.clone()} act={props.act.clone()} />
            </section>
            <section class="studio__go">
                <button type="submit" class="studio__button studio__button--primary">{ "Draft" }</button>
                <p>{ "The drafter suggests the actors, quotes and dates it finds; you confirm or reject each. Nothing leaves this device." }</p>
                if let Some(report) = &props.report {
                    <p class="studio__warning" role="alert">{ report }</p>
                }
            </section>
        </form>
    }
}

/// A file's text as the start's text: a saved web page (by its name or its first bytes) read
/// for its paragraphs and title, anything else taken as it is.
fn read_text(file: web_sys::File, act: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
            if let Some(text) = text.as_string() {
                act.emit(if crate::page::looks_like_html(&file.name(), &text) {
                    Action::Page(text)
                } else {
                    Action::Paste(text)
                });
            }
        }
    });
}

/// The picked files as an [`Action::Open`]: each file's bytes, and the folder's name when the
/// browser gives the files' paths in it (a picked folder: `webkitRelativePath`).
async fn read_folder(files: web_sys::FileList) -> Action {
    let mut read = Vec::new();
    let mut name = None;
    for n in 0..files.length() {
        let Some(file) = files.get(n) else { continue };
        let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|p| p.contains('/'));
        if let Some(path) = &path {
            // The folder picked is the path's first part; a file in a folder inside it is not
            // the article's.
            let mut parts = path.split('/');
            name = parts.next().map(str::to_string);
            if parts.count() > 1 {
                continue;
            }
        }
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            continue;
        };
        read.push((
            path.unwrap_or_else(|| file.name()),
            js_sys::Uint8Array::new(&buffer).to_vec(),
        ));
    }
    Action::Open(name, read)
}
