//! The invented world the corpus reports on: a vocabulary of pseudo-words in synonym pairs,
//! countries with sibling ministries, people, places and predicates, and the sentences built
//! from them.
//!
//! The world is fixed (drawn from a constant seed), so corpora of different seeds share one
//! language; only the events differ.

use std::collections::HashSet;

use crate::rng::Rng;

/// English function words mixed into quotes, so they read like speech.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "is", "was", "for", "on", "with", "as", "we",
    "will", "our", "this", "be", "are", "have", "it", "all", "no", "but", "they", "must", "not",
    "every", "its", "their",
];

/// A sibling set of organisations: every country has each of them.
pub(crate) const MINISTRIES: &[(&str, &str)] = &[
    ("defence ministry", "defence minister"),
    ("foreign ministry", "foreign minister"),
    ("interior ministry", "interior minister"),
    ("finance ministry", "finance minister"),
    ("health ministry", "health minister"),
    ("energy ministry", "energy minister"),
];

/// What happened: each predicate in two or three wordings (the synonyms of a reworded report).
pub(crate) const PREDICATES: &[&[&str]] = &[
    &["condemned", "denounced", "strongly criticised"],
    &["announced", "unveiled", "set out"],
    &["suspended", "halted", "froze"],
    &["rejected", "dismissed", "turned down"],
    &["signed", "approved", "put its name to"],
    &["welcomed", "praised", "hailed"],
    &["postponed", "delayed", "pushed back"],
    &["demanded", "called for", "insisted on"],
    &["warned about", "cautioned against", "raised the alarm over"],
    &["defended", "stood by", "backed"],
    &[
        "investigated",
        "opened an inquiry into",
        "launched a probe into",
    ],
    &["ordered", "instructed officials to carry out", "mandated"],
];

const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st",
    "t", "tr", "v", "z", "sh", "ch", "th",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ea"];
const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "m", "nd", "rk", "st", "x"];

const COUNTRY_ENDS: &[&str] = &["ia", "land", "stan", "ova", "ar", "is"];
const CITY_ENDS: &[&str] = &[
    "grad", "port", "abad", "ville", "burg", "ford", "polis", "mar",
];

/// Number of vocabulary words (an even number: words `2k` and `2k + 1` are synonyms).
const VOCABULARY: usize = 4096;

/// The invented world.
#[derive(Debug, Clone)]
pub(crate) struct World {
    pub(crate) words: Vec<String>,
    pub(crate) countries: Vec<String>,
    pub(crate) cities: Vec<String>,
    pub(crate) first_names: Vec<String>,
    pub(crate) surnames: Vec<String>,
}

fn syllable(rng: &mut Rng) -> String {
    format!(
        "{}{}{}",
        rng.pick(ONSETS),
        rng.pick(VOWELS),
        rng.pick(CODAS)
    )
}

fn pseudo_word(rng: &mut Rng, syllables: u64) -> String {
    (0..syllables).map(|_| syllable(rng)).collect()
}

/// `n` distinct words from `make`, none of them an English function word.
fn distinct(
    n: usize,
    rng: &mut Rng,
    seen: &mut HashSet<String>,
    make: impl Fn(&mut Rng) -> String,
) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let w = make(rng);
        if w.len() >= 4 && !FUNCTION_WORDS.contains(&w.as_str()) && seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl World {
    /// The world, sized for a corpus of `posts` posts: the numbers of people and places grow
    /// with the corpus so that names stay about as rare per day at every size.
    pub(crate) fn new(posts: usize) -> World {
        let mut rng = Rng::new(0x00da_7e11_0e5e_ed00);
        let mut seen = HashSet::new();
        let words = distinct(VOCABULARY, &mut rng, &mut seen, |r| {
            let n = r.range(2, 3);
            pseudo_word(r, n)
        });
        let countries = distinct(60, &mut rng, &mut seen, |r| {
            let stem = pseudo_word(r, 1);
            capitalise(&format!("{stem}{}", r.pick(COUNTRY_ENDS)))
        });
        let cities = distinct(400 + posts / 500, &mut rng, &mut seen, |r| {
            let n = r.range(1, 2);
            let stem = pseudo_word(r, n);
            capitalise(&format!("{stem}{}", r.pick(CITY_ENDS)))
        });
        let first_names = distinct(300, &mut rng, &mut seen, |r| capitalise(&pseudo_word(r, 2)));
        let surnames = distinct(1500 + posts / 100, &mut rng, &mut seen, |r| {
            let n = r.range(2, 3);
            capitalise(&pseudo_word(r, n))
        });
        World {
            words,
            countries,
            cities,
            first_names,
            surnames,
        }
    }

    /// A content word, or (ids at or above the vocabulary) a function word.
    pub(crate) fn word(&self, id: u32) -> &str {
        let id = id as usize;
        match self.words.get(id) {
            Some(w) => w,
            None => FUNCTION_WORDS
                .get((id - self.words.len()) % FUNCTION_WORDS.len())
                .copied()
                .unwrap_or("the"),
        }
    }

    pub(crate) fn is_content(&self, id: u32) -> bool {
        (id as usize) < self.words.len()
    }

    /// The synonym of a content word.
    pub(crate) fn synonym(&self, id: u32) -> u32 {
        if self.is_content(id) { id ^ 1 } else { id }
    }

    /// A random content word id.
    pub(crate) fn content(&self, rng: &mut Rng) -> u32 {
        rng.index(self.words.len()) as u32
    }

    /// A quote of 8 to 20 words: content words and function words in turn, as speech runs.
    pub(crate) fn quote(&self, rng: &mut Rng) -> Vec<u32> {
        let n = rng.range(8, 20);
        (0..n)
            .map(|_| {
                if rng.percent(45) {
                    (self.words.len() + rng.index(FUNCTION_WORDS.len())) as u32
                } else {
                    self.content(rng)
                }
            })
            .collect()
    }

    pub(crate) fn words_text(&self, ids: &[u32]) -> String {
        let mut out = String::new();
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(self.word(*id));
        }
        out
    }

    /// A sentence of background that belongs to no event: the noise around every report.
    pub(crate) fn filler(&self, rng: &mut Rng, country: &str) -> String {
        let n = rng.range(7, 14);
        let mut ids: Vec<u32> = (0..n)
            .map(|_| {
                if rng.percent(40) {
                    (self.words.len() + rng.index(FUNCTION_WORDS.len())) as u32
                } else {
                    self.content(rng)
                }
            })
            .collect();
        if let Some(first) = ids.first_mut() {
            *first = self.content(rng);
        }
        let text = capitalise(&self.words_text(&ids));
        match rng.below(3) {
            0 => format!("{text} across {country}."),
            1 => format!("{text}, officials in {country} said."),
            _ => format!("{text}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_is_fixed_and_its_names_distinct() {
        let a = World::new(1000);
        let b = World::new(1000);
        assert_eq!(a.words, b.words);
        assert_eq!(a.words.len(), VOCABULARY);
        let all: HashSet<&String> = a
            .words
            .iter()
            .chain(&a.countries)
            .chain(&a.cities)
            .chain(&a.first_names)
            .chain(&a.surnames)
            .collect();
        let total = a.words.len()
            + a.countries.len()
            + a.cities.len()
            + a.first_names.len()
            + a.surnames.len();
        assert_eq!(all.len(), total);
        assert_eq!(a.synonym(a.synonym(10)), 10);
        assert_ne!(a.synonym(10), 10);
    }
}
