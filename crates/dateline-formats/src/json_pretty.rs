//! The `json` format's printer: serde_json's pretty layout, byte for byte, from a serializer that
//! writes into a `Vec<u8>` directly.
//!
//! serde_json looks at every byte of every string through its escape table and hands each run
//! between escapes to the formatter, and writes a value printed with `Display` (every time and
//! date of the timeline) one character at a time through that escaper. Here the next byte to
//! escape is found eight bytes at a time and the runs between are copied at once, with
//! serde_json's escapes; a time is printed into a buffer first and written as one string. On a
//! terminal every string, and everywhere every number, is written by serde_json itself
//! ([`crate::json_text`]), so those bytes are its own.
//! The layout (line breaks, two spaces a level, `[]` and `{}` when empty) is `PrettyFormatter`'s,
//! step for step; the tests compare the two on the sample timelines and on values of every shape.

use std::fmt::Write as _;

use serde::Serialize;
use serde::ser::{self, Impossible};

type Result<T> = serde_json::Result<T>;

/// `value` pretty-printed into `out` as it stands `level` levels deep in an enclosing
/// pretty-printed value (each line after the first moved in by two spaces a level), with the
/// escapes of [`crate::json_text`] if `terminal`.
pub(crate) fn to_vec_nested<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    terminal: bool,
    level: usize,
) -> Result<()> {
    let mut printer = Printer {
        out,
        level,
        has_value: false,
        terminal,
        text: String::new(),
    };
    value.serialize(&mut printer)
}

/// The serializer: what `serde_json::Serializer` with a `PrettyFormatter` keeps.
struct Printer<'a> {
    out: &'a mut Vec<u8>,
    /// How deep the value being written is.
    level: usize,
    /// Whether the array or object being written has a value yet (the pretty printer's flag).
    has_value: bool,
    /// Whether strings get the escapes of [`crate::json_text`] for a terminal.
    terminal: bool,
    /// Where a value printed with `Display` is put together, kept between values.
    text: String,
}

impl<'a> Printer<'a> {
    /// A line break (after a comma unless `first`) and the indentation of the current level.
    fn line_break(&mut self, first: bool) {
        if !first {
            self.out.push(b',');
        }
        self.out.push(b'\n');
        let spaces = 2 * self.level;
        self.out.resize(self.out.len() + spaces, b' ');
    }

    /// `[` or `{`: one level in.
    fn open(&mut self, bracket: u8) {
        self.level += 1;
        self.has_value = false;
        self.out.push(bracket);
    }

    /// `]` or `}`: one level out, on a line of its own after values.
    fn close(&mut self, bracket: u8) {
        self.level -= 1;
        if self.has_value {
            self.line_break(true);
        }
        self.out.push(bracket);
    }

    /// A string, as serde_json writes it: between quotes, with `"`, `\\` and the control
    /// characters escaped (`\n`, `\t`, `\r`, `\b`, `\f`, the others `\u00xx` in small letters),
    /// the runs between them copied as they are. On a terminal, serde_json with the escapes of
    /// [`crate::json_text`] writes it.
    fn string(&mut self, text: &str) -> Result<()> {
        if self.terminal {
            return crate::json_text::to_writer(&mut *self.out, text, true);
        }
        let bytes = text.as_bytes();
        self.out.reserve(bytes.len() + 2);
        self.out.push(b'"');
        let mut start = 0;
        while let Some(at) = next_escape(bytes, start) {
            self.out
                .extend_from_slice(bytes.get(start..at).unwrap_or_default());
            let byte = bytes.get(at).copied().unwrap_or_default();
            match byte {
                b'"' => self.out.extend_from_slice(b"\\\""),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                0x08 => self.out.extend_from_slice(b"\\b"),
                0x0c => self.out.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let hex = |n: u8| HEX.get(usize::from(n)).copied().unwrap_or(b'0');
                    self.out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        hex(byte >> 4),
                        hex(byte & 0xf),
                    ]);
                }
            }
            start = at + 1;
        }
        self.out
            .extend_from_slice(bytes.get(start..).unwrap_or_default());
        self.out.push(b'"');
        Ok(())
    }

    /// A scalar that serde_json writes alike in every layout (a number), written by it.
    fn scalar<T: Serialize>(&mut self, value: T) -> Result<()> {
        serde_json::to_writer(&mut *self.out, &value)
    }

    /// `{"variant": ` of an enum's variant with content.
    fn open_variant(&mut self, variant: &str) -> Result<()> {
        self.open(b'{');
        self.line_break(true);
        self.string(variant)?;
        self.out.extend_from_slice(b": ");
        Ok(())
    }

    /// An array (`[`) or an object (`{`) of `len` items.
    fn compound<'p>(&'p mut self, bracket: u8, len: Option<usize>) -> Compound<'p, 'a> {
        self.open(bracket);
        let state = if len == Some(0) {
            self.close(if bracket == b'[' { b']' } else { b'}' });
            State::Empty
        } else {
            State::First
        };
        Compound {
            printer: self,
            state,
        }
    }
}

