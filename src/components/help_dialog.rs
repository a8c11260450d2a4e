//! The help panel: what the viewer does and its keyboard shortcuts. Its content is rendered
//! only while it is open (starting the viewer renders the empty panel). A function, not a
//! component: it has no state of its own.

use super::context::Viewer;
use crate::dom;
use crate::i18n::viewer::Msg;
use crate::state::PanelAction;
use yew::prelude::*;

/// The single-key shortcuts, as the help panel lists them. None uses the arrow keys, and none
/// acts while typing in a field.
pub const SHORTCUTS: [(&str, Msg); 8] = [
    ("/", Msg::HelpFind),
    ("a", Msg::HelpActors),
    ("t", Msg::HelpTimeline),
    ("q", Msg::HelpQuotes),
    ("r", Msg::HelpRelations),
    ("n / p", Msg::HelpNext),
    ("Esc", Msg::HelpEscape),
    ("?", Msg::HelpHelp),
];

/// The help panel, its content only when `open`.
pub fn help_dialog(viewer: &Viewer, open: bool) -> Html {
    let (onclose, lang) = (viewer.on(PanelAction::ToggleHelp), viewer.config.lang);
    html! {
        <section
            id={dom::HELP_ID}
            class="help"
            role="dialog"
            aria-labelledby="help-title"
            hidden={!open}
        >
        if open {
            <div class="help__head">
                <h2 id="help-title" class="help__title">{ lang.t(Msg::Help) }</h2>
                <button type="button" class="button" onclick={onclose}>{ lang.t(Msg::Close) }</button>
            </div>
            <p>{ lang.t(Msg::HelpIntro) }</p>
            <table class="help__keys">
                <caption class="visually-hidden">{ lang.t(Msg::HelpTitle) }</caption>
                <thead><tr><th scope="col">{ lang.t(Msg::HelpKey) }</th><th scope="col">{ lang.t(Msg::HelpDoes) }</th></tr></thead>
                <tbody>
                    { for SHORTCUTS.iter().map(|(key, what)| html! {
                        <tr key={*key}><td><kbd>{ *key }</kbd></td><td>{ lang.t(*what) }</td></tr>
                    }) }
                </tbody>
            </table>
        }
        </section>
    }
}
