//! The studio's meta form and the `meta.toml` it writes: the few fields a writer types (the
//! rest of the folder is drafted). The text is laid out as `marginalia new` and the authoring
//! guide lay it out, each value a TOML string the drafter's own quoting writes.

use marginalia_draft::write::quoted;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// What the form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaFields {
    pub title: String,
    pub byline: String,
    pub page_date: String,
    pub page_date_text: String,
    pub source_name: String,
    pub source_date: String,
    pub source_address: String,
    pub rights: String,
}

/// The form's fields, for the form: (key, label, hint, required).
pub const FIELDS: [(&str, &str, &str, bool); 8] = [
    ("title", "Title", "the headline, as published", true),
    (
        "source_name",
        "Source",
        "where it first appeared, as it should be shown",
        true,
    ),
    (
        "source_date",
        "Source date",
        "YYYY-MM-DD: “on Wednesday” is read against it",
        true,
    ),
    (
        "page_date",
        "Page date",
        "YYYY-MM-DD: the date of the page you publish",
        true,
    ),
    (
        "page_date_text",
        "Page date as printed",
        "“Monday 24 June 2024”",
        true,
    ),
    ("byline", "Byline", "as the page prints it", false),
    ("source_address", "Source address", "https://…", false),
    ("rights", "Rights", "why you may republish the text", false),
];

impl MetaFields {
    pub fn get(&self, key: &str) -> &str {
        match key {
            "title" => &self.title,
            "byline" => &self.byline,
            "page_date" => &self.page_date,
            "page_date_text" => &self.page_date_text,
            "source_name" => &self.source_name,
            "source_date" => &self.source_date,
            "source_address" => &self.source_address,
            "rights" => &self.rights,
            _ => "",
        }
    }

    pub fn set(&mut self, key: &str, value: String) {
        let field = match key {
            "title" => &mut self.title,
            "byline" => &mut self.byline,
            "page_date" => &mut self.page_date,
            "page_date_text" => &mut self.page_date_text,
            "source_name" => &mut self.source_name,
            "source_date" => &mut self.source_date,
            "source_address" => &mut self.source_address,
            "rights" => &mut self.rights,
            _ => return,
        };
        *field = value;
    }

    /// `meta.toml`: the required fields always (an empty one is the checker's to point at),
    /// the optional ones when given.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, key: &str, value: &str, always: bool| {
            if always || !value.trim().is_empty() {
                let _ = writeln!(out, "{key} = {}", quoted(value.trim()));
            }
        };
        line(&mut out, "title", &self.title, true);
        line(&mut out, "byline", &self.byline, false);
        line(&mut out, "page_date", &self.page_date, true);
        line(&mut out, "page_date_text", &self.page_date_text, true);
        out.push_str("language = \"en\"\n\n[source]\n");
        line(&mut out, "name", &self.source_name, true);
        line(&mut out, "date", &self.source_date, true);
        line(&mut out, "address", &self.source_address, false);
        line(&mut out, "rights", &self.rights, false);
        out
    }

    /// The form's fields as `meta.toml`'s text gives them (an opened folder's); what the form
    /// does not hold stays in the text only.
    pub fn from_toml(text: &str) -> MetaFields {
        let mut m = MetaFields::default();
        let Ok(table) = text.parse::<toml::Table>() else {
            return m;
        };
        for (key, ..) in FIELDS {
            let (section, name) = place(key);
            let scope = if section.is_empty() {
                Some(&table)
            } else {
                table.get(section).and_then(|v| v.as_table())
            };
            if let Some(v) = scope.and_then(|t| t.get(name)).and_then(|v| v.as_str()) {
                m.set(key, v.to_string());
            }
        }
        m
    }

    /// `text` (a `meta.toml`) with the form's field `key` set to its value here, changing only
    /// that field's line: an opened folder's other lines, comments and tables stay as they
    /// were. An optional field left empty loses its line; a field with no line yet gets one
    /// after its table's last key.
    pub fn set_in_toml(&self, text: &str, key: &str) -> String {
        let (section, name) = place(key);
        let value = self.get(key).trim();
        let optional = FIELDS
            .iter()
            .any(|(k, .., required)| *k == key && !required);
        let new_line =
            (!(optional && value.is_empty())).then(|| format!("{name} = {}", quoted(value)));
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let (mut current, mut found, mut last_key, mut header) = ("", None, None, None);
        for (n, line) in lines.iter().enumerate() {
            let t = line.trim();
            if t.starts_with('[') {
                current = t.trim_matches(|c| c == '[' || c == ']').trim();
                if current == section {
                    header = Some(n);
                }
                continue;
            }
            if current != section || t.is_empty() || t.starts_with('#') {
                continue;
            }
            last_key = Some(n);
            let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if k == name && found.is_none() {
                found = Some(n);
            }
        }
        match (found, new_line) {
            (Some(n), Some(l)) => lines[n] = l,
            (Some(n), None) => {
                lines.remove(n);
            }
            (None, Some(l)) => match (last_key.or(header), section) {
                (Some(n), _) => lines.insert(n + 1, l),
                (None, "") => lines.insert(0, l),
                (None, _) => lines.extend([String::new(), format!("[{section}]"), l]),
            },
            (None, None) => return text.to_string(),
        }
        let mut out = lines.join("\n");
        if text.ends_with('\n') || text.is_empty() {
            out.push('\n');
        }
        out
    }

    /// The article's folder name, from its title: lowercase words joined by hyphens (at most
    /// eight), or `article` when the title gives none.
    pub fn slug(&self) -> String {
        let words: Vec<String> = self
            .title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(8)
            .map(str::to_ascii_lowercase)
            .collect();
        if words.is_empty() {
            "article".into()
        } else {
            words.join("-")
        }
    }
}

