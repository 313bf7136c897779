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

/// `value` written as pretty JSON (serde_json's layout) as it stands `levels` deep in an enclosing
/// pretty-printed value: each line after the first is indented by two spaces more per level, with
/// the escapes above if `terminal`.
///
/// The same bytes as [`to_writer_pretty`] with `2 * levels` spaces written after each of its line
/// breaks (a JSON string escapes its own line breaks, so every one is the printer's), without a
/// second pass over them.
pub fn to_writer_pretty_nested<W: io::Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
    terminal: bool,
    levels: usize,
) -> serde_json::Result<()> {
    let formatter = Escaping {
        inner: Pretty {
            level: levels,
            has_value: false,
        },
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

/// serde_json's `PrettyFormatter` (two spaces a level), starting at `level`, which writes each
/// line break and the indentation after it at once: the pretty printer writes the two spaces of
/// each level one by one, and fields are many and short.
struct Pretty {
    /// How deep the value being written is, counting the levels it started at.
    level: usize,
    /// Whether the array or object being written has a value yet.
    has_value: bool,
}

impl Pretty {
    /// A line break (after a comma unless `first`) and the indentation of the current level.
    fn line_break<W: ?Sized + io::Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        // `,\n` and the spaces of 32 levels; a deeper value writes the rest 64 spaces at a time.
        const BREAK: [u8; 66] = {
            let mut bytes = [b' '; 66];
            bytes[0] = b',';
            bytes[1] = b'\n';
            bytes
        };
        let from = usize::from(first);
        let mut spaces = 2 * self.level;
        let now = spaces.min(BREAK.len() - 2);
        writer.write_all(BREAK.get(from..2 + now).unwrap_or_default())?;
        spaces -= now;
        while spaces > 0 {
            let now = spaces.min(BREAK.len() - 2);
            writer.write_all(BREAK.get(2..2 + now).unwrap_or_default())?;
            spaces -= now;
        }
        Ok(())
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line_break(writer, true)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line_break(writer, true)?;
        }
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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
    fn nested_is_the_pretty_layout_moved_in() {
        let deep = (0..40).fold(serde_json::json!("x\ny"), |v, _| serde_json::json!([v, {}]));
        let value =
            serde_json::json!({ "a": [1, {"b": "é", "c": [], "d": {}}], "e": null, "f": deep });
        let plain = pretty(&value);
        for levels in [0, 1, 2, 40] {
            let mut out = Vec::new();
            to_writer_pretty_nested(&mut out, &value, true, levels).expect("writing to memory");
            let moved_in = plain.replace('\n', &format!("\n{}", "  ".repeat(levels)));
            assert_eq!(String::from_utf8(out).expect("UTF-8"), moved_in, "{levels}");
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
