//! Every timestamp form, resolved to the exact UTC minute, with its notes and errors.
// The helpers below are test code outside `#[test]` functions, which clippy's test allowances miss.
#![allow(clippy::unwrap_used, clippy::panic)]

use chrono::NaiveDate;
use dateline_time::{
    Anchor, Context, DstPolicy, Form, Inferred, Resolved, Stamp, Tz, ZoneOrigin, find_stamps,
    parse_stamp, resolve, resolve_sequence,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn london() -> Context {
    Context::default().with_zone(
        Tz::Europe__London,
        ZoneOrigin::OutletDefault {
            outlet: "The Independent".into(),
        },
    )
}

fn utc_ctx(page: NaiveDate) -> Context {
    Context::default()
        .with_page_date(page)
        .with_zone(Tz::UTC, ZoneOrigin::PageStatement { line: 1 })
}

fn stamp(text: &str) -> Stamp {
    parse_stamp(text).unwrap_or_else(|| panic!("no stamp in {text:?}"))
}

fn res(text: &str, ctx: &Context) -> Resolved {
    resolve(&stamp(text), ctx).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// The instant as `2020-01-03T12:44Z`.
fn at(text: &str, ctx: &Context) -> String {
    res(text, ctx).utc.format("%Y-%m-%dT%H:%MZ").to_string()
}

fn notes(r: &Resolved) -> String {
    r.notes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

// ---- The Independent ----

#[test]
fn independent_footer_glued_to_the_author() {
    let line = "Jon Sharman3 January 2020 12:44";
    let stamps = find_stamps(line);
    assert_eq!(stamps.len(), 1);
    assert_eq!(stamps[0].span, 11..line.len());
    assert_eq!(stamps[0].form, Form::DayMonthYearTime);
    let r = resolve(&stamps[0], &london()).unwrap();
    assert_eq!(r.utc.to_rfc3339(), "2020-01-03T12:44:00+00:00");
    assert_eq!(r.zone, "Europe/London");
    assert_eq!(
        r.origin,
        ZoneOrigin::OutletDefault {
            outlet: "The Independent".into()
        }
    );
    assert_eq!(r.rule, "day-month-year-time");
    assert!(r.inferred.is_empty());
    assert!(r.notes.is_empty());
}

#[test]
fn independent_footer_in_august_is_bst() {
    let line = "Jon Sharman3 August 2020 12:44";
    let s = find_stamps(line).remove(0);
    let r = resolve(&s, &london()).unwrap();
    assert_eq!(
        r.utc.format("%Y-%m-%dT%H:%MZ").to_string(),
        "2020-08-03T11:44Z"
    );
    assert_eq!(r.local.to_rfc3339(), "2020-08-03T12:44:00+01:00");
}

#[test]
fn independent_page_time_in_est_is_its_own_zone() {
    let r = res("Friday 03 January 2020 13:34 EST", &london());
    assert_eq!(r.utc.format("%H:%MZ").to_string(), "18:34Z");
    assert_eq!(r.zone, "America/New_York");
    assert_eq!(
        r.origin,
        ZoneOrigin::Stated {
            label: "EST".into()
        }
    );
    assert!(r.notes.is_empty(), "{}", notes(&r));
}

#[test]
fn independent_articles() {
    assert_eq!(
        at("Friday 03 January 2020 19:44 GMT", &london()),
        "2020-01-03T19:44Z"
    );
    assert_eq!(
        res("Friday 03 January 2020 19:44 GMT", &london()).zone,
        "UTC"
    );
    assert_eq!(
        at("Wednesday 01 April 2020 19:16 BST", &london()),
        "2020-04-01T18:16Z"
    );
    assert_eq!(
        at("4 January 2020 at 12:31 GMT", &Context::default()),
        "2020-01-04T12:31Z"
    );
}

// ---- CNN ----

#[test]
fn cnn_post_stamps() {
    let ctx = Context::default();
    assert_eq!(
        at("12:31 p.m. ET, January 4, 2020", &ctx),
        "2020-01-04T17:31Z"
    );
    assert_eq!(
        at("1:32 p.m. ET, January 4, 2020", &ctx),
        "2020-01-04T18:32Z"
    );
    assert_eq!(
        at("9:21 a.m. ET, January 4, 2020", &ctx),
        "2020-01-04T14:21Z"
    );
    let s = stamp("12:31 p.m. ET, January 4, 2020");
    assert_eq!(s.form, Form::TimeZoneMonthDayYear);
}

#[test]
fn cnn_update_line_with_two_zones() {
    let line = "Updated 0846 GMT (1646 HKT) January 5, 2020";
    let stamps = find_stamps(line);
    assert_eq!(stamps.len(), 1);
    let s = &stamps[0];
    assert_eq!(&line[s.span.clone()], "0846 GMT (1646 HKT) January 5, 2020");
    assert_eq!(s.form, Form::CompactTimeZoneDate);
    let (t, z) = s.also.clone().unwrap();
    assert_eq!(t.to_string(), "16:46:00");
    assert_eq!(z.to_string(), "HKT");
    let r = resolve(s, &Context::default()).unwrap();
    assert_eq!(r.utc.to_rfc3339(), "2020-01-05T08:46:00+00:00");
    assert!(r.notes.is_empty(), "{}", notes(&r));
}

#[test]
fn zone_disagreement_is_reported() {
    let r = res("0846 GMT (1746 HKT) January 5, 2020", &Context::default());
    assert_eq!(r.utc.to_rfc3339(), "2020-01-05T08:46:00+00:00");
    insta::assert_snapshot!(notes(&r), @"warning[zone-disagrees]: `08:46 GMT` is 08:46Z but `17:46 HKT` is 09:46Z: the two readings are not the same instant");
}

#[test]
fn second_reading_on_the_next_day_agrees() {
    let r = res("2046 GMT (0446 HKT) January 5, 2020", &Context::default());
    assert!(r.notes.is_empty(), "{}", notes(&r));
}

// ---- DW ----

#[test]
fn dw_bare_clocks() {
    let line = "03:09\u{a0} \u{a0}US Secretary of State Mike Pompeo";
    let s = find_stamps(line);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].span, 0..5);
    assert_eq!(s[0].form, Form::Clock);
    assert_eq!(find_stamps("01:19 German Greens")[0].span, 0..5);
    assert_eq!(stamp("03:42").time.unwrap().to_string(), "03:42:00");
    // U+00A0 is two bytes.
    assert_eq!(stamp("\u{a0}03:42 ").span, 2..7);
    let ctx = utc_ctx(day(2020, 1, 3));
    let r = res("03:09", &ctx);
    assert_eq!(r.utc.to_rfc3339(), "2020-01-03T03:09:00+00:00");
    assert_eq!(r.inferred, vec![Inferred::DateFromPage(day(2020, 1, 3))]);
    assert_eq!(r.origin, ZoneOrigin::PageStatement { line: 1 });
}

#[test]
fn dates_without_time() {
    let s = stamp("January 3, 2020");
    assert_eq!(s.form, Form::Date);
    let r = resolve(&s, &utc_ctx(day(2020, 1, 1))).unwrap();
    assert_eq!(r.utc.to_rfc3339(), "2020-01-03T00:00:00+00:00");
    assert_eq!(r.precision, dateline_time::Precision::Day);
    assert_eq!(stamp("3 January 2020").form, Form::Date);
    assert_eq!(stamp("3rd of January 2020").date.unwrap().day, 3);
}

// ---- Other forms ----

#[test]
fn iso_8601() {
    let ctx = Context::default();
    assert_eq!(at("2020-01-03T12:44:00Z", &ctx), "2020-01-03T12:44Z");
    assert_eq!(at("2020-01-03T12:44:00.123Z", &ctx), "2020-01-03T12:44Z");
    let r = res("2020-01-03T12:44:00+01:00", &ctx);
    assert_eq!(r.utc.to_rfc3339(), "2020-01-03T11:44:00+00:00");
    assert_eq!(r.zone, "+01:00");
    assert_eq!(at("2020-07-03T12:44-0400", &ctx), "2020-07-03T16:44Z");
    assert_eq!(at("2020-08-03T12:44:00", &london()), "2020-08-03T11:44Z");
    assert_eq!(at("2020-08-03 12:44", &london()), "2020-08-03T11:44Z");
    assert_eq!(stamp("2020-01-03").form, Form::Iso8601);
    assert_eq!(
        stamp("2020-01-03T12:44:05Z").precision,
        dateline_time::Precision::Second
    );
}

#[test]
fn rfc_2822() {
    let ctx = Context::default();
    let s = stamp("Fri, 03 Jan 2020 12:44:00 +0000");
    assert_eq!(s.form, Form::Rfc2822);
    assert_eq!(
        at("Fri, 03 Jan 2020 12:44:00 +0000", &ctx),
        "2020-01-03T12:44Z"
    );
    assert_eq!(
        at("Fri, 03 Jan 2020 07:44:00 EST", &ctx),
        "2020-01-03T12:44Z"
    );
    assert_eq!(at("3 Jan 2020 13:44:00 +0100", &ctx), "2020-01-03T12:44Z");
}

#[test]
fn month_day_year_time() {
    let ctx = Context::default();
    assert_eq!(at("Jan. 4, 2020, 12:31 p.m. ET", &ctx), "2020-01-04T17:31Z");
    assert_eq!(
        stamp("Jan. 4, 2020, 12:31 p.m. ET").form,
        Form::MonthDayYearTime
    );
    assert_eq!(
        at("Sept. 25, 2020, 5:43 p.m. ET", &ctx),
        "2020-09-25T21:43Z"
    );
    assert_eq!(
        at("Saturday, January 4, 2020 at 9:21 AM EST", &ctx),
        "2020-01-04T14:21Z"
    );
    // Zone abbreviations are read in capitals only (`et` is a word); the rest of the stamp is not.
    let s = find_stamps("sep 25 2020 17:43 edt");
    assert_eq!(s[0].text, "sep 25 2020 17:43");
    assert_eq!(s[0].zone, None);
}

#[test]
fn clocks_with_zones_and_am_pm() {
    let summer = utc_ctx(day(2020, 7, 1));
    assert_eq!(at("12.50 BST", &summer), "2020-07-01T11:50Z");
    assert_eq!(at("3.09pm", &summer), "2020-07-01T15:09Z");
    assert_eq!(at("3.09 p.m.", &summer), "2020-07-01T15:09Z");
    assert_eq!(at("12:15 a.m.", &summer), "2020-07-01T00:15Z");
    assert_eq!(at("5pm ET", &summer), "2020-07-01T21:00Z");
    assert_eq!(stamp("5pm ET").precision, dateline_time::Precision::Hour);
    assert_eq!(at("12:44 (GMT+3)", &summer), "2020-07-01T09:44Z");
    let s = find_stamps("Each evening at 1830 UTC, DW's editors");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].text, "1830 UTC");
}

