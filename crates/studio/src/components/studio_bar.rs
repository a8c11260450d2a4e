//! The studio's bar: its name, how many suggestions are left, the time the last check and
//! preview took, and the work's actions (download the folder, save it into a folder where the
//! browser can, discard, the keys).

use crate::state::{Action, Work};
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StudioBarProps {
    pub work: Work,
    /// Suggestions still to review.
    pub left: usize,
    /// The last check and build, and from the writer's action to the rendered preview (ms).
    pub check_ms: Option<f64>,
    pub refresh_ms: Option<f64>,
    /// The last draft: drafter, check and build (ms).
    pub draft_ms: Option<f64>,
    /// Why the work is not kept in the browser, if it is not.
    pub storage_error: Option<String>,
    pub act: Callback<Action>,
}

#[function_component(StudioBar)]
pub fn studio_bar(props: &StudioBarProps) -> Html {
    let message = use_state(|| None::<String>);
    // What the last save into a folder did.
    let saved = use_state(|| None::<String>);
    let slug = props.work.slug();
    // Where the browser can write into a folder the writer picks (File System Access API);
    // elsewhere the .zip is the way out.
    let can_save = use_memo((), |()| web::can_save_to_folder());
    let onsave = {
        let (folder, slug) = (props.work.folder.clone(), slug.clone());
        let (message, saved) = (message.clone(), saved.clone());
        Callback::from(move |_| {
            let Some(folder) = folder.clone() else {
                return;
            };
            let (slug, message, saved) = (slug.clone(), message.clone(), saved.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let entries = folder.entries();
                let files: Vec<(&str, &[u8])> =
                    entries.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
                match web::save_to_folder(&slug, &files).await {
                    Ok(parent) => {
                        message.set(None);
                        saved.set(Some(format!(
                            "Saved {} files into {}/{slug}/.",
                            files.len(),
                            if parent.is_empty() {
                                "the folder"
                            } else {
                                parent.as_str()
                            }
                        )));
                    }
                    Err(error) => {
                        saved.set(None);
                        message.set(Some(error));
                    }
                }
            });
        })
    };
    let ondownload = {
        let (folder, slug, message) = (props.work.folder.clone(), slug.clone(), message.clone());
        Callback::from(move |_| {
            if let Some(folder) = &folder {
                let result = web::download(
                    &folder.zip(&slug),
                    &format!("{slug}.zip"),
                    "application/zip",
                );
                message.set(result.err());
            }
        })
    };
    let ondiscard = {
        let (act, slug) = (props.act.clone(), slug.clone());
        Callback::from(move |_| {
            let sure = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(
                        "Discard this article's work in the studio? Download it first to keep it.",
                    )
                    .ok()
                })
                .unwrap_or(false);
            if sure {
                let (act, slug) = (act.clone(), slug.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    web::discard(&slug).await;
                    act.emit(Action::Restore(Box::default()));
                });
            }
        })
    };
    let onhelp = props.act.reform(|_| Action::Help(true));
    let drafted = props.work.folder.is_some();
    html! {
        // A region, not a banner: the preview's viewer has the page's banner (its toolbar).
        <section class="studio__bar" aria-label="Studio">
            <h1 class="studio__title"><a href="../">{ "marginalia" }</a>{ " studio" }</h1>
            <p class="studio__status" role="status" aria-live="polite">
                if drafted {
                    <span data-left={props.left.to_string()}>
                        { match props.left { 0 => "Nothing left to review".to_string(), 1 => "1 suggestion to review".to_string(), n => format!("{n} suggestions to review") } }
                    </span>
                    if let Some(ms) = props.check_ms {
                        <span class="studio__timing" data-check-ms={format!("{ms:.1}")}
                            data-refresh-ms={props.refresh_ms.map(|r| format!("{r:.1}"))}
                            data-draft-ms={props.draft_ms.map(|r| format!("{r:.1}"))}>
                            { format!(" · checked in {ms:.0} ms") }
                            { props.refresh_ms.map(|r| format!(", previewed in {r:.0} ms")).unwrap_or_default() }
                        </span>
                    }
                } else {
                    { "Paste an article to start" }
                }
            </p>
            <div class="studio__actions">
                if drafted {
                    <button type="button" class="studio__button studio__button--primary" onclick={ondownload}>
                        { format!("Download {slug}.zip") }
                    </button>
                    if *can_save {
                        <button type="button" class="studio__button studio__save" onclick={onsave}>
                            { "Save to folder" }
                        </button>
                    }
                    <button type="button" class="studio__button" onclick={ondiscard}>{ "Discard" }</button>
                }
                <button type="button" class="studio__button" onclick={onhelp} aria-keyshortcuts="?">
                    { "Keys" }
                </button>
            </div>
            if let Some(s) = &*saved {
                <p class="studio__notice studio__saved" role="status">{ s }</p>
            }
            if let Some(m) = &*message {
                <p class="studio__warning" role="alert">{ m }</p>
            }
            if let Some(error) = &props.storage_error {
                <p class="studio__warning" role="alert">
                    { format!("Your work is not kept in this browser: {error}. Everything stays on screen; download the .zip before you close the page.") }
                </p>
            }
        </section>
    }
}
