//! The files the reader attached: a preview of each one chosen in this visit (a `blob:`
//! address; nothing leaves the device), its name, kind and size, and a way to remove it.

use crate::feedback::{Attachment, AttachmentKind};
use crate::i18n::{viewer::Msg, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AttachmentListProps {
    pub attachments: Vec<Attachment>,
    /// Preview addresses, by attachment index (none for files restored after a reload).
    pub previews: Vec<Option<String>>,
    /// Removes the attachment at this index.
    pub ondetach: Callback<usize>,
}

fn preview(lang: Lang, url: Option<String>, a: &Attachment) -> Html {
    match (url, a.kind) {
        (Some(url), AttachmentKind::Image) => html! {
            <img class="feedback__preview" src={url} alt={lang.f(Msg::AttachmentPreview, &[("name", &a.name)])} />
        },
        (Some(url), AttachmentKind::Video) => html! {
            <video class="feedback__preview" src={url} controls=true
                aria-label={lang.f(Msg::AttachmentPreview, &[("name", &a.name)])}></video>
        },
        (None, _) => html! {
            <span class="feedback__hint">{ lang.t(Msg::AttachmentNotPreviewed) }</span>
        },
    }
}

#[function_component(AttachmentList)]
pub fn attachment_list(props: &AttachmentListProps) -> Html {
    crate::render_count::rendered("AttachmentList");
    let lang = super::context::use_viewer().config.lang;
    html! {
        <ul class="feedback__attachments">
            { for props.attachments.iter().enumerate().map(|(i, a)| {
                let ondetach = props.ondetach.clone();
                html! {
                    <li key={format!("{i}-{}", a.name)} class="feedback__attachment">
                        { preview(lang, props.previews.get(i).cloned().flatten(), a) }
                        <span class="feedback__file-name">
                            { lang.f(Msg::AttachmentLine, &[
                                ("name", &a.name),
                                ("kind", lang.t(match a.kind {
                                    AttachmentKind::Image => Msg::AttachmentImage,
                                    AttachmentKind::Video => Msg::AttachmentVideo,
                                })),
                                ("size", &lang.f(Msg::SizeKb, &[("n", &a.bytes.div_ceil(1024).to_string())])),
                            ]) }
                        </span>
                        <button type="button" class="button" onclick={move |_| ondetach.emit(i)}
                            aria-label={lang.f(Msg::RemoveLabel, &[("name", &a.name)])}>{ lang.t(Msg::Remove) }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