#[test]
fn noon_and_midnight_only_when_clearly_times() {
    let ctx = utc_ctx(day(2020, 1, 3));
    let s = find_stamps("The deadline is at noon on Friday");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].text, "noon");
    assert_eq!(
        resolve(&s[0], &ctx).unwrap().utc.to_rfc3339(),
        "2020-01-03T12:00:00+00:00"
    );
    assert!(find_stamps("midnight blue").is_empty());
    assert_eq!(
        find_stamps("until midnight")[0].time.unwrap().to_string(),
        "00:00:00"
    );
}

#[test]
fn time_zone_month_day_without_year() {
    let ctx = Context::default().with_page_date(day(2020, 2, 20));
    let r = res("23:58 (IST) Feb 25", &ctx);
    assert_eq!(r.utc.to_rfc3339(), "2020-02-25T18:28:00+00:00");
    assert_eq!(r.zone, "Asia/Kolkata");
    assert_eq!(r.inferred, vec![Inferred::Year(2020)]);
    insta::assert_snapshot!(notes(&r), @"info[zone-ambiguous]: `IST` read as India Standard Time (Asia/Kolkata) by default: neither the outlet's country nor the page's other zones say which; it may also mean Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem)");
    // The year nearest the page date: December on a January page is last year.
    let jan = Context::default().with_page_date(day(2020, 1, 2));
    assert_eq!(at("23:58 GMT Dec 31", &jan), "2019-12-31T23:58Z");
}

