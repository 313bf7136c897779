//! The language of a page's own text, told by `whatlang` (trigrams over a sample of its prose),
//! and the ISO 639-1 codes pages declare (`<html lang="it-IT">`, `og:locale`).
//!
//! whatlang compares the sample with every language profile of its script, 300 trigrams each,
//! whatever the sample's length: for the 37 languages written in Latin letters that was the
//! largest part of a page's context. The sample's stop words (the `stop-words` crate's lists)
//! first leave out the listed languages it cannot be in, and whatlang chooses among the rest and
//! the languages with no list; where the stop words say too little (a sample of names), it
//! compares them all; where they leave one listed language with many of its stop words, it is
//! the sample's, and whatlang is not asked.

use std::collections::HashMap;
use std::sync::LazyLock;

use whatlang::{Detector, Lang, Script};

/// The most prose read to tell a page's language: enough for a confident answer, bounded so a
/// long page costs no more than a short one.
const SAMPLE_BYTES: usize = 400;

/// Lines shorter than this are menus and labels, not prose.
const PROSE_LINE: usize = 60;

/// The languages of whatlang's Latin-script profiles that have a list of stop words, with the
/// list's code.
const LISTED: &[(Lang, &str)] = &[
    (Lang::Spa, "es"),
    (Lang::Eng, "en"),
    (Lang::Por, "pt"),
    (Lang::Ind, "id"),
    (Lang::Fra, "fr"),
    (Lang::Deu, "de"),
    (Lang::Vie, "vi"),
    (Lang::Ita, "it"),
    (Lang::Tur, "tr"),
    (Lang::Pol, "pl"),
    (Lang::Ron, "ro"),
    (Lang::Hrv, "hr"),
    (Lang::Nld, "nl"),
    (Lang::Tgl, "tl"),
    (Lang::Hun, "hu"),
    (Lang::Ces, "cs"),
    (Lang::Zul, "zu"),
    (Lang::Swe, "sv"),
    (Lang::Afr, "af"),
    (Lang::Fin, "fi"),
    (Lang::Slk, "sk"),
    (Lang::Dan, "da"),
    (Lang::Nob, "no"),
    (Lang::Cat, "ca"),
    (Lang::Lit, "lt"),
    (Lang::Slv, "sl"),
    (Lang::Epo, "eo"),
    (Lang::Lav, "lv"),
    (Lang::Est, "et"),
    (Lang::Lat, "la"),
];

/// whatlang's Latin-script languages with no list of stop words: always candidates, as no list
/// can leave them out.
const UNLISTED: &[Lang] = &[
    Lang::Jav,
    Lang::Uzb,
    Lang::Aze,
    Lang::Aka,
    Lang::Sna,
    Lang::Tuk,
    Lang::Cym,
];

/// Each stop word of [`LISTED`]'s lists, with the languages (bits by their place there) that
/// list it.
static STOP_WORDS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut words: HashMap<&'static str, u32> = HashMap::new();
    for (bit, (_, code)) in LISTED.iter().enumerate() {
        for word in stop_words::lookup(code).unwrap_or_default() {
            *words.entry(word).or_default() |= 1 << bit;
        }
    }
    words
});

/// A sample whose best language's stop words are fewer than this share of its words is
/// compared with every profile. (Prose is a third to a half stop words; a headline of names
/// much less.)
const LISTED_SHARE: f64 = 0.2;

/// The fewest words a sample needs for its stop words to name its candidates.
const LISTED_WORDS: usize = 20;

/// A language stays a candidate while its stop words are at least this share of the best
/// language's.
const CANDIDATE_SHARE: f64 = 0.5;

/// The languages a Latin-script sample can be in, told by its stop words: every listed language
/// with at least half as many of the sample's words among its stop words as the best one, and
/// every language with no list. `None` when the stop words say too little to leave any language
/// out.
fn candidates(sample: &str) -> Option<Candidates> {
    let mut hits = [0usize; LISTED.len()];
    let mut words = 0;
    let mut lower = String::new();
    for word in sample.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let word = word.trim_matches('\'');
        if word.is_empty() {
            continue;
        }
        words += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(&bits) = STOP_WORDS.get(lower.as_str()) {
            for (bit, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(bits & (1 << bit) != 0);
            }
        }
    }
    let best = hits.iter().copied().max()?;
    if words < LISTED_WORDS || (best as f64) < LISTED_SHARE * words as f64 {
        return None;
    }
    let floor = (CANDIDATE_SHARE * best as f64).max(2.0);
    let langs: Vec<Lang> = LISTED
        .iter()
        .zip(hits)
        .filter(|(_, hit)| *hit as f64 >= floor)
        .map(|((lang, _), _)| *lang)
        .collect();
    // One listed language left (every other has less than half its stop words), with many of
    // them: whatlang's trigrams would only confirm it. Not Turkish or Indonesian, whose close
    // kin (Azerbaijani, Turkmen, Uzbek; Javanese) have no list to compare.
    if let [only] = langs.as_slice()
        && best >= CLEAR_HITS
        && !matches!(only, Lang::Tur | Lang::Ind)
    {
        return Some(Candidates::Clear(*only));
    }
    Some(Candidates::Some(
        langs.into_iter().chain(UNLISTED.iter().copied()).collect(),
    ))
}

