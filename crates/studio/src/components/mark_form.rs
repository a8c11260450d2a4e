//! The writer's own mark (`m`, or *Mark selection*): the words selected in the preview made an
//! actor's mention (an actor of the folder, or a new one), a quote (the words verbatim, its
//! speaker or speakers chosen), or an event on their sentence (its date, precision and
//! provenance the writer's: the form proposes none). *Mark* hands it to the reducer
//! (`Action::Mark`, written by `crate::marking`, then re-checked); a refusal shows here, in
//! words for the writer, with everything typed kept. Esc or *Cancel* closes it.

use crate::marking::{named, Choice, MarkAs, ACTOR_KINDS, PRECISIONS, PROVENANCES};
use crate::state::{Action, Marking};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// The form's element id (Esc in it closes it).
pub const MARK_FORM_ID: &str = "mark-form";

#[derive(Properties, PartialEq)]
pub struct MarkFormProps {
    pub marking: Rc<Marking>,
    /// The folder's actors, to choose from.
    pub actors: Rc<Vec<Choice>>,
    pub act: Callback<Action>,
}

/// What the words become, as the form's first choice.
const KINDS: [(&str, &str); 4] = [
    ("actor", "An actor of the article"),
    ("new-actor", "A new actor"),
    ("quote", "A quote"),
    ("event", "An event (on its sentence)"),
];

type Fields = HashMap<&'static str, String>;

/// The fields' first values: from the words and their sentence only (a new actor's name and
/// id, the event's title), never a date, a role or a speaker.
fn first_fields(marking: &Marking, actors: &[Choice]) -> Fields {
    let mut f = Fields::new();
    let actor = named(actors, &marking.words)
        .or(actors.first())
        .map(|c| c.id.clone())
        .unwrap_or_default();
    f.insert("actor", actor);
    f.insert("id", marginalia_draft::actors::slug(&marking.words));
    f.insert("name", marking.words.clone());
    f.insert("kind", "person".into());
    f.insert("precision", "day".into());
    f.insert("provenance", "stated".into());
    let first = marking.sentences.first().map_or("", String::as_str);
    f.insert("title", marginalia_draft::write::title_of(first));
    f
}

fn get(fields: &Fields, key: &str) -> String {
    fields.get(key).cloned().unwrap_or_default()
}

/// The form's fields made into a mark.
fn mark_as(kind: &str, f: &Fields) -> MarkAs {
    match kind {
        "actor" => MarkAs::Actor {
            id: get(f, "actor"),
        },
        "new-actor" => MarkAs::NewActor {
            id: get(f, "id").trim().to_string(),
            name: get(f, "name"),
            kind: get(f, "kind"),
            role: get(f, "role"),
            description: get(f, "description"),
        },
        "quote" => MarkAs::Quote {
            speakers: get(f, "speakers")
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            context: get(f, "context"),
        },
        _ => MarkAs::Event {
            date: get(f, "date"),
            precision: get(f, "precision"),
            provenance: get(f, "provenance"),
            title: get(f, "title"),
            description: get(f, "event_description"),
        },
    }
}

/// A text field bound to `key` of the form's fields.
fn text_field(key: &'static str, label: &str, hint: &str, fields: &UseStateHandle<Fields>) -> Html {
    let oninput = {
        let fields = fields.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*fields).clone();
            next.insert(key, input.value());
            fields.set(next);
        })
    };
    let id = format!("mark-{key}");
    let hint_id = format!("{id}-hint");
    html! {
        <div class="studio__field">
            <label for={id.clone()}>{ label }</label>
            <input {id} type="text" value={get(fields, key)} {oninput} autocomplete="off"
                spellcheck="false" aria-describedby={(!hint.is_empty()).then(|| hint_id.clone())} />
            if !hint.is_empty() {
                <span class="studio__hint" id={hint_id}>{ hint.to_string() }</span>
            }
        </div>
    }
}

/// A choice bound to `key`, among `options` (value, label).
fn choice(
    key: &'static str,
    label: &str,
    options: Vec<(String, String)>,
    fields: &UseStateHandle<Fields>,
) -> Html {
    let onchange = {
        let fields = fields.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*fields).clone();
            next.insert(key, select.value());
            fields.set(next);
        })
    };
    let value = get(fields, key);
    let id = format!("mark-{key}");
    html! {
        <div class="studio__field">
            <label for={id.clone()}>{ label }</label>
            <select {id} {onchange}>
                { for options.into_iter().map(|(v, l)| {
                    let selected = v == value;
                    html! { <option key={v.clone()} {selected} value={v}>{ l }</option> }
                }) }
            </select>
        </div>
    }
}

