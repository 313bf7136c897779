//! One stamp and a context -> an instant, with the zone, rule and inferences that produced it.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};

use crate::types::{
    Context, DstPolicy, Error, Inferred, Note, NoteCode, PartialDate, Relative, Repr, Resolved,
    Stamp, ZoneLabel, ZoneOrigin,
};
use crate::zones::{self, Clues, Evidence, Season, Unplaced, Zone};

/// Resolves one stamp against `ctx`.
pub(crate) fn resolve(stamp: &Stamp, ctx: &Context) -> Result<Resolved, Error> {
    resolve_with(stamp, ctx, &[])
}

/// Resolves one stamp against `ctx`, with the unambiguous zones of the page's other stamps as
/// evidence for reading an ambiguous abbreviation (`BST` on a page that also prints `GMT`).
pub(crate) fn resolve_with(
    stamp: &Stamp,
    ctx: &Context,
    others: &[Evidence],
) -> Result<Resolved, Error> {
    // The stamp's own second reading counts first, then the page's other stamps, then its zone.
    let mut page: Vec<Evidence> = Vec::with_capacity(others.len() + 2);
    page.extend(stamp.also.as_ref().and_then(|(_, l)| Evidence::of_label(l)));
    page.extend(others.iter().cloned());
    page.extend(ctx.zone.as_ref().map(|h| Evidence::of_page_zone(h.tz)));
    let clues = Clues {
        country: ctx.country.as_deref(),
        page: &page,
    };
    let mut inferred = Vec::new();
    let mut notes = Vec::new();
    let text = stamp.text.as_str();
    if let Some(Relative::Ago(ago)) = stamp.relative {
        return resolve_ago(stamp, ago, ctx);
    }

    // The zone: the stamp's own, else the context's, else UTC assumed.
    let (mut zone, origin, mut lookup) = match &stamp.zone {
        Some(label) => {
            let lookup = zones::lookup_with(label, clues).ok_or_else(|| {
                Error::from(Repr::UnknownZone {
                    text: text.to_owned(),
                    label: label.to_string(),
                })
            })?;
            let origin = ZoneOrigin::Stated {
                label: label.to_string(),
            };
            (lookup.zone, origin, Some(lookup))
        }
        None => match &ctx.zone {
            Some(hint) => (Zone::Region(hint.tz), hint.origin.clone(), None),
            None => {
                notes.push(Note::warn(
                    NoteCode::ZoneAssumed,
                    format!("`{text}` prints no zone and the page gives none; UTC assumed"),
                ));
                (Zone::Region(chrono_tz::Tz::UTC), ZoneOrigin::Assumed, None)
            }
        },
    };

    // A numeric date whose fields could be either way round (`03/01/2020`) is read in the order
    // the outlet's country writes dates, and the choice is noted.
    let (printed, rule) = match crate::scan::numeric_reading(stamp, ctx.country.as_deref()) {
        Some((pd, form, note)) => {
            notes.push(note);
            (Some(pd), form)
        }
        None => match crate::scan::listopad_reading(stamp, ctx.country.as_deref()) {
            Some((pd, note)) => {
                notes.push(note);
                (Some(pd), stamp.form)
            }
            None => (stamp.date, stamp.form),
        },
    };
    notes.extend(crate::scan::clock_suffix_note(stamp));
    let date = match (stamp.relative, printed) {
        (Some(Relative::Weekday(wd)), _) => {
            let now = ctx.now.ok_or_else(|| {
                Error::from(Repr::CaptureTimeMissing {
                    text: text.to_owned(),
                })
            })?;
            inferred.push(Inferred::Capture(now));
            let local = match zone {
                Zone::Region(tz) => now.with_timezone(&tz).naive_local(),
                Zone::Fixed(off) => now.with_timezone(&off).naive_local(),
            };
            let (date, note) = last_weekday(wd, local, stamp.time, text).ok_or_else(|| {
                Error::from(Repr::OutOfRange {
                    text: text.to_owned(),
                })
            })?;
            notes.push(note);
            date
        }
        (Some(Relative::Days(days)), _) => {
            let now = ctx.now.ok_or_else(|| {
                Error::from(Repr::CaptureTimeMissing {
                    text: text.to_owned(),
                })
            })?;
            inferred.push(Inferred::Capture(now));
            let today = match zone {
                Zone::Region(tz) => now.with_timezone(&tz).date_naive(),
                Zone::Fixed(off) => now.with_timezone(&off).date_naive(),
            };
            today
                .checked_add_signed(Duration::days(i64::from(days)))
                .ok_or_else(|| {
                    Error::from(Repr::OutOfRange {
                        text: text.to_owned(),
                    })
                })?
        }
        (_, Some(pd)) => date_of(stamp, pd, ctx, &mut inferred)?,
        (_, None) => match (ctx.page_date, stamp.time) {
            (Some(d), Some(_)) => {
                inferred.push(Inferred::DateFromPage(d));
                d
            }
            (None, Some(_)) => {
                return Err(Repr::PageDateMissing {
                    text: text.to_owned(),
                }
                .into());
            }
            (_, None) => {
                return Err(Repr::Empty {
                    text: text.to_owned(),
                }
                .into());
            }
        },
    };
    if let Some(wd) = printed.and_then(|pd| pd.weekday)
        && date.weekday() != wd
    {
        notes.push(Note::warn(
            NoteCode::WeekdayMismatch,
            format!(
                "`{text}` prints {wd:?} but {date} is a {:?}",
                date.weekday()
            ),
        ));
    }
    let time = stamp.time.unwrap_or(NaiveTime::MIN);
    let ndt = date.and_time(time);

    // An ambiguous abbreviation with a second reading (`10:00 IST (04:30 GMT)`): the reading
    // that names the same instant settles it, whatever else the page says.
    if let (Some(label), Some((also_time, also_label))) = (&stamp.zone, &stamp.also)
        && let Some(agreed) = zones::lookup_by_agreement(label, ndt, *also_time, also_label, date)
    {
        zone = agreed.zone;
        lookup = Some(agreed);
    }

    let season = lookup.as_ref().map_or(Season::Any, |l| l.season);
    let placed = zones::place(zone, ndt, ctx.dst, season).map_err(|why| -> Error {
        let zone = zone.name().into_owned();
        let text = text.to_owned();
        match why {
            Unplaced::Gap => Repr::DstGap { text, zone, date }.into(),
            Unplaced::Overlap => Repr::DstOverlap { text, zone, date }.into(),
        }
    })?;
    inferred.extend(placed.inferred);
    notes.extend(placed.note);
    let local = placed.local;
    let utc = local.with_timezone(&Utc);

    if let (Some(label), Some(lookup)) = (&stamp.zone, &lookup) {
        notes.extend(lookup.note.clone());
        notes.extend(zones::season_note(&label.to_string(), lookup, utc, date));
    }
    if let Some((also_time, also_label)) = &stamp.also {
        // The main label is evidence for reading an ambiguous second one.
        let mut page = page.clone();
        page.extend(stamp.zone.as_ref().and_then(Evidence::of_label));
        let clues = Clues {
            country: ctx.country.as_deref(),
            page: &page,
        };
        notes.extend(check_also(stamp, utc, date, *also_time, also_label, clues));
    }

    Ok(Resolved {
        utc,
        local,
        zone: zone.name(),
        origin,
        rule,
        inferred,
        precision: stamp.precision,
        notes,
    })
}

