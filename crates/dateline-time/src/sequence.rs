//! A page's stamps resolved together: order, dates carried to bare clocks, midnight rollover.

use std::cmp::Ordering;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use crate::resolve::resolve;
use crate::types::{Anchor, Context, Inferred, Note, Order, Resolved, Sequence, Stamp};

const DAY: i64 = 24 * 3600;
const HALF_DAY: i64 = 12 * 3600;

/// Seconds from `a` to `b` on a 24-hour dial, in (-12h, 12h]: `23:56` to `00:04` is +8 minutes.
fn dial(a: NaiveTime, b: NaiveTime) -> i64 {
    let d = (b - a).num_seconds().rem_euclid(DAY);
    if d > HALF_DAY { d - DAY } else { d }
}

/// A stamp that prints its date, or counts it from the capture time, does not need its
/// neighbours.
fn stands_alone(stamp: &Stamp) -> bool {
    stamp.date.is_some() || stamp.relative.is_some()
}

/// Which way the page runs between two neighbours.
fn step(a: &Stamp, b: &Stamp, ua: Option<DateTime<Utc>>, ub: Option<DateTime<Utc>>) -> Ordering {
    match (ua, ub, a.time, b.time) {
        (Some(ua), Some(ub), _, _) => ub.cmp(&ua),
        (_, _, Some(ta), Some(tb)) => dial(ta, tb).cmp(&0),
        _ => Ordering::Equal,
    }
}

/// Resolves a page's stamps together, in page order.
pub(crate) fn resolve_sequence(stamps: &[Stamp], ctx: &Context) -> Sequence {
    let n = stamps.len();
    // Stamps that print a date stand alone.
    let alone: Vec<Option<DateTime<Utc>>> = stamps
        .iter()
        .map(|s| s.date.and_then(|_| resolve(s, ctx).ok()).map(|r| r.utc))
        .collect();

    let (mut later, mut earlier) = (0usize, 0usize);
    for (i, pair) in stamps.windows(2).enumerate() {
        if let [a, b] = pair {
            let (ua, ub) = (
                alone.get(i).copied().flatten(),
                alone.get(i + 1).copied().flatten(),
            );
            match step(a, b, ua, ub) {
                Ordering::Greater => later += 1,
                Ordering::Less => earlier += 1,
                Ordering::Equal => {}
            }
        }
    }
    let order = match later.cmp(&earlier) {
        Ordering::Greater => Order::OldestFirst,
        Ordering::Less => Order::NewestFirst,
        Ordering::Equal => Order::Unknown,
    };

    // Walk in time from the anchor's end, carrying the date.
    let mut chron: Vec<usize> = (0..n).collect();
    if order == Order::NewestFirst {
        chron.reverse();
    }
    let forward = ctx.anchor == Anchor::Oldest;
    if !forward {
        chron.reverse();
    }
    let mut times: Vec<Option<Result<Resolved, crate::Error>>> =
        std::iter::repeat_with(|| None).take(n).collect();
    let mut running: Option<NaiveDate> = ctx.page_date;
    let mut prev: Option<NaiveTime> = None;
    // The date the running date counts from: the page's (`None`) or a dated stamp's (its index).
    let mut base: Option<(NaiveDate, Option<usize>)> = ctx.page_date.map(|d| (d, None));
    for &i in &chron {
        let Some(stamp) = stamps.get(i) else { continue };
        let result = if stands_alone(stamp) {
            let r = resolve(stamp, ctx);
            if let Ok(r) = &r {
                running = Some(r.local.date_naive());
                base = Some((r.local.date_naive(), Some(i)));
                prev = Some(r.local.time());
            }
            r
        } else if let Some(t) = stamp.time {
            if let (Some(p), Some(d)) = (prev, running) {
                // How far the clock went back, in the direction of the walk.
                let back = if forward {
                    (p - t).num_seconds()
                } else {
                    (t - p).num_seconds()
                };
                if back > HALF_DAY {
                    let days = if forward { 1 } else { -1 };
                    running = d.checked_add_signed(Duration::days(days));
                }
            }
            prev = Some(t);
            let mut local_ctx = ctx.clone();
            local_ctx.page_date = running;
            resolve(stamp, &local_ctx).map(|mut r| {
                if let (Some((from, source)), Some(d)) = (base, running) {
                    carried(&mut r.inferred, from, source, d);
                }
                r
            })
        } else {
            resolve(stamp, ctx)
        };
        if let Some(slot) = times.get_mut(i) {
            *slot = Some(result);
        }
    }
    let times: Vec<Result<Resolved, crate::Error>> = times
        .into_iter()
        .zip(stamps)
        .map(|(t, s)| t.unwrap_or_else(|| resolve(s, ctx)))
        .collect();

    // Steps against the page's direction are reported, never "fixed".
    let mut notes = Vec::new();
    if order != Order::Unknown {
        let mut last: Option<(usize, DateTime<Utc>)> = None;
        for (i, t) in times.iter().enumerate() {
            let Ok(r) = t else { continue };
            if let Some((j, prev_utc)) = last {
                let diff = r.utc - prev_utc;
                let against = match order {
                    Order::NewestFirst => diff > Duration::zero(),
                    _ => diff < Duration::zero(),
                };
                if against {
                    let (this, that) = (
                        stamps.get(i).map_or("", |s| s.text.as_str()),
                        stamps.get(j).map_or("", |s| s.text.as_str()),
                    );
                    let (rel, page) = match order {
                        Order::NewestFirst => ("newer", "newest-first"),
                        _ => ("older", "oldest-first"),
                    };
                    notes.push((
                        i,
                        Note::warn(
                            "out-of-order",
                            format!(
                                "`{this}` is {} {rel} than `{that}` before it on a {page} page",
                                span(diff)
                            ),
                        ),
                    ));
                }
            }
            last = Some((i, r.utc));
        }
    }
    // A post after the page's own update time is suspicious: the page or the post is misread.
    if let Some(updated) = ctx.updated {
        for (i, t) in times.iter().enumerate() {
            if let Ok(r) = t {
                if r.utc > updated {
                    let text = stamps.get(i).map_or("", |s| s.text.as_str());
                    notes.push((
                        i,
                        Note::warn(
                            "after-update",
                            format!(
                                "`{text}` ({}) is {} after the page's update time ({})",
                                r.utc.format("%Y-%m-%dT%H:%MZ"),
                                span(r.utc - updated),
                                updated.format("%Y-%m-%dT%H:%MZ")
                            ),
                        ),
                    ));
                }
            }
        }
        notes.sort_by_key(|(i, _)| *i);
    }
    Sequence {
        times,
        order,
        notes,
    }
}

