//! `sitemap.xml` and `feed.atom` for a site whose address is known (`MARGINALIA_SITE_URL`):
//! both need absolute addresses, so without one the site has neither.

use crate::site::Entry;
use marginalia_model::PartialDate;

fn xml_escape(text: &str) -> String {
    crate::page::escape(text)
}

/// A date as a full day for feeds: a month or a year counts from its first day.
fn day(date: &PartialDate) -> String {
    let iso = date.iso();
    match iso.len() {
        4 => format!("{iso}-01-01"),
        7 => format!("{iso}-01"),
        _ => iso,
    }
}

/// Every article's page, with the date its page carries.
pub fn sitemap(site_url: &str, articles: &[Entry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    xml.push_str(&format!(
        "  <url><loc>{}</loc></url>\n",
        xml_escape(site_url)
    ));
    for entry in articles {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            xml_escape(&format!("{site_url}{}/", entry.slug)),
            day(&entry.article.meta.page_date)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// An Atom feed of the articles, newest page first.
pub fn atom(site_url: &str, articles: &[Entry]) -> String {
    let mut sorted: Vec<&Entry> = articles.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(day(&e.article.meta.page_date)));
    let updated = sorted
        .first()
        .map(|e| day(&e.article.meta.page_date))
        .unwrap_or_else(|| "1970-01-01".into());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>marginalia</title>\n  <id>{url}</id>\n  <link href=\"{url}\" />\n  <link rel=\"self\" href=\"{url}feed.atom\" />\n  <updated>{updated}T00:00:00Z</updated>\n  <author><name>marginalia</name></author>\n",
        url = xml_escape(site_url)
    );
    for entry in sorted {
        let meta = &entry.article.meta;
        let link = xml_escape(&format!("{site_url}{}/", entry.slug));
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{link}</id>\n    <link href=\"{link}\" />\n    <published>{}T00:00:00Z</published>\n    <updated>{}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
            xml_escape(&meta.title),
            day(&meta.source.date),
            day(&meta.page_date),
            xml_escape(&format!(
                "{} ({}, {})",
                meta.standfirst.as_deref().unwrap_or(&meta.title),
                meta.source.name,
                meta.source.date.long()
            )),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_use_absolute_addresses_and_escape_text() {
        let mut article = crate::seed_for_tests();
        article.meta.title = "A & B <c>".into();
        let articles = [Entry {
            slug: "putin-kim-pact".into(),
            article,
        }];
        let map = sitemap("https://example.org/m/", &articles);
        assert!(map.contains("<loc>https://example.org/m/putin-kim-pact/</loc>"));
        assert!(map.contains("<lastmod>2024-07-15</lastmod>"));
        let feed = atom("https://example.org/m/", &articles);
        assert!(
            feed.contains("<title>A &amp; B &lt;c&gt;</title>"),
            "{feed}"
        );
        assert!(feed.contains("<published>2024-06-20T00:00:00Z</published>"));
        assert!(feed.contains("<link rel=\"self\" href=\"https://example.org/m/feed.atom\" />"));
    }
}
