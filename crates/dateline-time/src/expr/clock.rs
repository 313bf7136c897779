//! Clocks in running text: the zone (stated, the report's, or a place's for "local time") and
//! the day (printed beside the clock, or the last one that puts it at or before the report).

use std::borrow::Cow;
use std::ops::Range;

use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;

use super::read::{Reading, day, local_date, looks_ahead, reading, shift, zone_name};
use super::what::{Part, What};
use super::{Expression, ExpressionKind, Granularity, Interval, ReportContext};
use crate::types::{Context, Note, NoteCode, Precision, Stamp, ZoneOrigin};

/// A clock with no date is also read on the day after when that puts it this close after the
/// report.
const AHEAD: i64 = 12;

/// A clock, placed on the day printed beside it or, with none, on the last day that puts it at
/// or before the report (a reading up to 12 hours after the report is kept as an alternative).
#[allow(clippy::too_many_arguments)]
pub(super) fn clock(
    stamp: &Stamp,
    local: bool,
    on: Option<&What>,
    printed: &str,
    text: &str,
    span: Range<usize>,
    report: &ReportContext,
    before: &[Expression],
) -> Option<Reading> {
    let mut notes = Vec::new();
    let (tz, origin) = if local && stamp.zone.is_none() {
        let (place, why) = local_zone(text, span.clone(), printed, report);
        notes.extend(why);
        match place {
            Some((tz, name)) => (tz, ZoneOrigin::Gazetteer { place: name.into() }),
            None => (report.tz, ZoneOrigin::Caller),
        }
    } else {
        (report.tz, ZoneOrigin::Caller)
    };
    let mut ctx = Context::default().with_zone(tz, origin);
    ctx.country.clone_from(&report.country);
    let granularity = if stamp.precision == Precision::Hour {
        Granularity::Hour
    } else {
        Granularity::Minute
    };
    let width = if granularity == Granularity::Hour {
        Duration::hours(1)
    } else {
        Duration::minutes(1)
    };
    let on_date =
        |d: NaiveDate| crate::resolve::resolve(stamp, &ctx.clone().with_page_date(d)).ok();

    if let Some(day_what) = on {
        let day_reading = reading(day_what, printed, text, span, report, before)?;
        let start = day_reading.interval?.start;
        let mut d = local_date(start, report.tz);
        if matches!(
            day_what,
            What::PartOfDay(_, Part::Night)
                | What::Weekday {
                    part: Some(Part::Night),
                    ..
                }
        ) && stamp.time.is_some_and(|t| t.hour() < 12)
        {
            // `last night at 1am`: the small hours after the night's evening.
            d = shift(d, 1)?;
        }
        let r = on_date(d)?;
        let mut out = Reading::new(
            ExpressionKind::Instant,
            Interval::new(r.utc, r.utc.checked_add_signed(width)?, granularity),
            report,
        );
        out.zone = r.zone;
        out.origin = r.origin;
        out.notes = notes;
        out.notes.extend(r.notes);
        out.notes.extend(day_reading.notes);
        return Some(out);
    }

    let today = local_date(report.utc, report.tz);
    let readings: Vec<_> = (-2..=1).filter_map(|n| on_date(shift(today, n)?)).collect();
    let past = readings
        .iter()
        .filter(|r| r.utc <= report.utc)
        .max_by_key(|r| r.utc);
    let limit = report.utc.checked_add_signed(Duration::hours(AHEAD))?;
    let future: Vec<_> = readings
        .iter()
        .filter(|r| r.utc > report.utc && r.utc <= limit)
        .collect();
    let ahead = looks_ahead(text, span.start);
    let (chosen, others): (_, Vec<_>) = match (past, future.first()) {
        (Some(p), Some(f)) if ahead => (*f, vec![p]),
        (Some(p), _) => (p, future.clone()),
        (None, Some(f)) => (*f, Vec::new()),
        (None, None) => return None,
    };
    let show = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%MZ").to_string();
    let local_clock = chosen.local.format("%Y-%m-%d %H:%M");
    let note = match others.first() {
        Some(o) => {
            let gap = (o.utc - report.utc).num_minutes().abs();
            let (h, m) = (gap / 60, gap % 60);
            let rel = if o.utc > report.utc {
                "after"
            } else {
                "before"
            };
            Note::warn(
                NoteCode::ClockDayUncertain,
                format!(
                    "`{printed}` names no day: read as {local_clock} in {}, {}{}; {}, {h}h{m:02} {rel} the report, is also possible",
                    chosen.zone,
                    show(chosen.utc),
                    if ahead {
                        ", since the sentence looks ahead"
                    } else {
                        ", the last such time before the report"
                    },
                    show(o.utc),
                ),
            )
        }
        None => Note::info(
            NoteCode::ClockDayInferred,
            format!(
                "`{printed}` names no day: read as {local_clock} in {}, the last such time before the report",
                chosen.zone
            ),
        ),
    };
    let mut out = Reading::new(
        ExpressionKind::Instant,
        Interval::new(
            chosen.utc,
            chosen.utc.checked_add_signed(width)?,
            granularity,
        ),
        report,
    );
    for o in others {
        out.alternatives.push(Interval::new(
            o.utc,
            o.utc.checked_add_signed(width)?,
            granularity,
        ));
    }
    out.zone.clone_from(&chosen.zone);
    out.origin = chosen.origin.clone();
    out.notes = notes;
    out.notes.push(note);
    out.notes.extend(chosen.notes.iter().cloned());
    Some(out)
}

