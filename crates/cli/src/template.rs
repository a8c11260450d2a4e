//! Templates with named slots: `{{name}}` (a name is lower-case letters, digits, `_` and `.`)
//! stands for a value the site command gives when it fills the template. The page template
//! (`assets/page.html`) and the viewer's scripts (`init.js`, `single.js`, `mount.js`, whose
//! slots sit inside string literals, so the files stay JavaScript that ESLint reads) are
//! filled this way; nothing else is replaced in them. Anything else between braces is text.
//!
//! Filling names every slot: a slot without a value is an error (so a template and the code
//! that fills it cannot drift apart unnoticed), as is a value left unused by a page template
//! ([`Template::fill_all`]).

use std::borrow::Cow;

/// A parsed template: text and slots, in order.
#[derive(Clone, Debug)]
pub struct Template {
    /// What the template is, for errors (`assets/page.html`, `init.js`).
    what: String,
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq)]
enum Part {
    Text(String),
    Slot(String),
}

/// Whether `name` is a slot's name.
fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
}

impl Template {
    pub fn parse(what: &str, text: &str) -> Template {
        let mut parts = Vec::new();
        let mut rest = text;
        let mut literal = String::new();
        while let Some(open) = rest.find("{{") {
            let after = &rest[open + 2..];
            match after.find("}}") {
                Some(close) if is_name(&after[..close]) => {
                    literal.push_str(&rest[..open]);
                    if !literal.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut literal)));
                    }
                    parts.push(Part::Slot(after[..close].to_string()));
                    rest = &after[close + 2..];
                }
                _ => {
                    literal.push_str(&rest[..=open]);
                    rest = &rest[open + 1..];
                }
            }
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        Template {
            what: what.to_string(),
            parts,
        }
    }

    /// Every slot's name, in order, once each.
    pub fn slots(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for part in &self.parts {
            if let Part::Slot(name) = part {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// The template with each slot replaced by `value(name)`; an error names a slot it has
    /// no value for.
    pub fn fill<'v>(&self, value: impl Fn(&str) -> Option<Cow<'v, str>>) -> Result<String, String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Slot(name) => match value(name) {
                    Some(v) => out.push_str(&v),
                    None => return Err(format!("{}: unknown slot {{{{{name}}}}}", self.what)),
                },
            }
        }
        Ok(out)
    }

    /// The template filled with exactly `values`: every slot given, every value used.
    pub fn fill_all(&self, values: &[(&str, &str)]) -> Result<String, String> {
        let slots = self.slots();
        if let Some((name, _)) = values.iter().find(|(name, _)| !slots.contains(name)) {
            return Err(format!("{}: no slot {{{{{name}}}}}", self.what));
        }
        self.fill(|name| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| Cow::Borrowed(*v))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_named_and_filled_in_place() {
        let t = Template::parse("t", "<p lang=\"{{lang}}\">{{body}} {{body}}</p>");
        assert_eq!(t.slots(), ["lang", "body"]);
        assert_eq!(
            t.fill_all(&[("lang", "en"), ("body", "x")]).unwrap(),
            "<p lang=\"en\">x x</p>"
        );
    }

    #[test]
    fn a_slot_without_a_value_or_a_value_without_a_slot_is_an_error() {
        let t = Template::parse("page", "{{head}}{{body}}");
        assert_eq!(
            t.fill_all(&[("head", "")]).unwrap_err(),
            "page: unknown slot {{body}}"
        );
        assert_eq!(
            t.fill_all(&[("head", ""), ("body", ""), ("foot", "")])
                .unwrap_err(),
            "page: no slot {{foot}}"
        );
    }

    #[test]
    fn other_braces_are_text() {
        // Minified JavaScript and CSS have braces of their own.
        let text = "if(a){{let b}}x={{}};y=\"{{ Spaced }}\";z={{a-b}}}{{";
        let t = Template::parse("js", text);
        assert!(t.slots().is_empty());
        assert_eq!(t.fill(|_| None).unwrap(), text);
        let t = Template::parse("js", "a{{{glue}}}b");
        assert_eq!(t.slots(), ["glue"]);
        assert_eq!(t.fill(|_| Some("g".into())).unwrap(), "a{g}b");
    }
}
