//! The words of reports in languages other than English: their stop words and their stems.
//!
//! The merge's own word tables (stop words, nationalities, predicates, organisations) are
//! English. A report in another language, as its page's context decided it
//! (`Document::context.language`), is read with that language's stop words (the ISO lists of the
//! `stop-words` crate) and its Snowball stemmer (`rust-stemmers`), so that `investigación` and
//! `investigaciones` meet and `el`, `de` and `además` weigh nothing. Reports in different
//! languages then meet through what they share whatever the language: names, places, numbers
//! and times.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use dateline_model::{Document, Question};
use rust_stemmers::{Algorithm, Stemmer};

/// One language's stop words and stemmer.
pub(crate) struct Tongue {
    /// The language's [`key`]: two codes of one language (`nb`, `no`) share it.
    key: u8,
    stop: HashSet<&'static str>,
    stemmer: Stemmer,
}

impl std::fmt::Debug for Tongue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tongue")
            .field("stop_words", &self.stop.len())
            .finish_non_exhaustive()
    }
}

impl Tongue {
    /// Whether `word` (lower case) is one of the language's stop words.
    pub(crate) fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    /// The stem of `word` (lower case).
    pub(crate) fn stem<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        self.stemmer.stem(word)
    }
}

/// The languages with a Snowball stemmer, by their ISO 639-1 codes. English is read by the
/// merge's own tables, tuned on the seeds, and is not among them.
const ALGORITHMS: &[(&str, Algorithm)] = &[
    ("ar", Algorithm::Arabic),
    ("da", Algorithm::Danish),
    ("nl", Algorithm::Dutch),
    ("fi", Algorithm::Finnish),
    ("fr", Algorithm::French),
    ("de", Algorithm::German),
    ("el", Algorithm::Greek),
    ("hu", Algorithm::Hungarian),
    ("it", Algorithm::Italian),
    ("nb", Algorithm::Norwegian),
    ("no", Algorithm::Norwegian),
    ("pt", Algorithm::Portuguese),
    ("ro", Algorithm::Romanian),
    ("ru", Algorithm::Russian),
    ("es", Algorithm::Spanish),
    ("sv", Algorithm::Swedish),
    ("ta", Algorithm::Tamil),
    ("tr", Algorithm::Turkish),
];

/// How much the clue of a page's language must weigh for its reports to be read in it: a tag the
/// page declares (30), or a reading of its prose that `whatlang` is sure of (10, and up to 50 more
/// as it is sure). A page of few words, or of names and numbers, reads as some language by chance.
const SURE: u32 = 30;

/// The language (ISO 639-1) a document's context decided, when the clue that decided it is sure
/// ([`SURE`]), English included.
pub(crate) fn sure_language(doc: &Document) -> Option<&str> {
    let code = doc.context.language.as_deref()?;
    let sure = doc
        .context
        .decisions
        .iter()
        .find(|d| d.question == Question::Language)
        .and_then(|d| d.clue.as_ref())
        .is_some_and(|c| c.weight >= SURE);
    sure.then_some(code)
}

/// The language a report is read in, as a small key that two reports compare, from its page's
/// sure language ([`sure_language`]) and the tongue its text was read with: 0 when it is not
/// known (no sure language, or a page's language its text does not speak), 1 for English (a page
/// sure of it), and one key for each stemmer of [`ALGORITHMS`].
pub(crate) fn key(sure: Option<&str>, tongue: Option<&Tongue>) -> u8 {
    match tongue {
        Some(t) => t.key,
        None if sure == Some("en") => 1,
        None => 0,
    }
}

/// How much of a text [`Tongue::speaks`] reads, in bytes: its first sentences.
const SAMPLE_BYTES: usize = 600;

impl Tongue {
    /// Whether `text` reads as this language rather than English: among the words of its first
    /// sentences, at least as many are this language's stop words only as are English ones only.
    /// A post quoted in English on a page in another language, or a page whose language was
    /// misread, keeps the English tables.
    pub(crate) fn speaks(&self, text: &str) -> bool {
        let mut end = text.len().min(SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let (mut own, mut english) = (0usize, 0usize);
        crate::text::for_each_word(text.get(..end).unwrap_or(text), |w| {
            match (self.is_stop(w), crate::text::lexeme(w).stop) {
                (true, false) => own += 1,
                (false, true) => english += 1,
                _ => {}
            }
        });
        own >= english
    }
}

/// The stop words and stemmer of the language `code` (ISO 639-1), when it is not English and a
/// stemmer for it exists. Built once per language, on first use.
pub(crate) fn of(code: &str) -> Option<&'static Tongue> {
    static TONGUES: LazyLock<HashMap<&'static str, Tongue>> = LazyLock::new(|| {
        ALGORITHMS
            .iter()
            .map(|&(code, algorithm)| {
                // One key for each stemmer, the place of its first code, after English's 1.
                let first = ALGORITHMS
                    .iter()
                    .position(|&(_, a)| a == algorithm)
                    .unwrap_or(0);
                let key = u8::try_from(first + 2).unwrap_or(0);
                // Norwegian Bokmål's stop words are listed under Norwegian.
                let list = if code == "nb" { "no" } else { code };
                let stop = stop_words::lookup(list)
                    .unwrap_or_default()
                    .iter()
                    .copied()
                    .collect();
                let stemmer = Stemmer::create(algorithm);
                (code, Tongue { key, stop, stemmer })
            })
            .collect()
    });
    TONGUES.get(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_words_meet_in_their_stems_and_grammar_weighs_nothing() {
        let es = of("es").map(|t| (t.stem("investigaciones"), t.stem("investigación")));
        assert_eq!(
            es.map(|(a, b)| a == b),
            Some(true),
            "plural and singular share a stem"
        );
        let spanish = of("es");
        assert!(spanish.is_some_and(|t| t.is_stop("el") && t.is_stop("además")));
        assert!(spanish.is_some_and(|t| !t.is_stop("presidente")));
    }

    #[test]
    fn a_text_in_english_on_a_page_read_as_spanish_keeps_the_english_tables() {
        let spanish = of("es");
        assert!(spanish.is_some_and(|t| t.speaks(
            "El presidente inició este miércoles su gira por la región, según informó su oficina."
        )));
        assert!(!spanish.is_some_and(|t| {
            t.speaks("The president began his tour of the region on Wednesday, his office said.")
        }));
    }

    /// A report's language key: English from a sure page, one key for the two codes of
    /// Norwegian, none when the page is not sure or its language has no stemmer.
    #[test]
    fn each_language_has_one_key() {
        assert_eq!(key(Some("en"), None), 1);
        assert_eq!(key(None, None), 0);
        assert_eq!(key(Some("xx"), None), 0);
        assert_eq!(key(Some("nb"), of("nb")), key(Some("no"), of("no")));
        assert_ne!(key(Some("it"), of("it")), key(Some("es"), of("es")));
        assert!(key(Some("it"), of("it")) > 1);
    }

    #[test]
    fn english_and_unknown_languages_keep_the_merges_own_tables() {
        assert!(of("en").is_none());
        assert!(of("xx").is_none());
        assert!(of("de").is_some_and(|t| t.is_stop("und")));
    }
}
