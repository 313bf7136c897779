//! Zone abbreviations, their regions and seasons, and page statements of a zone.

use std::sync::LazyLock;

use chrono::{
    DateTime, Duration, FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeZone,
    Utc,
};
use chrono_tz::{OffsetComponents, Tz};
use regex::Regex;

use crate::types::{DstPolicy, Inferred, Note, ZoneLabel, ZoneStatement};

/// Which part of the year an abbreviation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    /// The region's civil time whatever the season (`ET`, `HKT`).
    Any,
    /// Standard (winter) time only (`EST`, `CET`).
    Standard,
    /// Daylight-saving (summer) time only (`EDT`, `BST`).
    Summer,
}

/// Every abbreviation recognised, the region it names and its season. `IST` and `CST` are
/// ambiguous and chosen by country in [`lookup`]; the entries here are their defaults.
const TABLE: &[(&str, Tz, Season)] = &[
    ("ET", Tz::America__New_York, Season::Any),
    ("EST", Tz::America__New_York, Season::Standard),
    ("EDT", Tz::America__New_York, Season::Summer),
    ("CT", Tz::America__Chicago, Season::Any),
    ("CST", Tz::America__Chicago, Season::Standard),
    ("CDT", Tz::America__Chicago, Season::Summer),
    ("MT", Tz::America__Denver, Season::Any),
    ("MST", Tz::America__Denver, Season::Standard),
    ("MDT", Tz::America__Denver, Season::Summer),
    ("PT", Tz::America__Los_Angeles, Season::Any),
    ("PST", Tz::America__Los_Angeles, Season::Standard),
    ("PDT", Tz::America__Los_Angeles, Season::Summer),
    ("AKST", Tz::America__Anchorage, Season::Standard),
    ("AKDT", Tz::America__Anchorage, Season::Summer),
    ("HST", Tz::Pacific__Honolulu, Season::Any),
    ("GMT", Tz::UTC, Season::Any),
    ("UTC", Tz::UTC, Season::Any),
    ("UT", Tz::UTC, Season::Any),
    ("Z", Tz::UTC, Season::Any),
    ("BST", Tz::Europe__London, Season::Summer),
    ("IST", Tz::Asia__Kolkata, Season::Any),
    ("WET", Tz::Europe__Lisbon, Season::Standard),
    ("WEST", Tz::Europe__Lisbon, Season::Summer),
    ("CET", Tz::Europe__Berlin, Season::Standard),
    ("CEST", Tz::Europe__Berlin, Season::Summer),
    ("EET", Tz::Europe__Athens, Season::Standard),
    ("EEST", Tz::Europe__Athens, Season::Summer),
    ("MSK", Tz::Europe__Moscow, Season::Any),
    ("GST", Tz::Asia__Dubai, Season::Any),
    ("PKT", Tz::Asia__Karachi, Season::Any),
    ("ICT", Tz::Asia__Bangkok, Season::Any),
    ("WIB", Tz::Asia__Jakarta, Season::Any),
    ("HKT", Tz::Asia__Hong_Kong, Season::Any),
    ("SGT", Tz::Asia__Singapore, Season::Any),
    ("PHT", Tz::Asia__Manila, Season::Any),
    ("JST", Tz::Asia__Tokyo, Season::Any),
    ("KST", Tz::Asia__Seoul, Season::Any),
    ("AWST", Tz::Australia__Perth, Season::Any),
    ("ACST", Tz::Australia__Adelaide, Season::Standard),
    ("ACDT", Tz::Australia__Adelaide, Season::Summer),
    ("AEST", Tz::Australia__Sydney, Season::Standard),
    ("AEDT", Tz::Australia__Sydney, Season::Summer),
    ("NZST", Tz::Pacific__Auckland, Season::Standard),
    ("NZDT", Tz::Pacific__Auckland, Season::Summer),
    ("SAST", Tz::Africa__Johannesburg, Season::Any),
    ("CAT", Tz::Africa__Maputo, Season::Any),
    ("EAT", Tz::Africa__Nairobi, Season::Any),
    ("WAT", Tz::Africa__Lagos, Season::Any),
];

/// A regex alternation of every abbreviation, longest first.
pub(crate) fn abbreviation_pattern() -> String {
    let mut labels: Vec<&str> = TABLE.iter().map(|(l, _, _)| *l).collect();
    labels.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    labels.join("|")
}

/// A zone a stamp is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    Region(Tz),
    Fixed(FixedOffset),
}

