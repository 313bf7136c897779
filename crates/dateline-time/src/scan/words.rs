//! The month and weekday names of the rules' alternations (English, German, Italian, French,
//! Spanish, Portuguese, Dutch, Catalan): which month or weekday a matched name stands for.

use std::sync::LazyLock;

use chrono::Weekday;

use crate::names;
use crate::rx::{self, Captures, G, Rx};
use crate::types::Form;

/// How the rules write an alternation of names: [`rx::alternation`]'s prefix tree, or, to check
/// that the tree changes nothing, one branch a word, as they were written (`flat`, in tests).
pub(super) type Alt = fn(&[&str]) -> String;

/// The names of a list below, one `|` between two.
pub(super) fn names_of(list: &str) -> Vec<&str> {
    list.split('|').collect()
}

/// The alternation of `words` as written, one branch a word (what [`rx::alternation`] must match
/// as).
#[cfg(test)]
pub(super) fn flat(words: &[&str]) -> String {
    let words: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_string()
                    } else {
                        format!("\\x{{{:x}}}", u32::from(c))
                    }
                })
                .collect()
        })
        .collect();
    format!("(?:{})", words.join("|"))
}

pub(super) const WEEKDAYS: &str = "\
    monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|\
    fri|sat|sun";

/// An English weekday, in full or short: `Thursday`, `Thu.,`.
pub(super) fn weekday_pattern(alt: Alt) -> String {
    format!(r"(?P<wd>{})(?-u:\b)\.?,?", alt(&names_of(WEEKDAYS)))
}

pub(super) const MONTHS: &str = "\
    january|february|march|april|may|june|july|august|september|october|november|december|jan|\
    feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

/// An English month, in full or short: `January`, `Jan.`.
pub(super) fn month_pattern(alt: Alt) -> String {
    format!(r"(?P<mon>{})(?-u:\b)\.?", alt(&names_of(MONTHS)))
}

/// The weekday names of [`weekday_intl`]'s alternation, the English ones first.
pub(super) const WEEKDAYS_INTL: &str = "\
    monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|\
    fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lunedi|\
    martedi|mercoledi|giovedi|venerdi|sabato|domenica|lundi|mardi|mercredi|jeudi|vendredi|\
    samedi|dimanche|lunes|martes|jueves|viernes|domingo|segunda|terça|terca|quarta|quinta|\
    sexta|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag";

/// Weekday names in German, Italian, French, Spanish, Portuguese and Dutch, in full only (the
/// short forms, `Mo`, `Di`, `mar`, `ven`, are English words or too short to trust): `Dienstag`,
/// `venerdì` (or `venerdi`), `vendredi`, `viernes`, `sexta-feira`, `vrijdag`. Read only before a
/// day-first date, after the English names.
pub(super) fn weekday_intl(alt: Alt) -> String {
    format!(
        r"(?P<wd>{}(?-u:\b)|(?:luned|marted|mercoled|gioved|venerd)\x{{ec}}|mi\x{{e9}}rcoles|miercoles|s\x{{e1}}bado)(?:-feira)?\.?,?",
        alt(&names_of(WEEKDAYS_INTL))
    )
}

/// The month names of [`month_intl`]'s alternation, the English ones first.
pub(super) const MONTHS_INTL: &str = "\
    january|february|march|april|may|june|july|august|september|october|november|december|jan|\
    feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|januar|jänner|jaenner|februar|feber|maerz|\
    juni|juli|oktober|dezember|mai|mrz|okt|dez|gennaio|febbraio|marzo|aprile|maggio|giugno|\
    luglio|agosto|settembre|ottobre|novembre|dicembre|gen|mag|giu|lug|ago|sett|set|ott|dic|\
    janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|décembre|\
    decembre|janv|févr|fevr|fev|avr|juil|enero|febrero|mayo|junio|julio|septiembre|setiembre|\
    octubre|noviembre|diciembre|ene|abr|janeiro|fevereiro|março|abril|maio|junho|julho|\
    setembro|outubro|novembro|dezembro|out|januari|februari|maart|mei|augustus|mrt";

