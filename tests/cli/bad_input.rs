//! Bad input: every case gets a clear message naming the file, and what to do; nothing panics.

use std::fs;

use crate::util::{dateline, stderr, stdout};

fn page_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let output = dateline()
        .args(["timeline", "no/such/page.txt"])
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("no/such/page.txt"), "{err}");
    assert!(err.contains("check the path exists"), "{err}");
}

#[test]
fn a_directory_without_pages_is_an_error_saying_what_it_reads() {
    let dir = page_dir();
    fs::write(dir.path().join("notes.md"), "# notes").expect("written");
    let output = dateline()
        .arg("timeline")
        .arg(dir.path())
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "has no pages: a directory is read for its saved pages (*.txt, *.html, *.htm)"
        )
    );
}

#[test]
fn an_empty_file_is_a_warning_naming_it() {
    let dir = page_dir();
    let path = dir.path().join("empty.txt");
    fs::write(&path, "").expect("written");
    let output = dateline()
        .args(["parse"])
        .arg(&path)
        .output()
        .expect("dateline runs");
    assert!(output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("warning[empty-page]") && err.contains("empty.txt: the file is empty"),
        "{err}"
    );
    assert!(!err.contains("no-timestamps"), "{err}");
}

#[test]
fn images_and_archives_are_not_read_as_pages() {
    let dir = page_dir();
    let png = dir.path().join("shot.png.txt");
    fs::write(&png, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").expect("written");
    let gz = dir.path().join("page.txt.gz");
    fs::write(&gz, b"\x1F\x8B\x08\x00\x00\x00\x00\x00").expect("written");
    let output = dateline()
        .arg("parse")
        .args([&png, &gz])
        .output()
        .expect("dateline runs");
    let err = stderr(&output);
    assert!(
        err.contains("error[not-a-page]")
            && err.contains("the file is a PNG image, not a saved page"),
        "{err}"
    );
    assert!(
        err.contains("gzip-compressed") && err.contains("gunzip"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(
        json["documents"][0]["posts"]
            .as_array()
            .is_some_and(Vec::is_empty)
    );
}

#[test]
fn a_windows_1252_page_is_decoded_with_a_warning_at_its_first_line() {
    let dir = page_dir();
    let path = dir.path().join("old.txt");
    let mut bytes =
        b"A caf\xE9 blog\n\nFriday 03 January 2020 09:00 GMT\n\n10:15 The \x93first\x94 post.\n\n"
            .to_vec();
    bytes.extend_from_slice(b"09:30 An earlier post.\n");
    fs::write(&path, bytes).expect("written");
    let output = dateline()
        .arg("parse")
        .arg(&path)
        .output()
        .expect("dateline runs");
    assert!(output.status.success());
    let err = stderr(&output);
    assert!(err.contains("old.txt:1: the page is not UTF-8"), "{err}");
    let out = stdout(&output);
    assert!(out.contains("A café blog"), "{out}");
    assert!(out.contains("The \u{201C}first\u{201D} post."), "{out}");
}

#[test]
fn a_utf16_page_with_a_bom_reads_like_its_utf8_copy() {
    let dir = page_dir();
    let text = "A blog\n\nFriday 03 January 2020 09:00 GMT\n\n10:15 Later.\n\n09:30 Earlier.\n";
    let utf8 = dir.path().join("a.txt");
    fs::write(&utf8, text).expect("written");
    let utf16 = dir.path().join("b.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    fs::write(&utf16, bytes).expect("written");
    let times = |path: &std::path::Path| -> Vec<String> {
        let output = dateline().arg("parse").arg(path).output().expect("runs");
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        json["documents"][0]["posts"]
            .as_array()
            .expect("posts")
            .iter()
            .map(|p| p["time"]["utc"].as_str().unwrap_or("-").to_owned())
            .collect()
    };
    assert_eq!(times(&utf16), times(&utf8));
    assert_eq!(times(&utf8).len(), 2);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = page_dir();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let output = dateline()
        .arg("parse")
        .arg(&fifo)
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("pipe.txt is not a regular file (a FIFO"),
        "{err}"
    );
}