/// Where the form's field `key` lives in `meta.toml`: (table, key); "" is the top level.
fn place(key: &str) -> (&'static str, &str) {
    match key {
        "source_name" => ("source", "name"),
        "source_date" => ("source", "date"),
        "source_address" => ("source", "address"),
        "rights" => ("source", "rights"),
        _ => ("", key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_is_given_and_every_required_field() {
        let mut m = MetaFields::default();
        m.set("title", "Saltmere relights its “old” lamp".into());
        m.set("source_date", "2025-03-13".into());
        m.set("rights", "Public domain".into());
        assert_eq!(
            m.to_toml(),
            "title = \"Saltmere relights its “old” lamp\"\npage_date = \"\"\npage_date_text = \"\"\nlanguage = \"en\"\n\n[source]\nname = \"\"\ndate = \"2025-03-13\"\nrights = \"Public domain\"\n"
        );
        let table: toml::Table = m.to_toml().parse().unwrap();
        assert_eq!(table["source"]["date"].as_str(), Some("2025-03-13"));
        assert_eq!(m.slug(), "saltmere-relights-its-old-lamp");
        assert_eq!(MetaFields::default().slug(), "article");
    }

    #[test]
    fn every_form_field_is_read_and_written() {
        let mut m = MetaFields::default();
        for (key, ..) in FIELDS {
            m.set(key, format!("v-{key}"));
        }
        for (key, ..) in FIELDS {
            assert_eq!(m.get(key), format!("v-{key}"));
        }
    }

    #[test]
    fn an_opened_meta_fills_the_form_and_a_field_changes_only_its_line() {
        let seed = include_str!("../../../content/putin-kim-pact/meta.toml");
        let mut m = MetaFields::from_toml(seed);
        assert_eq!(m.source_name, "Financial Times");
        assert_eq!(m.page_date_text, "July 15, 2024");
        m.set("source_name", "The Financial Times".into());
        let changed = m.set_in_toml(seed, "source_name");
        assert_eq!(
            changed,
            seed.replace(
                "name = \"Financial Times\"",
                "name = \"The Financial Times\""
            )
        );
        // A new optional field goes after its table's last key; emptied, it goes again.
        m.set("source_address", "https://example.com/a".into());
        let added = m.set_in_toml(seed, "source_address");
        assert!(added.contains("actor = \"ft\"\naddress = \"https://example.com/a\"\n"));
        m.set("source_address", String::new());
        assert_eq!(m.set_in_toml(&added, "source_address"), seed);
        m.set("byline", "By A. Writer".into());
        assert!(m
            .set_in_toml(seed, "byline")
            .contains("language = \"en\"\nbyline = \"By A. Writer\"\n\n[source]"));
    }
}
