//! An event's headline: the post's own, else the first sentence of its text, else the page's title.

use std::ops::ControlFlow;

use dateline_model::{Document, Post};

/// Words that end with a full stop without ending a sentence: titles and common abbreviations.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Corp", "Cpl", "Dr", "Gen", "Gov", "Hon", "Insp",
    "Jr", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nos", "Prof", "Pte", "Rep", "Rev",
    "Sen", "Sgt", "Sr", "St", "Supt", "al", "approx", "cf", "etc", "vs",
];

/// Month abbreviations, which end a sentence unless a day number follows (`Jan. 4`).
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Characters that may close a sentence after its final mark: quotes and brackets.
const CLOSERS: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', ')', ']'];

/// Characters that may open a sentence before its first letter.
const OPENERS: &[char] = &['"', '\'', '\u{201c}', '\u{2018}', '\u{ab}', '(', '['];

/// The headline of the event built from `post`, at most `max_chars` characters long.
pub(crate) fn headline(post: &Post, doc: &Document, max_chars: usize) -> String {
    let own = post.headline.as_deref().map(collapse_whitespace);
    let chosen = own
        .filter(|h| !h.is_empty())
        .or_else(|| first_sentence(&post.text))
        .or_else(|| doc.title.as_deref().map(collapse_whitespace))
        .filter(|h| !h.is_empty());
    match chosen {
        Some(text) => shorten(&text, max_chars),
        None => format!("{}:{}", doc.path, post.cited_line()),
    }
}

/// The first sentence of the first paragraph of `text`, whitespace collapsed, or `None` when the
/// text is blank.
///
/// A full stop after a title (`Mr.`), an initial (`W.`), a dotted abbreviation (`U.S.`, `a.m.`) or a
/// month before a day (`Jan. 4`) does not end a sentence, and no mark does when the next word starts
/// in lower case (`"... a negotiation!" he said`). Decimal points never end one: they are inside a word.
pub(crate) fn first_sentence(text: &str) -> Option<String> {
    let (start, end) = first_sentence_span(text)?;
    Some(collapse_whitespace(
        text.get(start..end).unwrap_or_default(),
    ))
}

/// Where [`first_sentence`] is in `text`: from the start of its first word to the end of its
/// last, with only whitespace between its words and before it.
pub(crate) fn first_sentence_span(text: &str) -> Option<(usize, usize)> {
    let word = |(s, e): (usize, usize)| text.get(s..e).unwrap_or_default();
    let mut first: Option<usize> = None;
    let mut previous: Option<(usize, usize)> = None;
    let ended = for_each_paragraph_word(text, |w| {
        match previous {
            Some(p) if ends_sentence(word(p), Some(word(w))) => return ControlFlow::Break(p.1),
            Some(_) => {}
            None => first = Some(w.0),
        }
        previous = Some(w);
        ControlFlow::Continue(())
    });
    // With no end marked, the sentence runs to the paragraph's last word.
    let end = match ended {
        Some(end) => end,
        None => previous?.1,
    };
    Some((first?, end))
}

