//! The page around the viewer: `<head>` tags from the article's metadata, and filling the
//! built `index.html` with them and the prerendered body. Pure string work, used by the
//! native `prerender` binary and tested natively.

use crate::model::Article;

/// The marker in `index.html` the head tags replace.
pub const HEAD_MARKER: &str = "<!-- marginalia:head -->";
/// The element the prerendered viewer goes into.
pub const ROOT_ELEMENT: &str = "<div id=\"marginalia\"></div>";

/// Escapes text for an HTML attribute value or text node.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A one-sentence description of the page.
pub fn description(article: &Article) -> String {
    format!(
        "{}: the {} report of {}, with its {} actors, a timeline of {} dated events and {} quotes, cross-linked.",
        article.meta.title,
        article.meta.source.name,
        article.meta.source.date.long(),
        article.actors.len(),
        article.events.len(),
        article.quotes.len()
    )
}

/// Title, description, canonical link, Open Graph and Twitter card tags.
pub fn head_tags(article: &Article, site_url: Option<&str>) -> String {
    let title = escape(&article.meta.title);
    let desc = escape(&description(article));
    let mut tags = vec![
        format!("<title>{title}</title>"),
        format!("<meta name=\"description\" content=\"{desc}\" />"),
        "<meta property=\"og:type\" content=\"article\" />".to_string(),
        format!("<meta property=\"og:title\" content=\"{title}\" />"),
        format!("<meta property=\"og:description\" content=\"{desc}\" />"),
        format!(
            "<meta property=\"og:site_name\" content=\"{}\" />",
            escape(&format!("marginalia · {}", article.meta.source.name))
        ),
        format!(
            "<meta property=\"article:published_time\" content=\"{}\" />",
            article.meta.source.date.iso()
        ),
        "<meta name=\"twitter:card\" content=\"summary\" />".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{title}\" />"),
        format!("<meta name=\"twitter:description\" content=\"{desc}\" />"),
    ];
    if let Some(url) = site_url {
        let url = escape(url);
        tags.push(format!("<link rel=\"canonical\" href=\"{url}\" />"));
        tags.push(format!("<meta property=\"og:url\" content=\"{url}\" />"));
    }
    tags.join("\n    ")
}

/// Fills a built page: the head marker with `head`, the empty root element with `body`.
/// On failure, names what the page lacks.
pub fn fill(page: &str, head: &str, body: &str) -> Result<String, &'static str> {
    if !page.contains(HEAD_MARKER) {
        return Err("head marker <!-- marginalia:head -->");
    }
    if !page.contains(ROOT_ELEMENT) {
        return Err("empty <div id=\"marginalia\"></div>");
    }
    Ok(page.replacen(HEAD_MARKER, head, 1).replacen(
        ROOT_ELEMENT,
        &format!("<div id=\"marginalia\">{body}</div>"),
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_tags_are_escaped_and_complete() {
        let mut article = crate::bundled::article();
        article.meta.title = "A \"quoted\" <title> & more".into();
        let head = head_tags(&article, Some("https://example.org/sub/"));
        assert!(head.contains("<title>A &quot;quoted&quot; &lt;title&gt; &amp; more</title>"));
        for needle in [
            "name=\"description\"",
            "property=\"og:title\"",
            "property=\"og:description\"",
            "name=\"twitter:card\"",
            "<link rel=\"canonical\" href=\"https://example.org/sub/\" />",
        ] {
            assert!(head.contains(needle), "{needle}");
        }
        assert!(!head_tags(&article, None).contains("canonical"));
    }

    #[test]
    fn fill_puts_head_and_body_in_place() {
        let page =
            "<head><!-- marginalia:head --></head><body><div id=\"marginalia\"></div></body>";
        let out = fill(page, "<title>t</title>", "<p>x</p>").unwrap();
        assert_eq!(
            out,
            "<head><title>t</title></head><body><div id=\"marginalia\"><p>x</p></div></body>"
        );
        assert!(fill("<body></body>", "", "").is_err());
    }

    #[test]
    fn the_description_counts_the_annotations() {
        let d = description(&crate::bundled::article());
        assert!(d.contains("Financial Times report of 20 June 2024"), "{d}");
        assert!(
            d.contains("11 dated events") && d.contains("16 quotes"),
            "{d}"
        );
    }
}
