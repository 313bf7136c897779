//! Whether a report's own sentence tells a time as past: the evidence a `before-own-text` check
//! needs before it says a report was stamped too early.
//!
//! A time a report's text gives after the report's stamp contradicts the stamp only when the text
//! says it has happened: "the drone struck at 1.12am local time on Friday". Most later times in
//! news text are no such thing: an announcement of what is to come ("the hearing will begin at 7
//! p.m. Sept. 9", "closing our doors at 10pm tonight"), reported plans ("he would be announcing
//! his plans at 1 p.m. Monday"), a stamp of the page's that the report's text runs into (an
//! update time, another story's entry in a list, a comment's time), or a headline of another
//! story. So the check asks for positive evidence, read from the sentence the time stands in:
//!
//! - the time stands in a sentence of running prose: one that ends as sentences end (`.`, `!`,
//!   `?`), with words of its own besides the time, not a line that is a stamp, a headline or a
//!   caption;
//! - the sentence has a verb in a past form (`was`, `said`, `struck`, a word in `-ed`), which a
//!   stamp's label (`Updated`, `Published`, `Posted`) is not;
//! - nothing in the sentence points ahead or away from a fact: no future or modal word (`will`,
//!   `would`, `'ll`, `could`, `may`), no plan (`scheduled`, `expected`, `set to`, `due to`,
//!   `going to`), no condition (`if`), no bound the time is a limit of (`until`, `till`, `from`,
//!   `by` just before it).
//!
//! These are English words: a report in another language gives no evidence here, and the check
//! stays silent on it rather than guess (a report read without a sure language is read as
//! English only when its sentence speaks it, through the same words).

use std::ops::Range;

/// The clue that a sentence tells its time as past: the verb that does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Past<'a> {
    /// The past form found, as printed (`struck`, `was`).
    pub(crate) verb: &'a str,
}

/// Words that are never evidence of a past event: the labels of a page's stamps.
const LABELS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "modified",
    "edited",
    "filed",
    "dated",
    "related",
    "based",
    "featured",
    "sponsored",
    "recommended",
    "trended",
];

/// Words in `-ed` that are not past forms.
const NOT_PAST: &[&str] = &[
    "bed", "red", "shed", "wed", "need", "needed", "seed", "feed", "weed", "speed", "breed",
    "greed", "deed", "heed", "reed", "steed", "hundred", "kindred", "sacred", "naked", "wicked",
    "rugged", "ragged", "beloved", "crooked", "learned", "aged", "ted", "fred", "ned", "med",
    "bled", "sled", "shred",
];

/// Past forms that do not end in `-ed`.
const IRREGULAR: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "made",
    "went",
    "came",
    "took",
    "gave",
    "found",
    "left",
    "met",
    "saw",
    "began",
    "fell",
    "rose",
    "shot",
    "struck",
    "held",
    "led",
    "sent",
    "spoke",
    "wrote",
    "ran",
    "won",
    "lost",
    "fled",
    "broke",
    "brought",
    "thought",
    "felt",
    "kept",
    "stood",
    "became",
    "got",
    "knew",
    "drove",
    "flew",
    "threw",
    "paid",
    "sold",
    "heard",
    "caught",
    "fought",
    "taught",
    "bought",
    "sought",
    "swore",
    "tore",
    "wore",
    "woke",
    "arose",
    "awoke",
    "blew",
    "chose",
    "drew",
    "forbade",
    "forgave",
    "froze",
    "grew",
    "hid",
    "lay",
    "laid",
    "lit",
    "meant",
    "rode",
    "rang",
    "sang",
    "sank",
    "slid",
    "slept",
    "spent",
    "stole",
    "stuck",
    "stung",
    "swam",
    "swept",
    "understood",
    "withdrew",
    "wasn't",
    "weren't",
    "hadn't",
    "didn't",
    "shook",
    "sank",
    "hit",
    "beat",
    "cut",
    "put",
    "set",
];

