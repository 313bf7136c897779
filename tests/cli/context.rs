//! What users say about their pages: `--zone`, `--country` and `--captured-at` on every reading
//! command, recorded as the clue that decided.

use std::io::Write;

use crate::util::{dateline, stderr, stdout};

/// A page of a live blog with bare clocks, nothing on it saying where they are, and one relative
/// stamp.
const BARE: &str = "Storm live: the latest\n\n3 January 2020\n\n10:15 The second post of the day.\n\n\
    09:30 The first post of the day.\n";

fn page(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".txt")
        .tempfile()
        .expect("a temporary file");
    file.write_all(text.as_bytes())
        .expect("the page is written");
    file
}

fn parse(args: &[&str]) -> serde_json::Value {
    let output = dateline().args(args).output().expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

#[test]
fn a_given_zone_reads_the_pages_bare_clocks_and_is_recorded_as_given() {
    let file = page(BARE);
    let path = file.path().to_string_lossy().into_owned();
    let doc = &parse(&["parse", &path, "-q", "--zone", "Europe/Rome"])["documents"][0];
    assert_eq!(doc["posts"][0]["time"]["utc"], "2020-01-03T09:15:00Z");
    assert_eq!(doc["context"]["zone"], "Europe/Rome");
    assert_eq!(doc["context"]["zone_source"], "given (--zone)");
    assert_eq!(
        doc["posts"][0]["time"]["basis"]["zone_source"]["kind"],
        "given"
    );
}

#[test]
fn without_a_clue_the_warning_names_the_flag() {
    let file = page(BARE);
    let path = file.path().to_string_lossy().into_owned();
    let output = dateline()
        .args(["parse", &path])
        .output()
        .expect("dateline runs");
    let err = stderr(&output);
    assert!(
        err.contains("zone-assumed") && err.contains("--zone"),
        "{err}"
    );
}

#[test]
fn a_given_capture_time_dates_relative_stamps() {
    let file = page(
        "Bridge to close for a year\n\n6 hours ago\n\n\
         The council voted on Tuesday evening to close the old bridge to cars for the whole of next \
         year, while engineers repair the cracks found in its piers.\n",
    );
    let path = file.path().to_string_lossy().into_owned();
    let doc = &parse(&[
        "parse",
        &path,
        "-q",
        "--captured-at",
        "2020-01-03T18:00:00Z",
    ])["documents"][0];
    assert_eq!(doc["posts"][0]["time"]["utc"], "2020-01-03T12:00:00Z");
    assert_eq!(doc["context"]["captured_at"], "2020-01-03T18:00:00Z");
}

#[test]
fn a_given_country_chooses_among_ambiguous_zone_names() {
    let file = page(
        "Storm live: the latest\n\n3 January 2020\n\n10:15 IST A post.\n\n09:30 IST Another.\n",
    );
    let path = file.path().to_string_lossy().into_owned();
    let doc = &parse(&["parse", &path, "-q", "--country", "ie"])["documents"][0];
    assert_eq!(doc["context"]["country"], "IE");
    assert_eq!(doc["posts"][0]["time"]["zone"], "Europe/Dublin");
}

#[test]
fn a_bad_value_stops_the_run_and_says_how_to_write_it() {
    let file = page(BARE);
    let path = file.path().to_string_lossy().into_owned();
    for (flag, value, hint) in [
        ("--zone", "Mars/Olympus", "Europe/London"),
        ("--country", "Italy", "IT"),
        ("--captured-at", "yesterday", "2020-01-03T12:44:00Z"),
    ] {
        for command in ["parse", "timeline", "explain"] {
            let output = dateline()
                .args([command, &path, flag, value])
                .output()
                .expect("dateline runs");
            assert_eq!(output.status.code(), Some(2), "{command} {flag}");
            let err = stderr(&output);
            assert!(err.contains(flag) && err.contains(hint), "{err}");
        }
    }
}

#[test]
fn the_timeline_takes_the_same_flags() {
    let file = page(BARE);
    let path = file.path().to_string_lossy().into_owned();
    let output = dateline()
        .args([
            "timeline",
            &path,
            "--zone",
            "Asia/Tokyo",
            "--format",
            "jsonl",
            "-q",
        ])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("2020-01-03T01:15:00Z"));
}
