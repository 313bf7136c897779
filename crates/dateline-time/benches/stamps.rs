//! Throughput of recognising and resolving stamps over the seeds' text, in bytes and stamps.
//!
//! `cargo xtask bench` (or `cargo bench -p dateline-time`) runs it; divan prints the median time
//! per pass and, from the counters, MB/s and stamps per second.
// A benchmark reports to its terminal and may stop on a broken fixture.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

use chrono::NaiveDate;
use dateline_time::{Context, Stamp, Tz, ZoneOrigin, find_stamps, resolve, resolve_sequence};
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};

fn main() {
    // The rules compile on first use; say how long that takes, once, before the timings.
    let start = std::time::Instant::now();
    let warm = find_stamps("Friday 03 January 2020 13:34 EST").len();
    eprintln!(
        "rules compiled on first use in {:.1?} ({warm} stamp)",
        start.elapsed()
    );
    divan::main();
}

/// The seeds, by a short name: the Independent, DW, the Independent's article on the airstrike,
/// another Independent article and CNN's live blog.
const SEEDS: &[(&str, &str)] = &[
    (
        "000-independent",
        include_str!("../../../seeds/000_6a6ce73a3244aae9.txt"),
    ),
    (
        "001-dw",
        include_str!("../../../seeds/001_161423c300b0b6e9.txt"),
    ),
    (
        "002-independent",
        include_str!("../../../seeds/002_e76e8cf20ba48bb2.txt"),
    ),
    (
        "003-independent",
        include_str!("../../../seeds/003_08c42f796c59ebb0.txt"),
    ),
    (
        "004-cnn",
        include_str!("../../../seeds/004_2efaa9d9c244e32e.txt"),
    ),
];

const NAMES: &[&str] = &[
    "000-independent",
    "001-dw",
    "002-independent",
    "003-independent",
    "004-cnn",
];

fn seed(name: &str) -> &'static str {
    SEEDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .expect("a seed of that name")
}

/// Every stamp of a text, line by line, as the sources crate scans a page.
fn stamps_of(text: &str) -> Vec<Stamp> {
    text.lines().flat_map(find_stamps).collect()
}

fn context() -> Context {
    Context::default()
        .with_page_date(NaiveDate::from_ymd_opt(2020, 1, 3).expect("a date"))
        .with_zone(Tz::Europe__London, ZoneOrigin::Caller)
        .with_country("GB")
}

/// `find_stamps` over each line of a seed.
#[divan::bench(args = NAMES)]
fn find(bencher: Bencher<'_, '_>, name: &str) {
    let text = seed(name);
    let stamps = stamps_of(text).len();
    bencher
        .counter(BytesCount::of_str(text))
        .counter(ItemsCount::new(stamps))
        .bench(|| stamps_of(black_box(text)));
}

/// `find_stamps` then `resolve` of every stamp found, one by one.
#[divan::bench(args = NAMES)]
fn find_and_resolve(bencher: Bencher<'_, '_>, name: &str) {
    let text = seed(name);
    let stamps = stamps_of(text).len();
    let ctx = context();
    bencher
        .counter(BytesCount::of_str(text))
        .counter(ItemsCount::new(stamps))
        .bench(|| {
            stamps_of(black_box(text))
                .iter()
                .filter_map(|s| resolve(s, &ctx).ok())
                .count()
        });
}

/// `resolve` alone, of stamps found beforehand.
#[divan::bench(args = NAMES)]
fn resolve_only(bencher: Bencher<'_, '_>, name: &str) {
    let stamps = stamps_of(seed(name));
    let ctx = context();
    bencher.counter(ItemsCount::new(stamps.len())).bench(|| {
        black_box(&stamps)
            .iter()
            .filter_map(|s| resolve(s, &ctx).ok())
            .count()
    });
}

/// `resolve_sequence` over the DW live blog's stamps, in UTC as its page states.
#[divan::bench]
fn sequence_dw(bencher: Bencher<'_, '_>) {
    let text = seed("001-dw");
    let stamps = stamps_of(text);
    let ctx = Context::default()
        .with_page_date(NaiveDate::from_ymd_opt(2020, 1, 3).expect("a date"))
        .with_zone(Tz::UTC, ZoneOrigin::PageStatement { line: 23 });
    bencher
        .counter(BytesCount::of_str(text))
        .counter(ItemsCount::new(stamps.len()))
        .bench(|| resolve_sequence(black_box(&stamps), &ctx).times.len());
}
