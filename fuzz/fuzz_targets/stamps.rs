//! Arbitrary text through `dateline-time`: stamps found in it and read from it whole, each resolved
//! alone and all together, a page's zone statement, places, and the time expressions of running
//! text against a fixed report.
//!
//! No input may panic, and every span is a span of the text.

#![no_main]

use chrono::{DateTime, NaiveDate};
use dateline_time::{
    Context, ReportContext, Tz, ZoneOrigin, find_expressions, find_places, find_stamps,
    parse_stamp, resolve, resolve_sequence, zone_statement,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    // Context::default(), and a context that knows the page: its date, zone, country and capture
    // time, so that bare clocks, relative stamps and ambiguous zones are resolved too.
    let (Some(date), Some(now)) = (
        NaiveDate::from_ymd_opt(2020, 1, 3),
        DateTime::from_timestamp(1_578_080_640, 0), // 2020-01-03T19:44:00Z
    ) else {
        return;
    };
    let contexts = [
        Context::default(),
        Context::default()
            .with_page_date(date)
            .with_zone(Tz::Europe__London, ZoneOrigin::PageStatement { line: 1 })
            .with_country("US")
            .with_now(now),
    ];

    let stamps = find_stamps(text);
    for stamp in &stamps {
        assert!(text.get(stamp.span.clone()).is_some(), "{:?}", stamp.span);
        for ctx in &contexts {
            let _ = resolve(stamp, ctx);
        }
    }
    for ctx in &contexts {
        let _ = resolve_sequence(&stamps, ctx);
    }
    if let Some(stamp) = parse_stamp(text) {
        assert!(text.get(stamp.span.clone()).is_some(), "{:?}", stamp.span);
        for ctx in &contexts {
            let _ = resolve(&stamp, ctx);
        }
    }
    let _ = zone_statement(text);
    let _ = find_places(text);

    let report = ReportContext::new(now, Tz::Europe__London);
    for expression in find_expressions(text, &report) {
        assert!(
            text.get(expression.span.clone()).is_some(),
            "{:?}",
            expression.span
        );
    }
});
