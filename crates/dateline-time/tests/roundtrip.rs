//! Render many instants in every supported layout and zone, parse them back, get the same instant.
//! (The deterministic companion of `tests/properties.rs`: 600 instants stepped through 2019-2021,
//! so every run crosses each zone's daylight-saving changes, which random instants rarely hit.)

use chrono::{DateTime, Duration, MappedLocalTime, TimeZone, Utc};
use dateline_time::{Context, Tz, ZoneOrigin, parse_stamp, resolve};

const ZONES: &[Tz] = &[
    Tz::America__New_York,
    Tz::America__Chicago,
    Tz::America__Los_Angeles,
    Tz::Europe__London,
    Tz::Europe__Berlin,
    Tz::Europe__Moscow,
    Tz::Asia__Kolkata,
    Tz::Asia__Hong_Kong,
    Tz::Asia__Tokyo,
    Tz::Australia__Sydney,
    Tz::Pacific__Auckland,
    Tz::Africa__Johannesburg,
];

/// Layouts that print the zone's abbreviation (chrono-tz's `%Z`).
const WITH_ABBREVIATION: &[&str] = &[
    "%A %d %B %Y %H:%M %Z",
    "%-d %B %Y at %H:%M %Z",
    "%-I:%M %p %Z, %B %-d, %Y",
    "%b. %-d, %Y, %-I:%M %p %Z",
    "%B %-d, %Y %-I:%M %p %Z",
    "%-I:%M%P %Z, %-d %b %Y",
];

/// Layouts read in the page's zone.
const WITHOUT_ZONE: &[&str] = &[
    "%-d %B %Y %H:%M",
    "%a %-d %b %Y %H.%M",
    "%B %-d, %Y, %-I:%M %p",
];

fn instants() -> impl Iterator<Item = DateTime<Utc>> {
    let start = Utc.with_ymd_and_hms(2019, 1, 1, 0, 7, 0).single();
    (0..600).filter_map(move |i| start.map(|s| s + Duration::minutes(i * 2621)))
}

fn check(text: &str, ctx: &Context, want: DateTime<Utc>, failures: &mut Vec<String>) {
    let Some(stamp) = parse_stamp(text) else {
        failures.push(format!("{text:?}: not read as one stamp"));
        return;
    };
    match resolve(&stamp, ctx) {
        Ok(r) if r.utc == want => {}
        Ok(r) => failures.push(format!("{text:?}: got {}, want {want}", r.utc)),
        Err(e) => failures.push(format!("{text:?}: {e}")),
    }
}

#[test]
fn layouts_render_as_pages_print_them() {
    let utc = Utc.with_ymd_and_hms(2020, 1, 4, 17, 31, 0).single();
    let local = utc.map(|u| u.with_timezone(&Tz::America__New_York));
    let show = |layout: &str| {
        local
            .map(|l| l.format(layout).to_string())
            .unwrap_or_default()
    };
    assert_eq!(show(WITH_ABBREVIATION[2]), "12:31 PM EST, January 4, 2020");
    assert_eq!(show(WITH_ABBREVIATION[3]), "Jan. 4, 2020, 12:31 PM EST");
    assert_eq!(show(WITH_ABBREVIATION[5]), "12:31pm EST, 4 Jan 2020");
    let sydney = utc.map(|u| {
        u.with_timezone(&Tz::Australia__Sydney)
            .format("%Z")
            .to_string()
    });
    assert_eq!(sydney.as_deref(), Some("AEDT"));
}

#[test]
fn every_layout_and_zone_round_trips() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for tz in ZONES {
        // Country picks `IST` = India and `CST` = US Central, as the zones above mean them.
        let country = if *tz == Tz::Asia__Kolkata { "IN" } else { "US" };
        let ctx = Context::default()
            .with_zone(*tz, ZoneOrigin::Caller)
            .with_country(country);
        for utc in instants() {
            let local = utc.with_timezone(tz);
            let ambiguous = matches!(
                tz.from_local_datetime(&local.naive_local()),
                MappedLocalTime::Ambiguous(..)
            );
            for layout in WITH_ABBREVIATION {
                check(&local.format(layout).to_string(), &ctx, utc, &mut failures);
                checked += 1;
            }
            // Without a zone, a time in the autumn overlap is ambiguous by nature.
            if !ambiguous {
                for layout in WITHOUT_ZONE {
                    check(&local.format(layout).to_string(), &ctx, utc, &mut failures);
                    checked += 1;
                }
            }
            check(&local.to_rfc3339(), &ctx, utc, &mut failures);
            check(&local.to_rfc2822(), &ctx, utc, &mut failures);
            checked += 2;
        }
    }
    failures.truncate(40);
    assert!(
        failures.is_empty(),
        "of {checked}:\n{}",
        failures.join("\n")
    );
}
