//! The folder's files as text, to fix by hand what the buttons cannot (a description, a
//! context, a wrong id): one file at a time; a change is applied when the field is left, and
//! re-checked. The checker's errors on the file shown are listed above it, each a link to its
//! line.

use crate::folder::{Folder, FILE_NAMES};
use crate::placed::Placed;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileEditorProps {
    pub folder: Folder,
    /// The checker's errors, each with its file and line.
    pub placed: Rc<Vec<Placed>>,
    pub act: Callback<Action>,
}

/// Selects line `line` (from 1) of `area` and focuses it, where the writer fixes it.
fn select_line(area: &web_sys::HtmlTextAreaElement, line: usize) {
    let text = area.value();
    // The textarea counts in UTF-16 units.
    let mut start = 0u32;
    let mut end = 0u32;
    for (n, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if n + 1 == line {
            end = start + len;
            break;
        }
        start += len + 1;
    }
    let _ = area.focus();
    let _ = area.set_selection_range(start, end.max(start));
    // Scrolled to it (a browser keeps the box where it was): lines are all one height.
    let lines = text.split('\n').count().max(1) as f64;
    let height = f64::from(area.scroll_height()) / lines;
    area.set_scroll_top(((line as f64 - 3.0).max(0.0) * height) as i32);
}

#[function_component(FileEditor)]
pub fn file_editor(props: &FileEditorProps) -> Html {
    let shown = use_state(|| 2usize);
    let onpick = {
        let shown = shown.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            shown.set(select.selected_index().max(0) as usize);
        })
    };
    let name = FILE_NAMES[*shown];
    let onchange = props.act.reform(move |e: Event| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        Action::Edit(name, area.value())
    });
    let area = use_node_ref();
    let errors: Vec<Placed> = props
        .placed
        .iter()
        .filter(|p| p.file == name)
        .cloned()
        .collect();
    let here = |p: &Placed| {
        let (area, line) = (area.clone(), p.line);
        Callback::from(move |_| {
            if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
                select_line(&area, line);
            }
        })
    };
    html! {
        <details class="studio__details studio__files" open={!props.placed.is_empty()}>
            <summary>{ "Files" }</summary>
            <label for="studio-file-pick">{ "File " }</label>
            <select id="studio-file-pick" onchange={onpick}>
                { for FILE_NAMES.iter().enumerate().map(|(n, f)| html! {
                    <option key={*f} selected={n == *shown}>{ *f }</option>
                }) }
            </select>
            if !errors.is_empty() {
                <ul class="studio__file-errors" aria-label={format!("The checker on {name}")}>
                    { for errors.iter().enumerate().map(|(n, p)| html! {
                        <li key={n}>
                            <button type="button" class="link-button" onclick={here(p)}>
                                { format!("Line {}", p.line) }
                            </button>
                            <pre>{ p.text.clone() }</pre>
                        </li>
                    }) }
                </ul>
            }
            <textarea ref={area} class="studio__textarea studio__source" rows="18" spellcheck="false"
                aria-label={name} value={props.folder.files()[*shown].to_string()} {onchange} />
        </details>
    }
}
