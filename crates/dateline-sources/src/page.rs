//! A page as the layouts see it: decoded text cut into numbered lines.

use dateline_model::{Diagnostic, Severity};

/// The text of one page, cut into lines numbered from 1 as in the original file.
///
/// CRLF, lone CR and LF all end a line; the terminators are not part of the lines.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    path: &'a str,
    text: &'a str,
    lines: Vec<&'a str>,
}

impl<'a> Page<'a> {
    /// A page from its path (used in messages only, never to choose a layout) and its text.
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Page {
            path,
            text,
            lines: split_lines(text),
        }
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

/// Decodes a page's bytes: UTF-8 with its BOM stripped, UTF-16 with a BOM, or UTF-8 read lossily
/// with a warning naming the first bad line.
pub(crate) fn decode(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
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
            let before = &bytes[..error.valid_up_to()];
            let line = 1 + count_byte(b'\n', before) + lone_cr_count(before);
            let line = u32::try_from(line).unwrap_or(u32::MAX);
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "invalid-utf8",
                    "the page is not valid UTF-8 (perhaps Windows-1252); bad bytes were replaced \
                     with U+FFFD, so check the text of this line",
                )
                .at_line(line),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
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
        let text = decode(b"ok\nna\xEFve", &mut d);
        assert_eq!(text, "ok\nna\u{FFFD}ve");
        assert_eq!(d[0].code, "invalid-utf8");
        assert_eq!(d[0].line, Some(2));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut d = Vec::new();
        assert_eq!(decode(b"\xFF\xFEa\x00b\x00", &mut d), "ab");
        assert_eq!(decode(b"\xFE\xFF\x00a\x00b", &mut d), "ab");
    }
}
