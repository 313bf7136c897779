//! `dateline explain`: every line of a page with its role and rule.

use crate::util::{dateline, seed, stderr, stdout};

#[test]
fn every_line_of_a_seed_is_listed_once_with_its_role() {
    let page = seed("001");
    let text = std::fs::read_to_string(&page).expect("the seed reads");
    let lines = text.lines().count();
    let output = dateline()
        .args(["explain", &page])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let listing = stdout(&output);
    let rows: Vec<&str> = listing.lines().filter(|l| l.contains(" | ")).collect();
    assert_eq!(rows.len(), lines);
    for (k, row) in rows.iter().enumerate() {
        let number: usize = row
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a line number");
        assert_eq!(number, k + 1);
        assert!(!row.contains("unplaced"), "{row}");
    }
    // DW's first post at 12:53 UTC, its stamp and body both shown.
    assert!(
        rows.iter()
            .any(|r| r.contains("timestamp") && r.contains("2020-01-03T12:53Z")),
        "{listing}"
    );
    assert!(listing.contains("each accounted for once"));
}

#[test]
fn json_gives_one_record_per_line() {
    let page = seed("004");
    let text = std::fs::read_to_string(&page).expect("the seed reads");
    let output = dateline()
        .args(["explain", &page, "--format", "json"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let records: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record"))
        .collect();
    // The page's context first, then one record per line.
    assert_eq!(records.len(), text.lines().count() + 1);
    assert_eq!(records[0]["context"]["zone"], "America/New_York");
    assert!(records[0]["context"]["decisions"].is_array());
    let stamps = records
        .iter()
        .filter(|r| r["category"] == "timestamp" && r["utc"].is_string())
        .count();
    // CNN's nine posts, each stamp with its instant.
    assert_eq!(stamps, 9);
}

#[test]
fn an_unknown_format_is_an_error_that_lists_the_known_ones() {
    let output = dateline()
        .args(["explain", &seed("004"), "--format", "yaml"])
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("text, json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_text_listing_opens_with_the_page_context_and_its_clues() {
    let output = dateline()
        .args(["explain", &seed("001")])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let context = text.lines().nth(1).unwrap_or_default();
    assert_eq!(context, "page context:");
    // DW's statement of its zone wins over DW's home zone, and the listing says both.
    let zone = text
        .lines()
        .find(|l| l.trim_start().starts_with("zone "))
        .unwrap_or_default();
    assert!(zone.contains("UTC") && zone.contains("statement"), "{zone}");
    assert!(text.contains("not Europe/Berlin"), "{text}");
}
