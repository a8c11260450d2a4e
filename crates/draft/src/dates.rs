//! Every date the article gives, normalised against its report's date (the dateline: the
//! source's date, not the page's, since a republished report's weekdays are those of its own
//! week). Read with the model's reading of dates in text (`marginalia_model::said`):
//!
//! - a day and a month, with or without the year ("19 June 2024", "June 19"): that day; without
//!   a year, the last such day on or before the report; provenance `stated`;
//! - a month ("March 2024", "in March"): with its year `stated`; without one, the report's
//!   year when that month is not after the report's, and `stated`; else the year before
//!   ("in September" in a June report), which the text does not state: provenance `record`,
//!   with the month as what the article gives and the source "not checked" for the writer;
//! - a year ("1961"): `stated`;
//! - a weekday ("on Wednesday"): the one on or before the report, `inferred`.
//!
//! Each date comes with the sentence that gives it; dates of one value are one event.

use crate::Span;
use marginalia_model::date::WEEKDAYS;
use marginalia_model::said::{dates_in, Said};
use marginalia_model::{DateSpan, PartialDate, Precision};

/// Where a drafted date comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// The text states the date.
    Stated,
    /// The text names a weekday: the one on or before the report.
    Inferred { weekday: String },
    /// The text gives less than the date (a month without its year, which is not the report's);
    /// `gives`: how much it gives.
    NotStated { gives: Precision },
}

/// A date the text gives, and the sentences that give it.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundDate {
    pub date: DateSpan,
    pub source: DateSource,
    pub sentences: Vec<Span>,
    pub confidence: crate::Confidence,
    /// What the text says ("on Wednesday", "in March"), for the comment beside it.
    pub said: String,
}

/// Longer than this, a "sentence" is not prose (a pasted table, a list of links run
/// together): no event is drafted from it, since its text would be the event's sentence.
pub const LONGEST_SENTENCE: usize = 2_000;

/// Every date `text` gives, one entry per date, in date order (see the module doc).
pub fn find_dates(text: &str, sentences: &[Span], report: PartialDate) -> Vec<FoundDate> {
    let mut found: Vec<FoundDate> = Vec::new();
    for &sentence in sentences
        .iter()
        .filter(|s| s.end - s.start <= LONGEST_SENTENCE)
    {
        let said = dates_in(sentence.of(text));
        for s in said.iter().filter(|s| !covered_by_a_day(s, &said)) {
            let Some((date, source, confidence)) = normalise(s, report) else {
                continue;
            };
            let words = describe(s);
            match found
                .iter_mut()
                .find(|f| f.date == date && f.source == source)
            {
                // Sentences come in order: a repeat is the last one.
                Some(f) if f.sentences.last() != Some(&sentence) => f.sentences.push(sentence),
                Some(_) => {}
                None => found.push(FoundDate {
                    date,
                    source,
                    sentences: vec![sentence],
                    confidence,
                    said: words,
                }),
            }
        }
    }
    found.sort_by_key(|f| f.date.sort_key());
    found
}

/// A reading that a fuller one of the same words contains: the month of "June 19", the year
/// of "March 2024".
fn covered_by_a_day(s: &Said, all: &[Said]) -> bool {
    let month_of_a_day = s.day.is_none()
        && s.month.is_some()
        && all.iter().any(|o| {
            o.day.is_some() && o.month == s.month && (o.year == s.year || s.year.is_none())
        });
    let year_of_a_month = s.month.is_none()
        && s.year.is_some()
        && all.iter().any(|o| o.month.is_some() && o.year == s.year);
    s.weekday.is_none() && (month_of_a_day || year_of_a_month)
}

