//! `dateline parse` and `dateline timeline` on the seed pages.

use std::path::Path;

use serde_json::Value;

use crate::util::{dateline, json_of, seed, stderr, stdout};

fn posts(doc: &Value) -> &Vec<Value> {
    doc["posts"].as_array().expect("posts is an array")
}

fn utc(post: &Value) -> &str {
    post["time"]["utc"]
        .as_str()
        .expect("the post has a UTC time")
}

#[test]
fn seeds_give_120_items_at_the_right_minutes() {
    let json = json_of(&["timeline", "seeds", "--format", "json"]);
    assert_eq!(json["version"], 1);
    let docs = json["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    let counts: Vec<usize> = docs.iter().map(|d| posts(d).len()).collect();
    assert_eq!(counts, [10, 99, 1, 1, 9]);

    // The Independent live blog: footers in UK time, oldest first.
    let independent = &docs[0];
    assert_eq!(independent["outlet"], "The Independent");
    assert_eq!(independent["kind"], "live-blog");
    assert_eq!(utc(&posts(independent)[0]), "2020-01-03T12:44:00Z");
    assert!(
        posts(independent)[0]["text"]
            .as_str()
            .expect("text")
            .contains("Basra")
    );
    assert_eq!(utc(&posts(independent)[9]), "2020-01-03T14:03:00Z");
    assert_eq!(posts(independent)[0]["author"], "Jon Sharman");
    assert_eq!(independent["published"]["utc"], "2020-01-03T18:34:00Z");
    for post in posts(independent) {
        assert_eq!(
            post["time"]["zone"], "Europe/London",
            "the page's EST must not leak"
        );
    }

    // DW: newest first, UTC, across midnight.
    let dw = &docs[1];
    assert_eq!(dw["outlet"], "DW");
    let dw_posts = posts(dw);
    assert_eq!(utc(&dw_posts[0]), "2020-01-04T03:09:00Z");
    let last_after_midnight = dw_posts
        .iter()
        .position(|p| utc(p) == "2020-01-04T00:04:00Z")
        .expect("00:04 is on 4 January");
    assert_eq!(
        utc(&dw_posts[last_after_midnight + 1]),
        "2020-01-03T23:56:00Z"
    );
    assert_eq!(utc(&dw_posts[98]), "2020-01-03T06:00:00Z");

    // Articles: one item at the dateline.
    assert_eq!(docs[2]["kind"], "article");
    assert_eq!(utc(&posts(&docs[2])[0]), "2020-01-03T19:44:00Z");
    assert_eq!(utc(&posts(&docs[3])[0]), "2020-04-01T18:16:00Z");

    // CNN: ET, pinned posts first, a declared count the text does not hold.
    let cnn = &docs[4];
    assert_eq!(cnn["outlet"], "CNN");
    assert_eq!(utc(&posts(cnn)[0]), "2020-01-04T17:31:00Z");
    assert_eq!(cnn["updated"]["utc"], "2020-01-05T08:46:00Z");
    assert_eq!(cnn["declared_posts"], 26);
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    assert!(
        diagnostics
            .iter()
            .any(|d| d["code"] == "declared-count-mismatch" && d["path"] == cnn["path"]),
        "the 26 declared posts against 9 in the text are reported"
    );

    // Events are sorted by UTC and every post is in exactly one event.
    let events = json["events"].as_array().expect("events");
    let times: Vec<&str> = events
        .iter()
        .map(|e| e["utc"].as_str().expect("utc"))
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    let mut reported: Vec<&str> = events
        .iter()
        .flat_map(|e| e["posts"].as_array().expect("posts"))
        .map(|p| p.as_str().expect("post id"))
        .collect();
    assert_eq!(reported.len(), 120, "every post is reported once");
    reported.sort_unstable();
    reported.dedup();
    assert_eq!(reported.len(), 120, "no post is in two events");

    // The same tweet, reported by The Independent and by DW, is one event.
    let tweet = events
        .iter()
        .find(|e| {
            e["outlets"].as_array().is_some_and(|o| o.len() == 2)
                && e["utc"] == "2020-01-03T12:45:00Z"
        })
        .expect("the Trump tweet is one event with two outlets");
    assert_eq!(tweet["first_reporter"], "The Independent");
}

#[test]
fn no_post_is_made_of_noise() {
    let json = json_of(&["timeline", "seeds", "--format", "json"]);
    let noise = [
        "This browser does not support the video element",
        "Each evening at 1830 UTC",
        "Your support helps us to tell the story",
        "Join our commenting forum",
        "Photo by",
        "Skip next section",
        "Image:",
    ];
    for doc in json["documents"].as_array().expect("documents") {
        for post in posts(doc) {
            let text = post["text"].as_str().expect("text");
            assert!(!text.trim().is_empty(), "post {} has no text", post["id"]);
            for n in noise {
                assert!(
                    !text.contains(n),
                    "post {} holds noise {n:?}: {text}",
                    post["id"]
                );
            }
            // A post may itself be a link teaser (DW's 19:43 post), but a "Read more" line
            // inside a post is a link to another story, not the post's text.
            for paragraph in text.split("\n\n").skip(1) {
                assert!(
                    !paragraph.starts_with("Read more"),
                    "post {} holds a link line: {paragraph}",
                    post["id"]
                );
            }
        }
    }
    let raws: Vec<&str> = json["documents"][1]["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .map(|p| p["time"]["raw"].as_str().expect("raw"))
        .collect();
    assert!(!raws.contains(&"03:42"), "the video length is not a post");
}

#[test]
fn timeline_markdown_of_the_seeds() {
    let output = dateline()
        .args(["timeline", "seeds"])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    insta::assert_snapshot!("timeline_markdown", stdout(&output));
}

#[test]
fn timeline_events_listing() {
    let json = json_of(&["timeline", "seeds", "--format", "json"]);
    let mut listing = String::new();
    for event in json["events"].as_array().expect("events") {
        let post = event["posts"][0].as_str().expect("post id");
        listing.push_str(&format!(
            "{} {} {}\n",
            event["utc"].as_str().expect("utc"),
            event["outlets"][0].as_str().unwrap_or("?"),
            post
        ));
    }
    insta::assert_snapshot!("timeline_events", listing);
}

#[test]
fn input_order_does_not_change_the_output() {
    let a = dateline()
        .args([
            "timeline",
            "--format",
            "json",
            &seed("000"),
            &seed("004"),
            &seed("001"),
        ])
        .output()
        .expect("runs");
    let b = dateline()
        .args([
            "timeline",
            "--format",
            "json",
            &seed("001"),
            &seed("000"),
            &seed("004"),
        ])
        .output()
        .expect("runs");
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn parse_reads_standard_input() {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(seed("004"))).expect("seed");
    let output = dateline()
        .args(["parse", "-", "--quiet"])
        .write_stdin(bytes)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let doc = &json["documents"][0];
    assert_eq!(doc["path"], "-");
    assert_eq!(doc["layout"], "cnn-liveblog");
    assert_eq!(posts(doc).len(), 9);
    assert_eq!(
        json["events"].as_array().expect("events").len(),
        0,
        "parse builds no events"
    );
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("timeline.json");
    let output = dateline()
        .args(["timeline", "seeds", "--quiet", "--format", "json", "-o"])
        .arg(&target)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let json: Value =
        serde_json::from_slice(&std::fs::read(&target).expect("written")).expect("JSON");
    let reports: usize = json["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["posts"].as_array().expect("posts").len())
        .sum();
    assert_eq!(reports, 120);
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let output = dateline()
        .args(["timeline", "no/such/page.txt"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&output), @"dateline: error: no page could be read: no/such/page.txt: cannot read the page: No such file or directory (os error 2); check the path exists");
}

#[test]
fn directory_without_pages_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = dateline()
        .arg("timeline")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("has no pages"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unknown_format_is_an_error_listing_the_formats() {
    let output = dateline()
        .args(["timeline", "seeds", "--format", "pdf"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&output), @"dateline: error: unknown format `pdf`; known formats: json, markdown, jsonl, csv, ics, timelinejs, html, parquet, or a plugin `dateline-format-pdf` on PATH");
}

#[test]
fn page_without_timestamps_is_reported_not_silent() {
    let output = dateline()
        .args(["timeline", "-", "--format", "json"])
        .write_stdin("Just some words.\n\nNo time anywhere on this page.\n")
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no-timestamps"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn explain_says_why_the_trump_tweet_reports_were_merged() {
    let output = dateline()
        .args(["timeline", "seeds", "--explain", "--quiet"])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let section = text
        .split("\n## ")
        .find(|s| s.contains("iran never won a war but never lost a negotiation"))
        .expect("the Trump tweet event is explained");
    assert!(
        section.contains("The Independent at 12:45 UTC (first)"),
        "{section}"
    );
    assert!(section.contains("DW at 12:53 UTC (+8 min)"), "{section}");
    assert!(section.contains("merged because:"), "{section}");
}

#[test]
fn csv_reports_and_excel_reach_the_writer() {
    let output = dateline()
        .args([
            "timeline",
            "seeds",
            "--quiet",
            "--format",
            "csv",
            "--csv-reports",
            "--excel",
        ])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        output.stdout.starts_with("\u{feff}".as_bytes()),
        "the BOM comes first"
    );
    let text = stdout(&output);
    let rows = text.lines().count();
    assert_eq!(rows, 1 + 120, "a header and one row per report");
}

#[test]
fn display_zone_adds_a_second_time_to_markdown() {
    let output = dateline()
        .args([
            "timeline",
            "seeds",
            "--quiet",
            "--display-zone",
            "America/New_York",
        ])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("times in UTC, and in parentheses in `America/New_York`."),
        "{text}"
    );
    // The Independent's first post, 12:44 UTC, is 07:44 in New York; DW's 03:09 UTC on
    // 4 January is the evening before there.
    assert!(text.contains("- **12:44 UTC** (07:44 EST) "), "{text}");
    assert!(
        text.contains("- **03:09 UTC** (22:09 EST 3 Jan) "),
        "{text}"
    );
    let events = text.lines().filter(|l| l.contains(" UTC** (")).count();
    let without = dateline()
        .args(["timeline", "seeds", "--quiet"])
        .output()
        .expect("runs");
    let plain = stdout(&without);
    assert_eq!(
        events,
        plain.lines().filter(|l| l.contains(" UTC** ")).count(),
        "every event has its New York time"
    );

    let output = dateline()
        .args(["timeline", "seeds", "--display-zone", "Mars/Olympus_Mons"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&output), @"dateline: error: --display-zone `Mars/Olympus_Mons` is not an IANA zone name; write it like Europe/London or America/New_York");
}

#[test]
fn a_page_dated_only_by_its_day_merges_with_that_days_report_and_says_so() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/dateline-sources/tests/fixtures/pages/article-date-only.txt"
    );
    std::fs::copy(fixture, dir.path().join("dated.txt")).expect("copies the fixture");
    std::fs::write(
        dir.path().join("timed.txt"),
        "Agency picks five firms for its lunar lander program\n\n\
         By Ann Writer 2019-11-18T22:05:36Z Spaceflight\n\n\
         Today (Nov. 18), the agency announced that it was adding five companies to a contract \
         for deliveries to the moon.\n\n\
         All 14 companies are now eligible to bid on future task orders.\n",
    )
    .expect("writes a page");
    let dir_arg = dir.path().to_str().expect("a UTF-8 path");
    let output = dateline()
        .args(["timeline", dir_arg, "--explain", "--quiet"])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("1 event from 2 reports; 1 has more than one report."),
        "{text}"
    );
    assert!(text.contains("timed.txt at 22:05 UTC (first)"), "{text}");
    assert!(
        text.contains("dated.txt dated 2019-11-18 only (its day holds the event's time)"),
        "{text}"
    );
    assert!(text.contains("0 min apart"), "{text}");
    assert!(
        text.contains("not apart (a page gives only its date or hour); merged:"),
        "{text}"
    );

    let output = dateline()
        .args(["timeline", dir_arg, "--quiet"])
        .output()
        .expect("runs");
    let text = stdout(&output);
    assert!(text.contains("**22:05:36 UTC**"), "{text}");
    // Pages of no known outlet are named so, and told apart by their sources.
    let dated = format!("unknown outlet same day (`{dir_arg}/dated.txt:4`)");
    assert!(text.contains(&dated), "{text}");
    assert!(!text.contains("dated.txt same day"), "{text}");
}
