//! A page as the layouts see it: decoded text cut into numbered lines.

use std::sync::OnceLock;

use dateline_model::{Diagnostic, Severity};
use dateline_time::Stamp;

/// The text of one page, cut into lines numbered from 1 as in the original file.
///
/// CRLF, lone CR and LF all end a line; the terminators are not part of the lines.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    path: &'a str,
    text: &'a str,
    lines: Vec<&'a str>,
    /// Each line's stamps, found once for whoever asks first (the page's context, then the
    /// layout that splits its posts read the same lines).
    stamps: Vec<OnceLock<Vec<Stamp>>>,
    /// What was decided about the page as a whole, once it has been.
    context: Option<&'a crate::context::Context>,
}

impl<'a> Page<'a> {
    /// A page from its path (used in messages only, never to choose a layout) and its text.
    pub fn new(path: &'a str, text: &'a str) -> Self {
        let lines = split_lines(text);
        Page {
            path,
            text,
            stamps: std::iter::repeat_with(OnceLock::new)
                .take(lines.len())
                .collect(),
            lines,
            context: None,
        }
    }

    /// The page with its context decided: what layouts read it with.
    pub(crate) fn with_context(self, context: &'a crate::context::Context) -> Page<'a> {
        Page {
            context: Some(context),
            ..self
        }
    }

    /// The page's context, once decided.
    pub(crate) fn context(&self) -> Option<&'a crate::context::Context> {
        self.context
    }

    /// The path the page was read from, as given.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// The whole decoded text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The number of lines.
    pub fn len(&self) -> u32 {
        u32::try_from(self.lines.len()).unwrap_or(u32::MAX)
    }

    /// Whether the page has no lines at all.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text of line `number` (1-based), without its terminator.
    pub fn line(&self, number: u32) -> Option<&'a str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.lines.get(index).copied()
    }

    /// The stamps of line `number` (1-based), trimmed, as [`dateline_time::find_stamps`] finds
    /// them (their spans count from the trimmed line's start); read once per line.
    pub(crate) fn stamps(&self, number: u32) -> &[Stamp] {
        let Some(index) = usize::try_from(number).ok().and_then(|n| n.checked_sub(1)) else {
            return &[];
        };
        match (self.stamps.get(index), self.lines.get(index)) {
            (Some(cell), Some(line)) => {
                cell.get_or_init(|| dateline_time::find_stamps(line.trim()))
            }
            _ => &[],
        }
    }

    /// Every line with its 1-based number.
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = (u32, &'a str)> + '_ {
        self.lines
            .iter()
            .enumerate()
            .map(|(i, l)| (u32::try_from(i + 1).unwrap_or(u32::MAX), *l))
    }
}

fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// What a file that is not a page is, by its first bytes, and what to do about it.
fn binary_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const SAVE: &str =
        "save the page as text (select all, copy, paste into a .txt file) or as HTML";
    let magic: &[(&[u8], &str, &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image", SAVE),
        (b"GIF87a", "a GIF image", SAVE),
        (b"GIF89a", "a GIF image", SAVE),
        (b"\xFF\xD8\xFF", "a JPEG image", SAVE),
        (b"RIFF", "a RIFF file (WebP image or audio)", SAVE),
        (b"%PDF-", "a PDF document", "copy its text into a .txt file"),
        (
            b"\x1F\x8B",
            "gzip-compressed",
            "decompress it first (gunzip FILE)",
        ),
        (
            b"PK\x03\x04",
            "a ZIP archive",
            "unpack it and give the pages inside",
        ),
        (
            b"\x28\xB5\x2F\xFD",
            "zstd-compressed",
            "decompress it first (unzstd FILE)",
        ),
        (
            b"BZh",
            "bzip2-compressed",
            "decompress it first (bunzip2 FILE)",
        ),
        (
            b"\xFD7zXZ\x00",
            "xz-compressed",
            "decompress it first (unxz FILE)",
        ),
        (b"\x7FELF", "a program", SAVE),
    ];
    for (prefix, what, todo) in magic {
        if bytes.starts_with(prefix) {
            return Some((what, todo));
        }
    }
    // Text has no NUL bytes (UTF-16, which has many, starts with a byte order mark).
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or_default();
    let nuls = head.iter().filter(|b| **b == 0).count();
    (nuls > 0 && nuls * 100 >= head.len()).then_some(("binary data", SAVE))
}

