//! A page's bytes to text: which encoding they are in, decided as a browser decides where it can,
//! and decoded one invalid sequence at a time, never by giving up on the whole page.
//!
//! The order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE); a file that is not text at all (an
//! image, an archive) is refused; UTF-16 without a byte order mark, by the zero byte beside nearly
//! every character of ASCII-heavy text; the encoding an HTML page declares in its head
//! ([`super::prescan`]); then the bytes themselves: valid UTF-8 is UTF-8, UTF-8 with a few invalid
//! sequences is UTF-8 with U+FFFD for each of them, and anything else is decoded in the encoding
//! `chardetng` (Firefox's detector) finds most likely. `encoding_rs` decodes every encoding.
//!
//! Every decision other than plain UTF-8 leaves a diagnostic that says which encoding was used and
//! why, so `dateline explain` and the warnings show it; invalid bytes are named by their lines.

use std::sync::LazyLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use dateline_model::{Diagnostic, Severity};
use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::prescan;

/// Decodes a page's bytes as the module documentation says, pushing what was decided. A file
/// that is not text at all (an image, an archive) gives an error and no text.
pub(crate) fn decode(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    if bytes.iter().all(u8::is_ascii_whitespace) {
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
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or_default();
        if encoding == UTF_8 {
            if refuse_binary(bytes, diagnostics) {
                return String::new();
            }
            return from_utf8(rest, None, diagnostics);
        }
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "utf-16",
            "the page is UTF-16 (it starts with a byte order mark); decoded to text",
        ));
        return decode_in(encoding, rest, diagnostics);
    }
    if let Some((what, todo)) = magic_kind(bytes) {
        diagnostics.push(not_a_page(what, todo));
        return String::new();
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "utf-16",
            format!(
                "the page is {} without a byte order mark (a zero byte beside nearly every \
                 character of its text); decoded to text",
                encoding.name()
            ),
        ));
        return decode_in(encoding, bytes, diagnostics);
    }
    if refuse_binary(bytes, diagnostics) {
        return String::new();
    }
    let declared = prescan::declared(bytes);
    if let Some(d) = declared {
        if prescan::is_unusable(d.encoding) {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "declared-encoding-ignored",
                "the page declares an encoding in its head that cannot be read safely (the \
                 Encoding Standard reads such pages as a single U+FFFD); its encoding was \
                 found from its bytes instead",
            ));
        } else if d.encoding != UTF_8 {
            return from_declared(bytes, d, diagnostics);
        }
    }
    from_utf8(bytes, declared.map(|d| d.encoding), diagnostics)
}

/// The page declares a legacy encoding: it is read in it, unless its bytes are UTF-8 with
/// characters beyond ASCII (all valid, or more valid characters than invalid sequences), which a
/// legacy encoding almost never gives by chance and which a copy re-saved by a browser or a tool
/// often is (it keeps the old declaration and writes UTF-8).
fn from_declared(
    bytes: &[u8],
    declared: prescan::Declared,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let how = if declared.by_charset {
        "<meta charset>"
    } else {
        "<meta http-equiv=\"content-type\">"
    };
    let name = declared.encoding.name();
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.is_ascii() {
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                "declared-encoding-ignored",
                format!(
                    "the page declares {name} ({how}), but its bytes are valid UTF-8 beyond \
                     ASCII, as a copy saved again by a browser or a tool often is; read as UTF-8"
                ),
            ));
            return from_utf8(bytes, Some(UTF_8), diagnostics);
        }
        if declared.encoding.is_ascii_compatible() {
            // Pure ASCII reads the same in every such encoding: nothing to say.
            return text.to_owned();
        }
    } else {
        let tally = Utf8Tally::of(bytes);
        if tally.multibyte > tally.invalid {
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                "declared-encoding-ignored",
                format!(
                    "the page declares {name} ({how}), but its bytes are UTF-8 ({} characters \
                     beyond ASCII, against {} invalid {}); read as UTF-8",
                    tally.multibyte,
                    tally.invalid,
                    if tally.invalid == 1 {
                        "sequence"
                    } else {
                        "sequences"
                    }
                ),
            ));
            return decode_in(UTF_8, bytes, diagnostics);
        }
    }
    diagnostics.push(Diagnostic::new(
        Severity::Info,
        "declared-encoding",
        format!("the page declares {name} ({how}) and was decoded as {name}"),
    ));
    decode_in(declared.encoding, bytes, diagnostics)
}

