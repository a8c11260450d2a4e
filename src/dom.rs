//! The DOM contract: every id, selector and class name that the rendering, the effects, the
//! start-up code and the tests share. Change a name here and everything that uses it follows;
//! the CSS (`styles/`) spells the class names below, and `tests/render.rs` checks that it
//! still does.

/// The element a page's viewer starts in (the prerendered page puts everything inside it).
pub const PAGE_ROOT_ID: &str = "marginalia";
/// The article's body: the prerendered text, never re-rendered by the viewer.
pub const BODY_CLASS: &str = "article__body";
/// Selector of the body.
pub const BODY: &str = ".article__body";
/// The paragraphs and headings of the body, in reading order: what places in the article's
/// data count in (`marginalia_model::text::leaf_texts` on the build's side).
pub const LEAF_BLOCKS: &str = "p, h2, h3, h4";
/// A name in the text that links to an actor.
pub const MENTION_CLASS: &str = "mention";
/// Selector of a mention, for delegated events.
pub const MENTION: &str = "a.mention";
/// The sentence marks an event's sentences carry (`data-events` lists the events).
pub const SENTENCE_CLASS: &str = "sentence";
/// A quote's words in the text.
pub const QUOTE_CLASS: &str = "quote";

/// Highlight classes the effects put on the text; `styles/article.css` styles each.
pub const MENTION_SELECTED: &str = "mention--selected";
pub const MENTION_RELATED: &str = "mention--related";
pub const MENTION_CURRENT: &str = "mention--current";

/// Where the page says its article data is: a `<link rel="preload">` with this attribute
/// (its `href`), or, in the single file, an inert `<script type="application/octet-stream">`
/// with this id holding the data in base64.
pub const DATA_LINK: &str = "link[data-marginalia-data]";
pub const DATA_LINK_ATTRIBUTE: &str = "data-marginalia-data";
pub const DATA_ISLAND_ID: &str = "marginalia-data";

/// The id of an actor's `index`-th mention in the text (`mention-putin-0`).
pub fn mention_id(actor: &str, index: u32) -> String {
    format!("mention-{actor}-{index}")
}

/// The actor and index of a mention id written by [`mention_id`].
pub fn parse_mention_id(id: &str) -> Option<(&str, u32)> {
    let rest = id.strip_prefix("mention-")?;
    let (actor, index) = rest.rsplit_once('-')?;
    Some((actor, index.parse().ok()?))
}

/// The id of a quote's words in the text (`quote-kim-sacred-fight`).
pub fn quote_id(quote: &str) -> String {
    format!("quote-{quote}")
}

/// Selector of an actor's `index`-th mention.
pub fn mention_selector(actor: &str, index: u32) -> String {
    format!("#{}", mention_id(actor, index))
}

/// Selector of every mention of an actor in the body.
pub fn mentions_of(actor: &str) -> String {
    format!("{BODY} {MENTION}[data-actor=\"{actor}\"]")
}

/// Selector of the sentences of an event in the body.
pub fn sentences_of(event: &str) -> String {
    format!("{BODY} .{SENTENCE_CLASS}[data-events~=\"{event}\"]")
}

/// Selector of a quote's words in the text.
pub fn quote_selector(quote: &str) -> String {
    format!("#{}", quote_id(quote))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_ids_round_trip_even_with_dashes_in_the_actor() {
        assert_eq!(mention_id("south-korea", 12), "mention-south-korea-12");
        assert_eq!(
            parse_mention_id("mention-south-korea-12"),
            Some(("south-korea", 12))
        );
        assert_eq!(parse_mention_id("mention-kim"), None);
        assert_eq!(parse_mention_id("quote-kim-1"), None);
        assert_eq!(parse_mention_id("mention-kim-x"), None);
    }

    #[test]
    fn selectors_name_the_body() {
        assert_eq!(
            sentences_of("signing-2024"),
            ".article__body .sentence[data-events~=\"signing-2024\"]"
        );
        assert_eq!(quote_selector("a"), "#quote-a");
        assert_eq!(mention_selector("kim", 3), "#mention-kim-3");
    }
}