/// What a sample's stop words say of its language ([`candidates`]).
#[derive(Debug, Clone, PartialEq)]
enum Candidates {
    /// One listed language, with many times the stop words of any other.
    Clear(Lang),
    /// The languages it may be in.
    Some(Vec<Lang>),
}

/// The fewest stop words of a sample's one language for it to be clear ([`Candidates::Clear`]).
const CLEAR_HITS: usize = 12;

/// The language of the page's prose, as an ISO 639-1 code, with whatlang's confidence (0 to 1);
/// `None` when the page holds too little prose to tell.
pub(crate) fn of_text<'a>(lines: impl Iterator<Item = &'a str>) -> Option<(&'static str, f64)> {
    let mut sample = String::new();
    for line in lines {
        let line = line.trim();
        if line.len() < PROSE_LINE || line.contains("://") {
            continue;
        }
        sample.push_str(line);
        sample.push('\n');
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
    }
    if sample.len() < 2 * PROSE_LINE {
        return None;
    }
    let narrowed = match whatlang::detect_script(&sample) {
        Some(Script::Latin) => candidates(&sample),
        _ => None,
    };
    let (lang, confidence) = match narrowed {
        // A language whose stop words far outnumber every other's is the sample's: whatlang's
        // trigrams, the larger part of reading a page's context, would say so too.
        Some(Candidates::Clear(lang)) => (lang, 1.0),
        Some(Candidates::Some(langs)) => {
            let info = Detector::with_allowlist(langs).detect(&sample)?;
            (info.lang(), info.confidence())
        }
        None => {
            let info = whatlang::detect(&sample)?;
            (info.lang(), info.confidence())
        }
    };
    // whatlang has no profile for Malay, which it reads as Indonesian: the words the two write
    // differently tell them apart.
    if lang == Lang::Ind && malay(&sample) {
        return Some(("ms", confidence));
    }
    Some((iso_639_1(lang)?, confidence))
}

/// Words Malaysian news writes where Indonesian news writes another (`selepas` for `setelah`,
/// `polis` for `polisi`, `kerajaan` for `pemerintah`), in lower case.
const MALAY_WORDS: &[&str] = &[
    "selepas",
    "kerajaan",
    "polis",
    "wang",
    "kerana",
    "mahkamah",
    "boleh",
    "sahaja",
    "baharu",
    "projek",
    "bandaraya",
    "kenyataan",
    "hospital",
    "kereta",
    "jabatan",
    "pejabat",
    "negeri",
    "mac",
    "ogos",
    "disember",
    "julai",
    "ringgit",
    "malaysia",
];

/// The Indonesian words for the same things, and its months.
const INDONESIAN_WORDS: &[&str] = &[
    "setelah",
    "pemerintah",
    "polisi",
    "uang",
    "karena",
    "pengadilan",
    "bisa",
    "saja",
    "proyek",
    "pernyataan",
    "mobil",
    "dinas",
    "kantor",
    "provinsi",
    "kabupaten",
    "maret",
    "agustus",
    "desember",
    "juli",
    "rupiah",
    "indonesia",
];

/// Whether a sample whatlang reads as Indonesian is Malay: more of its words are Malaysian news's
/// than Indonesian news's.
fn malay(sample: &str) -> bool {
    let (mut malay, mut indonesian) = (0, 0);
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        let word = word.to_lowercase();
        malay += usize::from(MALAY_WORDS.contains(&word.as_str()));
        indonesian += usize::from(INDONESIAN_WORDS.contains(&word.as_str()));
    }
    malay > indonesian
}

/// The two-letter code of a language whatlang tells.
fn iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Pol => "pl",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Afr => "af",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
        _ => return None,
    })
}

/// A declared language tag (`it-IT`, `en_GB`, `pt-br`, `zh-Hans-CN`) as its ISO 639-1 language
/// and, when the tag names one, its ISO 3166-1 region. `no` and `nn` are read as Norwegian.
pub(crate) fn of_tag(tag: &str) -> Option<(String, Option<String>)> {
    let mut parts = tag.trim().split(['-', '_']);
    let language = parts.next()?.to_ascii_lowercase();
    if language.len() != 2 || !language.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let region = parts
        .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    Some((language, region))
}

