//! Character references (`&rsquo;`, `&#8217;`, `&#x2019;`) in strings that no HTML parser saw: the
//! text of JSON-LD values, which sites often fill with escaped HTML.
//!
//! The names and what they stand for are html5ever's own table (`html5ever::data::NAMED_ENTITIES`,
//! all 2,231 names of the HTML standard), so a string decodes as the page's own text does. What is
//! written here is only the walk over the string, as the tokenizer's walk is tied to its input queue:
//! the longest name that matches wins (`&notin;` before `&not`); numeric references follow the
//! standard (no digits: kept; zero, surrogates and past U+10FFFF: U+FFFD; 0x80-0x9F: Windows-1252);
//! a name the table does not know is kept as written. A legacy name written without its `;`
//! (`&amp`, `&copy`) is decoded only where the standard decodes it inside an attribute value: not
//! before a letter, a digit or `=`, so a URL's `?a=1&copy=2` stays as written.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use std::borrow::Cow;

/// Decodes the character references in `s`; anything that is not one is kept as written.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = if after.starts_with('#') {
            numeric(after)
        } else {
            named(after)
        };
        match decoded {
            Some((chars, len)) => {
                out.extend(chars.into_iter().flatten());
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character reference that `after` (the text after a `&`) opens: what it stands for and
/// how many bytes of `after` it takes; `None` when it is none.
pub(crate) fn decode_at(after: &str) -> Option<Decoded> {
    if after.starts_with('#') {
        numeric(after)
    } else {
        named(after)
    }
}

/// What a reference stands for (one or two characters) and how many bytes after the `&` it took.
pub(crate) type Decoded = ([Option<char>; 2], usize);

/// `#123;`, `#x7B;` (the `;` may be missing, as the standard allows).
fn numeric(after: &str) -> Option<Decoded> {
    let body = &after[1..];
    let (radix, digits_at) = match body.as_bytes().first() {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let digits = &after[digits_at..];
    let count = digits
        .bytes()
        .take_while(|b| char::from(*b).is_digit(radix))
        .count();
    if count == 0 {
        return None;
    }
    let value = digits[..count]
        .chars()
        .filter_map(|c| c.to_digit(radix))
        .try_fold(0u32, |n, d| n.checked_mul(radix)?.checked_add(d));
    let c = match value {
        None => '\u{fffd}',
        Some(0 | 0xD800..=0xDFFF) => '\u{fffd}',
        Some(n @ 0x80..=0x9F) => usize::try_from(n - 0x80)
            .ok()
            .and_then(|i| C1_REPLACEMENTS.get(i).copied().flatten())
            .or_else(|| char::from_u32(n))
            .unwrap_or('\u{fffd}'),
        Some(n) => char::from_u32(n).unwrap_or('\u{fffd}'),
    };
    let mut len = digits_at + count;
    if digits[count..].starts_with(';') {
        len += 1;
    }
    Some(([Some(c), None], len))
}

/// `rsquo;`, `notin;`, legacy `amp`: the longest name in the table that the text starts with.
fn named(after: &str) -> Option<Decoded> {
    let mut best = None;
    // The table holds every prefix of every name (mapped to zero), so the walk stops at the first
    // character no name continues with; no name is longer than 32 bytes.
    for (i, c) in after.char_indices() {
        let key = &after[..i + c.len_utf8()];
        let Some(&(first, second)) = NAMED_ENTITIES.get(key) else {
            break;
        };
        if first != 0 {
            best = Some((key.len(), first, second));
        }
    }
    let (len, first, second) = best?;
    let legacy = !after[..len].ends_with(';');
    if legacy
        && after[len..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '=')
    {
        return None;
    }
    let chars = [
        char::from_u32(first),
        char::from_u32(second).filter(|_| second != 0),
    ];
    Some((chars, len))
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    #[test]
    fn the_whole_table_is_known() {
        assert_eq!(
            decode_entities("It&rsquo;s &eacute;t&eacute; &mdash; it&#8217;s &#x2019; &hellip;"),
            "It\u{2019}s \u{e9}t\u{e9} \u{2014} it\u{2019}s \u{2019} \u{2026}"
        );
        // Two characters for one name.
        assert_eq!(decode_entities("&NotEqualTilde;"), "\u{2242}\u{338}");
    }

    #[test]
    fn unknown_names_and_bare_ampersands_are_kept() {
        assert_eq!(
            decode_entities("a&#39;b &#x2B;05:30 &amp; &bogus; & &foo; AT&T &#; &#x;"),
            "a'b +05:30 & &bogus; & &foo; AT&T &#; &#x;"
        );
    }

    #[test]
    fn the_longest_name_wins_and_legacy_names_need_no_semicolon_only_where_allowed() {
        assert_eq!(
            decode_entities("&notin; &not; &noti"),
            "\u{2209} \u{ac} &noti"
        );
        assert_eq!(
            decode_entities("&amp &copy 2020, &lt."),
            "& \u{a9} 2020, <."
        );
        assert_eq!(
            decode_entities("?a=1&copy=2&amp=3&lt1"),
            "?a=1&copy=2&amp=3&lt1"
        );
        // A name with no legacy form needs its `;`.
        assert_eq!(decode_entities("&rsquo &mdash"), "&rsquo &mdash");
    }

    #[test]
    fn numeric_references_follow_the_standard() {
        assert_eq!(
            decode_entities("&#0;&#xD800;&#x110000;&#99999999999;"),
            "\u{fffd}".repeat(4)
        );
        assert_eq!(
            decode_entities("&#150;&#x80;&#129;"),
            "\u{2013}\u{20ac}\u{81}"
        );
        assert_eq!(decode_entities("&#8217 &#X2019;"), "\u{2019} \u{2019}");
    }
}