impl Zone {
    /// The name a [`crate::Resolved`] reports: IANA, `UTC` or `+05:30`.
    pub(crate) fn name(self) -> String {
        match self {
            Zone::Region(Tz::UTC) => "UTC".to_owned(),
            Zone::Region(tz) => tz.name().to_owned(),
            Zone::Fixed(off) => off.to_string(),
        }
    }
}

/// A label read against a date: the zone, the season it claims, and any remark about the choice.
#[derive(Debug)]
pub(crate) struct Lookup {
    pub zone: Zone,
    pub season: Season,
    pub note: Option<Note>,
}

/// Reads a printed zone label. `country` chooses among ambiguous abbreviations.
pub(crate) fn lookup(label: &ZoneLabel, country: Option<&str>) -> Option<Lookup> {
    let abbr = match label {
        ZoneLabel::Offset(off) => {
            return Some(Lookup {
                zone: Zone::Fixed(*off),
                season: Season::Any,
                note: None,
            });
        }
        ZoneLabel::Abbreviation(a) => a.to_ascii_uppercase(),
    };
    let country = country.map(str::to_ascii_uppercase);
    let country = country.as_deref();
    match abbr.as_str() {
        "IST" => {
            let (tz, season, place) = match country {
                Some("IE") => (Tz::Europe__Dublin, Season::Any, "Irish"),
                Some("IL") => (Tz::Asia__Jerusalem, Season::Standard, "Israel"),
                _ => (Tz::Asia__Kolkata, Season::Any, "India"),
            };
            let why = country.map_or_else(
                || "no outlet country given".to_owned(),
                |c| format!("outlet country {c}"),
            );
            return Some(Lookup {
                zone: Zone::Region(tz),
                season,
                note: Some(Note::info(
                    "zone-ambiguous",
                    format!(
                        "`IST` read as {place} Standard Time ({}) from {why}; it may also mean India, Ireland or Israel",
                        tz.name()
                    ),
                )),
            });
        }
        "CST" => {
            let (tz, season, place) = match country {
                Some("CN" | "TW" | "HK" | "MO") => (Tz::Asia__Shanghai, Season::Any, "China"),
                _ => (Tz::America__Chicago, Season::Standard, "US Central"),
            };
            let why = country.map_or_else(
                || "no outlet country given".to_owned(),
                |c| format!("outlet country {c}"),
            );
            return Some(Lookup {
                zone: Zone::Region(tz),
                season,
                note: Some(Note::info(
                    "zone-ambiguous",
                    format!(
                        "`CST` read as {place} Standard Time ({}) from {why}; it may also mean US Central or China",
                        tz.name()
                    ),
                )),
            });
        }
        _ => {}
    }
    TABLE
        .iter()
        .find(|(l, _, _)| *l == abbr)
        .map(|&(_, tz, season)| Lookup {
            zone: Zone::Region(tz),
            season,
            note: None,
        })
}

/// Whether `tz` keeps daylight-saving time at `utc`.
fn is_summer(tz: Tz, utc: DateTime<Utc>) -> bool {
    let off = tz.offset_from_utc_datetime(&utc.naive_utc());
    off.dst_offset() != Duration::zero()
}

/// A warning when an abbreviation's season does not match the date (`EST` in July).
pub(crate) fn season_note(
    label: &str,
    lookup: &Lookup,
    utc: DateTime<Utc>,
    date: NaiveDate,
) -> Option<Note> {
    let Zone::Region(tz) = lookup.zone else {
        return None;
    };
    let summer = is_summer(tz, utc);
    let (claims, keeps) = match (lookup.season, summer) {
        (Season::Standard, true) => ("standard", "daylight-saving"),
        (Season::Summer, false) => ("daylight-saving", "standard"),
        _ => return None,
    };
    Some(Note::warn(
        "abbreviation-season",
        format!(
            "`{label}` names {claims} time but {} keeps {keeps} time on {date}; read as {} civil time (the page probably meant the region's time, not the season's)",
            tz.name(),
            tz.name()
        ),
    ))
}

/// A local date-time placed in a zone, with what a daylight-saving policy decided.
#[derive(Debug)]
pub(crate) struct Placed {
    pub local: DateTime<FixedOffset>,
    pub inferred: Option<Inferred>,
    pub note: Option<Note>,
}

/// Why a local time could not be placed.
#[derive(Debug)]
pub(crate) enum Unplaced {
    Gap,
    Overlap,
}

