//! The time axis above the event list: segments with scale breaks between them, a dot per
//! event (filled: known to the day; ring: to the month; dashed: to the year). It is a picture
//! of the list below (which is the accessible, keyboard-operable version), so it is hidden
//! from assistive technology; clicking a dot selects its event.

use super::context::use_app;
use crate::model::timeline::layout_axis;
use crate::model::Selection;
use crate::state::Action;
use yew::prelude::*;

fn pct(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

#[function_component(TimelineAxis)]
pub fn timeline_axis() -> Html {
    let app = use_app();
    let axis = {
        let article = app.article.clone();
        use_memo((), move |_| layout_axis(&article.events))
    };
    let ui = &app.ui;
    html! {
        <div class="axis" aria-hidden="true">
            <div class="axis__track" style={format!("--lanes:{}", axis.lane_count())}>
                { for axis.segments.iter().map(|s| html! {
                    <div class="axis__segment" key={s.label.clone()}
                        style={format!("left:{};width:{}", pct(s.x0), pct(s.x1 - s.x0))}>
                        // A segment with year ticks is labelled by them.
                        if s.ticks.is_empty() {
                            <span class="axis__label">{ &s.label }</span>
                        }
                    </div>
                }) }
                { for axis.breaks.iter().map(|x| html! {
                    <span class="axis__break" style={format!("left:{}", pct(*x))}></span>
                }) }
                { for axis.segments.iter().flat_map(|s| s.ticks.iter()).map(|t| html! {
                    <span class="axis__tick" style={format!("left:{}", pct(t.x))}>
                        <span class="axis__tick-label">{ &t.label }</span>
                    </span>
                }) }
                { for axis.points.iter().map(|p| {
                    let event = app.article.event(&p.event);
                    let precision = event.map(|e| e.date.precision().as_str()).unwrap_or("day");
                    let sel = Selection::Event(p.event.clone());
                    let selected = ui.is_selected(&sel);
                    let related = app.related.events.contains(&p.event);
                    let onclick = {
                        let ui = ui.clone();
                        Callback::from(move |_| ui.dispatch(Action::Select(sel.clone())))
                    };
                    html! {
                        <span
                            key={p.event.clone()}
                            class={classes!(
                                "axis__dot",
                                format!("axis__dot--{precision}"),
                                selected.then_some("axis__dot--selected"),
                                related.then_some("axis__dot--related"),
                            )}
                            style={format!("left:{};--lane:{}", pct(p.x), p.lane)}
                            title={event.map(|e| format!("{}: {}", e.date.long(), e.title))}
                            {onclick}
                        ></span>
                    }
                }) }
            </div>
        </div>
    }
}
