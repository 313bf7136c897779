//! Every format on every seed: the timeline one seed makes, as JSON and as Markdown.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failure is a panic with a message"
)]

use std::path::Path;

use dateline_formats::{Format, WriteOptions, by_name};
use dateline_model::Timeline;

/// The timeline of one seed, read and merged as the CLI does, under a relative path so snapshots
/// hold no machine paths.
fn timeline(path: &Path) -> Timeline {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a UTF-8 file name");
    let bytes = std::fs::read(path).expect("a readable seed");
    let (doc, diagnostics) =
        dateline_sources::read(&format!("seeds/{name}"), &bytes, &Default::default());
    let documents = vec![doc];
    let merged = dateline_merge::merge(&documents, &dateline_merge::Options::default());
    let mut timeline = Timeline::default();
    timeline.documents = documents;
    timeline.events = merged.events;
    timeline.diagnostics = diagnostics;
    timeline.diagnostics.extend(merged.diagnostics);
    timeline
}

fn write(format: &dyn Format, timeline: &Timeline) -> String {
    let mut out = Vec::new();
    format
        .write(timeline, &WriteOptions::default(), &mut out)
        .expect("writing to a Vec");
    String::from_utf8(out).expect("UTF-8 output")
}

#[test]
fn json() {
    let json = by_name("json").expect("the json format");
    insta::glob!("../../../seeds", "*.txt", |path| {
        let timeline = timeline(path);
        let text = write(json, &timeline);
        let back: Timeline = serde_json::from_str(&text).expect("our JSON reads back");
        assert_eq!(back, timeline);
        assert_eq!(write(json, &timeline), text, "deterministic");
        insta::assert_snapshot!(text);
    });
}

#[test]
fn markdown() {
    let markdown = by_name("markdown").expect("the markdown format");
    insta::glob!("../../../seeds", "*.txt", |path| {
        let timeline = timeline(path);
        let text = write(markdown, &timeline);
        assert_eq!(write(markdown, &timeline), text, "deterministic");
        insta::assert_snapshot!(text);
    });
}
