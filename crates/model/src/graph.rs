//! The relations picture, laid out at build time: who stands with whom, at a glance.
//!
//! Actors are nodes in three columns by kind (people | states | organisations and media), each
//! column ordered to keep lines short (a few barycentre passes over the relations and
//! affiliations; deterministic: the same article always gives the same picture). Relations are
//! edges, each a precomputed SVG path with a point for its label, so the viewer draws the
//! picture without any layout code or float formatting of its own. Coordinates are whole units
//! of a viewBox [`WIDTH`] wide, which the viewer scales to its column (a 390 px phone included).

use crate::{ActorKind, Article, RelationKind};
use serde::{Deserialize, Serialize};

/// The viewBox's width.
pub const WIDTH: i32 = 400;
/// A node's size; its name wraps onto two lines when long.
pub const NODE_WIDTH: i32 = 96;
pub const NODE_HEIGHT: i32 = 34;
/// Vertical distance between the nodes of a column, and room for the column headings.
const ROW: i32 = 46;
const TOP: i32 = 40;
/// The centres of the columns.
pub const COLUMNS: [i32; 3] = [52, 200, 348];
/// The columns' kinds, whose group names head them (organisations and media share one).
pub const COLUMN_KINDS: [ActorKind; 3] =
    [ActorKind::Person, ActorKind::State, ActorKind::Organisation];
/// Longest name on one line (in characters) before it wraps.
const LINE_CHARS: usize = 15;
/// Several relations between the same two actors are drawn this far apart.
const PARALLEL_GAP: i32 = 6;
/// How far an arc between two actors of one column bulges, at most: less than the gap
/// between columns (52).
const MAX_BULGE: i32 = 40;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// The viewBox's height.
    pub height: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub actor: String,
    pub column: u8,
    /// The centre.
    pub x: i32,
    pub y: i32,
    /// The name, on one or two lines.
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// The actor whose relation it is, and the relation's index among theirs.
    pub from: String,
    pub index: u32,
    pub to: String,
    pub kind: RelationKind,
    /// The SVG path (`d`).
    pub path: String,
    /// Where its label goes.
    pub label_x: i32,
    pub label_y: i32,
}

fn column_of(kind: ActorKind) -> u8 {
    match kind {
        ActorKind::Person => 0,
        ActorKind::State => 1,
        ActorKind::Organisation | ActorKind::Media => 2,
    }
}

/// A name split at a space into at most two lines of about [`LINE_CHARS`].
pub fn name_lines(name: &str) -> Vec<String> {
    if name.chars().count() <= LINE_CHARS {
        return vec![name.to_string()];
    }
    let middle = name.chars().count() / 2;
    let split = name
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| name[..*i].chars().count().abs_diff(middle));
    match split {
        Some(at) => vec![name[..at].to_string(), name[at + 1..].to_string()],
        None => vec![name.to_string()],
    }
}

/// Above this many actors the picture is not drawn (it would be neither legible nor small):
/// the layout is empty, and the viewer says so and shows the list of relations alone.
pub const MAX_ACTORS: usize = 60;

