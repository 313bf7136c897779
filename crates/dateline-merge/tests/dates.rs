//! Reports dated only by their day: a page that prints `November 18, 2019` and nothing finer
//! allows any time of that day, in whatever zone it was written. It merges with the reports made
//! that day, at no time distance, and does not lead an event it cannot be shown to have led.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failure is a panic with a message"
)]

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use dateline_merge::{Options, merge};
use dateline_model::{
    Basis, Document, DocumentKind, Post, Precision, ResolvedTime, Severity, ZoneSource,
};

const QUOTE: &str = "\"This terminal will carry the city for fifty years,\" the authority's chair, \
Maren Ostholt, said.";

/// An article of `outlet`, stamped `utc` with `precision`; a date alone has an assumed zone, as a
/// page that prints no zone has.
fn article(outlet: &str, headline: &str, lead: &str, utc: &str, precision: Precision) -> Document {
    let mut doc = Document::new(format!("{outlet}.txt"), "test", outlet.as_bytes());
    doc.outlet = Some(outlet.to_owned());
    doc.kind = DocumentKind::Article;
    let mut post = Post::new(&doc.id, 3);
    post.headline = Some(headline.to_owned());
    post.text = format!("{lead}\n\n{QUOTE}");
    let utc: DateTime<Utc> = utc.parse().expect("a UTC time");
    let zone_source = if precision == Precision::Day {
        ZoneSource::Assumed
    } else {
        ZoneSource::Stated {
            label: "GMT".to_owned(),
        }
    };
    let mut basis = Basis::new("test", zone_source);
    basis.precision = precision;
    post.time = Some(ResolvedTime::new(
        3,
        "stamp",
        utc,
        utc.fixed_offset(),
        "UTC",
        basis,
    ));
    doc.posts.push(post);
    doc
}

/// An article of `outlet` whose page prints only `date` (`2020-04-15`), read in `zone`, where that
/// day starts at `offset` (`+02:00`): its time is the start of that day there, with the date as
/// printed, as dateline-sources gives it.
fn dated_in(
    outlet: &str,
    headline: &str,
    lead: &str,
    date: &str,
    offset: &str,
    zone: &'static str,
) -> Document {
    let mut doc = article(
        outlet,
        headline,
        lead,
        "2000-01-01T00:00:00Z",
        Precision::Day,
    );
    let local: DateTime<FixedOffset> = format!("{date}T00:00:00{offset}")
        .parse()
        .expect("a local time");
    let mut basis = Basis::new(
        "date",
        ZoneSource::OutletDefault {
            outlet: outlet.to_owned().into(),
        },
    );
    basis.precision = Precision::Day;
    let mut time = ResolvedTime::new(3, date, local.to_utc(), local, zone, basis);
    time.date = Some(date.parse().expect("a date"));
    doc.posts[0].time = Some(time);
    doc
}

fn april_15() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2020, 4, 15)
}

fn documents(dated: &str) -> Vec<Document> {
    vec![
        article(
            "Alpha News",
            "Harbour authority picks three firms for Kelport ferry terminal",
            "The Kelport harbour authority on Tuesday chose Nordkai Bau, Vessel Works and \
             Tidewater Group to build the city's new ferry terminal.",
            "2024-03-05T22:05:00Z",
            Precision::Minute,
        ),
        article(
            "Beta Times",
            "Three firms chosen to build Kelport's ferry terminal",
            "Nordkai Bau, Vessel Works and Tidewater Group will build the new Kelport ferry \
             terminal, the harbour authority announced.",
            dated,
            Precision::Day,
        ),
    ]
}

#[test]
fn a_date_alone_merges_with_that_days_report_and_does_not_lead() {
    let merged = merge(&documents("2024-03-05T00:00:00Z"), &Options::default());
    assert_eq!(merged.events.len(), 1, "{:#?}", merged.events);
    let event = &merged.events[0];
    assert_eq!(event.outlets, ["Alpha News", "Beta Times"]);
    // The event is as early as its one report stamped to the minute, not the start of the day.
    assert_eq!(event.utc.to_rfc3339(), "2024-03-05T22:05:00+00:00");
    assert_eq!(event.precision, Precision::Minute);
    assert_eq!(event.first_reporter.as_deref(), Some("Alpha News"));
    let dated = event
        .reports
        .iter()
        .find(|r| r.outlet == "Beta Times")
        .expect("the dated report");
    assert_eq!(dated.lag_minutes, 0, "its day holds the event's time");
    let evidence = event.evidence.first().expect("the merge's evidence");
    assert_eq!(evidence.gap_minutes, 0);
    assert!(
        !merged
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.code == "early-report"),
        "{:#?}",
        merged.diagnostics
    );
}