/// Decodes a page's bytes: UTF-8 with its BOM stripped, UTF-16 with a BOM, or, when the bytes are
/// not UTF-8, Windows-1252 (what older pages and Windows tools write) with a warning naming the
/// first line that was not UTF-8. A file that is not text at all (an image, an archive) gives an
/// error and no text.
pub(crate) fn decode(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "empty-page",
            if bytes.is_empty() {
                "the file is empty: there is nothing to read; check that the page was saved"
            } else {
                "the file holds only blank lines: there is nothing to read; check that the page was saved"
            },
        ));
        return String::new();
    }
    if !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
        if let Some((what, todo)) = binary_kind(bytes) {
            diagnostics.push(Diagnostic::new(
                Severity::Error,
                "not-a-page",
                format!("the file is {what}, not a saved page, so nothing was read; {todo}"),
            ));
            return String::new();
        }
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest, diagnostics);
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, false)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, true)),
        _ => None,
    };
    if let Some((rest, big_endian)) = utf16 {
        let units = rest.chunks(2).map(|pair| match (pair, big_endian) {
            ([a, b], false) => u16::from_le_bytes([*a, *b]),
            ([a, b], true) => u16::from_be_bytes([*a, *b]),
            _ => 0xFFFD,
        });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "utf-16",
            "the page is UTF-16 (it starts with a byte order mark); decoded to text",
        ));
        return text;
    }
    decode_utf8(bytes, diagnostics)
}

fn decode_utf8(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(error) => {
            let before = bytes.get(..error.valid_up_to()).unwrap_or_default();
            let line = 1 + count_byte(b'\n', before) + lone_cr_count(before);
            let line = u32::try_from(line).unwrap_or(u32::MAX);
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "not-utf8",
                    "the page is not UTF-8 from this line on; it was read as Windows-1252, the \
                     usual encoding of such pages; if its accents look wrong, save it again as UTF-8",
                )
                .at_line(line),
            );
            bytes.iter().map(|b| windows_1252(*b)).collect()
        }
    }
}

/// One byte as Windows-1252: Latin-1 but for the printable characters in 0x80-0x9F.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

fn count_byte(needle: u8, haystack: &[u8]) -> usize {
    haystack.iter().filter(|b| **b == needle).count()
}

fn lone_cr_count(haystack: &[u8]) -> usize {
    haystack
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\r' && haystack.get(i + 1) != Some(&b'\n'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_as_in_the_original_whatever_the_line_ends() {
        let page = Page::new("p", "a\r\nb\rc\n\nd");
        let lines: Vec<_> = page.lines().collect();
        assert_eq!(lines, vec![(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
        assert_eq!(page.line(5), Some("d"));
        assert_eq!(page.line(0), None);
        assert_eq!(page.line(6), None);
    }

    #[test]
    fn a_final_newline_adds_no_line() {
        assert_eq!(Page::new("p", "a\n").len(), 1);
        assert!(Page::new("p", "").is_empty());
    }

    #[test]
    fn bom_is_stripped_and_bad_utf8_is_decoded_with_a_warning_at_its_line() {
        let mut d = Vec::new();
        assert_eq!(decode(b"\xEF\xBB\xBFabc", &mut d), "abc");
        assert!(d.is_empty());
        let text = decode(b"ok\nna\xEFve \x93quoted\x94 \x80", &mut d);
        assert_eq!(text, "ok\nna\u{EF}ve \u{201C}quoted\u{201D} \u{20AC}");
        assert_eq!(d[0].code, "not-utf8");
        assert_eq!(d[0].line, Some(2));
    }

    #[test]
    fn images_archives_and_empty_files_are_not_pages() {
        for (bytes, what) in [
            (&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], "a PNG image"),
            (&b"\x1F\x8B\x08\x00\x00\x00"[..], "gzip-compressed"),
            (&b"abc\x00\x00\x00\x00def"[..], "binary data"),
        ] {
            let mut d = Vec::new();
            assert_eq!(decode(bytes, &mut d), "");
            assert_eq!(d[0].code, "not-a-page");
            assert!(d[0].message.contains(what), "{}", d[0].message);
        }
        let mut d = Vec::new();
        assert_eq!(decode(b"", &mut d), "");
        assert_eq!(d[0].code, "empty-page");
        let mut d = Vec::new();
        assert_eq!(decode(b"\n \r\n", &mut d), "");
        assert!(d[0].message.contains("only blank lines"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut d = Vec::new();
        assert_eq!(decode(b"\xFF\xFEa\x00b\x00", &mut d), "ab");
        assert_eq!(decode(b"\xFE\xFF\x00a\x00b", &mut d), "ab");
    }
}
