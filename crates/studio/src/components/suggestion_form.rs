//! The current suggestion's fields in a form, to correct before confirming what the buttons
//! cannot: an actor's name, kind, role and affiliation; the sentence a relation cites; a
//! quote's speaker or speakers; an event's date, its precision and its provenance (`crate::state::EDITABLE`). A field is applied when it is left
//! (or Enter is pressed), and rewrites only its own line (`crate::edits::set_field`). `e`
//! focuses the form's first field; Esc leaves the form (`components::studio`'s keyboard).

use crate::edits::{field, precision, to_precision, Suggestion};
use crate::state::Action;
use yew::prelude::*;

/// The form's element id, which `e` focuses the first field of.
pub const FORM_ID: &str = "suggestion-form";

#[derive(Properties, PartialEq)]
pub struct SuggestionFormProps {
    pub suggestion: Suggestion,
    /// The text of the suggestion's file, as it is now.
    pub text: String,
    pub act: Callback<Action>,
}

const ACTOR_KINDS: [&str; 4] = ["person", "state", "organisation", "media"];
const PROVENANCES: [&str; 3] = ["stated", "inferred", "record"];
const PRECISIONS: [&str; 3] = ["day", "month", "year"];

fn text_field(
    key: &'static str,
    label: &str,
    hint: &str,
    value: String,
    act: &Callback<Action>,
) -> Html {
    let onchange = act.reform(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetField(key, input.value())
    });
    let id = format!("suggestion-field-{key}");
    let hint_id = format!("{id}-hint");
    html! {
        <div class="studio__field">
            <label for={id.clone()}>{ label }</label>
            <input id={id} type="text" {value} {onchange} autocomplete="off" spellcheck="false"
                aria-describedby={(!hint.is_empty()).then(|| hint_id.clone())} />
            if !hint.is_empty() {
                <span class="studio__hint" id={hint_id}>{ hint.to_string() }</span>
            }
        </div>
    }
}

/// A choice among `options`; `disabled` says which cannot be chosen.
fn choice(
    id: &'static str,
    label: &str,
    value: &str,
    options: &[&'static str],
    disabled: impl Fn(&str) -> bool,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="studio__field">
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                if !options.contains(&value) {
                    <option value="" selected=true>{ if value.is_empty() { "(none)".to_string() } else { value.to_string() } }</option>
                }
                { for options.iter().map(|o| html! {
                    <option key={*o} value={*o} selected={*o == value} disabled={disabled(o)}>{ *o }</option>
                }) }
            </select>
        </div>
    }
}

fn select_value(e: &Event) -> String {
    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
    select.value()
}

#[function_component(SuggestionForm)]
pub fn suggestion_form(props: &SuggestionFormProps) -> Html {
    let s = &props.suggestion;
    let get = |key: &str| field(&props.text, s, key).unwrap_or_default();
    let act = &props.act;
    let fields = match s.kind {
        "actor" => {
            let kind = get("kind");
            html! { <>
                { text_field("name", "Name", "", get("name"), act) }
                { choice("suggestion-field-kind", "Kind", &kind, &ACTOR_KINDS, |_| false,
                    act.reform(|e: Event| Action::SetField("kind", select_value(&e)))) }
                { text_field("role", "Role", "at the time of the article, as it gives it", get("role"), act) }
                { text_field("affiliation", "Affiliation", "the id of the actor of this article it belongs to (a state, an organisation)", get("affiliation"), act) }
            </> }
        }
        // The sentence a relation rests on: where it is (`sentence`, as the drafter writes it),
        // or its words (`evidence`, as a writer may).
        "relation" => match field(&props.text, s, "sentence") {
            Some(place) => text_field(
                "sentence",
                "Sentence",
                "where the sentence is in the article: paragraph.sentence, as 2.1 for the second paragraph's first",
                place,
                act,
            ),
            None => text_field(
                "evidence",
                "Sentence",
                "the one sentence of the article the relation rests on, copied exactly",
                get("evidence"),
                act,
            ),
        },
        "quote" => {
            let speakers = match get("speakers") {
                many if !many.is_empty() => many,
                _ => get("speaker"),
            };
            text_field(
                "speakers",
                "Speaker(s)",
                "actor ids; several, separated by commas, for words said together",
                speakers,
                act,
            )
        }
        "event" => {
            let date = get("date");
            let now = precision(&date).unwrap_or("");
            let onprecision = {
                let (act, date) = (act.clone(), date.clone());
                Callback::from(move |e: Event| {
                    if let Some(d) = to_precision(&date, &select_value(&e)) {
                        act.emit(Action::SetField("date", d));
                    }
                })
            };
            let finer = |p: &str| {
                let rank = |p: &str| PRECISIONS.iter().position(|x| *x == p).unwrap_or(0);
                !now.is_empty() && rank(p) < rank(now)
            };
            html! { <>
                { text_field("date", "Date", "YYYY-MM-DD, YYYY-MM or YYYY; a range START/END", date.clone(), act) }
                { choice("suggestion-field-precision", "Precision", now, &PRECISIONS, finer, onprecision) }
                { choice("suggestion-field-provenance", "Provenance", &get("provenance"), &PROVENANCES, |_| false,
                    act.reform(|e: Event| Action::SetField("provenance", select_value(&e)))) }
            </> }
        }
        _ => return Html::default(),
    };
    html! {
        <section class="studio__edit" id={FORM_ID} aria-labelledby="suggestion-form-title">
            <h3 id="suggestion-form-title">{ format!("Edit {} {}", s.kind, s.id) }</h3>
            <div class="studio__fields">{ fields }</div>
            <p class="studio__hint">{ "A change is applied when you leave the field, and checked at once. "}<kbd>{ "e" }</kbd>{ " comes here, " }<kbd>{ "Esc" }</kbd>{ " goes back to the list's keys." }</p>
        </section>
    }
}
