//! Which rules can match on which line, found in one pass before any rule runs.
//!
//! Every stamp rule and every expression rule needs some word or character on the line it matches:
//! a digit, a month name, `yesterday`, `week`, `ago`. No rule matches across a line break. So the
//! scanners split a text into lines, find the words of every line at once (one Aho-Corasick
//! automaton over all the words, ASCII letters in any case), and run a rule only on the lines that
//! have what it needs. A page's prose lines then cost one automaton pass instead of forty regex
//! searches each. The gate only ever skips a line on which the rule could not match; the tests
//! compare gated and ungated scans on every seed, every fixture and generated text.
//!
//! Two characters fold to ASCII letters under the rules' case-insensitive matching (`ſ` to `s`,
//! the Kelvin sign `K` to `k`) where the automaton does not fold them; a text with either is
//! scanned ungated.
//!
//! The month and weekday names of [`crate::names`] are not words of the automaton: hundreds of
//! them would make it slow to build, and their likely letters (`janu` of Slovak `január`) stand
//! in English words too. Only a line with a year (or an Arabic-Indic digit) can hold a date they
//! name, and only a line with a clock's shape a weekday of theirs before a clock, so on such a
//! line the gate compares each word with the names' keys ([`crate::names::on_line`]):
//! `Friday 03 January 2020` has none, `19 sierpnia 2020` one. The words of the rules for rare
//! forms that need a year or a clock (a Spanish month first, `hoy`, `Dienstag 10:05`) are found
//! the same way; those of relative spans (`hace`, `temu`, `назад`), which need neither, are
//! words of the automaton, counted only at a word's edges where English words hold them.

use std::sync::LazyLock;

use aho_corasick::Anchored;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;

/// A set of the trigger kinds below, one bit each.
pub(crate) type Mask = u64;

/// An ASCII digit.
pub(crate) const DIGIT: Mask = 1;
/// An English month name, full or short (`jan` … `dec`, which the full names contain).
pub(crate) const MONTH: Mask = 1 << 1;
/// A month name in any language the stamps read, full or short.
pub(crate) const MONTH_INTL: Mask = 1 << 2;
/// An English weekday name in full.
pub(crate) const WEEKDAY: Mask = 1 << 3;
pub(crate) const YESTERDAY: Mask = 1 << 4;
pub(crate) const TODAY: Mask = 1 << 5;
pub(crate) const TOMORROW: Mask = 1 << 6;
pub(crate) const TONIGHT: Mask = 1 << 7;
/// `night` (also in `tonight` and `overnight`).
pub(crate) const NIGHT: Mask = 1 << 8;
pub(crate) const MORNING: Mask = 1 << 9;
pub(crate) const AFTERNOON: Mask = 1 << 10;
pub(crate) const EVENING: Mask = 1 << 11;
/// `week` (also in `weeks` and `weekend`).
pub(crate) const WEEK: Mask = 1 << 12;
/// The word `month`.
pub(crate) const MONTH_WORD: Mask = 1 << 13;
pub(crate) const YEAR: Mask = 1 << 14;
/// `day` (also in every weekday, `today`, `yesterday`, `days`).
pub(crate) const DAY: Mask = 1 << 15;
pub(crate) const HOURS: Mask = 1 << 16;
/// `each` or `every`.
pub(crate) const EACH: Mask = 1 << 17;
/// `noon` or `midnight`.
pub(crate) const NOON: Mask = 1 << 18;
pub(crate) const AGO: Mask = 1 << 19;
pub(crate) const HRS: Mask = 1 << 20;
/// The year sign of Chinese, Japanese (`年`) and Korean (`년`) dates.
pub(crate) const CJK_YEAR: Mask = 1 << 21;

/// A digit, one of `:` `.` `h` `H`, and a digit (`12:44`, `3.09`, `13h44`), or a digit, a space,
/// `h`, a space and a digit (`14 h 30`): a clock's shape.
pub(crate) const CLOCK: Mask = 1 << 22;
/// A digit, one of `/` `.` `-`, and a digit (`03/01`, `2020-01`), or a digit, `. ` and a digit
/// (`2020. 08`): a numeric date's shape.
pub(crate) const DIGIT_SEP: Mask = 1 << 23;
/// Four digits in a row (a year, `0846`, `1830`).
pub(crate) const FOUR_DIGITS: Mask = 1 << 24;
/// A digit with an `a` or `p` (any case) within the next four bytes (`3pm`, `3 p.m.`, `3\u{a0}PM`).
pub(crate) const AM_PM: Mask = 1 << 25;
/// An English month's first three letters written as a name in running text: a capital and two
/// small letters (`Mar` of `March`, `May`), which the expression rules need (they read month
/// names case-sensitively, so that `may` and `market` do not wake them).
pub(crate) const MONTH_NAME: Mask = 1 << 26;

/// A word that [`crate::names`] reads as a month, spelled as none of its `SHARED` names is
/// (`sierpnia`, `január`), or a Greek, Cyrillic or Arabic letter or a combining mark (whose words
/// the gate does not compare). Looked for only on a line with a year or a native digit
/// ([`FOUR_DIGITS`] or [`NATIVE_DIGIT`]), as every rule that needs it needs one too.
pub(crate) const NAME_MONTH: Mask = 1 << 27;
/// A weekday of [`crate::names`] (`fredag`, `Cuma`), or a letter whose words the gate does not
/// compare, on a line with a year or a native digit, as [`NAME_MONTH`].
pub(crate) const NAME_WEEKDAY: Mask = 1 << 28;
/// An Arabic-Indic (`٠`-`٩`) or Persian (`۰`-`۹`) digit.
pub(crate) const NATIVE_DIGIT: Mask = 1 << 29;
/// A word spelled as a `SHARED` name of [`crate::names`] (`november`, `jan`), or a letter whose
/// words the gate does not compare, on a line with a year or a native digit, as [`NAME_MONTH`].
pub(crate) const NAME_SHARED: Mask = 1 << 30;
/// Four digits and a dot, or four digits, spaces, `m` and a dot: the year of a year-first date
/// (Hungarian `2020. március`, Lithuanian `2020 m. spalio`).
pub(crate) const YEAR_DOT: Mask = 1 << 31;

