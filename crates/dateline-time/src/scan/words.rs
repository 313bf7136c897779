//! The month and weekday names of the rules' alternations (English, German, Italian, French,
//! Spanish, Portuguese, Dutch, Catalan): which month or weekday a matched name stands for.

use std::sync::LazyLock;

use chrono::Weekday;

use super::WEEKDAY_INTL;
use crate::names;
use crate::rx::{Captures, G, Rx};
use crate::types::Form;

/// The month of a name read by [`crate::names`] (`wmon`), checked against the name paired with it
/// (`juni/lipanj`). A name the languages of [`super::MONTH_INTL`] share (`november`) is read in a
/// year-first date, after a weekday of those languages, or paired with a name of its own, and is
/// otherwise left to the rules that list it.
pub(super) fn world_month(
    caps: &Captures<'_>,
    name: &str,
    form: Form,
    weekday: Option<Weekday>,
) -> Option<u32> {
    let (month, shared) = names::month(name)?;
    let second = match caps.name(G::Wmon2) {
        Some(m) => {
            let (other, other_shared) =
                names::month(m.as_str()).or_else(|| month_number(m.as_str()).map(|m| (m, true)))?;
            if other != month {
                return None;
            }
            Some(other_shared)
        }
        None => None,
    };
    let own = !shared
        || form == Form::YearMonthDayTime
        || second == Some(false)
        || weekday.is_some()
        || caps
            .name(G::Wda)
            .and_then(|w| names::weekday(w.as_str()))
            .is_some();
    own.then_some(month)
}

/// German two-letter weekdays (`Mi 24.04.24`).
pub(super) fn weekday_de(name: &str) -> Option<Weekday> {
    Some(match name {
        "Mo" => Weekday::Mon,
        "Di" => Weekday::Tue,
        "Mi" => Weekday::Wed,
        "Do" => Weekday::Thu,
        "Fr" => Weekday::Fri,
        "Sa" => Weekday::Sat,
        "So" => Weekday::Sun,
        _ => return None,
    })
}

/// The lower-case ASCII key of a month or weekday name: accents dropped (`März` is `marz`,
/// `venerdì` is `venerdi`), a trailing dot cut.
pub(super) fn name_key(name: &str) -> String {
    name.trim_end_matches(['.', ','])
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// The month a name the rules matched stands for, in any of the languages of [`super::MONTH_INTL`]:
/// its first three letters tell, but for `juin` (June) against `juillet` (July).
pub(super) fn month_number(name: &str) -> Option<u32> {
    let key = name_key(name);
    let month = match key.get(..3)? {
        "jan" | "gen" | "ene" | "jae" => 1,
        "feb" | "fev" => 2,
        "mar" | "mae" | "mrz" | "mrt" | "maa" => 3,
        "apr" | "avr" | "abr" => 4,
        "may" | "mai" | "mag" | "mei" => 5,
        "jun" | "giu" => 6,
        "jui" if key == "juin" => 6,
        "jul" | "lug" | "jui" => 7,
        "aug" | "ago" | "aou" => 8,
        "sep" | "set" => 9,
        "oct" | "okt" | "ott" | "out" => 10,
        "nov" => 11,
        "dec" | "dez" | "dic" | "des" => 12,
        _ => return None,
    };
    Some(month)
}

/// The weekday a name the rules matched stands for, in any of the languages of
/// [`super::WEEKDAY_INTL`]: by its first three letters, but for German `Sonnabend` (Saturday).
pub(super) fn weekday(name: &str) -> Option<Weekday> {
    let key = name_key(name);
    Some(match key.get(..3)? {
        "son" if key.starts_with("sonnabend") => Weekday::Sat,
        // Catalan: `dimarts` and `dimecres` against French `dimanche`.
        "dim" if key.starts_with("dimarts") => Weekday::Tue,
        "dim" if key.starts_with("dimecres") => Weekday::Wed,
        "dil" => Weekday::Mon,
        "dij" => Weekday::Thu,
        "div" => Weekday::Fri,
        "dis" => Weekday::Sat,
        "diu" => Weekday::Sun,
        "mon" | "lun" | "seg" | "maa" => Weekday::Mon,
        "tue" | "die" | "mar" | "ter" | "din" => Weekday::Tue,
        "wed" | "mit" | "mer" | "mie" | "qua" | "woe" => Weekday::Wed,
        "thu" | "don" | "gio" | "jeu" | "jue" | "qui" => Weekday::Thu,
        "fri" | "fre" | "ven" | "vie" | "sex" | "vri" => Weekday::Fri,
        "sat" | "sam" | "sab" | "zat" => Weekday::Sat,
        "sun" | "son" | "dom" | "dim" | "zon" => Weekday::Sun,
        _ => return None,
    })
}

/// A word that is a whole weekday name of [`super::WEEKDAY_INTL`] or of [`crate::names`].
static WEEKDAY_WORD: LazyLock<Option<Rx>> =
    LazyLock::new(|| Rx::new(&format!(r"(?i)^(?:{WEEKDAY_INTL})$")));

/// The weekday `word` names, in full or short, in English, the languages of [`super::WEEKDAY_INTL`] or
/// those of [`crate::names`]; `None` for any other word (`Monkey`).
pub(crate) fn any_weekday(word: &str) -> Option<Weekday> {
    // Most words are no weekday by their first letters: they need no pattern.
    if weekday(word).is_none() {
        return names::weekday(word);
    }
    let whole = WEEKDAY_WORD
        .as_ref()
        .and_then(|rx| rx.captures_at(word, 0))
        .and_then(|c| c.get(0))
        .is_some_and(|m| m.end() == word.len());
    if whole {
        return weekday(word);
    }
    names::weekday(word)
}

/// The weekday names of other languages read before a clock with no date, longest first, as an
/// alternation: [`crate::names::weekday_words`] (characters outside ASCII written as `\x{...}`).
pub(super) fn clock_weekdays() -> String {
    let mut words = names::weekday_words();
    words.sort_by_cached_key(|w| (std::cmp::Reverse(w.len()), w.clone()));
    words.dedup();
    words
        .iter()
        .map(|w| {
            w.chars()
                .map(|c| match c {
                    c if c.is_ascii_alphanumeric() || c == '\'' => c.to_string(),
                    c => format!("\\x{{{:x}}}", u32::from(c)),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The weekday a word in full names before a clock with no date (`Monday 6:30PM`): as
/// [`any_weekday`], but not the short English names (`Mon`, `Thurs`), which the gate does not
/// look for; `None` for any other word.
pub(super) fn clock_weekday(word: &str) -> Option<Weekday> {
    let key = name_key(word);
    let short = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    if short.contains(&key.as_str()) {
        return None;
    }
    any_weekday(word)
}
