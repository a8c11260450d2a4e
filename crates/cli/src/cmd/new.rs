//! `marginalia new <SLUG> [--content DIR]` (what `make new SLUG=<slug>` runs): writes
//! `content/<slug>/` with the five files of an article, small and complete: it passes the
//! checker as it is, and its comments say what each field takes. Dated today (UTC).
//!
//! The slug is the article's address ([`marginalia_model::rules::is_slug`], the one rule the
//! build and the viewer follow too). An existing folder is never written over.
//!
//! Status: fine when written, failed when the folder exists or cannot be written, usage on a
//! bad slug.

use super::Status;
use marginalia_model::rules::is_slug;
use std::path::Path;

pub fn run(slug: &str, content: &Path) -> Status {
    if !is_slug(slug) {
        eprintln!(
            "error: `{slug}` cannot be an article's address: use lowercase letters, digits and hyphens (not first or last), such as `harbour-lights-2025`"
        );
        return Status::Usage;
    }
    let dir = content.join(slug);
    if dir.exists() {
        eprintln!(
            "error: {} already exists; choose another slug, or edit that article",
            dir.display()
        );
        return Status::Failed;
    }
    let files = skeleton(today());
    let texts: [&str; 5] = std::array::from_fn(|i| files[i].as_str());
    let shown = dir.display().to_string();
    let sources = marginalia_content::Sources::from_texts(&shown, texts);
    if let Err(errors) = marginalia_content::build_article(&sources) {
        eprintln!("{}", marginalia_content::report(&errors));
        eprintln!("error: the skeleton does not pass the checker (a bug of this command)");
        return Status::Failed;
    }
    if let Err(e) = write(&dir, &files) {
        eprintln!("error: cannot write {shown}: {e}");
        return Status::Failed;
    }
    println!(
        "wrote {shown}/: {}\n\
         next: replace the text and the annotations with your article's (docs/authoring.md),\n\
         \x20     preview it with `marginalia serve --watch` (`make dev` in the repository),\n\
         \x20     check it with `marginalia check {shown}`",
        marginalia_content::FILE_NAMES.join(", ")
    );
    Status::Fine
}

/// Creates the folder (and `content/` if need be) and writes the five files.
fn write(dir: &Path, files: &[String; 5]) -> std::io::Result<()> {
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    // Fails if another process made the folder since it was looked for.
    std::fs::create_dir(dir)?;
    for (name, text) in marginalia_content::FILE_NAMES.iter().zip(files) {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

fn today() -> marginalia_model::PartialDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    marginalia_model::PartialDate::from_days_since_epoch((seconds / 86_400) as i64)
}

/// The five files (in the order of `FILE_NAMES`), dated `date`.
fn skeleton(date: marginalia_model::PartialDate) -> [String; 5] {
    let (iso, long) = (date.iso(), date.long());
    let sentence = format!(
        "On {long} Ada Byrne, the editor of The Example Gazette, wrote the skeleton of an article."
    );
    [
        meta_toml(&iso, &long),
        article_md(&long),
        actors_toml(&sentence),
        events_toml(&iso, &sentence),
        QUOTES_TOML.to_string(),
    ]
}

fn meta_toml(iso: &str, long: &str) -> String {
    format!(
        r#"# meta.toml: what the page says about the article. Every field is described in
# docs/authoring.md; replace each value and keep the keys. Text goes between "…"; inside it,
# type “ ” for quotation marks and ’ for apostrophes.
title = "Replace this with the article’s title"
# standfirst = "One sentence under the title"   # optional
# byline = "By Ada Byrne"                      # optional: the author, as the page prints it
# The page's own date (YYYY-MM-DD), and that date exactly as the page prints it:
page_date = "{iso}"
page_date_text = "{long}"
publisher_address = "Replace with the publisher’s address line, as the page gives it"
language = "en"                      # the language of the text
# ui_language = "ja"                 # optional: the page's interface (en, ja or ko), if not the site's

[source]                             # where the article first appeared
name = "The Example Gazette"         # shown exactly as written
actor = "gazette"                    # optional: the publisher's id in actors.toml
# The date it first appeared (YYYY-MM-DD); the page reads "Republished" if its date differs.
date = "{iso}"
"#
    )
}

fn article_md(long: &str) -> String {
    format!(
        "On {long} [Ada Byrne](actor:byrne), the editor of [The Example Gazette](actor:gazette), wrote the skeleton of an article. “Every fact needs a source,” [Byrne](actor:byrne) said.\n\
         \n\
         Replace these paragraphs with the article’s text, one blank line between paragraphs, and mark each mention of an actor as a link to its id.\n"
    )
}

fn actors_toml(sentence: &str) -> String {
    format!(
        r#"# actors.toml: the people, states, organisations and media the article names. Each one
# needs at least one mention in article.md, written [name](actor:id).

[[actor]]
id = "byrne"                         # lowercase letters, digits and hyphens
name = "Ada Byrne"
kind = "person"                      # person | state | organisation | media
role = "Editor of The Example Gazette"   # as the article gives it
affiliation = "gazette"              # optional: another actor's id
aliases = ["Byrne"]                  # other names the text uses (still mark each mention)
description = "The editor who wrote this skeleton."

[[actor.relation]]                   # optional, any number: byrne is part-of gazette
kind = "part-of"                     # ally partner opposes criticises supplies sanctions model-for member-of part-of reports-on
target = "gazette"
evidence = "{sentence}"

[[actor]]
id = "gazette"
name = "The Example Gazette"
kind = "media"
role = "Publisher of the article"
aliases = []
description = "The newspaper that publishes the article."
"#
    )
}

fn events_toml(iso: &str, sentence: &str) -> String {
    format!(
        r#"# events.toml: the dated events behind the timeline, oldest first.

[[event]]
id = "skeleton-written"
# YYYY, YYYY-MM or YYYY-MM-DD, or a range START/END:
date = "{iso}"
title = "The skeleton is written"
description = "Ada Byrne writes the skeleton of an article."
actors = ["byrne"]
sentences = [                        # sentences of article.md that mention it, copied exactly
  "{sentence}",
]
provenance = "stated"                # stated: a sentence gives the date | inferred | record
# note = "…"                         # optional: replaces the viewer's explanation of the date
"#
    )
}

const QUOTES_TOML: &str = r#"# quotes.toml: every passage article.md puts between “ and ”.

[[quote]]
id = "byrne-every-fact"
speaker = "byrne"                    # an actor id
text = "Every fact needs a source,"  # the words between the marks, exactly
event = "skeleton-written"           # optional: the event it was said at
context = "Byrne on what the checker asks of an article."
"#;