/// A numeric date's shape: a digit, a separator (`/`, `.` or `-`, or a slash with spaces around
/// it), one or two digits, a separator and a digit (`03/01/2020`, `24.11.20`, `1 / 12 / 2020`).
pub(crate) const DATE_SHAPE: Mask = 1 << 32;

/// A Spanish, Portuguese or Catalan month name in full (`octubre`, `março`, `desembre`), found
/// as the names of [`crate::names`] are (its `GATE_WORDS`), on a line with a year or a clock.
pub(crate) const MONTH_IBERIAN: Mask = 1 << 33;

/// A clock's shape ([`CLOCK`]), then a numeric date's ([`DATE_SHAPE`]) that starts after it
/// (`08:22, 24.11.2020`).
pub(crate) const CLOCK_THEN_DATE: Mask = 1 << 34;

/// The month sign of Chinese and Japanese (`月`) and Korean (`월`) dates.
pub(crate) const CJK_MONTH: Mask = 1 << 35;
/// The hour sign of a Chinese or Japanese (`時`, `时`) or Korean (`시`) clock.
pub(crate) const CJK_CLOCK: Mask = 1 << 36;
/// A digit, `h` (or `H`) and a digit, or a digit, a space, `h`, a space and a digit: a French
/// clock's shape (`14h30`, `0 h 23`), which is also [`CLOCK`].
pub(crate) const H_CLOCK: Mask = 1 << 37;

/// A word that makes a span before the capture time in another language (`hace`, `vor`, `il y
/// a`, `temu`, `назад`, Italian `ore fa`): [`crate::relative`].
pub(crate) const AGO_INTL: Mask = 1 << 38;
/// A word for today or yesterday in another language (`hoy`, `gestern`, `сегодня`), found as
/// the names of [`crate::names`] are, on a line with a year or a clock's shape.
pub(crate) const DAY_INTL: Mask = 1 << 39;

/// A weekday in full in German, Italian, French, Spanish, Portuguese, Dutch or Catalan
/// (`Dienstag`, `venerdì`, `mardi`, `miércoles`, `terça`, `vrijdag`, `dimarts`), found as the
/// names of [`crate::names`] are, on a line with a year or a clock's shape.
pub(crate) const WEEKDAY_INTL: Mask = 1 << 40;

/// A clock's shape ([`CLOCK`]) with two figures of minutes and no third (`10:05`, `18.40`,
/// not `3.5` or `1.234`): a line where a weekday or a day word before a clock may be, whose
/// words the gate compares with the keys of [`crate::names`].
pub(crate) const CLOCK_MINUTES: Mask = 1 << 41;

/// Every bit: a line on which every rule runs.
pub(crate) const ALL: Mask = Mask::MAX;

/// The words of each trigger kind, in lower case. The automaton folds ASCII letters only, so a
/// word with a letter outside ASCII is also looked for in upper case (`mär`, `MÄR`); each such
/// word has one such letter. Where a name has an ASCII part no other name needs, that part is
/// the trigger (`nner` for `jänner` and `jaenner`, `vrier` for `février`).
const WORDS: &[(Mask, &[&str])] = &[
    (
        MONTH,
        &[
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ],
    ),
    (
        MONTH_INTL,
        &[
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            "nner", "maerz", "mai", "mrz", "okt", "dez", "gen", "mag", "giu", "lug", "ago", "set",
            "ott", "dic", "vrier", "fev", "avr", "jui", "aoû", "aout", "ene", "abr", "out", "maa",
            "mei", "mrt", "mär", "fév", "déc",
        ],
    ),
    (
        WEEKDAY,
        &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
    ),
    (YESTERDAY, &["yesterday"]),
    (TODAY, &["today"]),
    (TOMORROW, &["tomorrow"]),
    (TONIGHT, &["tonight"]),
    (NIGHT, &["night"]),
    (MORNING, &["morning"]),
    (AFTERNOON, &["afternoon"]),
    (EVENING, &["evening"]),
    (WEEK, &["week"]),
    (MONTH_WORD, &["month"]),
    (YEAR, &["year"]),
    (DAY, &["day"]),
    (HOURS, &["hours"]),
    (EACH, &["each", "every"]),
    (NOON, &["noon", "midnight"]),
    (AGO, &["ago"]),
    (HRS, &["hrs"]),
    (CJK_YEAR, &["年", "년"]),
    (CJK_MONTH, &["月", "월"]),
    (CJK_CLOCK, &["時", "时", "시"]),
];

/// A match of a word of [`BOUNDED`] counts only where no ASCII letter is before it.
const START: u8 = 1;
/// A match of a word of [`BOUNDED`] counts only where no ASCII letter is after it.
const END: u8 = 2;

/// Words that stand inside common English words (`ayer` in `player`, `siden` in `president`,
/// `vor` in `favor`, `ore fa` in `more fans`), so that a match counts only at the edges of a word
/// that the rules need there ([`START`], [`END`]); the rules put spaces, punctuation or digits
/// around them, or let `scan.rs`'s `edges_ok` reject a stamp inside a word.
const BOUNDED: &[(Mask, u8, &[&str])] = &[
    (
        AGO_INTL,
        START | END,
        &[
            "hace",
            "há",
            "il y a",
            "vor",
            "prije",
            "před",
            "pred",
            "acum",
            "temu",
            "geleden",
            "sedan",
            "siden",
            "sitten",
            "önce",
            "назад",
            "тому",
        ],
    ),
    // Italian `3 ore fa`: the unit's ending, one space, `fa`.
    (
        AGO_INTL,
        END,
        &[
            "ore fa", "ora fa", "uti fa", "uto fa", "ndi fa", "ndo fa", "rni fa", "rno fa",
            "ane fa", "ana fa",
        ],
    ),
];

