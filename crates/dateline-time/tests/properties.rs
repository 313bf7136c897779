//! Property tests: random instants rendered as pages print them read back to the same instant,
//! and no input makes the scanner or the resolver panic or return a bad span.

use chrono::{DateTime, MappedLocalTime, NaiveDate, TimeZone, Utc};
use dateline_time::{
    Anchor, Context, DstPolicy, Stamp, Tz, ZoneOrigin, find_stamps, parse_stamp, resolve,
    resolve_sequence,
};
use proptest::prelude::*;

/// Every zone the abbreviation table names, with the outlet country that makes its ambiguous
/// abbreviation (`IST`, `CST`) mean that zone, plus zones that chrono-tz labels with a bare
/// offset (`+04`).
const ZONES: &[(Tz, &str)] = &[
    (Tz::UTC, "GB"),
    (Tz::America__New_York, "US"),
    (Tz::America__Chicago, "US"),
    (Tz::America__Denver, "US"),
    (Tz::America__Los_Angeles, "US"),
    (Tz::America__Anchorage, "US"),
    (Tz::Pacific__Honolulu, "US"),
    (Tz::Europe__London, "GB"),
    (Tz::Europe__Dublin, "IE"),
    (Tz::Europe__Lisbon, "PT"),
    (Tz::Europe__Berlin, "DE"),
    (Tz::Europe__Athens, "GR"),
    (Tz::Europe__Moscow, "RU"),
    (Tz::Asia__Jerusalem, "IL"),
    (Tz::Asia__Dubai, "AE"),
    (Tz::Asia__Karachi, "PK"),
    (Tz::Asia__Kolkata, "IN"),
    (Tz::Asia__Jakarta, "ID"),
    (Tz::Asia__Shanghai, "CN"),
    (Tz::Asia__Hong_Kong, "HK"),
    (Tz::Asia__Singapore, "SG"),
    (Tz::Asia__Tokyo, "JP"),
    (Tz::Asia__Seoul, "KR"),
    (Tz::Australia__Adelaide, "AU"),
    (Tz::Australia__Sydney, "AU"),
    (Tz::Pacific__Auckland, "NZ"),
    (Tz::Africa__Johannesburg, "ZA"),
    (Tz::Africa__Maputo, "MZ"),
    (Tz::Africa__Nairobi, "KE"),
    (Tz::Africa__Lagos, "NG"),
];

/// Abbreviations chrono-tz prints for these zones between 1970 and 2037 that the library does not
/// know (historical summer times, and the old Alaska names). A stamp printing one is skipped.
const UNKNOWN: &[&str] = &[
    "AHST", "AHDT", "YST", "MSD", "IDT", "PKST", "HKST", "KDT", "CDT",
];

/// Abbreviations that say which side of a daylight-saving change they are on, so a stamp in the
/// autumn overlap that prints one is still one instant. (`MSK`, `IST`, `HKT`, `PKT` name a region's
/// time whatever the season: in the overlap they are ambiguous and skipped.)
const SEASONAL: &[&str] = &[
    "EST", "EDT", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "GMT", "BST", "WET", "WEST",
    "CET", "CEST", "EET", "EEST", "ACST", "ACDT", "AEST", "AEDT", "NZST", "NZDT",
];

/// Layouts that print the zone's abbreviation (chrono-tz's `%Z`), as outlets print them.
const WITH_ABBREVIATION: &[&str] = &[
    "%A %d %B %Y %H:%M %Z",
    "%-d %B %Y at %H:%M %Z",
    "%-I:%M %p %Z, %B %-d, %Y",
    "%b. %-d, %Y, %-I:%M %p %Z",
    "%B %-d, %Y %-I:%M %p %Z",
    "%-I:%M%P %Z, %-d %b %Y",
    "%a %-d %b %Y %H.%M %Z",
    "%B %-d, %Y / %-I:%M %p %Z",
    "%-d %b %Y, %H:%M %Z",
    "%H:%M %Z, %-d %B %Y",
    "Published: %-I:%M %p %Z, %a %B %-d, %Y",
    "%b %-d, %Y | %H:%M %Z",
    "%B %-d, %Y%-I:%M %p %Z",
    "%Y-%m-%d %H:%M %Z",
];

