//! The timeline's time axis, with scale breaks, so that an event of 1961 and a cluster of
//! events in 2022–24 are legible on one line.
//!
//! Events are sorted by date and cut into **segments** wherever two neighbours are more
//! than three years apart. Each segment gets room in proportion to the years it spans (at
//! least one), segments are separated by a fixed gap in which the view draws a zigzag
//! **break**, and inside a segment events sit linearly by date. Dots closer than
//! [`LANE_DISTANCE`] go on further **lanes** so they do not overlap.
//!
//! All positions are fractions of the axis width, in `[0, 1]`. A range (an event lasting
//! several days) sits at its start. Pure data: no yew, no web-sys.

use super::article::Event;
use super::date::PartialDate;

/// One stretch of time without a break: "1961", "2022–24".
#[derive(Clone, Debug, PartialEq)]
pub struct AxisSegment {
    pub label: String,
    pub x0: f64,
    pub x1: f64,
    /// One tick each 1 January inside the segment, when it covers several calendar years.
    pub ticks: Vec<AxisTick>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AxisTick {
    pub x: f64,
    /// The year that starts there ("2023").
    pub label: String,
}

/// Where an event's dot goes: `x` along the axis, `lane` 0, 1, 2… away from it.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisPoint {
    pub event: String,
    pub x: f64,
    pub lane: u8,
}

/// The laid-out axis: segments left to right, points in date order, and the `x` of the
/// centre of each gap between segments (one fewer than the segments).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Axis {
    pub segments: Vec<AxisSegment>,
    pub points: Vec<AxisPoint>,
    pub breaks: Vec<f64>,
}

impl Axis {
    /// How many lanes the points use (0 without points): the height the view must leave.
    pub fn lane_count(&self) -> u8 {
        self.points
            .iter()
            .map(|p| p.lane.saturating_add(1))
            .max()
            .unwrap_or(0)
    }
}

/// Neighbours further apart than this (in days; three years) start a new segment.
pub const BREAK_AFTER_DAYS: i64 = 1096;
/// The gap between two segments, as a fraction of the axis.
pub const SEGMENT_GAP: f64 = 0.06;
/// The gaps together never take more than this fraction of the axis (for many segments).
const MAX_TOTAL_GAP: f64 = 0.5;
/// Room left empty at each end of a segment, as a fraction of its width.
pub const INNER_PADDING: f64 = 0.08;
/// Dots closer than this (fraction of the axis) go on different lanes.
pub const LANE_DISTANCE: f64 = 0.02;

const DAYS_PER_YEAR: f64 = 365.25;

/// Lays out the axis for `events` (in any order; events of one day keep their order).
pub fn layout_axis(events: &[Event]) -> Axis {
    let mut dated: Vec<(i64, &Event)> = events.iter().map(|e| (e.date.sort_key(), e)).collect();
    dated.sort_by_key(|(key, _)| *key);

    // Cut into clusters at the long gaps.
    let mut clusters: Vec<Vec<(i64, &Event)>> = Vec::new();
    for item in dated {
        match clusters.last_mut() {
            Some(cluster) if item.0 - cluster[cluster.len() - 1].0 <= BREAK_AFTER_DAYS => {
                cluster.push(item);
            }
            _ => clusters.push(vec![item]),
        }
    }
    if clusters.is_empty() {
        return Axis::default();
    }

    // Widths: in proportion to the years spanned (at least one), after the gaps.
    let years = |c: &[(i64, &Event)]| (c[c.len() - 1].0 - c[0].0) as f64 / DAYS_PER_YEAR;
    let weights: Vec<f64> = clusters.iter().map(|c| years(c).max(1.0)).collect();
    let total_weight: f64 = weights.iter().sum();
    let gaps = (clusters.len() - 1) as f64;
    let gap = if gaps > 0.0 {
        SEGMENT_GAP.min(MAX_TOTAL_GAP / gaps)
    } else {
        0.0
    };
    let room = 1.0 - gap * gaps;

    let mut axis = Axis::default();
    let mut x0 = 0.0;
    for (i, (cluster, weight)) in clusters.iter().zip(&weights).enumerate() {
        let last = i + 1 == clusters.len();
        let x1 = if last {
            1.0
        } else {
            x0 + room * weight / total_weight
        };
        if i > 0 {
            axis.breaks.push(x0 - gap / 2.0);
        }
        let place = Placement::new(cluster, x0, x1);

        let mut lane_ends: Vec<f64> = Vec::new(); // the x of the last dot on each lane
        for (key, event) in cluster {
            let x = place.x(*key);
            let lane = match lane_ends.iter().position(|&end| x - end >= LANE_DISTANCE) {
                Some(lane) => lane,
                None => {
                    lane_ends.push(x);
                    lane_ends.len() - 1
                }
            };
            lane_ends[lane] = x;
            axis.points.push(AxisPoint {
                event: event.id.clone(),
                x,
                lane: u8::try_from(lane).unwrap_or(u8::MAX),
            });
        }

        let first_year = cluster[0].1.date.start.year;
        let last_year = cluster[cluster.len() - 1].1.date.start.year;
        let ticks = if first_year == last_year {
            Vec::new()
        } else {
            (first_year..=last_year + 1)
                .filter_map(|year| {
                    let day = PartialDate::day(year, 1, 1).days_since_epoch()?;
                    let x = place.x(day);
                    (x0..=x1).contains(&x).then(|| AxisTick {
                        x,
                        label: year.to_string(),
                    })
                })
                .collect()
        };
        axis.segments.push(AxisSegment {
            label: year_label(first_year, last_year),
            x0,
            x1,
            ticks,
        });
        x0 = x1 + gap;
    }
    axis
}

/// Maps days to x inside one segment: linear between the padded ends, or the centre when
/// the segment covers a single day.
struct Placement {
    first: i64,
    days: i64,
    x0: f64,
    width: f64,
}

impl Placement {
    fn new(cluster: &[(i64, &Event)], x0: f64, x1: f64) -> Placement {
        let first = cluster[0].0;
        Placement {
            first,
            days: cluster[cluster.len() - 1].0 - first,
            x0,
            width: x1 - x0,
        }
    }

    fn x(&self, day: i64) -> f64 {
        let fraction = if self.days == 0 {
            0.5
        } else {
            INNER_PADDING
                + (1.0 - 2.0 * INNER_PADDING) * (day - self.first) as f64 / self.days as f64
        };
        self.x0 + self.width * fraction
    }
}

/// "1961", "2022–24" (en dash), or "1999–2001" across a century.
fn year_label(first: i32, last: i32) -> String {
    if first == last {
        first.to_string()
    } else if first.div_euclid(100) == last.div_euclid(100) {
        format!("{first}–{:02}", last.rem_euclid(100))
    } else {
        format!("{first}–{last}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;
    use crate::model::{DateSpan, Provenance};

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
        let article = bundled::article();
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
        let article = bundled::article();
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
        let article = bundled::article();
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
}