/// What a rule needs on a line: every group has at least one of its bits there (`[DIGIT, MONTH]`:
/// a digit and a month name). No group: the rule runs on every line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Needs(pub &'static [Mask]);

impl Needs {
    /// Whether a line with the words `mask` can hold a match.
    pub(crate) fn met(self, mask: Mask) -> bool {
        self.0.iter().all(|group| mask & group != 0)
    }

    /// Whether a rule with these needs reads the names of [`crate::names`]: it runs only on a
    /// line that has one of them (or Greek, Cyrillic or Arabic letters).
    pub(crate) fn names(self) -> bool {
        let names = NAME_MONTH | NAME_SHARED | NAME_WEEKDAY;
        self.0
            .iter()
            .any(|group| *group != 0 && group & !names == 0)
    }
}

struct Gate {
    /// `None` only if the automaton could not be built, in which case every line gets [`ALL`].
    automaton: Option<DFA>,
    /// The bits of each pattern of the automaton.
    bits: Vec<Mask>,
    /// Where each pattern of the automaton counts ([`START`], [`END`]; 0: anywhere).
    bounds: Vec<u8>,
}

static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut bits: Vec<Mask> = Vec::new();
    let mut bounds: Vec<u8> = Vec::new();
    let mut add = |word: &str, bit: Mask, bound: u8| {
        patterns.push(word.to_owned());
        bits.push(bit);
        bounds.push(bound);
        if !word.is_ascii() && !word.chars().any(|c| c > '\u{2fff}') {
            patterns.push(word.to_uppercase());
            bits.push(bit);
            bounds.push(bound);
        }
    };
    for (bit, words) in WORDS {
        for word in *words {
            add(word, *bit, 0);
        }
    }
    for (bit, bound, words) in BOUNDED {
        for word in *words {
            add(word, *bit, *bound);
        }
    }
    // A DFA, which aho-corasick would choose by itself only for 100 patterns or fewer: with the
    // words of the other languages there are more, and its contiguous NFA costs a tenth more
    // per byte of a page; the DFA costs a little more to build, once. [`words`] walks it by
    // hand, so it needs no prefilter (which would make its start state one to look at).
    let automaton = aho_corasick::dfa::Builder::new()
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(&patterns)
        .ok();
    Gate {
        automaton,
        bits,
        bounds,
    }
});

/// One line of a text: its byte range (without the `\n`) and the trigger words on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    pub mask: Mask,
}

/// The lines of `text`, split at `\n`, each with the bits of the words on it.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let fold_to_ascii = folds_to_ascii(text);
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        let end = start + piece.len();
        let mask = if fold_to_ascii { ALL } else { words(piece) };
        out.push(Line { start, end, mask });
        start = end + 1;
    }
    out
}

/// The bits of the words and digit shapes on one line (no `\n` in it), without the [`Line`]
/// around it: what [`lines`] gives each line.
pub(crate) fn mask(line: &str) -> Mask {
    if folds_to_ascii(line) {
        ALL
    } else {
        words(line)
    }
}

/// Whether `text` has a letter that a case-insensitive rule reads as an ASCII one: `ſ` (long s,
/// C5 BF in UTF-8) or `K` (the Kelvin sign, E2 84 AA). Searched as bytes.
fn folds_to_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    // (No test that the text is ASCII first: memchr passes over an ASCII text faster.)
    memchr::memchr2_iter(0xc5, 0xe2, bytes).any(|i| {
        matches!(
            bytes.get(i..),
            Some([0xc5, 0xbf, ..] | [0xe2, 0x84, 0xaa, ..])
        )
    })
}

/// The bits of one line, for a text without letters that fold to ASCII.
fn words(piece: &str) -> Mask {
    let gate = &*GATE;
    let Some(automaton) = &gate.automaton else {
        return ALL;
    };
    let bytes = piece.as_bytes();
    let mut clocks = Clocks::default();
    let mut mask = digit_shapes(bytes, &mut clocks);
    // The automaton walked byte by byte: each match state holds every word that ends at that
    // byte, which is what its overlapping search reports, without that search's bookkeeping
    // between one match and the next.
    let Ok(mut state) = automaton.start_state(Anchored::No) else {
        return ALL;
    };
    for (at, &byte) in bytes.iter().enumerate() {
        state = automaton.next_state(Anchored::No, state, byte);
        if !automaton.is_special(state) {
            continue;
        }
        if automaton.is_dead(state) {
            break;
        }
        let end = at + 1;
        for k in 0..automaton.match_len(state) {
            let pattern = automaton.match_pattern(state, k);
            let start = end.saturating_sub(automaton.pattern_len(pattern));
            let pattern = pattern.as_usize();
            let bits = gate.bits.get(pattern).copied().unwrap_or(ALL);
            let bound = gate.bounds.get(pattern).copied().unwrap_or(0);
            let letter = |i: Option<usize>| {
                i.and_then(|i| bytes.get(i))
                    .is_some_and(u8::is_ascii_alphabetic)
            };
            if bound & START != 0 && letter(start.checked_sub(1))
                || bound & END != 0 && letter(Some(end))
            {
                continue;
            }
            mask |= bits;
            if bits & MONTH != 0 && capitalised(bytes.get(start..end).unwrap_or_default()) {
                mask |= MONTH_NAME;
            }
        }
    }
    // A date with a name of `crate::names` needs a year (or native digits): the gate compares
    // the words of the line. A weekday of it before a clock (`fredag 10:05`), or a word for
    // today, needs a clock with two figures of minutes: the words before each such clock.
    if mask & (FOUR_DIGITS | NATIVE_DIGIT) != 0 || clocks.more {
        mask |= names(piece);
    } else {
        for &hour in clocks.at.iter().take(clocks.len) {
            mask |= names(before_clock(piece, hour));
        }
    }
    mask
}

