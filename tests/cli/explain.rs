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
    assert_eq!(records.len(), text.lines().count());
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
