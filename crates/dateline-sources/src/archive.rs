//! Web archives (WARC, ISO 28500; `*.warc` and `*.warc.gz`, gzip per record or whole): every
//! HTML page an archive holds is a page, named by its target address, with the record's date as
//! the time it was fetched (a clue to the capture time, [`crate::Options::fetched_at`]).
//!
//! Records are read one at a time with the `warc` crate (so an archive of any size is never all in
//! memory); an HTTP `response` record's body is the HTTP message as the crawler received it,
//! which `httparse` splits into its headers and body, and which may be chunked
//! (`Transfer-Encoding`, undone here: no maintained crate undoes it on a body already in memory)
//! and compressed (`Content-Encoding` gzip or deflate, undone with `flate2`); a `resource`
//! record's body is the page itself. What is not a page (requests, metadata, images, scripts,
//! redirects and errors) is counted and named in one note per archive, so nothing is passed
//! over in silence; a page over the size limit or that cannot be decoded is a warning.

use std::io::{BufRead, Read};
use std::path::Path;

use chrono::{DateTime, Utc};
use dateline_model::{Diagnostic, Document, Severity};
use warc::{RecordType, WarcHeader, WarcReader};

/// One page an archive holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The address it was fetched from (`WARC-Target-URI`), the name it is known by.
    pub uri: String,
    /// When it was fetched (`WARC-Date`).
    pub fetched_at: DateTime<Utc>,
    /// The page's bytes, as a browser would have them (transfer and content codings undone).
    pub bytes: Vec<u8>,
}

impl Record {
    /// Reads the record's page as [`crate::read`] does with `options`, and with the record's
    /// address as the page's own ([`crate::Options::saved_from`]) and its date as the time it was
    /// fetched ([`crate::Options::fetched_at`]).
    pub fn read(&self, options: &crate::Options) -> (Document, Vec<Diagnostic>) {
        let mut options = options.clone();
        options.saved_from = Some(self.uri.clone());
        options.fetched_at = Some(self.fetched_at);
        crate::read(&self.uri, &self.bytes, &options)
    }
}

/// Whether `path` names a web archive, by its extension.
pub fn is_archive(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Why records were passed over, counted for the archive's note.
#[derive(Debug, Default)]
struct Skipped {
    not_responses: usize,
    not_html: usize,
    not_ok: usize,
}

/// Reads the archive at `path` (shown as `shown`), handing each HTML page to `page` in the order
/// the archive holds them; returns the archive's diagnostics (a note of what was passed over,
/// warnings for pages that could not be taken, an error when the archive itself cannot be read
/// or is damaged, after the pages before the damage).
pub fn read(path: &Path, shown: &str, max_bytes: u64, page: impl FnMut(Record)) -> Vec<Diagnostic> {
    match std::fs::File::open(path) {
        Ok(file) => read_from(std::io::BufReader::new(file), shown, max_bytes, page),
        Err(err) => vec![
            Diagnostic::new(
                Severity::Error,
                "unreadable-page",
                format!(
                    "cannot open the web archive: {err}; check that the file exists and can be read"
                ),
            )
            .in_path(shown),
        ],
    }
}

/// Reads an archive from `input` as [`read`] does: the archive known as `shown`, gzipped when
/// that name ends in `.gz`.
pub fn read_from(
    input: impl BufRead,
    shown: &str,
    max_bytes: u64,
    mut page: impl FnMut(Record),
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let at = |severity, code: &str, message: String| {
        Diagnostic::new(severity, code, message).in_path(shown)
    };
    // A `.warc.gz` is gzip member by member (one per record, as crawlers write it) or whole;
    // `MultiGzDecoder` reads both.
    let input: Box<dyn BufRead + '_> = if shown.to_ascii_lowercase().ends_with(".gz") {
        Box::new(std::io::BufReader::new(
            flate2::bufread::MultiGzDecoder::new(input),
        ))
    } else {
        Box::new(input)
    };
    let mut reader = WarcReader::new(input);
    let mut records = reader.stream_records();
    let mut skipped = Skipped::default();
    let (mut pages, mut number) = (0usize, 0usize);
    while let Some(item) = records.next_item() {
        number += 1;
        let record = match item {
            Ok(record) => record,
            Err(err) => {
                diagnostics.push(at(
                    Severity::Error,
                    "damaged-archive",
                    format!(
                        "the web archive is damaged at record {number}: {err}; the {pages} pages before it were read, the rest were not (is it a WARC file, and whole?)"
                    ),
                ));
                break;
            }
        };
        let resource = match record.warc_type() {
            RecordType::Response => false,
            RecordType::Resource => true,
            _ => {
                skipped.not_responses += 1;
                continue;
            }
        };
        let uri = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim().trim_matches(['<', '>']).to_owned())
            .unwrap_or_else(|| format!("{shown}#record-{number}"));
        let fetched_at = *record.date();
        let declared = record
            .header(WarcHeader::ContentType)
            .map(|t| t.to_ascii_lowercase())
            .unwrap_or_default();
        // The HTTP headers of a response are at most a few kB beyond the page.
        if record.content_length() > max_bytes.saturating_add(1 << 16) {
            diagnostics.push(at(
                Severity::Warning,
                "page-too-large",
                format!(
                    "record {number} ({uri}) is {} bytes, over the page limit of {max_bytes} bytes; it was not read (raise --max-page-mib to read it)",
                    record.content_length()
                ),
            ));
            continue;
        }
        let length = record.content_length();
        let body = match record.into_buffered() {
            Ok(buffered) if buffered.body().len() as u64 == length => buffered.body().to_vec(),
            Ok(buffered) => {
                diagnostics.push(at(
                    Severity::Error,
                    "damaged-archive",
                    format!(
                        "the web archive is damaged at record {number} ({uri}): it ends after {} of the record's {length} bytes; the {pages} pages before it were read",
                        buffered.body().len()
                    ),
                ));
                break;
            }
            Err(err) => {
                diagnostics.push(at(
                    Severity::Error,
                    "damaged-archive",
                    format!(
                        "the web archive is damaged at record {number} ({uri}): {err}; the {pages} pages before it were read, the rest were not"
                    ),
                ));
                break;
            }
        };
        let taken = if resource {
            is_html_type(&declared).then_some(Ok(body))
        } else {
            http_page(&body, &mut skipped)
        };
        match taken {
            None => {
                if resource {
                    skipped.not_html += 1;
                }
            }
            Some(Err(why)) => diagnostics.push(at(
                Severity::Warning,
                "unreadable-record",
                format!("record {number} ({uri}) was not read: {why}"),
            )),
            Some(Ok(bytes)) => {
                pages += 1;
                page(Record {
                    uri,
                    fetched_at,
                    bytes,
                });
            }
        }
    }
    let passed = skipped.not_responses + skipped.not_html + skipped.not_ok;
    diagnostics.push(at(
        Severity::Info,
        "web-archive",
        format!(
            "a web archive: {pages} HTML pages read from {number} records; passed over {passed}: {} not responses (requests, metadata), {} not HTML (images, scripts, styles), {} not successful (redirects, errors)",
            skipped.not_responses, skipped.not_html, skipped.not_ok
        ),
    ));
    diagnostics
}

