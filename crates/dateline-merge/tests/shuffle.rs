//! Property: shuffling documents and their posts changes nothing in the output.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failure is a panic with a message"
)]

mod common;

use dateline_merge::{Options, merge};
use dateline_model::Document;
use proptest::prelude::*;

/// Everything `merge` returns, as JSON text: events, diagnostics and the explanations' evidence.
fn render(docs: &[Document]) -> String {
    let merged = merge(docs, &Options::default());
    let explanations: Vec<_> = merged
        .explanations
        .iter()
        .map(|x| (&x.events, x.verdict.as_str(), &x.evidence, &x.reason))
        .collect();
    serde_json::to_string(&(&merged.events, &merged.diagnostics, explanations))
        .expect("serialisable")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn shuffling_documents_and_posts_changes_nothing(seed in any::<u64>()) {
        let docs = common::seeds();
        let expected = render(&docs);
        let mut shuffled = docs.clone();
        // A small deterministic shuffle driven by the seed (Fisher-Yates with an LCG).
        let mut state = seed | 1;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n.max(1)
        };
        for i in (1..shuffled.len()).rev() {
            let j = next(i + 1);
            shuffled.swap(i, j);
        }
        for doc in &mut shuffled {
            for i in (1..doc.posts.len()).rev() {
                let j = next(i + 1);
                doc.posts.swap(i, j);
            }
        }
        prop_assert_eq!(render(&shuffled), expected);
    }
}