#[test]
fn month_names_and_weekdays_any_case_and_abbreviated() {
    for text in [
        "FRIDAY 03 JANUARY 2020 13:34 EST",
        "fri 3 jan 2020 13:34 EST",
        "Fri. 3 Jan. 2020 13:34 EST",
        "Friday, January 3, 2020, 1:34 p.m. EST",
    ] {
        assert_eq!(at(text, &Context::default()), "2020-01-03T18:34Z", "{text}");
    }
}

// ---- Zones ----

#[test]
fn ist_by_country() {
    let text = "23:58 (IST) Jul 25";
    let page = day(2020, 7, 20);
    let ie = Context::default().with_page_date(page).with_country("IE");
    let r = res(text, &ie);
    assert_eq!(r.zone, "Europe/Dublin");
    assert_eq!(r.utc.to_rfc3339(), "2020-07-25T22:58:00+00:00");
    insta::assert_snapshot!(notes(&r), @"info[zone-ambiguous]: `IST` read as Irish Standard Time (Europe/Dublin) from the outlet's country (IE); it may also mean India Standard Time (Asia/Kolkata) or Israel Standard Time (Asia/Jerusalem)");
    let il = Context::default()
        .with_page_date(day(2020, 2, 20))
        .with_country("IL");
    let r = res("23:58 (IST) Feb 25", &il);
    assert_eq!(r.zone, "Asia/Jerusalem");
    assert_eq!(r.utc.to_rfc3339(), "2020-02-25T21:58:00+00:00");
    let india = Context::default().with_page_date(page).with_country("IN");
    assert_eq!(
        res(text, &india).utc.to_rfc3339(),
        "2020-07-25T18:28:00+00:00"
    );
}

#[test]
fn cst_by_country() {
    let us = Context::default();
    let r = res("3 January 2020 12:00 CST", &us);
    assert_eq!(r.zone, "America/Chicago");
    assert_eq!(r.utc.to_rfc3339(), "2020-01-03T18:00:00+00:00");
    let cn = Context::default().with_country("CN");
    let r = res("3 January 2020 12:00 CST", &cn);
    assert_eq!(r.zone, "Asia/Shanghai");
    assert_eq!(r.utc.to_rfc3339(), "2020-01-03T04:00:00+00:00");
    assert_eq!(r.notes[0].code, "zone-ambiguous");
}

#[test]
fn est_in_july_is_new_york_civil_time_with_a_warning() {
    let r = res("Friday 03 July 2020 13:34 EST", &Context::default());
    assert_eq!(r.utc.to_rfc3339(), "2020-07-03T17:34:00+00:00");
    assert_eq!(r.zone, "America/New_York");
    insta::assert_snapshot!(notes(&r), @"warning[abbreviation-season]: `EST` names standard time but America/New_York keeps daylight-saving time on 2020-07-03; read as America/New_York civil time (the page probably meant the region's time, not the season's)");
    let r = res("3 January 2020 12:00 BST", &Context::default());
    assert_eq!(r.utc.to_rfc3339(), "2020-01-03T12:00:00+00:00");
    assert!(r.notes.iter().any(|n| n.code == "abbreviation-season"));
    assert!(
        res("3 July 2020 12:00 EDT", &Context::default())
            .notes
            .is_empty()
    );
}

