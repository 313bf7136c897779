//! The seeds' ground truth: each page's stamps, picked as the sources crate picks them, resolved
//! together with the page's context, to the exact UTC minute.

use std::fmt::Write as _;

use chrono::NaiveDate;
use dateline_time::{
    Context, Form, Inferred, Order, Resolved, Sequence, Stamp, Tz, ZoneOrigin, find_stamps,
    resolve, resolve_sequence, zone_statement,
};

const INDEPENDENT: &str = include_str!("../../../seeds/000_6a6ce73a3244aae9.txt");
const DW: &str = include_str!("../../../seeds/001_161423c300b0b6e9.txt");
const CNN: &str = include_str!("../../../seeds/004_2efaa9d9c244e32e.txt");

fn minute(r: &Resolved) -> String {
    r.utc.format("%Y-%m-%dT%H:%MZ").to_string()
}

fn render(stamps: &[(usize, Stamp)], seq: &Sequence) -> String {
    let mut out = format!("order: {:?}\n", seq.order);
    for ((line, stamp), t) in stamps.iter().zip(&seq.times) {
        match t {
            Ok(r) => {
                let _ = write!(
                    out,
                    "{line:>4} {:?} -> {} local={} zone={} origin={:?} rule={} inferred={:?}",
                    stamp.text,
                    minute(r),
                    r.local.to_rfc3339(),
                    r.zone,
                    r.origin,
                    r.rule,
                    r.inferred
                );
                for n in &r.notes {
                    let _ = write!(out, "\n       {n}");
                }
                out.push('\n');
            }
            Err(e) => {
                let _ = writeln!(out, "{line:>4} {:?} -> error: {e}", stamp.text);
            }
        }
    }
    for (i, n) in &seq.notes {
        let _ = writeln!(out, "note on #{i}: {n}");
    }
    out
}

/// Stamps of the given forms, with their 1-based lines.
fn stamps_where(text: &str, keep: impl Fn(&str, &Stamp) -> bool) -> Vec<(usize, Stamp)> {
    text.lines()
        .enumerate()
        .flat_map(|(n, line)| {
            find_stamps(line)
                .into_iter()
                .filter(|s| keep(line, s))
                .map(move |s| (n + 1, s))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn independent_live_blog() {
    let footers = stamps_where(INDEPENDENT, |line, s| {
        s.form == Form::DayMonthYearTime && s.zone.is_none() && s.span.end == line.len()
    });
    assert_eq!(footers.len(), 10);
    let ctx = Context::default().with_country("GB").with_zone(
        Tz::Europe__London,
        ZoneOrigin::OutletDefault {
            outlet: "The Independent".into(),
        },
    );
    let only: Vec<Stamp> = footers.iter().map(|(_, s)| s.clone()).collect();
    let seq = resolve_sequence(&only, &ctx);
    assert_eq!(seq.order, Order::OldestFirst);
    let first = seq.times[0].as_ref().unwrap();
    let last = seq.times[9].as_ref().unwrap();
    assert_eq!(minute(first), "2020-01-03T12:44Z");
    assert_eq!(minute(last), "2020-01-03T14:03Z");
    assert!(seq.notes.is_empty());

    // The page's own time is in EST and says so; it does not leak into the posts.
    let page = stamps_where(INDEPENDENT, |_, s| s.zone.is_some());
    assert_eq!(page.len(), 1);
    assert_eq!(
        minute(&resolve(&page[0].1, &ctx).unwrap()),
        "2020-01-03T18:34Z"
    );
    insta::assert_snapshot!("independent", render(&footers, &seq));
}

#[test]
fn dw_live_blog() {
    // The page date is the first date on the page; the zone comes from the page's statement.
    let page_date = stamps_where(DW, |_, s| s.form == Form::Date)[0]
        .1
        .date
        .unwrap();
    let page_date =
        NaiveDate::from_ymd_opt(page_date.year.unwrap(), page_date.month, page_date.day).unwrap();
    let (line, st) = DW
        .lines()
        .enumerate()
        .find_map(|(n, l)| zone_statement(l).map(|s| (n + 1, s)))
        .unwrap();
    assert_eq!(line, 23);
    let ctx = Context::default().with_page_date(page_date).with_zone(
        st.tz,
        ZoneOrigin::PageStatement {
            line: u32::try_from(line).unwrap(),
        },
    );
    // Post stamps: a clock at the start of a line with text after it (a clock alone is a video's
    // length, which the sources crate drops).
    let posts = stamps_where(DW, |line, s| {
        s.form == Form::Clock && s.span.start == 0 && s.zone.is_none() && line.trim() != s.text
    });
    assert_eq!(posts.len(), 99);
    let only: Vec<Stamp> = posts.iter().map(|(_, s)| s.clone()).collect();
    let seq = resolve_sequence(&only, &ctx);
    assert_eq!(seq.order, Order::NewestFirst);
    let days: Vec<String> = seq
        .times
        .iter()
        .map(|t| t.as_ref().unwrap().utc.format("%d").to_string())
        .collect();
    // `03:09` ... `00:04` are 4 January, `23:56` ... `06:00` are 3 January.
    assert_eq!(posts[7].1.text, "00:04");
    assert_eq!(posts[8].1.text, "23:56");
    assert!(days[..8].iter().all(|d| d == "04"), "{days:?}");
    assert!(days[8..].iter().all(|d| d == "03"), "{days:?}");
    let r = seq.times[0].as_ref().unwrap();
    assert_eq!(minute(r), "2020-01-04T03:09Z");
    assert_eq!(
        r.inferred,
        vec![Inferred::DateFromPage(page_date), Inferred::Rollover(1)]
    );
    assert_eq!(minute(seq.times[98].as_ref().unwrap()), "2020-01-03T06:00Z");
    assert!(seq.notes.is_empty(), "{:?}", seq.notes);
    insta::assert_snapshot!("dw", render(&posts, &seq));
}

#[test]
fn cnn_live_blog() {
    let posts = stamps_where(CNN, |_, s| s.form == Form::TimeZoneMonthDayYear);
    assert_eq!(posts.len(), 9);
    let ctx = Context::default().with_country("US");
    let only: Vec<Stamp> = posts.iter().map(|(_, s)| s.clone()).collect();
    let seq = resolve_sequence(&only, &ctx);
    assert_eq!(seq.order, Order::NewestFirst);
    assert_eq!(minute(seq.times[0].as_ref().unwrap()), "2020-01-04T17:31Z");
    assert_eq!(seq.notes.len(), 1);

    let updated = stamps_where(CNN, |_, s| s.form == Form::CompactTimeZoneDate);
    let r = resolve(&updated[0].1, &ctx).unwrap();
    assert_eq!(minute(&r), "2020-01-05T08:46Z");
    assert!(r.notes.is_empty());
    insta::assert_snapshot!("cnn", render(&posts, &seq));
}