/// Words that point ahead, to a possibility or to a condition: a sentence with one tells no
/// past fact.
const AHEAD: &[&str] = &[
    "will",
    "would",
    "shall",
    "won't",
    "wouldn't",
    "could",
    "couldn't",
    "might",
    "may",
    "should",
    "must",
    "can",
    "cannot",
    "can't",
    "if",
    "unless",
    "tomorrow",
    "upcoming",
    "scheduled",
    "expected",
    "planned",
    "plans",
    "planning",
    "intends",
    "intend",
    "aims",
    "hopes",
    "until",
    "till",
    "ahead",
];

/// Words that, followed by `to`, make a plan of what comes after them (`set to`, `due to meet`).
const BEFORE_TO: &[&str] = &["set", "due", "going", "is", "are", "about", "poised"];

/// Words that make the time just after them a bound, not an event (`from midnight`, `by 5pm`).
const BOUNDS: &[&str] = &["from", "by", "before", "until", "till", "through"];

/// The least number of words a sentence needs besides its time to be running prose.
const MIN_WORDS: usize = 5;

/// The evidence that `text`'s sentence holding `span` tells a past event, or `None` when the
/// sentence gives none, or gives a reason to doubt it (see the module's essay).
pub(crate) fn past_sentence(text: &str, span: Range<usize>) -> Option<Past<'_>> {
    let before_span = text.get(..span.start)?;
    let after_span = text.get(span.end..)?;
    let start = sentence_start(before_span);
    let end = span.end + sentence_end(after_span)?;
    let head = text.get(start..span.start)?;
    let tail = text.get(span.end..end)?;
    let all: Vec<&str> = words(head).chain(words(tail)).collect();
    if all.len() < MIN_WORDS {
        return None;
    }
    if words(head)
        .last()
        .is_some_and(|w| BOUNDS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    let mut past = None;
    for (k, word) in all.iter().enumerate() {
        // `May` and `Will` are names and months as often as they are verbs.
        let lower = word.to_lowercase();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if AHEAD.contains(&lower.as_str()) && !(capitalised && (lower == "may" || lower == "will"))
        {
            return None;
        }
        if lower.ends_with("'ll") || lower.ends_with("\u{2019}ll") {
            return None;
        }
        if BEFORE_TO.contains(&lower.as_str())
            && all
                .get(k + 1)
                .is_some_and(|next| next.eq_ignore_ascii_case("to"))
        {
            return None;
        }
        if past.is_none() && is_past(&lower) {
            past = Some(*word);
        }
    }
    past.map(|verb| Past { verb })
}

/// Whether a lowercase word is a past form.
fn is_past(lower: &str) -> bool {
    if IRREGULAR.contains(&lower) {
        return true;
    }
    lower.len() >= 4
        && lower.ends_with("ed")
        && !lower.ends_with("eed")
        && lower.chars().all(|c| c.is_ascii_alphabetic())
        && !LABELS.contains(&lower)
        && !NOT_PAST.contains(&lower)
}

/// The words of a piece of text: runs of letters, digits and apostrophes.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "pres",
    "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "a.m", "p.m", "u.s", "u.k", "u.n", "no", "vs", "jr", "sr", "inc", "corp", "co", "ltd", "mt",
    "ft",
];

/// Where the sentence ending at the end of `text` starts: after the last line break, or the last
/// full stop, `!` or `?` that ends a sentence.
fn sentence_start(text: &str) -> usize {
    let line = text.rfind('\n').map_or(0, |i| i + 1);
    let mut start = line;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices().skip_while(|&(i, _)| i < line) {
        if matches!(c, '.' | '!' | '?')
            && bytes.get(i + 1).is_some_and(|b| *b == b' ')
            && !is_abbreviation(text.get(..i).unwrap_or(""))
        {
            start = i + 2;
        }
    }
    start
}