/// The date of `wd` for a stamp that prints a weekday and a clock (`Monday 6:30PM`), captured at
/// `now` (local): the last such weekday on or before the capture date, or the one a week before
/// when the clock on the capture date would be after the capture time; with a note saying so.
fn last_weekday(
    wd: chrono::Weekday,
    now: chrono::NaiveDateTime,
    time: Option<NaiveTime>,
    text: &str,
) -> Option<(NaiveDate, Note)> {
    let today = now.date();
    let back = (today.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    let mut date = today.checked_sub_signed(Duration::days(i64::from(back)))?;
    let name = weekday_name(wd);
    let message = if back == 0 && time.is_some_and(|t| t > now.time()) {
        date = date.checked_sub_signed(Duration::days(7))?;
        format!(
            "`{text}` read as {name} {date}, a week before the capture date {today}, as the clock on {today} would be after the capture time"
        )
    } else {
        format!(
            "`{text}` read as {name} {date}, the last {name} on or before the capture date {today}"
        )
    };
    Some((date, Note::info(NoteCode::WeekdayBeforeCapture, message)))
}

/// A weekday's English name.
fn weekday_name(wd: chrono::Weekday) -> &'static str {
    match wd {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

/// `4m ago`: the capture time less the span, shown in the page's zone.
fn resolve_ago(stamp: &Stamp, ago: Duration, ctx: &Context) -> Result<Resolved, Error> {
    let now = ctx.now.ok_or_else(|| {
        Error::from(Repr::CaptureTimeMissing {
            text: stamp.text.clone(),
        })
    })?;
    let utc = now.checked_sub_signed(ago).ok_or_else(|| {
        Error::from(Repr::OutOfRange {
            text: stamp.text.clone(),
        })
    })?;
    let (tz, origin) = match &ctx.zone {
        Some(hint) => (hint.tz, hint.origin.clone()),
        None => (chrono_tz::Tz::UTC, ZoneOrigin::Assumed),
    };
    Ok(Resolved {
        utc,
        local: utc.with_timezone(&tz).fixed_offset(),
        zone: Zone::Region(tz).name(),
        origin,
        rule: stamp.form,
        inferred: vec![Inferred::Capture(now)],
        precision: stamp.precision,
        notes: Vec::new(),
    })
}

/// The calendar date a stamp prints, with the year taken from the page when missing.
fn date_of(
    stamp: &Stamp,
    pd: PartialDate,
    ctx: &Context,
    inferred: &mut Vec<Inferred>,
) -> Result<NaiveDate, Error> {
    let text = stamp.text.as_str();
    let year = match pd.year {
        Some(y) => y,
        None => {
            let page = ctx.page_date.ok_or_else(|| {
                Error::from(Repr::YearMissing {
                    text: text.to_owned(),
                })
            })?;
            // The year that puts the date nearest the page's: `Dec 31` on a 2 January page is
            // last year's.
            let y = [page.year() - 1, page.year(), page.year() + 1]
                .into_iter()
                .filter_map(|y| {
                    NaiveDate::from_ymd_opt(y, pd.month, pd.day)
                        .map(|d| (y, (d - page).num_days().abs()))
                })
                .min_by_key(|&(_, distance)| distance)
                .map_or(page.year(), |(y, _)| y);
            inferred.push(Inferred::Year(y));
            y
        }
    };
    NaiveDate::from_ymd_opt(year, pd.month, pd.day).ok_or_else(|| {
        Repr::NoSuchDate {
            text: text.to_owned(),
            year,
            month: pd.month,
            day: pd.day,
        }
        .into()
    })
}

/// Checks that a second reading (`(1646 HKT)`) names the same instant.
fn check_also(
    stamp: &Stamp,
    utc: DateTime<Utc>,
    date: NaiveDate,
    also_time: NaiveTime,
    also_label: &ZoneLabel,
    clues: Clues<'_>,
) -> Option<Note> {
    let main_label = stamp
        .zone
        .as_ref()
        .map_or_else(|| "the page's zone".to_owned(), ZoneLabel::to_string);
    let Some(lookup) = zones::lookup_with(also_label, clues) else {
        return Some(Note::warn(
            NoteCode::ZoneDisagrees,
            format!(
                "`{}` names a zone `{also_label}` that is not known",
                stamp.text
            ),
        ));
    };
    // The second reading may fall on the day before or after.
    let agrees = [-1, 0, 1].into_iter().any(|days| {
        let Some(d) = date.checked_add_signed(Duration::days(days)) else {
            return false;
        };
        zones::place(
            lookup.zone,
            d.and_time(also_time),
            DstPolicy::Earlier,
            lookup.season,
        )
        .is_ok_and(|p| p.local.with_timezone(&Utc) == utc)
    });
    if agrees {
        return None;
    }
    let main_time = stamp
        .time
        .map_or_else(String::new, |t| t.format("%H:%M").to_string());
    let also_utc = zones::place(
        lookup.zone,
        date.and_time(also_time),
        DstPolicy::Earlier,
        lookup.season,
    )
    .map(|p| p.local.with_timezone(&Utc).format("%H:%MZ").to_string())
    .unwrap_or_default();
    Some(Note::warn(
        NoteCode::ZoneDisagrees,
        format!(
            "`{main_time} {main_label}` is {} but `{} {also_label}` is {also_utc}: the two readings are not the same instant",
            utc.format("%H:%MZ"),
            also_time.format("%H:%M"),
        ),
    ))
}
