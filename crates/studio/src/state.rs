//! The studio's one reducer: the writer's work ([`Work`]: the pasted text, the meta form and,
//! once drafted, the [`Folder`]) and what follows from it: the suggestions still to review, the
//! preview's article (the last that built: an edit that breaks the article leaves it on screen
//! with the checker's report above it) and the current suggestion. Every change of the folder
//! checks and builds it again here, so the list, the report and the preview always agree with
//! the files. Nothing here reaches the browser: storage and downloads are the components'
//! effects (`crate::web`), as in the viewer.

use crate::edits::{confirm, reject, set_field, suggestions, unmark, File, Suggestion, Value};
use crate::folder::Folder;
use crate::marking::{locate, mark, MarkAs, Selection};
use crate::meta::MetaFields;
use crate::placed::{place, within, Placed};
use marginalia_model::Article;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// What the writer has made, kept in the browser across reloads (`crate::web::storage`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    pub pasted: String,
    pub meta: MetaFields,
    pub folder: Option<Folder>,
    /// The folder's own name, when the writer opened an existing one and the browser gave it
    /// (a picked folder); else the name comes from the title.
    #[serde(default)]
    pub name: Option<String>,
}

impl Work {
    /// The folder's name: its own when opened, else the slug of the title.
    pub fn slug(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.meta.slug())
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StudioState {
    pub work: Work,
    pub suggestions: Rc<Vec<Suggestion>>,
    /// The index in `suggestions` of the current one.
    pub current: usize,
    /// The last article that built, and how many builds have succeeded (the preview is keyed
    /// by it).
    pub article: Option<Rc<Article>>,
    pub builds: u32,
    /// The checker's report of the last build, or the drafter's refusal.
    pub report: Option<String>,
    /// The report's errors with the file and line each points at, to show in place.
    pub placed: Rc<Vec<Placed>>,
    /// What opening a folder left aside (files that are not the article's).
    pub notice: Option<String>,
    /// How long the last check and build took, in milliseconds.
    pub check_ms: f64,
    /// How long the last draft took, drafter, check and build together (ms; `bench/studio.mjs`
    /// reads it).
    pub draft_ms: Option<f64>,
    pub help_open: bool,
    /// The writer's own mark being made (`m`): the selection and the form's refusal, if any.
    pub marking: Option<Rc<Marking>>,
}

/// A mark the writer is making from a selection in the preview ([`crate::marking`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marking {
    /// Where the words are (`None`: nothing was selected in the preview's text).
    pub selection: Option<Selection>,
    /// The selected words, and the sentence(s) they are in, as the checker reads them.
    pub words: String,
    pub sentences: Vec<String>,
    /// Why the selection cannot be marked, or why the last try was refused.
    pub error: Option<String>,
    /// Whether the selection was found in the text (the form's fields are shown only then).
    pub found: bool,
}

