//! The meta form: the fields of `meta.toml` a writer types (`crate::meta::FIELDS`). Each
//! change is an action; once drafted, it rewrites `meta.toml` and re-checks.

use crate::meta::{MetaFields, FIELDS};
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MetaFormProps {
    pub meta: MetaFields,
    pub act: Callback<Action>,
}

#[function_component(MetaForm)]
pub fn meta_form(props: &MetaFormProps) -> Html {
    html! {
        <div class="studio__fields">
            { for FIELDS.iter().map(|&(key, label, hint, required)| {
                let oninput = props.act.reform(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    Action::Meta(key, input.value())
                });
                let id = format!("meta-{key}");
                html! {
                    <div class="studio__field" key={key}>
                        <label for={id.clone()}>
                            { label }
                            if !required { <span class="studio__optional">{ " (optional)" }</span> }
                        </label>
                        <input id={id} name={key} type="text" value={props.meta.get(key).to_string()}
                            placeholder={hint} {oninput} autocomplete="off" />
                    </div>
                }
            }) }
        </div>
    }
}
