//! The relations picture: who stands with whom, drawn as SVG from the layout the build made
//! (`crate::model::graph`; a view function, not a component: the relations panel and the
//! printed dossier draw it; the page as built shows the dossier's drawing in the panel by
//! reference, [`picture_reference`], rather than a second copy): actors as boxes in three columns (people, states, organisations),
//! relations as lines between them. It takes part in the one selection: the selected actor or
//! relation is drawn strong, what relates to it plainly, the rest faintly, and the labels of
//! the strong lines are shown. A click on a box or a line selects it (the panel stays).
//!
//! The picture is for the eye and the mouse; it is hidden from assistive technology, because
//! the list beside it (`RelationsPanel`) says the same and is what the keyboard uses.

use crate::i18n::{viewer::Msg, Lang};
use crate::model::graph::{
    place_labels, Edge, Layout, Node, COLUMNS, COLUMN_KINDS, MAX_ACTORS, NODE_HEIGHT, NODE_WIDTH,
    WIDTH,
};
use crate::model::related::Related;
use crate::model::{relation_id, Selection};
use crate::state::{Action, SelectionAction};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// At most this many lines are labelled at once (an actor with very many relations).
const MAX_LABELS: usize = 24;

/// How strongly a box or a line is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Emphasis {
    /// Nothing is selected.
    Plain,
    Selected,
    Related,
    Faint,
}

impl Emphasis {
    fn class(self, base: &str) -> Classes {
        let modifier = match self {
            Emphasis::Plain => return classes!(base.to_string()),
            Emphasis::Selected => "selected",
            Emphasis::Related => "related",
            Emphasis::Faint => "faint",
        };
        classes!(base.to_string(), format!("{base}--{modifier}"))
    }
}

fn node_emphasis(node: &Node, selection: Option<&Selection>, related: &Related) -> Emphasis {
    match selection {
        None => Emphasis::Plain,
        Some(Selection::Actor(id)) if *id == node.actor => Emphasis::Selected,
        Some(_) if related.actors.contains(&node.actor) => Emphasis::Related,
        Some(_) => Emphasis::Faint,
    }
}

/// How line `edge`, whose relation's id is `id`, is drawn.
fn edge_emphasis(
    edge: &Edge,
    id: &str,
    selection: Option<&Selection>,
    related: &Related,
) -> Emphasis {
    let touches = |id: &str| edge.from == id || edge.to == id;
    match selection {
        None => Emphasis::Plain,
        Some(Selection::Relation(selected)) if selected == id => Emphasis::Selected,
        Some(Selection::Actor(id)) if touches(id) => Emphasis::Related,
        // An event or a quote: the lines between the actors it involves.
        Some(Selection::Event(_) | Selection::Quote(_))
            if related.actors.contains(&edge.from) && related.actors.contains(&edge.to) =>
        {
            Emphasis::Related
        }
        Some(_) => Emphasis::Faint,
    }
}

fn node_view(node: &Node, emphasis: Emphasis) -> Html {
    let (left, top) = (node.x - NODE_WIDTH / 2, node.y - NODE_HEIGHT / 2);
    // Lines of text centred on the box: 13 units apart.
    let first = node.y + 4 - 13 * (node.lines.len() as i32 - 1) / 2;
    let column = ["people", "states", "organisations"][usize::from(node.column.min(2))];
    let class = classes!(
        emphasis.class("graph__node"),
        format!("graph__node--{column}")
    );
    html! {
        <g key={node.actor.clone()} {class} data-actor={node.actor.clone()}>
            <rect x={left.to_string()} y={top.to_string()} width={NODE_WIDTH.to_string()}
                height={NODE_HEIGHT.to_string()} rx="6" />
            <text x={node.x.to_string()} y={first.to_string()} text-anchor="middle">
                { for node.lines.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={node.x.to_string()} dy={if i == 0 { "0" } else { "13" }}>
                        { line }
                    </tspan>
                }) }
            </text>
        </g>
    }
}

/// A line, named by its relation's id, with a wide invisible twin to click or tap. The page as
/// built (print, and readers without JavaScript, who cannot click it; nothing is selected
/// there) draws the line alone: 4.5 KB less in the seed’s page.
fn edge_view(edge: &Edge, id: &str, emphasis: Emphasis) -> Html {
    if crate::config::prerendering() {
        return html! { <path key={id} class="graph__line" d={edge.path.clone()} /> };
    }
    html! {
        <g key={id} class={emphasis.class("graph__edge")} data-relation={id.to_string()}>
            <path class="graph__hit" d={edge.path.clone()} />
            <path class="graph__line" d={edge.path.clone()} />
        </g>
    }
}

fn label_view(id: &str, label: &'static str, (x, y): (i32, i32)) -> Html {
    html! {
        <text key={id} class="graph__label" x={x.to_string()}
            y={(y + 3).to_string()} text-anchor="middle">
            { label }
        </text>
    }
}

