//! The site's own file, `content/site.toml` beside the article folders (optional): the site's
//! language, and an actor defined once for the site. Articles keep their own entries (how each names the actor,
//! the role it gives); the registry adds what belongs to the actor itself: its name for the
//! site, other names any article may use, its roles over time with their dates, and its
//! Wikidata item. The site's pages and JSON-LD use them ([`crate::site_index`]).
//!
//! ```toml
//! language = "ja"      # the interface's language on every page (en, ja, ko); default en
//!
//! [[actor]]
//! id = "north-korea"
//! name = "North Korea"
//! kind = "state"
//! aliases = ["DPRK", "Democratic People's Republic of Korea"]
//! wikidata = "Q423"
//!
//! [[actor.role]]
//! role = "Foreign minister"   # only with dates from the public record, and where they come from
//! from = "2024-01-16"
//! source = "https://…"
//! ```
//!
//! Checked when the site is built, each error at its `file:line:column`: a language of the
//! interface (`language`, a top-level key: before the first `[[actor]]`), known fields only,
//! ids well formed and once, a kind of the four, a Wikidata id of the form `Q` and digits,
//! roles' dates that exist and end after they start, a role's source an http(s) address; and
//! every article that uses an id the registry defines gives it the same kind.

use crate::site::Entry;
use marginalia_content::{ContentError, SourceFile};
use marginalia_model::i18n::{Lang, LANGS};
use marginalia_model::rules::{is_valid_id, is_web_address};
use marginalia_model::{ActorKind, PartialDate};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// The registry's file name, in the content folder.
pub const FILE_NAME: &str = "site.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// The language of every page's interface, unless an article gives its own `ui_language`.
    language: Option<Spanned<String>>,
    #[serde(default)]
    actor: Vec<ActorEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    id: Spanned<String>,
    name: String,
    kind: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    wikidata: Option<Spanned<String>>,
    #[serde(default)]
    role: Vec<RoleEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleEntry {
    role: String,
    from: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
    source: Option<Spanned<String>>,
}

/// One actor of the registry.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteDefinition {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub wikidata: Option<String>,
    pub roles: Vec<DatedRole>,
    /// Where in the file its id is written, for errors about it.
    pub at: usize,
}

/// A role with the dates it was held (either may be unknown) and where that is recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct DatedRole {
    pub role: String,
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub source: Option<String>,
}

/// The registry: the site's language and its actors by id.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    /// The language of the site's pages (`language = "ja"`), English when not given; an
    /// article's own `ui_language` overrides it on its page.
    pub language: Lang,
    pub actors: BTreeMap<String, SiteDefinition>,
    file: Option<SourceFile>,
}

