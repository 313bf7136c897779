//! The merge in windows of time (`dateline_merge::partition`) gives the single-machine merge's
//! result, byte for byte: on the seeds and on generated corpora that span many days, with windows
//! of an hour, a day and a week, and with the census and the pairs sent through their bytes.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers: a failure is a panic with a message"
)]

mod common;

use chrono::Duration;
use dateline_merge::partition::{self, Census, Scored, Window};
use dateline_merge::{ErrorKind, Options, merge};
use dateline_model::Document;
use dateline_synth::{Spec, generate};

fn generated(posts: usize, outlets: usize, seed: u64) -> Vec<Document> {
    let mut documents = Vec::new();
    generate(
        &Spec::new(posts, outlets, seed),
        &mut |name: &str, bytes: &[u8]| {
            documents.push(dateline_sources::read(name, bytes, &Default::default()).0);
            Ok::<(), ()>(())
        },
    )
    .expect("the generator writes to memory");
    documents
}

/// Windows of `hours` hours over the documents' posts.
fn hourly(documents: &[Document], hours: i64) -> Vec<Window> {
    let days = Window::days(documents, 1);
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let mut windows = Vec::new();
    let mut start = first.start;
    while start < last.end {
        windows.push(Window {
            start,
            end: start + Duration::hours(hours),
        });
        start += Duration::hours(hours);
    }
    windows
}

/// The three steps, each window's census and pairs sent through their bytes, each window given
/// only the documents' posts within its reach.
fn in_windows(
    documents: &[Document],
    windows: &[Window],
    options: &Options,
) -> dateline_merge::Merged {
    let census = windows
        .iter()
        .map(|w| {
            let bytes = partition::census(documents, w).to_bytes();
            Census::from_bytes(&bytes).expect("a census read back")
        })
        .fold(Census::default(), |all, c| all + c);
    let counted: usize = documents
        .iter()
        .flat_map(|d| &d.posts)
        .filter(|p| p.time.is_some())
        .count();
    assert_eq!(census.posts(), counted);
    let mut scored = Scored::default();
    for window in windows {
        let reach = window.reach(options);
        let near: Vec<Document> = documents
            .iter()
            .map(|d| {
                let mut d = d.clone();
                d.posts
                    .retain(|p| p.time.as_ref().is_some_and(|t| reach.owns(t.utc)));
                d
            })
            .collect();
        let bytes = partition::score(&near, &census, window, options).to_bytes();
        scored.append(Scored::from_bytes(&bytes).expect("pairs read back"));
    }
    partition::reconcile(documents, &scored, options)
}

fn same(documents: &[Document], windows: &[Window]) {
    let options = Options::default();
    let whole = merge(documents, &options);
    assert!(
        whole.events.iter().any(|e| e.posts.len() > 1),
        "something merges"
    );
    let parts = in_windows(documents, windows, &options);
    assert!(
        parts == whole,
        "{} windows: the events differ",
        windows.len()
    );
}

#[test]
fn the_seeds_merged_in_windows_are_merged_as_a_whole() {
    let seeds = common::seeds();
    same(&seeds, &Window::days(&seeds, 1));
    same(&seeds, &hourly(&seeds, 1));
    assert_eq!(
        partition::merge_in_windows(&seeds, &Options::default(), 1),
        merge(&seeds, &Options::default())
    );
}

#[test]
fn a_generated_corpus_merged_in_windows_is_merged_as_a_whole() {
    let documents = generated(3_000, 6, 7);
    let days = Window::days(&documents, 1);
    assert!(days.len() >= 3, "the corpus spans {} days", days.len());
    same(&documents, &days);
    same(&documents, &hourly(&documents, 1));
    same(&documents, &hourly(&documents, 6));
    same(&documents, &Window::days(&documents, 7));
}

#[test]
fn bytes_of_another_kind_are_refused() {
    let census = Census::default().to_bytes();
    let err = Scored::from_bytes(&census).expect_err("a census is no pairs");
    assert_eq!(err.kind(), ErrorKind::Partition);
    assert!(err.to_string().contains("make them again"), "{err}");
    let pairs = Scored::default().to_bytes();
    assert!(Census::from_bytes(&pairs).is_err());
    let mut cut =
        partition::census(&common::seeds(), &Window::days(&common::seeds(), 30)[0]).to_bytes();
    cut.pop();
    assert!(Census::from_bytes(&cut).is_err());
}