/// Places a wall-clock time in a zone, applying `policy` in a gap or overlap.
///
/// In an overlap, a label that names a season (`EST`, `BST`) picks its own reading and the
/// policy is not needed.
pub(crate) fn place(
    zone: Zone,
    ndt: NaiveDateTime,
    policy: DstPolicy,
    season: Season,
) -> Result<Placed, Unplaced> {
    let tz = match zone {
        Zone::Fixed(off) => {
            return match off.from_local_datetime(&ndt) {
                MappedLocalTime::Single(t) => Ok(Placed {
                    local: t,
                    inferred: None,
                    note: None,
                }),
                // A fixed offset has neither gaps nor overlaps.
                _ => Err(Unplaced::Gap),
            };
        }
        Zone::Region(tz) => tz,
    };
    let name = zone.name();
    match tz.from_local_datetime(&ndt) {
        MappedLocalTime::Single(t) => Ok(Placed {
            local: t.fixed_offset(),
            inferred: None,
            note: None,
        }),
        MappedLocalTime::Ambiguous(a, b) => {
            let by_season = [a, b].into_iter().find(|t| {
                let summer = t.offset().dst_offset() != Duration::zero();
                match season {
                    Season::Any => false,
                    Season::Standard => !summer,
                    Season::Summer => summer,
                }
            });
            if let Some(t) = by_season {
                let t = t.fixed_offset();
                return Ok(Placed {
                    local: t,
                    inferred: None,
                    note: Some(Note::info(
                        "dst-overlap",
                        format!(
                            "{ndt} happens twice in {name}; the printed abbreviation names the {} reading, {}",
                            if matches!(season, Season::Summer) {
                                "daylight-saving"
                            } else {
                                "standard-time"
                            },
                            t.to_rfc3339()
                        ),
                    )),
                });
            }
            let (a, b) = (a.fixed_offset(), b.fixed_offset());
            let (early, late) = if a <= b { (a, b) } else { (b, a) };
            let chosen = match policy {
                DstPolicy::Earlier => early,
                DstPolicy::Later => late,
                DstPolicy::Reject => return Err(Unplaced::Overlap),
            };
            Ok(Placed {
                local: chosen,
                inferred: Some(Inferred::Dst(policy)),
                note: Some(Note::warn(
                    "dst-overlap",
                    format!(
                        "{ndt} happens twice in {name} (at {} and {}); the {} policy chose {}",
                        early.to_rfc3339(),
                        late.to_rfc3339(),
                        policy_name(policy),
                        chosen.to_rfc3339()
                    ),
                )),
            })
        }
        MappedLocalTime::None => {
            // The offsets either side of the change (no zone changes twice within a day), each
            // with the instant the printed time names when read with it.
            let readings: Vec<(bool, DateTime<FixedOffset>)> = [-1, 1]
                .into_iter()
                .filter_map(|days| {
                    let off =
                        tz.offset_from_utc_datetime(&ndt.checked_add_signed(Duration::days(days))?);
                    let summer = off.dst_offset() != Duration::zero();
                    let shift = Duration::seconds(i64::from(off.fix().local_minus_utc()));
                    let utc = ndt.checked_sub_signed(shift)?;
                    Some((
                        summer,
                        Utc.from_utc_datetime(&utc)
                            .with_timezone(&tz)
                            .fixed_offset(),
                    ))
                })
                .collect();
            let (Some(&(x_summer, x)), Some(&(_, y))) = (readings.first(), readings.get(1)) else {
                return Err(Unplaced::Gap);
            };
            // A label that names a season reads the time with that season's offset.
            let by_season = match season {
                Season::Any => None,
                Season::Standard => Some(if x_summer { y } else { x }),
                Season::Summer => Some(if x_summer { x } else { y }),
            };
            if let Some(t) = by_season {
                return Ok(Placed {
                    local: t,
                    inferred: None,
                    note: Some(Note::info(
                        "dst-gap",
                        format!(
                            "{ndt} does not exist in {name} (clocks skip it); the printed abbreviation's offset reads it as {}",
                            t.to_rfc3339()
                        ),
                    )),
                });
            }
            let (early, late) = if x <= y { (x, y) } else { (y, x) };
            let chosen = match policy {
                DstPolicy::Earlier => early,
                DstPolicy::Later => late,
                DstPolicy::Reject => return Err(Unplaced::Gap),
            };
            Ok(Placed {
                local: chosen,
                inferred: Some(Inferred::Dst(policy)),
                note: Some(Note::warn(
                    "dst-gap",
                    format!(
                        "{ndt} does not exist in {name} (clocks skip it); the {} policy read it as {}",
                        policy_name(policy),
                        chosen.to_rfc3339()
                    ),
                )),
            })
        }
    }
}

fn policy_name(policy: DstPolicy) -> &'static str {
    match policy {
        DstPolicy::Earlier => "earlier",
        DstPolicy::Later => "later",
        DstPolicy::Reject => "reject",
    }
}

