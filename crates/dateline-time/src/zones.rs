//! Zone abbreviations, their regions and seasons, and page statements of a zone.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::{
    DateTime, Duration, FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Utc,
};
use chrono_tz::{OffsetComponents, Tz};
use regex::Regex;

use crate::types::{DstPolicy, Inferred, Note, NoteCode, ZoneLabel, ZoneStatementMatch};

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

/// Every abbreviation recognised, the region it names and its season. Those in [`AMBIGUOUS`]
/// (`IST`, `CST`, `BST`, `AST`) are chosen by context in [`lookup_with`]; the entries here are
/// their defaults.
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
    ("IDT", Tz::Asia__Jerusalem, Season::Summer),
    ("AST", Tz::America__Puerto_Rico, Season::Any),
    ("ADT", Tz::America__Halifax, Season::Summer),
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
    ("MYT", Tz::Asia__Kuala_Lumpur, Season::Any),
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

/// Every abbreviation, longest first.
pub(crate) fn abbreviations() -> Vec<&'static str> {
    let mut labels: Vec<&str> = TABLE.iter().map(|(l, _, _)| *l).collect();
    labels.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    labels
}

/// A regex alternation of every abbreviation, longest first.
pub(crate) fn abbreviation_pattern() -> String {
    abbreviations().join("|")
}

/// A zone a stamp is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    Region(Tz),
    Fixed(FixedOffset),
}

impl Zone {
    /// The name a [`crate::Resolved`] reports: IANA, `UTC` or `+05:30`.
    pub(crate) fn name(self) -> Cow<'static, str> {
        match self {
            // `Tz::UTC` is named `UTC`.
            Zone::Region(tz) => Cow::Borrowed(tz.name()),
            Zone::Fixed(off) => Cow::Owned(off.to_string()),
        }
    }
}

/// One reading of an ambiguous abbreviation.
#[derive(Debug)]
pub(crate) struct Candidate {
    /// What the abbreviation stands for in this reading, as a note names it.
    pub name: &'static str,
    pub tz: Tz,
    pub season: Season,
    /// Outlet countries (ISO 3166 alpha-2) that settle on this reading.
    countries: &'static [&'static str],
    /// Unambiguous labels elsewhere on the page that point to this reading's region.
    labels: &'static [&'static str],
    /// Zones (a page statement, an outlet's default) that point to this reading's region.
    zones: &'static [Tz],
    /// UTC offsets in seconds, standard and summer, that a numeric offset on the page matches.
    offsets: &'static [i32],
}

const US_LABELS: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST", "AKDT", "HST",
];
const EAST_ASIA_LABELS: &[&str] = &[
    "HKT", "SGT", "MYT", "PHT", "JST", "KST", "WIB", "ICT", "AWST",
];
const US_ZONES: &[Tz] = &[
    Tz::America__New_York,
    Tz::America__Chicago,
    Tz::America__Denver,
    Tz::America__Los_Angeles,
];

