//! Generated corpora (`dateline-synth`, what `cargo xtask synth` writes) read back by
//! `dateline-sources`: every page in the layout it was printed in, with its post count, and every
//! post at its gold minute; then merged, with the gold's groups scored.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers: a failure is a panic with a message"
)]

use std::collections::HashMap;

use chrono::SecondsFormat;
use dateline_merge::{Options, merge};
use dateline_model::{Diagnostic, Document};
use dateline_synth::{Gold, Spec, generate};

/// Generates `spec` in memory and reads every page as the CLI would.
fn read(spec: &Spec) -> (Gold, Vec<(Document, Vec<Diagnostic>)>) {
    let mut documents = Vec::new();
    let gold = generate(spec, &mut |name: &str, bytes: &[u8]| {
        documents.push(dateline_sources::read(name, bytes, &Default::default()));
        Ok::<(), ()>(())
    })
    .expect("the generator writes to memory");
    (gold, documents)
}

fn utc_minute(gold: &Gold, i: usize) -> String {
    let minutes = gold.posts[i].utc;
    let t = chrono::DateTime::from_timestamp(minutes * 60, 0).expect("a time in range");
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Checks the reading of a corpus against its gold, page by page and post by post.
fn check(spec: &Spec) -> (Gold, Vec<Document>) {
    let (gold, read) = read(spec);
    assert_eq!(gold.pages.len(), read.len());
    assert_eq!(gold.posts.len(), spec.posts);
    let by_id: HashMap<&str, usize> = gold
        .posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut seen = 0;
    for (page, (doc, diagnostics)) in gold.pages.iter().zip(&read) {
        let name = &page.file;
        assert_eq!(doc.layout, page.layout, "{name}: {diagnostics:#?}");
        assert_eq!(doc.id, page.id, "{name}");
        assert_eq!(doc.posts.len(), page.posts, "{name}");
        let problems: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| {
                matches!(
                    d.code.as_str(),
                    "unplaced-line"
                        | "unresolved-stamp"
                        | "unreadable-stamp"
                        | "out-of-order"
                        | "declared-count-mismatch"
                        | "dst-overlap"
                        | "dst-gap"
                        | "weekday-mismatch"
                        | "zone-disagrees"
                        | "post-after-update"
                        | "after-update"
                        | "page-date-unread"
                        | "zone-statement-unread"
                )
            })
            .collect();
        assert!(problems.is_empty(), "{name}: {problems:#?}");
        for post in &doc.posts {
            let i = *by_id
                .get(post.id.as_str())
                .unwrap_or_else(|| panic!("{name}: post {} is not in the gold", post.id));
            let time = post
                .time
                .as_ref()
                .unwrap_or_else(|| panic!("{name}:{}: no time", post.line));
            assert_eq!(
                time.utc.to_rfc3339_opts(SecondsFormat::Secs, true),
                utc_minute(&gold, i),
                "{name}:{} `{}`",
                post.line,
                time.raw
            );
            assert!(
                post.text.len() >= 150,
                "{name}:{}: {}",
                post.line,
                post.text
            );
            seen += 1;
        }
    }
    assert_eq!(seen, spec.posts);
    (gold, read.into_iter().map(|(d, _)| d).collect())
}

#[test]
fn a_small_corpus_is_read_in_its_layouts_with_every_post_at_its_gold_minute() {
    let (gold, documents) = check(&Spec::new(200, 3, 1));
    let layouts: std::collections::BTreeSet<&str> =
        documents.iter().map(|d| d.layout.as_str()).collect();
    assert!(layouts.contains("independent-liveblog"), "{layouts:?}");
    assert!(layouts.contains("dw-liveblog"), "{layouts:?}");
    assert!(layouts.contains("cnn-liveblog"), "{layouts:?}");
    // DW's bare clocks cross at least one midnight on some page.
    let dw_days = documents
        .iter()
        .filter(|d| d.layout == "dw-liveblog")
        .map(|d| {
            let days: std::collections::BTreeSet<_> = d
                .posts
                .iter()
                .filter_map(|p| p.time.as_ref().map(|t| t.utc.date_naive()))
                .collect();
            days.len()
        })
        .max();
    assert!(dw_days.is_some_and(|n| n >= 2), "{dw_days:?}");
    assert!(gold.pairs() > 0);
}

/// Outlets of every layout across the nights the clocks change in London (25 October 2020) and
/// New York (1 November 2020) and spring forward (8 and 29 March 2020), with articles.
#[test]
fn corpora_across_daylight_saving_changes_are_read_at_their_gold_minutes() {
    std::thread::scope(|scope| {
        for start in [(2020, 10, 23), (2020, 10, 30), (2020, 3, 6), (2020, 3, 27)] {
            scope.spawn(move || {
                let spec = Spec {
                    start,
                    ..Spec::new(150, 3, 11)
                };
                check(&spec);
            });
        }
    });
}

/// The merge runs on a generated corpus and keeps every post in exactly one event; the pairwise
/// scores are what `cargo xtask bench` reports at scale.
#[test]
fn the_merge_puts_every_generated_post_in_exactly_one_event() {
    let (gold, documents) = check(&Spec::new(400, 6, 2));
    let merged = merge(&documents, &Options::default());
    let mut ids: Vec<&str> = merged
        .events
        .iter()
        .flat_map(|e| e.posts.iter().map(String::as_str))
        .collect();
    ids.sort_unstable();
    let total = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), total, "a post in two events");
    assert_eq!(total, gold.posts.len());
}
