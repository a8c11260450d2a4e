//! schema.org data for the pages: an article as `NewsArticle` JSON-LD (whom it is about, whom
//! it mentions, its quotes and their speakers), in an inert `<script>` block that cannot close
//! early. Data for search engines, not words for readers: its values are the article's and
//! schema.org's, in no language of the interface.

use marginalia_model::Article;

/// The article as schema.org `NewsArticle` JSON-LD, an inert data block (CSP-clean: it is
/// never run). `datePublished` and `publisher` are the original source's; `sdDatePublished`
/// is the date of the page that republishes it.
pub fn json_ld(article: &Article, page_url: Option<&str>) -> String {
    json_ld_with(article, page_url, &|_| None)
}

/// [`json_ld`], each actor with its `sameAs` (its Wikidata item) where `same_as` knows it.
pub fn json_ld_with(
    article: &Article,
    page_url: Option<&str>,
    same_as: &dyn Fn(&str) -> Option<String>,
) -> String {
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
    // Who it is about (the actors its title names, else the most mentioned), whom it mentions
    // (the rest), and its quotes, each by its speakers.
    let node = |a: &marginalia_model::Actor| {
        let mut node = serde_json::json!({ "@type": schema_type(a.kind), "name": a.name });
        if let Some(item) = same_as(&a.id) {
            node["sameAs"] = item.into();
        }
        node
    };
    let principal = principal_actors(article);
    let (about, mentions): (Vec<_>, Vec<_>) = article
        .actors
        .iter()
        .partition(|a| principal.contains(&a.id.as_str()));
    if !about.is_empty() {
        data["about"] = about.into_iter().map(node).collect();
    }
    if !mentions.is_empty() {
        data["mentions"] = mentions.into_iter().map(node).collect();
    }
    if !article.quotes.is_empty() {
        data["hasPart"] = article
            .quotes
            .iter()
            .map(|q| {
                let creators: Vec<_> = q
                    .speakers
                    .iter()
                    .filter_map(|s| article.actor(s))
                    .map(node)
                    .collect();
                serde_json::json!({ "@type": "Quotation", "text": q.text, "creator": creators })
            })
            .collect();
    }
    json_ld_script(&data)
}

/// JSON-LD as an inert `<script>` block. Inside <script>, `</script` would close the element
/// early and `<!--` would start the script-data escape state (the rest of the page would become
/// script): no `<` at all, nor `>` or `&`, as `\u003c` and friends, which JSON reads as the
/// same characters.
pub fn json_ld_script(data: &serde_json::Value) -> String {
    let json = data
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!("<script type=\"application/ld+json\">{json}</script>")
}

/// schema.org's type for an actor of a kind.
pub fn schema_type(kind: marginalia_model::ActorKind) -> &'static str {
    match kind {
        marginalia_model::ActorKind::Person => "Person",
        marginalia_model::ActorKind::State => "Country",
        marginalia_model::ActorKind::Organisation => "Organization",
        marginalia_model::ActorKind::Media => "NewsMediaOrganization",
    }
}

/// The actors an article is about: those its title names (by a name or an alias, as a whole
/// word), else the one mentioned most.
pub fn principal_actors(article: &Article) -> Vec<&str> {
    let title = &article.meta.title;
    let named = |name: &str| {
        title.match_indices(name).any(|(at, _)| {
            let before = title[..at].chars().next_back();
            let after = title[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    let in_title: Vec<&str> = article
        .actors
        .iter()
        .filter(|a| std::iter::once(&a.name).chain(&a.aliases).any(|n| named(n)))
        .map(|a| a.id.as_str())
        .collect();
    if !in_title.is_empty() {
        return in_title;
    }
    article
        .actors
        .iter()
        .max_by_key(|a| a.mention_count)
        .map(|a| vec![a.id.as_str()])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn json_ld_says_whom_the_article_is_about_whom_it_mentions_and_who_said_what() {
        let article = crate::seed_for_tests();
        let ld = json_ld(&article, None);
        let json = ld
            .trim_start_matches("<script type=\"application/ld+json\">")
            .trim_end_matches("</script>");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let names = |key: &str| -> Vec<String> {
            value[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["name"].as_str().unwrap().to_string())
                .collect()
        };
        // "Japan and South Korea sound alarm over Putin-Kim military pact".
        let about = names("about");
        for name in ["Japan", "South Korea", "Vladimir Putin", "Kim Jong Un"] {
            assert!(about.contains(&name.to_string()), "{about:?}");
        }
        assert_eq!(about.len() + names("mentions").len(), article.actors.len());
        let japan = value["about"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["name"] == "Japan");
        assert_eq!(japan.unwrap()["@type"], "Country");
        let quotes = value["hasPart"].as_array().unwrap();
        assert_eq!(quotes.len(), article.quotes.len());
        let sacred = quotes.iter().find(|q| q["text"] == "sacred fight").unwrap();
        assert_eq!(sacred["@type"], "Quotation");
        assert_eq!(sacred["creator"][0]["name"], "Kim Jong Un");
        assert_eq!(sacred["creator"][0]["@type"], "Person");
    }
}
