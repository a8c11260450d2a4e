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
    use js_sys::{Array, Date, Intl, Object, Reflect};
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

    /// `Intl.DateTimeFormat(locale, {timeZone: "UTC", …parts}).format(date)` (every browser
    /// that runs wasm has `Intl`; the ISO form should one ever fail, never a blank).
    pub fn intl(lang: Lang, d: Ymd, parts: IntlParts) -> String {
        let options = Object::new();
        let set = |k: &str, v: &str| {
            let _ = Reflect::set(&options, &k.into(), &v.into());
        };
        set("timeZone", "UTC");
        match parts {
            IntlParts::Year => set("year", "numeric"),
            IntlParts::YearMonth => {
                set("year", "numeric");
                set("month", "long");
            }
            IntlParts::YearMonthDay => {
                set("year", "numeric");
                set("month", "long");
                set("day", "numeric");
            }
            IntlParts::DayOnly => set("day", "numeric"),
        }
        let locales = Array::of1(&JsValue::from_str(lang.intl_locale()));
        let format = Intl::DateTimeFormat::new(&locales, &options);
        let time = Date::utc(f64::from(d.year), f64::from(d.month.unwrap_or(1)) - 1.0)
            + (f64::from(d.day.unwrap_or(1)) - 1.0) * 86_400_000.0;
        let at = Date::new(&JsValue::from_f64(time));
        let text = format
            .format()
            .call1(&format, &at)
            .ok()
            .and_then(|v| v.as_string());
        text.unwrap_or_else(|| {
            let date = crate::model::date::PartialDate {
                year: d.year,
                month: d.month,
                day: d.day,
            };
            date.iso()
        })
    }
}
