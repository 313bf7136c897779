//! JSON whose strings are safe to print: serde_json escapes the C0 controls, as JSON requires,
//! and this formatter escapes DEL (U+007F), the C1 controls (U+0080 to U+009F; a terminal may
//! read U+009B as ESC `[`) and the bidirectional embeddings, overrides and isolates (U+202A to
//! U+202E, U+2066 to U+2069, which reorder what a terminal shows after them) as `\u` escapes too.
//! `dateline parse` prints JSON to the terminal by default, and a page's text is in it; the
//! decoded strings are the same, so a program reading the JSON sees the page's text exactly.
//!
//! Only for a terminal (`terminal`): a file or a pipe gets serde_json's bytes, as a second
//! look at every string costs about 2.5% of reading a page.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

/// `value` written as pretty JSON (serde_json's layout), with the escapes above if `terminal`.
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
    terminal: bool,
) -> serde_json::Result<()> {
    let formatter = Escaping {
        inner: PrettyFormatter::new(),
        on: terminal,
    };
    let mut serializer = Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer)
}

/// `value` written as compact JSON (one line), with the escapes above if `terminal`.
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
    terminal: bool,
) -> serde_json::Result<()> {
    let formatter = Escaping {
        inner: CompactFormatter,
        on: terminal,
    };
    let mut serializer = Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer)
}

/// A formatter that writes what `inner` writes, but for the characters above in strings when
/// `on`.
struct Escaping<F> {
    inner: F,
    on: bool,
}

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // One walk over the bytes, which skips runs of ASCII and decodes nothing: most
        // fragments are short (a field's value), where a vectorised search costs more than it
        // saves, and text beyond ASCII is mostly other characters (curly quotes share 0xE2 with
        // the controls sought).
        if !self.on || (fragment.is_ascii() && !fragment.contains('\u{7f}')) {
            return writer.write_all(fragment.as_bytes());
        }
        let bytes = fragment.as_bytes();
        let mut start = 0;
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            // Sixteen bytes below DEL at a time (`b + 1 < 0x80`; UTF-8 holds no 0xFF to wrap).
            if let Some(run) = bytes.get(at..at + 16)
                && run.iter().fold(0, |seen, b| seen | b.wrapping_add(1)) < 0x80
            {
                at += 16;
                continue;
            }
            if byte < 0x7f {
                at += 1;
                continue;
            }
            let len = match (byte, bytes.get(at + 1), bytes.get(at + 2)) {
                (0x7f, _, _) => 1,
                // U+0080 to U+009F.
                (0xc2, Some(0x80..=0x9f), _) => 2,
                // U+202A to U+202E, U+2066 to U+2069.
                (0xe2, Some(0x80), Some(0xaa..=0xae)) | (0xe2, Some(0x81), Some(0xa6..=0xa9)) => 3,
                _ => {
                    at += 1;
                    continue;
                }
            };
            let c = fragment.get(at..).and_then(|t| t.chars().next());
            writer.write_all(bytes.get(start..at).unwrap_or_default())?;
            if let Some(c) = c {
                write!(writer, "\\u{:04x}", u32::from(c))?;
            }
            at += len;
            start = at;
        }
        writer.write_all(bytes.get(start..).unwrap_or_default())
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        to_writer_pretty(&mut out, value, true).expect("writing to memory");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    #[test]
    fn del_c1_and_bidi_controls_are_escaped_and_read_back_the_same() {
        let text = "a\u{7f}b\u{9b}2Jc\u{202e}txt.exe\u{2066}d e\u{1b}]0;t\u{7}";
        let value = serde_json::json!({ "headline": text, "list": [text] });
        let json = pretty(&value);
        for raw in [
            '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{1b}', '\u{7}',
        ] {
            assert!(!json.contains(raw), "{raw:?} raw in {json}");
        }
        assert!(json.contains(r"a\u007fb\u009b2Jc\u202etxt.exe\u2066d e\u001b]0;t\u0007"));
        let back: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn exactly_del_the_c1_and_the_bidi_controls_are_escaped_beyond_json() {
        let sought = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        // (The quote and the backslash are serde_json's to escape, and stand in the JSON anyway.)
        let chars = ('\u{20}'..='\u{3000}').chain(['\u{1f600}', '\u{10ffff}']);
        for c in chars.filter(|c| !matches!(c, '"' | '\\')) {
            let text = format!("a{c}b");
            let mut out = Vec::new();
            to_writer(&mut out, &text, true).expect("writing to memory");
            let json = String::from_utf8(out).expect("UTF-8");
            let raw = json.contains(c);
            assert_eq!(raw, !sought(c), "{c:?} in {json}");
            let back: String = serde_json::from_str(&json).expect("valid JSON");
            assert_eq!(back, text);
        }
    }

    #[test]
    fn the_layout_is_serde_jsons_own() {
        let value = serde_json::json!({ "a": [1, {"b": "é ü — ‘x’ \u{200f}"}], "c": null });
        assert_eq!(
            pretty(&value),
            serde_json::to_string_pretty(&value).expect("serialising")
        );
        let mut compact = Vec::new();
        to_writer(&mut compact, &value, true).expect("writing to memory");
        assert_eq!(
            String::from_utf8(compact).expect("UTF-8"),
            serde_json::to_string(&value).expect("serialising")
        );
    }
}
