//! The language of a page's own text, told by `whatlang` (trigrams over a sample of its prose),
//! and the ISO 639-1 codes pages declare (`<html lang="it-IT">`, `og:locale`).

use whatlang::Lang;

/// The most prose read to tell a page's language: enough for a confident answer, bounded so a
/// long page costs no more than a short one.
const SAMPLE_BYTES: usize = 400;

/// Lines shorter than this are menus and labels, not prose.
const PROSE_LINE: usize = 60;

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
    let info = whatlang::detect(&sample)?;
    Some((iso_639_1(info.lang())?, info.confidence()))
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
    fn declared_tags_give_a_language_and_maybe_a_region() {
        assert_eq!(of_tag("it-IT"), Some(("it".into(), Some("IT".into()))));
        assert_eq!(of_tag("en_gb"), Some(("en".into(), Some("GB".into()))));
        assert_eq!(of_tag("zh-Hans-CN"), Some(("zh".into(), Some("CN".into()))));
        assert_eq!(of_tag("de"), Some(("de".into(), None)));
        assert_eq!(of_tag("x-default"), None);
        assert_eq!(of_tag(""), None);
    }
}
