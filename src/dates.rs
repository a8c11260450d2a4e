//! Dates as the viewer writes them, in its language.
//!
//! In a browser each date is written by the browser's `Intl.DateTimeFormat` (so the wasm
//! carries no locale data), and a span's parts are joined by the catalogue's patterns
//! (`marginalia_i18n::date::span_with`). The server render (the build) writes them from the
//! catalogue's own tables (`marginalia_i18n::date`). The two must say the same, or a page
//! would change its words as it comes to life: a browser test compares them for every
//! language (`tests/dates_intl.rs`).

use crate::i18n::Lang;
use crate::model::date::{DateSpan, PartialDate};

/// A date or a span of dates, in `lang`.
pub fn written(lang: Lang, date: &DateSpan) -> String {
    imp::span(lang, date)
}

/// One date, in `lang`.
pub fn written_one(lang: Lang, date: &PartialDate) -> String {
    imp::span(
        lang,
        &DateSpan {
            start: *date,
            end: None,
        },
    )
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn span(lang: Lang, date: &DateSpan) -> String {
        date.written(lang)
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use crate::i18n::date::{span_with, IntlParts, Ymd};
    use js_sys::{Date, JSON};
    use wasm_bindgen::JsValue;

    pub fn span(lang: Lang, date: &DateSpan) -> String {
        span_with(
            lang,
            date.start.ymd(),
            date.end.map(|e| e.ymd()),
            &|d| intl(lang, d, d.intl_parts()),
            &|day| {
                let d = Ymd {
                    year: 2000,
                    month: Some(1),
                    day: Some(day),
                };
                intl(lang, d, IntlParts::DayOnly)
            },
        )
    }

    /// `date.toLocaleDateString(locale, {timeZone: "UTC", …parts})`, which is
    /// `Intl.DateTimeFormat`'s (every browser that runs wasm has `Intl`).
    pub fn intl(lang: Lang, d: Ymd, parts: IntlParts) -> String {
        let options = match parts {
            IntlParts::Year => r#"{"timeZone":"UTC","year":"numeric"}"#,
            IntlParts::YearMonth => r#"{"timeZone":"UTC","year":"numeric","month":"long"}"#,
            IntlParts::YearMonthDay => {
                r#"{"timeZone":"UTC","year":"numeric","month":"long","day":"numeric"}"#
            }
            IntlParts::DayOnly => r#"{"timeZone":"UTC","day":"numeric"}"#,
        };
        let options = JSON::parse(options).unwrap_or_default();
        let time = Date::utc(f64::from(d.year), f64::from(d.month.unwrap_or(1)) - 1.0)
            + (f64::from(d.day.unwrap_or(1)) - 1.0) * 86_400_000.0;
        Date::new(&JsValue::from_f64(time))
            .to_locale_date_string(lang.intl_locale(), &options)
            .into()
    }
}
