//! The time axis above the event list, drawn as SVG: segments with scale breaks between them
//! and a dot per event (filled: known to the day; ring: to the month; dashed: to the year).
//! It is a picture of the list below (which is the accessible, keyboard-operable version), so
//! it is hidden from assistive technology; clicking a dot selects its event. Positions are
//! SVG attributes, not inline styles, so a strict Content-Security-Policy allows them. A
//! function, not a component: the timeline's panel renders it with the axis it laid out once.

use super::context::Viewer;
use crate::model::related::Related;
use crate::model::timeline::Axis;
use crate::model::Selection;
use crate::state::SelectionAction;
use yew::prelude::*;

/// The drawing's width in SVG units; x in [0, 1] maps onto it (inside a margin).
/// Coordinates are whole SVG units (integer formatting keeps float printing out of the wasm).
const WIDTH: i32 = 600;
const MARGIN: i32 = 20;
const LANE: i32 = 22;

fn x_of(x: f64) -> i32 {
    MARGIN + (x * f64::from(WIDTH - 2 * MARGIN)).round() as i32
}

/// The axis of `app`'s events (`axis`, as `layout_axis` lays them out), `selection` and what
/// relates to it (`related`) marked.
pub fn timeline_axis(
    app: &Viewer,
    axis: &Axis,
    selection: Option<&Selection>,
    related: &Related,
) -> Html {
    let lanes = i32::from(axis.lane_count().max(1));
    let line = 14 + lanes * LANE;
    let height = line + 46;
    html! {
        <svg
            class="axis"
            viewBox={format!("0 0 {WIDTH} {height}")}
            aria-hidden="true"
            focusable="false"
        >
            { for axis.segments.iter().map(|s| html! {
                <g key={s.label.clone()}>
                    <line class="axis__line" x1={x_of(s.x0).to_string()} x2={x_of(s.x1).to_string()}
                        y1={line.to_string()} y2={line.to_string()} />
                    // A segment with year ticks is labelled by them.
                    if s.ticks.is_empty() {
                        <text class="axis__label" x={x_of((s.x0 + s.x1) / 2.0).to_string()}
                            y={(line + 30).to_string()} text-anchor="middle">{ &s.label }</text>
                    }
                    { for s.ticks.iter().map(|t| html! {
                        <g key={t.label.clone()}>
                            <line class="axis__tick" x1={x_of(t.x).to_string()} x2={x_of(t.x).to_string()}
                                y1={(line - 6).to_string()} y2={(line + 6).to_string()} />
                            <text class="axis__label" x={x_of(t.x).to_string()} y={(line + 30).to_string()}
                                text-anchor="middle">{ &t.label }</text>
                        </g>
                    }) }
                </g>
            }) }
            { for axis.breaks.iter().enumerate().map(|(i, x)| {
                let x = x_of(*x);
                html! {
                    <path key={i} class="axis__break"
                        d={format!("M{} {} l8 -20 M{} {} l8 -20", x - 8, line + 10, x, line + 10)} />
                }
            }) }
            { for axis.points.iter().map(|p| {
                let event = app.article.event(&p.event);
                let precision = event.map(|e| e.date.precision().as_str()).unwrap_or("day");
                let sel = Selection::Event(p.event.clone());
                let selected = selection == Some(&sel);
                let related = related.events.contains(&p.event);
                let onclick = app.on(SelectionAction::Select(sel));
                html! {
                    <circle
                        key={p.event.clone()}
                        class={classes!(
                            "axis__dot",
                            format!("axis__dot--{precision}"),
                            selected.then_some("axis__dot--selected"),
                            related.then_some("axis__dot--related"),
                        )}
                        cx={x_of(p.x).to_string()}
                        cy={(line - i32::from(p.lane) * LANE).to_string()}
                        r="9"
                        {onclick}
                    >
                        <title>{ event.map(|e| format!("{}: {}", e.date.long(), e.title)).unwrap_or_default() }</title>
                    </circle>
                }
            }) }
        </svg>
    }
}
