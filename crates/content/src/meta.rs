//! Step 6 of the pipeline: `meta.toml` to the model's [`Meta`]: the title, the byline, the
//! page's and the source's dates, the source (its name kept exactly as written: the viewer
//! shows it as it is), the feedback settings, and the word count and reading time of the
//! finished text.

use crate::annotations::MetaFile;
use crate::checker::Checker;
use marginalia_model::text::{reading_minutes, word_count};
use marginalia_model::{Meta, Source};

/// The metadata, or `None` when a date in it is wrong (reported). `full_text` is the whole
/// article's plain text, for the word count.
pub(crate) fn build(c: &mut Checker, m: &MetaFile, full_text: &str) -> Option<Meta> {
    let file = &c.src.meta;
    let page_date = c.date(file, &m.page_date);
    let source_date = c.date(file, &m.source.date);
    if let Some(a) = &m.source.actor {
        c.actor_ref(file, a, "source actor");
    }
    for (value, what) in [
        (Some(&m.title), "the title"),
        (Some(&m.source.name), "source.name"),
        (m.byline.as_ref(), "the byline"),
    ] {
        if let Some(v) = value.filter(|v| v.get_ref().trim().is_empty()) {
            c.err(file, v, format!("{what} is empty"));
        }
    }
    if let Some(endpoint) = &m.feedback.endpoint {
        if !endpoint.get_ref().starts_with("https://") {
            c.err(
                file,
                endpoint,
                "feedback.endpoint must be an https:// address".into(),
            );
        }
    }
    for origin in &m.feedback.parent_origins {
        if !is_origin(origin.get_ref()) {
            c.err_hint(
                file,
                origin,
                format!("feedback.parent_origins: `{}` is not an origin", origin.get_ref()),
                Some("an origin is a scheme and a host, with a port if any, and nothing after: \"https://news.example\"".into()),
            );
        }
    }
    let words = word_count(full_text);
    Some(Meta {
        title: m.title.get_ref().clone(),
        standfirst: m.standfirst.clone(),
        page_date: page_date?.start,
        page_date_text: m.page_date_text.clone(),
        publisher_address: m.publisher_address.clone(),
        language: m.language.clone(),
        byline: m.byline.as_ref().map(|b| b.get_ref().trim().to_string()),
        source: Source {
            name: m.source.name.get_ref().trim().to_string(),
            date: source_date?.start,
            actor: m.source.actor.as_ref().map(|a| a.get_ref().clone()),
        },
        word_count: words,
        reading_minutes: reading_minutes(words),
        feedback_criteria: m.feedback.criteria.clone(),
        feedback_endpoint: m.feedback.endpoint.as_ref().map(|e| e.get_ref().clone()),
        feedback_parent_origins: m
            .feedback
            .parent_origins
            .iter()
            .map(|o| o.get_ref().clone())
            .collect(),
    })
}

/// `https://host[:port]` or `http://host[:port]`, exactly as a browser writes an origin.
fn is_origin(text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    #[test]
    fn origins_are_scheme_host_and_port_only() {
        for good in [
            "https://news.example",
            "http://127.0.0.1:8080",
            "https://a-b.example.org",
        ] {
            assert!(super::is_origin(good), "{good}");
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
            assert!(!super::is_origin(bad), "{bad}");
        }
    }
}
