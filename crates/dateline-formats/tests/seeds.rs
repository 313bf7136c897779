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

#[test]
fn jsonl() {
    let jsonl = by_name("jsonl").expect("the jsonl format");
    insta::glob!("../../../seeds", "*.txt", |path| {
        let timeline = timeline(path);
        let text = write(jsonl, &timeline);
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        let records = timeline.documents.len() + timeline.events.len() + timeline.diagnostics.len();
        assert_eq!(lines.len(), 1 + records);
        assert_eq!(write(jsonl, &timeline), text, "deterministic");
        insta::assert_snapshot!(text);
    });
}

#[test]
fn csv() {
    let csv = by_name("csv").expect("the csv format");
    insta::glob!("../../../seeds", "*.txt", |path| {
        let timeline = timeline(path);
        let text = write(csv, &timeline);
        assert_eq!(write(csv, &timeline), text, "deterministic");
        // CRLF shown as `␍` so the snapshot keeps it visible.
        insta::assert_snapshot!(text.replace("\r\n", "\u{240d}\n"));
    });
}

#[test]
fn ics() {
    let ics = by_name("ics").expect("the ics format");
    insta::glob!("../../../seeds", "*.txt", |path| {
        let timeline = timeline(path);
        let text = write(ics, &timeline);
        assert_eq!(write(ics, &timeline), text, "deterministic");
        assert!(text.split("\r\n").all(|line| line.len() <= 75), "folded");
        insta::assert_snapshot!(text.replace("\r\n", "\u{240d}\n"));
    });
}

/// `page` with the contents of its `<style>` and `<script>` elements and the CSP hashes elided:
/// they are the same on every page and pinned by the `html` module's own tests.
fn without_assets(page: &str) -> String {
    let mut out = page.to_owned();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        if let (Some(start), Some(end)) = (out.find(open), out.find(close)) {
            out.replace_range(start + open.len()..end, "\u{2026}");
        }
    }
    let mut rest = out.as_str();
    let mut elided = String::with_capacity(out.len());
    while let Some(at) = rest.find("'sha256-") {
        let end = rest[at + 1..].find('\'').map_or(rest.len(), |e| at + 1 + e);
        elided.push_str(&rest[..at]);
        elided.push_str("'sha256-\u{2026}");
        rest = &rest[end..];
    }
    elided.push_str(rest);
    elided
}

#[test]
fn html() {
    let html = by_name("html").expect("the html format");
    insta::glob!("../../../seeds", "*.txt", |path| {
        let timeline = timeline(path);
        let text = write(html, &timeline);
        assert_eq!(write(html, &timeline), text, "deterministic");
        assert_eq!(
            text.matches("<li class=\"event\"").count(),
            timeline.events.len()
        );
        assert!(text.ends_with("</html>\n"));
        insta::assert_snapshot!(without_assets(&text));
    });
}

#[test]
fn timelinejs() {
    let timelinejs = by_name("timelinejs").expect("the timelinejs format");
    insta::glob!("../../../seeds", "*.txt", |path| {
        let timeline = timeline(path);
        let text = write(timelinejs, &timeline);
        assert_eq!(write(timelinejs, &timeline), text, "deterministic");
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let ids: Vec<&str> = value["events"]
            .as_array()
            .expect("an events array")
            .iter()
            .filter_map(|slide| slide["unique_id"].as_str())
            .collect();
        let expected: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, expected, "one slide per event, in order, with its id");
        insta::assert_snapshot!(text);
    });
}
