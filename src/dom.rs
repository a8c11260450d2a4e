//! The DOM contract: every id, selector and class name that two sides share — the rendering
//! (`components`), the effects (`effects`, `web`), the start-up code, the stylesheets
//! (`styles/`) and the tests. Change a name here and every Rust user follows; the tests at the
//! bottom read the stylesheets and fail when a class the code puts on elements is not styled.
//!
//! Class names used by one component only (its BEM block, e.g. `toolbar__inner`) stay in that
//! component's `html!`: they are shared with the CSS and nothing else.

use crate::model::Selection;
use crate::view::Panel;

// ---- the viewer and its page ----

/// The element a page's viewer starts in (the prerendered page puts everything inside it).
pub const PAGE_ROOT_ID: &str = "marginalia";
/// The element a page of the site that runs no viewer (the contents page, the actors' pages,
/// the timeline) puts its content in: not [`PAGE_ROOT_ID`], so nothing takes it for a viewer.
pub const SITE_ROOT_ID: &str = "marginalia-site";
/// The viewer's root element, with its modifiers (how the viewer was started).
pub const APP_CLASS: &str = "app";
pub const APP: &str = ".app";
pub const APP_PAGE: &str = "app--page";
pub const APP_EMBED: &str = "app--embed";
pub const APP_MOUNTED: &str = "app--mounted";
pub const APP_SINGLE_PANEL: &str = "app--single-panel";
/// Set on the root once the viewer runs (the CSS hides what needs it until then; the
/// end-to-end tests wait for it).
pub const READY_ATTRIBUTE: &str = "data-ready";
/// The reader's theme, on the root (and, on a page, on `<html>`).
pub const THEME_ATTRIBUTE: &str = "data-theme";
/// The bar above the article; it may be sticky, covering the top of the viewport.
pub const TOOLBAR_CLASS: &str = "toolbar";
pub const TOOLBAR: &str = ".toolbar";
/// The error view that replaces a crashed viewer (or goes above the article).
pub const CRASH_CLASS: &str = "crash";
/// The landmark of the text (the skip link's and the reading progress's target).
pub const ARTICLE_ID: &str = "article";
/// The live region that reads out selections and results.
pub const ANNOUNCER_ID: &str = "announcer";
/// The find-in-article field (`/` focuses it).
pub const SEARCH_INPUT_ID: &str = "search-input";
/// The card about a mention's actor.
pub const MENTION_CARD_ID: &str = "mention-card";
/// The panels (the toolbar's Panels button controls them) and the help dialog.
pub const PANELS_ID: &str = "panels";
pub const HELP_ID: &str = "help";

// ---- the article's text ----

/// The article's body: the prerendered text, never re-rendered by the viewer.
pub const BODY_CLASS: &str = "article__body";
/// Selector of the body.
pub const BODY: &str = ".article__body";
/// A section of a long article's text that is not in the page yet: its HTML, inert inside a
/// `<noscript>` of the body while scripts run, shown as it is without them (see
/// `model::text::sections`, `web::sections`; `assets/trap.js` and `assets/theme.js` name it
/// too).
pub const SECTION_ATTRIBUTE: &str = "data-section";
pub const SECTION: &str = "noscript[data-section]";
/// A section of the article's text (the others: hidden panels and the print dossier, which the
/// viewer renders itself or only printing needs).
pub const TEXT_SECTION: &str = ".article__body > noscript[data-section]";
/// A part of the viewer that lives in an element of its own (`components::app::Island`), named
/// by its `data-island` attribute; the stylesheet lays it out as if it were not there.
pub const ISLAND_CLASS: &str = "island";

/// Selector of the island named `name`.
pub fn island(name: &str) -> String {
    format!(".{ISLAND_CLASS}[data-island=\"{name}\"]")
}

/// The `<meta name>` of a page that says where the languages' words files are (its `content`
/// has `{lang}` for the tag): the wasm has English built in and loads another language's words
/// when it speaks it (`crate::web::words`).
pub const WORDS_META: &str = "marginalia-words";
/// The attribute of a `<script type="text/plain">` holding a language's words inline (a
/// page in that language; every language in a single file).
pub const WORDS_ATTRIBUTE: &str = "data-marginalia-words";

/// The site navigation's link to an actor's page (`data-site-actor` its id, `data-articles`
/// how many of the site's articles name it), which the viewer links its card and entry to.
pub const SITE_ACTOR_ATTRIBUTE: &str = "data-site-actor";
pub const SITE_ACTOR_ARTICLES: &str = "data-articles";

/// The header's byline, the one line of the interface's words in the header.
pub const BYLINE: &str = ".article__byline";

