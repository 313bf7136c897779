//! Merging: the five seeds' documents, and small generated corpora (`dateline-synth`) in the seed
//! layouts. The documents are read once, beforehand; only `merge` is timed.
//!
//! `cargo xtask bench` (or `cargo bench -p dateline-merge`) runs it; divan prints the median per
//! merge and, from the counters, posts per second. The merge at 10 k to 1 M posts is measured by
//! the `scale` example, which `cargo xtask bench` runs after these.
// A benchmark reports to its terminal and may stop on a broken fixture.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use dateline_merge::{Options, merge};
use dateline_model::Document;
use dateline_synth::{Spec, generate};
use divan::counter::ItemsCount;
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

fn seeds() -> Vec<Document> {
    SEEDS
        .iter()
        .map(|(path, bytes)| dateline_sources::read(path, bytes, &Default::default()).0)
        .collect()
}

fn posts(documents: &[Document]) -> usize {
    documents.iter().map(|d| d.posts.len()).sum()
}

/// A generated corpus of `n` posts from six outlets, read into documents.
fn synthetic(n: usize) -> Vec<Document> {
    let mut documents = Vec::new();
    let spec = Spec::new(n, 6, 1);
    generate(&spec, &mut |name: &str, bytes: &[u8]| {
        documents.push(dateline_sources::read(name, bytes, &Default::default()).0);
        Ok::<(), ()>(())
    })
    .expect("the generator writes to memory");
    documents
}

/// `merge` of the five seeds' documents (the CLI's `dateline timeline seeds/`).
#[divan::bench]
fn seeds_all(bencher: Bencher<'_, '_>) {
    let documents = seeds();
    bencher
        .counter(ItemsCount::new(posts(&documents)))
        .bench(|| {
            merge(black_box(&documents), &Options::default())
                .events
                .len()
        });
}

/// `merge` of generated corpora in the seed layouts, with cross-outlet duplicates.
#[divan::bench(args = [1_000, 5_000], sample_count = 20)]
fn synthetic_posts(bencher: Bencher<'_, '_>, n: usize) {
    let documents = synthetic(n);
    bencher
        .counter(ItemsCount::new(posts(&documents)))
        .bench(|| {
            merge(black_box(&documents), &Options::default())
                .events
                .len()
        });
}
