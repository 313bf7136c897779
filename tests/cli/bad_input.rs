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
            "has no pages: a directory is read for its saved pages (*.txt, *.html, *.htm, *.mhtml, *.mht)"
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
    // The output is written, with an empty document for each; the exit code says pages failed.
    assert_eq!(output.status.code(), Some(1), "{err}");
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
    let text = "Storm live: the latest\n\nFriday 03 January 2020 09:00 GMT\n\n10:15 Later.\n\n09:30 Earlier.\n";
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
        err.contains("no page could be read: ")
            && err.contains("pipe.txt: a FIFO (named pipe), not a saved page, so it was not read"),
        "{err}"
    );
}

/// Runs `dateline parse` over one page written from `text`, returning standard error.
fn warnings_for(name: &str, text: &str, extra: &[&str]) -> String {
    let dir = page_dir();
    let path = dir.path().join(name);
    fs::write(&path, text).expect("written");
    let output = dateline()
        .arg("parse")
        .arg(&path)
        .args(extra)
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    stderr(&output)
}

#[test]
fn impossible_stamps_are_named_at_their_lines() {
    let err = warnings_for(
        "impossible.txt",
        "Storm live: the latest\n\n10:15 A post.\n\nThe vote ends at 25:61 tonight.\n\n09:40 Another.\n\nDoors at 13:00 p.m.\n",
        &[],
    );
    assert!(
        err.contains("impossible.txt:5: `25:61` looks like a time of day but is none"),
        "{err}"
    );
    assert!(
        err.contains("impossible.txt:9: `13:00 p.m.` looks like a time of day"),
        "{err}"
    );
    let err = warnings_for(
        "february.txt",
        "Storm live: the latest\n\nJo Lee31 February 2020 10:00\n\nBody.\n\nJo Lee1 March 2020 10:00\n\nMore.\n",
        &[],
    );
    assert!(
        err.contains("february.txt:3: `31 February 2020 10:00` names no such date (2020-02-31)"),
        "{err}"
    );
}

#[test]
fn contradictory_zones_are_named() {
    let err = warnings_for(
        "zones.txt",
        "A title\n\nBy Ann Lee, CNN\n\nUpdated 0846 GMT (1746 HKT) January 5, 2020\n\n9:31 a.m. ET, January 5, 2020\n\nA headline\n\nFrom CNN's Bo Ray\n\nBody.\n",
        &[],
    );
    assert!(
        err.contains("zones.txt:5: `08:46 GMT` is 08:46Z but `17:46 HKT` is 09:46Z"),
        "{err}"
    );
}

#[test]
fn a_page_without_timestamps_says_so() {
    let err = warnings_for(
        "notes.txt",
        "A title\n\nSome text, and no time at all.\n",
        &[],
    );
    assert!(
        err.contains("warning[no-timestamps]") && err.contains("notes.txt: no timestamps found"),
        "{err}"
    );
}

#[test]
fn html_read_with_a_forced_text_layout_is_warned() {
    let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/dateline-sources/tests/fixtures/pages/reach-liveblog.html");
    let html = fs::read_to_string(page).expect("the fixture reads");
    let err = warnings_for("page.html", &html, &["--layout", "dw-liveblog"]);
    assert!(
        err.contains("warning[layout-forced-on-html]")
            && err.contains("leave --layout out so the layout is detected"),
        "{err}"
    );
}

#[test]
fn a_200_megabyte_page_is_refused_by_default_before_it_is_read() {
    let dir = page_dir();
    let path = dir.path().join("dump.txt");
    // A sparse file: 200 MB by its size, no disk used; refused from its size alone.
    let file = fs::File::create(&path).expect("created");
    file.set_len(200 << 20).expect("sized");
    let output = dateline()
        .arg("parse")
        .arg(&path)
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("dump.txt: the page is 209715200 bytes (200.0 MiB), over the limit of 100 MiB (104857600 bytes) for one page")
            && err.contains("--max-page-mib"),
        "{err}"
    );
}