/// How far the sentence runs past the start of `text`, up to and with its closing punctuation;
/// `None` when the line ends (or the text does) before the sentence does, as a headline, a
/// stamp or a caption ends.
fn sentence_end(text: &str) -> Option<usize> {
    for (i, c) in text.char_indices() {
        match c {
            '\n' => return None,
            '.' | '!' | '?' => {
                let next = text.get(i + 1..).and_then(|rest| rest.chars().next());
                let ends = next.is_none_or(|n| n.is_whitespace() || is_closing(n));
                if ends && !(c == '.' && is_abbreviation(text.get(..i).unwrap_or(""))) {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Quotation marks and brackets that may close a sentence after its full stop.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'
    )
}

/// Whether `before` (the text up to a full stop) ends with an abbreviation or a single letter.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    word.chars().count() == 1 || ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The evidence for the time `time` in `text`, which must hold it.
    fn past<'a>(text: &'a str, time: &str) -> Option<&'a str> {
        let start = text.find(time)?;
        past_sentence(text, start..start + time.len()).map(|p| p.verb)
    }

    #[test]
    fn a_past_event_in_running_prose_is_evidence() {
        let text = "Officials said the drone struck the convoy at 1.12am local time on Friday.";
        assert_eq!(past(text, "at 1.12am local time on Friday"), Some("said"));
        let text = "The building collapsed at 3pm on Tuesday, killing two people.";
        assert_eq!(past(text, "at 3pm on Tuesday"), Some("collapsed"));
    }

    #[test]
    fn what_is_to_come_is_no_evidence() {
        for (text, time) in [
            (
                "The virtual hearing will begin at 7 p.m. Sept. 9. To attend, go online.",
                "at 7 p.m. Sept. 9",
            ),
            (
                "Day said he would be announcing his own plans at 1 p.m. Monday.",
                "at 1 p.m. Monday",
            ),
            (
                "Those issues and more will play out Wednesday night in Atlanta.",
                "Wednesday night",
            ),
            (
                "The pool announced it is closing its doors until further notice at 10pm tonight.",
                "at 10pm tonight",
            ),
            (
                "The bar said they'll be closing in-house service after tonight.",
                "tonight",
            ),
            (
                "The minister is set to meet union leaders on Friday evening, aides said.",
                "on Friday evening",
            ),
            (
                "The restrictions announced last week apply from midnight tonight.",
                "midnight tonight",
            ),
        ] {
            assert_eq!(past(text, time), None, "{text}");
        }
    }

    #[test]
    fn a_stamp_headline_or_short_line_is_no_sentence() {
        for (text, time) in [
            (
                "Europe\n\nMarch 7, 2024 · 11:32 AM UTC · ago\n\nInfections surged across Europe.",
                "March 7, 2024 · 11:32 AM UTC",
            ),
            (
                "Over 66,585 hajj applications received till Sunday evening\n\nNext story",
                "till Sunday evening",
            ),
            ("Updated at 2:43 p.m. Tuesday.", "at 2:43 p.m. Tuesday"),
            (
                "Trump warns Erdogan against intervention\n\n2:43 p.m.\n\nPresident Trump said so.",
                "2:43 p.m.",
            ),
        ] {
            assert_eq!(past(text, time), None, "{text}");
        }
    }

    #[test]
    fn labels_and_nouns_in_ed_are_no_past_forms() {
        assert!(!is_past("updated"));
        assert!(!is_past("hundred"));
        assert!(!is_past("need"));
        assert!(is_past("killed"));
        assert!(is_past("died"));
        assert!(is_past("struck"));
        let text = "Originally published on Tuesday at 3pm, the story updated readers on the vote.";
        assert_eq!(past(text, "on Tuesday at 3pm"), None);
    }

    #[test]
    fn sentences_are_cut_at_their_own_ends_not_at_abbreviations() {
        let text =
            "Police arrived early. Mr. Smith said nothing happened at 9 p.m. on Friday. Next.";
        assert_eq!(past(text, "at 9 p.m. on Friday"), Some("said"));
        // The sentence before, in the future, does not count against this one.
        let text = "More will follow. The blast shook the city at 4am on Monday, residents said.";
        assert_eq!(past(text, "at 4am on Monday"), Some("shook"));
    }

    #[test]
    fn a_capitalised_may_or_will_is_a_name_or_month() {
        let text = "Theresa May resigned as leader at noon on Friday, her office said.";
        assert_eq!(past(text, "at noon on Friday"), Some("resigned"));
    }
}
