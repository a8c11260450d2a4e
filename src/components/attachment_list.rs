//! The files the reader attached: a preview of each one chosen in this visit (a `blob:`
//! address; nothing leaves the device), its name, kind and size, and a way to remove it.

use crate::feedback::{Attachment, AttachmentKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AttachmentListProps {
    pub attachments: Vec<Attachment>,
    /// Preview addresses, by attachment index (none for files restored after a reload).
    pub previews: Vec<Option<String>>,
    /// Removes the attachment at this index.
    pub ondetach: Callback<usize>,
}

fn preview(url: Option<String>, a: &Attachment) -> Html {
    match (url, a.kind) {
        (Some(url), AttachmentKind::Image) => html! {
            <img class="feedback__preview" src={url} alt={format!("Preview of {}", a.name)} />
        },
        (Some(url), AttachmentKind::Video) => html! {
            <video class="feedback__preview" src={url} controls=true
                aria-label={format!("Preview of {}", a.name)}></video>
        },
        (None, _) => html! {
            <span class="feedback__hint">{ "(not previewed after a reload)" }</span>
        },
    }
}

#[function_component(AttachmentList)]
pub fn attachment_list(props: &AttachmentListProps) -> Html {
    crate::render_count::rendered("AttachmentList");
    html! {
        <ul class="feedback__attachments">
            { for props.attachments.iter().enumerate().map(|(i, a)| {
                let ondetach = props.ondetach.clone();
                html! {
                    <li key={format!("{i}-{}", a.name)} class="feedback__attachment">
                        { preview(props.previews.get(i).cloned().flatten(), a) }
                        <span class="feedback__file-name">
                            { format!("{} ({}, {} KB)", a.name, a.kind.as_str(), a.bytes.div_ceil(1024)) }
                        </span>
                        <button type="button" class="button" onclick={move |_| ondetach.emit(i)}
                            aria-label={format!("Remove {}", a.name)}>{ "Remove" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
