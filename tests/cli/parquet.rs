//! `--format parquet`: one row per report, written to a file or a pipe; `parse` refuses it, as it
//! shows events.

use crate::util::{dateline, seed, stderr};

#[test]
fn timeline_writes_a_parquet_file_of_the_reports() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("reports.parquet");
    let output = dateline()
        .args([
            "timeline",
            &seed("001"),
            &seed("002"),
            "--format",
            "parquet",
            "-o",
        ])
        .arg(&file)
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&file).expect("the file is written");
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));

    // To a pipe, the same bytes.
    let piped = dateline()
        .args([
            "timeline",
            &seed("001"),
            &seed("002"),
            "--format",
            "parquet",
        ])
        .output()
        .expect("dateline runs");
    assert!(piped.status.success(), "{}", stderr(&piped));
    assert_eq!(piped.stdout, bytes);
}

#[test]
fn parse_refuses_parquet_as_it_shows_events() {
    let output = dateline()
        .args(["parse", &seed("001"), "--format", "parquet"])
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("the parquet format shows events"),
        "{}",
        stderr(&output)
    );
}