fn normalise(s: &Said, report: PartialDate) -> Option<(DateSpan, DateSource, f32)> {
    let one = |date: PartialDate| DateSpan {
        start: date,
        end: None,
    };
    if let Some(w) = s.weekday {
        let date = report.weekday_on_or_before(w)?;
        let weekday = WEEKDAYS.get(w)?.to_string();
        return Some((one(date), DateSource::Inferred { weekday }, 0.8));
    }
    match (s.day, s.month, s.year) {
        (Some(d), Some(m), Some(y)) => {
            valid(PartialDate::day(y, m, d)).map(|date| (one(date), DateSource::Stated, 0.95))
        }
        (Some(d), Some(m), None) => {
            let this_year = valid(PartialDate::day(report.year, m, d))?;
            let date = if this_year > report {
                valid(PartialDate::day(report.year - 1, m, d))?
            } else {
                this_year
            };
            Some((one(date), DateSource::Stated, 0.85))
        }
        (None, Some(m), Some(y)) => Some((one(month(y, m)), DateSource::Stated, 0.9)),
        (None, Some(m), None) if report.month.is_some_and(|r| m <= r) => {
            Some((one(month(report.year, m)), DateSource::Stated, 0.7))
        }
        (None, Some(m), None) => Some((
            one(month(report.year - 1, m)),
            DateSource::NotStated {
                gives: Precision::Month,
            },
            0.5,
        )),
        (None, None, Some(y)) => Some((
            one(PartialDate {
                year: y,
                month: None,
                day: None,
            }),
            DateSource::Stated,
            0.8,
        )),
        _ => None,
    }
}

fn month(year: i32, month: u8) -> PartialDate {
    PartialDate {
        year,
        month: Some(month),
        day: None,
    }
}

/// The date if it exists (no 31 June).
fn valid(date: PartialDate) -> Option<PartialDate> {
    marginalia_model::check::check_date(&date)
        .ok()
        .map(|_| date)
}

/// What the text says, in words ("Wednesday", "19 June", "March 2024").
fn describe(s: &Said) -> String {
    let month = s.month.map(marginalia_model::date::month_name);
    match (s.weekday, s.day, month, s.year) {
        (Some(w), ..) => WEEKDAYS.get(w).copied().unwrap_or_default().to_string(),
        (None, Some(d), Some(m), Some(y)) => format!("{d} {m} {y}"),
        (None, Some(d), Some(m), None) => format!("{d} {m}"),
        (None, None, Some(m), Some(y)) => format!("{m} {y}"),
        (None, None, Some(m), None) => m.to_string(),
        (None, _, None, Some(y)) => y.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::sentences;

    const REPORT: PartialDate = PartialDate {
        year: 2024,
        month: Some(6),
        day: Some(20),
    };

    fn dates(text: &str) -> Vec<(String, DateSource)> {
        find_dates(text, &sentences(text), REPORT)
            .into_iter()
            .map(|f| (f.date.iso(), f.source))
            .collect()
    }

    #[test]
    fn every_form_of_date_is_normalised_against_the_report() {
        let text = "The pact was signed on Wednesday. A 1961 treaty is replaced. \
                    Talks on 18 June and June 19, 2024 followed a visit in September. \
                    Shipments began in March 2024 and grew in May.";
        assert_eq!(
            dates(text),
            vec![
                ("1961".into(), DateSource::Stated),
                (
                    "2023-09".into(),
                    DateSource::NotStated {
                        gives: Precision::Month
                    }
                ),
                ("2024-03".into(), DateSource::Stated),
                ("2024-05".into(), DateSource::Stated),
                ("2024-06-18".into(), DateSource::Stated),
                (
                    "2024-06-19".into(),
                    DateSource::Inferred {
                        weekday: "Wednesday".into()
                    }
                ),
                ("2024-06-19".into(), DateSource::Stated),
            ]
        );
    }

    #[test]
    fn a_day_without_a_year_after_the_report_is_last_years() {
        assert_eq!(
            dates("The summit of December 5 was tense."),
            vec![("2023-12-05".into(), DateSource::Stated)]
        );
    }

    #[test]
    fn one_date_in_two_sentences_is_one_entry_with_both() {
        let text = "They met on 19 June. On 19 June they signed.";
        let found = find_dates(text, &sentences(text), REPORT);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].sentences.len(), 2);
    }

    #[test]
    fn no_event_comes_from_a_sentence_that_is_not_prose() {
        let text = format!("{} 1961.", "word ".repeat(LONGEST_SENTENCE / 5));
        assert!(dates(&text).is_empty());
    }

    #[test]
    fn impossible_dates_are_not_drafted() {
        assert!(dates("It happened on 31 June.").is_empty());
    }
}
