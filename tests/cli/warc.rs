//! Web archives: a WARC of saved pages gives the timeline the pages themselves give, each page
//! known by its target address; what is not a page is passed over with a note.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{dateline, stderr};

/// The HTML page fixtures of dateline-sources.
fn fixtures() -> Vec<PathBuf> {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/dateline-sources/tests/fixtures/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

/// One WARC record, gzipped on its own as crawlers write them.
fn record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut raw = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\nWARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        uri.len() * 31 + block.len(),
        block.len()
    )
    .into_bytes();
    raw.extend_from_slice(block);
    raw.extend_from_slice(b"\r\n\r\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&raw).expect("gzip in memory");
    gz.finish().expect("gzip in memory")
}

fn response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut message = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    message.extend_from_slice(body);
    message
}

fn timeline(args: &[&Path]) -> Value {
    let output = dateline()
        .arg("timeline")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// Each event as its id, time and posts: what must not depend on how the pages were stored.
fn events(timeline: &Value) -> Vec<(String, String, Vec<String>)> {
    timeline["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            let posts = e["posts"]
                .as_array()
                .expect("posts")
                .iter()
                .map(|p| p.as_str().expect("a post id").to_owned())
                .collect();
            (
                e["id"].as_str().expect("an id").to_owned(),
                e["utc"].as_str().expect("a time").to_owned(),
                posts,
            )
        })
        .collect()
}

#[test]
fn a_warc_of_pages_gives_the_timeline_of_the_pages() {
    let pages = fixtures();
    assert!(pages.len() >= 5, "{pages:?}");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let archive = dir.path().join("crawl.warc.gz");
    let mut bytes = Vec::new();
    // A request, an image and a redirect, which are no pages.
    bytes.extend(record(
        "request",
        "https://example.org/",
        "2024-01-01T00:00:00Z",
        b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n",
    ));
    bytes.extend(record(
        "response",
        "https://example.org/logo.png",
        "2024-01-01T00:00:00Z",
        &response("200 OK", "image/png", b"\x89PNG\r\n"),
    ));
    bytes.extend(record(
        "response",
        "https://example.org/old",
        "2024-01-01T00:00:00Z",
        &response("301 Moved Permanently", "text/html", b""),
    ));
    let mut uris = Vec::new();
    for (k, page) in pages.iter().enumerate() {
        let html = std::fs::read(page).expect("a fixture");
        let uri = format!("https://archive.example/page-{k}");
        bytes.extend(record(
            "response",
            &uri,
            "2030-01-01T00:00:00Z",
            &response("200 OK", "text/html; charset=utf-8", &html),
        ));
        uris.push(uri);
    }
    std::fs::write(&archive, &bytes).expect("the archive is written");

    let refs: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    let from_files = timeline(&refs);
    let from_archive = timeline(&[archive.as_path()]);
    assert_eq!(events(&from_archive), events(&from_files));
    assert!(!events(&from_files).is_empty());

    // Each page is known by its target address, and was fetched when the record says.
    let documents = from_archive["documents"].as_array().expect("documents");
    let mut paths: Vec<&str> = documents
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    paths.sort_unstable();
    let mut expected: Vec<&str> = uris.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(paths, expected);
    assert!(
        documents
            .iter()
            .all(|d| d["context"]["captured_at"] == "2030-01-01T00:00:00Z"),
        "{documents:?}"
    );
    // What was passed over is said.
    let note = from_archive["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "web-archive")
        .expect("the archive's note");
    let message = note["message"].as_str().expect("a message");
    assert!(
        message.contains(&format!(
            "{} HTML pages read from {} records",
            pages.len(),
            pages.len() + 3
        )),
        "{message}"
    );
    assert!(
        message.contains("1 not responses")
            && message.contains("1 not HTML")
            && message.contains("1 not successful"),
        "{message}"
    );
}

#[test]
fn a_damaged_archive_keeps_the_pages_before_the_damage_and_says_where() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let archive = dir.path().join("cut.warc");
    let page = std::fs::read(&fixtures()[0]).expect("a fixture");
    let mut raw = Vec::new();
    for k in 0..2 {
        let block = response("200 OK", "text/html", &page);
        raw.extend(format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0000000{k}-0000-4000-8000-000000000000>\r\nWARC-Date: 2030-01-01T00:00:00Z\r\nWARC-Target-URI: https://archive.example/{k}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        ).into_bytes());
        raw.extend(block);
        raw.extend(b"\r\n\r\n");
    }
    raw.truncate(raw.len() - page.len() / 2);
    std::fs::write(&archive, &raw).expect("the archive is written");
    let output = dateline()
        .args(["timeline", "--format", "json"])
        .arg(&archive)
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(1));
    assert!(
        stderr(&output).contains("damaged at record 2"),
        "{}",
        stderr(&output)
    );
}
