//! Reading a recognised expression against the report: days and parts of days in the report's
//! zone, named weekdays and months past-biased (the most recent on or before the report) unless
//! the sentence looks ahead, clocks placed on the last day that puts them before the report.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use regex::Regex;

use super::clock;
use super::recognise::clock_text;
use super::rules::S;
use super::what::{Bound, Found, Unit, What, Which, weekday_name};
use super::{Expression, ExpressionKind, Granularity, Interval, ReportContext};
use crate::types::{Note, NoteCode, ZoneOrigin};

/// Words that make a sentence look ahead, so `on Saturday` is the coming one.
static FUTURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:will|shall|is{S}+set{S}+to|are{S}+set{S}+to|scheduled|plans?{S}+to|planning{S}+to|expected{S}+to|is{S}+due|are{S}+due|to{S}+be{S}+held|upcoming)\b"
    ))
    .ok()
});

/// What reading an expression gives, before it is dressed as an [`Expression`].
pub(super) struct Reading {
    pub(super) kind: ExpressionKind,
    pub(super) interval: Option<Interval>,
    pub(super) alternatives: Vec<Interval>,
    pub(super) zone: Cow<'static, str>,
    pub(super) origin: ZoneOrigin,
    pub(super) recurrence: Option<String>,
    pub(super) notes: Vec<Note>,
}

impl Reading {
    pub(super) fn new(kind: ExpressionKind, interval: Interval, report: &ReportContext) -> Self {
        Reading {
            kind,
            interval: Some(interval),
            alternatives: Vec::new(),
            zone: zone_name(report.tz),
            origin: ZoneOrigin::Caller,
            recurrence: None,
            notes: Vec::new(),
        }
    }

    /// "since X": from the start of `unit` up to the report. When `unit` starts after the
    /// report ("since 2019" in a 2015 report), the text contradicts its own date: `unit` itself
    /// is kept and a warning says so, rather than an interval that runs backwards.
    pub(super) fn since(unit: Interval, report: &ReportContext, printed: &str) -> Self {
        if unit.start <= report.utc {
            let open = Interval::new(unit.start, report.utc, unit.granularity);
            return Reading::new(ExpressionKind::OpenSince, open, report);
        }
        Reading::new(ExpressionKind::Interval, unit, report).note(Note::warn(
            NoteCode::SinceAfterReport,
            format!(
                "`{printed}` names a time after the report itself; read as that {} alone",
                granularity_name(unit.granularity)
            ),
        ))
    }

    pub(super) fn note(mut self, note: Note) -> Self {
        self.notes.push(note);
        self
    }
}

/// Reads one expression; `before` are the expressions read earlier in the same text.
pub(super) fn read(
    found: &Found,
    text: &str,
    report: &ReportContext,
    before: &[Expression],
) -> Option<Expression> {
    let printed = text.get(found.span.clone())?;
    let r = reading(
        &found.what,
        printed,
        text,
        found.span.clone(),
        report,
        before,
    )?;
    Some(Expression {
        span: found.span.clone(),
        text: printed.to_owned(),
        rule: found.rule,
        kind: r.kind,
        interval: r.interval,
        alternatives: r.alternatives,
        zone: r.zone,
        origin: r.origin,
        recurrence: r.recurrence,
        notes: r.notes,
    })
}