/// Bytes that have no other claim to an encoding, or claim UTF-8: UTF-8 if they are (with
/// mojibake repaired), UTF-8 with U+FFFD for each invalid sequence if they mostly are, or else
/// the encoding `chardetng` finds.
fn from_utf8(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        // Seven-bit text with escapes may be ISO-2022-JP, which only the detector tells.
        if declared.is_none() && text.is_ascii() && memchr::memchr(0x1B, bytes).is_some() {
            let guessed = guess(bytes);
            if guessed != UTF_8 && !guessed.is_ascii_compatible() {
                diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    "guessed-encoding",
                    format!(
                        "the page is seven-bit text with escape sequences, which read best as \
                         {} (guessed from its bytes); decoded so",
                        guessed.name()
                    ),
                ));
                return decode_in(guessed, bytes, diagnostics);
            }
        }
        if let Some((repaired, count, line)) = repair_mojibake(text) {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "mojibake-repaired",
                    format!(
                        "the page is UTF-8 that was once read as Windows-1252 and saved again \
                         (`Ã©` for `é`): all {count} of its non-ASCII sequences pair up so, from \
                         this line on, and were read back as the characters they were; if the \
                         accents now look wrong, save the page again from its source"
                    ),
                )
                .at_line(line),
            );
            return repaired;
        }
        return text.to_owned();
    }
    let tally = Utf8Tally::of(bytes);
    if tally.multibyte > tally.invalid {
        return decode_in(UTF_8, bytes, diagnostics);
    }
    let guessed = guess(bytes);
    let claim = if declared == Some(UTF_8) {
        "although it declares UTF-8"
    } else {
        "and declares no encoding"
    };
    let sequences = match tally.invalid {
        1 => "1 byte sequence from this line on is".to_owned(),
        n => format!("{n} byte sequences from this line on are"),
    };
    diagnostics.push(
        Diagnostic::new(
            Severity::Warning,
            "not-utf8",
            format!(
                "the page is not UTF-8 {claim}: {sequences} not UTF-8, and {} beyond ASCII \
                 {} UTF-8; it reads best as {} (guessed from its bytes) and was decoded so; if \
                 its accents look wrong, save it again as UTF-8",
                tally.multibyte,
                if tally.multibyte == 1 { "is" } else { "are" },
                guessed.name()
            ),
        )
        .at_line(line_of_offset(bytes, tally.first_invalid)),
    );
    decode_in(guessed, bytes, diagnostics)
}

/// What `chardetng` finds the bytes most likely to be, with no domain to go by.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

/// How far bytes are UTF-8: the characters beyond ASCII they encode rightly, the maximal
/// invalid sequences between them, and where the first of those starts.
#[derive(Debug, Default)]
struct Utf8Tally {
    multibyte: usize,
    invalid: usize,
    first_invalid: usize,
}

impl Utf8Tally {
    fn of(bytes: &[u8]) -> Self {
        let mut tally = Utf8Tally::default();
        let mut offset = 0;
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid();
            tally.multibyte += valid.bytes().filter(|b| *b >= 0xC0).count();
            if !chunk.invalid().is_empty() {
                if tally.invalid == 0 {
                    tally.first_invalid = offset + valid.len();
                }
                tally.invalid += 1;
            }
            offset += valid.len() + chunk.invalid().len();
        }
        tally
    }
}

