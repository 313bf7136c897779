//! The formats opened by the programs their users open them with: `ics` by Python's `icalendar`
//! (a calendar library), `csv` by Python's `csv` module (a spreadsheet import), `parquet` by
//! pyarrow (and by DuckDB and Polars where they are installed).
//!
//! Each test writes the seed timeline to a temporary file, runs `python3 tests/clients/SCRIPT FILE`,
//! and checks the JSON summary the script prints. Without `python3` or `icalendar`, the tests fail
//! under `CI` (saying what to install) and elsewhere show as `ignored` with the reason
//! (`skip`: the file runs under libtest-mimic, `harness = false`).

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "tests: a failure is a panic with a message"
)]

use std::io::Write;
use std::path::Path;
use std::process::Command;

mod common;
mod skip;

use skip::{Outcome, Skipped};

use dateline_formats::{EVENT_COLUMNS, REPORT_COLUMNS, WriteOptions, by_name};
use dateline_model::Timeline;
use serde_json::Value;

/// What `.ci/run` installs; the message names it when a client is missing.
const ICALENDAR: &str =
    "install it with `python3 -m pip install icalendar==7.3.0` (as `.ci/run` does)";
const PYARROW: &str =
    "install it with `python3 -m pip install pyarrow==26.0.1` (as `.ci/run` does)";

fn render(format: &str, timeline: &Timeline, options: &WriteOptions) -> Vec<u8> {
    let mut out = Vec::new();
    by_name(format)
        .expect("a built-in format")
        .write(timeline, options, &mut out)
        .expect("writing to a Vec");
    out
}

/// Whether `python3` can import `module`. When it cannot: under `CI`, a failure saying what to
/// do (`install`, such as "install it with `python3 -m pip install icalendar==7.3.0`");
/// elsewhere, the reason the test is skipped.
fn client_available(module: &str, install: &str) -> Outcome {
    let status = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output();
    let missing = match status {
        Ok(out) if out.status.success() => return Ok(()),
        Ok(_) => format!("the Python module `{module}` is missing: {install}"),
        Err(err) => format!("`python3` cannot be run ({err}): install Python 3; {install}"),
    };
    Err(skip::missing(missing))
}

/// Writes `bytes` to a temporary file, runs `python3 tests/clients/SCRIPT FILE`, and returns the
/// JSON it prints.
fn run_client(script: &str, suffix: &str, bytes: &[u8]) -> Value {
    let mut file = tempfile::Builder::new()
        .suffix(suffix)
        .tempfile()
        .expect("a temporary file");
    file.write_all(bytes).expect("writing the temporary file");
    file.flush().expect("flushing the temporary file");
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/clients")
        .join(script);
    let out = Command::new("python3")
        .arg(&script)
        .arg(file.path())
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} failed: {stderr}",
        script.display()
    );
    serde_json::from_slice(&out.stdout).expect("the client prints one JSON object")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

