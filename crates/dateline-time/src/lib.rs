//! News timestamps, resolved to UTC instants with the reasons why.
//!
//! News pages print times in a dozen shapes, glued to bylines (`Jon Sharman3 January 2020 12:44`),
//! with zone abbreviations that change meaning with the season (`EST`, `BST`) or the country
//! (`IST`, `CST`), and, on live blogs, as bare clocks (`03:09`) whose date is only known from the
//! page and from the posts around them. This crate does two things with such text:
//!
//! 1. **Recognise** stamps: [`find_stamps`] returns every [`Stamp`] in a text with its byte span,
//!    the [`Form`] that read it, and the fields it prints (date, clock, zone, a second reading such
//!    as `(1646 HKT)`). [`parse_stamp`] reads a whole string as one stamp; [`zone_statement`]
//!    recognises a page's statement of its zone ("All updates in Coordinated Universal Time (UTC)").
//! 2. **Resolve** them: [`resolve`] turns one stamp and a [`Context`] (page date, zone hint, outlet
//!    country, daylight-saving policy) into a [`Resolved`] instant; [`resolve_sequence`] resolves a
//!    page's stamps together into a [`Sequence`], detecting whether the page runs newest or oldest
//!    first, carrying the date to bare clocks, rolling over midnight, and reporting steps that go
//!    against the page's order.
//!
//! # What is recognised
//!
//! | [`Form`] | examples |
//! |---|---|
//! | `day-month-year-time` | `3 January 2020 12:44`, `Friday 03 January 2020 13:34 EST`, `4 January 2020 at 12:31 GMT`, `Fri 3 Jan 2020 12.44 GMT` |
//! | `month-day-year-time` | `Jan. 4, 2020, 12:31 p.m. ET`, `Sept. 25, 2020, 5:43 p.m. ET`, `Saturday, January 4, 2020 at 9:21 AM EST` |
//! | `time-zone-month-day-year` | `12:31 p.m. ET, January 4, 2020`, `23:58 (IST) Feb 25` |
//! | `time-zone-day-month-year` | `8:44pm, 3 Jan, 2020`, `20:44 HKT 3 Jan 2020` |
//! | `compact-time-zone-date` | `0846 GMT (1646 HKT) January 5, 2020` (a four-digit clock only when a zone follows) |
//! | `iso-8601`, `rfc-2822` | `2020-01-03T12:44:00+01:00`, `2020-01-03 12:44`, `Fri, 03 Jan 2020 12:44:00 +0000` |
//! | `clock` | `03:09`, `3.09pm`, `12.50 BST`, `5pm ET`, `1830 UTC`, `at noon`, `until midnight` |
//! | `date` | `January 3, 2020`, `3 January 2020` |
//! | `ago`, `relative-day-time` | `4m ago`, `2 hours ago`, `Yesterday 18:40` (against [`Context::now`]) |
//!
//! Month and weekday names are read in any case, full or abbreviated, with or without a dot; zone
//! abbreviations only in capitals (`ET` is a zone, `et` a word). A dotted clock (`12.50`) needs
//! am/pm or a zone, or it is a decimal. U+00A0 and other spaces count as spaces; a stamp never
//! spans a line break. Zones: `ET`/`EST`/`EDT`, `CT`, `MT`, `PT`, `GMT`/`UTC`/`Z`, `BST`, `IST`
//! (India, Ireland or Israel by [`Context::country`]), `CST` (US or China likewise), `CET`, `EET`,
//! `WET` and their summer forms, `MSK`, `GST`, `PKT`, `HKT`, `SGT`, `JST`, `KST`, `AEST`/`AEDT`,
//! `NZST`/`NZDT`, `SAST`, `EAT`, `WAT` and a few more, and numeric offsets (`+05:30`, `GMT+3`).
//! Each is resolved against the date with the region's real daylight-saving rules.
//!
//! # Example
//!
//! An Independent live-blog footer, in the outlet's zone (UK civil time):
//!
//! ```
//! use dateline_time::{find_stamps, resolve, Context, Tz, ZoneOrigin};
//!
//! let line = "Jon Sharman3 January 2020 12:44";
//! let stamps = find_stamps(line);
//! assert_eq!(stamps.len(), 1);
//! assert_eq!(&line[stamps[0].span.clone()], "3 January 2020 12:44");
//!
//! let ctx = Context::default().with_zone(
//!     Tz::Europe__London,
//!     ZoneOrigin::OutletDefault { outlet: "The Independent".into() },
//! );
//! let t = resolve(&stamps[0], &ctx)?;
//! assert_eq!(t.utc.to_rfc3339(), "2020-01-03T12:44:00+00:00");
//! assert_eq!(t.zone, "Europe/London");
//! assert_eq!(t.rule, "day-month-year-time");
//! # Ok::<(), dateline_time::Error>(())
//! ```
//!
//! A DW live blog runs newest first, prints bare clocks in UTC and the date it started; its posts
//! after midnight belong to the next day:
//!
//! ```
//! use chrono::NaiveDate;
//! use dateline_time::{parse_stamp, resolve_sequence, Context, Inferred, Order, Tz, ZoneOrigin};
//!
//! let stamps: Vec<_> = ["00:17", "00:04", "23:56", "23:42"]
//!     .iter()
//!     .filter_map(|s| parse_stamp(s))
//!     .collect();
//! let ctx = Context::default()
//!     .with_page_date(NaiveDate::from_ymd_opt(2020, 1, 3).unwrap())
//!     .with_zone(Tz::UTC, ZoneOrigin::PageStatement { line: 23 });
//! let seq = resolve_sequence(&stamps, &ctx);
//! assert_eq!(seq.order, Order::NewestFirst);
//! let first = seq.times[0].as_ref().unwrap();
//! assert_eq!(first.utc.to_rfc3339(), "2020-01-04T00:17:00+00:00");
//! assert!(first.inferred.contains(&Inferred::Rollover(1)));
//! let last = seq.times[3].as_ref().unwrap();
//! assert_eq!(last.utc.to_rfc3339(), "2020-01-03T23:42:00+00:00");
//! ```
//!
//! # Design
//!
//! A page's stamps are resolved **together**, not one by one against a reference instant: the
//! date of `00:04` on a live blog depends on the `23:56` below it, not on when the page was saved.
//! And nothing is silently guessed. Every [`Resolved`] says which rule read the stamp
//! ([`Resolved::rule`]), where its zone came from ([`ZoneOrigin`]: stated in the stamp, a page
//! statement, the outlet's default, the caller, or assumed), what was inferred ([`Inferred`]: the
//! page's date, a midnight rollover, the year, a daylight-saving choice), and carries [`Note`]s
//! for what a person should check (an `EST` printed in July, two readings that disagree, a
//! weekday that does not match the date). A local time in a daylight-saving gap or overlap goes
//! through an explicit [`DstPolicy`], unless the printed abbreviation settles it (`01:30 EST` on
//! the night New York's clocks go back is the second 01:30). Stamps that cannot be resolved give an [`Error`] naming the
//! text, while the rest of the sequence still resolves.
//!
//! The crate does no I/O and never reads the system clock: the page's date and its capture time
//! are always the caller's ([`Context::page_date`], [`Context::now`]).
//!
//! # Performance
//!
//! The recognition rules compile once, on first use, in about 10 ms. On the seed pages, a release
//! build scans about 40-50 MB/s and finds and resolves about 75,000 stamps a second on one core of
//! a small virtual machine (`tests/throughput.rs`, ignored by default, prints the figures).
//!
//! # Tests
//!
//! The tests pin the behaviour down: every form to the exact minute (`tests/forms.rs`), a table of
//! real-world forms from outlets in a dozen countries (`tests/cases.txt`), instants rendered in
//! every layout and zone and read back (`tests/roundtrip.rs`), the seeds' ground truth
//! (`tests/pages.rs`) and a snapshot of every stamp in every seed (`tests/seeds.rs`).
#![deny(missing_docs)]