/// A click on a box or a line selects its actor or relation.
pub fn on_click(viewer: &super::context::Viewer) -> Callback<MouseEvent> {
    let dispatch = viewer.dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        let Some(hit) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-relation], [data-actor]").ok().flatten())
        else {
            return;
        };
        let selection = match (
            hit.get_attribute("data-relation"),
            hit.get_attribute("data-actor"),
        ) {
            (Some(relation), _) => Selection::Relation(relation),
            (None, Some(actor)) => Selection::Actor(actor),
            (None, None) => return,
        };
        dispatch.dispatch(Action::Selection(SelectionAction::ToggleInPlace(selection)));
    })
}

/// The picture of `layout`: with a selection, its lines are labelled; without one (and on
/// paper, where a table names every relation) the picture shows who is linked to whom.
pub fn picture(
    layout: &Layout,
    selection: Option<&Selection>,
    related: &Related,
    onclick: Option<Callback<MouseEvent>>,
    lang: Lang,
) -> Html {
    if layout.nodes.is_empty() {
        return html! {
            <p class="graph__none">
                { lang.f(Msg::PictureTooMany, &[("max", &MAX_ACTORS.to_string())]) }
            </p>
        };
    }
    // Each line with its relation's id (made once) and how it is drawn.
    let edges: Vec<(&Edge, String, Emphasis)> = layout
        .edges
        .iter()
        .map(|e| {
            let id = relation_id(&e.from, e.index as usize);
            let emphasis = edge_emphasis(e, &id, selection, related);
            (e, id, emphasis)
        })
        .collect();
    // Faint lines first, the strong ones over them (by level, not a sort: no sort code in the
    // wasm).
    const LEVELS: [Emphasis; 4] = [
        Emphasis::Faint,
        Emphasis::Plain,
        Emphasis::Related,
        Emphasis::Selected,
    ];
    let order: Vec<&(&Edge, String, Emphasis)> = LEVELS
        .iter()
        .flat_map(|level| edges.iter().filter(move |(.., e)| e == level))
        .collect();
    // The strong lines are labelled, the selected one's label placed first.
    let mut labelled: Vec<&(&Edge, String, Emphasis)> = order
        .iter()
        .rev()
        .filter(|(.., emphasis)| matches!(emphasis, Emphasis::Selected | Emphasis::Related))
        .copied()
        .collect();
    labelled.truncate(MAX_LABELS);
    let labels: Vec<&'static str> = labelled
        .iter()
        .map(|(edge, ..)| edge.kind.label(lang))
        .collect();
    let label_places = place_labels(
        &labelled.iter().map(|(edge, ..)| *edge).collect::<Vec<_>>(),
        &labels,
    );
    let view_box = format!("0 0 {WIDTH} {}", layout.height);
    html! {
        <svg class="graph" viewBox={view_box} aria-hidden="true" focusable="false" {onclick}>
            { for COLUMNS.iter().zip(COLUMN_KINDS).map(|(x, kind)| html! {
                <text key={kind.as_str()} class="graph__heading" x={x.to_string()} y="16"
                    text-anchor="middle">{ kind.plural_label(lang) }</text>
            }) }
            <g class="graph__edges">
                { for order.iter().map(|(edge, id, emphasis)| edge_view(edge, id, *emphasis)) }
            </g>
            <g class="graph__nodes">
                { for layout.nodes.iter().map(|n| node_view(n, node_emphasis(n, selection, related))) }
            </g>
            <g class="graph__labels">
                { for labelled.iter().zip(labels).zip(label_places).map(|(((_, id, _), label), at)| label_view(id, label, at)) }
            </g>
        </svg>
    }
}

/// The picture with its drawing (its `<svg>`) named `id`: the printed dossier's, which
/// [`picture_reference`] shows. Only the build renders it, so the live viewer's drawing (and
/// its wasm) is [`picture`]'s alone.
pub fn named_picture(layout: &Layout, id: &'static str, lang: Lang) -> Html {
    let mut drawn = picture(layout, None, &Related::default(), None, lang);
    if let Html::VTag(svg) = &mut drawn {
        std::rc::Rc::make_mut(svg).add_attribute("id", id);
    }
    drawn
}

/// The picture where the page shows it a second time: the drawing named
/// [`crate::dom::PICTURE_ID`] (the printed dossier's `<svg>`, [`named_picture`]) by reference
/// (`<use>`, which draws a referenced `<svg>` in the box of its own viewBox), instead of a
/// second copy of every box and line. The page as built shows it in the Relations panel for
/// readers without JavaScript; the live viewer draws the panel's own. The panel's message when
/// there are too many actors to draw, the same, when there is no drawing.
pub fn picture_reference(layout: &Layout, lang: Lang) -> Html {
    if layout.nodes.is_empty() {
        return picture(layout, None, &Related::default(), None, lang);
    }
    let view_box = format!("0 0 {WIDTH} {}", layout.height);
    let href = format!("#{}", crate::dom::PICTURE_ID);
    html! {
        <svg class="graph" viewBox={view_box} aria-hidden="true" focusable="false">
            <use {href} width="100%" height="100%" />
        </svg>
    }
}