/// Abbreviations with more than one reading, each with its readings, the default first. The
/// defaults are the readings English-language news uses most: `IST` India, `CST` US Central,
/// `BST` British Summer Time, `AST` Atlantic (Puerto Rico, the Caribbean, Canada's Maritimes).
pub(crate) const AMBIGUOUS: &[(&str, &[Candidate])] = &[
    (
        "IST",
        &[
            Candidate {
                name: "India Standard Time",
                tz: Tz::Asia__Kolkata,
                season: Season::Any,
                countries: &["IN"],
                labels: &["PKT", "NPT"],
                zones: &[Tz::Asia__Kolkata, Tz::Asia__Calcutta],
                offsets: &[19_800],
            },
            Candidate {
                name: "Irish Standard Time",
                tz: Tz::Europe__Dublin,
                season: Season::Any,
                countries: &["IE"],
                labels: &["GMT", "UTC", "WET", "WEST"],
                zones: &[Tz::Europe__Dublin],
                offsets: &[0, 3_600],
            },
            Candidate {
                name: "Israel Standard Time",
                tz: Tz::Asia__Jerusalem,
                season: Season::Standard,
                countries: &["IL", "PS"],
                labels: &["IDT", "EET", "EEST"],
                zones: &[
                    Tz::Asia__Jerusalem,
                    Tz::Asia__Tel_Aviv,
                    Tz::Asia__Gaza,
                    Tz::Asia__Hebron,
                ],
                offsets: &[7_200, 10_800],
            },
        ],
    ),
    (
        "CST",
        &[
            Candidate {
                name: "US Central Standard Time",
                tz: Tz::America__Chicago,
                season: Season::Standard,
                countries: &["US", "CA", "MX"],
                labels: US_LABELS,
                zones: US_ZONES,
                offsets: &[-21_600, -18_000],
            },
            Candidate {
                name: "China Standard Time",
                tz: Tz::Asia__Shanghai,
                season: Season::Any,
                countries: &["CN", "TW", "HK", "MO"],
                labels: EAST_ASIA_LABELS,
                zones: &[
                    Tz::Asia__Shanghai,
                    Tz::Asia__Hong_Kong,
                    Tz::Asia__Taipei,
                    Tz::Asia__Macau,
                    Tz::Asia__Singapore,
                ],
                offsets: &[28_800],
            },
        ],
    ),
    (
        "BST",
        &[
            Candidate {
                name: "British Summer Time",
                tz: Tz::Europe__London,
                season: Season::Summer,
                countries: &["GB", "IE", "IM", "JE", "GG"],
                labels: &["GMT", "UTC", "WET", "WEST", "CET", "CEST"],
                zones: &[Tz::Europe__London, Tz::Europe__Dublin],
                offsets: &[0, 3_600],
            },
            Candidate {
                name: "Bangladesh Standard Time",
                tz: Tz::Asia__Dhaka,
                season: Season::Any,
                countries: &["BD"],
                labels: &["IST", "PKT", "NPT"],
                zones: &[Tz::Asia__Dhaka],
                offsets: &[21_600],
            },
        ],
    ),
    (
        "AST",
        &[
            Candidate {
                name: "Atlantic Standard Time",
                tz: Tz::America__Puerto_Rico,
                season: Season::Any,
                countries: &["PR", "CA", "VI", "DO", "TT", "BB", "BM", "US"],
                labels: US_LABELS,
                zones: US_ZONES,
                offsets: &[-14_400, -10_800],
            },
            Candidate {
                name: "Arabia Standard Time",
                tz: Tz::Asia__Riyadh,
                season: Season::Any,
                countries: &["SA", "IQ", "KW", "QA", "BH", "YE"],
                labels: &["GST", "EAT", "MSK"],
                zones: &[
                    Tz::Asia__Riyadh,
                    Tz::Asia__Baghdad,
                    Tz::Asia__Kuwait,
                    Tz::Asia__Qatar,
                    Tz::Asia__Bahrain,
                    Tz::Asia__Aden,
                ],
                offsets: &[10_800],
            },
        ],
    ),
];

/// Whether a label has more than one reading ([`AMBIGUOUS`]).
pub(crate) fn is_ambiguous(label: &ZoneLabel) -> bool {
    match label {
        ZoneLabel::Abbreviation(a) => AMBIGUOUS.iter().any(|(l, _)| l.eq_ignore_ascii_case(a)),
        ZoneLabel::Offset(_) => false,
    }
}

/// A zone elsewhere on the page, evidence for the reading of an ambiguous abbreviation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// The label printed (`GMT`, `+05:30`), or the zone's name for the page's zone.
    pub label: String,
    pub zone: Zone,
    /// Whether it is the page's zone (a statement or the outlet's default), not another stamp.
    pub page_zone: bool,
}

impl Evidence {
    /// A printed label as evidence, if it is not itself ambiguous.
    pub(crate) fn of_label(label: &ZoneLabel) -> Option<Evidence> {
        let zone = match label {
            ZoneLabel::Offset(off) => Zone::Fixed(*off),
            ZoneLabel::Abbreviation(a) => {
                if is_ambiguous(label) {
                    return None;
                }
                let a = a.to_ascii_uppercase();
                let &(_, tz, _) = TABLE.iter().find(|(l, _, _)| *l == a)?;
                Zone::Region(tz)
            }
        };
        Some(Evidence {
            label: label.to_string(),
            zone,
            page_zone: false,
        })
    }