/// The relations picture's drawing in the printed dossier; the Relations panel of the page as
/// built shows it by reference (`<use>`), not a copy of its own.
pub const PICTURE_ID: &str = "relations-picture";
/// The printed dossier (prerendered; adopted like the body).
pub const DOSSIER_CLASS: &str = "dossier";
pub const DOSSIER: &str = ".dossier";
/// The paragraphs and headings of the body, in reading order: what places in the article's
/// data count in (`marginalia_model::text::leaf_texts` on the build's side). (Lead: used by
/// src/start.rs; keep.)
pub const LEAF_BLOCKS: &str = "p, h2, h3, h4";
/// A name in the text that links to an actor.
pub const MENTION_CLASS: &str = "mention";
/// Selector of a mention, for delegated events.
pub const MENTION: &str = "a.mention";
/// The sentence marks an event's sentences carry (`data-events` lists the events).
pub const SENTENCE_CLASS: &str = "sentence";
/// A quote's words in the text.
pub const QUOTE_CLASS: &str = "quote";
/// The blocks find-in-article searches, in order.
pub const SEARCHED_BLOCKS: &str = ".article__body p, .article__body li";

// ---- marks the effects put on the text (`styles/article.css` styles each) ----

pub const MENTION_SELECTED: &str = "mention--selected";
pub const MENTION_RELATED: &str = "mention--related";
pub const MENTION_CURRENT: &str = "mention--current";
/// A mention of an actor `draft` suggested and the writer has not confirmed (a preview of
/// drafts only): dashed.
pub const MENTION_SUGGESTED: &str = "mention--suggested";
/// The badge on a panel entry `draft` suggested (a preview of drafts only).
pub const SUGGESTED_BADGE: &str = "badge--suggested";
pub const SENTENCE_SELECTED: &str = "sentence--selected";
pub const SENTENCE_RELATED: &str = "sentence--related";
pub const QUOTE_SELECTED: &str = "quote--selected";
pub const QUOTE_RELATED: &str = "quote--related";
/// Every class the text highlights add, so that they can all be taken off again.
pub const HIGHLIGHT_CLASSES: [&str; 7] = [
    MENTION_SELECTED,
    MENTION_RELATED,
    MENTION_CURRENT,
    SENTENCE_SELECTED,
    SENTENCE_RELATED,
    QUOTE_SELECTED,
    QUOTE_RELATED,
];
/// The CSS Custom Highlight names of find-in-article (`::highlight(…)` in the CSS).
pub const SEARCH_HIGHLIGHT: &str = "marginalia-search";
pub const SEARCH_CURRENT_HIGHLIGHT: &str = "marginalia-search-current";

// ---- where the page keeps its article's data ----

/// Where the page says its article data is: a `<link rel="alternate">` with this attribute
/// (its `href`; `init.js` preloads it after the first paint), or, in the single file, an inert `<script type="application/octet-stream">`
/// with this id holding the data in base64.
pub const DATA_LINK: &str = "link[data-marginalia-data]";
pub const DATA_LINK_ATTRIBUTE: &str = "data-marginalia-data";
pub const DATA_ISLAND_ID: &str = "marginalia-data";
/// In the single file, the inert `<script type="application/octet-stream">` with this id holds
/// the viewer's wasm in base64 (the file's own script compiles it; `assets/single.js`).
pub const WASM_ISLAND_ID: &str = "marginalia-wasm";

// ---- ids built from the article's ids ----

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

/// A panel's tab and the tab panel it controls (`tab-timeline`, `panel-timeline`).
pub fn tab_id(panel: Panel) -> String {
    format!("tab-{}", panel.as_str())
}

pub fn panel_id(panel: Panel) -> String {
    format!("panel-{}", panel.as_str())
}

/// An actor's entry in the actors panel, and its details.
pub fn actor_entry_id(actor: &str) -> String {
    format!("actor-{actor}")
}

pub fn actor_details_id(actor: &str) -> String {
    format!("actor-details-{actor}")
}

/// An event's entry in the timeline, and its details.
pub fn event_entry_id(event: &str) -> String {
    format!("event-{event}")
}

pub fn event_details_id(event: &str) -> String {
    format!("event-details-{event}")
}

/// A quote's entry in the quotes panel.
pub fn quote_entry_id(quote: &str) -> String {
    format!("quote-item-{quote}")
}

// ---- selectors ----

/// Selector of the element with this id.
pub fn by_id(id: &str) -> String {
    format!("#{id}")
}