/// The bits of the words of [`crate::names`] on one line ([`crate::names::on_line`]):
/// [`NAME_MONTH`], [`NAME_SHARED`], [`NAME_WEEKDAY`].
fn names(line: &str) -> Mask {
    let kind = crate::names::on_line(line);
    let mut mask = 0;
    if kind.own_month {
        mask |= NAME_MONTH;
    }
    if kind.shared_month {
        mask |= NAME_SHARED;
    }
    if kind.weekday {
        mask |= NAME_WEEKDAY;
    }
    if kind.iberian_month {
        mask |= MONTH_IBERIAN;
    }
    if kind.day_word {
        mask |= DAY_INTL;
    }
    if kind.intl_weekday {
        mask |= WEEKDAY_INTL;
    }
    mask
}

/// Whether `word` is a capital ASCII letter and small ones (`Mar`, not `mar` or `MAR`).
fn capitalised(word: &[u8]) -> bool {
    match word.split_first() {
        Some((first, rest)) => {
            first.is_ascii_uppercase() && rest.iter().all(u8::is_ascii_lowercase)
        }
        None => false,
    }
}

/// The bits of the digits on a line: [`DIGIT`], [`CLOCK`], [`DIGIT_SEP`], [`FOUR_DIGITS`],
/// [`YEAR_DOT`], [`AM_PM`], [`NATIVE_DIGIT`].
fn digit_shapes(line: &[u8], clocks: &mut Clocks) -> Mask {
    let mut mask = 0;
    let mut run = 0;
    // Where the first clock's shape is (its hour's last digit).
    let mut clock_at: Option<usize> = None;
    let mut i = 0;
    while let Some(&b) = line.get(i) {
        if !b.is_ascii_digit() {
            // A byte that is no digit only ends a run of digits: the next digit is found eight
            // bytes at a time, as most of a line is letters and spaces.
            run = 0;
            i = next_digit(line, i + 1);
            continue;
        }
        mask |= DIGIT;
        run += 1;
        if run >= 4 {
            mask |= FOUR_DIGITS;
            if year_dot(line, i + 1) {
                mask |= YEAR_DOT;
            }
        }
        let next = line.get(i + 1).copied();
        let digit_after_next = line.get(i + 2).is_some_and(u8::is_ascii_digit);
        match next {
            Some(b':') if digit_after_next => mask |= CLOCK | minutes(line, i + 2),
            Some(b'h' | b'H') if digit_after_next => {
                mask |= CLOCK | H_CLOCK | minutes(line, i + 2);
            }
            // French `14 h 30`.
            Some(b' ' | b'\t' | 0xc2 | 0xe2) if spaced_h(line, i + 1) => {
                mask |= CLOCK | H_CLOCK | CLOCK_MINUTES;
            }
            Some(b'.') if digit_after_next => mask |= CLOCK | DIGIT_SEP | minutes(line, i + 2),
            Some(b'/' | b'-') if digit_after_next => mask |= DIGIT_SEP,
            // A slash with spaces around it (`1 / 12 / 2020`).
            Some(b' ' | b'\t' | b'/' | 0xc2 | 0xe1 | 0xe2 | 0xe3)
                if separator(line, i + 1)
                    .is_some_and(|j| line.get(j).is_some_and(u8::is_ascii_digit)) =>
            {
                mask |= DIGIT_SEP;
            }
            // Hungarian `2020. 08. 18.`
            Some(b'.')
                if line.get(i + 2) == Some(&b' ')
                    && line.get(i + 3).is_some_and(u8::is_ascii_digit) =>
            {
                mask |= DIGIT_SEP;
            }
            _ => {}
        }
        // A date's shape after a clock's: its first digit after the clock's hour.
        let clock_before = clock_at.is_some_and(|c| c + run <= i);
        if matches!(
            next,
            Some(b'/' | b'.' | b'-' | b' ' | b'\t' | 0xc2 | 0xe1..=0xe3)
        ) && (mask & DATE_SHAPE == 0 || clock_before && mask & CLOCK_THEN_DATE == 0)
            && date_shape(line, i + 1)
        {
            mask |= DATE_SHAPE;
            if clock_before {
                mask |= CLOCK_THEN_DATE;
            }
        }
        if clock_at.is_none() && mask & CLOCK != 0 {
            clock_at = Some(i);
        }
        let minutes_clock = match next {
            Some(b':' | b'.' | b'h' | b'H') => digit_after_next && minutes(line, i + 2) != 0,
            Some(b' ' | b'\t' | 0xc2 | 0xe2) => spaced_h(line, i + 1),
            _ => false,
        };
        if minutes_clock {
            clocks.push(i + 1 - run);
        }
        let window = line.get(i + 1..line.len().min(i + 5)).unwrap_or_default();
        if window
            .iter()
            .any(|c| matches!(c, b'a' | b'A' | b'p' | b'P'))
        {
            mask |= AM_PM;
        }
        i += 1;
    }
    // (No test that the line is ASCII first: memchr passes over an ASCII line faster.)
    if native_digit(line) {
        mask |= NATIVE_DIGIT;
    }
    mask
}