/// A language's name in English, for messages.
pub(crate) fn name(code: &str) -> &str {
    match code {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "it" => "Italian",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "pl" => "Polish",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "tr" => "Turkish",
        "ar" => "Arabic",
        "fa" => "Persian",
        "hi" => "Hindi",
        "ja" => "Japanese",
        "ko" => "Korean",
        "zh" => "Chinese",
        "sv" => "Swedish",
        "da" => "Danish",
        "nb" | "no" | "nn" => "Norwegian",
        "fi" => "Finnish",
        "hu" => "Hungarian",
        "cs" => "Czech",
        "el" => "Greek",
        "bg" => "Bulgarian",
        "ro" => "Romanian",
        "hr" => "Croatian",
        "sr" => "Serbian",
        "bs" => "Bosnian",
        "sl" => "Slovenian",
        "sk" => "Slovak",
        "lt" => "Lithuanian",
        "hy" => "Armenian",
        "he" => "Hebrew",
        "id" => "Indonesian",
        "ms" => "Malay",
        "ca" => "Catalan",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_tells_its_language_and_menus_do_not() {
        let italian = [
            "Il presidente del Consiglio ha annunciato questa mattina nuove misure per le famiglie.",
            "Secondo il ministero, i fondi saranno distribuiti entro la fine del mese prossimo.",
            "Menu",
        ];
        assert_eq!(of_text(italian.into_iter()).map(|l| l.0), Some("it"));
        assert_eq!(of_text(["Home", "News", "Sport"].into_iter()), None);
    }

    #[test]
    fn stop_words_leave_out_the_languages_a_sample_cannot_be_in() {
        let italian = "Il presidente del Consiglio ha annunciato questa mattina nuove misure per \
            le famiglie. Secondo il ministero, i fondi saranno distribuiti entro la fine del mese \
            prossimo, e le domande si potranno presentare dal lunedì.";
        let Some(Candidates::Some(langs)) = candidates(italian) else {
            panic!("{:?}", candidates(italian));
        };
        assert!(langs.contains(&Lang::Ita), "{langs:?}");
        assert!(!langs.contains(&Lang::Eng), "{langs:?}");
        // A language with no list can never be left out.
        assert!(langs.contains(&Lang::Cym), "{langs:?}");
        // Names and figures say nothing of a language: every profile is compared.
        let names = "Keamland Stendford Dindtest Thoundtrindrais Rainkenrix Tivourkkeax Zosvea \
            Mearkneam Mundrun Poumpust Fafourkdrirk Saibrourkcha Gestdren Tresvoulprox Gondnex \
            Drearperhis 2020 Bastmaindbrair Grearpromlux Lairkthom Zuxthintes";
        assert_eq!(candidates(names), None);
        // And the narrowed choice is whatlang's own.
        let full = whatlang::detect(italian).map(|i| i.lang());
        let narrowed = Detector::with_allowlist(langs)
            .detect(italian)
            .map(|i| i.lang());
        assert_eq!(narrowed, full);
    }

    /// A sample whose stop words leave one listed language, with many of them, is that language
    /// without whatlang; Turkish never is (its kin have no list), nor a sample of few words.
    #[test]
    fn a_clear_language_needs_no_trigrams() {
        let english = "The city council voted on Tuesday to approve the new housing plan after \
            months of debate. Officials said that the construction would begin in the spring and \
            that it would take about two years to finish, and residents who opposed it said they \
            would continue to fight the project in court.";
        assert_eq!(candidates(english), Some(Candidates::Clear(Lang::Eng)));
        assert_eq!(
            of_text([english].into_iter()).map(|l| l.0),
            whatlang::detect(english).and_then(|i| iso_639_1(i.lang()))
        );
        let turkish = "Belediye meclisi salı günü aylarca süren tartışmaların ardından yeni \
            konut planını onayladı ve yetkililer inşaatın gelecek bahar başlayacağını, bu işin \
            yaklaşık iki yıl süreceğini ve bunun için de çok para gerekeceğini söyledi.";
        assert!(!matches!(candidates(turkish), Some(Candidates::Clear(_))));
    }

    /// whatlang reads Malay as Indonesian: the words the two write differently say which.
    #[test]
    fn malay_is_told_from_indonesian_by_the_words_they_write_differently() {
        let malay = [
            "Majlis bandaraya pada hari Selasa meluluskan pelan perumahan baharu selepas \
             berbulan-bulan perdebatan.",
            "Penduduk yang menentang projek itu berkata mereka akan terus melawannya di mahkamah.",
        ];
        assert_eq!(of_text(malay.into_iter()).map(|l| l.0), Some("ms"));
        let indonesian = [
            "Dewan kota pada hari Selasa menyetujui rencana perumahan baru setelah berbulan-bulan \
             perdebatan.",
            "Warga yang menentang proyek itu mengatakan mereka akan terus melawannya di pengadilan.",
        ];
        assert_eq!(of_text(indonesian.into_iter()).map(|l| l.0), Some("id"));
    }

    #[test]
    fn declared_tags_give_a_language_and_maybe_a_region() {
        assert_eq!(of_tag("it-IT"), Some(("it".into(), Some("IT".into()))));
        assert_eq!(of_tag("en_gb"), Some(("en".into(), Some("GB".into()))));
        assert_eq!(of_tag("zh-Hans-CN"), Some(("zh".into(), Some("CN".into()))));
        assert_eq!(of_tag("de"), Some(("de".into(), None)));
        assert_eq!(of_tag("x-default"), None);
        assert_eq!(of_tag(""), None);
    }
}