/// The fields the form edits, by kind of suggestion.
pub const EDITABLE: [(&str, &[&str]); 4] = [
    ("actor", &["name", "kind", "role", "affiliation"]),
    ("relation", &["sentence", "evidence"]),
    ("quote", &["speakers"]),
    ("event", &["date", "provenance"]),
];

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Paste(String),
    /// An article's saved web page (its HTML): its readable paragraphs become the text, and its
    /// title the form's if the form has none ([`crate::page`]).
    Page(String),
    Meta(&'static str, String),
    Draft,
    /// An existing article folder: its name when the browser gives it, and its files (name,
    /// bytes), taken as they are.
    Open(Option<String>, Vec<(String, Vec<u8>)>),
    /// Back to the start: the draft discarded, the text and the form kept.
    Redraft,
    Select(usize),
    Next,
    Previous,
    /// Confirm or reject the current suggestion.
    Confirm,
    Reject,
    Edit(&'static str, String),
    /// One field of the current suggestion set from the form ([`EDITABLE`]); a quote's
    /// `speakers` is its speakers' ids, separated by commas.
    SetField(&'static str, String),
    Help(bool),
    /// The writer's own mark: the form opened on a selection of the preview (`None`: there is
    /// none), the selection marked as the form says, or the form closed.
    StartMark(Option<Selection>),
    Mark(MarkAs),
    CancelMark,
    /// Work kept from an earlier visit.
    Restore(Box<Work>),
}

impl StudioState {
    pub fn new(work: Work) -> StudioState {
        StudioState::default().with_work(work)
    }

    /// The state after `action`.
    pub fn apply(&self, action: Action) -> StudioState {
        let mut next = self.clone();
        match action {
            Action::Paste(text) => next.work.pasted = text,
            Action::Page(html) => {
                let page = crate::page::read(&html);
                if page.paragraphs.is_empty() {
                    next.report = Some(
                        "No readable paragraphs in that page: paste the article's text instead."
                            .into(),
                    );
                    return next;
                }
                next.work.pasted = page.text();
                if let Some(title) = page
                    .title
                    .filter(|_| next.work.meta.title.trim().is_empty())
                {
                    next.work.meta.title = title;
                }
                next.report = None;
                next.notice = Some(format!(
                    "Read {} paragraphs from the saved page. Check them against the article: take out what is not its text (a byline, a caption, a line of the site's).",
                    page.paragraphs.len()
                ));
            }
            Action::Meta(key, value) => {
                next.work.meta.set(key, value);
                if let Some(folder) = next.work.folder.as_mut() {
                    folder.meta = next.work.meta.set_in_toml(&folder.meta, key);
                    next.rebuild();
                }
            }
            Action::Draft => {
                if next.work.pasted.trim().is_empty() {
                    next.report =
                        Some("Paste the article's text, or open a .md or .txt file, first.".into());
                    return next;
                }
                let started = crate::web::now();
                match Folder::draft(&next.work.pasted, &next.work.meta.to_toml()) {
                    Ok(folder) => {
                        next.work.folder = Some(folder);
                        next.notice = None;
                        next.current = 0;
                        next.rebuild();
                        next.draft_ms = Some(crate::web::now() - started);
                    }
                    Err(message) => next.report = Some(message),
                }
            }
            Action::Open(name, files) => match Folder::open(&files) {
                Ok((folder, ignored)) => {
                    let mut fresh = StudioState::new(Work {
                        pasted: marginalia_draft::strip_marks(&folder.article),
                        meta: MetaFields::from_toml(&folder.meta),
                        folder: Some(folder),
                        name: name.filter(|n| !n.trim().is_empty()),
                    });
                    fresh.notice = (!ignored.is_empty()).then(|| {
                        format!(
                            "Not opened (not an article's file): {}.",
                            ignored.join(", ")
                        )
                    });
                    fresh.help_open = self.help_open;
                    return fresh;
                }
                Err(message) => next.report = Some(message),
            },
            Action::Redraft => {
                next.work.folder = None;
                next.work.name = None;
                next.notice = None;
                next.marking = None;
                next.suggestions = Rc::default();
                next.placed = Rc::default();
                next.article = None;
                next.report = None;
            }
            Action::Select(n) => next.current = n.min(self.suggestions.len().saturating_sub(1)),
            Action::Next => {
                next.current = (self.current + 1).min(self.suggestions.len().saturating_sub(1))
            }
            Action::Previous => next.current = self.current.saturating_sub(1),
            Action::Confirm | Action::Reject => {
                let (Some(s), Some(folder)) = (
                    self.suggestions.get(self.current),
                    next.work.folder.as_mut(),
                ) else {
                    return next;
                };
                let file = match s.file {
                    File::Actors => &mut folder.actors,
                    File::Events => &mut folder.events,
                    File::Quotes => &mut folder.quotes,
                };
                if action == Action::Confirm {
                    *file = confirm(file, s);
                } else {
                    *file = reject(file, s);
                    if s.kind == "actor" {
                        folder.article = unmark(&folder.article, &s.id);
                    }
                }
                next.rebuild();
            }
            Action::Edit(name, text) => {
                if let Some(file) = next.work.folder.as_mut().and_then(|f| f.file_mut(name)) {
                    *file = text;
                    if name == "meta.toml" {
                        next.work.meta = MetaFields::from_toml(file);
                    }
                    next.rebuild();
                }
            }
            Action::SetField(key, value) => {
                let (Some(s), Some(folder)) = (
                    self.suggestions.get(self.current),
                    next.work.folder.as_mut(),
                ) else {
                    return next;
                };
                if !EDITABLE
                    .iter()
                    .any(|(kind, keys)| *kind == s.kind && keys.contains(&key))
                {
                    return next;
                }
                let file = match s.file {
                    File::Actors => &mut folder.actors,
                    File::Events => &mut folder.events,
                    File::Quotes => &mut folder.quotes,
                };
                let edited = if key == "speakers" {
                    let ids: Vec<String> = value
                        .split(',')
                        .map(|id| id.trim().to_string())
                        .filter(|id| !id.is_empty())
                        .collect();
                    if ids.len() > 1 {
                        set_field(file, s, "speakers", &Value::List(ids), &["speaker"])
                    } else {
                        let one = ids.into_iter().next().unwrap_or_default();
                        set_field(file, s, "speaker", &Value::Text(one), &["speakers"])
                    }
                } else {
                    set_field(file, s, key, &Value::Text(value), &[])
                };
                if edited != *file {
                    *file = edited;
                    next.rebuild();
                }
            }
            Action::Help(open) => next.help_open = open,
            Action::StartMark(selection) => {
                let Some(folder) = &next.work.folder else {
                    return next;
                };
                let found = selection
                    .as_ref()
                    .ok_or_else(|| {
                        "Select words in the preview's text first, then press m (or Mark selection)."
                            .to_string()
                    })
                    .and_then(|s| locate(&folder.article, s));
                next.marking = Some(Rc::new(match found {
                    Ok(at) => Marking {
                        sentences: crate::marking::sentences(&at),
                        words: at.words,
                        selection,
                        error: None,
                        found: true,
                    },
                    Err(error) => Marking {
                        words: selection
                            .as_ref()
                            .map(|s| s.text.clone())
                            .unwrap_or_default(),
                        selection,
                        error: Some(error),
                        ..Marking::default()
                    },
                }));
            }
            Action::Mark(what) => {
                let (Some(marking), Some(folder)) = (&self.marking, next.work.folder.as_mut())
                else {
                    return next;
                };
                let Some(selection) = &marking.selection else {
                    return next;
                };
                match mark(folder, selection, &what) {
                    Ok((marked, done)) => {
                        *folder = marked;
                        next.marking = None;
                        next.notice = Some(done);
                        next.rebuild();
                    }
                    Err(error) => {
                        next.marking = Some(Rc::new(Marking {
                            error: Some(error),
                            ..(**marking).clone()
                        }));
                    }
                }
            }
            Action::CancelMark => next.marking = None,
            Action::Restore(work) => return StudioState::new(*work),
        }
        next
    }

    fn with_work(mut self, work: Work) -> StudioState {
        self.work = work;
        if self.work.folder.is_some() {
            self.rebuild();
        }
        self
    }

    /// The suggestions, the report and the preview, from the folder as it is now.
    fn rebuild(&mut self) {
        let Some(folder) = &self.work.folder else {
            return;
        };
        let started = crate::web::now();
        match folder.preview(&self.work.slug()) {
            Ok(article) => {
                self.article = Some(Rc::new(article));
                self.builds += 1;
                self.report = None;
            }
            Err(report) => self.report = Some(report),
        }
        let placed = self.report.as_deref().map(place).unwrap_or_default();
        let mut found = suggestions(&folder.actors, &folder.events, &folder.quotes);
        for s in &mut found {
            let text = folder.file(s.file.name());
            let own = s.line..crate::edits::own_lines(text, s).end;
            s.errors = within(&placed, s.file.name(), own)
                .into_iter()
                .map(|p| p.text.clone())
                .collect();
        }
        self.suggestions = Rc::new(found);
        self.placed = Rc::new(placed);
        self.current = self.current.min(self.suggestions.len().saturating_sub(1));
        self.check_ms = crate::web::now() - started;
    }
}

impl Reducible for StudioState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article of `meta` and `article` (marks taken out) pasted, its meta typed, drafted.
    fn drafted(meta: &str, article: &str) -> StudioState {
        let table: toml::Table = meta.parse().unwrap();
        let s =
            |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let source = table["source"].as_table().unwrap();
        let state = StudioState::default()
            .apply(Action::Paste(marginalia_draft::strip_marks(article)))
            .apply(Action::Meta("title", s(&table, "title")))
            .apply(Action::Meta("page_date", s(&table, "page_date")))
            .apply(Action::Meta("page_date_text", s(&table, "page_date_text")))
            .apply(Action::Meta("source_name", s(source, "name")))
            .apply(Action::Meta("source_date", s(source, "date")));
        state.apply(Action::Draft)
    }

    fn seedless() -> StudioState {
        drafted(
            include_str!("../../../content/us-rok-japan-joint-statement/meta.toml"),
            include_str!("../../../content/us-rok-japan-joint-statement/article.md"),
        )
    }

    /// The seed drafted from its text, as the e2e test pastes it.
    fn seed_drafted() -> StudioState {
        drafted(
            include_str!("../../../content/putin-kim-pact/meta.toml"),
            include_str!("../../../content/putin-kim-pact/article.md"),
        )
    }

    #[test]
    fn drafting_previews_and_lists_the_suggestions() {
        let s = seedless();
        assert!(s.report.is_none(), "{:?}", s.report);
        assert!(s.article.as_ref().is_some_and(|a| !a.suggested.is_empty()));
        assert_eq!(s.builds, 1);
        assert!(s.suggestions.len() > 10);
    }

    #[test]
    fn confirming_every_suggestion_gives_an_article_that_builds_unpreviewed() {
        let mut s = seedless();
        let mut steps = 0;
        while !s.suggestions.is_empty() && steps < 100 {
            // A title is a name nobody said: confirm it as drafted.
            s = s.apply(Action::Confirm);
            steps += 1;
        }
        let folder = s.work.folder.as_ref().unwrap();
        assert!(!folder.actors.contains("status ="));
        // Empty descriptions are the checker's to point at: the report says where.
        let sources = marginalia_content::Sources::from_texts(
            "s",
            [
                &folder.meta,
                &folder.article,
                &folder.actors,
                &folder.events,
                &folder.quotes,
            ],
        );
        if let Err(errors) = marginalia_content::build_article(&sources) {
            let report = marginalia_content::report(&errors);
            assert!(!report.contains("suggestion"), "{report}");
        }
    }

    #[test]
    fn rejecting_an_actor_unmarks_it_and_moves_to_the_next() {
        let s = seedless();
        let first = s.suggestions[0].clone();
        assert_eq!(first.kind, "actor");
        let s = s.apply(Action::Reject);
        let folder = s.work.folder.as_ref().unwrap();
        assert!(!folder.article.contains(&format!("(actor:{})", first.id)));
        assert_ne!(s.suggestions[0].id, first.id);
    }

    #[test]
    fn a_broken_edit_keeps_the_last_article_and_reports() {
        let s = seedless();
        let s = s.apply(Action::Edit("quotes.toml", "[[quote]\n".into()));
        assert!(s.article.is_some());
        assert!(
            s.report
                .as_ref()
                .is_some_and(|r| r.contains("quotes.toml:1:")),
            "{:?}",
            s.report
        );
    }

    #[test]
    fn a_saved_page_gives_the_text_and_the_title_left_empty() {
        let html = "<html><head><title>Site | T</title><script>x()</script></head><body>\
            <nav>Home</nav><article><h1>The headline</h1><p>One.</p><p>Two &amp; three.</p>\
            </article><footer>Foot</footer></body></html>";
        let s = StudioState::default().apply(Action::Page(html.into()));
        assert_eq!(s.work.pasted, "One.\n\nTwo & three.");
        assert_eq!(s.work.meta.title, "The headline");
        assert!(s
            .notice
            .as_ref()
            .is_some_and(|n| n.contains("2 paragraphs")));
        // A title typed already stays.
        let s = StudioState::default()
            .apply(Action::Meta("title", "Mine".into()))
            .apply(Action::Page(html.into()));
        assert_eq!(s.work.meta.title, "Mine");
        // A page with nothing readable: said, and the text left as it was.
        let s = StudioState::default()
            .apply(Action::Paste("kept".into()))
            .apply(Action::Page("<nav>x</nav><script>y</script>".into()));
        assert_eq!(s.work.pasted, "kept");
        assert!(s.report.is_some());
    }

    #[test]
    fn the_form_edits_the_current_suggestion_s_lines_only() {
        let s = seedless();
        let actor = s.suggestions[0].clone();
        assert_eq!(actor.kind, "actor");
        let before = s.work.folder.clone().unwrap();
        let s2 = s.apply(Action::SetField("role", "Ambassador".into()));
        let after = s2.work.folder.clone().unwrap();
        assert_eq!(after.events, before.events);
        assert_eq!(after.quotes, before.quotes);
        assert_eq!(after.article, before.article);
        let changed: Vec<&str> = after
            .actors
            .lines()
            .zip(before.actors.lines())
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a)
            .collect();
        assert_eq!(changed, ["role = \"Ambassador\""]);
        assert_eq!(after.actors.lines().count(), before.actors.lines().count());
        // Still the current suggestion, re-checked; confirming it keeps the role.
        assert_eq!(s2.suggestions[s2.current].id, actor.id);
        assert_eq!(s2.builds, s.builds + 1);
        let s3 = s2.apply(Action::Confirm);
        assert!(s3
            .work
            .folder
            .unwrap()
            .actors
            .contains("role = \"Ambassador\""));
        // A field the form does not edit (an id would strand its marks) changes nothing.
        let same = s.apply(Action::SetField("id", "other".into()));
        assert_eq!(same.work.folder, s.work.folder);
        assert_eq!(same.builds, s.builds);
    }

    #[test]
    fn a_quote_s_speakers_and_an_event_s_date_from_the_form() {
        let s = seed_drafted();
        let quote = s
            .suggestions
            .iter()
            .position(|x| x.kind == "quote")
            .unwrap();
        let s = s.apply(Action::Select(quote));
        let id = s.suggestions[quote].id.clone();
        let two = s.apply(Action::SetField("speakers", "biden, kishida ,".into()));
        let quotes = &two.work.folder.as_ref().unwrap().quotes;
        assert!(
            quotes.contains("speakers = [\"biden\", \"kishida\"]"),
            "{quotes}"
        );
        let current = &two.suggestions[two.current];
        assert_eq!(current.id, id);
        assert_eq!(
            crate::edits::field(quotes, current, "speakers").as_deref(),
            Some("biden, kishida")
        );
        let event = s
            .suggestions
            .iter()
            .position(|x| x.kind == "event")
            .unwrap();
        let s = s.apply(Action::Select(event));
        let e = s.suggestions[event].clone();
        let events = &s.work.folder.as_ref().unwrap().events;
        let date = crate::edits::field(events, &e, "date").unwrap();
        let year = crate::edits::to_precision(&date, "year").unwrap();
        let s = s.apply(Action::SetField("date", year.clone()));
        let events = &s.work.folder.as_ref().unwrap().events;
        assert_eq!(
            crate::edits::field(events, &s.suggestions[s.current], "date"),
            Some(year)
        );
    }

    #[test]
    fn an_error_shows_on_the_suggestion_whose_lines_hold_it() {
        let s = seedless();
        assert!(s.placed.is_empty());
        assert!(s.suggestions.iter().all(|x| x.errors.is_empty()));
        let actor = s.suggestions[0].clone();
        let s = s.apply(Action::SetField("kind", "planet".into()));
        let report = s.report.clone().expect("a kind the checker refuses");
        assert!(!s.placed.is_empty(), "{report}");
        let errors = &s.suggestions[0].errors;
        assert_eq!(s.suggestions[0].id, actor.id);
        assert_eq!(errors.len(), 1, "{report}");
        assert!(
            errors[0].contains("actors.toml:") && report.contains(&errors[0]),
            "{errors:?}"
        );
        // No other suggestion holds it.
        assert!(s.suggestions[1..].iter().all(|x| x.errors.is_empty()));
        // Fixed, it is gone from both.
        let s = s.apply(Action::SetField("kind", actor_kind(&actor)));
        assert!(s.report.is_none() && s.placed.is_empty() && s.suggestions[0].errors.is_empty());
    }

    #[test]
    fn an_actor_s_affiliation_and_the_sentence_a_relation_cites_from_the_form() {
        let s = seed_drafted();
        let person = s
            .suggestions
            .iter()
            .position(|x| x.kind == "actor" && x.label.ends_with("(person)"))
            .expect("a person drafted");
        let id = s.suggestions[person].id.clone();
        let s = s.apply(Action::Select(person));
        let before = s.work.folder.clone().unwrap().actors;
        let was = crate::edits::field(&before, &s.suggestions[person], "affiliation");
        let other = if was.as_deref() == Some("russia") {
            "north-korea"
        } else {
            "russia"
        };
        let s2 = s.apply(Action::SetField("affiliation", other.into()));
        let after = s2.work.folder.clone().unwrap().actors;
        let current = &s2.suggestions[s2.current];
        assert_eq!(current.id, id);
        assert_eq!(
            crate::edits::field(&after, current, "affiliation").as_deref(),
            Some(other)
        );
        // One line, of that actor's entry, and nothing else.
        let added = after.lines().count() as i64 - before.lines().count() as i64;
        let changed = after
            .lines()
            .zip(before.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert!(
            (added == 0 && changed == 1)
                || (added == 1 && after.contains(&format!("affiliation = \"{other}\""))),
            "{added} {changed}"
        );
        assert!(s2.report.is_none(), "{:?}", s2.report);

        // A relation: the sentence it cites (the drafter writes where it is, `sentence =
        // "P.S"`), from the form; a place the article does not have is the checker's error, on
        // the relation.
        let relation = s
            .suggestions
            .iter()
            .position(|x| x.kind == "relation")
            .expect("a relation drafted");
        let s = s.apply(Action::Select(relation));
        let r = s.suggestions[relation].clone();
        let actors = s.work.folder.clone().unwrap().actors;
        let cited = crate::edits::field(&actors, &r, "sentence").expect("its sentence");
        let s3 = s.apply(Action::SetField("sentence", "99.1".into()));
        let actors3 = s3.work.folder.clone().unwrap().actors;
        let current = &s3.suggestions[s3.current];
        assert_eq!(current.id, r.id);
        assert_eq!(
            crate::edits::field(&actors3, current, "sentence").as_deref(),
            Some("99.1")
        );
        assert_eq!(actors3.lines().count(), actors.lines().count());
        assert!(
            s3.report.is_some(),
            "a sentence the article does not have is refused"
        );
        assert!(!current.errors.is_empty(), "the error is on the relation");
        let s4 = s3.apply(Action::SetField("sentence", cited));
        assert!(s4.report.is_none(), "{:?}", s4.report);
    }

    fn actor_kind(s: &Suggestion) -> String {
        s.label
            .rsplit('(')
            .next()
            .unwrap()
            .trim_end_matches(')')
            .to_string()
    }

    #[test]
    fn keys_step_within_the_list() {
        let s = seedless();
        let last = s.suggestions.len() - 1;
        assert_eq!(s.apply(Action::Previous).current, 0);
        assert_eq!(
            s.apply(Action::Select(last)).apply(Action::Next).current,
            last
        );
    }

    const SEED: [(&str, &[u8]); 5] = [
        (
            "meta.toml",
            include_bytes!("../../../content/putin-kim-pact/meta.toml"),
        ),
        (
            "article.md",
            include_bytes!("../../../content/putin-kim-pact/article.md"),
        ),
        (
            "actors.toml",
            include_bytes!("../../../content/putin-kim-pact/actors.toml"),
        ),
        (
            "events.toml",
            include_bytes!("../../../content/putin-kim-pact/events.toml"),
        ),
        (
            "quotes.toml",
            include_bytes!("../../../content/putin-kim-pact/quotes.toml"),
        ),
    ];

    fn opened_seed() -> StudioState {
        let files = SEED
            .iter()
            .map(|(n, b)| (format!("putin-kim-pact/{n}"), b.to_vec()))
            .collect();
        StudioState::default().apply(Action::Open(Some("putin-kim-pact".into()), files))
    }

    /// The zip's entries, as (path, bytes).
    fn download(s: &StudioState) -> Vec<(String, Vec<u8>)> {
        let zip = s.work.folder.as_ref().unwrap().zip(&s.work.slug());
        crate::zip::read_back(&zip)
    }

    /// The lines of `after` that differ from `before` (a line diff of equal line counts, or
    /// the one line added or taken away).
    fn changed_lines(before: &[u8], after: &[u8]) -> usize {
        let (a, b) = (
            std::str::from_utf8(before).unwrap(),
            std::str::from_utf8(after).unwrap(),
        );
        let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        if a.len() == b.len() {
            a.iter().zip(&b).filter(|(x, y)| x != y).count()
        } else {
            let (long, short) = if a.len() > b.len() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            let at = long
                .iter()
                .zip(short.iter())
                .take_while(|(x, y)| x == y)
                .count();
            assert_eq!(&long[at + 1..], &short[at..], "more than one line differs");
            long.len() - short.len()
        }
    }

    #[test]
    fn the_seed_opened_and_downloaded_unchanged_is_byte_identical() {
        let s = opened_seed();
        assert!(s.report.is_none(), "{:?}", s.report);
        assert!(s.article.is_some());
        assert!(s.suggestions.is_empty());
        assert_eq!(
            s.work.meta.title,
            "Japan and South Korea sound alarm over Putin-Kim military pact"
        );
        let entries = download(&s);
        assert_eq!(entries.len(), SEED.len(), "no draft.toml added");
        for ((path, bytes), (name, seed)) in entries.iter().zip(SEED) {
            assert_eq!(path, &format!("putin-kim-pact/{name}"));
            assert_eq!(bytes.as_slice(), seed, "{name}");
        }
        // Kept and restored (the browser's round trip), still the same bytes.
        let restored = StudioState::new(s.work.clone());
        assert_eq!(download(&restored), entries);
    }

    #[test]
    fn one_edit_of_an_opened_folder_changes_one_line() {
        let s = opened_seed();
        let before = download(&s);
        // A meta field in the form: one line of meta.toml.
        let after = download(&s.apply(Action::Meta("page_date_text", "15 July 2024".into())));
        for ((path, a), (_, b)) in before.iter().zip(&after) {
            let n = changed_lines(a, b);
            assert_eq!(n, usize::from(path.ends_with("meta.toml")), "{path}");
        }
        // A fix in the Files panel: that line only.
        let events = std::str::from_utf8(SEED[3].1).unwrap();
        let fixed = events.replacen("treaty signed in Moscow\"", "treaty signed at Moscow\"", 1);
        assert_ne!(fixed, events);
        let edited = s.apply(Action::Edit("events.toml", fixed));
        assert!(edited.report.is_none(), "{:?}", edited.report);
        let after = download(&edited);
        for ((path, a), (_, b)) in before.iter().zip(&after) {
            assert_eq!(
                changed_lines(a, b),
                usize::from(path.ends_with("events.toml")),
                "{path}"
            );
        }
    }

    #[test]
    fn a_selection_marked_is_written_and_checked_again() {
        let s = opened_seed();
        let article = s.work.folder.as_ref().unwrap().article.clone();
        let s = s.apply(Action::Edit(
            "article.md",
            article.replacen("[Tokyo](actor:japan)", "Tokyo", 1),
        ));
        // Nothing selected: the form says so, and offers no mark.
        let none = s.apply(Action::StartMark(None));
        let m = none.marking.clone().unwrap();
        assert!(!m.found && m.error.as_ref().is_some_and(|e| e.contains("Select words")));
        assert_eq!(none.apply(Action::CancelMark).marking, None);
        // “Tokyo” in paragraph 9, as the preview gives it.
        let text = "Japan’s chief cabinet secretary Yoshimasa Hayashi also opposed the partnership, saying Tokyo";
        let start = text.encode_utf16().count() - 5;
        let selection = crate::marking::Selection {
            start_block: 8,
            start,
            end_block: 8,
            end: start + 5,
            text: "Tokyo".into(),
        };
        let s = s.apply(Action::StartMark(Some(selection)));
        let m = s.marking.clone().unwrap();
        assert!(m.found && m.error.is_none(), "{m:?}");
        assert_eq!(m.words, "Tokyo");
        assert_eq!(m.sentences.len(), 1);
        // Refused: said in the form, which stays open; nothing written.
        let refused = s.apply(Action::Mark(MarkAs::Actor { id: "tokyo".into() }));
        assert!(refused.marking.as_ref().unwrap().error.is_some());
        assert_eq!(refused.work.folder, s.work.folder);
        assert_eq!(refused.builds, s.builds);
        // Marked: written, checked and built again, the form closed.
        let done = s.apply(Action::Mark(MarkAs::Actor { id: "japan".into() }));
        assert_eq!(done.work.folder.as_ref().unwrap().article, article);
        assert_eq!(done.builds, s.builds + 1);
        assert!(done.report.is_none(), "{:?}", done.report);
        assert_eq!(done.marking, None);
        assert_eq!(
            done.notice.as_deref(),
            Some("Marked “Tokyo” as actor japan.")
        );
    }

    #[test]
    fn picked_files_without_a_folder_name_or_with_strays() {
        let files = SEED
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        let s = StudioState::default().apply(Action::Open(None, files));
        assert_eq!(
            s.work.slug(),
            "japan-and-south-korea-sound-alarm-over-putin"
        );
        // A folder that is not an article's: said, and the seed's own refused without meta.
        let s = StudioState::default().apply(Action::Open(
            None,
            vec![("article.md".into(), SEED[1].1.to_vec())],
        ));
        assert!(s.work.folder.is_none());
        assert!(
            s.report.as_ref().is_some_and(|r| r.contains("meta.toml")),
            "{:?}",
            s.report
        );
        let mut files: Vec<(String, Vec<u8>)> = SEED
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        files.push(("notes.txt".into(), b"x".to_vec()));
        let s = StudioState::default().apply(Action::Open(None, files));
        assert!(s.notice.as_ref().is_some_and(|n| n.contains("notes.txt")));
    }
}