pub(super) fn reading(
    what: &What,
    printed: &str,
    text: &str,
    span: Range<usize>,
    report: &ReportContext,
    before: &[Expression],
) -> Option<Reading> {
    let tz = report.tz;
    let today = local_date(report.utc, tz);
    match what {
        What::Day(n) => {
            let d = shift(today, *n)?;
            Some(Reading::new(
                ExpressionKind::Interval,
                day(tz, d, d, Granularity::Day)?,
                report,
            ))
        }
        What::PartOfDay(n, part) => {
            let d = shift(today, *n)?;
            let (h0, h1) = part.hours();
            let interval = Interval::new(at(tz, d, h0)?, at(tz, d, h1)?, Granularity::PartOfDay);
            Some(
                Reading::new(ExpressionKind::Interval, interval, report).note(Note::info(
                    NoteCode::PartOfDay,
                    format!(
                        "`{printed}` read as the {} of {d}, {h0:02}:00 to {:02}:00 in {}",
                        part.word(),
                        h1 % 24,
                        zone_name(tz)
                    ),
                )),
            )
        }
        What::Period(unit, offset, bound) => period(*unit, *offset, *bound, printed, report),
        What::Weekend(which) => {
            let monday = shift(today, -i64::from(today.weekday().num_days_from_monday()))?;
            let this = shift(monday, 5)?;
            let last = shift(monday, -2)?;
            let in_it = today >= this;
            let ahead = looks_ahead(text, span.start);
            let (sat, other) = match which {
                Which::Nearest if in_it => (this, None),
                Which::Nearest if ahead => (this, Some(last)),
                Which::Nearest => (last, None),
                Which::Last => (last, None),
                Which::This => (this, None),
                Which::Next => (shift(monday, 12)?, None),
            };
            let sun = shift(sat, 1)?;
            let mut r = Reading::new(
                ExpressionKind::Interval,
                day(tz, sat, sun, Granularity::Day)?,
                report,
            );
            if let Some(o) = other {
                r.alternatives
                    .push(day(tz, o, shift(o, 1)?, Granularity::Day)?);
            }
            Some(r.note(Note::info(
                NoteCode::Weekend,
                format!("`{printed}` read as Saturday {sat} and Sunday {sun}"),
            )))
        }
        What::Weekday {
            wd,
            which,
            part,
            since,
        } => {
            let back = i64::from(
                (7 + today.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7,
            );
            let past = shift(today, -back)?;
            let wd = weekday_name(*wd);
            let ahead = looks_ahead(text, span.start);
            let (d, other, note) = match which {
                Which::Nearest if ahead && past != today => (
                    shift(past, 7)?,
                    Some(past),
                    Note::warn(
                        NoteCode::FutureCue,
                        format!(
                            "`{printed}` read as the coming {wd}, {}, since the sentence looks ahead; the past one, {past}, is also possible",
                            shift(past, 7)?
                        ),
                    ),
                ),
                Which::Nearest => (
                    past,
                    None,
                    Note::info(
                        NoteCode::PastBiased,
                        format!(
                            "`{printed}` read as the most recent {wd} on or before the report's day: {past}"
                        ),
                    ),
                ),
                Which::Last => {
                    let d = if past == today {
                        shift(past, -7)?
                    } else {
                        past
                    };
                    let note = Note::info(
                        NoteCode::WeekdayLast,
                        format!("`{printed}` read as the last {wd} before the report's day: {d}"),
                    );
                    (d, None, note)
                }
                Which::Next => {
                    let d = shift(past, 7)?;
                    // In the report's own week, `next Friday` may mean the one a week later.
                    let same_week = d.iso_week() == today.iso_week();
                    let note = if same_week {
                        Note::warn(
                            NoteCode::WeekdayNext,
                            format!(
                                "`{printed}` read as the next {wd} after the report's day, {d}; it may mean the one in the following week, {}",
                                shift(d, 7)?
                            ),
                        )
                    } else {
                        Note::info(
                            NoteCode::WeekdayNext,
                            format!(
                                "`{printed}` read as the next {wd} after the report's day: {d}"
                            ),
                        )
                    };
                    (d, same_week.then(|| shift(d, 7)).flatten(), note)
                }
                Which::This => {
                    let d = if past == today {
                        today
                    } else {
                        shift(past, 7)?
                    };
                    let other = (past != today).then_some(past);
                    let note = Note::warn(
                        NoteCode::WeekdayThis,
                        format!(
                            "`{printed}` read as the coming {wd}, {d}; it may mean the one just past"
                        ),
                    );
                    (d, other, note)
                }
            };
            let mut r = match (part, since) {
                (_, true) => Reading::since(day(tz, d, d, Granularity::Day)?, report, printed),
                (Some(p), false) => {
                    let (h0, h1) = p.hours();
                    Reading::new(
                        ExpressionKind::Interval,
                        Interval::new(at(tz, d, h0)?, at(tz, d, h1)?, Granularity::PartOfDay),
                        report,
                    )
                }
                (None, false) => Reading::new(
                    ExpressionKind::Interval,
                    day(tz, d, d, Granularity::Day)?,
                    report,
                ),
            };
            if let Some(o) = other {
                r.alternatives.push(match part {
                    Some(p) => {
                        let (h0, h1) = p.hours();
                        Interval::new(at(tz, o, h0)?, at(tz, o, h1)?, Granularity::PartOfDay)
                    }
                    None => day(tz, o, o, Granularity::Day)?,
                });
            }
            r.notes.push(note);
            if let Some(p) = part {
                let (h0, h1) = p.hours();
                r.notes.push(Note::info(
                    NoteCode::PartOfDay,
                    format!(
                        "`{printed}` read as the {} of {d}, {h0:02}:00 to {:02}:00 in {}",
                        p.word(),
                        h1 % 24,
                        zone_name(tz)
                    ),
                ));
            }
            Some(r)
        }
        What::Shift(n) => shifted(*n, printed, report, before),
        What::Month {
            month,
            year,
            which,
            since,
        } => {
            let (y, m) = (today.year(), today.month());
            let ahead = looks_ahead(text, span.start);
            let past_year = if *month <= m { y } else { y - 1 };
            let coming_year = if *month >= m { y } else { y + 1 };
            let (year, other, note) = match (year, which) {
                (Some(year), _) => (*year, None, None),
                (None, Which::Nearest) if ahead && *month != m => (
                    coming_year,
                    Some(past_year),
                    Some(Note::warn(
                        NoteCode::FutureCue,
                        format!(
                            "`{printed}` names no year: read as {coming_year}, since the sentence looks ahead; {past_year} is also possible"
                        ),
                    )),
                ),
                (None, Which::Nearest) => (
                    past_year,
                    None,
                    Some(Note::info(
                        NoteCode::YearInferred,
                        format!(
                            "`{printed}` names no year: read as {past_year}-{month:02}, the most recent on or before the report's month"
                        ),
                    )),
                ),
                (None, Which::Last) => {
                    let year = if *month < m { y } else { y - 1 };
                    (
                        year,
                        None,
                        Some(Note::info(
                            NoteCode::YearInferred,
                            format!(
                                "`{printed}` read as {year}-{month:02}, the last before the report's month"
                            ),
                        )),
                    )
                }
                (None, Which::Next) => {
                    let year = if *month > m { y } else { y + 1 };
                    (
                        year,
                        None,
                        Some(Note::info(
                            NoteCode::YearInferred,
                            format!(
                                "`{printed}` read as {year}-{month:02}, the next after the report's month"
                            ),
                        )),
                    )
                }
                (None, Which::This) => (y, None, None),
            };
            let first = NaiveDate::from_ymd_opt(year, *month, 1)?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            let mut r = if *since {
                Reading::since(
                    Interval::new(at(tz, first, 0)?, at(tz, next, 0)?, Granularity::Month),
                    report,
                    printed,
                )
            } else {
                Reading::new(
                    ExpressionKind::Interval,
                    Interval::new(at(tz, first, 0)?, at(tz, next, 0)?, Granularity::Month),
                    report,
                )
            };
            if let Some(o) = other {
                let first = NaiveDate::from_ymd_opt(o, *month, 1)?;
                let next = first.checked_add_months(chrono::Months::new(1))?;
                r.alternatives.push(Interval::new(
                    at(tz, first, 0)?,
                    at(tz, next, 0)?,
                    Granularity::Month,
                ));
            }
            r.notes.extend(note);
            Some(r)
        }
        What::Year { year, since } => {
            let first = NaiveDate::from_ymd_opt(*year, 1, 1)?;
            let next = NaiveDate::from_ymd_opt(year + 1, 1, 1)?;
            let unit = Interval::new(at(tz, first, 0)?, at(tz, next, 0)?, Granularity::Year);
            Some(if *since {
                Reading::since(unit, report, printed)
            } else {
                Reading::new(ExpressionKind::Interval, unit, report)
            })
        }
        What::Date {
            month,
            day: dom,
            year,
            weekday,
            since,
        } => {
            let (d, other, note) = match year {
                Some(y) => (NaiveDate::from_ymd_opt(*y, *month, *dom)?, None, None),
                None => {
                    let this = NaiveDate::from_ymd_opt(today.year(), *month, *dom);
                    let last = NaiveDate::from_ymd_opt(today.year() - 1, *month, *dom);
                    let next = NaiveDate::from_ymd_opt(today.year() + 1, *month, *dom);
                    let past = this.filter(|d| *d <= today).or(last)?;
                    let coming = this.filter(|d| *d >= today).or(next);
                    match coming {
                        Some(c) if looks_ahead(text, span.start) && c != past => (
                            c,
                            Some(past),
                            Some(Note::warn(
                                NoteCode::FutureCue,
                                format!(
                                    "`{printed}` names no year: read as {c}, since the sentence looks ahead; {past} is also possible"
                                ),
                            )),
                        ),
                        _ => (
                            past,
                            None,
                            Some(Note::info(
                                NoteCode::YearInferred,
                                format!(
                                    "`{printed}` names no year: read as {past}, the most recent on or before the report's day"
                                ),
                            )),
                        ),
                    }
                }
            };
            let mut r = if *since {
                Reading::since(day(tz, d, d, Granularity::Day)?, report, printed)
            } else {
                Reading::new(
                    ExpressionKind::Interval,
                    day(tz, d, d, Granularity::Day)?,
                    report,
                )
            };
            if let Some(o) = other {
                r.alternatives.push(day(tz, o, o, Granularity::Day)?);
            }
            r.notes.extend(note);
            if let Some(wd) = weekday.filter(|wd| *wd != d.weekday()) {
                r.notes.push(Note::warn(
                    NoteCode::WeekdayMismatch,
                    format!(
                        "`{printed}` prints {} but {d} is a {}",
                        weekday_name(wd),
                        weekday_name(d.weekday())
                    ),
                ));
            }
            Some(r)
        }
        What::Clock { stamp, local, on } => clock::clock(
            stamp,
            *local,
            on.as_deref(),
            printed,
            text,
            span,
            report,
            before,
        ),
        What::Stamp(stamp) => clock::whole_stamp(stamp, report),
        What::Every { unit, clock } => {
            let (zone, origin, at_clock) = match clock {
                Some((stamp, local)) => {
                    let (zone, origin) = clock::stated_zone(stamp, report);
                    let label = match (&stamp.zone, local) {
                        (Some(l), _) => format!(" {l}"),
                        (None, true) => " local time".to_owned(),
                        (None, false) => String::new(),
                    };
                    (zone, origin, format!(" at {}{label}", clock_text(stamp)))
                }
                None => (zone_name(tz), ZoneOrigin::Caller, String::new()),
            };
            let recurrence = format!("every {unit}{at_clock}");
            Some(Reading {
                kind: ExpressionKind::Recurring,
                interval: None,
                alternatives: Vec::new(),
                zone,
                origin,
                notes: vec![Note::info(
                    NoteCode::Recurring,
                    format!("`{printed}` recurs ({recurrence}); it names no single time"),
                )],
                recurrence: Some(recurrence),
            })
        }
    }
}

/// `this week`, `last month`, `earlier this year`, `later today`.
fn period(
    unit: Unit,
    offset: i64,
    bound: Bound,
    printed: &str,
    report: &ReportContext,
) -> Option<Reading> {
    let tz = report.tz;
    let today = local_date(report.utc, tz);
    let (start, end, granularity) = match unit {
        Unit::Day => {
            let d = shift(today, offset)?;
            (d, shift(d, 1)?, Granularity::Day)
        }
        Unit::Week => {
            let monday = shift(today, -i64::from(today.weekday().num_days_from_monday()))?;
            let start = shift(monday, 7 * offset)?;
            (start, shift(start, 7)?, Granularity::Week)
        }
        Unit::Month => {
            let first = today.with_day(1)?;
            let start = add_months(first, offset)?;
            (start, add_months(start, 1)?, Granularity::Month)
        }
        Unit::Year => {
            let y = today.year() + i32::try_from(offset).ok()?;
            (
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?,
                Granularity::Year,
            )
        }
    };
    let (mut s, mut e) = (at(tz, start, 0)?, at(tz, end, 0)?);
    match bound {
        Bound::Whole => {}
        Bound::Earlier => e = report.utc.min(e),
        Bound::Later => s = report.utc.max(s),
    }
    let mut r = Reading::new(
        ExpressionKind::Interval,
        Interval::new(s, e, granularity),
        report,
    );
    if unit == Unit::Week {
        r.notes.push(Note::info(
            NoteCode::WeekMonday,
            format!("`{printed}` read with weeks running Monday to Sunday: from {start}"),
        ));
    }
    Some(r)
}

/// `a day later`, `the day before`: counted from the previous expression in the text.
fn shifted(
    n: i64,
    printed: &str,
    report: &ReportContext,
    before: &[Expression],
) -> Option<Reading> {
    let anchor = before.iter().rev().find(|e| {
        matches!(e.kind, ExpressionKind::Instant | ExpressionKind::Interval) && e.interval.is_some()
    });
    let tz = report.tz;
    let Some((anchor, interval)) = anchor.and_then(|a| a.interval.map(|i| (a, i))) else {
        let d = shift(local_date(report.utc, tz), n)?;
        return Some(
            Reading::new(ExpressionKind::Interval, day(tz, d, d, Granularity::Day)?, report).note(
                Note::warn(
                    NoteCode::NoAnchor,
                    format!(
                        "`{printed}` counts from an earlier time the text does not give; counted from the report's day: {d}"
                    ),
                ),
            ),
        );
    };
    if interval.granularity <= Granularity::Day {
        let anchor_tz: Tz = anchor.zone.parse().unwrap_or(tz);
        let d = shift(local_date(interval.start, anchor_tz), n)?;
        let mut r = Reading::new(
            ExpressionKind::Interval,
            day(anchor_tz, d, d, Granularity::Day)?,
            report,
        );
        r.zone = anchor.zone.clone();
        r.origin = anchor.origin.clone();
        return Some(r.note(Note::info(
            NoteCode::Anchored,
            format!("`{printed}` counted from `{}`: {d}", anchor.text),
        )));
    }
    let by = Duration::days(n);
    let moved = Interval::new(
        interval.start.checked_add_signed(by)?,
        interval.end.checked_add_signed(by)?,
        interval.granularity,
    );
    Some(
        Reading::new(ExpressionKind::Interval, moved, report).note(Note::warn(
            NoteCode::AnchorCoarse,
            format!(
                "`{printed}` counted from `{}`, which names a {:?} and not a day: the day is not known",
                anchor.text,
                interval.granularity
            ),
        )),
    )
}

/// Whether the sentence before `at` looks ahead (`will`, `is set to`, `scheduled`).
pub(super) fn looks_ahead(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let sentence = before.get(start..).unwrap_or("");
    FUTURE.as_ref().is_some_and(|re| re.is_match(sentence))
}

/// The name an expression read in `tz` reports, as a resolved stamp's zone is named.
pub(super) fn zone_name(tz: Tz) -> Cow<'static, str> {
    crate::zones::Zone::Region(tz).name()
}