/// Layouts read in the page's zone.
const WITHOUT_ZONE: &[&str] = &[
    "%-d %B %Y %H:%M",
    "%a %-d %b %Y %H.%M",
    "%B %-d, %Y, %-I:%M %p",
    "%d.%m.%Y, %H:%M Uhr",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%Y年%-m月%-d日 %H時%M分",
    "%-I:%M %p · %b %-d, %Y",
    "%B %-d, %Y — %-I.%M%P",
];

/// A slashed numeric date in the order the outlet's country writes it.
fn slashed(country: &str) -> &'static str {
    if ["US", "PH", "CA"].contains(&country) {
        "%m/%d/%Y %H:%M"
    } else {
        "%d/%m/%Y %H:%M"
    }
}

/// Month first, read as such only when the day is over 12 (otherwise the outlet's country
/// decides, which `tests/cases.txt` covers).
const MONTH_FIRST: &str = "%m/%d/%Y %I:%M %p";

/// 1970-01-01 to 2037-12-31, to the minute.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..2_145_916_800 / 60)
        .prop_filter_map("representable", |m| DateTime::from_timestamp(m * 60, 0))
}

/// The one stamp in `text` (a layout may have a prefix such as `Published: `), resolved.
fn read_back(text: &str, ctx: &Context) -> Result<DateTime<Utc>, String> {
    let stamps = find_stamps(text);
    let [stamp] = stamps.as_slice() else {
        return Err(format!("{text:?}: {} stamps, not one", stamps.len()));
    };
    resolve(stamp, ctx)
        .map(|r| r.utc)
        .map_err(|e| format!("{text:?}: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 384,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn rendered_instants_read_back(utc in instant(), zone in 0..ZONES.len()) {
        let (tz, country) = ZONES[zone];
        let ctx = Context::default()
            .with_zone(tz, ZoneOrigin::Caller)
            .with_country(country);
        let local = utc.with_timezone(&tz);
        let ambiguous = matches!(
            tz.from_local_datetime(&local.naive_local()),
            MappedLocalTime::Ambiguous(..)
        );
        let abbreviation = local.format("%Z").to_string();
        let known = !UNKNOWN.contains(&abbreviation.as_str());
        let decides = !ambiguous || SEASONAL.contains(&abbreviation.as_str())
            || abbreviation.starts_with(['+', '-']);
        if known && decides {
            for layout in WITH_ABBREVIATION {
                let text = local.format(layout).to_string();
                prop_assert_eq!(read_back(&text, &ctx), Ok(utc), "{}", text);
            }
        }
        // Without a zone, a time in the autumn overlap is ambiguous by nature.
        if !ambiguous {
            for layout in WITHOUT_ZONE.iter().chain([&slashed(country)]) {
                let text = local.format(layout).to_string();
                prop_assert_eq!(read_back(&text, &ctx), Ok(utc), "{}", text);
            }
            if local.format("%d").to_string().as_str() > "12" {
                let text = local.format(MONTH_FIRST).to_string();
                prop_assert_eq!(read_back(&text, &ctx), Ok(utc), "{}", text);
            }
        }
        let machine = [
            local.to_rfc3339(),
            local.to_rfc2822(),
            utc.format("%Y%m%dT%H%M%SZ").to_string(),
        ];
        for text in machine {
            prop_assert_eq!(read_back(&text, &ctx), Ok(utc), "{}", text);
        }
    }
}

/// Text that looks like stamps: the pieces the rules are made of, in any order.
fn stampish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("3"),
        Just("12"),
        Just("2020"),
        Just("0846"),
        Just(":"),
        Just("."),
        Just("/"),
        Just("-"),
        Just(","),
        Just(" "),
        Just("\u{a0}"),
        Just("44"),
        Just("pm"),
        Just("a.m."),
        Just("January"),
        Just("Jan."),
        Just("Sept"),
        Just("Friday"),
        Just("EST"),
        Just("BST"),
        Just("IST"),
        Just("GMT+5:30"),
        Just("+0100"),
        Just("Z"),
        Just("T"),
        Just("("),
        Just(")"),
        Just("ago"),
        Just("hours"),
        Just("Yesterday"),
        Just("at"),
        Just("noon"),
        Just("Uhr"),
        Just("年"),
        Just("月"),
        Just("日"),
        Just("오후"),
        Just("\u{2212}"),
        Just("é"),
        Just("%"),
        Just("hrs"),
        Just("|"),
        Just("·"),
        Just("\n"),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check_spans(text: &str, stamps: &[Stamp]) -> Result<(), TestCaseError> {
    let mut end = 0;
    for s in stamps {
        prop_assert!(s.span.start < s.span.end, "empty span {:?}", s.span);
        prop_assert!(
            s.span.start >= end,
            "overlapping or unsorted spans in {:?}",
            text
        );
        prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        prop_assert_eq!(text.get(s.span.clone()), Some(s.text.as_str()));
        end = s.span.end;
    }
    Ok(())
}

fn any_context() -> impl Strategy<Value = Context> {
    (
        prop::option::of(0i64..40_000),
        prop::option::of(0..ZONES.len()),
        prop::option::of(prop_oneof![
            Just("US"),
            Just("GB"),
            Just("IE"),
            Just("IN"),
            Just("CN")
        ]),
        0..3usize,
        prop::option::of(instant()),
        any::<bool>(),
    )
        .prop_map(|(page, zone, country, dst, now, newest)| {
            let mut ctx = Context::default();
            if let Some(d) = page.and_then(|days| {
                NaiveDate::from_ymd_opt(1970, 1, 1)
                    .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)))
            }) {
                ctx = ctx.with_page_date(d);
            }
            if let Some((tz, _)) = zone.and_then(|z| ZONES.get(z)) {
                ctx = ctx.with_zone(*tz, ZoneOrigin::Caller);
            }
            if let Some(c) = country {
                ctx = ctx.with_country(c);
            }
            ctx = ctx.with_dst([DstPolicy::Earlier, DstPolicy::Later, DstPolicy::Reject][dst % 3]);
            if let Some(now) = now {
                ctx = ctx.with_now(now);
            }
            if newest {
                ctx = ctx.with_anchor(Anchor::Newest);
            }
            ctx
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_scans_without_panic_and_with_good_spans(text in any::<String>()) {
        let stamps = find_stamps(&text);
        check_spans(&text, &stamps)?;
        let _ = parse_stamp(&text);
    }

    #[test]
    fn stamp_like_text_scans_and_resolves_without_panic(
        text in stampish(),
        ctx in any_context(),
    ) {
        let stamps = find_stamps(&text);
        check_spans(&text, &stamps)?;
        for s in &stamps {
            let _ = resolve(s, &ctx);
        }
        if let Some(one) = parse_stamp(&text) {
            prop_assert_eq!(text.get(one.span.clone()), Some(one.text.as_str()));
        }
        let seq = resolve_sequence(&stamps, &ctx);
        prop_assert_eq!(seq.times.len(), stamps.len());
    }

    #[test]
    fn lines_of_stamps_resolve_together_without_panic(
        lines in prop::collection::vec(stampish(), 0..12),
        ctx in any_context(),
    ) {
        let stamps: Vec<Stamp> = lines.iter().flat_map(|l| find_stamps(l)).collect();
        let seq = resolve_sequence(&stamps, &ctx);
        prop_assert_eq!(seq.times.len(), stamps.len());
        prop_assert!(seq.notes.iter().all(|(i, _)| *i < stamps.len()));
    }
}
