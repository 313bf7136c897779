//! One stamp and a context -> an instant, with the zone, rule and inferences that produced it.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};

use crate::types::{
    Context, DstPolicy, Error, ErrorKind, Inferred, Note, PartialDate, Relative, Resolved, Stamp,
    ZoneLabel, ZoneOrigin,
};
use crate::zones::{self, Season, Unplaced, Zone};

/// Resolves one stamp against `ctx`.
pub(crate) fn resolve(stamp: &Stamp, ctx: &Context) -> Result<Resolved, Error> {
    let mut inferred = Vec::new();
    let mut notes = Vec::new();
    let text = stamp.text.as_str();
    if let Some(Relative::Ago(ago)) = stamp.relative {
        return resolve_ago(stamp, ago, ctx);
    }

    // The zone: the stamp's own, else the context's, else UTC assumed.
    let (zone, origin, lookup) = match &stamp.zone {
        Some(label) => {
            let lookup = zones::lookup(label, ctx.country.as_deref()).ok_or_else(|| {
                Error::from(ErrorKind::UnknownZone {
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
                    "zone-assumed",
                    format!("`{text}` prints no zone and the page gives none; UTC assumed"),
                ));
                (Zone::Region(chrono_tz::Tz::UTC), ZoneOrigin::Assumed, None)
            }
        },
    };

    let date = match (stamp.relative, stamp.date) {
        (Some(Relative::Days(days)), _) => {
            let now = ctx.now.ok_or_else(|| {
                Error::from(ErrorKind::CaptureTimeMissing {
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
                    Error::from(ErrorKind::OutOfRange {
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
                return Err(ErrorKind::PageDateMissing {
                    text: text.to_owned(),
                }
                .into());
            }
            (_, None) => {
                return Err(ErrorKind::Empty {
                    text: text.to_owned(),
                }
                .into());
            }
        },
    };
    if let Some(wd) = stamp.date.and_then(|pd| pd.weekday) {
        if date.weekday() != wd {
            notes.push(Note::warn(
                "weekday-mismatch",
                format!(
                    "`{text}` prints {wd:?} but {date} is a {:?}",
                    date.weekday()
                ),
            ));
        }
    }
    let time = stamp.time.unwrap_or(NaiveTime::MIN);
    let ndt = date.and_time(time);

    let season = lookup.as_ref().map_or(Season::Any, |l| l.season);
    let placed = zones::place(zone, ndt, ctx.dst, season).map_err(|why| -> Error {
        let zone = zone.name();
        let text = text.to_owned();
        match why {
            Unplaced::Gap => ErrorKind::DstGap { text, zone, date }.into(),
            Unplaced::Overlap => ErrorKind::DstOverlap { text, zone, date }.into(),
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
        notes.extend(check_also(stamp, utc, date, *also_time, also_label, ctx));
    }

    Ok(Resolved {
        utc,
        local,
        zone: zone.name(),
        origin,
        rule: stamp.form.name(),
        inferred,
        precision: stamp.precision,
        notes,
    })
}

/// `4m ago`: the capture time less the span, shown in the page's zone.
fn resolve_ago(stamp: &Stamp, ago: Duration, ctx: &Context) -> Result<Resolved, Error> {
    let now = ctx.now.ok_or_else(|| {
        Error::from(ErrorKind::CaptureTimeMissing {
            text: stamp.text.clone(),
        })
    })?;
    let utc = now.checked_sub_signed(ago).ok_or_else(|| {
        Error::from(ErrorKind::OutOfRange {
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
        rule: stamp.form.name(),
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
                Error::from(ErrorKind::YearMissing {
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
        ErrorKind::NoSuchDate {
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
    ctx: &Context,
) -> Option<Note> {
    let main_label = stamp
        .zone
        .as_ref()
        .map_or_else(|| "the page's zone".to_owned(), ZoneLabel::to_string);
    let Some(lookup) = zones::lookup(also_label, ctx.country.as_deref()) else {
        return Some(Note::warn(
            "zone-disagrees",
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
        "zone-disagrees",
        format!(
            "`{main_time} {main_label}` is {} but `{} {also_label}` is {also_utc}: the two readings are not the same instant",
            utc.format("%H:%MZ"),
            also_time.format("%H:%M"),
        ),
    ))
}