pub(super) fn local_date(utc: DateTime<Utc>, tz: Tz) -> NaiveDate {
    utc.with_timezone(&tz).date_naive()
}

pub(super) fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::days(days))
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = chrono::Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(months)
    } else {
        d.checked_sub_months(months)
    }
}

/// `hours` after local midnight of `date` in `tz`; a time in a daylight-saving gap moves to the
/// end of the gap, a repeated one takes its first pass.
pub(super) fn at(tz: Tz, date: NaiveDate, hours: i64) -> Option<DateTime<Utc>> {
    let ndt = date
        .and_hms_opt(0, 0, 0)?
        .checked_add_signed(Duration::hours(hours))?;
    (0..=2)
        .find_map(|extra| {
            let t = ndt.checked_add_signed(Duration::minutes(30 * extra))?;
            tz.from_local_datetime(&t).earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

/// The days `from` to `to` inclusive, in `tz`.
pub(super) fn day(
    tz: Tz,
    from: NaiveDate,
    to: NaiveDate,
    granularity: Granularity,
) -> Option<Interval> {
    Some(Interval::new(
        at(tz, from, 0)?,
        at(tz, shift(to, 1)?, 0)?,
        granularity,
    ))
}

fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Minute => "minute",
        Granularity::Hour => "hour",
        Granularity::PartOfDay => "part of the day",
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn future_words_compile() {
        assert!(FUTURE.is_some());
        assert!(looks_ahead("Parliament is set to meet on Saturday", 30));
        assert!(!looks_ahead(
            "Parliament met. It will rain. On Saturday",
            40
        ));
    }

    #[test]
    fn midnight_in_a_gap_moves_to_its_end() {
        // Santiago's clocks skipped from 00:00 to 01:00 on 2019-09-08.
        let d = NaiveDate::from_ymd_opt(2019, 9, 8).unwrap();
        let t = at(Tz::America__Santiago, d, 0).unwrap();
        assert_eq!(t.to_rfc3339(), "2019-09-08T04:00:00+00:00");
    }
}