/// Whether `id` is a Wikidata item id: `Q` and digits, no leading zero.
pub fn is_wikidata_id(id: &str) -> bool {
    id.strip_prefix('Q').is_some_and(|digits| {
        !digits.is_empty()
            && !digits.starts_with('0')
            && digits.len() <= 12
            && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

impl Registry {
    /// Reads `<content>/actors.toml` if there is one; every error, each at its place.
    pub fn read(content: &Path) -> Result<Registry, Vec<ContentError>> {
        let path = content.join(FILE_NAME);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(Registry::default());
        };
        Registry::parse(SourceFile::new(path.display().to_string(), text))
    }

    /// The registry in `file`.
    pub fn parse(file: SourceFile) -> Result<Registry, Vec<ContentError>> {
        let parsed: File = match toml::from_str(&file.text) {
            Ok(parsed) => parsed,
            Err(e) => {
                let at = e.span().map_or(0, |s| s.start);
                let message = e.message();
                // A `language` written after an `[[actor]]` belongs to that actor.
                let hint = message.contains("unknown field `language`").then(|| {
                    "the site's language is a top-level key: write it before the first [[actor]]"
                        .to_string()
                });
                return Err(vec![file
                    .error_at(at, format!("the site's actors: {message}"))
                    .with_hint(hint)]);
            }
        };
        let mut errors = Vec::new();
        let language = match &parsed.language {
            None => Lang::default(),
            Some(tag) => Lang::parse(tag.get_ref()).unwrap_or_else(|| {
                let ours: Vec<&str> = LANGS.iter().map(|l| l.tag()).collect();
                errors.push(
                    file.error_at(
                        tag.span().start,
                        format!(
                            "the site's language `{}` is not a language of the interface",
                            tag.get_ref()
                        ),
                    )
                    .with_hint(Some(format!("write one of {}", ours.join(", ")))),
                );
                Lang::default()
            }),
        };
        let mut actors = BTreeMap::new();
        let date = |value: &Option<Spanned<String>>, errors: &mut Vec<ContentError>| {
            let value = value.as_ref()?;
            match PartialDate::parse(value.get_ref()) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(
                        file.error_at(value.span().start, format!("`{}`: {e}", value.get_ref())),
                    );
                    None
                }
            }
        };
        for entry in parsed.actor {
            let id = entry.id.get_ref().clone();
            let at = entry.id.span().start;
            if !is_valid_id(&id) {
                errors.push(file.error_at(
                    at,
                    format!("actor id `{id}` is not lowercase words joined by hyphens"),
                ));
            }
            if actors.contains_key(&id) {
                errors.push(file.error_at(
                    at,
                    format!("actor `{id}` is defined twice in the site's actors"),
                ));
            }
            let kind = ActorKind::parse(entry.kind.get_ref());
            if kind.is_none() {
                errors.push(file.error_at(
                    entry.kind.span().start,
                    format!(
                        "actor `{id}`: kind `{}` is not one of person, state, organisation, media",
                        entry.kind.get_ref()
                    ),
                ));
            }
            if let Some(q) = &entry.wikidata {
                if !is_wikidata_id(q.get_ref()) {
                    errors.push(
                        file.error_at(q.span().start, format!("actor `{id}`: wikidata `{}` is not an item id", q.get_ref()))
                            .with_hint(Some("a Wikidata item id is Q and digits, as in the item's address: \"Q423\"".into())),
                    );
                }
            }
            let mut roles = Vec::new();
            for r in &entry.role {
                let (from, until) = (date(&r.from, &mut errors), date(&r.until, &mut errors));
                if let (Some(f), Some(u), Some(at)) = (from, until, r.until.as_ref()) {
                    if u.days_since_epoch() < f.days_since_epoch() {
                        errors.push(file.error_at(
                            at.span().start,
                            format!("actor `{id}`: role “{}” ends before it starts", r.role),
                        ));
                    }
                }
                if let Some(source) = &r.source {
                    if !is_web_address(source.get_ref()) {
                        errors.push(file.error_at(
                            source.span().start,
                            format!(
                                "actor `{id}`: a role's source `{}` is not an http(s) address",
                                source.get_ref()
                            ),
                        ));
                    }
                }
                roles.push(DatedRole {
                    role: r.role.clone(),
                    from,
                    until,
                    source: r.source.as_ref().map(|s| s.get_ref().clone()),
                });
            }
            if let Some(kind) = kind {
                actors.insert(
                    id,
                    SiteDefinition {
                        name: entry.name,
                        kind,
                        aliases: entry.aliases,
                        wikidata: entry.wikidata.map(|q| q.into_inner()),
                        roles,
                        at,
                    },
                );
            }
        }
        if errors.is_empty() {
            Ok(Registry {
                language,
                actors,
                file: Some(file),
            })
        } else {
            Err(errors)
        }
    }

    /// Articles that give an actor of the registry another kind, each an error at the
    /// registry's definition naming the article.
    pub fn check_articles(&self, articles: &[Entry]) -> Vec<ContentError> {
        let Some(file) = &self.file else {
            return Vec::new();
        };
        let mut errors = Vec::new();
        for entry in articles {
            for actor in &entry.article.actors {
                if let Some(def) = self.actors.get(&actor.id) {
                    if def.kind != actor.kind {
                        errors.push(file.error_at(
                            def.at,
                            format!(
                                "actor `{}` is a {} in the site's actors but a {} in the article `{}`: one id is one actor across the site",
                                actor.id,
                                def.kind.as_str(),
                                actor.kind.as_str(),
                                entry.slug
                            ),
                        ));
                    }
                }
            }
        }
        errors
    }

    /// The Wikidata item of an actor, as its address (`https://www.wikidata.org/wiki/Q423`).
    pub fn same_as(&self, id: &str) -> Option<String> {
        let q = self.actors.get(id)?.wikidata.as_ref()?;
        Some(format!("https://www.wikidata.org/wiki/{q}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Registry, Vec<ContentError>> {
        Registry::parse(SourceFile::new("content/site.toml", text))
    }

    #[test]
    fn wikidata_ids_are_q_and_digits() {
        for good in ["Q423", "Q1", "Q7747"] {
            assert!(is_wikidata_id(good), "{good}");
        }
        for bad in [
            "Q",
            "q423",
            "Q0423",
            "P31",
            "Q42x",
            "https://www.wikidata.org/wiki/Q423",
            "",
        ] {
            assert!(!is_wikidata_id(bad), "{bad}");
        }
    }

    #[test]
    fn an_actor_with_dated_roles_and_its_item() {
        let r = parse("[[actor]]\nid = \"north-korea\"\nname = \"North Korea\"\nkind = \"state\"\naliases = [\"DPRK\"]\nwikidata = \"Q423\"\n\n[[actor]]\nid = \"x\"\nname = \"X\"\nkind = \"person\"\n\n[[actor.role]]\nrole = \"Minister\"\nfrom = \"2019-03\"\nuntil = \"2024\"\n").unwrap();
        assert_eq!(
            r.same_as("north-korea").as_deref(),
            Some("https://www.wikidata.org/wiki/Q423")
        );
        let role = &r.actors["x"].roles[0];
        assert_eq!(role.from.map(|d| d.iso()).as_deref(), Some("2019-03"));
        assert_eq!(role.until.map(|d| d.iso()).as_deref(), Some("2024"));
        assert_eq!(r.same_as("x"), None);
        assert_eq!(r.language, Lang::En, "English unless the file says");
    }

    #[test]
    fn errors_are_where_they_are_written() {
        let text = "[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\nwikidata = \"423\"\n\n[[actor.role]]\nrole = \"R\"\nfrom = \"2024-01-01\"\nuntil = \"2023-12-31\"\nsource = \"javascript:x\"\n";
        let errors = parse(text).unwrap_err();
        let said: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}: {}", e.line, e.column, e.message))
            .collect();
        assert!(
            said.contains(&"5:12: actor `a`: wikidata `423` is not an item id".to_string()),
            "{said:?}"
        );
        assert!(
            said.iter()
                .any(|s| s.starts_with("10:9: actor `a`: role “R” ends before it starts")),
            "{said:?}"
        );
        assert!(
            said.iter()
                .any(|s| s.starts_with("11:10: actor `a`: a role's source")),
            "{said:?}"
        );
        let unknown =
            parse("[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\nwikipedia = \"x\"\n")
                .unwrap_err();
        assert!(
            unknown[0].message.contains("unknown field `wikipedia`"),
            "{:?}",
            unknown[0]
        );
        assert_eq!(unknown[0].line, 5);
    }

    #[test]
    fn the_sites_language_is_one_of_the_interfaces_and_a_wrong_one_is_placed() {
        let ja =
            parse("language = \"ja\"\n\n[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n")
                .unwrap();
        assert_eq!(ja.language, Lang::Ja);
        assert_eq!(parse("language = \"ko-KR\"\n").unwrap().language, Lang::Ko);
        let errors = parse("# the site\nlanguage = \"fr\"\n").unwrap_err();
        let said = format!(
            "{}:{}:{}: {}",
            errors[0].file, errors[0].line, errors[0].column, errors[0].message
        );
        assert_eq!(
            said,
            "content/site.toml:2:12: the site's language `fr` is not a language of the interface"
        );
        assert_eq!(errors[0].hint.as_deref(), Some("write one of en, ja, ko"));
        // After an `[[actor]]`, the key is the actor's: refused, with where it goes.
        let late =
            parse("[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\nlanguage = \"ja\"\n")
                .unwrap_err();
        assert_eq!(late[0].line, 5);
        assert!(
            late[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("before the first [[actor]]")),
            "{:?}",
            late[0]
        );
    }
}