/// Selector of an actor's `index`-th mention.
pub fn mention_selector(actor: &str, index: u32) -> String {
    by_id(&mention_id(actor, index))
}

/// Selector of every mention of an actor in the body.
pub fn mentions_of(actor: &str) -> String {
    format!("{BODY} .{MENTION_CLASS}[data-actor=\"{actor}\"]")
}

/// Selector of the sentences of an event in the body.
pub fn sentences_of(event: &str) -> String {
    format!("{BODY} .{SENTENCE_CLASS}[data-events~=\"{event}\"]")
}

/// Selector of the sentences in the body that are a relation's evidence.
pub fn evidence_of(relation: &str) -> String {
    format!("{BODY} .{SENTENCE_CLASS}[data-relations~=\"{relation}\"]")
}

/// The id of a relation's entry in the relations panel (`relation-russia-0`).
pub fn relation_item_id(relation: &str) -> String {
    format!("relation-{}", relation.replace('.', "-"))
}

/// Selector of a quote's words in the text.
pub fn quote_selector(quote: &str) -> String {
    by_id(&quote_id(quote))
}

/// `selector`, limited to the body.
pub fn in_body(selector: &str) -> String {
    format!("{BODY} {selector}")
}

/// Selector of every element in the body that carries `class`.
pub fn in_body_with_class(class: &str) -> String {
    format!("{BODY} .{class}")
}

/// Selector of every element in the body that has the attribute `name`.
pub fn in_body_with_attribute(name: &str) -> String {
    format!("{BODY} [{name}]")
}

/// What a pinned card does not close for when clicked: the card and the mentions.
pub fn card_or_mention() -> String {
    format!("#{MENTION_CARD_ID}, .{MENTION_CLASS}")
}

/// The element in the text that stands for a selection: the actor's current mention, the
/// event's first sentence, the quote, the relation's evidence.
pub fn text_anchor(selection: &Selection, mention_index: u32) -> String {
    match selection {
        Selection::Actor(id) => mention_selector(id, mention_index),
        Selection::Event(id) => sentences_of(id),
        Selection::Quote(id) => quote_selector(id),
        Selection::Relation(id) => evidence_of(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every stylesheet, as the page loads them.
    const STYLES: [&str; 8] = [
        include_str!("../styles/variables.css"),
        include_str!("../styles/general.css"),
        include_str!("../styles/layout.css"),
        include_str!("../styles/article.css"),
        include_str!("../styles/panels.css"),
        include_str!("../styles/feedback.css"),
        include_str!("../styles/print.css"),
        include_str!("../styles/contents.css"),
    ];

    /// Whether some rule's selector names `.class` (not a longer class that starts with it).
    fn styled(class: &str) -> bool {
        let wanted = format!(".{class}");
        STYLES.iter().any(|css| {
            css.match_indices(&wanted).any(|(at, _)| {
                let next = css[at + wanted.len()..].chars().next();
                !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
        })
    }

    #[test]
    fn every_class_the_code_puts_on_elements_is_styled() {
        let classes = HIGHLIGHT_CLASSES.into_iter().chain([
            APP_CLASS,
            APP_PAGE,
            APP_EMBED,
            APP_MOUNTED,
            APP_SINGLE_PANEL,
            TOOLBAR_CLASS,
            CRASH_CLASS,
            BODY_CLASS,
            MENTION_CLASS,
            QUOTE_CLASS,
        ]);
        for class in classes {
            assert!(styled(class), "no rule in styles/ styles .{class}");
        }
        assert!(
            !styled("mention--nothing"),
            "the check finds only whole names"
        );
        for name in [SEARCH_HIGHLIGHT, SEARCH_CURRENT_HIGHLIGHT] {
            let rule = format!("::highlight({name})");
            assert!(STYLES.iter().any(|css| css.contains(&rule)), "{rule}");
        }
        let ready = format!(":not([{READY_ATTRIBUTE}])");
        assert!(STYLES.iter().any(|css| css.contains(&ready)), "{ready}");
    }

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
        assert_eq!(
            text_anchor(&Selection::Actor("kim".into()), 2),
            mention_selector("kim", 2)
        );
        assert_eq!(
            text_anchor(&Selection::Event("e".into()), 2),
            sentences_of("e")
        );
        assert_eq!(tab_id(Panel::Quotes), "tab-quotes");
        assert_eq!(card_or_mention(), "#mention-card, .mention");
        assert_eq!(APP, format!(".{APP_CLASS}"));
        assert_eq!(TOOLBAR, format!(".{TOOLBAR_CLASS}"));
        assert_eq!(BODY, format!(".{BODY_CLASS}"));
    }
}
