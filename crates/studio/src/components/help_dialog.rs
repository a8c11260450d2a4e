//! The list of the studio's keys, under `?` (as the viewer lists its own): never while typing
//! in a field.

use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpDialogProps {
    pub open: bool,
    pub act: Callback<Action>,
}

const KEYS: [(&str, &str); 8] = [
    ("j", "next suggestion"),
    ("k", "previous suggestion"),
    ("c", "confirm the suggestion"),
    ("x", "reject the suggestion"),
    ("e", "edit the suggestion's fields (Esc leaves them)"),
    ("m", "mark the words selected in the preview: an actor, a quote, or an event on their sentence (Esc closes the form)"),
    ("?", "this list"),
    ("Esc", "close it"),
];

#[function_component(HelpDialog)]
pub fn help_dialog(props: &HelpDialogProps) -> Html {
    if !props.open {
        return Html::default();
    }
    let onclose = props.act.reform(|_| Action::Help(false));
    html! {
        <div class="studio__help" role="dialog" aria-modal="false" aria-labelledby="studio-keys">
            <h2 id="studio-keys">{ "Keys" }</h2>
            <dl>
                { for KEYS.iter().map(|(key, what)| html! {
                    <div key={*key}><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></div>
                }) }
            </dl>
            <p>{ "In the preview, the viewer's own keys work as for readers." }</p>
            <button type="button" class="studio__button" onclick={onclose}>{ "Close" }</button>
        </div>
    }
}
