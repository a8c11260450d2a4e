//! Step 3 of the pipeline (`check/`), once the tree is marked: `meta.toml` to the model's
//! [`Meta`]: the title, the byline, the page's and the source's dates, the source (its name
//! kept exactly as written: the viewer shows it as it is), the feedback settings, and the word
//! count and reading time of the finished text.

use crate::check::checker::Checker;
use crate::read::annotations::MetaFile;
use marginalia_model::i18n::{Lang, LANGS};
use marginalia_model::rules::{
    control_character, https_origin, is_language_tag, is_origin, is_web_address,
};
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
    // Text that goes into the page's head, its JSON-LD and the Atom feed: a control character
    // there makes an invalid feed (XML forbids them) and is never what the page printed.
    for (value, what) in [
        (Some(&m.title), "the title"),
        (m.standfirst.as_ref(), "the standfirst"),
        (Some(&m.page_date_text), "page_date_text"),
        (m.publisher_address.as_ref(), "publisher_address"),
        (Some(&m.source.name), "source.name"),
        (m.source.rights.as_ref(), "source.rights"),
        (m.byline.as_ref(), "the byline"),
    ] {
        if let Some((v, ch)) = value.and_then(|v| Some((v, control_character(v.get_ref())?))) {
            c.err_hint(
                file,
                v,
                format!("{what} holds the control character U+{:04X}", ch as u32),
                Some("remove it: a page's text has none (a feed with one is not valid XML)".into()),
            );
        }
    }
    if let Some(address) = m.source.address.as_ref() {
        if !is_web_address(address.get_ref().trim()) {
            c.err_hint(
                file,
                address,
                format!("source.address `{}` is not an http(s) address", address.get_ref()),
                Some("give the whole address where the source was published: \"https://www.state.gov/…\"".into()),
            );
        }
    }
    if !is_language_tag(m.language.get_ref()) {
        c.err_hint(
            file,
            &m.language,
            format!("language `{}` is not a language tag", m.language.get_ref()),
            Some("write a tag such as \"en\", \"ja\" or \"en-GB\"".into()),
        );
    }
    if let Some(ui) = m
        .ui_language
        .as_ref()
        .filter(|ui| Lang::parse(ui.get_ref()).is_none())
    {
        let ours: Vec<&str> = LANGS.iter().map(|l| l.tag()).collect();
        c.err_hint(
            file,
            ui,
            format!(
                "ui_language `{}` is not a language of the interface",
                ui.get_ref()
            ),
            Some(format!(
                "write one of {} (or leave it out: the page then takes the site's language)",
                ours.join(", ")
            )),
        );
    }
    if let Some(endpoint) = &m.feedback.endpoint {
        if https_origin(endpoint.get_ref()).is_none() {
            c.err_hint(
                file,
                endpoint,
                "feedback.endpoint must be an absolute https:// address".into(),
                Some("a whole address, such as \"https://feedback.example/api\": a relative one would send readers' feedback to whichever site mounts the article".into()),
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
        standfirst: m.standfirst.as_ref().map(|s| s.get_ref().clone()),
        page_date: page_date?.start,
        page_date_text: m.page_date_text.get_ref().clone(),
        publisher_address: m
            .publisher_address
            .as_ref()
            .map(|a| a.get_ref().clone())
            .unwrap_or_default(),
        language: m.language.get_ref().clone(),
        byline: m.byline.as_ref().map(|b| b.get_ref().trim().to_string()),
        source: Source {
            name: m.source.name.get_ref().trim().to_string(),
            date: source_date?.start,
            actor: m.source.actor.as_ref().map(|a| a.get_ref().clone()),
            address: m
                .source
                .address
                .as_ref()
                .map(|a| a.get_ref().trim().to_string()),
            rights: m
                .source
                .rights
                .as_ref()
                .map(|r| r.get_ref().trim().to_string()),
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
