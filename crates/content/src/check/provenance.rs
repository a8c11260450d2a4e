//! Step 3 of the pipeline (`check/`), for events: an event's provenance — `stated` (the article
//! gives the date), `record` (the public record does; `article_gives` says how much the article
//! states) or `inferred` (from a weekday the article names, in the seven days up to `week_of`,
//! with the calendar maths of [`marginalia_model::date`]) — checked against its date.

use crate::check::checker::{keyword_hint, Checker};
use crate::read::annotations::{EventEntry, SourceField, Text};
use marginalia_model::date::WEEKDAYS;
use marginalia_model::{DateSpan, Precision, Provenance, RecordSource};

/// The event's provenance, or `None` after reporting what is wrong with it. `date` is the
/// event's date when it parsed.
pub(crate) fn check(c: &mut Checker, e: &EventEntry, date: Option<DateSpan>) -> Option<Provenance> {
    let id = e.id.get_ref();
    let kind = e.provenance.get_ref().as_str();
    if kind != "inferred" {
        for extra in [&e.weekday, &e.week_of].into_iter().flatten() {
            c.err(
                &c.src.events,
                extra,
                format!("event `{id}`: weekday and week_of go only with provenance = \"inferred\""),
            );
        }
    }
    if kind != "record" {
        if let Some(source) = &e.source {
            let at = Text::new(source.span(), String::new());
            c.err(
                &c.src.events,
                &at,
                format!("event `{id}`: source goes only with provenance = \"record\" (the article is this date's source)"),
            );
        }
        if let Some(g) = &e.article_gives {
            c.err(
                &c.src.events,
                g,
                format!("event `{id}`: article_gives goes only with provenance = \"record\""),
            );
        }
    }
    match kind {
        "stated" => Some(Provenance::Stated),
        "record" => {
            let source = record_source(c, e)?;
            Some(Provenance::Record {
                article_gives: e
                    .article_gives
                    .as_ref()
                    .and_then(|g| article_gives(c, id, g, date)),
                source,
            })
        }
        "inferred" => inferred(c, e, date),
        other => {
            c.err_hint(
                &c.src.events,
                &e.provenance,
                format!(
                    "event `{id}`: provenance `{other}` is not one of stated, inferred, record"
                ),
                keyword_hint(other, &["stated", "inferred", "record"]).or_else(|| {
                    Some("stated: the article gives the date; record: the public record does; inferred: the article names a weekday".into())
                }),
            );
            None
        }
    }
}

/// What a recorded date's `source` says: a public text that states the date, or "not checked".
/// Without one, an error at the provenance says how to write either.
fn record_source(c: &mut Checker, e: &EventEntry) -> Option<RecordSource> {
    let id = e.id.get_ref();
    let Some(source) = &e.source else {
        c.err_hint(
            &c.src.events,
            &e.provenance,
            format!("event `{id}`: a date from the public record needs its source"),
            Some(
                "name the public text you read that states the date: source = { title = \"…\", \
                 publisher = \"…\", url = \"https://…\", says = \"its words that give the date\" }; \
                 or, if you found none, source = \"not checked\" (readers are told)"
                    .into(),
            ),
        );
        return None;
    };
    let at = Text::new(source.span(), String::new());
    match source.get_ref() {
        SourceField::Marker(m) if m == "not checked" => Some(RecordSource::NotChecked),
        SourceField::Marker(other) => {
            c.err(
                &c.src.events,
                &at,
                format!("event `{id}`: source must be a table {{ title, publisher, url, says }} or \"not checked\", not \"{other}\""),
            );
            None
        }
        SourceField::Checked(s) => {
            let web = marginalia_model::rules::is_web_address(&s.url);
            let empty = [&s.title, &s.publisher, &s.says]
                .iter()
                .any(|f| f.trim().is_empty());
            if !web || empty {
                c.err(
                    &c.src.events,
                    &at,
                    format!("event `{id}`: a source needs a title, a publisher, the words that state the date (says) and an http(s) url a reader can follow"),
                );
                return None;
            }
            Some(RecordSource::Checked {
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                url: s.url.clone(),
                says: s.says.clone(),
            })
        }
    }
}

/// How much of a recorded date the article gives: less than the date's own precision.
fn article_gives(c: &mut Checker, id: &str, g: &Text, date: Option<DateSpan>) -> Option<Precision> {
    match Precision::parse(g.get_ref()) {
        Some(p) if date.is_none_or(|d| p < d.precision()) => Some(p),
        Some(_) => {
            c.err(
                &c.src.events,
                g,
                format!("event `{id}`: if the article gives the date to this precision, the provenance is \"stated\""),
            );
            None
        }
        None => {
            c.err_hint(
                &c.src.events,
                g,
                format!("event `{id}`: article_gives must be year or month"),
                keyword_hint(g.get_ref(), &["year", "month"]),
            );
            None
        }
    }
}

/// An inferred date: a `weekday` and a `week_of`, which must both be read, and a date that
/// is that weekday in the seven days up to `week_of`.
fn inferred(c: &mut Checker, e: &EventEntry, date: Option<DateSpan>) -> Option<Provenance> {
    let id = e.id.get_ref();
    let (Some(weekday), Some(week_of)) = (&e.weekday, &e.week_of) else {
        c.err(
            &c.src.events,
            &e.provenance,
            format!("event `{id}`: an inferred date needs weekday = \"...\" and week_of = \"YYYY-MM-DD\""),
        );
        return None;
    };
    let Some(day_index) = WEEKDAYS.iter().position(|w| w == weekday.get_ref()) else {
        c.err_hint(
            &c.src.events,
            weekday,
            format!(
                "event `{id}`: `{}` is not a weekday (write it as Monday … Sunday)",
                weekday.get_ref()
            ),
            keyword_hint(weekday.get_ref(), &WEEKDAYS),
        );
        return None;
    };
    let anchor = c.date(&c.src.events, week_of)?;
    check_weekday(c, e, day_index, anchor, date?)?;
    Some(Provenance::Inferred {
        weekday: weekday.get_ref().clone(),
        week_of: anchor.start,
    })
}

/// Checks that `date` is weekday `day_index` (0 = Monday) in the seven days up to `anchor`;
/// `None` after reporting that it is not.
fn check_weekday(
    c: &mut Checker,
    e: &EventEntry,
    day_index: usize,
    anchor: DateSpan,
    date: DateSpan,
) -> Option<()> {
    let id = e.id.get_ref();
    let weekday = WEEKDAYS[day_index];
    let (Some(day), Some(anchor_day)) = (
        date.start.days_since_epoch(),
        anchor.start.days_since_epoch(),
    ) else {
        c.err(
            &c.src.events,
            &e.date,
            format!("event `{id}`: an inferred date and its week_of must both be full dates"),
        );
        return None;
    };
    let right_day = anchor.start.weekday_on_or_before(day_index).map(|d| {
        format!(
            "the {weekday} in the seven days up to {} is {}: date = \"{}\"",
            anchor.start.long(),
            d.long(),
            d.iso()
        )
    });
    if date.start.weekday() != Some(day_index) {
        let message = format!(
            "event `{id}`: {} is a {}, not a {weekday}",
            date.start.long(),
            WEEKDAYS[date.start.weekday().unwrap_or(0)],
        );
        c.err_hint(&c.src.events, &e.date, message, right_day);
        return None;
    }
    if !(0..7).contains(&(anchor_day - day)) {
        let message = format!(
            "event `{id}`: {} is not in the seven days up to {}",
            date.start.long(),
            anchor.start.long()
        );
        c.err_hint(&c.src.events, &e.date, message, right_day);
        return None;
    }
    Some(())
}