#[test]
fn many_abbreviations() {
    let ctx = Context::default();
    for (text, want) in [
        ("3 January 2020 12:00 CET", "2020-01-03T11:00Z"),
        ("3 July 2020 12:00 CEST", "2020-07-03T10:00Z"),
        ("3 January 2020 12:00 EET", "2020-01-03T10:00Z"),
        ("3 January 2020 12:00 MSK", "2020-01-03T09:00Z"),
        ("3 January 2020 12:00 GST", "2020-01-03T08:00Z"),
        ("3 January 2020 12:00 HKT", "2020-01-03T04:00Z"),
        ("3 January 2020 12:00 SGT", "2020-01-03T04:00Z"),
        ("3 January 2020 12:00 JST", "2020-01-03T03:00Z"),
        ("3 January 2020 12:00 KST", "2020-01-03T03:00Z"),
        ("3 January 2020 12:00 AEDT", "2020-01-03T01:00Z"),
        ("3 July 2020 12:00 AEST", "2020-07-03T02:00Z"),
        ("3 January 2020 12:00 NZDT", "2020-01-02T23:00Z"),
        ("3 July 2020 12:00 NZST", "2020-07-03T00:00Z"),
        ("3 January 2020 12:00 SAST", "2020-01-03T10:00Z"),
        ("3 January 2020 12:00 EAT", "2020-01-03T09:00Z"),
        ("3 January 2020 12:00 WAT", "2020-01-03T11:00Z"),
        ("3 January 2020 12:00 PKT", "2020-01-03T07:00Z"),
        ("3 January 2020 12:00 PT", "2020-01-03T20:00Z"),
        ("3 July 2020 12:00 PDT", "2020-07-03T19:00Z"),
        ("3 January 2020 12:00 MST", "2020-01-03T19:00Z"),
        ("3 July 2020 12:00 CT", "2020-07-03T17:00Z"),
        ("3 January 2020 12:00 UTC", "2020-01-03T12:00Z"),
    ] {
        assert_eq!(at(text, &ctx), want, "{text}");
    }
}

#[test]
fn no_zone_anywhere_is_utc_assumed() {
    let r = res("3 January 2020 12:44", &Context::default());
    assert_eq!(r.origin, ZoneOrigin::Assumed);
    assert_eq!(r.zone, "UTC");
    insta::assert_snapshot!(notes(&r), @"warning[zone-assumed]: `3 January 2020 12:44` prints no zone and the page gives none; UTC assumed");
}

#[test]
fn weekday_must_match_the_date() {
    let r = res("Thursday 03 January 2020 13:34 GMT", &Context::default());
    assert_eq!(r.utc.to_rfc3339(), "2020-01-03T13:34:00+00:00");
    insta::assert_snapshot!(notes(&r), @"warning[weekday-mismatch]: `Thursday 03 January 2020 13:34 GMT` prints Thu but 2020-01-03 is a Fri");
}

// ---- Daylight saving ----

fn dst(text: &str, tz: Tz, policy: DstPolicy) -> Result<Resolved, dateline_time::Error> {
    let ctx = Context::default()
        .with_zone(tz, ZoneOrigin::Caller)
        .with_dst(policy);
    resolve(&stamp(text), &ctx)
}

fn dst_at(text: &str, tz: Tz, policy: DstPolicy) -> String {
    let r = dst(text, tz, policy).unwrap();
    assert_eq!(r.inferred, vec![Inferred::Dst(policy)]);
    r.utc.format("%H:%MZ").to_string()
}

#[test]
fn dst_gap_and_overlap_in_london() {
    let (gap, overlap) = ("29 March 2020 01:30", "25 October 2020 01:30");
    let tz = Tz::Europe__London;
    assert_eq!(dst_at(gap, tz, DstPolicy::Earlier), "00:30Z");
    assert_eq!(dst_at(gap, tz, DstPolicy::Later), "01:30Z");
    assert_eq!(dst_at(overlap, tz, DstPolicy::Earlier), "00:30Z");
    assert_eq!(dst_at(overlap, tz, DstPolicy::Later), "01:30Z");
    let e = dst(gap, tz, DstPolicy::Reject).unwrap_err();
    insta::assert_snapshot!(e, @"`29 March 2020 01:30` falls in a daylight-saving gap in Europe/London on 2020-03-29, and the policy is to reject it");
    let e = dst(overlap, tz, DstPolicy::Reject).unwrap_err();
    insta::assert_snapshot!(e, @"`25 October 2020 01:30` happens twice in Europe/London on 2020-10-25 (daylight saving ends), and the policy is to reject it");
    let r = dst(gap, tz, DstPolicy::Earlier).unwrap();
    insta::assert_snapshot!(notes(&r), @"warning[dst-gap]: 2020-03-29 01:30:00 does not exist in Europe/London (clocks skip it); the earlier policy read it as 2020-03-29T00:30:00+00:00");
    let r = dst(overlap, tz, DstPolicy::Later).unwrap();
    insta::assert_snapshot!(notes(&r), @"warning[dst-overlap]: 2020-10-25 01:30:00 happens twice in Europe/London (at 2020-10-25T01:30:00+01:00 and 2020-10-25T01:30:00+00:00); the later policy chose 2020-10-25T01:30:00+00:00");
}

