//! MHTML files written for these tests, as browsers write them: Chrome's (quoted-printable HTML,
//! `Snapshot-Content-Location`), and one in base64 in a legacy charset with a `start` parameter.

use base64::Engine;

use super::*;
use crate::{Options, read};

/// A small live blog, with a character outside ASCII in every post.
const BLOG: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Live</title>
<link rel="canonical" href="https://www.theguardian.com/world/live/2024/jul/04/a-live-blog">
<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "A live blog",
  "liveBlogUpdate": [
    {"headline": "Later at the café", "datePublished": "2024-07-04T12:50:00+01:00"},
    {"headline": "Earlier — résumé", "datePublished": "2024-07-04T11:05:00+01:00"}]}
</script></head><body><h1>A live blog</h1>
<div><p>Thu 4 Jul 2024 10.00 BST</p></div>
<div><p>12.50 BST</p><h2>Later at the café</h2><p>Second post, with an equals sign: a=b.</p></div>
<div><p>11.05 BST</p><h2>Earlier — résumé</h2><p>First post.</p></div>
</body></html>"#;

/// Quoted-printable (RFC 2045) as Chrome writes it: `=XX` for `=` and every byte past ASCII,
/// soft line breaks before 76 characters.
fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut width = 0;
    for &b in bytes {
        let piece = if b == b'\n' {
            out.push_str("\r\n");
            width = 0;
            continue;
        } else if (b' '..=b'~').contains(&b) && b != b'=' {
            char::from(b).to_string()
        } else {
            format!("={b:02X}")
        };
        if width + piece.len() > 75 {
            out.push_str("=\r\n");
            width = 0;
        }
        width += piece.len();
        out.push_str(&piece);
    }
    out
}

/// Chrome's "Webpage, single file": the page in quoted-printable, an image beside it.
fn chrome_mhtml(html: &str, location: &str) -> Vec<u8> {
    format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: {location}\r\nSubject: Live\r\n\
         Date: Thu, 4 Jul 2024 14:00:00 +0100\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n\
         ------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n\
         Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {location}\r\n\r\n{}\r\n\r\n\
         ------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\
         Content-Location: https://example.com/a.png\r\n\r\niVBORw0KGgo=\r\n\r\n\
         ------MultipartBoundary--abc------\r\n",
        quoted_printable(html.as_bytes())
    )
    .into_bytes()
}

/// An older browser's save: a style sheet first, the page (named by `start`) in base64 in
/// windows-1252.
fn base64_mhtml(html: &str) -> Vec<u8> {
    let (legacy, _, unmappable) = encoding_rs::WINDOWS_1252.encode(html);
    assert!(!unmappable);
    let body = base64::engine::general_purpose::STANDARD.encode(&legacy);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(76)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect();
    format!(
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"; type=\"text/html\"; start=\"<page@x>\"\r\n\r\n\
         --b1\r\nContent-Type: text/css\r\nContent-ID: <css@x>\r\n\r\nbody {{ color: black }}\r\n\
         --b1\r\nContent-Type: text/html; charset=\"windows-1252\"\r\nContent-ID: <page@x>\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--b1--\r\n",
        lines.join("\r\n")
    )
    .into_bytes()
}

/// Each post's headline, text, time and visibility.
fn posts(bytes: &[u8]) -> Vec<(Option<String>, String, Option<String>, bool)> {
    let (doc, _) = read("page", bytes, &Options::default());
    doc.posts
        .iter()
        .map(|p| {
            (
                p.headline.clone(),
                p.text.clone(),
                p.time.as_ref().map(|t| t.utc.to_rfc3339()),
                p.visible,
            )
        })
        .collect()
}

#[test]
fn a_quoted_printable_mhtml_reads_as_its_html() {
    let mhtml = chrome_mhtml(
        BLOG,
        "https://www.theguardian.com/world/live/2024/jul/04/a-live-blog",
    );
    let direct = posts(BLOG.as_bytes());
    assert_eq!(direct.len(), 2);
    assert!(direct.iter().all(|p| p.2.is_some()));
    assert_eq!(posts(&mhtml), direct);
    let (_, diagnostics) = read("page.mhtml", &mhtml, &Options::default());
    assert!(
        diagnostics.iter().any(|d| d.code == "mhtml"),
        "{diagnostics:?}"
    );
    assert!(diagnostics.iter().any(|d| d.code == "html-page"));
}

#[test]
fn a_base64_mhtml_in_a_legacy_charset_reads_as_its_html() {
    let mhtml = base64_mhtml(BLOG);
    let mut notes = Vec::new();
    let unpacked = unpack(&mhtml, &mut notes);
    assert_eq!(unpacked.map(|u| u.html), Some(BLOG.to_owned()));
    assert!(notes[0].message.contains("windows-1252"), "{notes:?}");
    assert_eq!(posts(&mhtml), posts(BLOG.as_bytes()));
}

#[test]
fn the_address_it_was_saved_from_is_a_clue_to_the_outlet() {
    let html = BLOG.replace(
        "<link rel=\"canonical\" href=\"https://www.theguardian.com/world/live/2024/jul/04/a-live-blog\">",
        "",
    );
    let (direct, _) = read("page.html", html.as_bytes(), &Options::default());
    assert_eq!(direct.outlet, None);
    let mhtml = chrome_mhtml(
        &html,
        "https://www.theguardian.com/world/live/2024/jul/04/a-live-blog",
    );
    let (doc, _) = read("page.mhtml", &mhtml, &Options::default());
    assert_eq!(doc.outlet.as_deref(), Some("The Guardian"));
}

#[test]
fn an_mhtml_without_html_says_so_and_what_to_do() {
    let mhtml = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n\
        --b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n";
    let (doc, diagnostics) = read("page.mhtml", mhtml, &Options::default());
    assert!(doc.posts.is_empty());
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"no-timestamps"), "{codes:?}");
    let note = diagnostics.iter().find(|d| d.code == "mhtml-without-html");
    let message = note.map(|d| d.message.as_str()).unwrap_or_default();
    assert!(message.contains("only image/png"), "{message}");
    assert!(message.contains("save the page again"), "{message}");
}

#[test]
fn only_mime_headers_at_the_top_make_an_mhtml() {
    assert!(looks_like_mhtml(
        b"From: <Saved by Blink>\r\nSubject: x\r\n\r\n"
    ));
    assert!(looks_like_mhtml(
        b"MIME-Version: 1.0\nContent-Type: Multipart/Related; boundary=x\n\n"
    ));
    assert!(!looks_like_mhtml(
        b"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello"
    ));
    assert!(!looks_like_mhtml(
        b"<html>MIME-Version: 1.0\nContent-Type: multipart/related\n"
    ));
    assert!(!looks_like_mhtml(
        b"Live: a title\n\nContent-Type: multipart/related\nMIME-Version: 1.0\n"
    ));
    assert!(unpack(b"A live blog\n\n12:00 A post.\n", &mut Vec::new()).is_none());
}
