//! A synthetic article N times the size of a seed article, for testing large input.
//!
//! Copy 1 is the seed itself. Copy k (k ≥ 2) is the seed with every id suffixed `-k`, and
//! its text tagged so that every quote and event sentence is unique: each opening quotation
//! mark “ becomes “{k} and each full stop becomes ` {k}.`, in the Markdown (outside link
//! addresses) and in the TOML strings that must match it alike. So the result is valid
//! whenever the seed is, with N times its actors, events, quotes and paragraphs.
//!
//! Used by `cargo run --bin generate` and by the tests of the size limits.

use super::{SourceFile, Sources};
use toml::{Table, Value};

/// The article `times` times the seed. Fails only if the seed's TOML cannot be read.
pub fn synthesize(seed: &Sources, times: usize) -> Result<Sources, String> {
    let read = |file: &SourceFile| -> Result<Table, String> {
        toml::from_str::<Table>(&file.text).map_err(|e| format!("{}: {}", file.name, e.message()))
    };
    let mut meta = read(&seed.meta)?;
    let actors = read(&seed.actors)?;
    let events = read(&seed.events)?;
    let quotes = read(&seed.quotes)?;

    if let Some(Value::String(title)) = meta.get_mut("title") {
        title.push_str(&format!(" (synthetic: {times} × the seed)"));
    }
    let mut markdown = String::with_capacity(seed.article.text.len() * times + 2 * times);
    let mut all_actors = Vec::new();
    let mut all_events = Vec::new();
    let mut all_quotes = Vec::new();
    for k in 1..=times.max(1) {
        let copy = Copy { k };
        if k > 1 {
            markdown.push_str("\n\n");
        }
        markdown.push_str(&copy.markdown(&seed.article.text));
        for actor in tables(&actors, "actor") {
            all_actors.push(Value::Table(copy.actor(actor)));
        }
        for event in tables(&events, "event") {
            all_events.push(Value::Table(copy.event(event)));
        }
        for quote in tables(&quotes, "quote") {
            all_quotes.push(Value::Table(copy.quote(quote)));
        }
    }
    let wrap = |key: &str, items: Vec<Value>| {
        let mut t = Table::new();
        t.insert(key.to_string(), Value::Array(items));
        t
    };
    let name = |file: &SourceFile| file.short_name().to_string();
    Ok(Sources {
        meta: SourceFile::new(name(&seed.meta), to_toml(&meta)),
        article: SourceFile::new(name(&seed.article), markdown),
        actors: SourceFile::new(name(&seed.actors), to_toml(&wrap("actor", all_actors))),
        events: SourceFile::new(name(&seed.events), to_toml(&wrap("event", all_events))),
        quotes: SourceFile::new(name(&seed.quotes), to_toml(&wrap("quote", all_quotes))),
    })
}

fn tables<'a>(file: &'a Table, key: &str) -> impl Iterator<Item = &'a Table> {
    file.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_table)
}

/// The changes that make copy `k` of the seed.
struct Copy {
    k: usize,
}

impl Copy {
    fn id(&self, id: &str) -> String {
        if self.k == 1 {
            id.to_string()
        } else {
            format!("{id}-{}", self.k)
        }
    }

    /// The tag of the text: quotation marks and full stops of copy k carry `{k}`.
    fn text(&self, text: &str) -> String {
        if self.k == 1 {
            return text.to_string();
        }
        let tag = format!("{{{}}}", self.k);
        text.replace('“', &format!("“{tag} "))
            .replace('.', &format!(" {tag}."))
    }

    /// The Markdown of this copy: text tagged, `actor:` ids suffixed, other link addresses kept.
    fn markdown(&self, source: &str) -> String {
        let mut out = String::with_capacity(source.len() + source.len() / 8);
        let mut rest = source;
        while let Some(open) = rest.find("](") {
            out.push_str(&self.text(&rest[..open + 2]));
            let after = &rest[open + 2..];
            let close = after.find(')').unwrap_or(after.len());
            let address = &after[..close];
            match address.strip_prefix("actor:") {
                Some(id) => out.push_str(&format!("actor:{}", self.id(id))),
                None => out.push_str(address),
            }
            rest = &after[close..];
        }
        out.push_str(&self.text(rest));
        out
    }

    fn rename(&self, table: &mut Table, key: &str) {
        if let Some(Value::String(id)) = table.get_mut(key) {
            *id = self.id(id);
        }
    }