/// Decodes with `encoding`, one U+FFFD for each malformed sequence (as the Encoding Standard
/// says), and a warning naming the lines that held them.
fn decode_in(
    encoding: &'static Encoding,
    bytes: &[u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = |decoder: &encoding_rs::Decoder, n: usize| {
        decoder
            .max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(n.saturating_mul(3))
    };
    let mut text = String::with_capacity(room(&decoder, bytes.len()));
    let mut rest = bytes;
    let mut lines = LineCounter::default();
    let mut bad_lines: Vec<u32> = Vec::new();
    let mut bad = 0usize;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(room(&decoder, rest.len()).max(4)),
            DecoderResult::Malformed(_, _) => {
                let line = lines.line_at_end(&text);
                if bad_lines.last() != Some(&line) {
                    bad_lines.push(line);
                }
                bad += 1;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if let Some(first) = bad_lines.first() {
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "invalid-bytes",
                format!(
                    "{} not valid {}, {}, each read as U+FFFD (\u{FFFD}); the rest of the page \
                     was read as {}; if those lines matter, save the page again from its source",
                    if bad == 1 {
                        "1 byte sequence was".to_owned()
                    } else {
                        format!("{bad} byte sequences were")
                    },
                    encoding.name(),
                    name_lines(&bad_lines),
                    encoding.name(),
                ),
            )
            .at_line(*first),
        );
    }
    text
}

/// "on line 4", "on lines 4, 9 and 12", "on lines 4, 9, 12, 30, 31 and 7 more lines".
fn name_lines(lines: &[u32]) -> String {
    const SHOWN: usize = 5;
    let list = |ls: &[u32]| ls.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    match lines {
        [one] => format!("on line {one}"),
        [some @ .., last] if lines.len() <= SHOWN => {
            format!("on lines {} and {last}", list(some))
        }
        _ => format!(
            "on lines {} and {} more lines",
            list(lines.get(..SHOWN).unwrap_or(lines)),
            lines.len() - SHOWN
        ),
    }
}

/// Counts lines as [`super::Page`] numbers them (CRLF, lone CR and LF each end one) over text that
/// grows, without counting a CRLF split between two looks twice.
#[derive(Debug)]
struct LineCounter {
    counted: usize,
    line: u32,
    after_cr: bool,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter {
            counted: 0,
            line: 1,
            after_cr: false,
        }
    }
}

impl LineCounter {
    /// The line that the end of `text` is on.
    fn line_at_end(&mut self, text: &str) -> u32 {
        for b in text.as_bytes().get(self.counted..).unwrap_or_default() {
            match b {
                b'\n' if self.after_cr => {}
                b'\n' | b'\r' => self.line = self.line.saturating_add(1),
                _ => {}
            }
            self.after_cr = *b == b'\r';
        }
        self.counted = text.len();
        self.line
    }
}

/// The line of the byte at `offset`, counted on the raw bytes (line ends are ASCII in every
/// encoding read here through this).
fn line_of_offset(bytes: &[u8], offset: usize) -> u32 {
    let mut counter = LineCounter::default();
    let before = bytes.get(..offset).unwrap_or(bytes);
    // The bytes before the first invalid sequence are valid UTF-8.
    counter.line_at_end(std::str::from_utf8(before).unwrap_or_default())
}

/// UTF-16 without a byte order mark, as Windows tools write it: in ASCII-heavy text, one byte of
/// nearly every two-byte unit is zero, and always the same one. Only taken when the start of the
/// page decodes cleanly to text with almost no control characters.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(8192) & !1)?;
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let encoding = if odd * 10 >= units && even * 20 <= odd {
        UTF_16LE
    } else if even * 10 >= units && odd * 20 <= even {
        UTF_16BE
    } else {
        return None;
    };
    // A high surrogate cut off by the end of the sample is not an error.
    let sample = match head.len().checked_sub(2).and_then(|i| head.get(i..)) {
        Some([a, b]) => {
            let last = if encoding == UTF_16LE {
                u16::from_le_bytes([*a, *b])
            } else {
                u16::from_be_bytes([*a, *b])
            };
            if (0xD800..0xDC00).contains(&last) && head.len() < bytes.len() {
                head.get(..head.len() - 2).unwrap_or(head)
            } else {
                head
            }
        }
        _ => head,
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(sample)?;
    let chars = text.chars().count();
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
        .count();
    (controls * 100 <= chars).then_some(encoding)
}

