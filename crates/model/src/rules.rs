//! The rules a value must follow wherever it comes from: the build checks content with them
//! (`marginalia-content`, which reports file:line:column), and the viewer checks any article
//! data it reads with them again ([`crate::check`]), since a host may mount an article from a
//! site it does not control. One place, so the two cannot drift.

/// The address to keep for a link, or `None` when it is not allowed: `http:`, `https:`,
/// `mailto:` or a `#fragment` in the same page.
///
/// Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`),
/// so they are removed before the scheme is checked.
pub fn safe_href(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:", "#"]
        .iter()
        .any(|prefix| lower.starts_with(prefix));
    allowed.then_some(cleaned)
}

/// Whether `url` is a link as it is stored (already cleaned by [`safe_href`]).
pub fn is_safe_href(url: &str) -> bool {
    safe_href(url).as_deref() == Some(url)
}

/// Whether `url` is an absolute `http(s)` address a reader can follow (a record source).
pub fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty()) && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether an id uses only lowercase letters, digits and hyphens (not first): what actors,
/// events and quotes are named by, and what goes into element ids and selectors.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Whether `name` may be an article's folder name, and so its address in the site: an id
/// ([`is_valid_id`]) of at most 80 bytes that does not end with a hyphen or hold two in a row
/// (`putin-kim-pact`). The one rule for `new`, the site build and the viewer's data check.
pub fn is_slug(name: &str) -> bool {
    is_valid_id(name) && name.len() <= 80 && !name.ends_with('-') && !name.contains("--")
}

/// `https://host[:port]` or `http://host[:port]`, exactly as a browser writes an origin.
pub fn is_origin(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    host_ok && port_ok
}

/// The origin of an absolute `https://` address (`https://host[:port]`), if it is one: what a
/// feedback endpoint must be. Its host in lowercase, as a browser compares origins.
pub fn https_origin(url: &str) -> Option<String> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let rest = url.strip_prefix("https://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.contains('@') || authority.contains('\\') {
        return None;
    }
    let origin = format!("https://{}", authority.to_ascii_lowercase());
    is_origin(&origin).then_some(origin)
}

/// Whether `tag` looks like a BCP 47 language tag (`en`, `ja`, `en-GB`, `zh-Hant-TW`): letters
/// and digits in parts joined by hyphens. It goes into `lang` attributes.
pub fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// The first control character in `text` (other than tab, line feed and carriage return), if
/// any: text that goes into page titles, feeds and JSON-LD must have none (an XML feed with
/// one is not XML).
pub fn control_character(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_http_https_mailto_or_fragments() {
        for good in ["https://a.b/c", "http://a", "#frag", "MAILTO:x@y"] {
            assert!(is_safe_href(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:x",
            "data:text/html,x",
            "vbscript:x",
            "/relative",
            "",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
        assert_eq!(safe_href("java\tscript:x"), None);
        assert_eq!(safe_href(" https://a.b").as_deref(), Some("https://a.b"));
    }

    #[test]
    fn record_sources_are_absolute_web_addresses() {
        assert!(is_web_address("https://www.state.gov/x"));
        assert!(is_web_address("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "https://",
            "https://a b",
            "//a.b",
            "ftp://a",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn ids_are_lowercase_words_with_hyphens() {
        assert!(is_valid_id("putin") && is_valid_id("signing-2024"));
        for bad in ["", "-a", "A", "a b", "a\"]", "a.b", "a_b", "ü"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_are_short_ids_without_loose_hyphens() {
        assert!(is_slug("putin-kim-pact") && is_slug("a1"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "../x", &"a".repeat(81)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        for good in [
            "https://news.example",
            "http://127.0.0.1:8080",
            "https://a-b.example.org",
        ] {
            assert!(is_origin(good), "{good}");
        }
        for bad in [
            "news.example",
            "https://news.example/",
            "https://news.example/path",
            "*",
            "https://",
            "https://x:",
            "https://X.example",
            "javascript:alert(1)",
        ] {
            assert!(!is_origin(bad), "{bad}");
        }
    }

    #[test]
    fn endpoints_are_absolute_https_addresses() {
        assert_eq!(
            https_origin("https://Feedback.example:8443/api?x=1").as_deref(),
            Some("https://feedback.example:8443")
        );
        assert_eq!(
            https_origin("https://f.example").as_deref(),
            Some("https://f.example")
        );
        for bad in [
            "/api/account/delete",
            "api",
            "//evil.example/x",
            "http://f.example/x",
            "https://user@f.example/",
            "https:///x",
            "https://f.example\\@evil/",
            "https://f .example/",
        ] {
            assert_eq!(https_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn language_tags_are_letters_and_digits_joined_by_hyphens() {
        assert!(is_language_tag("en") && is_language_tag("en-GB") && is_language_tag("zh-Hant-TW"));
        for bad in ["", "en_GB", "en\" onload=\"x", "-en", "en-", "a b"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn control_characters_are_found_but_not_line_breaks() {
        assert_eq!(control_character("a\tb\nc\r"), None);
        assert_eq!(control_character("title\u{1}"), Some('\u{1}'));
        assert_eq!(control_character("\u{7f}"), Some('\u{7f}'));
    }
}
