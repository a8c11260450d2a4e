//! Dates as each language writes them, from the `[dates]` section of its catalogue: a day
//! ("19 June 2024", "2024年6月19日", "2024년 6월 19일"), a month ("June 2024", "2024年6月"), a
//! year ("1961", "1961年"), and spans of them ("19–20 June 2024", "2024年6月19日～20日").
//!
//! This is how a page built ahead of time writes dates. The viewer in a browser writes each
//! date with the browser's `Intl.DateTimeFormat` in [`Lang::intl_locale`] (the options in
//! [`IntlParts`]) and joins spans with the same patterns ([`span_with`]): a test in a browser
//! requires the two to say the same for every language, so a page does not change its words
//! when it comes to life.

use crate::dates::Msg;
use crate::Lang;

/// A date known to a year, a month or a day (months 1–12, days 1–31).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ymd {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// What of a date `Intl.DateTimeFormat` is asked to write: `year: "numeric"`, and `month:
/// "long"` and `day: "numeric"` when the date has them. A span's shared part is written with
/// [`IntlParts::DayOnly`] (`day: "numeric"` alone: "20", "20日").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntlParts {
    Year,
    YearMonth,
    YearMonthDay,
    DayOnly,
}

impl Ymd {
    /// The parts `Intl` writes for this date.
    pub fn intl_parts(&self) -> IntlParts {
        match (self.month, self.day) {
            (Some(_), Some(_)) => IntlParts::YearMonthDay,
            (Some(_), None) => IntlParts::YearMonth,
            _ => IntlParts::Year,
        }
    }
}

/// A date in `lang`.
pub fn date(lang: Lang, d: Ymd) -> String {
    let year = d.year.to_string();
    match (d.month, d.day) {
        (Some(m), Some(day)) => lang.f(
            Msg::Day,
            &[
                ("day", &day.to_string()),
                ("month", month_name(lang, m)),
                ("m", &m.to_string()),
                ("year", &year),
            ],
        ),
        (Some(m), None) => lang.f(
            Msg::Month,
            &[
                ("month", month_name(lang, m)),
                ("m", &m.to_string()),
                ("year", &year),
            ],
        ),
        _ => lang.f(Msg::Year, &[("year", &year)]),
    }
}

/// Only the day of a date, as a span's second day is written ("20", "20日", "20일").
pub fn day_only(lang: Lang, day: u8) -> String {
    lang.f(Msg::DayOnly, &[("day", &day.to_string())])
}

/// A date or a span of dates in `lang`.
pub fn span(lang: Lang, start: Ymd, end: Option<Ymd>) -> String {
    span_with(lang, start, end, &|d| date(lang, d), &|d| day_only(lang, d))
}

/// A span written with the given writers of a whole date and of a day alone: the catalogue's
/// patterns join them (the browser's viewer passes writers backed by `Intl`).
pub fn span_with(
    lang: Lang,
    start: Ymd,
    end: Option<Ymd>,
    whole: &dyn Fn(Ymd) -> String,
    day: &dyn Fn(u8) -> String,
) -> String {
    let Some(end) = end else {
        return whole(start);
    };
    match (start.day, end.day) {
        (Some(a), Some(b)) if start.year == end.year && start.month == end.month => lang.f(
            Msg::SpanDays,
            &[
                ("start", &whole(start)),
                ("end", &whole(end)),
                ("start-day", &day(a)),
                ("end-day", &day(b)),
            ],
        ),
        _ => lang.f(Msg::Span, &[("start", &whole(start)), ("end", &whole(end))]),
    }
}

/// A month's name in `lang` (its number as text when it is not 1–12: damaged data is still
/// words, never a panic).
fn month_name(lang: Lang, month: u8) -> &'static str {
    const MONTHS: [Msg; 12] = [
        Msg::Month1,
        Msg::Month2,
        Msg::Month3,
        Msg::Month4,
        Msg::Month5,
        Msg::Month6,
        Msg::Month7,
        Msg::Month8,
        Msg::Month9,
        Msg::Month10,
        Msg::Month11,
        Msg::Month12,
    ];
    match month {
        1..=12 => lang.t(MONTHS[usize::from(month) - 1]),
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Ymd {
        Ymd {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    const SEPT_2023: Ymd = Ymd {
        year: 2023,
        month: Some(9),
        day: None,
    };
    const Y1961: Ymd = Ymd {
        year: 1961,
        month: None,
        day: None,
    };

    #[test]
    fn each_language_writes_days_months_and_years() {
        let cases = [
            (Lang::En, ["19 June 2024", "September 2023", "1961"]),
            (Lang::Ja, ["2024年6月19日", "2023年9月", "1961年"]),
            (Lang::Ko, ["2024년 6월 19일", "2023년 9월", "1961년"]),
        ];
        for (lang, [day, month, year]) in cases {
            assert_eq!(date(lang, d(2024, 6, 19)), day);
            assert_eq!(date(lang, SEPT_2023), month);
            assert_eq!(date(lang, Y1961), year);
        }
    }

    #[test]
    fn spans_share_what_they_can() {
        let (a, b) = (d(2024, 6, 19), Some(d(2024, 6, 20)));
        assert_eq!(span(Lang::En, a, b), "19–20 June 2024");
        assert_eq!(span(Lang::Ja, a, b), "2024年6月19日～20日");
        assert_eq!(span(Lang::Ko, a, b), "2024년 6월 19일~20일");
        let (a, b) = (d(2024, 6, 30), Some(d(2024, 7, 1)));
        assert_eq!(span(Lang::En, a, b), "30 June 2024 – 1 July 2024");
        assert_eq!(span(Lang::Ja, a, b), "2024年6月30日～2024年7月1日");
        assert_eq!(span(Lang::Ko, a, b), "2024년 6월 30일 ~ 2024년 7월 1일");
        assert_eq!(span(Lang::Ja, Y1961, None), "1961年");
    }

    #[test]
    fn damaged_months_are_words_not_panics() {
        for month in [0, 13, 255] {
            let odd = Ymd {
                year: 2024,
                month: Some(month),
                day: Some(1),
            };
            assert_eq!(date(Lang::En, odd), "1 ? 2024");
            assert_eq!(date(Lang::Ja, odd), format!("2024年{month}月1日"));
        }
    }
}
