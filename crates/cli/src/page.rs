//! The page around the viewer: `<head>` tags and schema.org data from the article's metadata,
//! and filling the viewer's page template with them and the prerendered body. Pure string
//! work, used by [`crate::site`] and tested natively.

use marginalia_model::Article;

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
        "{}: from {}, {}, with its {} actors, a timeline of {} dated events and {} quotes, cross-linked.",
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

/// The article as schema.org `NewsArticle` JSON-LD, an inert data block (CSP-clean: it is
/// never run). `datePublished` and `publisher` are the original source's; `sdDatePublished`
/// is the date of the page that republishes it.
pub fn json_ld(article: &Article, page_url: Option<&str>) -> String {
    let meta = &article.meta;
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": meta.title,
        "datePublished": meta.source.date.iso(),
        "publisher": { "@type": "Organization", "name": meta.source.name },
        "sdDatePublished": meta.page_date.iso(),
        "inLanguage": meta.language,
        "wordCount": meta.word_count,
    });
    if let Some(standfirst) = &meta.standfirst {
        data["description"] = standfirst.as_str().into();
    }
    if let Some(byline) = &meta.byline {
        data["author"] = serde_json::json!({ "@type": "Person", "name": byline });
    }
    if let Some(url) = page_url {
        data["url"] = url.into();
    }
    if let Some(address) = &meta.source.address {
        data["isBasedOn"] = serde_json::json!({ "@type": "CreativeWork", "url": address });
    }
    // Inside <script>, `</script` would close the element early and `<!--` would start the
    // script-data escape state (the rest of the page would become script): no `<` at all, nor
    // `>` or `&`, as `\u003c` and friends, which JSON reads as the same characters.
    let json = data
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!("<script type=\"application/ld+json\">{json}</script>")
}

/// `MARGINALIA_SITE_URL` checked: an absolute http(s) address, given a trailing slash. Any
/// other value is an error naming what is wrong.
pub fn site_url(value: &str) -> Result<String, String> {
    let value = value.trim();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("MARGINALIA_SITE_URL must start with https:// or http://, not {value:?}")
        })?;
    let host = rest.split('/').next().unwrap_or("");
    let bad = |c: char| c.is_whitespace() || c.is_control() || "<>\"'`\\{}|^".contains(c);
    if host.is_empty() || value.chars().any(bad) || value.contains(['?', '#']) {
        return Err(format!(
            "MARGINALIA_SITE_URL must be a plain address like https://example.org/path/, not {value:?}"
        ));
    }
    Ok(if value.ends_with('/') {
        value.to_string()
    } else {
        format!("{value}/")
    })
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
        let mut article = crate::seed_for_tests();
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
    fn json_ld_names_the_source_and_cannot_close_its_script() {
        let mut article = crate::seed_for_tests();
        let ld = json_ld(&article, Some("https://example.org/a/"));
        assert!(ld.starts_with("<script type=\"application/ld+json\">"));
        let json = ld
            .trim_start_matches("<script type=\"application/ld+json\">")
            .trim_end_matches("</script>");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["@type"], "NewsArticle");
        assert_eq!(value["datePublished"], "2024-06-20");
        assert_eq!(value["sdDatePublished"], "2024-07-15");
        assert_eq!(value["publisher"]["name"], "Financial Times");
        assert_eq!(value["url"], "https://example.org/a/");
        article.meta.title = "</script><script>alert(1)</script>".into();
        let hostile = json_ld(&article, None);
        assert_eq!(hostile.matches("</script>").count(), 1, "{hostile}");
        // `<!--<script>` would put the parser in the script-data escape state: the page's end
        // tag no longer closes the element and the rest of the page becomes script.
        article.meta.title = "a <!--<script> b & c > d".into();
        article.meta.byline = Some("<!--<script>".into());
        let hostile = json_ld(&article, None);
        let inside = hostile
            .trim_start_matches("<script type=\"application/ld+json\">")
            .trim_end_matches("</script>");
        assert!(!inside.contains(['<', '>', '&']), "{hostile}");
        let value: serde_json::Value = serde_json::from_str(inside).unwrap();
        assert_eq!(value["headline"], "a <!--<script> b & c > d");
        assert_eq!(value["author"]["name"], "<!--<script>");
    }

    #[test]
    fn site_urls_must_be_plain_http_addresses() {
        assert_eq!(
            site_url("https://example.org/sub").unwrap(),
            "https://example.org/sub/"
        );
        assert_eq!(
            site_url("http://localhost:8080/").unwrap(),
            "http://localhost:8080/"
        );
        for bad in [
            "javascript:alert(1)",
            "example.org/",
            "https://",
            "https://example.org/\"><script>",
            "https://exa mple.org/",
            "https://example.org/?q=1",
            "file:///etc/",
        ] {
            assert!(site_url(bad).is_err(), "{bad}");
        }
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
        let d = description(&crate::seed_for_tests());
        assert!(d.contains("from Financial Times, 20 June 2024"), "{d}");
        let mut other = crate::seed_for_tests();
        other.meta.source.name = "The Dunmore Courier".into();
        assert!(description(&other).contains("from The Dunmore Courier,"));
        assert!(
            d.contains("11 dated events") && d.contains("16 quotes"),
            "{d}"
        );
    }
}