#[test]
fn a_date_that_ends_before_every_other_report_leads() {
    // Dated the day before, in any zone: its day ends at 11:59:59 UTC on the 5th, before Alpha's
    // report at 22:05.
    let merged = merge(&documents("2024-03-04T00:00:00Z"), &Options::default());
    let event = merged
        .events
        .iter()
        .find(|e| e.outlets.len() == 2)
        .expect("one event of both reports");
    assert_eq!(event.first_reporter.as_deref(), Some("Beta Times"));
    assert_eq!(event.utc.to_rfc3339(), "2024-03-04T00:00:00+00:00");
    assert_eq!(event.precision, Precision::Day, "its time is a date alone");
    let alpha = event
        .reports
        .iter()
        .find(|r| r.outlet == "Alpha News")
        .expect("Alpha's report");
    // Behind the start of Beta's day as printed.
    assert_eq!(alpha.lag_minutes, 46 * 60 + 5);
}

#[test]
fn a_date_alone_keeps_the_day_it_prints_east_and_west_of_utc() {
    for (offset, zone, start) in [
        ("+02:00", "Europe/Berlin", "2020-04-14T22:00:00+00:00"),
        ("-05:00", "America/Bogota", "2020-04-15T05:00:00+00:00"),
    ] {
        let doc = dated_in(
            "Beta Times",
            "Three firms chosen to build Kelport's ferry terminal",
            "Nordkai Bau, Vessel Works and Tidewater Group will build the terminal.",
            "2020-04-15",
            offset,
            zone,
        );
        let merged = merge(&[doc], &Options::default());
        let event = &merged.events[0];
        // Sorted by the start of its day in UTC, shown on the day it prints.
        assert_eq!(event.utc.to_rfc3339(), start, "{zone}");
        assert_eq!(event.precision, Precision::Day);
        assert_eq!(event.date, april_15(), "{zone}");
        assert_eq!(event.reports[0].date, april_15(), "{zone}");
        assert_eq!(event.reports[0].lag_minutes, 0);
    }
}

#[test]
fn a_date_alone_allows_its_local_day_not_the_utc_day() {
    let documents = |alpha: &str| {
        vec![
            article(
                "Alpha News",
                "Harbour authority picks three firms for Kelport ferry terminal",
                "The Kelport harbour authority on Tuesday chose Nordkai Bau, Vessel Works and \
                 Tidewater Group to build the city's new ferry terminal.",
                alpha,
                Precision::Minute,
            ),
            dated_in(
                "Beta Times",
                "Three firms chosen to build Kelport's ferry terminal",
                "Nordkai Bau, Vessel Works and Tidewater Group will build the new Kelport ferry \
                 terminal, the harbour authority announced.",
                "2020-04-15",
                "+02:00",
                "Europe/Berlin",
            ),
        ]
    };
    // 23:30 in Berlin on the 15th: within the day Beta prints, which holds the event's time.
    let merged = merge(&documents("2020-04-15T21:30:00Z"), &Options::default());
    assert_eq!(merged.events.len(), 1, "{:#?}", merged.events);
    let event = &merged.events[0];
    assert_eq!(event.first_reporter.as_deref(), Some("Alpha News"));
    assert_eq!(event.precision, Precision::Minute);
    assert_eq!(event.date, None, "a time of day has no printed date");
    let beta = event
        .reports
        .iter()
        .find(|r| r.outlet == "Beta Times")
        .expect("Beta's report");
    assert_eq!(beta.lag_minutes, 0);
    assert_eq!(beta.date, april_15());

    // 00:30 in Berlin on the 16th, still the 15th in UTC: Beta's day ended before it.
    let merged = merge(&documents("2020-04-15T22:30:00Z"), &Options::default());
    assert_eq!(merged.events.len(), 1, "{:#?}", merged.events);
    let event = &merged.events[0];
    assert_eq!(event.first_reporter.as_deref(), Some("Beta Times"));
    assert_eq!(event.precision, Precision::Day);
    assert_eq!(event.date, april_15());
    let alpha = event
        .reports
        .iter()
        .find(|r| r.outlet == "Alpha News")
        .expect("Alpha's report");
    assert_eq!(alpha.date, None);
    // Behind the start of Beta's day, 22:00 UTC on the 14th.
    assert_eq!(alpha.lag_minutes, 24 * 60 + 30);
}