/// Lays out the article's actors and relations (nothing, over [`MAX_ACTORS`]).
pub fn layout(article: &Article) -> Layout {
    if article.actors.len() > MAX_ACTORS {
        return Layout::default();
    }
    let index: std::collections::HashMap<&str, usize> = article
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    // Who is linked to whom (relations both ways, and affiliations).
    let mut links: Vec<Vec<usize>> = vec![Vec::new(); article.actors.len()];
    for (i, actor) in article.actors.iter().enumerate() {
        let targets = actor.relations.iter().map(|r| r.target.as_str());
        for j in targets
            .chain(actor.affiliation.as_deref())
            .filter_map(|t| index.get(t))
        {
            links[i].push(*j);
            links[*j].push(i);
        }
    }
    let columns: Vec<u8> = article.actors.iter().map(|a| column_of(a.kind)).collect();
    let order = ordered_columns(&columns, &links);
    let height = TOP + order.iter().map(Vec::len).max().unwrap_or(0) as i32 * ROW;
    let mut place = vec![(0, 0); article.actors.len()];
    for (c, members) in order.iter().enumerate() {
        // A shorter column is centred against the tallest.
        let offset = (height - TOP - members.len() as i32 * ROW) / 2;
        for (row, &i) in members.iter().enumerate() {
            place[i] = (COLUMNS[c], TOP + offset + row as i32 * ROW + ROW / 2);
        }
    }
    let nodes = article
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| Node {
            actor: a.id.clone(),
            column: columns[i],
            x: place[i].0,
            y: place[i].1,
            lines: name_lines(&a.name),
        })
        .collect();
    // The relations between each two actors, counted, so that they are drawn side by side.
    let pair = |i: usize, j: usize| (i.min(j), i.max(j));
    let mut between: std::collections::HashMap<(usize, usize), (i32, i32)> = Default::default();
    for (i, actor) in article.actors.iter().enumerate() {
        for relation in &actor.relations {
            if let Some(&j) = index.get(relation.target.as_str()) {
                between.entry(pair(i, j)).or_default().1 += 1;
            }
        }
    }
    // Where a line from the first column to the last may cross the middle one: between two of
    // its boxes, above the first or below the last.
    let middle_ys: Vec<i32> = order[1].iter().map(|&i| place[i].1).collect();
    let passages: Vec<i32> = match (middle_ys.first(), middle_ys.last()) {
        (Some(first), Some(last)) => std::iter::once(first - ROW / 2)
            .chain(middle_ys.windows(2).map(|w| (w[0] + w[1]) / 2))
            .chain(std::iter::once(last + ROW / 2))
            .collect(),
        _ => vec![height / 2],
    };
    let mut edges = Vec::new();
    for (i, actor) in article.actors.iter().enumerate() {
        for (n, relation) in actor.relations.iter().enumerate() {
            let Some(&j) = index.get(relation.target.as_str()) else {
                continue;
            };
            let (drawn, count) = between.get_mut(&pair(i, j)).expect("counted above");
            let offset = PARALLEL_GAP * (2 * *drawn - (*count - 1)) / 2;
            *drawn += 1;
            let (path, label_x, label_y) = if place[i].0.abs_diff(place[j].0) > COLUMN_STEP {
                let middle = (place[i].1 + place[j].1) / 2;
                let through = passage_nearest(&passages, middle) + offset;
                route_across(place[i], place[j], through, offset)
            } else {
                route(place[i], place[j], offset)
            };
            edges.push(Edge {
                from: actor.id.clone(),
                index: n as u32,
                to: relation.target.clone(),
                kind: relation.kind,
                path,
                label_x,
                label_y,
            });
        }
    }
    Layout {
        nodes,
        edges,
        height,
    }
}

/// The width of a label in the picture's units: 6 a character, 12 for a wide (CJK) one.
pub fn label_width(label: &str) -> i32 {
    label
        .chars()
        .map(|c| if u32::from(c) >= 0x1100 { 12 } else { 6 })
        .sum()
}

/// Where to write the labels of `edges` (in order, each with its text in `labels`) so that no
/// two overlap: each at its edge's point, or moved up or down by a line until it is clear of
/// those placed before. Labels are about 6 units wide per character (12 for a CJK one) and
/// [`LABEL_HEIGHT`] high.
pub fn place_labels(edges: &[&Edge], labels: &[&str]) -> Vec<(i32, i32)> {
    let mut placed: Vec<(i32, i32, i32)> = Vec::new(); // centre x, centre y, half width
    edges
        .iter()
        .zip(labels)
        .map(|(edge, label)| {
            let half = label_width(label) / 2 + 2;
            let clear = |y: i32| {
                placed.iter().all(|&(x, py, h)| {
                    (x - edge.label_x).abs() >= h + half || (py - y).abs() >= LABEL_HEIGHT
                })
            };
            let y = [0, 1, -1, 2, -2, 3, -3]
                .iter()
                .map(|step| edge.label_y + step * LABEL_HEIGHT)
                .find(|y| clear(*y))
                .unwrap_or(edge.label_y);
            placed.push((edge.label_x, y, half));
            (edge.label_x, y)
        })
        .collect()
}