#[test]
fn a_page_over_the_size_limit_is_refused_naming_the_flag() {
    let dir = page_dir();
    let path = dir.path().join("huge.txt");
    // Two megabytes of a plausible page, against a limit of one.
    let line = "10:15 A post that says something about the day.\n\n";
    fs::write(&path, line.repeat((2 << 20) / line.len() + 1)).expect("written");
    let output = dateline()
        .arg("parse")
        .arg(&path)
        .args(["--max-page-mb", "1"])
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("huge.txt: the page is 2097200 bytes (2.0 MiB), over the limit of 1 MiB (1048576 bytes) for one page")
            && err.contains("--max-page-mib"),
        "{err}"
    );
}

#[test]
fn posts_over_the_limit_are_reported_from_the_line_where_reading_stopped() {
    let mut page = String::from("Storm live: the latest\n\nFriday 03 January 2020 09:00 GMT\n\n");
    for i in 0..50 {
        page.push_str(&format!(
            "{:02}:{:02} Post {i}: the council said more homes were evacuated overnight.\n\n",
            23 - i / 60,
            59 - i % 60
        ));
    }
    let dir = page_dir();
    let path = dir.path().join("many.txt");
    fs::write(&path, page).expect("written");
    let output = dateline()
        .arg("parse")
        .arg(&path)
        .args(["--max-posts", "20"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("many.txt:45: the page holds 50 posts; only the first 20 were read"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        json["documents"][0]["posts"].as_array().map(Vec::len),
        Some(20)
    );
    let dropped = json["documents"][0]["dropped"].as_array().expect("dropped");
    assert!(
        dropped.iter().any(|d| d["reason"] == "unplaced"),
        "{dropped:?}"
    );
}

#[test]
fn machine_only_updates_count_against_the_limit_of_posts() {
    let updates: Vec<String> = (0..50)
        .map(|i| {
            format!(
                r#"{{"@type":"BlogPosting","headline":"Update {i}","articleBody":"Body {i}.","datePublished":"2024-07-04T{:02}:{:02}:00+01:00"}}"#,
                10 + i / 60,
                i % 60
            )
        })
        .collect();
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Storm live: the latest","datePublished":"2024-07-04T09:00:00+01:00","liveBlogUpdate":[{}]}}</script></head><body><h1>Storm live: the latest</h1><p>Thu 4 Jul 2024 09.00 BST</p></body></html>"#,
        updates.join(",")
    );
    let dir = page_dir();
    let path = dir.path().join("machine.html");
    fs::write(&path, page).expect("written");
    let output = dateline()
        .arg("parse")
        .arg(&path)
        .args(["--max-posts", "10"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("40 updates of the page's machine data that the page does not show were left out, past the limit of 10 posts"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        json["documents"][0]["posts"].as_array().map(Vec::len),
        Some(10)
    );
}

#[test]
fn a_ten_megabyte_line_is_read() {
    let dir = page_dir();
    let path = dir.path().join("one-line.txt");
    let mut page = String::from("A title\n\nFriday 03 January 2020 09:00 GMT\n\n");
    page.push_str(&"word ".repeat(2 << 20));
    page.push('\n');
    fs::write(&path, page).expect("written");
    let output = dateline()
        .arg("parse")
        .arg(&path)
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let text = json["documents"][0]["posts"][0]["text"]
        .as_str()
        .unwrap_or_default();
    assert_eq!(text.len(), 10 * (1 << 20) - 1);
}

#[test]
fn quiet_hides_warnings_but_never_an_error() {
    let dir = page_dir();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").expect("written");
    let png = dir.path().join("shot.txt");
    fs::write(&png, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").expect("written");
    let output = dateline()
        .args(["parse", "--quiet"])
        .args([&empty, &png])
        .output()
        .expect("dateline runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("error[not-a-page]"), "{err}");
    assert!(!err.contains("warning["), "{err}");
}
