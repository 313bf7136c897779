//! Text from pages made safe to print where a person reads it as dateline runs: warnings and
//! errors on standard error, `dateline explain`'s listing, `timeline --explain`'s report and
//! `dateline time`'s text. A page can hold escape sequences (`ESC ]0;title BEL` retitles the
//! window, `ESC [2J` clears the screen, others have rewritten what is shown or the clipboard), and
//! a terminal runs them when they are printed raw; here they are shown escaped instead, as
//! `\u{1b}]0;title\u{7}`.
//!
//! Escaped, one convention for all, in Rust's `\u{..}` form (lowercase hexadecimal), since it is
//! unambiguous and names the character (caret notation, `^[`, reads the same as the two
//! characters `^` and `[`, and has no form for the others):
//!
//! - the C0 controls but the tab (U+0000 to U+001F), DEL (U+007F) and the C1 controls (U+0080 to
//!   U+009F; a terminal may read U+009B as ESC `[`);
//! - the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069):
//!   they print nothing themselves but reorder what follows them on the line, so a warning's
//!   `path:line` or a listing's columns could be shown as something else (the "Trojan Source"
//!   spoofing, CVE-2021-42574). Text in right-to-left scripts does not need them to show
//!   correctly; the marks U+200E and U+200F, which do not reorder anything past themselves, stay.
//!
//! The tab stays: it only moves the cursor forward. A newline stays in a listing, whose lines are
//! the listing's own ([`text`]), and is escaped in what must stay on one line ([`line()`]), where a
//! carriage return could otherwise overwrite it.
//!
//! Always, not only when the output is a terminal: these outputs are for reading, a file of them
//! is read later with `cat` or `less -R` in a terminal all the same, and one input gives the same
//! bytes wherever they go. The formats are files for programs, and the formats' writers
//! neutralise control characters themselves (markdown, HTML and iCalendar drop them, CSV drops
//! them from its cells, JSON escapes the C0 controls as JSON requires, and DEL, the C1 and the
//! bidirectional controls as well, `dateline_formats::json_text`); `explain --format json` and
//! `time --format json` are written the same way, and keep a page's text exact.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is shown escaped ([`line()`] adds the newline).
fn unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let escaped = |c: char| unsafe_char(c) || (c == '\n' && !keep_newlines);
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` for one line of a terminal: every control character but the tab escaped, the newline
/// included, and the bidirectional controls.
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// `text` of several lines for a terminal: as [`line()`], but its newlines kept.
pub fn text(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_run() {
        assert_eq!(
            line("a \u{1b}]0;title\u{7} b \u{1b}[2J c"),
            "a \\u{1b}]0;title\\u{7} b \\u{1b}[2J c"
        );
        assert_eq!(
            line("\u{0}\u{7f}\u{85}\u{9b}\u{202e}\u{2066}\r\n"),
            "\\u{0}\\u{7f}\\u{85}\\u{9b}\\u{202e}\\u{2066}\\u{d}\\u{a}"
        );
        assert_eq!(text("one\r\ntwo\n"), "one\\u{d}\ntwo\n");
    }

    #[test]
    fn ordinary_text_is_left_as_it_is() {
        for ok in [
            "",
            "tab\there",
            "caf\u{e9} \u{2014} \u{201c}quoted\u{201d}",
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{200f}",
            "\u{a0}no-break \u{ad}soft hyphen",
            "C:\\path\\u{1b} stays as typed",
        ] {
            assert!(matches!(line(ok), Cow::Borrowed(_)), "{ok:?}");
        }
    }
}