/// A label's line height.
pub const LABEL_HEIGHT: i32 = 11;

/// Each column's actors, top to bottom: first in article order, then sorted a few times by the
/// mean position of what they are linked to (ties keep the previous order).
fn ordered_columns(columns: &[u8], links: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut order: Vec<Vec<usize>> = (0..3u8)
        .map(|c| (0..columns.len()).filter(|&i| columns[i] == c).collect())
        .collect();
    for _ in 0..6 {
        let mut rank = vec![0.0f64; columns.len()];
        for members in &order {
            let n = members.len().max(1) as f64;
            for (row, &i) in members.iter().enumerate() {
                rank[i] = (row as f64 + 0.5) / n;
            }
        }
        for members in &mut order {
            let key = |i: usize| {
                let linked = &links[i];
                if linked.is_empty() {
                    rank[i]
                } else {
                    linked.iter().map(|&j| rank[j]).sum::<f64>() / linked.len() as f64
                }
            };
            let keys: Vec<(usize, f64)> = members.iter().map(|&i| (i, key(i))).collect();
            let mut sorted = keys;
            sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
            *members = sorted.into_iter().map(|(i, _)| i).collect();
        }
    }
    order
}

/// The free passage across the middle column nearest to `y`.
fn passage_nearest(passages: &[i32], y: i32) -> i32 {
    passages
        .iter()
        .copied()
        .min_by_key(|p| p.abs_diff(y))
        .unwrap_or(y)
}

/// The distance between two neighbouring columns.
const COLUMN_STEP: u32 = (COLUMNS[1] - COLUMNS[0]) as u32;

/// The path between nodes of the first and the last column (either way), moved `offset` down
/// at both ends: a curve to the middle column at height `through` (a passage between its
/// boxes), straight across it, and a curve on to the other end, so that it never runs behind
/// a box it does not join. Its label goes on the first curve, near the actor whose relation
/// it is.
fn route_across(
    (x1, y1): (i32, i32),
    (x2, y2): (i32, i32),
    through: i32,
    offset: i32,
) -> (String, i32, i32) {
    let half = NODE_WIDTH / 2;
    let (y1, y2) = (y1 + offset, y2 + offset);
    let dir = if x2 > x1 { 1 } else { -1 };
    let (start, end) = (x1 + dir * half, x2 - dir * half);
    let (enter, leave) = (COLUMNS[1] - dir * half, COLUMNS[1] + dir * half);
    let (bend1, bend2) = ((start + enter) / 2, (leave + end) / 2);
    let path = format!(
        "M{start} {y1} C{bend1} {y1} {bend1} {through} {enter} {through} L{leave} {through} \
         C{bend2} {through} {bend2} {y2} {end} {y2}"
    );
    let label_x = (start + 6 * bend1 + enter) / 8;
    let label_y = (y1 + through) / 2;
    (path, label_x, label_y)
}