/// Names of zones written out in words, as page statements print them.
const NAMES: &[(&str, Tz)] = &[
    ("coordinated universal time", Tz::UTC),
    ("universal time", Tz::UTC),
    ("greenwich mean time", Tz::UTC),
    ("uk time", Tz::Europe__London),
    ("british time", Tz::Europe__London),
    ("london time", Tz::Europe__London),
    ("eastern time", Tz::America__New_York),
    ("us eastern", Tz::America__New_York),
    ("new york time", Tz::America__New_York),
    ("central time", Tz::America__Chicago),
    ("pacific time", Tz::America__Los_Angeles),
    ("central european time", Tz::Europe__Berlin),
    ("german time", Tz::Europe__Berlin),
    ("berlin time", Tz::Europe__Berlin),
    ("paris time", Tz::Europe__Paris),
    ("moscow time", Tz::Europe__Moscow),
    ("hong kong time", Tz::Asia__Hong_Kong),
    ("india time", Tz::Asia__Kolkata),
    ("indian standard time", Tz::Asia__Kolkata),
    ("japan time", Tz::Asia__Tokyo),
    ("sydney time", Tz::Australia__Sydney),
    ("local time", Tz::UTC),
];

static STATEMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s\p{P}]*(?:all\s+)?(?:updates|times|timestamps|posts|entries)\b[^\n]{0,80}$",
    )
    .ok()
});

static ABBR_WORD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", abbreviation_pattern())).ok());

/// Recognises a page statement such as "All updates in Coordinated Universal Time (UTC)".
pub(crate) fn zone_statement(line: &str) -> Option<ZoneStatement> {
    let statement = STATEMENT.as_ref()?;
    if !statement.is_match(line.trim_end()) {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let named = NAMES.iter().filter_map(|&(name, tz)| {
        // "local time" names no zone; a statement naming only that is not one we can use.
        if name == "local time" {
            return None;
        }
        lower.find(name).map(|at| (at, at + name.len(), tz))
    });
    let abbr = ABBR_WORD.as_ref().and_then(|re| {
        re.find(line).and_then(|m| {
            let label = ZoneLabel::Abbreviation(m.as_str().to_owned());
            match lookup(&label, None)?.zone {
                Zone::Region(tz) => Some((m.start(), m.end(), tz)),
                Zone::Fixed(_) => None,
            }
        })
    });
    named
        .chain(abbr)
        .min_by_key(|&(start, end, _)| (start, usize::MAX - end))
        .map(|(start, end, tz)| ZoneStatement {
            tz,
            span: start..end,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(line: &str) -> Option<(String, &'static str)> {
        zone_statement(line).map(|s| {
            (
                line.get(s.span.clone()).unwrap_or_default().to_owned(),
                s.tz.name(),
            )
        })
    }

    #[test]
    fn page_statements() {
        assert_eq!(
            statement("All updates in Coordinated Universal Time (UTC)"),
            Some(("Coordinated Universal Time".into(), "UTC"))
        );
        assert_eq!(
            statement("All times BST"),
            Some(("BST".into(), "Europe/London"))
        );
        assert_eq!(
            statement("All times are UK time"),
            Some(("UK time".into(), "Europe/London"))
        );
        assert_eq!(
            statement("Times in ET"),
            Some(("ET".into(), "America/New_York"))
        );
        assert_eq!(
            statement("(All times Eastern Time)"),
            Some(("Eastern Time".into(), "America/New_York"))
        );
    }

    #[test]
    fn not_statements() {
        assert_eq!(
            statement("Each evening at 1830 UTC, DW's editors send"),
            None
        );
        assert_eq!(statement("Times are hard in the UK"), None);
        assert_eq!(statement("All times local time"), None);
        assert_eq!(
            statement("Updated 0846 GMT (1646 HKT) January 5, 2020"),
            None
        );
    }

    #[test]
    fn every_abbreviation_has_a_zone() {
        for (label, _, _) in TABLE {
            let l = ZoneLabel::Abbreviation((*label).to_owned());
            assert!(lookup(&l, None).is_some(), "{label}");
        }
        assert!(lookup(&ZoneLabel::Abbreviation("XYZ".into()), None).is_none());
    }

    #[test]
    fn zone_names() {
        assert_eq!(Zone::Region(Tz::UTC).name(), "UTC");
        assert_eq!(Zone::Region(Tz::Asia__Hong_Kong).name(), "Asia/Hong_Kong");
        let off = FixedOffset::east_opt(19800).map(Zone::Fixed);
        assert_eq!(off.map(Zone::name).as_deref(), Some("+05:30"));
    }
}
