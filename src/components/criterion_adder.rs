//! "Add field": the reader names a criterion of their own; a name the form cannot take is
//! refused with the reason, next to the field.

use crate::feedback::{can_add, Rating};
use crate::i18n::viewer::Msg;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CriterionAdderProps {
    /// The form's ratings, which a new name must not repeat.
    pub ratings: Vec<Rating>,
    /// A checked name to add.
    pub onadd: Callback<String>,
}

#[function_component(CriterionAdder)]
pub fn criterion_adder(props: &CriterionAdderProps) -> Html {
    crate::render_count::rendered("CriterionAdder");
    let lang = super::context::use_viewer().config.lang;
    let name = use_state(String::new);
    let error = use_state(|| None::<String>);
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let add = {
        let (name, error, onadd) = (name.clone(), error.clone(), props.onadd.clone());
        let ratings = props.ratings.clone();
        move || match can_add(&ratings, &name) {
            Ok(checked) => {
                onadd.emit(checked);
                name.set(String::new());
                error.set(None);
            }
            Err(why) => error.set(Some(why.said(lang))),
        }
    };
    let on_click = {
        let add = add.clone();
        Callback::from(move |_| add())
    };
    // Enter in the name field adds it (instead of submitting the whole form).
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            add();
        }
    });
    html! {
        <div class="feedback__add" role="group" aria-labelledby="feedback-add-label">
            <label id="feedback-add-label" class="feedback__label" for="feedback-new-criterion">{ lang.t(Msg::FeedbackAddCriterion) }</label>
            <div class="feedback__add-row">
                <input id="feedback-new-criterion" class="feedback__input" type="text"
                    placeholder={lang.t(Msg::FeedbackCriterionPlaceholder)} maxlength="40"
                    value={(*name).clone()} oninput={on_name} onkeydown={on_key}
                    aria-describedby="feedback-add-error" />
                <button type="button" class="button" onclick={on_click}>{ lang.t(Msg::FeedbackAddCriterion) }</button>
            </div>
            <p id="feedback-add-error" class="feedback__error" role="alert">
                { (*error).clone().unwrap_or_default() }
            </p>
        </div>
    }
}
