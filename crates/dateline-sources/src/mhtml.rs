//! Pages a browser saved as "Webpage, single file" (`.mhtml`, `.mht`): a MIME `multipart/related`
//! message (RFC 2557) whose root part is the page's HTML, the rest its images and style sheets.
//!
//! [`unpack`] recognises one by the MIME headers it opens with, unpacks it with `mail-parser`
//! (which undoes the quoted-printable or base64 transfer encoding and decodes the part's charset),
//! and gives the HTML of its root part (the one the `start` parameter names, else the first
//! `text/html` part) for the HTML reader, with the address the page was saved from
//! (`Snapshot-Content-Location`, else the part's `Content-Location`) as a clue to the page's URL.

use dateline_model::{Diagnostic, Severity};
use mail_parser::{MessageParser, MessagePart, MimeHeaders};

/// What an MHTML file holds for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unpacked {
    /// The HTML of its root part, decoded to text; empty when it has none.
    pub html: String,
    /// The address the page was saved from, when the file says it.
    pub location: Option<String>,
}

/// How far into a file its opening headers are looked for.
const HEAD: usize = 16 * 1024;

/// Whether `bytes` open as a browser's single-file save: MIME headers (up to the first blank
/// line) with `MIME-Version` and a `multipart/related` content type, or Chrome's own marks
/// (`From: <Saved by Blink>`, `Snapshot-Content-Location`).
pub(crate) fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(HEAD)).unwrap_or_default();
    let head = String::from_utf8_lossy(head);
    let (mut mime, mut related) = (false, false);
    for line in head.lines() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            // Not a header: not a MIME message.
            return false;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "mime-version" => mime = true,
            "content-type" => {
                related = value
                    .get(..17)
                    .is_some_and(|v| v.eq_ignore_ascii_case("multipart/related"));
            }
            "snapshot-content-location" => return true,
            "from" if value.eq_ignore_ascii_case("<Saved by Blink>") => return true,
            _ => {}
        }
    }
    mime && related
}

/// The HTML inside an MHTML file, or `None` when `bytes` are no MHTML. What was done is said in
/// `diagnostics`; a file with no HTML part gives an empty page and an error that says what to do.
pub(crate) fn unpack(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<Unpacked> {
    if !looks_like_mhtml(bytes) {
        return None;
    }
    let message = MessageParser::default().parse(bytes);
    let saved_from = message
        .as_ref()
        .and_then(|m| m.header_raw("Snapshot-Content-Location"))
        .map(str::trim)
        .filter(|u| is_address(u))
        .map(str::to_owned);
    let root = message.as_ref().and_then(|m| {
        let start = m
            .root_part()
            .content_type()
            .and_then(|ct| ct.attributes())
            .and_then(|attrs| attrs.iter().find(|a| a.name.eq_ignore_ascii_case("start")))
            .map(|a| {
                a.value
                    .trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_owned()
            });
        let by_start = start.and_then(|id| {
            m.parts.iter().find(|p| {
                p.content_id()
                    .is_some_and(|c| c.trim_start_matches('<').trim_end_matches('>') == id)
            })
        });
        by_start
            .filter(|p| is_html(p))
            .or_else(|| m.parts.iter().find(|p| is_html(p)))
    });
    let Some(part) = root else {
        let kinds = message
            .as_ref()
            .map(|m| {
                let mut kinds: Vec<String> = m
                    .parts
                    .iter()
                    .filter_map(|p| p.content_type())
                    .filter(|ct| !ct.c_type.eq_ignore_ascii_case("multipart"))
                    .map(|ct| match &ct.c_subtype {
                        Some(sub) => format!("{}/{sub}", ct.c_type),
                        None => ct.c_type.to_string(),
                    })
                    .collect();
                kinds.dedup();
                kinds
            })
            .unwrap_or_default();
        let holds = if kinds.is_empty() {
            "no part that could be read".to_owned()
        } else {
            format!("only {}", kinds.join(", "))
        };
        diagnostics.push(Diagnostic::new(
            Severity::Error,
            "mhtml-without-html",
            format!(
                "the file is a web archive (MHTML) holding {holds} and no HTML part, so nothing \
                 was read; open it in a browser and save the page again as \"Webpage, HTML only\" \
                 or as text"
            ),
        ));
        return Some(Unpacked {
            html: String::new(),
            location: saved_from,
        });
    };
    let location = saved_from.or_else(|| {
        part.content_location()
            .map(str::trim)
            .filter(|u| is_address(u))
            .map(str::to_owned)
    });
    let html = part.text_contents().unwrap_or_default().to_owned();
    let charset = part
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .map_or_else(|| "no charset given".to_owned(), |c| format!("charset {c}"));
    let from = location
        .as_deref()
        .map_or_else(String::new, |l| format!(", saved from {l}"));
    diagnostics.push(Diagnostic::new(
        Severity::Info,
        "mhtml",
        format!(
            "a web archive (MHTML, a page saved as a single file): its HTML part ({} bytes, {charset}{from}) \
             was read as the page, and its line numbers count that part's lines",
            html.len()
        ),
    ));
    Some(Unpacked { html, location })
}

fn is_html(part: &MessagePart<'_>) -> bool {
    part.content_type().is_some_and(|ct| {
        ct.c_type.eq_ignore_ascii_case("text")
            && ct
                .c_subtype
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case("html"))
    }) && part.text_contents().is_some()
}

fn is_address(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

#[cfg(test)]
mod tests;
