//! Step 3 of the pipeline (`check/`): the `[name](actor:id)` links of `article.md`. Each must
//! name an actor of `actors.toml` ([`count`], which also counts each actor's mentions); once
//! the tree is marked, each actor's mentions are numbered in reading order ([`number`]).

use crate::check::checker::Checker;
use crate::read::markdown::MentionSite;
use marginalia_model::{Block, Inline};
use std::collections::HashMap;

/// How many times the text links each actor; a link to an unknown actor is an error at the
/// link (unless `actors.toml` did not parse).
pub(crate) fn count(c: &mut Checker, sites: &[MentionSite]) -> HashMap<String, u32> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for site in sites {
        match c.is_actor(&site.actor) {
            Some(true) => *counts.entry(site.actor.clone()).or_default() += 1,
            Some(false) => {
                let hint = c.unknown_actor_hint(&site.actor);
                let message = format!(
                    "link to actor `{}`, which is not in actors.toml",
                    site.actor
                );
                c.errors.push(
                    c.src
                        .article
                        .error_at(site.range.start, message)
                        .with_hint(hint),
                );
            }
            None => {}
        }
    }
    counts
}

/// Numbers each actor's mentions from 0 in reading order.
pub(crate) fn number(blocks: &mut [Block]) {
    fn in_inlines(list: &mut [Inline], counts: &mut HashMap<String, u32>) {
        for inline in list {
            if let Inline::Mention { actor, index, .. } = inline {
                let n = counts.entry(actor.clone()).or_default();
                *index = *n;
                *n += 1;
            }
            if let Some(children) = inline.children_mut() {
                in_inlines(children, counts);
            }
        }
    }
    fn in_blocks(list: &mut [Block], counts: &mut HashMap<String, u32>) {
        for block in list {
            match block {
                Block::Paragraph(c) | Block::Heading { content: c, .. } => in_inlines(c, counts),
                container => {
                    for group in container.children_mut() {
                        in_blocks(group, counts);
                    }
                }
            }
        }
    }
    in_blocks(blocks, &mut HashMap::new());
}