#[test]
fn dst_gap_and_overlap_in_new_york() {
    let (gap, overlap) = ("8 March 2020 02:30", "1 November 2020 01:30");
    let tz = Tz::America__New_York;
    assert_eq!(dst_at(gap, tz, DstPolicy::Earlier), "06:30Z");
    assert_eq!(dst_at(gap, tz, DstPolicy::Later), "07:30Z");
    assert_eq!(dst_at(overlap, tz, DstPolicy::Earlier), "05:30Z");
    assert_eq!(dst_at(overlap, tz, DstPolicy::Later), "06:30Z");
    assert!(dst(gap, tz, DstPolicy::Reject).is_err());
    assert!(dst(overlap, tz, DstPolicy::Reject).is_err());
    // A stated zone abbreviation goes through the same policy.
    let r = resolve(&stamp("1 November 2020 01:30 ET"), &Context::default()).unwrap();
    assert_eq!(r.utc.format("%H:%MZ").to_string(), "05:30Z");
}

// ---- Numeric, year-first and East Asian dates ----

#[test]
fn numeric_dates_with_a_field_over_12_settle_their_own_order() {
    let s = stamp("13/01/2020 12:44");
    assert_eq!(s.form, Form::DayMonthYearTime);
    assert_eq!((s.date.unwrap().month, s.date.unwrap().day), (1, 13));
    let s = stamp("01/13/2020 07:44 AM EST");
    assert_eq!(s.form, Form::MonthDayYearTime);
    assert_eq!(
        at("01/13/2020 07:44 AM EST", &Context::default()),
        "2020-01-13T12:44Z"
    );
    // A two-digit year only with a clock, as The Hill prints it.
    assert_eq!(
        at("01/13/20 07:44 AM ET", &Context::default()),
        "2020-01-13T12:44Z"
    );
    assert!(find_stamps("13/13/2020").is_empty());
}

#[test]
fn open_numeric_dates_carry_the_day_first_reading() {
    // `03/01/2020` is 3 January day first and 1 March month first: the stamp carries the day-first
    // reading, and resolution settles the order by the outlet's country (`scan::numeric_reading`).
    let s = stamp("03/01/2020 12:44");
    let d = s.date.unwrap();
    assert_eq!((d.year, d.month, d.day), (Some(2020), 1, 3));
    assert_eq!(s.form, Form::DayMonthYearTime);
}

#[test]
fn dotted_dates_are_day_first_with_uhr_and_dashes() {
    let berlin = Context::default().with_zone(Tz::Europe__Berlin, ZoneOrigin::Caller);
    assert_eq!(at("03.01.2020, 13.44 Uhr", &berlin), "2020-01-03T12:44Z");
    assert_eq!(at("03.07.2020 14:44 Uhr", &berlin), "2020-07-03T12:44Z");
    let s = find_stamps("Aktualisiert am 03.01.2020-13:44");
    assert_eq!(s[0].text, "03.01.2020-13:44");
    assert_eq!(stamp("03.01.2020").form, Form::Date);
    let paris = Context::default().with_zone(Tz::Europe__Paris, ZoneOrigin::Caller);
    assert_eq!(at("03/01/2020 à 13h44", &paris), "2020-01-03T12:44Z");
}

#[test]
fn year_first_and_basic_iso() {
    let ctx = Context::default();
    assert_eq!(at("20200103T124400Z", &ctx), "2020-01-03T12:44Z");
    assert_eq!(at("20200103T134400+0100", &ctx), "2020-01-03T12:44Z");
    assert!(find_stamps("20200103").is_empty());
    let tokyo = Context::default().with_zone(Tz::Asia__Tokyo, ZoneOrigin::Caller);
    assert_eq!(at("2020/01/03 21:44", &tokyo), "2020-01-03T12:44Z");
    assert_eq!(at("2020.01.03 21:44", &tokyo), "2020-01-03T12:44Z");
    assert_eq!(at("2020年1月3日 21時44分", &tokyo), "2020-01-03T12:44Z");
    assert_eq!(at("2020年1月3日(金) 21:44", &tokyo), "2020-01-03T12:44Z");
    assert_eq!(at("2020년 1월 3일 오후 9:44", &tokyo), "2020-01-03T12:44Z");
    // RTHK puts the zone between date and clock.
    assert_eq!(at("2020-01-03 HKT 20:44", &ctx), "2020-01-03T12:44Z");
    // A date in a URL path is not a stamp.
    assert!(find_stamps("https://www.cnn.com/2020/01/03/world/index.html").is_empty());
}

