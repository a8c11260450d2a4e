//! Step 3 of the pipeline (`check/`), for events: a `stated` date must be stated. One of the
//! event's sentences, or the page's own date line, must give the date to its precision in a
//! form read here:
//!
//! - a day and a month: "19 June", "June 19", "19th June", "19–20 July" (a range), with the
//!   year or without it (then the year of the report, `source.date`);
//! - a month: "March 2024", or "March" alone ("in March": the report's year);
//! - a year: "1987";
//! - a weekday, resolved as for `inferred`: "on Wednesday" is the Wednesday in the seven days
//!   up to the report.
//!
//! Month names are read capitalised only ("May", not "may"), in full or shortened ("Sept").

use crate::check::checker::Checker;
use crate::read::annotations::{EventEntry, MetaFile};
use marginalia_model::date::{MONTHS, WEEKDAYS};
use marginalia_model::said::{dates_in, Said};
use marginalia_model::{DateSpan, PartialDate, Precision};

/// The dates the article is read against: its report's (the source's) and the page's own.
#[derive(Clone, Debug, Default)]
pub(crate) struct Reference {
    pub report: Option<PartialDate>,
    pub page: Option<PartialDate>,
    pub page_text: String,
}

/// The dates of `meta.toml` (each `None` when it is not a date: that is reported there).
pub(crate) fn reference(m: &MetaFile) -> Reference {
    let date =
        |t: &crate::read::annotations::Text| DateSpan::parse(t.get_ref()).ok().map(|d| d.start);
    Reference {
        report: date(&m.source.date),
        page: date(&m.page_date),
        page_text: m.page_date_text.get_ref().clone(),
    }
}

/// How much of `date` the dates `said` give: `Some(date's precision)` when all of it. A date
/// without its year is in the year of `report`; a weekday is resolved against `report`.
pub(crate) fn given(
    date: PartialDate,
    said: &[Said],
    report: Option<PartialDate>,
) -> Option<Precision> {
    let year_ok = |s: &Said| {
        s.year == Some(date.year)
            || (s.year.is_none() && report.is_some_and(|r| r.year == date.year))
    };
    let by_weekday = |s: &Said| {
        s.weekday.is_some_and(|w| {
            report.and_then(|r| r.weekday_on_or_before(w)) == Some(date) && date.day.is_some()
        })
    };
    let day = said.iter().any(|s| {
        (s.day.is_some() && s.day == date.day && s.month == date.month && year_ok(s))
            || by_weekday(s)
    });
    let month = said
        .iter()
        .any(|s| s.month.is_some() && s.month == date.month && year_ok(s));
    let year = said.iter().any(|s| s.year == Some(date.year));
    let best = if day && date.day.is_some() {
        Some(Precision::Day)
    } else if month {
        Some(Precision::Month)
    } else if year {
        Some(Precision::Year)
    } else {
        None
    };
    best.map(|p| p.min(date.precision()))
}

/// Checks a `stated` event whose sentences were all found; reports a date they do not give.
pub(crate) fn check(c: &mut Checker, e: &EventEntry, date: DateSpan, reference: &Reference) {
    let said: Vec<Said> = e
        .sentences
        .iter()
        .flat_map(|s| dates_in(s.get_ref()))
        .collect();
    let page_said = dates_in(&reference.page_text);
    let ends = [Some(date.start), date.end];
    let mut least: Option<Option<Precision>> = None;
    for d in ends.into_iter().flatten() {
        let in_sentences = given(d, &said, reference.report);
        let on_page = (reference.page == Some(d))
            .then(|| given(d, &page_said, reference.page))
            .flatten();
        let got = in_sentences.max(on_page);
        if got != Some(d.precision()) && least.is_none_or(|l| got < l) {
            least = Some(got);
        }
    }
    let Some(got) = least else { return };
    let id = e.id.get_ref();
    let n = e.sentences.len();
    let long = date.long();
    let message = match n {
        0 => format!("event `{id}`: provenance is \"stated\" but it lists no sentence that gives the date, {long}"),
        1 => format!("event `{id}`: provenance is \"stated\" but its sentence does not give the date, {long}"),
        n => format!("event `{id}`: provenance is \"stated\" but none of its {n} sentences gives the date, {long}"),
    };
    let shown: Vec<String> = said.iter().filter_map(show).collect();
    // "19 June 2024" also reads as "June 2024" and "2024": show it once.
    let mut read: Vec<&str> = shown
        .iter()
        .filter(|s| {
            !shown
                .iter()
                .any(|t| t.len() > s.len() && t.ends_with(s.as_str()))
        })
        .map(String::as_str)
        .collect();
    read.dedup();
    let hint = hint(date, got, reference.report, n, &read);
    let at = e.sentences.first().unwrap_or(&e.provenance);
    c.err_hint(&c.src.events, at, message, Some(hint));
}

