//! Dates with a precision: a day, a month or only a year, and ranges of them.
//!
//! Parsed from the ISO-like forms authors write (`1961`, `2024-03`, `2024-06-19`,
//! `2000-07-19/2000-07-20`) and formatted for readers ("6 July 1961", "March 2024",
//! "19–20 July 2000"). Also the calendar maths behind them: days since 1970-01-01 both ways,
//! weekdays, and the weekday of a week that an inferred date resolves to. Pure Rust: used by
//! the build-time content checker and by the viewer.

use marginalia_i18n::date::{self as written, Ymd};
use marginalia_i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    /// The lowercase word for this precision, as authors write it in `article_gives`.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }

    pub fn parse(word: &str) -> Option<Precision> {
        match word {
            "year" => Some(Precision::Year),
            "month" => Some(Precision::Month),
            "day" => Some(Precision::Day),
            _ => None,
        }
    }
}

/// A calendar date known to a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i32,
    /// 1–12 when known.
    pub month: Option<u8>,
    /// 1–31 when known (only with a month).
    pub day: Option<u8>,
}

/// A date or a span of dates, as an event carries it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateSpan {
    pub start: PartialDate,
    /// The last day of a span, when the event lasted more than one day.
    pub end: Option<PartialDate>,
}

/// The months' English names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month's English name ("March"), or "month N" for a number that is not a month: total,
/// so that no data, however damaged, can make the viewer fail on it (the viewer refuses such
/// data anyway, see [`crate::check`]).
pub fn month_name(month: u8) -> std::borrow::Cow<'static, str> {
    match usize::from(month)
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i))
    {
        Some(name) => (*name).into(),
        None => format!("month {month}").into(),
    }
}

/// Names of the weekdays, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn parse_number(part: &str, digits: usize, what: &str, whole: &str) -> Result<u32, DateError> {
    if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError(format!(
            "`{whole}` is not a date: the {what} must be {digits} digits (write YYYY, YYYY-MM or YYYY-MM-DD)"
        )));
    }
    Ok(part.parse().expect("checked digits"))
}

