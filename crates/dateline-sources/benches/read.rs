//! Reading pages into documents: detecting the layout, splitting the posts, finding and resolving
//! every stamp and reading the time expressions of each post's text, on the five seeds and on a
//! generated corpus in the seed layouts (`dateline-synth`).
//!
//! `cargo xtask bench` (or `cargo bench -p dateline-sources`) runs it; divan prints the median per
//! read and, from the counters, bytes per second. The patterns compile on first use, in the
//! warm-up, which the figures leave out; the whole CLI on corpora of 10 MB to 1 GB is measured by
//! `cargo xtask bench --cli`.
// A benchmark reports to its terminal and may stop on a broken fixture.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use dateline_sources::{Options, read};
use dateline_synth::{Spec, generate};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The seeds, as the CLI names them.
const SEEDS: &[(&str, &[u8])] = &[
    (
        "seeds/000_6a6ce73a3244aae9.txt",
        include_bytes!("../../../seeds/000_6a6ce73a3244aae9.txt"),
    ),
    (
        "seeds/001_161423c300b0b6e9.txt",
        include_bytes!("../../../seeds/001_161423c300b0b6e9.txt"),
    ),
    (
        "seeds/002_e76e8cf20ba48bb2.txt",
        include_bytes!("../../../seeds/002_e76e8cf20ba48bb2.txt"),
    ),
    (
        "seeds/003_08c42f796c59ebb0.txt",
        include_bytes!("../../../seeds/003_08c42f796c59ebb0.txt"),
    ),
    (
        "seeds/004_2efaa9d9c244e32e.txt",
        include_bytes!("../../../seeds/004_2efaa9d9c244e32e.txt"),
    ),
];

/// One seed page: the Independent's article (`000`), DW's live blog (`001`), the Independent's
/// live blog (`002`), a second article (`003`) and CNN's live blog (`004`).
#[divan::bench(args = [0, 1, 2, 3, 4])]
fn seed(bencher: Bencher<'_, '_>, k: usize) {
    let (path, bytes) = SEEDS[k];
    let options = Options::default();
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        read(black_box(path), black_box(bytes), &options)
            .0
            .posts
            .len()
    });
}

/// Every page of a generated corpus of `n` posts from six outlets, one page after another.
#[divan::bench(args = [1_000], sample_count = 20)]
fn synthetic_posts(bencher: Bencher<'_, '_>, n: usize) {
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    generate(&Spec::new(n, 6, 1), &mut |name: &str, bytes: &[u8]| {
        pages.push((name.to_owned(), bytes.to_vec()));
        Ok::<(), ()>(())
    })
    .expect("the generator writes to memory");
    let total: usize = pages.iter().map(|(_, bytes)| bytes.len()).sum();
    let options = Options::default();
    bencher.counter(BytesCount::new(total)).bench(|| {
        pages
            .iter()
            .map(|(name, bytes)| {
                read(black_box(name), black_box(bytes), &options)
                    .0
                    .posts
                    .len()
            })
            .sum::<usize>()
    });
}