/// Where the first byte of `bytes` at or after `from` is that a JSON string escapes: a control
/// character, `"` or `\\`.
///
/// Eight bytes at a time: with `ONES` a one in each byte and `TOP` each byte's top bit,
/// `(w - ONES * n) & !w & TOP` has the top bit of each byte of `w` below `n` (for `n` up to
/// 0x80), exactly up to the first such byte (above it a borrow may set more); a byte is `c`
/// where the same byte of `w ^ ONES * c` is below 1. So the lowest bit set of the three is the
/// first byte sought.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & TOP;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let found = below(w, 0x20)
            | below(w ^ (ONES * u64::from(b'"')), 1)
            | below(w ^ (ONES * u64::from(b'\\')), 1);
        if found != 0 {
            // Little-endian: the lowest bit is in the first byte.
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .map(|i| at + i)
}

/// Where an array or object is: empty (already closed), before its first item, or after one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// An array or an object being written.
struct Compound<'p, 'a> {
    printer: &'p mut Printer<'a>,
    state: State,
}

impl Compound<'_, '_> {
    /// What comes before an item: a line break, after a comma unless it is the first.
    fn item(&mut self) {
        self.printer.line_break(self.state == State::First);
        self.state = State::Rest;
    }

    /// An item of an array.
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.item();
        value.serialize(&mut *self.printer)?;
        self.printer.has_value = true;
        Ok(())
    }

    /// A field of an object, under a name.
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<()> {
        self.item();
        self.printer.string(key)?;
        self.value(value)
    }

    /// The value after a key.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.printer.out.extend_from_slice(b": ");
        value.serialize(&mut *self.printer)?;
        self.printer.has_value = true;
        Ok(())
    }

    /// The closing bracket, unless the array or object was closed when it was opened empty.
    fn close(&mut self, bracket: u8) {
        if self.state != State::Empty {
            self.printer.close(bracket);
        }
    }

    /// The end of an enum's variant's content (`]` or `}`), then of the object around it.
    fn close_variant(&mut self, bracket: u8) {
        self.close(bracket);
        self.printer.has_value = true;
        self.printer.close(b'}');
    }
}