    fn retext(&self, table: &mut Table, key: &str) {
        match table.get_mut(key) {
            Some(Value::String(s)) => *s = self.text(s),
            Some(Value::Array(items)) => {
                for item in items {
                    if let Value::String(s) = item {
                        *s = self.text(s);
                    }
                }
            }
            _ => {}
        }
    }

    fn suffix(&self, table: &mut Table, key: &str) {
        if self.k > 1 {
            if let Some(Value::String(s)) = table.get_mut(key) {
                s.push_str(&format!(" {{{}}}", self.k));
            }
        }
    }

    fn actor(&self, seed: &Table) -> Table {
        let mut t = seed.clone();
        self.rename(&mut t, "id");
        self.rename(&mut t, "affiliation");
        self.suffix(&mut t, "name");
        if let Some(Value::Array(relations)) = t.get_mut("relation") {
            for r in relations.iter_mut().filter_map(Value::as_table_mut) {
                self.rename(r, "target");
                self.retext(r, "evidence");
            }
        }
        t
    }

    fn event(&self, seed: &Table) -> Table {
        let mut t = seed.clone();
        self.rename(&mut t, "id");
        self.suffix(&mut t, "title");
        if let Some(Value::Array(actors)) = t.get_mut("actors") {
            for a in actors {
                if let Value::String(id) = a {
                    *id = self.id(id);
                }
            }
        }
        self.retext(&mut t, "sentences");
        t
    }

    fn quote(&self, seed: &Table) -> Table {
        let mut t = seed.clone();
        self.rename(&mut t, "id");
        self.rename(&mut t, "speaker");
        self.rename(&mut t, "event");
        if self.k > 1 {
            if let Some(Value::String(s)) = t.get_mut("text") {
                *s = format!("{{{}}} {}", self.k, self.text(s));
            }
        }
        t
    }
}

/// TOML text for a table of the shapes content files use: values, sub-tables and arrays of
/// tables (written as `[[name]]` sections).
pub fn to_toml(table: &Table) -> String {
    let mut out = String::new();
    write_table(&mut out, "", table);
    out
}

fn is_table_array(v: &Value) -> bool {
    matches!(v, Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_table))
}

fn write_table(out: &mut String, path: &str, table: &Table) {
    for (key, value) in table {
        if !value.is_table() && !is_table_array(value) {
            out.push_str(&format!("{} = {}\n", key_text(key), value_text(value)));
        }
    }
    for (key, value) in table {
        let sub = if path.is_empty() {
            key_text(key)
        } else {
            format!("{path}.{}", key_text(key))
        };
        match value {
            Value::Table(t) => {
                out.push_str(&format!("\n[{sub}]\n"));
                write_table(out, &sub, t);
            }
            Value::Array(items) if is_table_array(value) => {
                for item in items.iter().filter_map(Value::as_table) {
                    out.push_str(&format!("\n[[{sub}]]\n"));
                    write_table(out, &sub, item);
                }
            }
            _ => {}
        }
    }
}

fn key_text(key: &str) -> String {
    if !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        key.to_string()
    } else {
        string_text(key)
    }
}

fn string_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    if !s.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
        out.push_str(s);
        out.push('"');
        return out;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => string_text(s),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => format!("{f:?}"),
        Value::Boolean(b) => b.to_string(),
        Value::Datetime(d) => d.to_string(),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(value_text).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Table(t) => {
            let parts: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", key_text(k), value_text(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_round_trips() {
        let text = "title = \"a \\\"b\\\" \\u00A0c\"\nn = 3\n[source]\nname = \"x\"\n\n[[actor]]\nid = \"a\"\nlist = [\"p\", \"q\"]\n[[actor.relation]]\nkind = \"ally\"\n";
        let table: Table = toml::from_str(text).unwrap();
        let again: Table = toml::from_str(&to_toml(&table)).unwrap();
        assert_eq!(table, again);
    }

    #[test]
    fn copies_tag_text_outside_link_addresses() {
        let copy = Copy { k: 3 };
        assert_eq!(
            copy.markdown("[Putin](actor:putin) said “no”. See [FT](https://ft.com)."),
            "[Putin](actor:putin-3) said “{3} no” {3}. See [FT](https://ft.com) {3}."
        );
        assert_eq!(Copy { k: 1 }.markdown("a. “b”"), "a. “b”");
    }
}