mod resolve;
mod scan;
mod sequence;
mod types;
mod zones;

pub use chrono_tz::Tz;
pub use types::{
    Anchor, Context, DstPolicy, Error, Form, Inferred, Note, Order, PartialDate, Precision,
    Relative, Resolved, Sequence, Stamp, ZoneHint, ZoneLabel, ZoneOrigin, ZoneStatement,
};

/// Finds every timestamp in `text`, in order, with byte spans into `text`.
///
/// Overlapping readings are settled in favour of the longest, so `3 January 2020 12:44` is one
/// stamp, not a date and a clock. Glued text is normal: in `Jon Sharman3 January 2020 12:44` the
/// stamp starts at `3`.
pub fn find_stamps(text: &str) -> Vec<Stamp> {
    scan::find_stamps(text)
}

/// Finds the first timestamp in `text`.
pub fn find_stamp(text: &str) -> Option<Stamp> {
    find_stamps(text).into_iter().next()
}

/// Reads `text` (trimmed of whitespace, including no-break spaces) as exactly one timestamp.
///
/// The span is into `text` as given.
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    scan::parse_stamp(text)
}

/// Recognises a page's statement of the zone its times are in, such as
/// `All updates in Coordinated Universal Time (UTC)`, `All times BST` or `Times in ET`.
pub fn zone_statement(line: &str) -> Option<ZoneStatement> {
    zones::zone_statement(line)
}

/// Resolves one stamp to an instant.
///
/// The stamp's own zone beats the context's; a stamp without a date takes the page date, one
/// without a year takes the year that puts it nearest the page date.
pub fn resolve(stamp: &Stamp, ctx: &Context) -> Result<Resolved, Error> {
    resolve::resolve(stamp, ctx)
}

/// Resolves a page's stamps together, in page order.
///
/// See the crate documentation for the rules: order by majority of neighbouring steps, dates
/// carried from the [`Anchor`] end, a backwards step of more than 12 hours is a midnight rollover,
/// a smaller one is reported as `out-of-order`. Each result's [`Resolved::inferred`] says where
/// the date came from: [`Inferred::DateFromPage`] or [`Inferred::DateFromStamp`], then any
/// [`Inferred::Rollover`].
///
/// The 12-hour rule has a known blind spot: two neighbouring posts on either side of midnight more
/// than 12 hours apart (22:00, then 11:00 the next morning) read as the same day; the step is then
/// reported as `out-of-order`, never silently accepted. A stamp that cannot be resolved is an
/// `Err` in its slot; the others still resolve.
pub fn resolve_sequence(stamps: &[Stamp], ctx: &Context) -> Sequence {
    sequence::resolve_sequence(stamps, ctx)
}