/// Text that is UTF-8 read as Windows-1252 and saved as UTF-8 again (`ForstÃ¦rket` for
/// `Forstærket`), repaired: only when every character of the text is in Windows-1252, its
/// Windows-1252 bytes are valid UTF-8, and they hold at least one sequence beyond ASCII, so the
/// repair makes real characters of every non-ASCII run and leaves none half-read. A text with
/// a single character that does not pair up (a real `é`, a `’`, a `✕`) is left as it is: a page
/// whose mojibake is mixed with real text cannot be told apart reliably.
///
/// Gives the repaired text, the number of sequences repaired and the line of the first.
fn repair_mojibake(text: &str) -> Option<(String, usize, u32)> {
    // Every mojibake of a UTF-8 lead byte is a character in U+00C2..=U+00F4, encoded in UTF-8 as
    // 0xC3 0x82..=0xB4: text without one cannot be mojibake (the usual case, found quickly).
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(0xC3, bytes)
        .any(|i| bytes.get(i + 1).is_some_and(|b| (0x82..=0xB4).contains(b)))
    {
        return None;
    }
    let mut pending = [0u8; 4];
    let (mut have, mut want) = (0usize, 0usize);
    let mut sequences = 0usize;
    let mut first = None;
    for (at, c) in text.char_indices() {
        let b = if c.is_ascii() {
            u8::try_from(c).ok()?
        } else {
            windows_1252_byte(c)?
        };
        if want == 0 {
            want = match b {
                0x00..=0x7F => continue,
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return None,
            };
            first.get_or_insert(at);
            pending[0] = b;
            have = 1;
        } else {
            *pending.get_mut(have)? = b;
            have += 1;
            if have == want {
                std::str::from_utf8(pending.get(..have)?).ok()?;
                sequences += 1;
                want = 0;
            }
        }
    }
    if want != 0 || sequences == 0 {
        return None;
    }
    let (repaired, _, unmappable) = WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let repaired = String::from_utf8(repaired.into_owned()).ok()?;
    let line = LineCounter::default().line_at_end(text.get(..first?)?);
    Some((repaired, sequences, line))
}

/// The Windows-1252 byte of a character beyond ASCII, as `encoding_rs` decodes that byte.
fn windows_1252_byte(c: char) -> Option<u8> {
    static HIGH: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
        (0x80..=0xFFu8)
            .filter_map(|b| {
                let bytes = [b];
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
                text.chars().next().map(|c| (c, b))
            })
            .collect()
    });
    HIGH.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b)
}

/// What a file that is not a page is, by its first bytes, and what to do about it.
fn magic_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
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
    magic
        .iter()
        .find(|(prefix, _, _)| bytes.starts_with(prefix))
        .map(|(_, what, todo)| (*what, *todo))
}

const SAVE: &str = "save the page as text (select all, copy, paste into a .txt file) or as HTML";

/// Refuses (with an error) a file that is not text: one of the known kinds, or one with many NUL
/// bytes (UTF-16, which has many, was taken before).
fn refuse_binary(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> bool {
    if let Some((what, todo)) = magic_kind(bytes) {
        diagnostics.push(not_a_page(what, todo));
        return true;
    }
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or_default();
    let nuls = head.iter().filter(|b| **b == 0).count();
    if nuls > 0 && nuls * 100 >= head.len() {
        diagnostics.push(not_a_page("binary data", SAVE));
        return true;
    }
    false
}

fn not_a_page(what: &str, todo: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "not-a-page",
        format!("the file is {what}, not a saved page, so nothing was read; {todo}"),
    )
}

#[cfg(test)]
mod tests;