    /// The page's zone as evidence.
    pub(crate) fn of_page_zone(tz: Tz) -> Evidence {
        Evidence {
            label: tz.name().to_owned(),
            zone: Zone::Region(tz),
            page_zone: true,
        }
    }

    fn supports(&self, c: &Candidate) -> bool {
        match self.zone {
            Zone::Fixed(off) => c.offsets.contains(&off.local_minus_utc()),
            Zone::Region(tz) if self.page_zone => tz == c.tz || c.zones.contains(&tz),
            Zone::Region(tz) => {
                tz == c.tz || c.labels.iter().any(|l| l.eq_ignore_ascii_case(&self.label))
            }
        }
    }
}

/// What resolution knows that can settle an ambiguous abbreviation.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Clues<'a> {
    /// The outlet's country.
    pub country: Option<&'a str>,
    /// Unambiguous zones elsewhere on the page: other stamps first, then the page's zone.
    pub page: &'a [Evidence],
}

/// A label read against a date: the zone, the season it claims, and any remark about the choice.
#[derive(Debug)]
pub(crate) struct Lookup {
    pub zone: Zone,
    pub season: Season,
    pub note: Option<Note>,
    /// The readings not chosen, for an ambiguous abbreviation.
    pub others: Vec<&'static Candidate>,
}

/// Reads a printed zone label. `country` chooses among ambiguous abbreviations.
pub(crate) fn lookup(label: &ZoneLabel, country: Option<&str>) -> Option<Lookup> {
    lookup_with(label, Clues { country, page: &[] })
}

/// Reads a printed zone label; an ambiguous abbreviation is read by the outlet's country, else
/// by the page's other zones, else by its default, and a `zone-ambiguous` note says which and why.
pub(crate) fn lookup_with(label: &ZoneLabel, clues: Clues<'_>) -> Option<Lookup> {
    let abbr = match label {
        ZoneLabel::Offset(off) => {
            return Some(Lookup {
                zone: Zone::Fixed(*off),
                season: Season::Any,
                note: None,
                others: Vec::new(),
            });
        }
        ZoneLabel::Abbreviation(a) => a.to_ascii_uppercase(),
    };
    if let Some((_, candidates)) = AMBIGUOUS.iter().find(|(l, _)| *l == abbr) {
        return choose(&abbr, candidates, clues);
    }
    TABLE
        .iter()
        .find(|(l, _, _)| *l == abbr)
        .map(|&(_, tz, season)| Lookup {
            zone: Zone::Region(tz),
            season,
            note: None,
            others: Vec::new(),
        })
}

/// Reads an ambiguous abbreviation by its stamp's second reading: the one reading under which
/// `ndt` and `also_time` in `also_label` name the same instant (the second reading may fall on
/// the day before or after). `None` when the label is not ambiguous, the second reading is, or
/// not exactly one reading agrees.
pub(crate) fn lookup_by_agreement(
    label: &ZoneLabel,
    ndt: NaiveDateTime,
    also_time: NaiveTime,
    also_label: &ZoneLabel,
    date: NaiveDate,
) -> Option<Lookup> {
    let ZoneLabel::Abbreviation(abbr) = label else {
        return None;
    };
    let abbr = abbr.to_ascii_uppercase();
    let (_, candidates) = AMBIGUOUS.iter().find(|(l, _)| *l == abbr)?;
    let also = Evidence::of_label(also_label)?;
    let also_season = lookup(also_label, None).map_or(Season::Any, |l| l.season);
    let agrees = |c: &Candidate| {
        let Ok(main) = place(Zone::Region(c.tz), ndt, DstPolicy::Earlier, c.season) else {
            return false;
        };
        [-1, 0, 1].into_iter().any(|days| {
            date.checked_add_signed(Duration::days(days))
                .and_then(|d| {
                    place(
                        also.zone,
                        d.and_time(also_time),
                        DstPolicy::Earlier,
                        also_season,
                    )
                    .ok()
                })
                .is_some_and(|p| p.local == main.local)
        })
    };
    let agreeing: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates.get(i).is_some_and(agrees))
        .collect();
    let &[i] = agreeing.as_slice() else {
        return None;
    };
    let why = format!(
        "from its second reading (`{} {}`), which only this reading matches",
        also_time.format("%H:%M"),
        also.label
    );
    settle(&abbr, candidates, i, why)
}

