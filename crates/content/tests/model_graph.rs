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