fn utc(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

// ---- ics ----

fn ics_summary(timeline: &Timeline) -> Result<Value, Skipped> {
    client_available("icalendar", ICALENDAR)?;
    let bytes = render("ics", timeline, &WriteOptions::default());
    Ok(run_client("ics_check.py", ".ics", &bytes))
}

fn ics_is_read_by_icalendar_with_every_event_at_its_time() -> Outcome {
    let timeline = common::seed_timeline(usize::MAX);
    let summary = ics_summary(&timeline)?;
    assert_eq!(summary["version"], "2.0");
    assert_eq!(
        summary["prodid"],
        format!("-//dateline//dateline {}//EN", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(summary["calscale"], "GREGORIAN");
    assert_eq!(summary["ends_with_crlf"], true);
    assert_eq!(summary["bare_line_breaks"], 0);
    assert!(summary["longest_line_octets"].as_u64().expect("a number") <= 75);
    let events = summary["events"].as_array().expect("events");
    assert!(timeline.events.len() > 50, "the seeds make many events");
    assert_eq!(events.len(), timeline.events.len(), "every event is there");
    for (got, event) in events.iter().zip(&timeline.events) {
        assert_eq!(got["uid"], format!("{}@dateline", event.id));
        assert_eq!(got["start"], utc(event.utc), "{}", event.id);
        assert_eq!(
            got["end"],
            utc(event.utc + chrono::TimeDelta::minutes(1)),
            "{}",
            event.id
        );
        assert_eq!(got["summary"], event.headline.as_str());
        assert_eq!(strings(&got["categories"]), event.outlets);
        let description = got["description"].as_str().expect("a description");
        for post in &event.posts {
            let (doc, post) = timeline.post(post).expect("the post is in the timeline");
            assert!(
                description.contains(&format!("({}:{})", doc.path, post.line)),
                "{description}"
            );
        }
    }
    let stamps: Vec<&Value> = events.iter().map(|e| &e["stamp"]).collect();
    assert!(stamps.windows(2).all(|w| w[0] == w[1]), "one DTSTAMP");
    Ok(())
}

fn ics_an_event_dated_only_by_its_day_is_an_all_day_event_in_icalendar() -> Outcome {
    let mut timeline = common::seed_timeline(usize::MAX);
    timeline.events.truncate(2);
    timeline.events[0].precision = dateline_model::Precision::Day;
    let day = timeline.events[0].utc.date_naive();
    let summary = ics_summary(&timeline)?;
    let events = summary["events"].as_array().expect("events");
    assert_eq!(events[0]["start"], day.format("%Y-%m-%d").to_string());
    let next = day.succ_opt().expect("a next day");
    assert_eq!(events[0]["end"], next.format("%Y-%m-%d").to_string());
    assert_eq!(events[1]["start"], utc(timeline.events[1].utc));
    Ok(())
}

fn ics_a_page_dated_only_by_its_day_is_an_all_day_event_on_that_day_in_icalendar() -> Outcome {
    // Berlin's 15 April starts at 22:00 UTC on the 14th, Chicago's at 05:00 UTC on the 15th: both
    // are all-day events on the 15th, the day their pages print.
    let timeline = common::dated_timeline();
    let summary = ics_summary(&timeline)?;
    let events = summary["events"].as_array().expect("events");
    assert_eq!(events.len(), 3);
    let mut all_day = 0;
    for (got, event) in events.iter().zip(&timeline.events) {
        if event.precision == dateline_model::Precision::Day {
            assert_eq!(got["start"], "2020-04-15", "{}", event.headline);
            assert_eq!(got["end"], "2020-04-16", "{}", event.headline);
            let description = got["description"].as_str().expect("a description");
            assert!(
                description.contains(", 2020-04-15 (date only)"),
                "{description}"
            );
            all_day += 1;
        } else {
            assert_eq!(got["start"], "2020-04-14T23:30:00Z");
        }
    }
    assert_eq!(all_day, 2);
    Ok(())
}

fn ics_hostile_text_stays_inside_its_property_in_icalendar() -> Outcome {
    let mut timeline = common::seed_timeline(2);
    let hostile =
        "Breaking\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nEND:VEVENT\r\nEND:VCALENDAR; a, b \\ c";
    timeline.events[0].headline = hostile.to_owned();
    timeline.events[1].outlets = vec!["A, B; C\nEND:VCALENDAR".to_owned()];
    let summary = ics_summary(&timeline)?;
    let events = summary["events"].as_array().expect("events");
    assert_eq!(events.len(), timeline.events.len());
    assert_eq!(events[0]["summary"], hostile.replace("\r\n", "\n"));
    assert_eq!(
        strings(&events[1]["categories"]),
        ["A, B; C\nEND:VCALENDAR"]
    );
    assert!(events.iter().all(|e| e["uid"] != "evil@x"));
    Ok(())
}

fn ics_an_event_links_to_its_page_in_icalendar() -> Outcome {
    let mut timeline = common::seed_timeline(2);
    let address =
        "https://example.com/live/caf\u{e9};a,b?x=1&y=(2)#very-long-fragment-that-folds-the-line";
    for doc in &mut timeline.documents {
        doc.context.url = Some(address.to_owned());
    }
    let summary = ics_summary(&timeline)?;
    let events = summary["events"].as_array().expect("events");
    assert_eq!(events.len(), timeline.events.len());
    for got in events {
        assert_eq!(
            got["url"],
            "https://example.com/live/caf%C3%A9;a,b?x=1&y=(2)#very-long-fragment-that-folds-the-line"
        );
    }
    // An address that is not a web page's is not given.
    for doc in &mut timeline.documents {
        doc.context.url = Some("javascript:alert(1)".to_owned());
    }
    let summary = ics_summary(&timeline)?;
    let events = summary["events"].as_array().expect("events");
    assert!(events.iter().all(|e| e["url"].is_null()));
    Ok(())
}

fn ics_uids_survive_re_rendering_and_a_new_document() -> Outcome {
    let all = common::seed_timeline(usize::MAX);
    let first = ics_summary(&all)?;
    let again = ics_summary(&all).expect("the client is there");
    assert_eq!(first, again, "the same timeline reads the same");
    assert_eq!(
        render("ics", &all, &WriteOptions::default()),
        render("ics", &all, &WriteOptions::default()),
        "byte for byte"
    );

    // One document fewer, then all of them: the events that did not change keep their UIDs.
    let fewer = common::seed_timeline(4);
    let before = ics_summary(&fewer).expect("the client is there");
    let uids = |summary: &Value| -> Vec<String> {
        summary["events"]
            .as_array()
            .expect("events")
            .iter()
            .map(|e| e["uid"].as_str().expect("a UID").to_owned())
            .collect()
    };
    let (before, after) = (uids(&before), uids(&first));
    assert!(after.len() > before.len(), "the new document adds events");
    let mut kept = 0;
    for (event, uid) in fewer.events.iter().zip(&before) {
        let same = all.events.iter().position(|e| e.posts == event.posts);
        match same {
            Some(i) => {
                assert_eq!(&after[i], uid, "an unchanged event keeps its UID");
                kept += 1;
            }
            // Merged with a report from the new page: a new identity, so a new UID.
            None => assert!(!after.contains(uid), "{uid}"),
        }
    }
    assert!(
        kept * 2 > before.len(),
        "most events are unchanged: {kept} of {}",
        before.len()
    );
    Ok(())
}

// ---- csv ----

fn csv_summary(timeline: &Timeline, options: &WriteOptions) -> Result<(Vec<u8>, Value), Skipped> {
    client_available("csv", "it is part of the standard library")?;
    let bytes = render("csv", timeline, options);
    let summary = run_client("csv_check.py", ".csv", &bytes);
    Ok((bytes, summary))
}

fn rows(summary: &Value) -> Vec<Vec<String>> {
    summary["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(strings)
        .collect()
}

/// The rows as the Rust `csv` reader sees the same bytes.
fn rust_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect()
}

fn csv_is_read_back_by_python_as_written() -> Outcome {
    let timeline = common::seed_timeline(usize::MAX);
    let (bytes, summary) = csv_summary(&timeline, &WriteOptions::default())?;
    assert_eq!(summary["bom"], false);
    assert_eq!(summary["crlf"], true);
    let rows = rows(&summary);
    assert_eq!(rows, rust_rows(&bytes), "Python reads what was written");
    assert_eq!(rows[0], EVENT_COLUMNS);
    assert_eq!(rows.len(), 1 + timeline.events.len());
    for (row, event) in rows[1..].iter().zip(&timeline.events) {
        assert_eq!(row[0], utc(event.utc));
        let headline = if event.headline.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{}", event.headline)
        } else {
            event.headline.clone()
        };
        assert_eq!(row[1], headline);
        assert_eq!(row[2], event.outlets.join("; "));
        assert_eq!(row[4], event.posts.len().to_string());
        assert_eq!(row[5].split("; ").count(), event.posts.len());
        assert_eq!(row[6], event.id);
    }

    let mut excel = WriteOptions::default();
    excel.excel = true;
    let (_, with_bom) = csv_summary(&timeline, &excel).expect("the client is there");
    assert_eq!(with_bom["bom"], true);
    assert_eq!(
        with_bom["rows"], summary["rows"],
        "the BOM is not part of a cell"
    );

    let mut per_report = WriteOptions::default();
    per_report.csv_reports = true;
    let (bytes, reports) = csv_summary(&timeline, &per_report).expect("the client is there");
    let rows = self::rows(&reports);
    assert_eq!(rows, rust_rows(&bytes));
    assert_eq!(rows[0], REPORT_COLUMNS);
    let count: usize = timeline.events.iter().map(|e| e.posts.len()).sum();
    assert_eq!(rows.len(), 1 + count);
    Ok(())
}

fn csv_a_page_dated_only_by_its_day_reads_back_as_that_date() -> Outcome {
    let timeline = common::dated_timeline();
    let (_, summary) = csv_summary(&timeline, &WriteOptions::default())?;
    let rows = rows(&summary);
    let when: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|row| (row[0].as_str(), row[2].as_str()))
        .collect();
    // In the timeline's order, by UTC: Berlin's day starts before the storm's 23:30 on the 14th.
    assert_eq!(
        when,
        [
            ("2020-04-15", "DW"),
            ("2020-04-14T23:30:00Z", "Sky News"),
            ("2020-04-15", "Chicago Tribune"),
        ]
    );
    let mut per_report = WriteOptions::default();
    per_report.csv_reports = true;
    let (_, reports) = csv_summary(&timeline, &per_report).expect("the client is there");
    for row in &self::rows(&reports)[1..] {
        if row[4] != "Sky News" {
            assert_eq!(row[1..3], ["2020-04-15", "2020-04-15"], "{row:?}");
        }
    }
    Ok(())
}

fn csv_injection_comes_back_inert_and_quoting_round_trips() -> Outcome {
    let mut timeline = common::seed_timeline(2);
    let leads = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tTAB", "\rCR"];
    for (event, lead) in timeline.events.iter_mut().zip(leads) {
        event.headline = lead.to_owned();
    }
    let awkward = "He said \"no\", then left;\r\nnew line\nand \"\"two\"\" quotes";
    timeline.events[6].headline = awkward.to_owned();
    timeline.events[7].outlets = vec![
        "=HYPERLINK(\"http://evil.invalid\",\"click\")".to_owned(),
        "CNN".to_owned(),
    ];
    let (_, summary) = csv_summary(&timeline, &WriteOptions::default())?;
    let rows = rows(&summary);
    for (row, lead) in rows[1..].iter().zip(leads) {
        assert_eq!(row[1], format!("'{lead}"), "inert: {lead:?}");
    }
    assert_eq!(
        rows[7][1], awkward,
        "quotes, commas and line breaks come back as written"
    );
    assert_eq!(
        rows[8][2],
        "'=HYPERLINK(\"http://evil.invalid\",\"click\"); CNN"
    );
    Ok(())
}

// ---- parquet ----

/// Every report of the seed timeline is one row that pyarrow reads back as the JSON contract has
/// it: the event, the post, the outlet, the times (as timestamps in UTC), the lag, the source.
fn parquet_is_read_back_by_pyarrow_as_the_json_has_it() -> Outcome {
    client_available("pyarrow", PYARROW)?;
    let timeline = common::seed_timeline(usize::MAX);
    let bytes = render("parquet", &timeline, &WriteOptions::default());
    let summary = run_client("parquet_check.py", ".parquet", &bytes);
    let columns: Vec<String> = summary["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c[0].as_str().expect("a name").to_owned())
        .collect();
    assert_eq!(columns, dateline_formats::PARQUET_COLUMNS);
    let types: Vec<&str> = summary["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c[1].as_str().expect("a type"))
        .collect();
    assert_eq!(types[1], "timestamp[us, tz=UTC]");
    assert_eq!(types[9], "date32[day]");
    let rows = summary["rows"].as_array().expect("rows");
    // The JSON contract's reports, in the same order: events by UTC, each event's earliest first.
    let json: Value = serde_json::from_slice(&render("json", &timeline, &WriteOptions::default()))
        .expect("the JSON output");
    let mut expected = Vec::new();
    for event in json["events"].as_array().expect("events") {
        for report in event["reports"].as_array().expect("reports") {
            expected.push((event, report));
        }
    }
    assert_eq!(rows.len(), expected.len());
    for (row, (event, report)) in rows.iter().zip(&expected) {
        assert_eq!(row["event_id"], event["id"]);
        assert_eq!(row["event_headline"], event["headline"]);
        assert_eq!(row["post_id"], report["post"]);
        assert_eq!(row["outlet"], report["outlet"]);
        assert_eq!(row["lag_minutes"], report["lag_minutes"]);
        let utc = |v: &Value| {
            v.as_str()
                .and_then(|t| t.parse::<chrono::DateTime<chrono::Utc>>().ok())
                .map(utc)
        };
        assert_eq!(utc(&row["utc"]), utc(&report["utc"]), "{row}");
        assert_eq!(utc(&row["event_utc"]), utc(&event["utc"]), "{row}");
    }
    // `.ci/run` installs DuckDB and Polars too: under CI both must read the same rows.
    if std::env::var_os("CI").is_some() {
        assert_eq!(summary["others"], serde_json::json!(["duckdb", "polars"]));
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    skip::run(tests![
        ics_is_read_by_icalendar_with_every_event_at_its_time,
        ics_an_event_dated_only_by_its_day_is_an_all_day_event_in_icalendar,
        ics_a_page_dated_only_by_its_day_is_an_all_day_event_on_that_day_in_icalendar,
        ics_hostile_text_stays_inside_its_property_in_icalendar,
        ics_an_event_links_to_its_page_in_icalendar,
        ics_uids_survive_re_rendering_and_a_new_document,
        csv_is_read_back_by_python_as_written,
        csv_a_page_dated_only_by_its_day_reads_back_as_that_date,
        csv_injection_comes_back_inert_and_quoting_round_trips,
        parquet_is_read_back_by_pyarrow_as_the_json_has_it,
    ])
}
