//! The words of relative stamps in languages other than English: `hace 2 horas`, `vor 23
//! Minuten`, `il y a 3 heures`, `3 ore fa`, `godzinę temu`, `5 минут назад`, and the days of
//! `сегодня в 05:46`, `hier à 18h40`.
//!
//! The rules of `scan.rs` match the word that makes a span relative (`hace`, `fa`, `назад`) as a
//! short alternation, and any word in the place of the unit or of a number written as a word;
//! the tables here say whether it is one ([`unit()`], [`one()`]). So the rules stay small whatever
//! the number of languages and of their inflections (`minuty`, `minut`, `minutę`).

use chrono::Duration;

use crate::types::Precision;

/// A unit of time counted back from the capture time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
}

impl Unit {
    /// `n` of this unit, and the finest unit a stamp counting in it prints.
    pub(crate) fn span(self, n: i64) -> (Duration, Precision) {
        match self {
            Unit::Second => (Duration::seconds(n), Precision::Second),
            Unit::Minute => (Duration::minutes(n), Precision::Minute),
            Unit::Hour => (Duration::hours(n), Precision::Hour),
            Unit::Day => (Duration::days(n), Precision::Day),
            Unit::Week => (Duration::weeks(n), Precision::Day),
        }
    }
}

/// The languages of relative spans, one bit each: a unit or a word for one counts only with the
/// word before or after the span of its own language ([`language`]), so that `30 minute sedan`
/// (French `minute`, Swedish `sedan`) is no span.
pub(crate) type Lang = u32;
const ES: Lang = 1;
const PT: Lang = 1 << 1;
const FR: Lang = 1 << 2;
const DE: Lang = 1 << 3;
const IT: Lang = 1 << 4;
const TR: Lang = 1 << 5;
/// Croatian, Bosnian, Serbian.
const HR: Lang = 1 << 6;
/// Czech and Slovak.
const CS: Lang = 1 << 7;
const PL: Lang = 1 << 8;
const RU: Lang = 1 << 9;
const UK: Lang = 1 << 10;
const NL: Lang = 1 << 11;
const SV: Lang = 1 << 12;
/// Danish and Norwegian.
const DA: Lang = 1 << 13;
const FI: Lang = 1 << 14;
const RO: Lang = 1 << 15;

/// The word before or after a span (`hace`, `fa`, `назад`) and its language, as the rules of
/// `scan.rs` list them.
const SPAN_WORDS: &[(&str, Lang)] = &[
    ("hace", ES),
    ("há", PT),
    ("il y a", FR),
    ("vor", DE),
    ("fa", IT),
    ("önce", TR),
    ("prije", HR),
    ("před", CS),
    ("pred", CS),
    ("temu", PL),
    ("назад", RU),
    ("тому", UK),
    ("geleden", NL),
    ("sedan", SV),
    ("siden", DA),
    ("sitten", FI),
    ("acum", RO),
];