#[test]
fn separators_pages_print_between_date_and_clock() {
    let ny = Context::default().with_zone(Tz::America__New_York, ZoneOrigin::Caller);
    for text in [
        "January 3, 2020 / 12:44 PM",
        "January 3, 2020 | 12:44 PM",
        "January 3, 2020 \u{2022} 12:44 PM",
        "January 3, 2020 \u{b7} 12:44 PM",
        "January 3, 2020 - 12:44 PM",
        "January 3, 2020 \u{2014} 12.44pm",
        "January 3, 2020 at 12:44 PM",
        "January 3, 202012:44 PM",
        "12:44 PM \u{b7} Jan 3, 2020",
        "12:44 pm on January 3, 2020",
    ] {
        assert_eq!(at(text, &ny), "2020-01-03T17:44Z", "{text}");
    }
    let s = find_stamps("New Delhi, January 3, 2020UPDATED: January 3, 2020 18:14 IST");
    assert_eq!(s[0].text, "January 3, 2020");
    assert_eq!(s[1].text, "January 3, 2020 18:14 IST");
}

#[test]
fn day_and_month_with_a_clock_but_no_year() {
    let ctx = Context::default().with_page_date(day(2020, 1, 3));
    assert_eq!(at("Jan 3, 3:44 PM ET", &ctx), "2020-01-03T20:44Z");
    let s = stamp("3 JAN, 15:44");
    assert_eq!(s.date.unwrap().year, None);
}

#[test]
fn four_digit_clocks_marked_hrs_and_offsets_with_a_space() {
    let ctx = Context::default().with_page_date(day(2020, 1, 3));
    assert_eq!(at("1830 hrs IST", &ctx), "2020-01-03T13:00Z");
    assert_eq!(
        at("Jan 3rd 2020 at 15:44 GMT +3", &ctx),
        "2020-01-03T12:44Z"
    );
    assert_eq!(at("12:44 +04", &ctx), "2020-01-03T08:44Z");
    assert!(find_stamps("shares rose 12.44 +12%").is_empty());
    assert_eq!(at("2 weeks ago", &captured()), "2019-12-21T00:30Z");
}

// ---- What is not a stamp, and what cannot be resolved ----

#[test]
fn not_stamps() {
    for text in [
        "51%",
        "the 82nd",
        "2003",
        "in 2003 the invasion",
        "1830",
        "25:61",
        "13:00 p.m.",
        "rose 12.50 percent",
        "3.5",
        "Some 3,000 US troops",
        "12:345",
        "May we",
        "Eternal 12",
        "won 3-1 on Saturday",
        "open 24/7",
        "version 1.12.3",
        "1.12.30",
        "call 020 7946 0018 or +44 20 7946 0018",
        "(212) 555-1234, 1-800-555-0199",
        "after 9/11",
        "32/01/2020",
        "20200103",
    ] {
        assert!(
            find_stamps(text).is_empty(),
            "{text:?}: {:?}",
            find_stamps(text)
        );
    }
    assert!(parse_stamp("at 12:44 or so").is_none());
}

#[test]
fn impossible_date_fails_in_resolve_naming_the_text() {
    let s = stamp("31 February 2020 12:00");
    let e = resolve(&s, &Context::default()).unwrap_err();
    insta::assert_snapshot!(e, @"`31 February 2020 12:00` names no such date (2020-02-31)");
}

#[test]
fn bare_clock_without_page_date_is_an_error() {
    let e = resolve(&stamp("03:09"), &Context::default()).unwrap_err();
    insta::assert_snapshot!(e, @"`03:09` prints no date and the page date is missing");
    let e = resolve(&stamp("23:58 GMT Feb 25"), &Context::default()).unwrap_err();
    insta::assert_snapshot!(e, @"`23:58 GMT Feb 25` prints no year and the page date is missing");
}

// ---- Sequences ----

fn seq_days(texts: &[&str], ctx: &Context) -> (dateline_time::Sequence, Vec<String>) {
    let stamps: Vec<Stamp> = texts.iter().map(|t| stamp(t)).collect();
    let seq = resolve_sequence(&stamps, ctx);
    let days = seq
        .times
        .iter()
        .map(|t| match t {
            Ok(r) => r.utc.format("%d %H:%M").to_string(),
            Err(e) => e.to_string(),
        })
        .collect();
    (seq, days)
}

#[test]
fn newest_first_blog_crossing_midnight_twice() {
    let ctx = utc_ctx(day(2020, 1, 3));
    let (seq, days) = seq_days(
        &[
            "01:00", "00:10", "23:50", "12:00", "00:30", "23:40", "18:00",
        ],
        &ctx,
    );
    assert_eq!(seq.order, dateline_time::Order::NewestFirst);
    assert_eq!(
        days,
        [
            "05 01:00", "05 00:10", "04 23:50", "04 12:00", "04 00:30", "03 23:40", "03 18:00"
        ]
    );
    let first = seq.times[0].as_ref().unwrap();
    assert_eq!(
        first.inferred,
        vec![
            Inferred::DateFromPage(day(2020, 1, 3)),
            Inferred::Rollover(2)
        ]
    );
    let last = seq.times[6].as_ref().unwrap();
    assert_eq!(last.inferred, vec![Inferred::DateFromPage(day(2020, 1, 3))]);
    assert!(seq.notes.is_empty(), "{:?}", seq.notes);
}

