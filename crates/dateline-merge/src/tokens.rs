//! One pass over a post's text: its words, the pieces its names are read from and its quotations,
//! found together.
//!
//! `text` has a reader for each ([`for_each_word`](crate::text::for_each_word),
//! [`for_each_token`](crate::text::for_each_token), [`for_each_quote`](crate::text::for_each_quote));
//! [`scan`] gives exactly what each of them gives, kind by kind and in the same order, from one
//! walk over the bytes, and a word made only of small ASCII letters and digits is handed out as a
//! slice of the text rather than copied. The tests hold it to the separate readers.

use crate::text::fold_char;

/// What [`scan`] finds. Each kind comes in text order; the kinds are interleaved.
pub(crate) trait Visitor {
    /// A normalised word (as `for_each_word` gives it), and where its raw form ends in the text:
    /// the byte of the character that ended it, or the text's length.
    fn word(&mut self, word: &str, end: usize);
    /// A piece between whitespace, hyphens and en dashes (as `for_each_token` gives it).
    fn token(&mut self, token: &str);
    /// The raw text of a quotation (as `for_each_quote` gives it).
    fn quote(&mut self, quote: &str);
}

/// Reusable buffers for [`scan`], so that a text costs no allocation once they have grown.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The word being read, when it is not a slice of the text.
    word: String,
    /// A word without its apostrophes.
    cleaned: String,
}

/// The word being read.
#[derive(Debug, Default, Clone, Copy)]
struct Open {
    /// Whether a word is open: it has at least one character.
    open: bool,
    /// Where the word's raw form starts.
    start: usize,
    /// Whether the word is `text[start..here]` as it stands (small ASCII letters and digits only);
    /// otherwise it is in [`Scratch::word`].
    plain: bool,
    /// Whether the word holds an apostrophe.
    quoted: bool,
}

/// How an ASCII byte takes part in a word.
const LOWER: u8 = 1;
const UPPER: u8 = 2;

/// [`LOWER`] for small ASCII letters and digits, [`UPPER`] for capitals, 0 for every other byte.
static CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    class
};

/// Reads `text` once and hands its words, tokens and quotations to `visitor`.
pub(crate) fn scan(text: &str, scratch: &mut Scratch, visitor: &mut impl Visitor) {
    let bytes = text.as_bytes();
    let mut word = Open::default();
    scratch.word.clear();
    let mut token_start = 0;
    let mut quote: Option<(usize, char)> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = CLASS.get(usize::from(b)).copied().unwrap_or(0);
        if class == LOWER {
            if !word.open {
                word = Open {
                    open: true,
                    start: i,
                    plain: true,
                    quoted: false,
                };
            } else if !word.plain {
                scratch.word.push(char::from(b));
            }
            i += 1;
            continue;
        }
        if class == UPPER {
            to_buffer(text, &mut word, scratch, i);
            scratch.word.push(char::from(b.to_ascii_lowercase()));
            i += 1;
            continue;
        }
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        // Tokens: split at whitespace, hyphens and en dashes.
        if c.is_whitespace() || c == '-' || c == '\u{2013}' {
            visitor.token(text.get(token_start..i).unwrap_or_default());
            token_start = i + len;
        }
        // Quotations: only straight double quotes, newlines and the typographic quotes matter.
        if matches!(
            c,
            '"' | '\n' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'
        ) {
            quote = quote_step(text, quote, c, i, i + len, visitor);
        }
        // Words.
        let folded = fold_char(c);
        if folded == '\'' {
            to_buffer(text, &mut word, scratch, i);
            scratch.word.push('\'');
            word.quoted = true;
        } else if !folded.is_ascii() && folded.is_alphanumeric() {
            to_buffer(text, &mut word, scratch, i);
            scratch.word.extend(folded.to_lowercase());
        } else if folded == ',' && last_is_digit(bytes, &word, scratch, i) {
            // "3,000" stays one number; the word is no longer a slice of the text.
            to_buffer(text, &mut word, scratch, i);
        } else {
            flush(text, &mut word, scratch, i, visitor);
        }
        i += len;
    }
    flush(text, &mut word, scratch, text.len(), visitor);
    visitor.token(text.get(token_start..).unwrap_or_default());
}

/// Makes the open word live in the buffer (starting one at `here` when none is open).
fn to_buffer(text: &str, word: &mut Open, scratch: &mut Scratch, here: usize) {
    if !word.open {
        *word = Open {
            open: true,
            start: here,
            plain: false,
            quoted: false,
        };
        scratch.word.clear();
    } else if word.plain {
        scratch.word.clear();
        scratch
            .word
            .push_str(text.get(word.start..here).unwrap_or_default());
        word.plain = false;
    }
}

/// Whether the open word ends with an ASCII digit.
fn last_is_digit(bytes: &[u8], word: &Open, scratch: &Scratch, here: usize) -> bool {
    if !word.open {
        return false;
    }
    let last = if word.plain {
        here.checked_sub(1).and_then(|k| bytes.get(k))
    } else {
        scratch.word.as_bytes().last()
    };
    last.is_some_and(u8::is_ascii_digit)
}

