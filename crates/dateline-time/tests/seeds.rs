//! Every stamp `find_stamps` sees in every seed, line by line, with its parsed fields.

use std::fmt::Write as _;

use dateline_time::{Context, Stamp, find_stamps, resolve, zone_statement};

fn describe(stamp: &Stamp) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "{}..{} {:?} {}",
        stamp.span.start,
        stamp.span.end,
        stamp.text,
        stamp.form.name()
    );
    if let Some(d) = stamp.date {
        let year = d
            .year
            .map_or_else(|| "????".to_owned(), |y| format!("{y:04}"));
        let _ = write!(out, " date={year}-{:02}-{:02}", d.month, d.day);
        if let Some(wd) = d.weekday {
            let _ = write!(out, " weekday={wd:?}");
        }
    }
    if let Some(t) = stamp.time {
        let _ = write!(out, " time={}", t.format("%H:%M:%S"));
    }
    if let Some(z) = &stamp.zone {
        let _ = write!(out, " zone={z}");
    }
    if let Some((t, z)) = &stamp.also {
        let _ = write!(out, " also={} {z}", t.format("%H:%M"));
    }
    if let Some(rel) = &stamp.relative {
        let _ = write!(out, " relative={rel:?}");
    }
    let _ = write!(out, " precision={:?}", stamp.precision);
    out
}

#[test]
fn seeds() {
    insta::glob!("../../../seeds", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut listing = String::new();
        for (n, line) in text.lines().enumerate() {
            if let Some(st) = zone_statement(line) {
                let _ = writeln!(
                    listing,
                    "{:>4} statement {:?} -> {}",
                    n + 1,
                    line.get(st.span.clone()).unwrap_or_default(),
                    st.tz.name()
                );
            }
            for stamp in find_stamps(line) {
                assert_eq!(line.get(stamp.span.clone()), Some(stamp.text.as_str()));
                let _ = writeln!(listing, "{:>4} {}", n + 1, describe(&stamp));
            }
        }
        insta::assert_snapshot!(listing);
    });
}

/// Any suffix of any seed line, any stamp found in it: spans stay in bounds and nothing panics.
#[test]
fn scanning_and_resolving_never_panics() {
    insta::glob!("../../../seeds", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let ctx = Context::default();
        for line in text.lines() {
            for (i, _) in line.char_indices().take(64) {
                let Some(rest) = line.get(i..) else { continue };
                for stamp in find_stamps(rest) {
                    assert_eq!(rest.get(stamp.span.clone()), Some(stamp.text.as_str()));
                    let _ = resolve(&stamp, &ctx);
                }
            }
        }
    });
}
