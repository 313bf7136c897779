//! The encoding an HTML page declares in its head: the HTML standard's "prescan a byte stream to
//! determine its encoding" (§13.2.3.2), over the first 1024 bytes, as browsers run it before they
//! parse.
//!
//! Written by hand: `encoding_rs` maps a label to an encoding but leaves finding the label to the
//! HTML parser, `chardetng` guesses from the bytes alone, and `html5ever` parses text that is
//! already decoded; no maintained crate we know of runs the prescan on bytes. It is a small, fully
//! specified state machine over ASCII, so it is kept close to the standard's steps, which its
//! comments name.

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the prescan reads, as browsers do.
const PRESCAN_BYTES: usize = 1024;

/// What the page's head declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Declared {
    /// The encoding the label names, after the prescan's own mappings (UTF-16 is read as UTF-8,
    /// `x-user-defined` as windows-1252).
    pub(crate) encoding: &'static Encoding,
    /// Whether it was said by `<meta charset>` (or else by `http-equiv="content-type"`).
    pub(crate) by_charset: bool,
}

/// The encoding the first 1024 bytes declare in a `<meta charset>` or a `<meta http-equiv=
/// "content-type" content="...; charset=...">`, if any names one that `encoding_rs` knows.
/// A label that maps to the `replacement` encoding is given as such: the caller decides.
pub(crate) fn declared(bytes: &[u8]) -> Option<Declared> {
    let input = bytes.get(..bytes.len().min(PRESCAN_BYTES)).unwrap_or(bytes);
    let mut scan = Scan { input, pos: 0 };
    while scan.pos < input.len() {
        let rest = scan.rest();
        if rest.starts_with(b"<!--") {
            // The first `>` preceded by two `-` after the `<` (so `<!-->` ends at once).
            let after = scan.pos + 2;
            match find_comment_end(input, after) {
                Some(end) => scan.pos = end + 1,
                None => return None,
            }
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|b| is_space(*b) || *b == b'/')
        {
            scan.pos += 5;
            if let Some(found) = scan.meta() {
                return Some(found);
            }
            scan.pos += 1;
        } else if rest.first() == Some(&b'<')
            && (rest.get(1).is_some_and(u8::is_ascii_alphabetic)
                || (rest.get(1) == Some(&b'/') && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            // Another tag: its name, then its attributes, skipped one by one so a `>` inside a
            // quoted value does not end it.
            while scan.pos < input.len() && !is_space(input[scan.pos]) && input[scan.pos] != b'>' {
                scan.pos += 1;
            }
            while scan.attribute()?.is_some() {}
            scan.pos += 1;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            match memchr::memchr(b'>', rest) {
                Some(end) => scan.pos += end + 1,
                None => return None,
            }
        } else {
            scan.pos += 1;
        }
    }
    None
}

struct Scan<'a> {
    input: &'a [u8],
    pos: usize,
}

impl Scan<'_> {
    fn rest(&self) -> &[u8] {
        self.input.get(self.pos..).unwrap_or_default()
    }

    fn byte(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    /// The attributes of a `<meta` tag, and what they declare when they are a declaration.
    fn meta(&mut self) -> Option<Declared> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let mut got_pragma = false;
        // None: no declaration yet; Some(true): a `content` one, which needs the pragma.
        let mut need_pragma: Option<bool> = None;
        let mut charset: Option<&'static Encoding> = None;
        // The end of the input inside the tag ends the prescan with no answer.
        while let Some((name, value)) = self.attribute().flatten() {
            if seen.contains(&name) {
                continue;
            }
            match name.as_slice() {
                b"http-equiv" => got_pragma |= value == b"content-type",
                b"content" if charset.is_none() => {
                    if let Some(found) = charset_in_content(&value) {
                        charset = Some(found);
                        need_pragma = Some(true);
                    }
                }
                b"charset" => {
                    charset = Encoding::for_label(&value);
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(name);
        }
        let by_charset = match need_pragma {
            None => return None,
            Some(true) if !got_pragma => return None,
            Some(need) => !need,
        };
        let encoding = charset?;
        let encoding = if encoding == UTF_16BE || encoding == UTF_16LE {
            UTF_8
        } else if encoding == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            encoding
        };
        Some(Declared {
            encoding,
            by_charset,
        })
    }

    /// The standard's "get an attribute": `Ok(None)` when the tag ends, `None` (through `?`) when
    /// the input ends first.
    #[allow(clippy::option_option)]
    fn attribute(&mut self) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
        while self.byte().is_some_and(|b| is_space(b) || b == b'/') {
            self.pos += 1;
        }
        if self.byte()? == b'>' {
            return Some(None);
        }
        let mut name = Vec::new();
        let mut value = Vec::new();
        // The name.
        loop {
            let b = self.byte()?;
            if b == b'=' && !name.is_empty() {
                self.pos += 1;
                break;
            }
            if is_space(b) {
                // Spaces, then `=` or the end of this attribute.
                while self.byte().is_some_and(is_space) {
                    self.pos += 1;
                }
                if self.byte()? != b'=' {
                    return Some(Some((name, value)));
                }
                self.pos += 1;
                break;
            }
            if b == b'/' || b == b'>' {
                return Some(Some((name, value)));
            }
            name.push(b.to_ascii_lowercase());
            self.pos += 1;
        }
        // The value.
        while self.byte().is_some_and(is_space) {
            self.pos += 1;
        }
        let first = self.byte()?;
        if first == b'"' || first == b'\'' {
            self.pos += 1;
            loop {
                let b = self.byte()?;
                self.pos += 1;
                if b == first {
                    return Some(Some((name, value)));
                }
                value.push(b.to_ascii_lowercase());
            }
        }
        if first == b'>' {
            return Some(Some((name, value)));
        }
        loop {
            let b = self.byte()?;
            if is_space(b) || b == b'>' {
                return Some(Some((name, value)));
            }
            value.push(b.to_ascii_lowercase());
            self.pos += 1;
        }
    }
}

