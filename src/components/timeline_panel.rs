//! The timeline panel: a time axis with scale breaks (so 1961 and 2023–24 are legible
//! together), then every event in order (`EventEntry`) with its date, the date's precision
//! and a provenance badge that says where the date comes from.

use super::context::use_viewer;
use super::event_entry::EventEntry;
use super::timeline_axis::timeline_axis;
use crate::effects::use_progressive_list;
use crate::i18n::viewer::Msg;
use crate::model::related::Related;
use crate::model::Selection;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelinePanelProps {
    pub selection: Option<Selection>,
    pub related: Rc<Related>,
}

#[function_component(TimelinePanel)]
pub fn timeline_panel(props: &TimelinePanelProps) -> Html {
    crate::render_count::rendered("TimelinePanel");
    let viewer = use_viewer();
    let selected = props.selection.as_ref().and_then(Selection::event);
    let events = &viewer.article.events;
    let needed = selected.and_then(|id| events.iter().position(|e| e.id == id));
    let (shown, more) =
        use_progressive_list(events.len(), needed, viewer.config.lang, Msg::MoreEvents);
    let lang = viewer.config.lang;
    let axis = {
        let article = viewer.article.clone();
        use_memo((), move |_| {
            crate::model::timeline::layout_axis(&article.events)
        })
    };
    html! {
        <div class="timeline">
            <h2 class="panel-title">{ lang.t(Msg::TabTimeline) }</h2>
            { timeline_axis(&viewer, &axis, props.selection.as_ref(), &props.related) }
            <dl class="timeline__legend">
                <div><dt><span class="badge badge--stated">{ lang.t(Msg::ProvenanceStated) }</span></dt>
                    <dd>{ lang.t(Msg::ProvenanceKeyStated) }</dd></div>
                <div><dt><span class="badge badge--inferred">{ lang.t(Msg::ProvenanceInferred) }</span></dt>
                    <dd>{ lang.t(Msg::ProvenanceKeyInferred) }</dd></div>
                <div><dt><span class="badge badge--record">{ lang.t(Msg::ProvenanceRecord) }</span></dt>
                    <dd>{ lang.t(Msg::ProvenanceKeyRecord) }</dd></div>
            </dl>
            <ol class="timeline__list">
                { for viewer.article.events[..shown].iter().enumerate().map(|(index, event)| {
                    let selected = selected == Some(event.id.as_str());
                    html! {
                        <EventEntry key={event.id.clone()} {index} {selected}
                            related={props.related.events.contains(&event.id)} />
                    }
                }) }
            </ol>
            { more }
        </div>
    }
}