/// Ends the open word at `end` and hands it out, as `for_each_word` does: apostrophes at its
/// ends and a possessive `'s` dropped, then any apostrophe inside.
fn flush(
    text: &str,
    word: &mut Open,
    scratch: &mut Scratch,
    end: usize,
    visitor: &mut impl Visitor,
) {
    if !word.open {
        return;
    }
    let raw: &str = if word.plain {
        text.get(word.start..end).unwrap_or_default()
    } else {
        &scratch.word
    };
    if !word.quoted {
        visitor.word(raw, end);
    } else {
        let trimmed = raw.trim_matches('\'');
        let trimmed = trimmed.strip_suffix("'s").unwrap_or(trimmed);
        if trimmed.contains('\'') {
            scratch.cleaned.clear();
            scratch
                .cleaned
                .extend(trimmed.chars().filter(|c| *c != '\''));
            if !scratch.cleaned.is_empty() {
                visitor.word(&scratch.cleaned, end);
            }
        } else if !trimmed.is_empty() {
            visitor.word(trimmed, end);
        }
    }
    *word = Open::default();
    scratch.word.clear();
}

/// One step of the quotation reader at the mark `c` (from `at` to `after`), as
/// `for_each_quote` takes it: returns what is open after it.
fn quote_step(
    text: &str,
    open: Option<(usize, char)>,
    c: char,
    at: usize,
    after: usize,
    visitor: &mut impl Visitor,
) -> Option<(usize, char)> {
    let next = || text.get(after..).and_then(|rest| rest.chars().next());
    match (open, c) {
        (None, '"' | '\u{201c}') => Some((after, '"')),
        (None, '\u{2018}') => Some((after, '\'')),
        (Some((start, '"')), '"' | '\u{201d}') => {
            visitor.quote(text.get(start..at).unwrap_or_default());
            None
        }
        (Some((start, '\'')), '\u{2019}') => {
            let prev = text.get(..at).and_then(|before| before.chars().next_back());
            if prev.is_some_and(char::is_alphabetic) && next().is_some_and(char::is_alphabetic) {
                open
            } else {
                visitor.quote(text.get(start..at).unwrap_or_default());
                None
            }
        }
        (Some(_), '\n') if next() == Some('\n') => None,
        _ => open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;
    use proptest::prelude::*;

    #[derive(Debug, Default, PartialEq)]
    struct Found {
        words: Vec<(String, usize)>,
        tokens: Vec<String>,
        quotes: Vec<String>,
    }

    impl Visitor for Found {
        fn word(&mut self, word: &str, end: usize) {
            self.words.push((word.to_owned(), end));
        }
        fn token(&mut self, token: &str) {
            self.tokens.push(token.to_owned());
        }
        fn quote(&mut self, quote: &str) {
            self.quotes.push(quote.to_owned());
        }
    }

    /// Checks one pass against the separate readers; and each word's end against the words of
    /// the text up to it.
    fn same_as_the_separate_readers(text: &str) {
        let mut found = Found::default();
        scan(text, &mut Scratch::default(), &mut found);
        let words: Vec<String> = found.words.iter().map(|(w, _)| w.clone()).collect();
        assert_eq!(words, text::words(text), "words of {text:?}");
        let mut tokens = Vec::new();
        text::for_each_token(text, |t| tokens.push(t.to_owned()));
        assert_eq!(found.tokens, tokens, "tokens of {text:?}");
        let mut quotes = Vec::new();
        text::for_each_quote(text, |q| quotes.push(q.to_owned()));
        assert_eq!(found.quotes, quotes, "quotes of {text:?}");
        for (k, (_, end)) in found.words.iter().enumerate() {
            assert!(text.is_char_boundary(*end), "{text:?} {end}");
            let before = text::words(text.get(..*end).unwrap_or_default());
            assert_eq!(before, words[..=k], "words of {text:?} up to {end}");
        }
    }

    #[test]
    fn one_pass_finds_what_each_reader_finds() {
        for text in [
            "",
            "a",
            "Iran\u{2019}s Iran-backed militia: 3,000 troops!",
            "Trump wrote: \u{201c}Iran never won a war, but never lost a negotiation!\u{201d}",
            "\"IRAN never won a war but never lost a negotiation\" he said",
            "He said \u{2018}it\u{2019}s war, no doubt\u{2019} today",
            "\u{201c}never closed\n\nthen \u{2014} \"a b c\" \u{201c}x\"",
            "a  b-c\u{2013}d\te\u{a0}f\u{2014}g\u{b}h\u{c}i\r\nj\u{3000}k- ",
            "'tis the 'quoted' word's end'' '' ' x'",
            "1,2,,3, ,4 a,b 7,x \u{c9}COLE \u{df}tra\u{df}e \u{130}stanbul ABC,1",
            "caf\u{e9}'s na\u{ef}ve r\u{e9}sum\u{e9} \u{3b1}\u{3b2}\u{3b3} \u{661}\u{662}",
            "U.S. troops' base O'Neill's rock-'n'-roll",
            "\u{201c}\u{2018}nested\u{2019} quote\u{201d} and \u{2018}open",
        ] {
            same_as_the_separate_readers(text);
        }
    }

    proptest! {
        #[test]
        fn one_pass_agrees_on_any_text(
            text in "[aZ9 ,.'\"\n\t\u{b}\u{85}\u{a0}\u{e9}\u{c9}\u{130}\u{df}\u{2013}\u{2014}\u{2018}\u{2019}\u{201c}\u{201d}\u{2032}\u{ab}\u{661}-]{0,40}"
        ) {
            same_as_the_separate_readers(&text);
        }
    }
}
