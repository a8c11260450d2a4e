//! The suggestions left to review, in file order (actors with their relations, quotes,
//! events), the current one marked; each with Confirm and Reject.

use super::suggestion_item::SuggestionItem;
use crate::edits::Suggestion;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SuggestionListProps {
    pub suggestions: Rc<Vec<Suggestion>>,
    pub current: usize,
    pub act: Callback<Action>,
}

#[function_component(SuggestionList)]
pub fn suggestion_list(props: &SuggestionListProps) -> Html {
    html! {
        <section class="studio__suggestions" aria-labelledby="suggestions-title">
            <h2 id="suggestions-title">{ "Suggestions" }</h2>
            if props.suggestions.is_empty() {
                <p>{ "None left: every entry is confirmed. Fill in what the checker asks for, then download the folder." }</p>
            } else {
                <p class="studio__hint">
                    { "Read each against the text. " }<kbd>{"j"}</kbd>{ "/" }<kbd>{"k"}</kbd>
                    { " move, " }<kbd>{"c"}</kbd>{ " confirms, " }<kbd>{"x"}</kbd>{ " rejects." }
                </p>
                <ol class="suggestions">
                    { for props.suggestions.iter().enumerate().map(|(n, s)| html! {
                        <SuggestionItem key={format!("{}:{}", s.kind, s.id)} suggestion={s.clone()}
                            index={n} current={n == props.current} act={props.act.clone()} />
                    }) }
                </ol>
            }
        </section>
    }
}
