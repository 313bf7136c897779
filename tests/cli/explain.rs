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

/// A page fixture whose stamps stand on lines of their own in the markup, with a JSON-LD update
/// whose headline the page lists without a post.
const HARBOUR: &str = "crates/dateline-sources/tests/fixtures/pages/harbour-liveblog.html";

/// The 1-based line of the fixture's file that holds `needle`.
fn file_line(needle: &str) -> usize {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(HARBOUR);
    let text = std::fs::read_to_string(path).expect("the fixture reads");
    text.lines()
        .position(|l| l.contains(needle))
        .expect("the fixture holds it")
        + 1
}

#[test]
fn an_html_page_s_posts_cite_the_file_line_that_holds_their_stamp() {
    let output = dateline()
        .args(["timeline", HARBOUR, "--format", "markdown", "--quiet"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = stdout(&output);
    // `14:05 GMT` stands on a line of its own inside its `<time>` element, three lines below the
    // post's `<div>`; the visible text puts it on line 9.
    for (headline, stamp) in [
        ("Harbour wall holds", "      14:05 GMT</time>"),
        ("Ferries cancelled until Monday", ">11:40 GMT</time>"),
        ("Sandbags handed out", ">09:15 GMT</time>"),
    ] {
        let cited = format!("{HARBOUR}:{}`", file_line(stamp));
        assert!(
            markdown
                .lines()
                .any(|l| l.contains(headline) && l.contains(&cited)),
            "{headline} should cite {cited}:\n{markdown}"
        );
    }
    // The update the page lists only as a headline cites that line, never `:0`.
    let listed = format!("{HARBOUR}:{}`", file_line("<ul class=\"key-points\">"));
    assert!(
        markdown
            .lines()
            .any(|l| l.contains("Coastguard on standby") && l.contains(&listed)),
        "{markdown}"
    );
    assert!(!markdown.contains(".html:0"), "{markdown}");
}

#[test]
fn explain_shows_the_file_position_and_does_not_call_a_shown_headline_missing() {
    let output = dateline()
        .args(["explain", HARBOUR])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let listing = stdout(&output);
    let stamp = file_line("      14:05 GMT</time>");
    assert!(
        listing
            .lines()
            .any(|l| l.contains("timestamp") && l.contains(&format!("(file {stamp}:7)"))),
        "{listing}"
    );
    assert!(!listing.contains("not on the page"), "{listing}");
    assert!(
        listing.contains("headline on line 8 with no time, time from machine data"),
        "{listing}"
    );
}
