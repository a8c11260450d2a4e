//! `marginalia_model::timeline`, tested here because many cases need the seed article,
//! which only this crate can build.

mod common;

use marginalia_model::timeline::*;
use marginalia_model::*;
use marginalia_model::{DateSpan, Provenance};

fn event(id: &str, date: &str) -> Event {
    Event {
        id: id.into(),
        date: DateSpan::parse(date).unwrap(),
        title: String::new(),
        description: String::new(),
        actors: Vec::new(),
        sentences: Vec::new(),
        provenance: Provenance::Stated,
        note: String::new(),
    }
}

fn point<'a>(axis: &'a Axis, id: &str) -> &'a AxisPoint {
    axis.points.iter().find(|p| p.event == id).unwrap()
}

fn labels(axis: &Axis) -> Vec<&str> {
    axis.segments.iter().map(|s| s.label.as_str()).collect()
}

/// What must hold for any input.
fn check_invariants(axis: &Axis, events: &[Event]) {
    assert_eq!(axis.points.len(), events.len());
    for e in events {
        assert_eq!(axis.points.iter().filter(|p| p.event == e.id).count(), 1);
    }
    if events.is_empty() {
        assert_eq!(axis, &Axis::default());
        return;
    }
    let segs = &axis.segments;
    assert_eq!(segs[0].x0, 0.0);
    assert_eq!(segs[segs.len() - 1].x1, 1.0);
    assert_eq!(axis.breaks.len(), segs.len() - 1);
    for s in segs {
        assert!(s.x0 < s.x1, "{s:?}");
        for t in &s.ticks {
            assert!(s.x0 <= t.x && t.x <= s.x1, "{t:?} outside {s:?}");
        }
        assert!(s.ticks.windows(2).all(|w| w[0].x < w[1].x));
    }
    for (pair, b) in segs.windows(2).zip(&axis.breaks) {
        assert!(
            pair[0].x1 < *b && *b < pair[1].x0,
            "break {b} not in the gap"
        );
        assert!(((pair[0].x1 + pair[1].x0) / 2.0 - b).abs() < 1e-12);
    }
    // Every point inside a segment, in date order, and lanes keep dots apart.
    assert!(axis.points.windows(2).all(|w| w[0].x <= w[1].x));
    for (i, p) in axis.points.iter().enumerate() {
        assert!(
            segs.iter().any(|s| s.x0 <= p.x && p.x <= s.x1),
            "{p:?} outside every segment"
        );
        for q in &axis.points[..i] {
            if q.lane == p.lane {
                assert!(p.x - q.x >= LANE_DISTANCE, "{q:?} and {p:?} overlap");
            }
        }
    }
}

#[test]
fn no_events_no_axis() {
    assert_eq!(layout_axis(&[]), Axis::default());
    assert_eq!(Axis::default().lane_count(), 0);
}

#[test]
fn one_event_sits_in_the_middle_of_one_segment() {
    let events = [event("a", "1961-07-06")];
    let axis = layout_axis(&events);
    check_invariants(&axis, &events);
    assert_eq!(labels(&axis), ["1961"]);
    assert_eq!(
        axis.points,
        [AxisPoint {
            event: "a".into(),
            x: 0.5,
            lane: 0
        }]
    );
    assert!(axis.segments[0].ticks.is_empty());
    assert!(axis.breaks.is_empty());
}

#[test]
fn the_seed_has_three_segments_with_breaks() {
    let article = common::seed();
    let axis = layout_axis(&article.events);
    check_invariants(&axis, &article.events);
    assert_eq!(labels(&axis), ["1961", "2000", "2022–24"]);
    assert_eq!(axis.breaks.len(), 2);
    // The multi-year cluster gets more room than a lone year.
    let width = |s: &AxisSegment| s.x1 - s.x0;
    assert!(width(&axis.segments[2]) > 2.0 * width(&axis.segments[0]));
    assert!((width(&axis.segments[0]) - width(&axis.segments[1])).abs() < 1e-12);
    // Lone events at the centre of their segments.
    assert_eq!(point(&axis, "treaty-1961").x, axis.segments[0].x1 / 2.0);
    // Ticks at each 1 January of 2022–24.
    let ticks: Vec<&str> = axis.segments[2]
        .ticks
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(ticks, ["2022", "2023", "2024"]);
    assert!(axis.segments[..2].iter().all(|s| s.ticks.is_empty()));
}

#[test]
fn the_seed_events_of_19_and_20_june_do_not_overlap() {
    let article = common::seed();
    let axis = layout_axis(&article.events);
    let june: Vec<&AxisPoint> = [
        "signing-2024",
        "stoltenberg-ottawa-2024",
        "kcna-text-2024",
        "ft-report-2024",
    ]
    .iter()
    .map(|id| point(&axis, id))
    .collect();
    for (i, a) in june.iter().enumerate() {
        for b in &june[..i] {
            assert!(
                a.lane != b.lane || (a.x - b.x).abs() >= LANE_DISTANCE,
                "{a:?} overlaps {b:?}"
            );
        }
    }
    // Same day, same x, different lanes.
    assert_eq!(june[0].x, june[1].x);
    assert_ne!(june[0].lane, june[1].lane);
    assert!(june[2].x > june[0].x, "20 June after 19 June");
    assert!(axis.lane_count() >= 4);
}