/// Whether a media type is a page's: HTML or XHTML (or none said, which crawlers write for HTML
/// as often as not).
fn is_html_type(content_type: &str) -> bool {
    let media = content_type.split(';').next().unwrap_or("").trim();
    media.is_empty() || media == "text/html" || media == "application/xhtml+xml"
}

/// The page an HTTP response holds: `None` when it is no page (not 2xx, not HTML), counted in
/// `skipped`; an error when it cannot be decoded.
fn http_page(message: &[u8], skipped: &mut Skipped) -> Option<Result<Vec<u8>, String>> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let start = match response.parse(message) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Some(Err("its HTTP headers are cut short".to_owned()));
        }
        Err(err) => return Some(Err(format!("its HTTP headers cannot be read ({err})"))),
    };
    if !response.code.is_some_and(|c| (200..300).contains(&c)) {
        skipped.not_ok += 1;
        return None;
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
            .unwrap_or_default()
    };
    if !is_html_type(&header("content-type")) {
        skipped.not_html += 1;
        return None;
    }
    let mut body = message.get(start..).unwrap_or_default().to_vec();
    if header("transfer-encoding").contains("chunked") {
        body = match dechunk(&body) {
            Some(whole) => whole,
            None => return Some(Err("its chunked body is damaged".to_owned())),
        };
    }
    let coding = header("content-encoding");
    let coding = coding.trim();
    let decoded = match coding {
        "" | "identity" => Ok(body),
        "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(body.as_slice())),
        // `deflate` is zlib-wrapped by the standard and raw by some servers.
        "deflate" => inflate(flate2::read::ZlibDecoder::new(body.as_slice()))
            .or_else(|_| inflate(flate2::read::DeflateDecoder::new(body.as_slice()))),
        other => Err(format!(
            "its body is compressed with `{other}`, which dateline does not undo"
        )),
    };
    Some(decoded)
}

fn inflate(mut reader: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    reader
        .read_to_end(&mut out)
        .map(|_| out)
        .map_err(|e| format!("its compressed body cannot be undone ({e})"))
}

/// A chunked body (RFC 9112, 7.1) made whole: each chunk's size in hexadecimal (extensions after
/// `;` ignored), CRLF, its bytes, CRLF, up to the chunk of size 0; trailers are dropped. `None`
/// when a size cannot be read or a chunk runs past the end.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut whole = Vec::with_capacity(rest.len());
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(rest.get(..line_end)?).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = rest.get(line_end + 2..)?;
        if size == 0 {
            return Some(whole);
        }
        whole.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunked_body_is_made_whole() {
        let body = b"4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n";
        assert_eq!(
            dechunk(body).as_deref(),
            Some(&b"Wikipedia in \r\n\r\nchunks."[..])
        );
        assert_eq!(dechunk(b"zz\r\nab"), None);
        assert_eq!(dechunk(b"10\r\nshort"), None);
    }

    #[test]
    fn only_successful_html_responses_are_pages() {
        let mut skipped = Skipped::default();
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>";
        assert_eq!(
            http_page(page, &mut skipped)
                .and_then(Result::ok)
                .as_deref(),
            Some(&b"<p>hi</p>"[..])
        );
        let moved = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Type: text/html\r\n\r\n";
        assert!(http_page(moved, &mut skipped).is_none());
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert!(http_page(image, &mut skipped).is_none());
        assert_eq!((skipped.not_ok, skipped.not_html), (1, 1));
        let brotli =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx";
        assert!(matches!(http_page(brotli, &mut skipped), Some(Err(_))));
    }

    #[test]
    fn a_gzipped_chunked_body_is_undone() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let written = encoder.write_all(b"<html>page</html>");
        assert!(written.is_ok());
        let gz = encoder.finish().unwrap_or_default();
        let mut message = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n{:x}\r\n",
            gz.len()
        )
        .into_bytes();
        message.extend_from_slice(&gz);
        message.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut skipped = Skipped::default();
        assert_eq!(
            http_page(&message, &mut skipped)
                .and_then(Result::ok)
                .as_deref(),
            Some(&b"<html>page</html>"[..])
        );
    }
}