/// Chooses a reading of an ambiguous abbreviation and says why.
fn choose(abbr: &str, candidates: &'static [Candidate], clues: Clues<'_>) -> Option<Lookup> {
    let country = clues.country.map(str::to_ascii_uppercase);
    let by_country = country
        .as_deref()
        .and_then(|cc| candidates.iter().position(|c| c.countries.contains(&cc)));
    let (chosen, why) = match by_country {
        Some(i) => (
            i,
            format!(
                "from the outlet's country ({})",
                country.as_deref().unwrap_or_default()
            ),
        ),
        None => {
            let unsettled = country
                .as_deref()
                .map(|cc| format!("the outlet's country ({cc}) does not settle it and "))
                .unwrap_or_default();
            match by_evidence(candidates, clues.page) {
                Verdict::One(i, labels, page_zone) => {
                    let what = if page_zone {
                        "the page's zone"
                    } else {
                        "the page's other zones"
                    };
                    (i, format!("from {what} ({})", labels.join(", ")))
                }
                Verdict::Split(labels) => (
                    0,
                    format!(
                        "by default: {unsettled}the page's other zones ({}) point more than one way",
                        labels.join(", ")
                    ),
                ),
                Verdict::None => (
                    0,
                    if unsettled.is_empty() {
                        "by default: neither the outlet's country nor the page's other zones say which".to_owned()
                    } else {
                        format!("by default: {unsettled}nothing else on the page says which")
                    },
                ),
            }
        }
    };
    settle(abbr, candidates, chosen, why)
}

/// The lookup for reading `chosen` of an ambiguous abbreviation, with a note saying `why`.
fn settle(
    abbr: &str,
    candidates: &'static [Candidate],
    chosen: usize,
    why: String,
) -> Option<Lookup> {
    let pick = candidates.get(chosen)?;
    let others: Vec<&'static Candidate> = candidates
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != chosen)
        .map(|(_, c)| c)
        .collect();
    let also = others
        .iter()
        .map(|c| format!("{} ({})", c.name, c.tz.name()))
        .collect::<Vec<_>>()
        .join(" or ");
    Some(Lookup {
        zone: Zone::Region(pick.tz),
        season: pick.season,
        note: Some(Note::info(
            NoteCode::ZoneAmbiguous,
            format!(
                "`{abbr}` read as {} ({}) {why}; it may also mean {also}",
                pick.name,
                pick.tz.name()
            ),
        )),
        others,
    })
}

/// What the page's other zones say about the readings.
enum Verdict {
    /// They point to this reading (index), with the labels that do and whether the only
    /// evidence is the page's zone.
    One(usize, Vec<String>, bool),
    /// They point to more than one reading equally.
    Split(Vec<String>),
    None,
}

