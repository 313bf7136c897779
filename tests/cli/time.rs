//! `dateline time`: the dateline-time test bench.

use serde_json::Value;

use crate::util::{dateline, json_of, stderr, stdout};

#[test]
fn footer_glued_to_a_byline_in_the_given_zone() {
    let output = dateline()
        .args([
            "time",
            "Jon Sharman3 August 2020 12:44",
            "--zone",
            "Europe/London",
        ])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output), @r#"
    1:11-30 `3 August 2020 12:44` timestamp, rule day-month-year-time
        utc 2020-08-03T11:44:00Z  local 2020-08-03T12:44:00+01:00  zone Europe/London (given by --zone)
    (expressions such as "last night" are read only against --reference)
    "#);
}

#[test]
fn local_time_in_a_named_place_with_its_uncertainty() {
    let json = json_of(&[
        "time",
        "The airstrike north of Baghdad is said to have taken place at 1.12am local time.",
        "--reference",
        "2020-01-03T19:44:00Z",
        "--zone",
        "Europe/London",
        "--format",
        "json",
    ]);
    let found = json["found"].as_array().expect("found");
    assert_eq!(found.len(), 1);
    let e = &found[0];
    assert_eq!(e["kind"], "expression");
    assert_eq!(e["text"], "at 1.12am local time");
    let expression = &e["expression"];
    assert_eq!(expression["zone"], "Asia/Baghdad");
    assert_eq!(expression["interval"]["start"], "2020-01-02T22:12:00Z");
    assert_eq!(
        expression["alternatives"][0]["start"],
        "2020-01-03T22:12:00Z"
    );
    // Names as the timeline's JSON gives them: kebab-case, never Rust's variant names.
    assert_eq!(expression["rule"], "clock-local-time");
    assert_eq!(expression["kind"], "instant");
    assert_eq!(expression["interval"]["granularity"], "minute");
    assert_eq!(expression["notes"][0]["code"], "local-time-place");
}

#[test]
fn lines_on_standard_input_are_read_one_by_one() {
    let output = dateline()
        .args([
            "time",
            "--reference",
            "2020-01-05T12:00:00Z",
            "--format",
            "json",
        ])
        .write_stdin(
            "Updated 0846 GMT (1646 HKT) January 5, 2020\n\n12:31 p.m. ET, January 4, 2020\n",
        )
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let found = json["found"].as_array().expect("found");
    let got: Vec<(u64, &str)> = found
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().expect("line"),
                f["resolved"]["utc"].as_str().expect("utc"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(1, "2020-01-05T08:46:00Z"), (3, "2020-01-04T17:31:00Z")]
    );
}

#[test]
fn a_bare_clock_without_a_reference_says_what_is_missing() {
    let output = dateline().args(["time", "03:09"]).output().expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("unresolved:"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_unknown_zone_is_an_error() {
    let output = dateline()
        .args(["time", "12:00", "--zone", "Mars/Base"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&output), @"dateline: error: --zone `Mars/Base` is not an IANA zone name; write it like Europe/London or America/New_York");
}

#[test]
fn a_bad_reference_is_an_error() {
    let output = dateline()
        .args(["time", "12:00", "--reference", "yesterday"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--reference `yesterday` is not an RFC 3339 time"));
}
