//! A page saved by a browser as "Webpage, single file" (MHTML) is read as the HTML it holds, also
//! from a directory of saved pages.

use std::fs;

use serde_json::Value;

use crate::util::json_of;

const BLOG: &str = r#"<!DOCTYPE html><html><head><title>Live</title>
<link rel="canonical" href="https://www.theguardian.com/world/live/2024/jul/04/a-live-blog">
<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "A live blog",
  "liveBlogUpdate": [
    {"headline": "Later", "datePublished": "2024-07-04T12:50:00+01:00"},
    {"headline": "Earlier", "datePublished": "2024-07-04T11:05:00+01:00"}]}
</script></head><body><h1>A live blog</h1>
<div><p>Thu 4 Jul 2024 10.00 BST</p></div>
<div><p>12.50 BST</p><h2>Later</h2><p>Second post.</p></div>
<div><p>11.05 BST</p><h2>Earlier</h2><p>First post.</p></div>
</body></html>"#;

/// The page as Chrome saves it: quoted-printable (`=` written `=3D`), lines cut with soft breaks.
fn mhtml(html: &str) -> String {
    let mut body = String::new();
    for line in html.replace('=', "=3D").lines() {
        let chars: Vec<char> = line.chars().collect();
        let pieces: Vec<String> = chars.chunks(60).map(|c| c.iter().collect()).collect();
        body.push_str(&pieces.join("=\r\n"));
        body.push_str("\r\n");
    }
    format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.theguardian.com/world/live/2024/jul/04/a-live-blog\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----b\"\r\n\r\n\
         ------b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{body}\r\n------b--\r\n"
    )
}

/// Each post's headline and UTC time.
fn posts(json: &Value) -> Vec<(Value, Value)> {
    json["documents"][0]["posts"]
        .as_array()
        .map(|posts| {
            posts
                .iter()
                .map(|p| (p["headline"].clone(), p["time"]["utc"].clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_directory_holding_an_mhtml_reads_it_as_its_html() {
    let saved = tempfile::tempdir().expect("a temporary directory");
    fs::write(saved.path().join("blog.mhtml"), mhtml(BLOG)).expect("written");
    let plain = tempfile::tempdir().expect("a temporary directory");
    fs::write(plain.path().join("blog.html"), BLOG).expect("written");
    let dir = saved.path().to_string_lossy().into_owned();
    let from_archive = json_of(&["parse", &dir, "--format", "json", "-q"]);
    let html = plain.path().to_string_lossy().into_owned();
    let from_html = json_of(&["parse", &html, "--format", "json", "-q"]);
    let read = posts(&from_archive);
    assert_eq!(read.len(), 2, "{from_archive}");
    assert_eq!(read[0].1, "2024-07-04T11:50:00Z");
    assert_eq!(read, posts(&from_html));
}