/// What was looked for, what was found, and what to write instead.
fn hint(
    date: DateSpan,
    got: Option<Precision>,
    report: Option<PartialDate>,
    n: usize,
    read: &[&str],
) -> String {
    let d = date.start;
    let same_year = report.is_some_and(|r| r.year == d.year);
    let month = d.month.map_or("", |m| MONTHS[m as usize - 1]);
    let mut forms = match (d.day, d.month) {
        (Some(day), Some(_)) if same_year => {
            format!(
                "“{day} {month}” or “{month} {day}” (with or without {})",
                d.year
            )
        }
        (Some(day), Some(_)) => format!("“{day} {month} {0}” or “{month} {day}, {0}”", d.year),
        (None, Some(_)) if same_year => format!("“{month} {}”, or “{month}” alone", d.year),
        (None, Some(_)) => format!("“{month} {}”", d.year),
        _ => format!("“{}”", d.year),
    };
    let weekday = d
        .weekday()
        .filter(|&w| report.and_then(|r| r.weekday_on_or_before(w)) == Some(d));
    if let (Some(w), Some(r)) = (weekday, report) {
        forms.push_str(&format!(
            ", or “{0}” (the {0} in the seven days up to the report of {1})",
            WEEKDAYS[w],
            r.long()
        ));
    }
    match got {
        Some(p) => format!(
            "looked for {forms}; {1} only the {0}: if the rest of the date is from the public record, write provenance = \"record\" and article_gives = \"{0}\"",
            p.as_str(),
            if n == 1 { "the sentence gives" } else { "the sentences give" }
        ),
        None => format!(
            "looked for {forms} and read {}; list the sentence that gives the date, or, if it is from the public record, write provenance = \"record\"",
            if read.is_empty() { "no date".to_string() } else { format!("only {}", read.join(", ")) }
        ),
    }
}

/// A date read in a text, for a hint ("21 June", "March 2024", "Wednesday").
fn show(s: &Said) -> Option<String> {
    let month = s.month.map(|m| MONTHS[m as usize - 1]);
    let text = match (s.day, month, s.year, s.weekday) {
        (_, _, _, Some(w)) => WEEKDAYS[w].to_string(),
        (Some(d), Some(m), y, _) => {
            format!("{d} {m}{}", y.map_or(String::new(), |y| format!(" {y}")))
        }
        (None, Some(m), y, _) => format!("{m}{}", y.map_or(String::new(), |y| format!(" {y}"))),
        (_, None, Some(y), _) => y.to_string(),
        _ => return None,
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parts = (Option<u8>, Option<u8>, Option<i32>, Option<usize>);

    fn said(text: &str) -> Vec<Parts> {
        dates_in(text)
            .into_iter()
            .map(|s| (s.day, s.month, s.year, s.weekday))
            .collect()
    }

    #[test]
    fn dates_are_read_in_the_usual_forms() {
        assert_eq!(
            said("on 19 June 2024.")[0],
            (Some(19), Some(6), Some(2024), None)
        );
        assert_eq!(
            said("June 19, 2024")[1],
            (Some(19), Some(6), Some(2024), None)
        );
        assert_eq!(said("in March, it"), [(None, Some(3), None, None)]);
        assert_eq!(said("on Wednesday"), [(None, None, None, Some(2))]);
        assert_eq!(
            said("since 1987 and 24 years"),
            [(None, None, Some(1987), None)]
        );
        assert_eq!(
            said("19–20 July 2000")[..2],
            [
                (Some(19), Some(7), Some(2000), None),
                (Some(20), Some(7), Some(2000), None)
            ]
        );
        assert_eq!(said("Sept. 13th")[1], (Some(13), Some(9), None, None));
        assert!(said("you may march").is_empty());
    }

    #[test]
    fn a_date_is_given_to_its_precision_or_less() {
        let report = Some(PartialDate::day(2024, 6, 20));
        let d = |s: &str| DateSpan::parse(s).unwrap().start;
        let g = |date: &str, text: &str| given(d(date), &dates_in(text), report);
        assert_eq!(
            g("2024-03", "reported in March that"),
            Some(Precision::Month)
        );
        assert_eq!(g("2023-03", "reported in March that"), None);
        assert_eq!(
            g("2024-06-19", "Putin on Wednesday thanked Kim"),
            Some(Precision::Day)
        );
        assert_eq!(g("2024-06-12", "Putin on Wednesday thanked Kim"), None);
        assert_eq!(
            g("2023-09-13", "trip to Russia’s Far East in September 2023"),
            Some(Precision::Month)
        );
        assert_eq!(
            g("1961-07-06", "a 1961 cold war treaty"),
            Some(Precision::Year)
        );
        assert_eq!(g("1961", "a 1961 cold war treaty"), Some(Precision::Year));
    }
}