/// A stamp the scanner reads whole (`3 January 2020 12:44`, `Yesterday 18:40`, `2 hours ago`).
pub(super) fn whole_stamp(stamp: &Stamp, report: &ReportContext) -> Option<Reading> {
    let mut ctx = Context::default()
        .with_zone(report.tz, ZoneOrigin::Caller)
        .with_page_date(local_date(report.utc, report.tz))
        .with_now(report.utc);
    ctx.country.clone_from(&report.country);
    let r = crate::resolve::resolve(stamp, &ctx).ok()?;
    let interval = match (stamp.time, stamp.relative, stamp.precision) {
        (None, None, _) => {
            let d = r.local.date_naive();
            let tz: Tz = r.zone.parse().unwrap_or(report.tz);
            (ExpressionKind::Interval, day(tz, d, d, Granularity::Day)?)
        }
        (_, _, Precision::Hour) => (
            ExpressionKind::Instant,
            Interval::new(
                r.utc,
                r.utc.checked_add_signed(Duration::hours(1))?,
                Granularity::Hour,
            ),
        ),
        (_, _, Precision::Day) => (
            ExpressionKind::Instant,
            Interval::new(
                r.utc,
                r.utc.checked_add_signed(Duration::days(1))?,
                Granularity::Day,
            ),
        ),
        _ => (
            ExpressionKind::Instant,
            Interval::new(
                r.utc,
                r.utc.checked_add_signed(Duration::minutes(1))?,
                Granularity::Minute,
            ),
        ),
    };
    let mut out = Reading::new(interval.0, interval.1, report);
    out.zone = r.zone;
    out.origin = r.origin;
    out.notes = r.notes;
    Some(out)
}

/// The zone and origin of a clock's printed zone, or the report's.
pub(super) fn stated_zone(
    stamp: &Stamp,
    report: &ReportContext,
) -> (Cow<'static, str>, ZoneOrigin) {
    match &stamp.zone {
        Some(label) => match crate::zones::lookup(label, report.country.as_deref()) {
            Some(l) => (
                l.zone.name(),
                ZoneOrigin::Stated {
                    label: label.to_string(),
                },
            ),
            None => (zone_name(report.tz), ZoneOrigin::Caller),
        },
        None => (zone_name(report.tz), ZoneOrigin::Caller),
    }
}

/// The zone of "local time": the place named nearest before the clock in its sentence, else
/// before it in the text, else after it.
fn local_zone(
    text: &str,
    span: Range<usize>,
    printed: &str,
    report: &ReportContext,
) -> (Option<(Tz, &'static str)>, Vec<Note>) {
    let places = crate::gazetteer::find_places(text);
    let sentence = text
        .get(..span.start)
        .and_then(|s| s.rfind(['.', '!', '?', '\n']))
        .map_or(0, |i| i + 1);
    let before = places.iter().filter(|(r, _)| r.end <= span.start);
    let chosen = before
        .clone()
        .rfind(|(r, _)| r.start >= sentence)
        .map(|p| (p, "the place named before it in its sentence"))
        .or_else(|| {
            before
                .clone()
                .next_back()
                .map(|p| (p, "the nearest place named before it"))
        })
        .or_else(|| {
            places
                .iter()
                .find(|(r, _)| r.start >= span.end)
                .map(|p| (p, "the first place named after it"))
        });
    let Some(((_, place), why)) = chosen else {
        return (
            None,
            vec![Note::warn(
                NoteCode::LocalTimeUnplaced,
                format!(
                    "`{printed}` names a local time but the text names no place the gazetteer knows; read in the report's zone, {}",
                    zone_name(report.tz)
                ),
            )],
        );
    };
    let mut notes = vec![Note::info(
        NoteCode::LocalTimePlace,
        format!(
            "`{printed}` read in {} ({}), {why}",
            place.name,
            place.tz.name()
        ),
    )];
    let mut others: Vec<String> = Vec::new();
    for (_, p) in &places {
        let entry = format!("{} ({})", p.name, p.tz.name());
        if p.tz != place.tz && !others.contains(&entry) && others.len() < 3 {
            others.push(entry);
        }
    }
    if !others.is_empty() {
        notes.push(Note::warn(
            NoteCode::LocalTimePlacesDisagree,
            format!(
                "the text also names places in other zones: {}",
                others.join(", ")
            ),
        ));
    }
    (Some((place.tz, place.name)), notes)
}