#[test]
fn oldest_first_blog_crossing_midnight() {
    let ctx = utc_ctx(day(2020, 1, 3));
    let (seq, days) = seq_days(&["22:00", "23:30", "00:15", "09:00"], &ctx);
    assert_eq!(seq.order, dateline_time::Order::OldestFirst);
    assert_eq!(days, ["03 22:00", "03 23:30", "04 00:15", "04 09:00"]);
}

#[test]
fn newest_anchor_walks_back_a_day() {
    let ctx = utc_ctx(day(2020, 1, 4)).with_anchor(Anchor::Newest);
    let (seq, days) = seq_days(&["00:17", "00:04", "23:56", "06:00"], &ctx);
    assert_eq!(days, ["04 00:17", "04 00:04", "03 23:56", "03 06:00"]);
    let r = seq.times[2].as_ref().unwrap();
    assert_eq!(
        r.inferred,
        vec![
            Inferred::DateFromPage(day(2020, 1, 4)),
            Inferred::Rollover(-1)
        ]
    );
}

#[test]
fn small_backward_step_is_out_of_order_not_a_rollover() {
    let ctx = utc_ctx(day(2020, 1, 3));
    let (seq, days) = seq_days(&["12:00", "11:00", "11:30", "10:00", "09:00"], &ctx);
    assert_eq!(seq.order, dateline_time::Order::NewestFirst);
    assert_eq!(
        days,
        ["03 12:00", "03 11:00", "03 11:30", "03 10:00", "03 09:00"]
    );
    assert_eq!(seq.notes.len(), 1);
    assert_eq!(seq.notes[0].0, 2);
    insta::assert_snapshot!(seq.notes[0].1, @"warning[out-of-order]: `11:30` is 30m newer than `11:00` before it on a newest-first page");
}

#[test]
fn dated_stamps_reset_the_running_date() {
    let ctx = utc_ctx(day(2020, 1, 3));
    let (seq, days) = seq_days(
        &[
            "06:00",
            "09:00",
            "23:00",
            "5 January 2020 01:00",
            "02:00",
            "12:00",
            "23:30",
            "00:30",
        ],
        &ctx,
    );
    assert_eq!(seq.order, dateline_time::Order::OldestFirst);
    assert_eq!(
        days,
        [
            "03 06:00", "03 09:00", "03 23:00", "05 01:00", "05 02:00", "05 12:00", "05 23:30",
            "06 00:30"
        ]
    );
    let r = seq.times[4].as_ref().unwrap();
    assert_eq!(r.inferred, vec![Inferred::DateFromStamp(3)]);
    let r = seq.times[7].as_ref().unwrap();
    assert_eq!(
        r.inferred,
        vec![Inferred::DateFromStamp(3), Inferred::Rollover(1)]
    );
    // Without a page date, clocks after a dated stamp still resolve.
    let no_page = Context::default().with_zone(Tz::UTC, ZoneOrigin::Caller);
    let (_, days) = seq_days(&["5 January 2020 23:00", "00:30"], &no_page);
    assert_eq!(days, ["05 23:00", "06 00:30"]);
}

#[test]
fn cnn_pinned_posts_are_reported_not_moved() {
    let texts = [
        "12:31 p.m. ET, January 4, 2020",
        "11:53 a.m. ET, January 4, 2020",
        "1:32 p.m. ET, January 4, 2020",
        "11:08 a.m. ET, January 4, 2020",
        "9:21 a.m. ET, January 4, 2020",
        "8:59 a.m. ET, January 4, 2020",
        "8:44 a.m. ET, January 4, 2020",
        "8:38 a.m. ET, January 4, 2020",
        "8:31 a.m. ET, January 4, 2020",
    ];
    let (seq, days) = seq_days(&texts, &Context::default());
    assert_eq!(seq.order, dateline_time::Order::NewestFirst);
    assert_eq!(days[0], "04 17:31");
    assert_eq!(days[2], "04 18:32");
    let listing: Vec<String> = seq.notes.iter().map(|(i, n)| format!("{i}: {n}")).collect();
    insta::assert_snapshot!(listing.join("\n"), @"2: warning[out-of-order]: `1:32 p.m. ET, January 4, 2020` is 1h 39m newer than `11:53 a.m. ET, January 4, 2020` before it on a newest-first page");
}

#[test]
fn a_bad_stamp_does_not_stop_the_sequence() {
    let ctx = utc_ctx(day(2020, 1, 3));
    let (seq, days) = seq_days(&["13:00", "31 February 2020 12:00", "11:00"], &ctx);
    assert!(seq.times[1].is_err());
    assert_eq!(days[0], "03 13:00");
    assert_eq!(days[2], "03 11:00");
}

// ---- Relative to the capture time ----

