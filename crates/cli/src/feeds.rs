//! `sitemap.xml` and `feed.atom` for a site whose address is known (`MARGINALIA_SITE_URL`):
//! both need absolute addresses, so without one the site has neither.

use crate::site::Entry;
use marginalia_i18n::site::Msg;
use marginalia_i18n::Lang;
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

/// The most addresses one sitemap may hold (the sitemaps protocol's limit).
pub const SITEMAP_LIMIT: usize = 50_000;

/// Every address of the site, from its root (`""` is the contents page), with the date of the
/// page when it has one: the contents pages, the articles, the actors and the timeline.
pub fn addresses(
    articles: &[Entry],
    actors: &[String],
    contents_pages: usize,
) -> Vec<(String, Option<String>)> {
    let mut out = vec![(String::new(), None)];
    out.extend((2..=contents_pages).map(|n| (format!("page/{n}/"), None)));
    out.extend(
        articles
            .iter()
            .map(|e| (format!("{}/", e.slug), Some(day(&e.article.meta.page_date)))),
    );
    out.push(("actors/".into(), None));
    out.extend(actors.iter().map(|id| (format!("actors/{id}/"), None)));
    out.push(("timeline/".into(), None));
    out
}

/// The sitemaps, by file name: one `sitemap.xml` for up to `limit` addresses; beyond, the
/// addresses split into `sitemap-1.xml`, `sitemap-2.xml`… of `limit` each, and `sitemap.xml`
/// the index of them.
pub fn sitemaps(
    site_url: &str,
    addresses: &[(String, Option<String>)],
    limit: usize,
) -> Vec<(String, String)> {
    let urlset = |part: &[(String, Option<String>)]| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (path, date) in part {
            let loc = xml_escape(&format!("{site_url}{path}"));
            match date {
                Some(d) => xml.push_str(&format!(
                    "  <url><loc>{loc}</loc><lastmod>{d}</lastmod></url>\n"
                )),
                None => xml.push_str(&format!("  <url><loc>{loc}</loc></url>\n")),
            }
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if addresses.len() <= limit {
        return vec![("sitemap.xml".into(), urlset(addresses))];
    }
    let mut files: Vec<(String, String)> = addresses
        .chunks(limit)
        .enumerate()
        .map(|(n, part)| (format!("sitemap-{}.xml", n + 1), urlset(part)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &files {
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            xml_escape(&format!("{site_url}{name}"))
        ));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index));
    files
}

/// An Atom feed of the articles, newest page first, in the site's language `lang` (its
/// `xml:lang`, and the summaries' dates and words).
pub fn atom(site_url: &str, articles: &[Entry], lang: Lang) -> String {
    let mut sorted: Vec<&Entry> = articles.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(day(&e.article.meta.page_date)));
    let updated = sorted
        .first()
        .map(|e| day(&e.article.meta.page_date))
        .unwrap_or_else(|| "1970-01-01".into());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>marginalia</title>\n  <id>{url}</id>\n  <link href=\"{url}\" />\n  <link rel=\"self\" href=\"{url}feed.atom\" />\n  <updated>{updated}T00:00:00Z</updated>\n  <author><name>marginalia</name></author>\n",
        url = xml_escape(site_url),
        lang = lang.tag()
    );
    for entry in sorted {
        let meta = &entry.article.meta;
        let link = xml_escape(&format!("{site_url}{}/", entry.slug));
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{link}</id>\n    <link href=\"{link}\" />\n    <published>{}T00:00:00Z</published>\n    <updated>{}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
            xml_escape(&meta.title),
            day(&meta.source.date),
            day(&meta.page_date),
            xml_escape(&lang.f(
                Msg::FeedSummary,
                &[
                    ("summary", meta.standfirst.as_deref().unwrap_or(&meta.title)),
                    ("source", &meta.source.name),
                    ("date", &meta.source.date.written(lang)),
                ]
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
        let articles = [Entry::new("putin-kim-pact", article)];
        let all = addresses(&articles, &["putin".into()], 1);
        let maps = sitemaps("https://example.org/m/", &all, SITEMAP_LIMIT);
        assert_eq!(maps.len(), 1);
        let map = &maps[0].1;
        assert!(map.contains("<loc>https://example.org/m/putin-kim-pact/</loc>"));
        assert!(map.contains("<lastmod>2024-07-15</lastmod>"));
        assert!(map.contains("<loc>https://example.org/m/actors/putin/</loc>"));
        assert!(map.contains("<loc>https://example.org/m/timeline/</loc>"));
        let feed = atom("https://example.org/m/", &articles, Lang::En);
        assert!(
            feed.contains("<title>A &amp; B &lt;c&gt;</title>"),
            "{feed}"
        );
        assert!(feed.contains("<published>2024-06-20T00:00:00Z</published>"));
        assert!(feed.contains("<link rel=\"self\" href=\"https://example.org/m/feed.atom\" />"));
        assert!(feed.contains("xml:lang=\"en\""));
        assert!(
            feed.contains("(Financial Times, 20 June 2024)</summary>"),
            "{feed}"
        );
        let ja = atom("https://example.org/m/", &articles, Lang::Ja);
        assert!(ja.contains("xml:lang=\"ja\""));
        assert!(
            ja.contains("（Financial Times、2024年6月20日）</summary>"),
            "{ja}"
        );
    }

    #[test]
    fn beyond_the_limit_the_sitemap_splits_under_an_index() {
        let all: Vec<(String, Option<String>)> = (0..7).map(|n| (format!("a{n}/"), None)).collect();
        let maps = sitemaps("https://example.org/", &all, 3);
        let names: Vec<&str> = maps.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        assert_eq!(maps[2].1.matches("<url>").count(), 1);
        assert!(maps[3]
            .1
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex"));
        assert!(maps[3]
            .1
            .contains("<loc>https://example.org/sitemap-3.xml</loc>"));
        let total: usize = maps[..3]
            .iter()
            .map(|(_, x)| x.matches("<url>").count())
            .sum();
        assert_eq!(total, 7);
    }
}