#[test]
fn a_break_needs_more_than_three_years() {
    // 2021-01-01 + 1096 days = 2024-01-02: still one segment; a day more is a break.
    let together = [event("a", "2021-01-01"), event("b", "2024-01-02")];
    assert_eq!(labels(&layout_axis(&together)), ["2021–24"]);
    let apart = [event("a", "2021-01-01"), event("b", "2024-01-03")];
    let axis = layout_axis(&apart);
    check_invariants(&axis, &apart);
    assert_eq!(labels(&axis), ["2021", "2024"]);
    assert_eq!(axis.breaks.len(), 1);
    assert!(
        (axis.breaks[0] - 0.5).abs() < 1e-12,
        "two lone years: equal halves"
    );
}

#[test]
fn events_inside_a_segment_are_linear_in_time_with_padding() {
    let events = [
        event("a", "2010-01-01"),
        event("b", "2010-07-02"),
        event("c", "2011-01-01"),
    ];
    let axis = layout_axis(&events);
    check_invariants(&axis, &events);
    let (a, b, c) = (
        point(&axis, "a").x,
        point(&axis, "b").x,
        point(&axis, "c").x,
    );
    assert!((a - INNER_PADDING).abs() < 1e-12);
    assert!((c - (1.0 - INNER_PADDING)).abs() < 1e-12);
    // 2 July 2010 is 182 of 365 days in.
    let expected = INNER_PADDING + (1.0 - 2.0 * INNER_PADDING) * 182.0 / 365.0;
    assert!((b - expected).abs() < 1e-12, "{b}");
    assert_eq!(labels(&axis), ["2010–11"]);
    // 1 January 2010 and 2011, where the first and last events are.
    let ticks: Vec<(f64, &str)> = axis.segments[0]
        .ticks
        .iter()
        .map(|t| (t.x, t.label.as_str()))
        .collect();
    assert_eq!(ticks, [(a, "2010"), (c, "2011")]);
}

#[test]
fn events_on_one_day_stack_at_the_centre() {
    let events = [
        event("a", "2024-06-19"),
        event("b", "2024-06-19"),
        event("c", "2024-06-19"),
    ];
    let axis = layout_axis(&events);
    check_invariants(&axis, &events);
    let lanes: Vec<(f64, u8)> = axis.points.iter().map(|p| (p.x, p.lane)).collect();
    assert_eq!(lanes, [(0.5, 0), (0.5, 1), (0.5, 2)]);
    assert_eq!(axis.lane_count(), 3);
}

#[test]
fn lanes_are_reused_once_dots_are_far_enough_apart() {
    // Over ten years, 0.84 of the width: a month is about 0.007, a year about 0.084.
    let events = [
        event("a", "2000-01-01"),
        event("b", "2000-02-01"),
        event("c", "2003-01-01"),
        event("d", "2006-01-01"),
        event("e", "2010-01-01"),
    ];
    let axis = layout_axis(&events);
    check_invariants(&axis, &events);
    let lanes: Vec<u8> = axis.points.iter().map(|p| p.lane).collect();
    assert_eq!(lanes, [0, 1, 0, 0, 0]);
}

#[test]
fn ranges_sit_at_their_start_and_partial_dates_at_their_first_day() {
    let events = [
        event("visit", "2000-07-19/2000-07-20"),
        event("day", "2000-07-19"),
        event("month", "2001-03"),
        event("first", "2001-03-01"),
    ];
    let axis = layout_axis(&events);
    check_invariants(&axis, &events);
    assert_eq!(point(&axis, "visit").x, point(&axis, "day").x);
    assert_eq!(point(&axis, "month").x, point(&axis, "first").x);
}

#[test]
fn input_order_does_not_matter_except_within_a_day() {
    let article = common::seed();
    let mut reversed = article.events.clone();
    reversed.reverse();
    let a = layout_axis(&article.events);
    let b = layout_axis(&reversed);
    assert_eq!(a.segments, b.segments);
    assert_eq!(a.breaks, b.breaks);
    let xs = |axis: &Axis| {
        let mut v: Vec<(String, f64)> =
            axis.points.iter().map(|p| (p.event.clone(), p.x)).collect();
        v.sort_by(|x, y| x.0.cmp(&y.0));
        v
    };
    assert_eq!(xs(&a), xs(&b));
}

#[test]
fn many_segments_still_fit() {
    let events: Vec<Event> = (0..40)
        .map(|i| event(&format!("e{i}"), &format!("{}-05-01", 1800 + 5 * i)))
        .collect();
    let axis = layout_axis(&events);
    check_invariants(&axis, &events);
    assert_eq!(axis.segments.len(), 40);
    let gaps: f64 = axis.segments.windows(2).map(|w| w[1].x0 - w[0].x1).sum();
    assert!(gaps <= MAX_TOTAL_GAP + 1e-9, "{gaps}");
}

#[test]
fn year_labels() {
    assert_eq!(year_label(1961, 1961), "1961");
    assert_eq!(year_label(2022, 2024), "2022–24");
    assert_eq!(year_label(2009, 2010), "2009–10");
    assert_eq!(year_label(2000, 2003), "2000–03");
    assert_eq!(year_label(1999, 2001), "1999–2001");
}

#[test]
fn a_segment_across_new_year_gets_a_tick_even_if_short() {
    let events = [event("a", "2023-12-20"), event("b", "2024-01-10")];
    let axis = layout_axis(&events);
    check_invariants(&axis, &events);
    assert_eq!(labels(&axis), ["2023–24"]);
    let ticks: Vec<&str> = axis.segments[0]
        .ticks
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(ticks, ["2024"]);
    // Within one calendar year: no ticks.
    let events = [event("a", "2023-01-20"), event("b", "2023-12-10")];
    assert!(layout_axis(&events).segments[0].ticks.is_empty());
}