impl PartialDate {
    pub fn day(year: i32, month: u8, day: u8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the month and day exist.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateError(format!(
                "`{text}` is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)"
            )));
        }
        let year = parse_number(parts[0], 4, "year", text)? as i32;
        let month = match parts.get(1) {
            Some(m) => {
                let m = parse_number(m, 2, "month", text)? as u8;
                if !(1..=12).contains(&m) {
                    return Err(DateError(format!(
                        "`{text}` is not a date: there is no month {m}"
                    )));
                }
                Some(m)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) => {
                let d = parse_number(d, 2, "day", text)? as u8;
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError(format!(
                        "`{text}` is not a date: {} {year} has no day {d}",
                        month_name(m)
                    )));
                }
                Some(d)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The weekday (0 = Monday) of a date known to the day.
    pub fn weekday(&self) -> Option<usize> {
        let (m, d) = (self.month?, self.day?);
        Some(((self.days_since_epoch_parts(m, d) + 3).rem_euclid(7)) as usize)
    }

    /// Days since 1970-01-01 of a date known to the day (Howard Hinnant's algorithm).
    pub fn days_since_epoch(&self) -> Option<i64> {
        Some(self.days_since_epoch_parts(self.month?, self.day?))
    }

    fn days_since_epoch_parts(&self, month: u8, day: u8) -> i64 {
        let y = i64::from(self.year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (before it when negative): the inverse of
    /// [`PartialDate::days_since_epoch`] (Howard Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> PartialDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        PartialDate::day(year, month, day)
    }

    /// The date of a weekday (0 = Monday) in the seven days up to and including this date
    /// ("on Wednesday" in a report of Thursday 20 June 2024 is 19 June). `None` unless this
    /// date is known to the day and `weekday` is below 7.
    pub fn weekday_on_or_before(&self, weekday: usize) -> Option<PartialDate> {
        if weekday >= 7 {
            return None;
        }
        let back = (self.weekday()? + 7 - weekday) % 7;
        Some(PartialDate::from_days_since_epoch(
            self.days_since_epoch()? - back as i64,
        ))
    }

    /// The ISO form, as written in content files and `<time datetime>`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// For readers in `lang`: "6 July 1961", "1961年7月6日".
    pub fn written(&self, lang: Lang) -> String {
        written::date(lang, self.ymd())
    }

    /// The year, month and day, as the language tables take them.
    pub fn ymd(&self) -> Ymd {
        Ymd {
            year: self.year,
            month: self.month,
            day: self.day,
        }
    }

    /// For readers: "6 July 1961", "March 2024" or "1961".
    pub fn long(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl DateSpan {
    /// The value of an HTML `<time datetime>`: the date, or a span's first day (HTML has no
    /// form for a span of days).
    pub fn html_datetime(&self) -> String {
        self.start.iso()
    }

    /// Reads a date or a range `START/END`; the end must not come before the start.
    pub fn parse(text: &str) -> Result<DateSpan, DateError> {
        match text.split_once('/') {
            None => Ok(DateSpan {
                start: PartialDate::parse(text)?,
                end: None,
            }),
            Some((a, b)) => {
                let start = PartialDate::parse(a)?;
                let end = PartialDate::parse(b)?;
                if start.precision() != end.precision() {
                    return Err(DateError(format!(
                        "`{text}`: both ends of a range need the same precision"
                    )));
                }
                if end <= start {
                    return Err(DateError(format!(
                        "`{text}`: the range ends before or when it starts"
                    )));
                }
                Ok(DateSpan {
                    start,
                    end: Some(end),
                })
            }
        }
    }

    pub fn precision(&self) -> Precision {
        self.start.precision()
    }

    /// The ISO form (`2000-07-19/2000-07-20`).
    pub fn iso(&self) -> String {
        match self.end {
            Some(end) => format!("{}/{}", self.start.iso(), end.iso()),
            None => self.start.iso(),
        }
    }

    /// For readers in `lang`: "19–20 July 2000", "2000年7月19日～20日".
    pub fn written(&self, lang: Lang) -> String {
        written::span(lang, self.start.ymd(), self.end.map(|e| e.ymd()))
    }

    /// For readers: "19–20 July 2000", "6 July 1961", "March 2024".
    pub fn long(&self) -> String {
        let Some(end) = self.end else {
            return self.start.long();
        };
        let (s, e) = (self.start, end);
        if s.year == e.year && s.month == e.month && s.day.is_some() {
            format!(
                "{}–{}",
                s.day.unwrap_or_default(),
                e.long() // "20 July 2000"
            )
        } else {
            format!("{} – {}", s.long(), e.long())
        }
    }

    /// A sort key in days (the first day of a month or year when the day is unknown).
    pub fn sort_key(&self) -> i64 {
        let s = self.start;
        PartialDate::day(s.year, s.month.unwrap_or(1), s.day.unwrap_or(1))
            .days_since_epoch()
            .expect("full date")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("1961").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2024-03").unwrap().precision(),
            Precision::Month
        );
        let d = PartialDate::parse("2024-06-19").unwrap();
        assert_eq!(d, PartialDate::day(2024, 6, 19));
        assert_eq!(d.precision(), Precision::Day);
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "",
            "24",
            "2024-6",
            "2024-13",
            "2023-02-29",
            "2024-06-31",
            "2024-06-1x",
            "x",
            "2024-01-01-01",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should fail");
        }
        assert!(
            PartialDate::parse("2024-02-29").is_ok(),
            "2024 is a leap year"
        );
        let err = PartialDate::parse("2024-06-31").unwrap_err();
        assert_eq!(err.0, "`2024-06-31` is not a date: June 2024 has no day 31");
    }

    #[test]
    fn weekdays_match_the_calendar() {
        // Thursday 20 June 2024, the FT report; Wednesday 19 June, the signing.
        assert_eq!(
            WEEKDAYS[PartialDate::day(2024, 6, 20).weekday().unwrap()],
            "Thursday"
        );
        assert_eq!(
            WEEKDAYS[PartialDate::day(2024, 6, 19).weekday().unwrap()],
            "Wednesday"
        );
        assert_eq!(
            WEEKDAYS[PartialDate::day(1970, 1, 1).weekday().unwrap()],
            "Thursday"
        );
        assert_eq!(
            WEEKDAYS[PartialDate::day(1961, 7, 6).weekday().unwrap()],
            "Thursday"
        );
        assert_eq!(PartialDate::parse("2024-06").unwrap().weekday(), None);
    }

    #[test]
    fn day_counts_convert_both_ways() {
        assert_eq!(
            PartialDate::from_days_since_epoch(0),
            PartialDate::day(1970, 1, 1)
        );
        assert_eq!(
            PartialDate::from_days_since_epoch(-1),
            PartialDate::day(1969, 12, 31)
        );
        for date in [
            PartialDate::day(1961, 7, 6),
            PartialDate::day(2000, 2, 29),
            PartialDate::day(2024, 6, 19),
            PartialDate::day(1600, 3, 1),
        ] {
            let days = date.days_since_epoch().unwrap();
            assert_eq!(PartialDate::from_days_since_epoch(days), date);
        }
        for days in -800_000..800_000 {
            let date = PartialDate::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), Some(days), "{date:?}");
        }
    }

    #[test]
    fn weekdays_resolve_within_the_week_before() {
        // The FT report of Thursday 20 June 2024.
        let report = PartialDate::day(2024, 6, 20);
        let day = |name: &str| WEEKDAYS.iter().position(|w| *w == name).unwrap();
        assert_eq!(
            report.weekday_on_or_before(day("Wednesday")),
            Some(PartialDate::day(2024, 6, 19))
        );
        assert_eq!(report.weekday_on_or_before(day("Thursday")), Some(report));
        assert_eq!(
            report.weekday_on_or_before(day("Friday")),
            Some(PartialDate::day(2024, 6, 14))
        );
        // Across a month and a year.
        assert_eq!(
            PartialDate::day(2024, 1, 1).weekday_on_or_before(day("Sunday")),
            Some(PartialDate::day(2023, 12, 31))
        );
        assert_eq!(report.weekday_on_or_before(7), None);
        assert_eq!(
            PartialDate::parse("2024-06")
                .unwrap()
                .weekday_on_or_before(0),
            None
        );
    }

    #[test]
    fn formats_for_readers() {
        assert_eq!(DateSpan::parse("1961-07-06").unwrap().long(), "6 July 1961");
        assert_eq!(DateSpan::parse("2024-03").unwrap().long(), "March 2024");
        assert_eq!(DateSpan::parse("1961").unwrap().long(), "1961");
        // Damaged data names no month: still words, never a panic.
        for month in [0, 13, 255] {
            let odd = PartialDate {
                year: 2024,
                month: Some(month),
                day: Some(1),
            };
            assert_eq!(odd.long(), format!("1 month {month} 2024"));
        }
        let visit = DateSpan::parse("2000-07-19/2000-07-20").unwrap();
        assert_eq!(visit.long(), "19–20 July 2000");
        assert_eq!(visit.iso(), "2000-07-19/2000-07-20");
    }

    #[test]
    fn ranges_must_run_forwards_at_one_precision() {
        assert!(DateSpan::parse("2000-07-20/2000-07-19").is_err());
        assert!(DateSpan::parse("2000-07/2000-07-19").is_err());
    }

    #[test]
    fn sort_keys_order_dates() {
        let a = DateSpan::parse("1961-07-06").unwrap().sort_key();
        let b = DateSpan::parse("2024-03").unwrap().sort_key();
        let c = DateSpan::parse("2024-03-28").unwrap().sort_key();
        assert!(a < b && b < c);
    }
}
