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
pub const MAX_TOTAL_GAP: f64 = 0.5;
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
pub fn year_label(first: i32, last: i32) -> String {
    if first == last {
        first.to_string()
    } else if first.div_euclid(100) == last.div_euclid(100) {
        format!("{first}–{:02}", last.rem_euclid(100))
    } else {
        format!("{first}–{last}")
    }
}
