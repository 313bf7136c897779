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

/// On a terminal, Parquet is refused before any page is read: a pseudo-terminal made by `script`
/// (util-linux, on every Linux system) stands for the user's.
#[cfg(target_os = "linux")]
#[test]
fn parquet_is_refused_on_a_terminal() {
    let binary = assert_cmd::cargo::cargo_bin("dateline");
    let command = format!(
        "'{}' timeline '{}' --format parquet",
        binary.display(),
        seed("001")
    );
    let output = std::process::Command::new("script")
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("script (util-linux) runs dateline on a pseudo-terminal");
    let shown = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("the parquet format writes binary data, which a terminal cannot show"),
        "{shown}"
    );
    assert!(!shown.contains("PAR1"), "{shown}");
}
