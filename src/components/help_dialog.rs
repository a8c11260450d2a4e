//! The help panel: what the viewer does and its keyboard shortcuts. Its content is rendered
//! only while it is open (starting the viewer renders the empty panel).

use super::context::use_viewer;
use crate::dom;
use crate::state::PanelAction;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpDialogProps {
    pub open: bool,
}

/// The single-key shortcuts, as the help panel lists them. None uses the arrow keys, and none
/// acts while typing in a field.
pub const SHORTCUTS: [(&str, &str); 8] = [
    ("/", "Find in the article"),
    ("a", "Actors panel"),
    ("t", "Timeline panel"),
    ("q", "Quotes panel"),
    ("r", "Relations panel"),
    ("n / p", "Next / previous mention of the selected actor"),
    ("Esc", "Close the help or a card, then clear the selection"),
    ("?", "Show or hide this help"),
];

#[function_component(HelpDialog)]
pub fn help_dialog(props: &HelpDialogProps) -> Html {
    crate::render_count::rendered("HelpDialog");
    let onclose = use_viewer().on(PanelAction::ToggleHelp);
    html! {
        <section
            id={dom::HELP_ID}
            class="help"
            role="dialog"
            aria-labelledby="help-title"
            hidden={!props.open}
        >
        if props.open {
            <div class="help__head">
                <h2 id="help-title" class="help__title">{ "Help" }</h2>
                <button type="button" class="button" onclick={onclose}>{ "Close" }</button>
            </div>
            <p>
                { "Names in the text are linked: hover or focus one for a card, click or press Enter to select it. " }
                { "A selection is highlighted in the text and in every panel; the address bar keeps it, so you can share the link." }
            </p>
            <table class="help__keys">
                <caption class="visually-hidden">{ "Keyboard shortcuts" }</caption>
                <thead><tr><th scope="col">{ "Key" }</th><th scope="col">{ "Does" }</th></tr></thead>
                <tbody>
                    { for SHORTCUTS.iter().map(|(key, what)| html! {
                        <tr key={*key}><td><kbd>{ *key }</kbd></td><td>{ *what }</td></tr>
                    }) }
                </tbody>
            </table>
        }
        </section>
    }
}