/// Month names in German, Italian, French, Spanish, Portuguese and Dutch, in full and in the
/// short forms their pages print (`Jan.`, `März`, `Okt.`, `gen`, `févr.`, `ene`, `set`, `mrt`),
/// with and without accents, after the English ones. Several short forms are English words
/// (`set`, `mai`, `mag`, `ago`, `out`, `dic`), so this pattern is used only where a day comes
/// before it and a year after it.
pub(super) fn month_intl(alt: Alt) -> String {
    format!(
        r"(?P<mon>{}(?-u:\b)|m\x{{e4}}rz|m\x{{e4}}r|f\x{{e9}}v|d\x{{e9}}c)\.?",
        alt(&names_of(MONTHS_INTL))
    )
}

/// The month names of [`month_intl_full`]'s alternation.
pub(super) const MONTHS_INTL_FULL: &str = "\
    january|february|march|april|may|june|july|august|september|october|november|december|jan|\
    feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|januar|jänner|februar|juni|juli|oktober|\
    dezember|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|\
    novembre|dicembre|janvier|février|fevrier|avril|juin|juillet|août|aout|septembre|octobre|\
    décembre|decembre|enero|febrero|junio|julio|septiembre|octubre|noviembre|diciembre|\
    janeiro|fevereiro|março|abril|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|\
    februari|maart|augustus";

/// The foreign month names of [`month_intl`] that are no English word, in full: with a day
/// before them, a clock after them is enough to make a date (`30. Januar, 15:13 Uhr`).
pub(super) fn month_intl_full(alt: Alt) -> String {
    format!(
        r"(?P<mon>{}(?-u:\b)|m\x{{e4}}rz)\.?",
        alt(&names_of(MONTHS_INTL_FULL))
    )
}

/// The month names of [`month_iberian`]'s alternation.
pub(super) const MONTHS_IBERIAN: &str = "\
    enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|\
    diciembre|janeiro|fevereiro|maio|junho|julho|setembro|outubro|novembro|dezembro|gener|\
    febrer|maig|juny|juliol|agost|setembre|novembre|desembre";

/// Spanish, Portuguese and Catalan month names in full, as pages print them month first
/// (`Diciembre 6, 2020`, `Març 23, 2020`): no short form, as several are English words.
pub(super) fn month_iberian(alt: Alt) -> String {
    format!(
        r"(?P<mon>{}(?-u:\b)|mar\x{{e7}}o|mar\x{{e7}})\.?",
        alt(&names_of(MONTHS_IBERIAN))
    )
}

/// The weekday names of [`weekday_iberian`]'s alternation.
pub(super) const WEEKDAYS_IBERIAN: &str = "\
    lunes|martes|jueves|viernes|sabado|domingo|segunda|terça|terca|quarta|quinta|sexta|\
    dilluns|dimarts|dimecres|dijous|divendres|dissabte|diumenge";

/// Spanish, Portuguese and Catalan weekday names in full, before a month-first date
/// (`Domingo, Diciembre 6, 2020`, `Dilluns, Març 23, 2020`).
pub(super) fn weekday_iberian(alt: Alt) -> String {
    format!(
        r"(?P<wd>{}(?-u:\b)|mi\x{{e9}}rcoles|miercoles|s\x{{e1}}bado)(?:-feira)?\.?,?",
        alt(&names_of(WEEKDAYS_IBERIAN))
    )
}

/// The month of a name read by [`crate::names`] (`wmon`), checked against the name paired with it
/// (`juni/lipanj`). A name the languages of [`super::month_intl`] share (`november`) is read in a
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

/// The month a name the rules matched stands for, in any of the languages of [`super::month_intl`]:
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
/// [`super::weekday_intl`]: by its first three letters, but for German `Sonnabend` (Saturday).
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

/// A word that is a whole weekday name of [`super::weekday_intl`] or of [`crate::names`].
static WEEKDAY_WORD: LazyLock<Option<Rx>> =
    LazyLock::new(|| Rx::new(&format!(r"(?i)^(?:{})$", weekday_intl(rx::alternation))));

/// The weekday `word` names, in full or short, in English, the languages of [`super::weekday_intl`] or
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

/// The weekday names of other languages read before a clock with no date, longest first, for
/// an alternation: [`crate::names::weekday_words`].
pub(super) fn clock_weekdays() -> Vec<String> {
    let mut words = names::weekday_words();
    words.sort_by_cached_key(|w| (std::cmp::Reverse(w.len()), w.clone()));
    words.dedup();
    words
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
