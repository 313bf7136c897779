//! Flags that the chosen format does not read are named in a warning, never ignored in silence,
//! and `parse` refuses the formats that show events only.

use crate::util::{dateline, seed, stderr, stdout};

fn timeline(extra: &[&str]) -> std::process::Output {
    dateline()
        .args(["timeline", &seed("001")])
        .args(extra)
        .output()
        .expect("dateline runs")
}

fn warnings(output: &std::process::Output) -> Vec<String> {
    stderr(output)
        .lines()
        .filter(|l| l.starts_with("dateline: warning[unread-flag]: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn display_zone_with_csv_is_named_with_the_format_that_reads_it() {
    let output = timeline(&["--format", "csv", "--display-zone", "Europe/Rome"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        warnings(&output),
        [
            "dateline: warning[unread-flag]: --display-zone changes nothing with --format csv; it is read by the markdown format only (--format markdown)"
        ]
    );
    // The table itself is as without the flag.
    assert_eq!(stdout(&output), stdout(&timeline(&["--format", "csv"])));
}

#[test]
fn csv_flags_with_markdown_are_named_and_stay_in_the_output() {
    let output = timeline(&["--csv-reports", "--excel"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        warnings(&output),
        [
            "dateline: warning[unread-flag]: --csv-reports changes nothing with --format markdown; it is read by the csv format only (--format csv)",
            "dateline: warning[unread-flag]: --excel changes nothing with --format markdown; it is read by the csv format only (--format csv)",
        ]
    );
    let text = stdout(&output);
    assert!(text.contains("--csv-reports changes nothing"), "{text}");

    // `--quiet` keeps standard error quiet; the output still says it.
    let quiet = timeline(&["--format", "json", "--excel", "--quiet"]);
    assert!(warnings(&quiet).is_empty(), "{}", stderr(&quiet));
    let json: serde_json::Value = serde_json::from_slice(&quiet.stdout).expect("JSON");
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"unread-flag"), "{codes:?}");
}

#[test]
fn flags_the_format_reads_give_no_warning() {
    for args in [
        &["--format", "csv", "--csv-reports", "--excel"][..],
        &["--format", "markdown", "--display-zone", "Europe/Rome"][..],
        &["--format", "json"][..],
    ] {
        let output = timeline(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert!(
            warnings(&output).is_empty(),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn explain_names_the_format_flags_it_does_not_read() {
    let output = timeline(&["--explain", "--format", "csv", "--csv-reports"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        warnings(&output),
        [
            "dateline: warning[unread-flag]: --csv-reports changes nothing with --explain, which prints the merge's reasons instead of the timeline; it is read by the csv format only",
            "dateline: warning[unread-flag]: --format csv changes nothing with --explain, which prints the merge's reasons instead of the timeline",
        ]
    );
}

#[test]
fn parse_refuses_the_formats_that_show_events_only() {
    for format in ["markdown", "csv", "ics", "timelinejs", "html"] {
        let output = dateline()
            .args(["parse", &seed("001"), "--format", format])
            .output()
            .expect("dateline runs");
        assert_eq!(output.status.code(), Some(2), "{format}");
        assert!(stdout(&output).is_empty(), "{format}");
        let err = stderr(&output);
        assert!(
            err.contains(&format!(
                "`parse` writes documents, and the {format} format shows events, which `parse` does not make: use `dateline timeline --format {format}`"
            )),
            "{err}"
        );
    }
    for format in ["json", "jsonl"] {
        let output = dateline()
            .args(["parse", &seed("001"), "--format", format, "--quiet"])
            .output()
            .expect("dateline runs");
        assert!(output.status.success(), "{format}: {}", stderr(&output));
    }
}