/// Where the first ASCII digit of `line` at or after `from` is, or the line's length.
///
/// Eight bytes at a time: with their top bits cleared (`low`, each byte below 0x80, so no sum
/// below carries into the next byte), a byte is at least `0`'s 0x30 where `low + 0x50` has its
/// top bit, and above `9`'s 0x39 where `low + 0x46` has it; a byte that had its top bit is no
/// digit.
fn next_digit(line: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while let Some(chunk) = line.get(at..at + 8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let word = u64::from_le_bytes(bytes);
        let low = word & !TOP;
        let at_least_0 = (low + ONES * 0x50) & TOP;
        let above_9 = (low + ONES * 0x46) & TOP;
        let digits = at_least_0 & !above_9 & !word;
        if digits != 0 {
            // Little-endian: the lowest set bit is in the first digit's byte.
            return at + (digits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let rest = line.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(u8::is_ascii_digit)
        .unwrap_or(rest.len())
}

/// Where the hours of the clocks with two figures of minutes ([`CLOCK_MINUTES`]) of a line start,
/// the first four of them, and whether there are more.
#[derive(Debug, Default)]
struct Clocks {
    at: [usize; 4],
    len: usize,
    more: bool,
}

impl Clocks {
    fn push(&mut self, hour: usize) {
        match self.at.get_mut(self.len) {
            Some(slot) => {
                *slot = hour;
                self.len += 1;
            }
            None => self.more = true,
        }
    }
}

/// The text before a clock whose hour starts at `hour` that a rule may read with it: the six
/// words before it (`hoy a las`, `i går kl.`, `Dienstag,`), whatever the spaces between them.
fn before_clock(line: &str, hour: usize) -> &str {
    let Some(head) = line.get(..hour) else {
        return line;
    };
    let mut start = head.len();
    let (mut words, mut in_word) = (0, false);
    for (i, c) in head.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                in_word = false;
                if words == 6 {
                    break;
                }
            }
        } else {
            in_word = true;
        }
        start = i;
    }
    head.get(start..).unwrap_or(head)
}

/// [`CLOCK_MINUTES`] if two digits and no third follow at `at` (a clock's minutes), else nothing.
fn minutes(line: &[u8], at: usize) -> Mask {
    let digit = |i: usize| line.get(i).is_some_and(u8::is_ascii_digit);
    if digit(at) && digit(at + 1) && !digit(at + 2) {
        CLOCK_MINUTES
    } else {
        0
    }
}

/// Whether a space, `h` (or `H`), a space and a digit follow at `at` (French `14 h 30`), the spaces
/// those of a clock after a date: a tab, a space, U+00A0 or U+202F.
fn spaced_h(line: &[u8], at: usize) -> bool {
    let space = |i: usize| match line.get(i..) {
        Some([b' ' | b'\t', ..]) => Some(1),
        Some([0xc2, 0xa0, ..]) => Some(2),
        Some([0xe2, 0x80, 0xaf, ..]) => Some(3),
        _ => None,
    };
    let Some(first) = space(at) else {
        return false;
    };
    let h = at + first;
    if !matches!(line.get(h), Some(b'h' | b'H')) {
        return false;
    }
    space(h + 1).is_some_and(|second| line.get(h + 1 + second).is_some_and(u8::is_ascii_digit))
}

/// The end of the separator of a numeric date that starts at `at`, if one does: `/`, `.` or `-`,
/// or a slash with spaces (of `S` in `scan.rs`) before or after it.
fn separator(line: &[u8], at: usize) -> Option<usize> {
    match line.get(at) {
        Some(b'.' | b'-') => return Some(at + 1),
        Some(b'/') => {}
        _ => {}
    }
    let mut i = at;
    while let Some(n) = space_at(line, i) {
        i += n;
    }
    if line.get(i) != Some(&b'/') {
        return None;
    }
    i += 1;
    while let Some(n) = space_at(line, i) {
        i += n;
    }
    Some(i)
}

/// Whether a numeric date's shape ([`DATE_SHAPE`]) continues at `at`, after a digit: a
/// separator, one or two digits, a separator and a digit.
fn date_shape(line: &[u8], at: usize) -> bool {
    let Some(mut i) = separator(line, at) else {
        return false;
    };
    let start = i;
    while line.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if !(1..=2).contains(&(i - start)) {
        return false;
    }
    separator(line, i).is_some_and(|j| line.get(j).is_some_and(u8::is_ascii_digit))
}

/// Whether `line` has an Arabic-Indic or Persian digit, [`NATIVE_DIGIT`]: `٠`-`٩` are D9 A0-A9
/// in UTF-8, `۰`-`۹` DB B0-B9. Their lead bytes are rare (Arabic letters), so a line without
/// them is passed over at memchr's speed rather than looked at byte by byte.
fn native_digit(line: &[u8]) -> bool {
    memchr::memchr2_iter(0xd9, 0xdb, line).any(|i| match line.get(i..i + 2) {
        Some([0xd9, next]) => (0xa0..=0xa9).contains(next),
        Some([0xdb, next]) => (0xb0..=0xb9).contains(next),
        _ => false,
    })
}

/// Whether a dot follows at `at`, or spaces, `m` (or `M`) and a dot: what follows a year in
/// [`YEAR_DOT`].
fn year_dot(line: &[u8], at: usize) -> bool {
    if line.get(at) == Some(&b'.') {
        return true;
    }
    let mut i = at;
    while let Some(n) = space_at(line, i) {
        i += n;
    }
    i > at && matches!(line.get(i), Some(b'm' | b'M')) && line.get(i + 1) == Some(&b'.')
}

/// The length in bytes of the space at `i`, if one of `S` in `scan.rs` (a tab, a space, U+00A0,
/// U+1680, U+2000 to U+200A, U+202F, U+205F, U+3000) starts there.
fn space_at(line: &[u8], i: usize) -> Option<usize> {
    match *line.get(i..)? {
        [b'\t' | b' ', ..] => Some(1),
        [0xc2, 0xa0, ..] => Some(2),
        [0xe1, 0x9a, 0x80, ..]
        | [0xe2, 0x80, 0x80..=0x8a | 0xaf, ..]
        | [0xe2, 0x81, 0x9f, ..]
        | [0xe3, 0x80, 0x80, ..] => Some(3),
        _ => None,
    }
}

