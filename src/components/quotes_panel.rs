//! The quotes panel: every quote (`QuoteEntry`) with its speaker, its date where the article
//! gives one, and a line of context; a filter by speaker; copy a quote with its attribution.

use super::context::{use_viewer, Viewer};
use super::quote_entry::QuoteEntry;
use crate::effects::use_progressive_list;
use crate::i18n::viewer::Msg;
use crate::model::related::Related;
use crate::model::Selection;
use crate::state::PanelAction;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuotesPanelProps {
    pub selection: Option<Selection>,
    pub related: Rc<Related>,
    /// Show only this speaker's quotes.
    pub speaker_filter: Option<String>,
}

/// The speaker filter: everyone, or one speaker, with their numbers of quotes.
fn speaker_filter(viewer: &Viewer, filter: Option<&str>) -> Html {
    let (article, lang) = (&viewer.article, viewer.config.lang);
    let mut speakers: Vec<&str> = Vec::new();
    for speaker in article.quotes.iter().flat_map(|q| &q.speakers) {
        if !speakers.contains(&speaker.as_str()) {
            speakers.push(speaker);
        }
    }
    let on_filter = {
        let dispatch = viewer.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            dispatch
                .dispatch(PanelAction::FilterSpeaker((!value.is_empty()).then_some(value)).into());
        })
    };
    html! {
        <label class="quotes__filter">
            <span>{ lang.t(Msg::Speaker) }</span>
            <select id="speaker-filter" class="select" onchange={on_filter}>
                <option value="" selected={filter.is_none()}>
                    { lang.f(Msg::Everyone, &[("n", &article.quotes.len().to_string())]) }
                </option>
                { for speakers.iter().map(|s| {
                    let n = article.quotes.iter().filter(|q| q.speakers.iter().any(|x| x == s)).count();
                    html! {
                        <option key={s.to_string()} value={s.to_string()}
                            selected={filter == Some(*s)}>
                            { lang.f(Msg::SpeakerCount, &[("name", article.actor_name(s)), ("n", &n.to_string())]) }
                        </option>
                    }
                }) }
            </select>
        </label>
    }
}

#[function_component(QuotesPanel)]
pub fn quotes_panel(props: &QuotesPanelProps) -> Html {
    crate::render_count::rendered("QuotesPanel");
    let viewer = use_viewer();
    let filter = props.speaker_filter.as_deref();
    let selected = props.selection.as_ref().and_then(Selection::quote);
    let quotes = &viewer.article.quotes;
    let listed: Vec<usize> = (0..quotes.len())
        .filter(|&i| filter.is_none_or(|s| quotes[i].speakers.iter().any(|x| x == s)))
        .collect();
    let needed = selected.and_then(|id| listed.iter().position(|&i| quotes[i].id == id));
    let (shown, more) =
        use_progressive_list(listed.len(), needed, viewer.config.lang, Msg::MoreQuotes);
    html! {
        <div class="quotes">
            <h2 class="panel-title">{ viewer.config.lang.t(Msg::TabQuotes) }</h2>
            { speaker_filter(&viewer, filter) }
            <ol class="quotes__list">
                { for listed[..shown].iter().map(|&index| {
                        let q = &quotes[index];
                        let selected = selected == Some(q.id.as_str());
                        html! {
                            <QuoteEntry key={q.id.clone()} {index} {selected}
                                related={props.related.quotes.contains(&q.id)} />
                        }
                    }) }
            </ol>
            { more }
        </div>
    }
}