/// Rewrites what `resolve` inferred for a bare clock given `date`: the date came from the page or
/// from the dated stamp `source`, moved by a rollover from `from`.
fn carried(inferred: &mut Vec<Inferred>, from: NaiveDate, source: Option<usize>, date: NaiveDate) {
    let Some(pos) = inferred
        .iter()
        .position(|x| matches!(x, Inferred::DateFromPage(_)))
    else {
        return;
    };
    let origin = match source {
        None => Inferred::DateFromPage(from),
        Some(i) => Inferred::DateFromStamp(i),
    };
    if let Some(slot) = inferred.get_mut(pos) {
        *slot = origin;
    }
    let days = (date - from).num_days();
    if days != 0 {
        inferred.insert(
            pos + 1,
            Inferred::Rollover(i32::try_from(days).unwrap_or(0)),
        );
    }
}

/// `1h 39m`, `12m`, `2d 3h`.
fn span(d: Duration) -> String {
    let mins = d.num_minutes().abs();
    let (days, hours, minutes) = (mins / (24 * 60), mins / 60 % 24, mins % 60);
    match (days, hours) {
        (0, 0) => format!("{minutes}m"),
        (0, h) => format!("{h}h {minutes}m"),
        (d, h) => format!("{d}d {h}h {minutes}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
    }

    #[test]
    fn dial_wraps_at_midnight() {
        assert_eq!(dial(t(23, 56), t(0, 4)), 8 * 60);
        assert_eq!(dial(t(0, 4), t(23, 56)), -8 * 60);
        assert_eq!(dial(t(12, 0), t(0, 0)), 12 * 3600);
        assert_eq!(dial(t(10, 0), t(9, 0)), -3600);
    }

    #[test]
    fn spans() {
        assert_eq!(span(Duration::minutes(99)), "1h 39m");
        assert_eq!(span(Duration::minutes(-30)), "30m");
        assert_eq!(span(Duration::minutes(24 * 60 + 61)), "1d 1h 1m");
    }

    #[test]
    fn empty_and_single() {
        let ctx = Context::default();
        let seq = resolve_sequence(&[], &ctx);
        assert_eq!(seq.order, Order::Unknown);
        assert!(seq.times.is_empty());
    }
}