/// The reading most of the page's other zones support: other stamps first; the page's zone only
/// when no other stamp says anything.
fn by_evidence(candidates: &[Candidate], page: &[Evidence]) -> Verdict {
    for page_zone in [false, true] {
        let items: Vec<&Evidence> = page.iter().filter(|e| e.page_zone == page_zone).collect();
        let counts: Vec<usize> = candidates
            .iter()
            .map(|c| items.iter().filter(|e| e.supports(c)).count())
            .collect();
        let best = counts.iter().copied().max().unwrap_or(0);
        if best == 0 {
            continue;
        }
        let winners: Vec<usize> = (0..counts.len())
            .filter(|&i| counts.get(i) == Some(&best))
            .collect();
        let labels = |keep: &dyn Fn(&Evidence) -> bool| {
            let mut labels: Vec<String> = Vec::new();
            for e in items.iter().filter(|e| keep(e)) {
                let l = format!("`{}`", e.label);
                if !labels.contains(&l) {
                    labels.push(l);
                }
            }
            labels
        };
        return match (winners.as_slice(), page_zone) {
            (&[i], _) => {
                let support = labels(&|e| candidates.get(i).is_some_and(|c| e.supports(c)));
                Verdict::One(i, support, page_zone)
            }
            _ => Verdict::Split(labels(&|e| candidates.iter().any(|c| e.supports(c)))),
        };
    }
    Verdict::None
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
    // An ambiguous abbreviation may have a reading in force on the date (`BST` in January:
    // Bangladesh Standard Time).
    let in_force: Vec<String> = lookup
        .others
        .iter()
        .filter(|c| match c.season {
            Season::Any => true,
            Season::Standard => !is_summer(c.tz, utc),
            Season::Summer => is_summer(c.tz, utc),
        })
        .map(|c| format!("{} ({})", c.name, c.tz.name()))
        .collect();
    let other = if in_force.is_empty() {
        String::new()
    } else {
        format!(
            "; nothing on the page rules out {}, which is in force then",
            in_force.join(" or ")
        )
    };
    Some(Note::warn(
        NoteCode::AbbreviationSeason,
        format!(
            "`{label}` names {claims} time but {} keeps {keeps} time on {date}; read as {} civil time (the page probably meant the region's time, not the season's){other}",
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
                        NoteCode::DstOverlap,
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
                    NoteCode::DstOverlap,
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
                        NoteCode::DstGap,
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
                    NoteCode::DstGap,
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
    ("central european", Tz::Europe__Berlin),
    // German: "Uhrzeiten in MEZ", "Alle Zeiten in mitteleuropäischer Zeit".
    ("mez", Tz::Europe__Berlin),
    ("mesz", Tz::Europe__Berlin),
    ("mitteleuropäische zeit", Tz::Europe__Berlin),
    ("mitteleuropäischer zeit", Tz::Europe__Berlin),
    ("deutscher zeit", Tz::Europe__Berlin),
    ("local time", Tz::UTC),
];

/// US regions named bare, as in "Times are Eastern": only as the statement's last word.
const BARE: &[(&str, Tz)] = &[
    ("eastern", Tz::America__New_York),
    ("central", Tz::America__Chicago),
    ("mountain", Tz::America__Denver),
    ("pacific", Tz::America__Los_Angeles),
];

static STATEMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s\p{P}]*(?:all\s+|alle\s+)?(?:updates|times|timestamps|posts|entries|uhrzeiten|zeiten|zeitangaben)\b[^\n]{0,80}$",
    )
    .ok()
});

static ABBR_WORD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", abbreviation_pattern())).ok());