/// The standard's "extract a character encoding from a meta element", on a `content` value.
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        let rest = content.get(pos..)?;
        let at = rest
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        pos += at + 7;
        while content.get(pos).is_some_and(|b| is_space(*b)) {
            pos += 1;
        }
        if content.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while content.get(pos).is_some_and(|b| is_space(*b)) {
            pos += 1;
        }
        let rest = content.get(pos..)?;
        return match rest.first()? {
            quote @ (b'"' | b'\'') => {
                let inner = rest.get(1..)?;
                let end = memchr::memchr(*quote, inner)?;
                Encoding::for_label(inner.get(..end)?)
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|b| is_space(*b) || *b == b';')
                    .unwrap_or(rest.len());
                Encoding::for_label(rest.get(..end)?)
            }
        };
    }
}

fn find_comment_end(input: &[u8], from: usize) -> Option<usize> {
    let mut i = from + 2;
    while i < input.len() {
        if input[i] == b'>' && input.get(i - 2..i) == Some(b"--") {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Whether a declared encoding cannot be used to read a page: the `replacement` encoding, which
/// the Encoding Standard gives labels such as `iso-2022-kr` so that their pages read as one U+FFFD.
pub(crate) fn is_unusable(encoding: &'static Encoding) -> bool {
    encoding == REPLACEMENT
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{EUC_KR, ISO_8859_2, SHIFT_JIS};

    fn name(bytes: &[u8]) -> Option<&'static str> {
        declared(bytes).map(|d| d.encoding.name())
    }

    #[test]
    fn meta_charset_and_http_equiv_are_found() {
        assert_eq!(
            declared(b"<!doctype html><html><head><meta charset=\"shift_jis\">"),
            Some(Declared {
                encoding: SHIFT_JIS,
                by_charset: true
            })
        );
        assert_eq!(
            declared(
                b"<html><HEAD><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=EUC-KR'>"
            ),
            Some(Declared {
                encoding: EUC_KR,
                by_charset: false
            })
        );
        assert_eq!(
            name(b"<meta charset=\"ISO-8859-2\"/>"),
            Some(ISO_8859_2.name())
        );
        // Unquoted, a value runs to a space or `>`: the slash is part of it.
        assert_eq!(name(b"<meta charset=ISO-8859-2/>"), None);
        assert_eq!(
            name(b"<meta content=\"text/html; charset = 'latin1'\" http-equiv=content-type>"),
            Some("windows-1252")
        );
    }

    #[test]
    fn what_the_standard_maps_or_ignores() {
        // UTF-16 in a meta cannot be true of bytes that were read as ASCII to find it.
        assert_eq!(name(b"<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(name(b"<meta charset=x-user-defined>"), Some("windows-1252"));
        // A content declaration without the pragma declares nothing.
        assert_eq!(name(b"<meta content=\"text/html; charset=koi8-r\">"), None);
        // An unknown label, a comment, another tag's attribute, and past 1024 bytes.
        assert_eq!(name(b"<meta charset=klingon>"), None);
        assert_eq!(name(b"<!-- <meta charset=koi8-r> --><p>"), None);
        assert_eq!(name(b"<!--><meta charset=koi8-r>"), Some("KOI8-R"));
        assert_eq!(name(b"<a title='<meta charset=koi8-r>'>"), None);
        let mut late = vec![b' '; 1020];
        late.extend_from_slice(b"<meta charset=koi8-r>");
        assert_eq!(name(&late), None);
        // The first declaration wins; a second charset attribute is ignored.
        assert_eq!(
            name(b"<meta charset=koi8-r charset=big5><meta charset=gbk>"),
            Some("KOI8-R")
        );
        // Plain text, and text that ends inside a tag.
        assert_eq!(name(b"Storm live: the latest <3"), None);
        assert_eq!(name(b"<meta charset=\"koi8-r"), None);
        assert_eq!(
            name(b"<meta charset=iso-2022-kr>"),
            Some(REPLACEMENT.name())
        );
    }
}
