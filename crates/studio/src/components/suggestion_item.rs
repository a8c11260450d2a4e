//! One suggestion: its kind, what it says, where it is (`file:line`), the checker's errors on
//! its lines (in the report's words), Confirm and Reject. The current one is scrolled into
//! view in the list when it becomes current.

use crate::edits::Suggestion;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SuggestionItemProps {
    pub suggestion: Suggestion,
    pub index: usize,
    pub current: bool,
    pub act: Callback<Action>,
}

#[function_component(SuggestionItem)]
pub fn suggestion_item(props: &SuggestionItemProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.current, move |&current| {
            if let (true, Some(el)) = (current, node.cast::<web_sys::Element>()) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let s = &props.suggestion;
    let n = props.index;
    let onselect = props.act.reform(move |_| Action::Select(n));
    let onconfirm = {
        let act = props.act.clone();
        Callback::from(move |_| {
            act.emit(Action::Select(n));
            act.emit(Action::Confirm);
        })
    };
    let onreject = {
        let act = props.act.clone();
        Callback::from(move |_| {
            act.emit(Action::Select(n));
            act.emit(Action::Reject);
        })
    };
    let class = classes!(
        "suggestion",
        props.current.then_some("suggestion--current"),
        (!s.errors.is_empty()).then_some("suggestion--error")
    );
    html! {
        <li ref={node} {class} aria-current={props.current.then_some("true")}
            data-kind={s.kind} data-id={s.id.clone()}>
            <button type="button" class="suggestion__what" onclick={onselect}>
                <span class="suggestion__kind">{ s.kind }</span>
                <span class="suggestion__label">{ s.label.clone() }</span>
                <span class="suggestion__place">{ format!("{}:{}", s.file.name(), s.line + 1) }</span>
            </button>
            if !s.errors.is_empty() {
                <ul class="suggestion__errors" aria-label={format!("The checker on {} {}", s.kind, s.id)}>
                    { for s.errors.iter().enumerate().map(|(n, e)| html! { <li key={n}>{ e.clone() }</li> }) }
                </ul>
            }
            <span class="suggestion__actions">
                <button type="button" class="studio__button suggestion__confirm" onclick={onconfirm}
                    aria-label={format!("Confirm {} {}", s.kind, s.id)}>{ "Confirm" }</button>
                <button type="button" class="studio__button suggestion__reject" onclick={onreject}
                    aria-label={format!("Reject {} {}", s.kind, s.id)}>{ "Reject" }</button>
            </span>
        </li>
    }
}