/// The path between two node centres, moved `offset` down at both ends (to draw several
/// relations between the same two actors apart), and its label's point (the curve's middle).
fn route((x1, y1): (i32, i32), (x2, y2): (i32, i32), offset: i32) -> (String, i32, i32) {
    let half = NODE_WIDTH / 2;
    let (y1, y2) = (y1 + offset, y2 + offset);
    let (p0, p1, p2, p3) = if x1 == x2 {
        // Same column: an arc out into the gap beside it (to the left of the last column).
        let side = if x1 == COLUMNS[2] { -1 } else { 1 };
        let bulge = (12 + (y2 - y1).abs() / 8).min(MAX_BULGE) * 4 / 3;
        let x = x1 + side * half;
        (
            (x, y1),
            (x + side * bulge, y1),
            (x + side * bulge, y2),
            (x, y2),
        )
    } else {
        let dir = if x2 > x1 { 1 } else { -1 };
        let (sx, ex) = (x1 + dir * half, x2 - dir * half);
        let mid = (sx + ex) / 2;
        ((sx, y1), (mid, y1), (mid, y2), (ex, y2))
    };
    let path = format!(
        "M{} {} C{} {} {} {} {} {}",
        p0.0, p0.1, p1.0, p1.1, p2.0, p2.1, p3.0, p3.1
    );
    // A cubic Bézier's point at t = ½.
    let label_x = (p0.0 + 3 * p1.0 + 3 * p2.0 + p3.0) / 8;
    let label_y = (p0.1 + 3 * p1.1 + 3 * p2.1 + p3.1) / 8;
    (path, label_x, label_y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_wrap_at_a_space_near_the_middle() {
        assert_eq!(name_lines("Russia"), vec!["Russia"]);
        assert_eq!(
            name_lines("South Korea’s foreign ministry"),
            vec!["South Korea’s", "foreign ministry"]
        );
        assert_eq!(
            name_lines("Korean Central News Agency"),
            vec!["Korean Central", "News Agency"]
        );
        assert_eq!(
            name_lines("Abcdefghijklmnopqrstuvwxyz"),
            vec!["Abcdefghijklmnopqrstuvwxyz"]
        );
    }

    fn edge_at(x: i32, y: i32) -> Edge {
        Edge {
            from: "a".into(),
            index: 0,
            to: "b".into(),
            kind: RelationKind::Ally, // "ally of": 7 characters, 23 units each side
            path: String::new(),
            label_x: x,
            label_y: y,
        }
    }

    #[test]
    fn labels_that_would_overlap_move_a_line_apart() {
        let (a, b, c, far) = (
            edge_at(100, 50),
            edge_at(110, 52),
            edge_at(105, 50),
            edge_at(200, 50),
        );
        let placed = place_labels(&[&a, &b, &c, &far], &["ally of"; 4]);
        // b moves down a line, c (clear of neither at 50 or 61) up a line; far stays.
        assert_eq!(placed, vec![(100, 50), (110, 63), (105, 39), (200, 50)]);
    }

    #[test]
    fn lines_across_the_middle_column_pass_between_its_boxes() {
        // From the first column to the last, through the passage at 123.
        let (path, x, y) = route_across((52, 100), (348, 200), 123, 0);
        assert_eq!(
            path,
            "M100 100 C126 100 126 123 152 123 L248 123 C274 123 274 200 300 200"
        );
        assert_eq!((x, y), (126, 111));
        // The other way, the label near its own actor (in the last gap).
        let (back, x, _) = route_across((348, 200), (52, 100), 123, 0);
        assert!(
            back.starts_with("M300 200 C274 200 274 123 248 123 L152 123"),
            "{back}"
        );
        assert_eq!(x, 274);
        assert_eq!(passage_nearest(&[20, 69, 115], 100), 115);
        assert_eq!(passage_nearest(&[], 100), 100);
    }

    #[test]
    fn routes_go_side_to_side_or_arc_within_a_column() {
        let (path, x, y) = route((52, 100), (200, 200), 0);
        assert_eq!(path, "M100 100 C126 100 126 200 152 200");
        assert_eq!((x, y), (126, 150));
        // Moved apart from a parallel relation.
        let (moved, _, _) = route((52, 100), (200, 200), -3);
        assert_eq!(moved, "M100 97 C126 97 126 197 152 197");
        // Within a column: into the gap to the right, at most 40 × 4/3 wide (the curve's
        // middle is then 40 out, inside the 52-unit gap)...
        let (arc, ax, _) = route((200, 100), (200, 400), 0);
        assert_eq!(arc, "M248 100 C301 100 301 400 248 400");
        assert_eq!(ax, 287);
        assert!(ax < 200 + 48 + 52);
        // ...and to the left of the last column.
        let (arc, ax, _) = route((348, 100), (348, 200), 0);
        assert_eq!(arc, "M300 100 C268 100 268 200 300 200");
        assert!(ax > 200 + 48);
    }
}