/// A unit's word, the unit, and whether the word alone is one of it.
type UnitWord = (&'static str, Unit, bool);

/// Units in the forms relative stamps print them, singular and plural, by language, with the
/// short forms pages print (`min`, `Std`). `true`: the word alone is one of the unit (Polish
/// `godzinę temu`, Russian `час назад`, Czech `před hodinou`, Italian `un'ora fa`).
const UNITS: &[(Lang, &[UnitWord])] = &[
    (
        ES | PT,
        &[
            ("segundo", Unit::Second, false),
            ("segundos", Unit::Second, false),
            ("seg", Unit::Second, false),
            ("minuto", Unit::Minute, false),
            ("minutos", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("hora", Unit::Hour, false),
            ("horas", Unit::Hour, false),
            ("día", Unit::Day, false),
            ("días", Unit::Day, false),
            ("dia", Unit::Day, false),
            ("dias", Unit::Day, false),
            ("semana", Unit::Week, false),
            ("semanas", Unit::Week, false),
        ],
    ),
    (
        FR,
        &[
            ("seconde", Unit::Second, false),
            ("secondes", Unit::Second, false),
            ("minute", Unit::Minute, false),
            ("minutes", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("heure", Unit::Hour, false),
            ("heures", Unit::Hour, false),
            ("jour", Unit::Day, false),
            ("jours", Unit::Day, false),
            ("semaine", Unit::Week, false),
            ("semaines", Unit::Week, false),
        ],
    ),
    (
        DE,
        &[
            ("sekunde", Unit::Second, false),
            ("sekunden", Unit::Second, false),
            ("minute", Unit::Minute, false),
            ("minuten", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("stunde", Unit::Hour, false),
            ("stunden", Unit::Hour, false),
            ("std", Unit::Hour, false),
            ("tag", Unit::Day, false),
            ("tagen", Unit::Day, false),
            ("woche", Unit::Week, false),
            ("wochen", Unit::Week, false),
        ],
    ),
    (
        IT,
        &[
            ("secondo", Unit::Second, false),
            ("secondi", Unit::Second, false),
            ("minuto", Unit::Minute, false),
            ("minuti", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("ora", Unit::Hour, false),
            ("ore", Unit::Hour, false),
            ("un'ora", Unit::Hour, true),
            ("giorno", Unit::Day, false),
            ("giorni", Unit::Day, false),
            ("settimana", Unit::Week, false),
            ("settimane", Unit::Week, false),
        ],
    ),
    (
        TR,
        &[
            ("saniye", Unit::Second, false),
            ("dakika", Unit::Minute, false),
            ("dk", Unit::Minute, false),
            ("saat", Unit::Hour, false),
            ("gün", Unit::Day, false),
            ("hafta", Unit::Week, false),
        ],
    ),
    (
        HR,
        &[
            ("sekundu", Unit::Second, false),
            ("sekunde", Unit::Second, false),
            ("sekundi", Unit::Second, false),
            ("minutu", Unit::Minute, false),
            ("minute", Unit::Minute, false),
            ("minuta", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("sat", Unit::Hour, false),
            ("sata", Unit::Hour, false),
            ("sati", Unit::Hour, false),
            ("dan", Unit::Day, false),
            ("dana", Unit::Day, false),
            ("tjedan", Unit::Week, false),
            ("tjedna", Unit::Week, false),
            ("tjedana", Unit::Week, false),
        ],
    ),
    // In the instrumental, after `před`/`pred`.
    (
        CS,
        &[
            ("sekundou", Unit::Second, true),
            ("sekundami", Unit::Second, false),
            ("minutou", Unit::Minute, true),
            ("minutami", Unit::Minute, false),
            ("minútou", Unit::Minute, true),
            ("minútami", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("hodinou", Unit::Hour, true),
            ("hodinami", Unit::Hour, false),
            ("dnem", Unit::Day, true),
            ("dny", Unit::Day, false),
            ("dňom", Unit::Day, true),
            ("dňami", Unit::Day, false),
            ("týdnem", Unit::Week, true),
            ("týdny", Unit::Week, false),
            ("týždňom", Unit::Week, true),
            ("týždňami", Unit::Week, false),
        ],
    ),
    (
        PL,
        &[
            ("sekundę", Unit::Second, true),
            ("sekundy", Unit::Second, false),
            ("sekund", Unit::Second, false),
            ("sek", Unit::Second, false),
            ("minutę", Unit::Minute, true),
            ("minuty", Unit::Minute, false),
            ("minut", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("godzinę", Unit::Hour, true),
            ("godziny", Unit::Hour, false),
            ("godzin", Unit::Hour, false),
            ("godz", Unit::Hour, false),
            ("dzień", Unit::Day, true),
            ("dni", Unit::Day, false),
            ("tydzień", Unit::Week, true),
            ("tygodnie", Unit::Week, false),
            ("tygodni", Unit::Week, false),
        ],
    ),
    (
        RU,
        &[
            ("секунду", Unit::Second, true),
            ("секунды", Unit::Second, false),
            ("секунд", Unit::Second, false),
            ("минуту", Unit::Minute, true),
            ("минуты", Unit::Minute, false),
            ("минут", Unit::Minute, false),
            ("мин", Unit::Minute, false),
            ("час", Unit::Hour, true),
            ("часа", Unit::Hour, false),
            ("часов", Unit::Hour, false),
            ("день", Unit::Day, true),
            ("дня", Unit::Day, false),
            ("дней", Unit::Day, false),
            ("неделю", Unit::Week, true),
            ("недели", Unit::Week, false),
            ("недель", Unit::Week, false),
        ],
    ),
    (
        UK,
        &[
            ("секунду", Unit::Second, true),
            ("секунди", Unit::Second, false),
            ("секунд", Unit::Second, false),
            ("хвилину", Unit::Minute, true),
            ("хвилини", Unit::Minute, false),
            ("хвилин", Unit::Minute, false),
            ("хв", Unit::Minute, false),
            ("годину", Unit::Hour, true),
            ("години", Unit::Hour, false),
            ("годин", Unit::Hour, false),
            ("день", Unit::Day, true),
            ("дні", Unit::Day, false),
            ("днів", Unit::Day, false),
            ("тиждень", Unit::Week, true),
            ("тижні", Unit::Week, false),
            ("тижнів", Unit::Week, false),
        ],
    ),
    (
        NL,
        &[
            ("seconde", Unit::Second, false),
            ("seconden", Unit::Second, false),
            ("minuut", Unit::Minute, false),
            ("minuten", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("uur", Unit::Hour, false),
            ("dag", Unit::Day, false),
            ("dagen", Unit::Day, false),
            ("week", Unit::Week, false),
            ("weken", Unit::Week, false),
        ],
    ),
    (
        SV,
        &[
            ("sekund", Unit::Second, false),
            ("sekunder", Unit::Second, false),
            ("minut", Unit::Minute, false),
            ("minuter", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("timme", Unit::Hour, false),
            ("timmar", Unit::Hour, false),
            ("dag", Unit::Day, false),
            ("dagar", Unit::Day, false),
            ("vecka", Unit::Week, false),
            ("veckor", Unit::Week, false),
        ],
    ),
    (
        DA,
        &[
            ("sekund", Unit::Second, false),
            ("sekunder", Unit::Second, false),
            ("minut", Unit::Minute, false),
            ("minutter", Unit::Minute, false),
            ("minutt", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("time", Unit::Hour, false),
            ("timer", Unit::Hour, false),
            ("dag", Unit::Day, false),
            ("dage", Unit::Day, false),
            ("dager", Unit::Day, false),
            ("uge", Unit::Week, false),
            ("uger", Unit::Week, false),
            ("uke", Unit::Week, false),
            ("uker", Unit::Week, false),
        ],
    ),
    // The partitive after a number; `tunti sitten`, an hour ago.
    (
        FI,
        &[
            ("sekuntia", Unit::Second, false),
            ("minuuttia", Unit::Minute, false),
            ("minuutti", Unit::Minute, true),
            ("min", Unit::Minute, false),
            ("tuntia", Unit::Hour, false),
            ("tunti", Unit::Hour, true),
            ("päivää", Unit::Day, false),
            ("päivä", Unit::Day, true),
            ("viikkoa", Unit::Week, false),
            ("viikko", Unit::Week, true),
        ],
    ),
    (
        RO,
        &[
            ("secunde", Unit::Second, false),
            ("secundă", Unit::Second, false),
            ("minute", Unit::Minute, false),
            ("minut", Unit::Minute, false),
            ("min", Unit::Minute, false),
            ("ore", Unit::Hour, false),
            ("oră", Unit::Hour, false),
            ("zi", Unit::Day, false),
            ("zile", Unit::Day, false),
            ("săptămână", Unit::Week, false),
            ("săptămâni", Unit::Week, false),
        ],
    ),
];

/// Words for one before a unit, by language: Spanish `una`, Portuguese `uma`, French `une`,
/// German `einer`, Italian `un`, Turkish `bir`, Dutch `een`, Swedish `en`, Danish `et`,
/// Romanian `o`.
const ONE: &[(&str, Lang)] = &[
    ("un", ES | FR | IT | RO),
    ("una", ES | IT),
    ("uno", ES | IT),
    ("um", PT),
    ("uma", PT),
    ("une", FR),
    ("ein", DE),
    ("eine", DE),
    ("einer", DE),
    ("einem", DE),
    ("einen", DE),
    ("bir", TR),
    ("een", NL),
    ("en", SV | DA),
    ("ett", SV),
    ("et", DA),
    ("o", RO),
];

/// Words for today (0) and yesterday (-1) before a clock, as the rules list them: lower case,
/// with and without their accents.
pub(crate) const DAYS: &[(&str, i32)] = &[
    ("hoy", 0),
    ("ayer", -1),
    ("hoje", 0),
    ("ontem", -1),
    ("aujourd'hui", 0),
    ("aujourd\u{2019}hui", 0),
    ("hier", -1),
    ("heute", 0),
    ("gestern", -1),
    ("oggi", 0),
    ("ieri", -1),
    ("vandaag", 0),
    ("gisteren", -1),
    ("avui", 0),
    ("ahir", -1),
    ("dzisiaj", 0),
    ("dziś", 0),
    ("dzis", 0),
    ("wczoraj", -1),
    ("dnes", 0),
    ("včera", -1),
    ("vcera", -1),
    ("danas", 0),
    ("jučer", -1),
    ("jucer", -1),
    ("juče", -1),
    ("juce", -1),
    ("danes", 0),
    ("včeraj", -1),
    ("bugün", 0),
    ("bugun", 0),
    ("dün", -1),
    ("dun", -1),
    ("astăzi", 0),
    ("astazi", 0),
    ("azi", 0),
    ("idag", 0),
    ("i dag", 0),
    ("igår", -1),
    ("i går", -1),
    ("tänään", 0),
    ("eilen", -1),
    ("сегодня", 0),
    ("вчера", -1),
    ("сьогодні", 0),
    ("вчора", -1),
    ("днес", 0),
    ("данас", 0),
    ("јуче", -1),
    ("σήμερα", 0),
    ("χθες", -1),
    ("χτες", -1),
    ("اليوم", 0),
    ("أمس", -1),
    ("امس", -1),
];

/// A word as the tables are compared: small letters, a final dot cut, `’` as `'`.
fn lower(word: &str) -> String {
    word.trim_end_matches('.')
        .to_lowercase()
        .replace('\u{2019}', "'")
}

/// The language of the word before or after a span (`hace`, `temu`), as a rule matched it
/// (`Il  y a` too).
pub(crate) fn language(word: &str) -> Option<Lang> {
    let word = lower(word).split_whitespace().collect::<Vec<_>>().join(" ");
    SPAN_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, lang)| *lang)
}

/// The unit `word` names in one of the languages `lang`, and whether the word alone is one of
/// it.
pub(crate) fn unit(word: &str, lang: Lang) -> Option<(Unit, bool)> {
    let word = lower(word);
    UNITS
        .iter()
        .filter(|(langs, _)| langs & lang != 0)
        .flat_map(|(_, units)| units.iter())
        .find(|(w, _, _)| *w == word)
        .map(|(_, u, alone)| (*u, *alone))
}

/// Whether `word` is a word for one before a unit (`una`, `einer`, `bir`) in one of the
/// languages `lang`.
pub(crate) fn one(word: &str, lang: Lang) -> bool {
    let word = lower(word);
    ONE.iter().any(|(w, langs)| *w == word && langs & lang != 0)
}

/// The days from the capture date a day word names (`сегодня` 0, `hier` -1), for the words of
/// [`DAYS`], in any case.
pub(crate) fn day(word: &str) -> Option<i32> {
    let word = lower(word);
    DAYS.iter().find(|(w, _)| *w == word).map(|(_, d)| *d)
}

/// The day words of [`DAYS`], longest first, for a rule's alternation (a space in one, as in
/// `i går`, is one ASCII space, as the gate looks for it).
pub(crate) fn day_words() -> Vec<&'static str> {
    let mut words: Vec<&str> = DAYS.iter().map(|(w, _)| *w).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_in_their_forms_and_languages() {
        let lang = |w: &str| language(w).unwrap_or(0);
        assert_eq!(unit("horas", lang("hace")), Some((Unit::Hour, false)));
        assert_eq!(unit("Minuten", lang("vor")), Some((Unit::Minute, false)));
        assert_eq!(unit("godzinę", lang("temu")), Some((Unit::Hour, true)));
        assert_eq!(unit("минут", lang("назад")), Some((Unit::Minute, false)));
        assert_eq!(unit("hodinami", lang("před")), Some((Unit::Hour, false)));
        assert_eq!(unit("un’ora", lang("fa")), Some((Unit::Hour, true)));
        assert_eq!(unit("Std.", lang("vor")), Some((Unit::Hour, false)));
        assert_eq!(lang("Il  y a"), lang("il y a"));
        assert_eq!(unit("people", lang("vor")), None);
        // A unit of another language than the word after the span's.
        assert_eq!(unit("minute", lang("sedan")), None);
        assert_eq!(unit("horas", lang("fa")), None);
        assert!(one("einer", lang("vor")) && one("UNA", lang("hace")) && !one("zwei", lang("vor")));
        assert!(!one("une", lang("vor")));
    }

    #[test]
    fn day_words() {
        assert_eq!(day("Сегодня"), Some(0));
        assert_eq!(day("I går"), Some(-1));
        assert_eq!(day("Aujourd'hui"), Some(0));
        assert_eq!(day("tomorrow"), None);
    }

    #[test]
    fn each_unit_once_in_a_language_and_each_day_word_once() {
        for (langs, units) in UNITS {
            for (i, (w, _, _)) in units.iter().enumerate() {
                assert!(
                    units.iter().skip(i + 1).all(|(v, _, _)| v != w),
                    "{w} ({langs})"
                );
            }
        }
        for (i, (w, _)) in DAYS.iter().enumerate() {
            assert!(DAYS.iter().skip(i + 1).all(|(v, _)| v != w), "{w}");
        }
        for (w, _) in SPAN_WORDS {
            assert!(language(w).is_some(), "{w}");
        }
    }
}