fn captured() -> Context {
    let now = chrono::DateTime::parse_from_rfc3339("2020-01-04T00:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    london().with_now(now)
}

#[test]
fn minutes_and_hours_ago() {
    let ctx = captured();
    assert_eq!(stamp("4m ago").form, Form::Ago);
    assert_eq!(at("4m ago", &ctx), "2020-01-04T00:26Z");
    assert_eq!(at("2h ago", &ctx), "2020-01-03T22:30Z");
    assert_eq!(at("an hour ago", &ctx), "2020-01-03T23:30Z");
    assert_eq!(at("3 days ago", &ctx), "2020-01-01T00:30Z");
    let r = res("2 hours ago", &ctx);
    assert_eq!(r.precision, dateline_time::Precision::Hour);
    assert_eq!(r.inferred, vec![Inferred::Capture(ctx.now.unwrap())]);
}

#[test]
fn yesterday_and_today_with_a_clock() {
    let ctx = captured();
    let s = stamp("Yesterday 18:40");
    assert_eq!(s.form, Form::RelativeDayTime);
    assert_eq!(at("Yesterday 18:40", &ctx), "2020-01-03T18:40Z");
    assert_eq!(at("Today at 9.05am", &ctx), "2020-01-04T09:05Z");
    // "Today" is the capture date in the page's zone, not in UTC.
    let tokyo = Context::default()
        .with_zone(Tz::Asia__Tokyo, ZoneOrigin::Caller)
        .with_now(ctx.now.unwrap());
    assert_eq!(at("Yesterday 18:40", &tokyo), "2020-01-03T09:40Z");
}

#[test]
fn a_weekday_and_a_clock_fall_in_the_week_before_the_capture() {
    // Captured Saturday 4 January 2020, 00:30 in London.
    let ctx = captured();
    let s = stamp("Monday 6:30PM");
    assert_eq!(s.form, Form::RelativeDayTime);
    assert_eq!(
        s.relative,
        Some(dateline_time::Relative::Weekday(chrono::Weekday::Mon))
    );
    let r = res("Monday 6:30PM", &ctx);
    assert_eq!(
        r.utc.format("%Y-%m-%dT%H:%MZ").to_string(),
        "2019-12-30T18:30Z"
    );
    assert_eq!(r.inferred, vec![Inferred::Capture(ctx.now.unwrap())]);
    insta::assert_snapshot!(notes(&r), @"info[weekday-before-capture]: `Monday 6:30PM` read as Monday 2019-12-30, the last Monday on or before the capture date 2020-01-04");
    // On the capture date itself, a clock after the capture time is the week before's.
    let r = res("Saturday 09:00", &ctx);
    assert_eq!(r.utc.format("%Y-%m-%d").to_string(), "2019-12-28");
    assert!(notes(&r).contains("a week before the capture date 2020-01-04"));
    assert_eq!(at("Saturday 00:10", &ctx), "2020-01-04T00:10Z");
    // Without the capture time it stays unresolved, saying why.
    let e = resolve(&stamp("Dienstag, 10:05 Uhr"), &london()).unwrap_err();
    insta::assert_snapshot!(e, @"`Dienstag, 10:05 Uhr` is relative to the capture time, which is missing");
}

#[test]
fn relative_stamps_in_other_languages() {
    let ctx = captured();
    assert_eq!(at("vor 23 Minuten", &ctx), "2020-01-04T00:07Z");
    assert_eq!(at("godzinę temu", &ctx), "2020-01-03T23:30Z");
    assert_eq!(at("hier à 18h40", &ctx), "2020-01-03T18:40Z");
    assert_eq!(
        res("3 ore fa", &ctx).precision,
        dateline_time::Precision::Hour
    );
}

#[test]
fn relative_stamps_need_the_capture_time() {
    let e = resolve(&stamp("4m ago"), &london()).unwrap_err();
    insta::assert_snapshot!(e, @"`4m ago` is relative to the capture time, which is missing");
    assert!(find_stamps("ago").is_empty());
    assert!(find_stamps("years ago").is_empty());
}

#[test]
fn a_post_after_the_page_update_is_reported() {
    let updated = chrono::DateTime::parse_from_rfc3339("2020-01-03T23:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let ctx = utc_ctx(day(2020, 1, 3)).with_updated(updated);
    let (seq, _) = seq_days(&["23:30", "22:00", "21:00"], &ctx);
    let listing: Vec<String> = seq.notes.iter().map(|(i, n)| format!("{i}: {n}")).collect();
    insta::assert_snapshot!(listing.join("\n"), @"0: warning[after-update]: `23:30` (2020-01-03T23:30Z) is 30m after the page's update time (2020-01-03T23:00Z)");
}

#[test]
fn numbers_that_only_look_like_dated_clocks() {
    for text in [
        "more than 1000 hrs of footage",
        "on March 3, 12.25 million people voted",
        "PyCharm 2021.3.1 is out",
    ] {
        assert!(
            find_stamps(text).is_empty(),
            "{text:?}: {:?}",
            find_stamps(text)
        );
    }
    let s = find_stamps("the curfew begins at 1830 hrs");
    assert_eq!(s[0].text, "1830 hrs");
    assert_eq!(
        stamp("March 3, 12.25pm").time.unwrap().to_string(),
        "12:25:00"
    );
}
