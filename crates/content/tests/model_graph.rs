//! `marginalia_model::graph` on the seed: every relation drawn, nothing overlapping, inside
//! the picture, and the same picture every time.

mod common;

use marginalia_model::graph::*;

#[test]
fn the_seed_picture_draws_every_relation_once_without_overlaps() {
    let article = common::seed();
    let picture = layout(&article);
    let relations: usize = article.actors.iter().map(|a| a.relations.len()).sum();
    assert_eq!(relations, 35);
    assert_eq!(picture.edges.len(), relations);
    assert_eq!(picture.nodes.len(), article.actors.len());
    for a in &picture.nodes {
        assert!(
            a.x - NODE_WIDTH / 2 >= 0 && a.x + NODE_WIDTH / 2 <= WIDTH,
            "{a:?}"
        );
        assert!(
            a.y - NODE_HEIGHT / 2 >= 0 && a.y + NODE_HEIGHT / 2 <= picture.height,
            "{a:?}"
        );
        assert!(a.lines.len() <= 2);
        for b in &picture.nodes {
            if a.actor != b.actor && a.column == b.column {
                assert!(
                    (a.y - b.y).abs() >= NODE_HEIGHT,
                    "{} and {} overlap",
                    a.actor,
                    b.actor
                );
            }
        }
    }
    let column = |id: &str| picture.nodes.iter().find(|n| n.actor == id).unwrap().column;
    assert_eq!(
        (
            column("putin"),
            column("russia"),
            column("un-security-council")
        ),
        (0, 1, 2)
    );
    assert_eq!(layout(&article), picture, "deterministic");
}

#[test]
fn an_article_with_too_many_actors_gets_no_picture() {
    let mut article = common::seed();
    let extra = article.actors[0].clone();
    while article.actors.len() < MAX_ACTORS {
        let mut actor = extra.clone();
        actor.id = format!("extra-{}", article.actors.len());
        article.actors.push(actor);
    }
    assert_eq!(layout(&article).nodes.len(), MAX_ACTORS);
    let mut one_more = extra;
    one_more.id = "one-more".into();
    article.actors.push(one_more);
    assert_eq!(layout(&article), Layout::default());
}

/// Whether some line of the picture runs through a box it does not join: sampled along each
/// path's straight and curved pieces.
#[test]
fn no_line_runs_behind_a_box_it_does_not_join() {
    let article = common::seed();
    let picture = layout(&article);
    let boxes: Vec<(&str, i32, i32)> = picture
        .nodes
        .iter()
        .map(|n| (n.actor.as_str(), n.x, n.y))
        .collect();
    for edge in &picture.edges {
        let numbers: Vec<i32> = edge
            .path
            .split(|c: char| !(c.is_ascii_digit() || c == '-'))
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let points: Vec<(f64, f64)> = numbers
            .chunks(2)
            .map(|p| (f64::from(p[0]), f64::from(p[1])))
            .collect();
        // M p0 C p1 p2 p3 [L p4 C p5 p6 p7]: cubic pieces and a straight one between them.
        let mut samples = Vec::new();
        let cubic = |a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64), t: f64| {
            let u = 1.0 - t;
            (
                u * u * u * a.0 + 3.0 * u * u * t * b.0 + 3.0 * u * t * t * c.0 + t * t * t * d.0,
                u * u * u * a.1 + 3.0 * u * u * t * b.1 + 3.0 * u * t * t * c.1 + t * t * t * d.1,
            )
        };
        for t in 1..20 {
            let t = f64::from(t) / 20.0;
            samples.push(cubic(points[0], points[1], points[2], points[3], t));
            if points.len() == 8 {
                let (a, b) = (points[3], points[4]);
                samples.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
                samples.push(cubic(points[4], points[5], points[6], points[7], t));
            }
        }
        for (actor, x, y) in &boxes {
            if *actor == edge.from || *actor == edge.to {
                continue;
            }
            let inside = samples.iter().any(|(sx, sy)| {
                (sx - f64::from(*x)).abs() < f64::from(NODE_WIDTH / 2)
                    && (sy - f64::from(*y)).abs() < f64::from(NODE_HEIGHT / 2)
            });
            assert!(!inside, "{} → {} runs behind {actor}", edge.from, edge.to);
        }
    }
}