fn words(options: &[&'static str]) -> Vec<(String, String)> {
    options
        .iter()
        .map(|o| (o.to_string(), o.to_string()))
        .collect()
}

#[function_component(MarkForm)]
pub fn mark_form(props: &MarkFormProps) -> Html {
    let m = &props.marking;
    let kind = use_state(|| {
        if named(&props.actors, &m.words).is_some() {
            "actor"
        } else {
            "new-actor"
        }
    });
    let fields = use_state(|| first_fields(m, &props.actors));
    // Opened: its first control has the focus.
    {
        use_effect_with((), |()| {
            use wasm_bindgen::JsCast;
            let first = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| {
                    d.query_selector(&format!(
                        "#{MARK_FORM_ID} input:checked, #{MARK_FORM_ID} button"
                    ))
                    .ok()
                    .flatten()
                })
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(first) = first {
                let _ = first.focus();
            }
        });
    }
    let onsubmit = {
        let (act, kind, fields) = (props.act.clone(), kind.clone(), fields.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            act.emit(Action::Mark(mark_as(&kind, &fields)));
        })
    };
    let oncancel = props.act.reform(|_| Action::CancelMark);
    let actor_options: Vec<(String, String)> = props
        .actors
        .iter()
        .map(|c| (c.id.clone(), format!("{} ({})", c.name, c.id)))
        .collect();
    let onspeakers = {
        let fields = fields.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let chosen = select.selected_options();
            let ids: Vec<String> = (0..chosen.length())
                .filter_map(|i| chosen.item(i))
                .filter_map(|o| o.get_attribute("value"))
                .collect();
            let mut next = (*fields).clone();
            next.insert("speakers", ids.join(","));
            fields.set(next);
        })
    };
    let speakers: Vec<String> = get(&fields, "speakers")
        .split(',')
        .map(str::to_string)
        .collect();
    let body = match *kind {
        "actor" => choice("actor", "Actor", actor_options, &fields),
        "new-actor" => html! { <>
            { text_field("name", "Name", "the full name, as the article gives it", &fields) }
            { text_field("id", "Id", "lowercase letters, digits and hyphens", &fields) }
            { choice("kind", "Kind", words(&ACTOR_KINDS), &fields) }
            { text_field("role", "Role", "at the time of the article, as it gives it", &fields) }
            { text_field("description", "Description", "one line, drawn from the article", &fields) }
        </> },
        "quote" => html! { <>
            <div class="studio__field">
                <label for="mark-speakers">{ "Speaker(s)" }</label>
                <select id="mark-speakers" multiple=true size="5" onchange={onspeakers}
                    aria-describedby="mark-speakers-hint">
                    { for props.actors.iter().map(|c| html! {
                        <option key={c.id.clone()} value={c.id.clone()} selected={speakers.contains(&c.id)}>
                            { format!("{} ({})", c.name, c.id) }
                        </option>
                    }) }
                </select>
                <span class="studio__hint" id="mark-speakers-hint">{ "several for words said together" }</span>
            </div>
            { text_field("context", "Context", "one line on when and why it was said", &fields) }
        </> },
        _ => html! { <>
            if !m.sentences.is_empty() {
                <blockquote class="studio__mark-sentence">{ m.sentences.join(" ") }</blockquote>
            }
            { text_field("date", "Date", "as the text or the public record gives it: YYYY-MM-DD, YYYY-MM or YYYY; a range START/END", &fields) }
            { choice("precision", "Precision", words(&PRECISIONS), &fields) }
            { choice("provenance", "Provenance", words(&PROVENANCES), &fields) }
            { text_field("title", "Title", "a line of the timeline", &fields) }
            { text_field("event_description", "Description", "one line on what happened", &fields) }
        </> },
    };
    html! {
        <section class="studio__edit studio__mark" id={MARK_FORM_ID} aria-labelledby="mark-form-title">
            <h2 id="mark-form-title">{ "Mark the selection" }</h2>
            if !m.words.is_empty() {
                <p class="studio__mark-words">{ format!("“{}”", m.words) }</p>
            }
            if let Some(error) = &m.error {
                <p class="studio__warning studio__mark-error" role="alert">{ error }</p>
            }
            <form {onsubmit}>
                if m.found {
                    <fieldset class="studio__mark-kinds">
                        <legend>{ "These words are" }</legend>
                        { for KINDS.iter().map(|&(value, label)| {
                            let onchange = {
                                let kind = kind.clone();
                                Callback::from(move |_: Event| kind.set(value))
                            };
                            html! {
                                <label key={value} class="studio__radio">
                                    <input type="radio" name="mark-kind" {value}
                                        checked={*kind == value} {onchange} />
                                    { label }
                                </label>
                            }
                        }) }
                    </fieldset>
                    <div class="studio__fields">{ body }</div>
                }
                <div class="studio__mark-actions">
                    if m.found {
                        <button type="submit" class="studio__button studio__button--primary">{ "Mark" }</button>
                    }
                    <button type="button" class="studio__button" onclick={oncancel}>{ "Cancel" }</button>
                </div>
            </form>
            <p class="studio__hint">{ "Written into the files confirmed (a person made it), and checked at once. " }<kbd>{ "Esc" }</kbd>{ " closes the form." }</p>
        </section>
    }
}