impl<'p, 'a> ser::Serializer for &'p mut Printer<'a> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Compound<'p, 'a>;
    type SerializeTuple = Compound<'p, 'a>;
    type SerializeTupleStruct = Compound<'p, 'a>;
    type SerializeTupleVariant = Compound<'p, 'a>;
    type SerializeMap = Compound<'p, 'a>;
    type SerializeStruct = Compound<'p, 'a>;
    type SerializeStructVariant = Compound<'p, 'a>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_i16(self, v: i16) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_i32(self, v: i32) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_i64(self, v: i64) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_i128(self, v: i128) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_u8(self, v: u8) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_u16(self, v: u16) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_u32(self, v: u32) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_u64(self, v: u64) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_u128(self, v: u128) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_f32(self, v: f32) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_f64(self, v: f64) -> Result<()> {
        self.scalar(v)
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        self.string(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        // An array of numbers, as serde_json writes it in any layout but for its line breaks.
        let mut seq = self.compound(b'[', Some(v.len()));
        for byte in v {
            seq.element(byte)?;
        }
        seq.close(b']');
        Ok(())
    }

    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<()> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.open_variant(variant)?;
        value.serialize(&mut *self)?;
        self.has_value = true;
        self.close(b'}');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'p, 'a>> {
        Ok(self.compound(b'[', len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'p, 'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'p, 'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'p, 'a>> {
        self.open_variant(variant)?;
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'p, 'a>> {
        Ok(self.compound(b'{', len))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'p, 'a>> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'p, 'a>> {
        self.open_variant(variant)?;
        self.serialize_map(Some(len))
    }

    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<()> {
        // serde_json escapes each piece `Display` writes and writes them one after another; the
        // escapes are character by character, so escaping the pieces put together is the same.
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        let written = write!(text, "{value}");
        let result = match written {
            Ok(()) => self.string(&text),
            Err(_) => Err(ser::Error::custom("a value could not be printed")),
        };
        self.text = text;
        result
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    fn end(mut self) -> Result<()> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    fn end(mut self) -> Result<()> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    fn end(mut self) -> Result<()> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    fn end(mut self) -> Result<()> {
        self.close_variant(b']');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.item();
        key.serialize(MapKey(&mut *self.printer))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.value(value)
    }

    fn end(mut self) -> Result<()> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }

    fn end(mut self) -> Result<()> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }

    fn end(mut self) -> Result<()> {
        self.close_variant(b'}');
        Ok(())
    }
}

/// A map's key: a string, or what serde_json writes as one (a number or a boolean in quotes).
/// The timeline has no map; a key of another kind is serde_json's error.
struct MapKey<'p, 'a>(&'p mut Printer<'a>);

impl MapKey<'_, '_> {
    /// A number or a boolean, in quotes.
    fn quoted<T: Serialize>(self, value: T) -> Result<()> {
        self.0.out.push(b'"');
        self.0.scalar(value)?;
        self.0.out.push(b'"');
        Ok(())
    }
}

/// serde_json's error for a key that is no string.
fn key_must_be_a_string() -> serde_json::Error {
    ser::Error::custom("key must be a string")
}

impl ser::Serializer for MapKey<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Impossible<(), serde_json::Error>;
    type SerializeTuple = Impossible<(), serde_json::Error>;
    type SerializeTupleStruct = Impossible<(), serde_json::Error>;
    type SerializeTupleVariant = Impossible<(), serde_json::Error>;
    type SerializeMap = Impossible<(), serde_json::Error>;
    type SerializeStruct = Impossible<(), serde_json::Error>;
    type SerializeStructVariant = Impossible<(), serde_json::Error>;

    fn serialize_str(self, v: &str) -> Result<()> {
        self.0.string(v)
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.0.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.0.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_i8(self, v: i8) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_i16(self, v: i16) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_i32(self, v: i32) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_i64(self, v: i64) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_i128(self, v: i128) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_u8(self, v: u8) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_u16(self, v: u16) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_u32(self, v: u32) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_u64(self, v: u64) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_u128(self, v: u128) -> Result<()> {
        self.quoted(v)
    }

    fn serialize_f32(self, _v: f32) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_f64(self, _v: f64) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }

    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<()> {
        ser::Serializer::collect_str(&mut *self.0, value)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::json;

    use super::*;

    /// What serde_json's pretty printer writes for `value`, moved in by `level` levels.
    fn theirs<T: Serialize>(value: &T, terminal: bool, level: usize) -> String {
        let mut out = Vec::new();
        crate::json_text::to_writer_pretty(&mut out, value, terminal).expect("writing to memory");
        String::from_utf8(out)
            .expect("UTF-8")
            .replace('\n', &format!("\n{}", "  ".repeat(level)))
    }

    fn ours<T: Serialize>(value: &T, terminal: bool, level: usize) -> String {
        let mut out = Vec::new();
        to_vec_nested(&mut out, value, terminal, level).expect("writing to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { a: Option<f64>, b: Vec<u8> },
        Empty {},
        NoTuple(),
    }

    #[derive(Serialize)]
    struct Nothing {}

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Wrapper(String);

    #[derive(Serialize)]
    struct Pair(u8, char);

    #[derive(Serialize)]
    struct All {
        shapes: Vec<Shape>,
        nothing: Nothing,
        unit: Unit,
        wrapper: Wrapper,
        pair: Pair,
        tuple: (bool, (), Option<u8>),
        time: chrono::DateTime<chrono::FixedOffset>,
        floats: [f64; 5],
        small: f32,
        big: (i128, u128, i64, u64),
        keys: BTreeMap<String, Vec<BTreeMap<u32, bool>>>,
        bools: BTreeMap<bool, ()>,
        empty: Vec<Vec<u8>>,
        bytes: serde_bytes_like::Bytes,
    }

    /// `serialize_bytes`, which serde's derive never calls by itself.
    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);

        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    fn all() -> All {
        let mut keys = BTreeMap::new();
        keys.insert(
            "a \"quoted\"\tkey".to_owned(),
            vec![BTreeMap::from([(3, true), (40, false)]), BTreeMap::new()],
        );
        keys.insert(String::new(), Vec::new());
        All {
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(7),
                Shape::Tuple(-3, "x\ny".to_owned()),
                Shape::Struct {
                    a: Some(0.1),
                    b: vec![],
                },
                Shape::Struct {
                    a: None,
                    b: vec![1, 2],
                },
                Shape::Empty {},
                Shape::NoTuple(),
            ],
            nothing: Nothing {},
            unit: Unit,
            wrapper: Wrapper("wrapped".to_owned()),
            pair: Pair(255, '\u{202e}'),
            tuple: (true, (), None),
            time: chrono::DateTime::parse_from_rfc3339("2020-01-03T12:44:05.5+05:30")
                .expect("a time"),
            floats: [1.0, -0.0, 1e300, f64::NAN, f64::INFINITY],
            small: 0.3,
            big: (i128::MIN, u128::MAX, i64::MIN, u64::MAX),
            keys,
            bools: BTreeMap::from([(false, ()), (true, ())]),
            empty: vec![vec![], vec![]],
            bytes: serde_bytes_like::Bytes(vec![0, 9, 255]),
        }
    }

    #[test]
    fn the_bytes_are_serde_jsons_at_every_depth() {
        for terminal in [false, true] {
            for level in [0, 1, 2, 7] {
                assert_eq!(
                    ours(&all(), terminal, level),
                    theirs(&all(), terminal, level)
                );
            }
        }
    }

    #[test]
    fn strings_with_and_without_escapes() {
        let mut texts: Vec<String> = [
            "",
            "plain ASCII text that runs on for more than eight bytes",
            "é ü — ‘x’ 日本",
            "\u{7f}\u{9b}\u{202e}\u{2066}",
            "a\"b",
            "back\\slash",
            "tab\there",
            "\u{1f}",
            "twelve bytes\u{0}",
        ]
        .map(str::to_owned)
        .to_vec();
        // Each byte that needs an escape at each place of a word and of its tail.
        for at in 0..12 {
            for c in [
                '"', '\\', '\n', '\t', '\r', '\u{8}', '\u{c}', '\u{0}', '\u{1}', '\u{1f}',
                '\u{7f}', '\u{85}', '\u{202e}', ' ', '~', 'é',
            ] {
                let mut text: String = "abcdefghijk".chars().take(at).collect();
                text.push(c);
                text.push_str("lmnopq");
                texts.push(text.clone());
                // And a second one after it, in the same eight bytes or the next.
                text.push(c);
                text.push_str("\"r");
                texts.push(text);
            }
        }
        for text in &texts {
            for terminal in [false, true] {
                assert_eq!(
                    ours(text, terminal, 0),
                    theirs(text, terminal, 0),
                    "{text:?}"
                );
                let value = json!({ "k": [text, { text: text }] });
                assert_eq!(
                    ours(&value, terminal, 3),
                    theirs(&value, terminal, 3),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn a_key_that_is_no_string_is_an_error() {
        let map = BTreeMap::from([((1, 2), 3)]);
        let mut out = Vec::new();
        assert!(to_vec_nested(&mut out, &map, false, 0).is_err());
        assert!(serde_json::to_vec_pretty(&map).is_err());
    }
}