/// Calls `f` with the span of each word (run of non-whitespace) of the first paragraph of `text`
/// (the lines, as `str::lines` splits them, from the first non-blank one up to the next blank
/// one), until `f` breaks with a value, which is returned.
fn for_each_paragraph_word(
    text: &str,
    mut f: impl FnMut((usize, usize)) -> ControlFlow<usize>,
) -> Option<usize> {
    let mut started = false;
    let mut at = 0;
    for line in text.split('\n') {
        let base = at;
        at += line.len() + 1;
        if line.trim().is_empty() {
            if started {
                break;
            }
            continue;
        }
        started = true;
        let mut start = None;
        for (k, c) in line.char_indices() {
            match (start, c.is_whitespace()) {
                (None, false) => start = Some(k),
                (Some(s), true) => {
                    if let ControlFlow::Break(end) = f((base + s, base + k)) {
                        return Some(end);
                    }
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start
            && let ControlFlow::Break(end) = f((base + s, base + line.len()))
        {
            return Some(end);
        }
    }
    None
}

/// Whether `word` ends a sentence when `next` follows it.
fn ends_sentence(word: &str, next: Option<&str>) -> bool {
    let core = word.trim_end_matches(CLOSERS);
    let marked = if core.ends_with(['!', '?']) {
        true
    } else if core.ends_with("...") || core.ends_with('\u{2026}') {
        false
    } else if let Some(token) = core.strip_suffix('.') {
        let token = token.rsplit(OPENERS).next().unwrap_or(token);
        !is_abbreviation(token, next)
    } else {
        false
    };
    marked && next.is_none_or(starts_sentence)
}

/// Whether `token`, the text before a full stop, is an abbreviation rather than a sentence's end.
fn is_abbreviation(token: &str, next: Option<&str>) -> bool {
    if ABBREVIATIONS.contains(&token) {
        return true;
    }
    if MONTHS.contains(&token) {
        return next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
    }
    let mut chars = token.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        // An initial, as in "George W. Bush".
        return first.is_uppercase();
    }
    // Dotted abbreviations: "U.S", "e.g", "a.m", "Ph.D".
    token.contains('.')
        && token.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// Whether `word` can begin a sentence: an upper-case letter or a digit, after any opening quote.
fn starts_sentence(word: &str) -> bool {
    word.trim_start_matches(OPENERS)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// `text` with every run of whitespace (newlines included) turned into one space, trimmed.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to at most `max_chars` characters, at a word boundary where there is one, with an
/// ellipsis when anything was cut.
pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let budget = max_chars.saturating_sub(1);
    let cut = text
        .char_indices()
        .nth(budget)
        .map_or(text.len(), |(i, _)| i);
    let prefix = &text[..cut];
    // Cut at the last space, unless the cut already falls between words or the last space would
    // throw away more than half of what fits.
    let kept = if text[cut..].starts_with(char::is_whitespace) {
        prefix
    } else {
        match prefix.rfind(char::is_whitespace) {
            Some(space) if prefix[..space].chars().count() * 2 >= budget => &prefix[..space],
            _ => prefix,
        }
    };
    let kept = kept.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}')
    });
    format!("{kept}\u{2026}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> String {
        first_sentence(text).unwrap_or_default()
    }

    #[test]
    fn sentence_ends_at_a_full_stop_before_a_capital() {
        assert_eq!(
            first("One thing happened. Then another."),
            "One thing happened."
        );
        assert_eq!(first("Is it over? Nobody knows."), "Is it over?");
        assert_eq!(
            first("It rose 3.5 per cent. Markets fell."),
            "It rose 3.5 per cent."
        );
        assert_eq!(first("In 2019. The year before."), "In 2019.");
    }

    #[test]
    fn titles_initials_and_dotted_abbreviations_do_not_end_a_sentence() {
        assert_eq!(
            first("Mr. Pompeo spoke to Dr. Smith and Gen. Milley. Later, more."),
            "Mr. Pompeo spoke to Dr. Smith and Gen. Milley."
        );
        assert_eq!(
            first("The U.S. Embassy in Baghdad urged citizens to leave. It said so twice."),
            "The U.S. Embassy in Baghdad urged citizens to leave."
        );
        assert_eq!(
            first("George W. Bush said so. Fine."),
            "George W. Bush said so."
        );
        assert_eq!(
            first("At 3 p.m. ET the call ended. Then."),
            "At 3 p.m. ET the call ended."
        );
        assert_eq!(first("On Jan. 4 it began. After."), "On Jan. 4 it began.");
        assert_eq!(first("It ended in Jan. Then it began."), "It ended in Jan.");
        assert_eq!(
            first("(Mr. Trump spoke.) Then silence."),
            "(Mr. Trump spoke.)"
        );
    }

    #[test]
    fn a_mark_inside_a_quote_followed_by_lower_case_does_not_end_a_sentence() {
        assert_eq!(
            first("\"Iran never won a war, but never lost a negotiation!\" he said. More."),
            "\"Iran never won a war, but never lost a negotiation!\" he said."
        );
        assert_eq!(
            first("He said: \u{201c}Go.\u{201d} Then left."),
            "He said: \u{201c}Go.\u{201d}"
        );
        assert_eq!(
            first("Wait... What happened next. Later."),
            "Wait... What happened next."
        );
    }

    #[test]
    fn only_the_first_paragraph_counts_and_whitespace_collapses() {
        assert_eq!(
            first("\n\n  A line\nbroken  in two\n\nSecond paragraph."),
            "A line broken in two"
        );
        assert_eq!(first_sentence(" \n\t\n"), None);
    }

    /// `first_sentence` as it was written before it had a span: the words of the first
    /// paragraph, up to the first that ends a sentence, joined by spaces.
    fn first_sentence_by_words(text: &str) -> Option<String> {
        let paragraph: Vec<&str> = text
            .lines()
            .skip_while(|line| line.trim().is_empty())
            .take_while(|line| !line.trim().is_empty())
            .collect();
        let words: Vec<&str> = paragraph
            .iter()
            .flat_map(|line| line.split_whitespace())
            .collect();
        if words.is_empty() {
            return None;
        }
        let end = words
            .iter()
            .enumerate()
            .position(|(i, word)| ends_sentence(word, words.get(i + 1).copied()))
            .unwrap_or(words.len() - 1);
        Some(words[..=end].join(" "))
    }

    #[test]
    fn the_span_holds_the_first_sentence_and_only_whitespace_before_it() {
        for text in [
            "",
            " \n\t\n",
            "One thing happened. Then another.",
            "\n\n  A line\nbroken  in two\n\nSecond paragraph.",
            "\r\n  Mr. Pompeo spoke.\r\nThen\u{a0}more. \u{85}Yes.\r\n\r\nNo.",
            "Wait... What happened next. Later.",
            "last word",
            "a\n \nb. C.",
        ] {
            assert_eq!(
                first_sentence(text),
                first_sentence_by_words(text),
                "{text:?}"
            );
            if let Some((start, end)) = first_sentence_span(text) {
                assert!(text[..start].chars().all(char::is_whitespace), "{text:?}");
                assert!(text[end..].chars().next().is_none_or(char::is_whitespace));
            }
        }
    }

    #[test]
    fn shorten_cuts_at_a_word_with_an_ellipsis() {
        assert_eq!(shorten("short", 140), "short");
        assert_eq!(shorten("one two three four", 12), "one two\u{2026}");
        assert_eq!(shorten("one two, three four", 14), "one two\u{2026}");
        assert_eq!(shorten("abcdefghijklmnop", 6), "abcde\u{2026}");
        assert_eq!(shorten("one two three", 8), "one two\u{2026}");
        let long = "word ".repeat(100);
        let cut = shorten(long.trim(), 140);
        assert!(cut.chars().count() <= 140, "{cut}");
        assert!(cut.ends_with("word\u{2026}"));
        assert_eq!(
            shorten("\u{e9}\u{e9}\u{e9}\u{e9}", 3),
            "\u{e9}\u{e9}\u{2026}"
        );
    }
}
