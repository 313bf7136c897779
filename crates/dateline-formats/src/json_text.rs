//! JSON whose strings are safe to print: serde_json escapes the C0 controls, as JSON requires,
//! and this formatter escapes DEL (U+007F), the C1 controls (U+0080 to U+009F; a terminal may
//! read U+009B as ESC `[`) and the bidirectional embeddings, overrides and isolates (U+202A to
//! U+202E, U+2066 to U+2069, which reorder what a terminal shows after them) as `\u` escapes too.
//! `dateline parse` prints JSON to the terminal by default, and a page's text is in it; the
//! decoded strings are the same, so a program reading the JSON sees the page's text exactly.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

/// `value` written as pretty JSON (serde_json's layout) with the escapes above.
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer = Serializer::with_formatter(out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// `value` written as compact JSON (one line) with the escapes above.
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    let mut serializer = Serializer::with_formatter(out, Escaping(CompactFormatter));
    value.serialize(&mut serializer)
}

/// A formatter that writes what `F` writes, but for the characters above in strings.
struct Escaping<F>(F);

/// Whether `c` is written as a `\u` escape (serde_json has escaped the C0 controls already).
fn escaped(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // The first byte of each such character in UTF-8: DEL itself, 0xC2 (U+0080 to U+00BF)
        // and 0xE2 (U+2000 to U+2FFF); a fragment without them, nearly every one, is written at
        // once.
        if memchr::memchr3(0x7f, 0xc2, 0xe2, fragment.as_bytes()).is_none() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if escaped(c) {
                writer.write_all(fragment.get(start..at).unwrap_or_default().as_bytes())?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        writer.write_all(fragment.get(start..).unwrap_or_default().as_bytes())
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        to_writer_pretty(&mut out, value).expect("writing to memory");
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
    fn the_layout_is_serde_jsons_own() {
        let value = serde_json::json!({ "a": [1, {"b": "é ü — ‘x’ \u{200f}"}], "c": null });
        assert_eq!(
            pretty(&value),
            serde_json::to_string_pretty(&value).expect("serialising")
        );
        let mut compact = Vec::new();
        to_writer(&mut compact, &value).expect("writing to memory");
        assert_eq!(
            String::from_utf8(compact).expect("UTF-8"),
            serde_json::to_string(&value).expect("serialising")
        );
    }
}