/// The lines of `text` with their words ([`lines`]) when `gated`, else the whole text as one line
/// on which every rule runs: the scan without the gate, which the tests compare with it.
pub(crate) fn split(text: &str, gated: bool) -> Vec<Line> {
    if gated {
        lines(text)
    } else {
        vec![Line {
            start: 0,
            end: text.len(),
            mask: ALL,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask_of(text: &str) -> Mask {
        lines(text).iter().fold(0, |m, l| m | l.mask)
    }

    #[test]
    fn the_next_digit_is_found_eight_bytes_at_a_time() {
        let line = "ab/:9 \u{660}x\u{ff}\u{130}0 pm 12345678 é9".as_bytes();
        for from in 0..=line.len() + 1 {
            let slow = (from..line.len())
                .find(|&i| line[i].is_ascii_digit())
                .unwrap_or(line.len().max(from));
            assert_eq!(next_digit(line, from), slow, "from {from}");
        }
        let every: Vec<u8> = (0..=255).collect();
        for from in 0..every.len() {
            let slow = (from..every.len()).find(|&i| every[i].is_ascii_digit());
            assert_eq!(
                next_digit(&every, from),
                slow.unwrap_or(every.len()),
                "{from}"
            );
        }
    }

    #[test]
    fn lines_cover_the_text() {
        let text = "one\n\ntwo 3 January\n";
        let got: Vec<(usize, usize)> = lines(text).iter().map(|l| (l.start, l.end)).collect();
        assert_eq!(got, vec![(0, 3), (4, 4), (5, 18), (19, 19)]);
        assert_eq!(lines(text)[2].mask & (DIGIT | MONTH), DIGIT | MONTH);
        assert_eq!(lines(text)[0].mask, 0);
    }

    #[test]
    fn words_are_found_in_any_case() {
        assert_ne!(mask_of("YESTERDAY") & YESTERDAY, 0);
        assert_ne!(mask_of("Last Night") & NIGHT, 0);
        assert_ne!(mask_of("30. MÄRZ 2024") & MONTH_INTL, 0);
        assert_ne!(mask_of("30. märz 2024") & MONTH_INTL, 0);
        assert_ne!(mask_of("1 FÉVRIER") & MONTH_INTL, 0);
        assert_ne!(mask_of("2020年1月3日") & CJK_YEAR, 0);
        assert_eq!(mask_of("nothing here") & (YESTERDAY | DIGIT | MONTH), 0);
    }

    #[test]
    fn a_month_name_needs_its_capital() {
        assert_ne!(mask_of("since March 2020") & MONTH_NAME, 0);
        assert_ne!(mask_of("on 4 May") & MONTH_NAME, 0);
        assert_ne!(mask_of("Sept. 4") & MONTH_NAME, 0);
        for prose in [
            "it may rain",
            "the market fell",
            "MAY DAY",
            "a decision in mAy",
        ] {
            assert_eq!(mask_of(prose) & MONTH_NAME, 0, "{prose}");
            assert_ne!(mask_of(prose) & MONTH, 0, "{prose}");
        }
    }

    /// The rules read French `14 h 30` as a clock after a date with no year (`le 5 novembre à
    /// 14 h 30`), where the gate once saw no clock's shape and skipped the line.
    #[test]
    fn a_clock_with_spaces_around_its_h_has_a_clocks_shape() {
        assert_ne!(mask_of("14 h 30") & CLOCK, 0);
        assert_ne!(mask_of("14\u{a0}H\u{202f}30") & CLOCK, 0);
        assert_eq!(mask_of("14 h") & CLOCK, 0);
        assert_eq!(mask_of("14 hours 30") & CLOCK, 0);
        for text in ["le 5 novembre à 14 h 30", "Nov. 5, 14 h 30"] {
            let stamps = crate::scan::find_stamps(text);
            assert_eq!(stamps.len(), 1, "{text}: {stamps:?}");
            assert_eq!(stamps[0].time, chrono::NaiveTime::from_hms_opt(14, 30, 0));
            assert_eq!(same_with_and_without_gate(text), Ok(()));
        }
    }

    #[test]
    fn a_numeric_dates_shape() {
        for date in [
            "03/01/2020",
            "24.11.20",
            "1 / 12 / 2020",
            "1/ 12 /2020",
            "2020-01-03",
        ] {
            assert_ne!(mask_of(date) & DATE_SHAPE, 0, "{date}");
            assert_ne!(mask_of(date) & DIGIT_SEP, 0, "{date}");
        }
        for text in ["12.44 GMT", "3/4 of", "1.234.567", "1 / 2", "10-12 people"] {
            assert_eq!(mask_of(text) & DATE_SHAPE, 0, "{text}");
        }
    }

    /// A line without a year has its words compared with the keys of `names.rs` only before its
    /// clocks, as far back as a rule reads a weekday or a day word before one.
    #[test]
    fn words_before_a_clock() {
        assert_eq!(
            before_clock("Updated hoy a las 10:05", 18),
            "Updated hoy a las "
        );
        assert_eq!(
            before_clock("one two three four five six seven 10:05", 34),
            "two three four five six seven "
        );
        assert_eq!(before_clock("heute10:05", 5), "heute");
        for text in [
            "i går , kl.  10:05",
            "Dienstag,   10:05 Uhr",
            "the market rose 1.25 today, hoy 10:05",
        ] {
            assert_ne!(mask_of(text) & (DAY_INTL | WEEKDAY_INTL), 0, "{text}");
        }
        assert_eq!(
            mask_of("hoy, one two three four five six seven 10:05") & DAY_INTL,
            0
        );
    }

    #[test]
    fn letters_that_fold_to_ascii_turn_the_gate_off() {
        assert_eq!(mask_of("ſince"), ALL);
        assert_eq!(mask_of("\u{212a}"), ALL);
    }

    #[test]
    fn needs_are_all_of_any_of() {
        let needs = Needs(&[DIGIT, MONTH | MONTH_INTL]);
        assert!(needs.met(DIGIT | MONTH_INTL));
        assert!(!needs.met(DIGIT));
        assert!(!needs.met(MONTH));
        assert!(Needs(&[]).met(0));
    }

    /// Every stamp and expression the scanners find with the gate, they find without it (each
    /// rule over the whole text at once), and nothing more.
    fn same_with_and_without_gate(text: &str) -> Result<(), String> {
        let gated = crate::scan::find_stamps_gated(text, true);
        let whole = crate::scan::find_stamps_gated(text, false);
        if format!("{gated:?}") != format!("{whole:?}") {
            return Err(format!("stamps differ on {text:?}:\n{gated:?}\n{whole:?}"));
        }
        for line in text.lines().chain([text]) {
            let fast = crate::scan::parse_stamp(line);
            let slow = crate::scan::parse_stamp_by_definition(line);
            if format!("{fast:?}") != format!("{slow:?}") {
                return Err(format!(
                    "parse_stamp differs on {line:?}:\n{fast:?}\n{slow:?}"
                ));
            }
        }
        let gated = crate::expr::recognised_for_test(text, true);
        let whole = crate::expr::recognised_for_test(text, false);
        if gated != whole {
            return Err(format!("expressions differ on {text:?}:\n{gated}\n{whole}"));
        }
        Ok(())
    }

    fn text_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_gate_changes_nothing_on_the_seeds_and_fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = text_files(&root.join("seeds"));
        files.extend(text_files(
            &root.join("crates/dateline-sources/tests/fixtures/pages"),
        ));
        assert!(files.len() >= 10, "seeds and fixtures not found");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            assert!(!text.is_empty(), "{}", file.display());
            // Whole pages, and each paragraph as the sources pass a post's text.
            if let Err(e) = same_with_and_without_gate(&text) {
                panic!("{}: {e}", file.display());
            }
            for para in text.split("\n\n") {
                if let Err(e) = same_with_and_without_gate(para) {
                    panic!("{}: {e}", file.display());
                }
            }
        }
    }

    /// The pieces of the rare forms' stamps (a clock before a numeric date, Spanish month
    /// first, CJK clocks, French `0 h 23`, relative spans and days in other languages, a weekday
    /// and a clock, Solar Hijri dates), and words that hold their words.
    const RARE_PIECES: &[&str] = &[
        "08:22",
        "22:57",
        "GMT",
        "UTC+3",
        "24.11.2020",
        "1 / 12 / 2020",
        "٠٢:٠٠",
        "الثلاثاء",
        "١ / ١٢ / ٢٠٢٠",
        ",",
        "-",
        "|",
        "Domingo,",
        "Diciembre",
        "6,",
        "2020",
        "octubre",
        "7,",
        "Març",
        "23,",
        "am",
        "7:09",
        "2月15日（土）",
        "7時0分",
        "午後",
        "2020年03月12日",
        "20:19:00",
        "0 h 23",
        "14h30",
        "à",
        "hace",
        "2",
        "horas",
        "vor",
        "einer",
        "Stunde",
        "il y a",
        "3",
        "heures",
        "ore fa",
        "un'ora",
        "saat",
        "önce",
        "godzinę",
        "temu",
        "5",
        "минут",
        "назад",
        "сегодня",
        "в",
        "05:46",
        "hier",
        "aujourd'hui",
        "ayer",
        "player",
        "president",
        "siden",
        "timer",
        "sedan",
        "i går",
        "kl.",
        "10.05",
        "Monday",
        "6:30PM",
        "Dienstag",
        "Uhr",
        "mardi",
        "Четверг",
        "fredag",
        "sexta-feira",
        "۲۹",
        "بهمن",
        "۱۳۹۸",
        "۰۶:۵۵",
        "تير",
        "1399",
        "12:09:08",
        "ب.ظ",
        "ساعت",
        "x",
        "hrs",
        "聯合報",
        "timer5",
        "March",
        "Mar",
    ];

    /// Words around the triggers: names and numbers in every case, the words rules put before and
    /// after them, separators, line breaks and the letters that fold to ASCII.
    const PIECES: &[&str] = &[
        "3",
        "12",
        "2020",
        "12:44",
        "3.09pm",
        "0846",
        "GMT",
        "ET",
        "(HKT)",
        "January",
        "jan",
        "JAN.",
        "Sept",
        "May",
        "may",
        "MAY",
        "Mar",
        "market",
        "Dec.",
        "MÄRZ",
        "märz",
        "février",
        "FÉVR.",
        "août",
        "déc",
        "gennaio",
        "Jänner",
        "Monday",
        "friday",
        "Fridays",
        "SUNDAY",
        "yesterday",
        "Today",
        "tomorrow",
        "tonight",
        "night",
        "overnight",
        "morning",
        "afternoon",
        "evening",
        "week",
        "weekend",
        "month",
        "year",
        "day",
        "days",
        "hours",
        "early",
        "the",
        "on",
        "at",
        "in",
        "since",
        "last",
        "this",
        "next",
        "earlier",
        "later",
        "each",
        "every",
        "noon",
        "midnight",
        "ago",
        "hrs",
        "2020年",
        "1月",
        "3日",
        "03/01/2020",
        "2020-01-03",
        "13h44",
        "PM",
        "a.m.",
        "pm",
        "1830",
        "20200103T124400Z",
        "+05:30",
        "9",
        "local time",
        "Uhr",
        "um",
        "of",
        "de",
        "’s",
        ",",
        ".",
        "-",
        "/",
        ":",
        " ",
        " ",
        "  ",
        "\n",
        "\n",
        "\u{a0}",
        "ſ",
        "\u{212a}",
        "é",
        "x",
        // The forms read through `crate::names` and the joining words.
        "ноября",
        "Ноября",
        "НОЯБРЯ",
        "нОЯбря",
        "Четверг,",
        "г.",
        "в",
        "مارس",
        "كانون الثاني",
        "الأربعاء،",
        "١٥",
        "٢٠٢١",
        "٠٩:٤٠",
        "ص",
        "م",
        "/",
        "sierpnia",
        "Αυγούστου",
        "μμ",
        "Ekim",
        "Cuma",
        "fredag",
        "november",
        "marts",
        "kl.",
        "klo",
        "11.20",
        "2020.",
        "08.",
        "március",
        "m.",
        "spalio",
        "d.",
        "juni/lipanj",
        "Mi",
        "24.04.24",
        "ist",
        "14:10pm",
        "am",
        "u",
        "h",
        // Glued text, suffixes, slashes with spaces.
        "hrs.",
        "hs",
        "聯合報",
        "ભાસ્કર",
        "timer",
        "2020s",
        "1 / 12 / ",
        " / ",
        "١ / ١٢ / ٢٠٢٠",
        "٠٢:٠٠",
        "2020-10",
        "GMT 17:27",
        "24.11.2020",
        "الثلاثاء",
        "Dienstag,",
        "Monkey",
        "Diciembre",
        "Març",
        "MARÇO",
        "octubre",
        "Domingo,",
        "Dilluns,",
        "sexta-feira",
        "年03月12日",
        "20:19:00",
        "2月15日（土）",
        "7時0分",
        "午後",
        "0 h 23",
        "14h30",
        "hace",
        "vor",
        "einer",
        "Stunde",
        "il y a",
        "horas",
        "ore fa",
        "un'ora",
        "temu",
        "godzinę",
        "минут",
        "назад",
        "сегодня",
        "Вчера",
        "hier",
        "aujourd'hui",
        "i går",
        "HEUTE,",
        "Monday",
        "6:30PM",
        "Dienstag",
        "mardi",
        "Четверг",
        "fredag",
        "kl.",
        "10.05",
        "sexta-feira",
        "Octubre",
        "player",
        "president",
        "favor",
        "more fans",
        "۲۹",
        "بهمن",
        "ارديبهشت",
        "۱۳۹۸",
        "1399",
        "ب.ظ",
        "۰۶:۵۵",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_gate_changes_nothing_on_generated_text(
            picks in proptest::collection::vec((0..PIECES.len(), proptest::bool::ANY), 0..24)
        ) {
            let mut text = String::new();
            for (i, space) in picks {
                text.push_str(PIECES[i]);
                if space {
                    text.push(' ');
                }
            }
            if let Err(e) = same_with_and_without_gate(&text) {
                proptest::prop_assert!(false, "{}", e);
            }
        }

        #[test]
        fn the_gate_changes_nothing_on_generated_rare_forms(
            picks in proptest::collection::vec((0..RARE_PIECES.len(), 0..4usize), 0..12)
        ) {
            let mut text = String::new();
            for (i, space) in picks {
                text.push_str(RARE_PIECES[i]);
                text.push_str(["", " ", "  ", "\u{a0}"][space]);
            }
            if let Err(e) = same_with_and_without_gate(&text) {
                proptest::prop_assert!(false, "{}", e);
            }
        }

        #[test]
        fn the_gate_changes_nothing_on_generated_dates_with_names(
            day_first in proptest::bool::ANY,
            words in proptest::collection::vec(0..NAME_WORDS.len(), 4),
            picks in proptest::collection::vec(0..4usize, 9),
        ) {
            let text = name_date(day_first, &words, &picks);
            if let Err(e) = same_with_and_without_gate(&text) {
                proptest::prop_assert!(false, "{}", e);
            }
        }
    }

    /// A date in the shape of the rules that read [`crate::names`], day first (`Cuma, 5. ekim
    /// 2020 kl. 14:05`) or year first (`2020. március 5.`), with `words` (indexes into
    /// [`NAME_WORDS`]) in the places of the weekday, the month, a second month and a weekday
    /// after the year, and `picks` choosing the rest (each under 4).
    fn name_date(day_first: bool, words: &[usize], picks: &[usize]) -> String {
        let word = |i: usize| NAME_WORDS[words[i] % NAME_WORDS.len()];
        let pick = |i: usize, of: &[&'static str]| of[picks[i] % of.len()];
        let space = |i: usize| pick(i, &[" ", "  ", "\u{a0}", ""]);
        let mut t = String::new();
        t.push_str(pick(0, &["", "X", "X\u{301}", "on "]));
        if day_first {
            if picks[1].is_multiple_of(2) {
                t.push_str(word(0));
                t.push_str(pick(1, &[",", ", ", " ", "."]));
                t.push_str(space(2));
            }
            t.push_str(pick(2, &["5", "19.", "\u{661}\u{665}", "05"]));
            t.push_str(space(3));
            t.push_str(pick(3, &["", "de ", "d'", "d\u{2019}"]));
            t.push_str(word(1));
            if picks[4].is_multiple_of(3) {
                t.push('/');
                t.push_str(word(2));
            }
            t.push_str(pick(4, &["", ".", ",", " de"]));
            t.push_str(space(5));
            t.push_str(pick(
                5,
                &["2020", "\u{662}\u{660}\u{662}\u{661}", "2020.", "2021 г."],
            ));
            if picks[6].is_multiple_of(2) {
                t.push_str(space(6));
                t.push_str(word(3));
            }
        } else {
            t.push_str(pick(1, &["2020.", "2021 m.", "2020", "2020,"]));
            t.push_str(space(2));
            t.push_str(word(1));
            t.push_str(pick(3, &["", ".", ",", "'"]));
            t.push_str(space(4));
            t.push_str(pick(5, &["5", "27.", "26 d.", "x"]));
        }
        t.push_str(pick(7, &["", ", ", " kl. ", " o "]));
        t.push_str(pick(8, &["", "14:05", "9.05 \u{645}", "14 h 30"]));
        t
    }

    /// Words in the places of the names of [`crate::names`]: names in every case, without their
    /// marks, decomposed, joined by apostrophes, glued to letters, and English names and words.
    const NAME_WORDS: &[&str] = &[
        "sierpnia",
        "SIERPNIA",
        "września",
        "wrzesnia",
        "wrzes\u{301}nia",
        "november",
        "November",
        "jan",
        "januar",
        "január",
        "JANUÁR",
        "January",
        "fredag",
        "Xfredag",
        "Jum'at",
        "jum\u{2019}at",
        "Cuma",
        "Ekim",
        "lipanj",
        "juni",
        "március",
        "marts",
        "spalio",
        "listopada",
        "Friday",
        "ноября",
        "Четверг",
        "Αυγούστου",
        "مارس",
        "كانون الثاني",
        "Mac",
        "GMT",
        "the",
    ];
}