/// The first place `word` stands in `hay` as whole words (not inside a longer word).
fn find_word(hay: &str, word: &str) -> Option<usize> {
    hay.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = hay.get(..at).and_then(|s| s.chars().next_back());
        let after = hay.get(at + word.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Recognises a page statement such as "All updates in Coordinated Universal Time (UTC)".
pub(crate) fn zone_statement(line: &str) -> Option<ZoneStatementMatch> {
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
        find_word(&lower, name).map(|at| (at, at + name.len(), tz))
    });
    let bare = BARE.iter().filter_map(|&(name, tz)| {
        let at = find_word(&lower, name)?;
        let rest = lower.get(at + name.len()..)?;
        rest.chars()
            .all(|c| !c.is_alphanumeric())
            .then_some((at, at + name.len(), tz))
    });
    let mut note = None;
    let abbr = ABBR_WORD.as_ref().and_then(|re| {
        re.find(line).and_then(|m| {
            let label = ZoneLabel::Abbreviation(m.as_str().to_owned());
            let found = lookup(&label, None)?;
            note = found.note;
            match found.zone {
                Zone::Region(tz) => Some((m.start(), m.end(), tz)),
                Zone::Fixed(_) => None,
            }
        })
    });
    let abbr_start = abbr.map(|(start, _, _)| start);
    named
        .chain(bare)
        .chain(abbr)
        .min_by_key(|&(start, end, _)| (start, usize::MAX - end))
        .map(|(start, end, tz)| ZoneStatementMatch {
            tz,
            span: start..end,
            note: note.filter(|_| abbr_start == Some(start)),
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
    fn statements_news_prints() {
        let cases = [
            ("All times BST", "BST", "Europe/London"),
            ("All times GMT", "GMT", "UTC"),
            ("All times are UK time", "UK time", "Europe/London"),
            ("All times are local (IST)", "IST", "Asia/Kolkata"),
            ("Times are Eastern", "Eastern", "America/New_York"),
            ("All times Pacific.", "Pacific", "America/Los_Angeles"),
            ("All times ET", "ET", "America/New_York"),
            (
                "(All times in Coordinated Universal Time)",
                "Coordinated Universal Time",
                "UTC",
            ),
            (
                "All times Central European Time",
                "Central European Time",
                "Europe/Berlin",
            ),
            ("Uhrzeiten in MEZ", "MEZ", "Europe/Berlin"),
            ("Alle Zeiten in MESZ", "MESZ", "Europe/Berlin"),
        ];
        for (line, span, tz) in cases {
            assert_eq!(statement(line), Some((span.to_owned(), tz)), "{line}");
        }
    }

    #[test]
    fn an_ambiguous_statement_says_what_it_chose() {
        let s = zone_statement("All times are local (IST)");
        let note = s.and_then(|s| s.note).map(|n| n.to_string());
        assert_eq!(
            note.as_deref(),
            Some(
                "info[zone-ambiguous]: `IST` read as India Standard Time (Asia/Kolkata) by default: neither the outlet's country nor the page's other zones say which; it may also mean Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem)"
            )
        );
        assert_eq!(zone_statement("All times GMT").and_then(|s| s.note), None);
    }

    #[test]
    fn not_statements() {
        assert_eq!(
            statement("Times are hard in the Central African Republic"),
            None
        );
        assert_eq!(
            statement("Times are changing in the Pacific Northwest"),
            None
        );
        assert_eq!(statement("Uhrzeiten der Mezzanine"), None);
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

    fn label(l: &str) -> ZoneLabel {
        ZoneLabel::Abbreviation(l.to_owned())
    }

    #[test]
    fn ambiguous_table_is_consistent() {
        for (abbr, candidates) in AMBIGUOUS {
            let default = TABLE.iter().find(|(l, _, _)| l == abbr);
            let first = candidates.first();
            assert_eq!(
                default.map(|&(_, tz, season)| (tz, season)),
                first.map(|c| (c.tz, c.season)),
                "{abbr}: the table's entry is the default reading"
            );
            assert!(candidates.len() >= 2, "{abbr}");
        }
        // An ambiguous label is no evidence for another.
        assert_eq!(Evidence::of_label(&label("IST")), None);
        assert!(Evidence::of_label(&label("GMT")).is_some());
    }

    #[test]
    fn evidence_by_label_offset_and_zone() {
        let bst = AMBIGUOUS.iter().find(|(l, _)| *l == "BST").map(|(_, c)| *c);
        let Some([british, bangladesh]) = bst else {
            unreachable!("BST has two readings")
        };
        let gmt = Evidence::of_label(&label("GMT")).unwrap_or_else(|| unreachable!());
        assert!(gmt.supports(british) && !gmt.supports(bangladesh));
        let six = FixedOffset::east_opt(6 * 3600).map(ZoneLabel::Offset);
        let six = six
            .as_ref()
            .and_then(Evidence::of_label)
            .unwrap_or_else(|| unreachable!());
        assert!(six.supports(bangladesh) && !six.supports(british));
        let dhaka = Evidence::of_page_zone(Tz::Asia__Dhaka);
        assert!(dhaka.supports(bangladesh) && !dhaka.supports(british));
    }
}
