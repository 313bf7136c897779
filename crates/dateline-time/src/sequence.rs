//! A page's stamps resolved together: order, dates carried to bare clocks, midnight rollover.

use std::cmp::Ordering;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use crate::resolve::resolve_with;
use crate::types::{Anchor, Context, Inferred, Note, NoteCode, Order, Resolved, Sequence, Stamp};
use crate::zones::{self, Evidence};

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
    // The unambiguous zones each stamp prints, evidence for reading its neighbours' ambiguous
    // ones (`BST` on a page that prints `GMT` in winter is British Summer Time).
    let printed: Vec<Vec<Evidence>> = stamps
        .iter()
        .map(|s| {
            s.zone
                .iter()
                .chain(s.also.as_ref().map(|(_, l)| l))
                .filter_map(Evidence::of_label)
                .collect()
        })
        .collect();
    let resolve = |i: usize, stamp: &Stamp, ctx: &Context| {
        let ambiguous = stamp
            .zone
            .iter()
            .chain(stamp.also.as_ref().map(|(_, l)| l))
            .any(zones::is_ambiguous);
        if !ambiguous {
            return resolve_with(stamp, ctx, &[]);
        }
        let others: Vec<Evidence> = printed
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .flat_map(|(_, e)| e.iter().cloned())
            .collect();
        resolve_with(stamp, ctx, &others)
    };
    // Stamps that print a date stand alone.
    let alone: Vec<Option<DateTime<Utc>>> = stamps
        .iter()
        .enumerate()
        .map(|(i, s)| s.date.and_then(|_| resolve(i, s, ctx).ok()).map(|r| r.utc))
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
            let r = resolve(i, stamp, ctx);
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
            resolve(i, stamp, &local_ctx).map(|mut r| {
                if let (Some((from, source)), Some(d)) = (base, running) {
                    carried(&mut r.inferred, from, source, d);
                }
                r
            })
        } else {
            resolve(i, stamp, ctx)
        };
        if let Some(slot) = times.get_mut(i) {
            *slot = Some(result);
        }
    }
    let times: Vec<Result<Resolved, crate::Error>> = times
        .into_iter()
        .zip(stamps)
        .enumerate()
        .map(|(i, (t, s))| t.unwrap_or_else(|| resolve(i, s, ctx)))
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
                            NoteCode::OutOfOrder,
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
            if let Ok(r) = t
                && r.utc > updated
            {
                let text = stamps.get(i).map_or("", |s| s.text.as_str());
                notes.push((
                    i,
                    Note::warn(
                        NoteCode::AfterUpdate,
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

    /// Each stamp with its instant, zone and zone notes, as a page would resolve them.
    fn page(texts: &[&str], ctx: &Context) -> String {
        let stamps: Vec<Stamp> = texts.iter().filter_map(|t| crate::parse_stamp(t)).collect();
        assert_eq!(stamps.len(), texts.len());
        let seq = resolve_sequence(&stamps, ctx);
        let mut out = Vec::new();
        for (s, t) in stamps.iter().zip(&seq.times) {
            match t {
                Ok(r) => {
                    out.push(format!(
                        "{} -> {} {}",
                        s.text,
                        r.utc.format("%Y-%m-%dT%H:%MZ"),
                        r.zone
                    ));
                    for n in r.notes.iter().filter(|n| n.code != "out-of-order") {
                        out.push(format!("  {n}"));
                    }
                }
                Err(e) => out.push(format!("{} -> error: {e}", s.text)),
            }
        }
        out.join("\n")
    }

    #[test]
    fn ambiguous_zone_by_outlet_country() {
        let bd = Context::default().with_country("BD");
        insta::assert_snapshot!(page(&["5 January 2020 10:00 BST"], &bd), @r#"
            5 January 2020 10:00 BST -> 2020-01-05T04:00Z Asia/Dhaka
              info[zone-ambiguous]: `BST` read as Bangladesh Standard Time (Asia/Dhaka) from the outlet's country (BD); it may also mean British Summer Time (Europe/London)
        "#);
        let cn = Context::default().with_country("cn");
        insta::assert_snapshot!(page(&["5 January 2020 10:00 CST"], &cn), @r#"
            5 January 2020 10:00 CST -> 2020-01-05T02:00Z Asia/Shanghai
              info[zone-ambiguous]: `CST` read as China Standard Time (Asia/Shanghai) from the outlet's country (CN); it may also mean US Central Standard Time (America/Chicago)
        "#);
        let sa = Context::default().with_country("SA");
        insta::assert_snapshot!(page(&["5 January 2020 10:00 AST"], &sa), @r#"
            5 January 2020 10:00 AST -> 2020-01-05T07:00Z Asia/Riyadh
              info[zone-ambiguous]: `AST` read as Arabia Standard Time (Asia/Riyadh) from the outlet's country (SA); it may also mean Atlantic Standard Time (America/Puerto_Rico)
        "#);
        // A country that settles nothing falls through to the page, then the default.
        let gb = Context::default().with_country("GB");
        insta::assert_snapshot!(page(&["5 January 2020 10:00 IST"], &gb), @r#"
            5 January 2020 10:00 IST -> 2020-01-05T04:30Z Asia/Kolkata
              info[zone-ambiguous]: `IST` read as India Standard Time (Asia/Kolkata) by default: the outlet's country (GB) does not settle it and nothing else on the page says which; it may also mean Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem)
        "#);
    }

    #[test]
    fn ambiguous_zone_by_the_pages_other_stamps() {
        // A British page: GMT in winter, BST in summer.
        insta::assert_snapshot!(page(&["5 January 2020 10:00 GMT", "4 July 2020 10:00 BST"], &Context::default()), @r#"
            5 January 2020 10:00 GMT -> 2020-01-05T10:00Z UTC
            4 July 2020 10:00 BST -> 2020-07-04T09:00Z Europe/London
              info[zone-ambiguous]: `BST` read as British Summer Time (Europe/London) from the page's other zones (`GMT`); it may also mean Bangladesh Standard Time (Asia/Dhaka)
        "#);
        // `GMT+6` elsewhere: Bangladesh.
        insta::assert_snapshot!(page(&["5 July 2020 10:00 GMT+6", "5 July 2020 11:00 BST"], &Context::default()), @r#"
            5 July 2020 10:00 GMT+6 -> 2020-07-05T04:00Z +06:00
            5 July 2020 11:00 BST -> 2020-07-05T05:00Z Asia/Dhaka
              info[zone-ambiguous]: `BST` read as Bangladesh Standard Time (Asia/Dhaka) from the page's other zones (`+06:00`); it may also mean British Summer Time (Europe/London)
        "#);
        // `GMT+5:30`: India; but the outlet's country comes before the page.
        let texts = ["5 July 2020 10:00 GMT+5:30", "5 July 2020 11:00 IST"];
        insta::assert_snapshot!(page(&texts, &Context::default()), @r#"
            5 July 2020 10:00 GMT+5:30 -> 2020-07-05T04:30Z +05:30
            5 July 2020 11:00 IST -> 2020-07-05T05:30Z Asia/Kolkata
              info[zone-ambiguous]: `IST` read as India Standard Time (Asia/Kolkata) from the page's other zones (`+05:30`); it may also mean Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem)
        "#);
        insta::assert_snapshot!(page(&texts, &Context::default().with_country("IE")), @r#"
            5 July 2020 10:00 GMT+5:30 -> 2020-07-05T04:30Z +05:30
            5 July 2020 11:00 IST -> 2020-07-05T10:00Z Europe/Dublin
              info[zone-ambiguous]: `IST` read as Irish Standard Time (Europe/Dublin) from the outlet's country (IE); it may also mean India Standard Time (Asia/Kolkata) or Israel Standard Time (Asia/Jerusalem)
        "#);
        // `HKT` elsewhere: China; `ET`: the US.
        insta::assert_snapshot!(page(&["5 January 2020 10:00 HKT", "5 January 2020 11:00 CST"], &Context::default()), @r#"
            5 January 2020 10:00 HKT -> 2020-01-05T02:00Z Asia/Hong_Kong
            5 January 2020 11:00 CST -> 2020-01-05T03:00Z Asia/Shanghai
              info[zone-ambiguous]: `CST` read as China Standard Time (Asia/Shanghai) from the page's other zones (`HKT`); it may also mean US Central Standard Time (America/Chicago)
        "#);
        insta::assert_snapshot!(page(&["5 January 2020 10:00 ET", "5 January 2020 11:00 CST"], &Context::default()), @r#"
            5 January 2020 10:00 ET -> 2020-01-05T15:00Z America/New_York
            5 January 2020 11:00 CST -> 2020-01-05T17:00Z America/Chicago
              info[zone-ambiguous]: `CST` read as US Central Standard Time (America/Chicago) from the page's other zones (`ET`); it may also mean China Standard Time (Asia/Shanghai)
        "#);
        // Both: the default, and the note says the page points both ways.
        insta::assert_snapshot!(page(&["5 January 2020 10:00 ET", "5 January 2020 10:00 HKT", "5 January 2020 11:00 CST"], &Context::default()), @r#"
            5 January 2020 10:00 ET -> 2020-01-05T15:00Z America/New_York
            5 January 2020 10:00 HKT -> 2020-01-05T02:00Z Asia/Hong_Kong
            5 January 2020 11:00 CST -> 2020-01-05T17:00Z America/Chicago
              info[zone-ambiguous]: `CST` read as US Central Standard Time (America/Chicago) by default: the page's other zones (`ET`, `HKT`) point more than one way; it may also mean China Standard Time (Asia/Shanghai)
        "#);
    }

    #[test]
    fn ambiguous_zone_by_the_pages_zone() {
        let dhaka = Context::default()
            .with_page_date(chrono::NaiveDate::from_ymd_opt(2020, 7, 5).unwrap_or_default())
            .with_zone(
                chrono_tz::Tz::Asia__Dhaka,
                crate::ZoneOrigin::OutletDefault {
                    outlet: "The Daily Star".into(),
                },
            );
        insta::assert_snapshot!(page(&["10:00 BST", "11:00"], &dhaka), @r#"
            10:00 BST -> 2020-07-05T04:00Z Asia/Dhaka
              info[zone-ambiguous]: `BST` read as Bangladesh Standard Time (Asia/Dhaka) from the page's zone (`Asia/Dhaka`); it may also mean British Summer Time (Europe/London)
            11:00 -> 2020-07-05T05:00Z Asia/Dhaka
        "#);
    }

    #[test]
    fn ambiguous_zone_by_its_second_reading() {
        // `IST` whose `GMT` reading is 5h30 earlier is India's, whatever the outlet's country.
        let ie = Context::default().with_country("IE");
        insta::assert_snapshot!(page(&["0846 IST (0316 GMT) January 5, 2020"], &ie), @r#"
            0846 IST (0316 GMT) January 5, 2020 -> 2020-01-05T03:16Z Asia/Kolkata
              info[zone-ambiguous]: `IST` read as India Standard Time (Asia/Kolkata) from its second reading (`03:16 GMT`), which only this reading matches; it may also mean Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem)
        "#);
    }

    #[test]
    fn ambiguous_zone_by_default() {
        insta::assert_snapshot!(page(&["5 January 2020 10:00 CST"], &Context::default()), @r#"
            5 January 2020 10:00 CST -> 2020-01-05T16:00Z America/Chicago
              info[zone-ambiguous]: `CST` read as US Central Standard Time (America/Chicago) by default: neither the outlet's country nor the page's other zones say which; it may also mean China Standard Time (Asia/Shanghai)
        "#);
        insta::assert_snapshot!(page(&["5 July 2020 10:00 BST"], &Context::default()), @r#"
            5 July 2020 10:00 BST -> 2020-07-05T09:00Z Europe/London
              info[zone-ambiguous]: `BST` read as British Summer Time (Europe/London) by default: neither the outlet's country nor the page's other zones say which; it may also mean Bangladesh Standard Time (Asia/Dhaka)
        "#);
        insta::assert_snapshot!(page(&["5 July 2020 10:00 AST"], &Context::default()), @r#"
            5 July 2020 10:00 AST -> 2020-07-05T14:00Z America/Puerto_Rico
              info[zone-ambiguous]: `AST` read as Atlantic Standard Time (America/Puerto_Rico) by default: neither the outlet's country nor the page's other zones say which; it may also mean Arabia Standard Time (Asia/Riyadh)
        "#);
        // `BST` in January: British Summer Time is not in force; reported, with the reading
        // that is.
        insta::assert_snapshot!(page(&["5 January 2020 10:00 BST"], &Context::default()), @r#"
            5 January 2020 10:00 BST -> 2020-01-05T10:00Z Europe/London
              info[zone-ambiguous]: `BST` read as British Summer Time (Europe/London) by default: neither the outlet's country nor the page's other zones say which; it may also mean Bangladesh Standard Time (Asia/Dhaka)
              warning[abbreviation-season]: `BST` names daylight-saving time but Europe/London keeps standard time on 2020-01-05; read as Europe/London civil time (the page probably meant the region's time, not the season's); nothing on the page rules out Bangladesh Standard Time (Asia/Dhaka), which is in force then
        "#);
    }
}
