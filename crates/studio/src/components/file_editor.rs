//! The folder's files as text, to fix by hand what the buttons cannot (a description, a
//! context, a wrong id): one file at a time; a change is applied when the field is left, and
//! re-checked.

use crate::folder::{Folder, FILE_NAMES};
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileEditorProps {
    pub folder: Folder,
    pub act: Callback<Action>,
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
    html! {
        <details class="studio__details studio__files">
            <summary>{ "Files" }</summary>
            <label for="studio-file-pick">{ "File " }</label>
            <select id="studio-file-pick" onchange={onpick}>
                { for FILE_NAMES.iter().enumerate().map(|(n, f)| html! {
                    <option key={*f} selected={n == *shown}>{ *f }</option>
                }) }
            </select>
            <textarea class="studio__textarea studio__source" rows="18" spellcheck="false"
                aria-label={name} value={props.folder.files()[*shown].to_string()} {onchange} />
        </details>
    }
}
