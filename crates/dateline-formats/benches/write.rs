//! Writing a timeline in each built-in format, into memory: the five seeds' timeline (as the format
//! tests build it) and one of a generated corpus in the seed layouts (`dateline-synth`). The pages
//! are read and merged once, beforehand; only the writer is timed.
//!
//! `cargo xtask bench` (or `cargo bench -p dateline-formats`) runs it; divan prints the median per
//! timeline and, from the counters, bytes written per second.
// A benchmark reports to its terminal and may stop on a broken fixture.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use dateline_formats::{WriteOptions, by_name};
use dateline_merge::{Options as MergeOptions, merge};
use dateline_model::{Document, Timeline};
use dateline_synth::{Spec, generate};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

// The seeds' timeline, read and merged as the format tests read it.
#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    divan::main();
}

/// Every built-in format, by the name `--format` takes.
const FORMATS: &[&str] = &[
    "json",
    "jsonl",
    "csv",
    "ics",
    "markdown",
    "html",
    "timelinejs",
];

/// The timeline `dateline timeline` builds from generated `documents`.
fn timeline(mut documents: Vec<Document>) -> Timeline {
    documents.sort_by(|a, b| a.path.cmp(&b.path));
    let merged = merge(&documents, &MergeOptions::default());
    let mut timeline = Timeline::default();
    timeline.documents = documents;
    timeline.events = merged.events;
    timeline.diagnostics = merged.diagnostics;
    timeline
}

/// The timeline of a generated corpus of `n` posts from six outlets.
fn synthetic(n: usize) -> Timeline {
    let mut documents = Vec::new();
    generate(&Spec::new(n, 6, 1), &mut |name: &str, bytes: &[u8]| {
        documents.push(dateline_sources::read(name, bytes, &Default::default()).0);
        Ok::<(), ()>(())
    })
    .expect("the generator writes to memory");
    timeline(documents)
}

/// Writes `timeline` as `format` into a buffer of the output's size, measured once first for the
/// counter.
fn bench_write(bencher: Bencher<'_, '_>, timeline: &Timeline, format: &str) {
    let writer = by_name(format).expect("a built-in format");
    let options = WriteOptions::default();
    let mut out = Vec::new();
    writer
        .write(timeline, &options, &mut out)
        .expect("the timeline writes");
    let capacity = out.len();
    bencher.counter(BytesCount::new(out.len())).bench(|| {
        let mut out = Vec::with_capacity(capacity);
        writer
            .write(black_box(timeline), &options, &mut out)
            .expect("the timeline writes");
        out.len()
    });
}

/// The five seeds' timeline in each format.
#[divan::bench(args = FORMATS)]
fn seeds_as(bencher: Bencher<'_, '_>, format: &str) {
    bench_write(bencher, &common::seed_timeline(usize::MAX), format);
}

/// A generated timeline of 2,000 posts in each format.
#[divan::bench(args = FORMATS, sample_count = 20)]
fn synthetic_as(bencher: Bencher<'_, '_>, format: &str) {
    bench_write(bencher, &synthetic(2_000), format);
}
