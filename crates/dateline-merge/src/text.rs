//! Reading a post's text for merging: words, verbatim quotes, names, predicates and the actor's
//! organisation. Everything here is per post and needs no other post.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Words too common to tell two posts apart.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "even", "for", "from", "had", "has", "have", "he", "her", "here", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "me", "might", "more",
    "most", "much", "my", "new", "no", "not", "now", "of", "on", "one", "only", "or", "other",
    "our", "out", "over", "s", "said", "say", "says", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "told", "too", "under", "up", "upon", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your",
];

/// The longest stop word, in bytes.
const STOP_WORD_MAX: usize = 7;

/// Capitalised words that do not name anything: sentence openers, days, months, titles.
const NOT_NAMES: &[&str] = &[
    "A",
    "AFP",
    "According",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Both",
    "But",
    "By",
    "CNN's",
    "Commenting",
    "DW's",
    "Despite",
    "Dr",
    "During",
    "Earlier",
    "Even",
    "For",
    "Foreign",
    "Former",
    "Friday",
    "From",
    "General",
    "Getty",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "Images",
    "In",
    "Is",
    "It",
    "Its",
    "January",
    "Just",
    "Later",
    "Leader",
    "Meanwhile",
    "Minister",
    "Monday",
    "More",
    "Mr",
    "Mrs",
    "Ms",
    "Now",
    "On",
    "Our",
    "Photo",
    "President",
    "Prime",
    "Read",
    "Saturday",
    "Secretary",
    "Senior",
    "She",
    "Some",
    "Speaking",
    "Sunday",
    "Supreme",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Thursday",
    "To",
    "Today",
    "Top",
    "Tuesday",
    "Want",
    "We",
    "Wednesday",
    "What",
    "When",
    "While",
    "With",
    "Yesterday",
    "You",
];

/// Adjectives of nationality, read as the country's name so that "Russian" meets "Russia".
const DEMONYMS: &[(&str, &str)] = &[
    ("america", "us"),
    ("american", "us"),
    ("americans", "us"),
    ("british", "uk"),
    ("chinese", "china"),
    ("egyptian", "egypt"),
    ("european", "europe"),
    ("french", "france"),
    ("german", "germany"),
    ("iranian", "iran"),
    ("iraqi", "iraq"),
    ("israeli", "israel"),
    ("lebanese", "lebanon"),
    ("moscow", "russia"),
    ("russian", "russia"),
    ("saudi", "saudi"),
    ("syrian", "syria"),
    ("tehran", "iran"),
    ("turkish", "turkey"),
    ("u.s", "us"),
    ("u.s.", "us"),
    ("washington", "us"),
];

/// Verb forms and the lemma they stand for. `say` and `kill` are generic: nearly every post in a
/// story about a killing says someone said something about it.
const PREDICATES: &[(&str, &str)] = &[
    ("announce", "announce"),
    ("announced", "announce"),
    ("announces", "announce"),
    ("appointed", "appoint"),
    ("appoints", "appoint"),
    ("call", "call"),
    ("called", "call"),
    ("calls", "call"),
    ("canceled", "cancel"),
    ("cancelled", "cancel"),
    ("chanted", "protest"),
    ("condemn", "condemn"),
    ("condemned", "condemn"),
    ("condemns", "condemn"),
    ("depart", "leave"),
    ("departed", "leave"),
    ("deploy", "deploy"),
    ("deployed", "deploy"),
    ("discussed", "talk"),
    ("evacuation", "leave"),
    ("expressed", "express"),
    ("expresses", "express"),
    ("hit", "strike"),
    ("hits", "strike"),
    ("impacted", "strike"),
    ("leave", "leave"),
    ("leaving", "leave"),
    ("left", "leave"),
    ("monitored", "monitor"),
    ("monitoring", "monitor"),
    ("offered", "offer"),
    ("offers", "offer"),
    ("phone", "talk"),
    ("pledged", "vow"),
    ("pledges", "vow"),
    ("promised", "vow"),
    ("protest", "protest"),
    ("protesters", "protest"),
    ("rally", "protest"),
    ("sending", "deploy"),
    ("slammed", "condemn"),
    ("slams", "condemn"),
    ("spoke", "talk"),
    ("strikes", "strike"),
    ("struck", "strike"),
    ("suspend", "suspend"),
    ("suspended", "suspend"),
    ("suspending", "suspend"),
    ("suspends", "suspend"),
    ("suspension", "suspend"),
    ("talked", "talk"),
    ("talking", "talk"),
    ("tweet", "tweet"),
    ("tweeted", "tweet"),
    ("tweeting", "tweet"),
    ("tweets", "tweet"),
    ("urge", "urge"),
    ("urged", "urge"),
    ("urges", "urge"),
    ("urging", "urge"),
    ("vowed", "vow"),
    ("vows", "vow"),
    ("warn", "warn"),
    ("warned", "warn"),
    ("warns", "warn"),
];

/// Organisations whose statements are told apart by which one spoke: the defence ministry's word
/// is not the foreign ministry's. A phrase matches whole words only.
const ORGANISATIONS: &[(&str, &str)] = &[
    ("ministry of defence", "defence-ministry"),
    ("ministry of defense", "defence-ministry"),
    ("defence ministry", "defence-ministry"),
    ("defense ministry", "defence-ministry"),
    ("defence minister", "defence-ministry"),
    ("defense secretary", "defence-ministry"),
    ("pentagon", "defence-ministry"),
    ("foreign ministry", "foreign-ministry"),
    ("ministry of foreign affairs", "foreign-ministry"),
    ("foreign minister", "foreign-ministry"),
    ("state department", "foreign-ministry"),
    ("secretary of state", "foreign-ministry"),
    ("oil ministry", "oil-ministry"),
    ("interior ministry", "interior-ministry"),
];

/// A quick test in front of a table's search: for each first byte, the lengths of the
/// table's words that start with it (bit 63 stands for every length from 63 bytes up). Most words
/// of a text are in no table, and most are turned away here without a string comparison.
#[derive(Debug)]
struct Sieve([u64; 256]);

impl Sieve {
    const fn of(words: &[&str]) -> Sieve {
        let mut bits = [0u64; 256];
        let mut i = 0;
        while i < words.len() {
            Sieve::mark(&mut bits, words[i]);
            i += 1;
        }
        Sieve(bits)
    }

    const fn of_keys(pairs: &[(&str, &str)]) -> Sieve {
        let mut bits = [0u64; 256];
        let mut i = 0;
        while i < pairs.len() {
            Sieve::mark(&mut bits, pairs[i].0);
            i += 1;
        }
        Sieve(bits)
    }

    const fn mark(bits: &mut [u64; 256], word: &str) {
        let bytes = word.as_bytes();
        if !bytes.is_empty() {
            let len = if bytes.len() < 63 { bytes.len() } else { 63 };
            bits[bytes[0] as usize] |= 1 << len;
        }
    }

    /// False when `word` is surely not in the table.
    fn may_hold(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else {
            return false;
        };
        let bits = self.0.get(usize::from(first)).copied().unwrap_or(0);
        bits & (1 << bytes.len().min(63)) != 0
    }
}

/// A table of words searched as numbers rather than strings: a word of at most
/// [`PACKED_MAX`] bytes is its bytes, zero-padded, and then its length, read as one `u128`.
#[derive(Debug)]
struct Packed<V> {
    /// Sorted.
    keys: Vec<u128>,
    values: Vec<V>,
}

/// The longest word a [`Packed`] table holds, in bytes.
const PACKED_MAX: usize = 15;

/// `word` as one number, or `None` when it is longer than [`PACKED_MAX`] bytes.
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let mut buf = [0u8; PACKED_MAX + 1];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    *buf.get_mut(PACKED_MAX)? = u8::try_from(bytes.len()).ok()?;
    Some(u128::from_be_bytes(buf))
}

impl<V: Copy> Packed<V> {
    fn new(entries: impl Iterator<Item = (&'static str, V)>) -> Self {
        let mut entries: Vec<(u128, V)> = entries
            .filter_map(|(word, v)| Some((pack(word)?, v)))
            .collect();
        entries.sort_unstable_by_key(|&(key, _)| key);
        let (keys, values) = entries.into_iter().unzip();
        Packed { keys, values }
    }

    fn get(&self, word: &str) -> Option<V> {
        let i = self.keys.binary_search(&pack(word)?).ok()?;
        self.values.get(i).copied()
    }
}

static STOP_SIEVE: Sieve = Sieve::of(STOP_WORDS);
static NOT_NAMES_SIEVE: Sieve = Sieve::of(NOT_NAMES);
static DEMONYM_SIEVE: Sieve = Sieve::of_keys(DEMONYMS);
#[cfg(test)]
static PREDICATE_SIEVE: Sieve = Sieve::of_keys(PREDICATES);

static STOP_TABLE: LazyLock<Packed<()>> =
    LazyLock::new(|| Packed::new(STOP_WORDS.iter().map(|&w| (w, ()))));
static NOT_NAMES_TABLE: LazyLock<Packed<()>> =
    LazyLock::new(|| Packed::new(NOT_NAMES.iter().map(|&w| (w, ()))));
static DEMONYM_TABLE: LazyLock<Packed<&'static str>> =
    LazyLock::new(|| Packed::new(DEMONYMS.iter().copied()));
#[cfg(test)]
static PREDICATE_TABLE: LazyLock<Packed<&'static str>> =
    LazyLock::new(|| Packed::new(PREDICATES.iter().copied()));

/// What the word tables say about one normalised word: all of them in one look-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lexeme {
    /// A stop word ([`is_stop_word`]).
    pub(crate) stop: bool,
    /// The country a nationality names ([`demonym`]).
    pub(crate) country: Option<&'static str>,
    /// The lemma of a predicate ([`predicate`]).
    pub(crate) lemma: Option<&'static str>,
    /// The word's code in the phrases of [`ORGANISATIONS`], 0 when it is in none.
    pub(crate) org: u8,
}

/// Every word of the word tables (stop words, nationalities, predicates, the words of the
/// organisations' phrases) in one open-addressing table keyed by the word [`pack`]ed.
#[derive(Debug)]
struct Lexicon {
    keys: Vec<u128>,
    lexemes: Vec<Lexeme>,
    /// Index + 1 into `keys` (0 for an empty slot), a power of two at least four times as long.
    slots: Vec<u16>,
    shift: u32,
    /// Each phrase of [`ORGANISATIONS`] as word codes, with its organisation.
    phrases: Vec<(Vec<u8>, &'static str)>,
    /// The first bytes and lengths of the words: most words of a text are in no list, and most
    /// of those are turned away here.
    sieve: Sieve,
}

impl Lexicon {
    fn new() -> Self {
        let mut entries: Vec<(&'static str, Lexeme)> = Vec::new();
        let mut entry = |word: &'static str| -> usize {
            match entries.iter().position(|(w, _)| *w == word) {
                Some(at) => at,
                None => {
                    entries.push((word, Lexeme::default()));
                    entries.len() - 1
                }
            }
        };
        let mut marks: Vec<(usize, Lexeme)> = Vec::new();
        for &word in STOP_WORDS {
            let lexeme = Lexeme {
                stop: true,
                ..Lexeme::default()
            };
            marks.push((entry(word), lexeme));
        }
        for &(word, country) in DEMONYMS {
            let lexeme = Lexeme {
                country: Some(country),
                ..Lexeme::default()
            };
            marks.push((entry(word), lexeme));
        }
        for &(word, lemma) in PREDICATES {
            let lexeme = Lexeme {
                lemma: Some(lemma),
                ..Lexeme::default()
            };
            marks.push((entry(word), lexeme));
        }
        let mut org_words: Vec<&'static str> = Vec::new();
        let mut phrases = Vec::new();
        for &(phrase, key) in ORGANISATIONS {
            let mut codes = Vec::new();
            for word in phrase.split_ascii_whitespace() {
                let code = match org_words.iter().position(|w| *w == word) {
                    Some(at) => at + 1,
                    None => {
                        org_words.push(word);
                        org_words.len()
                    }
                };
                let code = u8::try_from(code).unwrap_or(u8::MAX);
                codes.push(code);
                let lexeme = Lexeme {
                    org: code,
                    ..Lexeme::default()
                };
                marks.push((entry(word), lexeme));
            }
            phrases.push((codes, key));
        }
        for (at, mark) in marks {
            if let Some((_, lexeme)) = entries.get_mut(at) {
                lexeme.stop |= mark.stop;
                lexeme.country = lexeme.country.or(mark.country);
                lexeme.lemma = lexeme.lemma.or(mark.lemma);
                lexeme.org = lexeme.org.max(mark.org);
            }
        }
        let bits = (entries.len().max(1) * 4)
            .next_power_of_two()
            .trailing_zeros();
        let shift = 64 - bits;
        let mask = (1usize << bits) - 1;
        let mut slots = vec![0u16; 1 << bits];
        let mut keys = Vec::with_capacity(entries.len());
        let mut lexemes = Vec::with_capacity(entries.len());
        let mut sieve = [0u64; 256];
        for (word, lexeme) in entries {
            Sieve::mark(&mut sieve, word);
            let Some(key) = pack(word) else {
                continue;
            };
            keys.push(key);
            lexemes.push(lexeme);
            let mut at = Lexicon::slot(key, shift);
            while let Some(slot) = slots.get_mut(at) {
                if *slot == 0 {
                    *slot = u16::try_from(keys.len()).unwrap_or(u16::MAX);
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        Lexicon {
            keys,
            lexemes,
            slots,
            shift,
            phrases,
            sieve: Sieve(sieve),
        }
    }

    fn slot(key: u128, shift: u32) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
    }

    fn get(&self, word: &str) -> Lexeme {
        if !self.sieve.may_hold(word) {
            return Lexeme::default();
        }
        let Some(key) = pack(word) else {
            return Lexeme::default();
        };
        let mask = self.slots.len() - 1;
        let mut at = Lexicon::slot(key, self.shift);
        while let Some(&slot) = self.slots.get(at) {
            if slot == 0 {
                break;
            }
            let k = usize::from(slot) - 1;
            if self.keys.get(k) == Some(&key) {
                return self.lexemes.get(k).copied().unwrap_or_default();
            }
            at = (at + 1) & mask;
        }
        Lexeme::default()
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::new);

/// What the word tables say about the normalised `word`, in one look-up: the same as
/// [`is_stop_word`], [`demonym`], [`predicate`] and the organisations' phrases each say.
pub(crate) fn lexeme(word: &str) -> Lexeme {
    LEXICON.get(word)
}

/// Whether `token` is a capitalised word that names nothing.
fn is_not_name(token: &str) -> bool {
    NOT_NAMES_SIEVE.may_hold(token) && NOT_NAMES_TABLE.get(token).is_some()
}

/// The country a nationality (or a capital standing for its government) names.
fn demonym(word: &str) -> Option<&'static str> {
    if !DEMONYM_SIEVE.may_hold(word) {
        return None;
    }
    DEMONYM_TABLE.get(word)
}

/// The lemma of a predicate word, if it is one.
#[cfg(test)]
pub(crate) fn predicate(word: &str) -> Option<&'static str> {
    if !PREDICATE_SIEVE.may_hold(word) {
        return None;
    }
    PREDICATE_TABLE.get(word)
}

/// Folds typographic quotes and apostrophes to their plain forms.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        _ => c,
    }
}

/// The normalised words of `text`: lower case, quotes folded, punctuation dropped, a possessive
/// `'s` removed. Hyphens split words (`Iran-backed` is `iran`, `backed`).
#[cfg(test)]
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_owned()));
    out
}

/// Calls `f` with each normalised word of `text` (see [`words`]), without allocating per word.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::with_capacity(32);
    let mut cleaned = String::with_capacity(32);
    // Whether `word` holds an apostrophe: without one, it is passed on as it is.
    let mut quoted = false;
    let mut flush = |word: &mut String, quoted: &mut bool| {
        if word.is_empty() {
            return;
        }
        if !*quoted {
            f(word);
            word.clear();
            return;
        }
        let trimmed = word.trim_matches('\'');
        let trimmed = trimmed.strip_suffix("'s").unwrap_or(trimmed);
        if trimmed.contains('\'') {
            cleaned.clear();
            cleaned.extend(trimmed.chars().filter(|c| *c != '\''));
            if !cleaned.is_empty() {
                f(&cleaned);
            }
        } else if !trimmed.is_empty() {
            f(trimmed);
        }
        word.clear();
        *quoted = false;
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII fast path: a byte is a whole character and folds to itself.
        if b.is_ascii_alphanumeric() {
            word.push(char::from(b.to_ascii_lowercase()));
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            i += 1;
            char::from(b)
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            fold_char(c)
        };
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c == '\'' {
            word.push(c);
            quoted = true;
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == ',' && word.as_bytes().last().is_some_and(u8::is_ascii_digit) {
            // "3,000" stays one number.
        } else {
            flush(&mut word, &mut quoted);
        }
    }
    flush(&mut word, &mut quoted);
}

/// Whether a normalised word carries no information.
pub(crate) fn is_stop_word(word: &str) -> bool {
    // No stop word is longer than seven bytes: most content words are rejected without a search.
    word.len() <= STOP_WORD_MAX && STOP_SIEVE.may_hold(word) && STOP_TABLE.get(word).is_some()
}

/// A crude stem so that `strikes`, `strike` and `striking` meet: a few English suffixes removed
/// from long words, and nationalities read as countries.
#[cfg(test)]
pub(crate) fn stem(word: &str) -> String {
    stem_str(word).to_owned()
}

/// [`stem`] without allocating: a slice of `word`, or a country's name.
#[cfg(test)]
pub(crate) fn stem_str(word: &str) -> &str {
    stem_of(word, demonym(word))
}

/// [`stem_str`] of a word whose nationality's country (`demonym(word)`) is already known: a
/// British spelling's stem is its American form's ([`SPELLINGS`]).
pub(crate) fn stem_of<'w>(word: &'w str, country: Option<&'static str>) -> &'w str {
    if let Some(country) = country {
        return country;
    }
    let stem = crude_stem(word);
    let (sieve, american) = &*AMERICAN;
    if sieve.may_hold(stem)
        && let Some(us) = american.get(stem)
    {
        return us;
    }
    stem
}

/// British spellings and their American forms, so that reports from either side of the
/// Atlantic meet in their words (`vapour`, `vapor`; `organised`, `organized`). Each is read with
/// its plural and its `-ed` and `-ing` forms. Only words whose two spellings mean the same
/// (`cheque` and `storey` are left out: `check` and `story` are other words too).
#[rustfmt::skip]
const SPELLINGS: &[(&str, &str)] = &[
    ("colour", "color"), ("honour", "honor"), ("labour", "labor"), ("favour", "favor"),
    ("vapour", "vapor"), ("behaviour", "behavior"), ("neighbour", "neighbor"),
    ("rumour", "rumor"), ("harbour", "harbor"), ("humour", "humor"), ("flavour", "flavor"),
    ("armour", "armor"), ("tumour", "tumor"), ("endeavour", "endeavor"), ("odour", "odor"),
    ("centre", "center"), ("theatre", "theater"), ("metre", "meter"), ("kilometre", "kilometer"),
    ("litre", "liter"), ("fibre", "fiber"), ("calibre", "caliber"), ("sombre", "somber"),
    ("defence", "defense"), ("offence", "offense"), ("licence", "license"),
    ("pretence", "pretense"), ("practise", "practice"), ("programme", "program"),
    ("aluminium", "aluminum"), ("tyre", "tire"), ("grey", "gray"), ("analyse", "analyze"),
    ("paralyse", "paralyze"), ("catalogue", "catalog"), ("sceptic", "skeptic"),
    ("sceptical", "skeptical"), ("mould", "mold"), ("plough", "plow"), ("pyjamas", "pajamas"),
    ("jewellery", "jewelry"), ("manoeuvre", "maneuver"), ("foetus", "fetus"),
    ("oestrogen", "estrogen"), ("paediatric", "pediatric"), ("anaesthetic", "anesthetic"),
    ("haemorrhage", "hemorrhage"), ("diarrhoea", "diarrhea"), ("leukaemia", "leukemia"),
    ("travelled", "traveled"), ("travelling", "traveling"), ("traveller", "traveler"),
    ("cancelled", "canceled"), ("cancelling", "canceling"), ("modelling", "modeling"),
    ("labelled", "labeled"), ("fuelled", "fueled"), ("counselling", "counseling"),
    ("signalled", "signaled"), ("totalled", "totaled"), ("enrolment", "enrollment"),
    ("fulfil", "fulfill"), ("instalment", "installment"), ("judgement", "judgment"),
    ("ageing", "aging"), ("organise", "organize"), ("organisation", "organization"),
    ("recognise", "recognize"), ("criticise", "criticize"), ("apologise", "apologize"),
    ("realise", "realize"), ("emphasise", "emphasize"), ("authorise", "authorize"),
    ("authorisation", "authorization"), ("prioritise", "prioritize"), ("mobilise", "mobilize"),
    ("mobilisation", "mobilization"), ("privatise", "privatize"),
    ("privatisation", "privatization"), ("legalise", "legalize"), ("stabilise", "stabilize"),
    ("minimise", "minimize"), ("maximise", "maximize"), ("summarise", "summarize"),
    ("characterise", "characterize"), ("sympathise", "sympathize"),
    ("hospitalise", "hospitalize"), ("utilise", "utilize"), ("finalise", "finalize"),
    ("normalise", "normalize"), ("normalisation", "normalization"), ("militarise", "militarize"),
    ("demilitarise", "demilitarize"), ("nationalise", "nationalize"),
    ("nationalisation", "nationalization"), ("globalisation", "globalization"),
    ("civilisation", "civilization"), ("colonise", "colonize"), ("immunise", "immunize"),
    ("immunisation", "immunization"), ("vaporise", "vaporize"), ("terrorise", "terrorize"),
    ("jeopardise", "jeopardize"), ("scrutinise", "scrutinize"), ("capitalise", "capitalize"),
    ("destabilise", "destabilize"), ("neutralise", "neutralize"), ("penalise", "penalize"),
    ("subsidise", "subsidize"), ("symbolise", "symbolize"), ("synchronise", "synchronize"),
    ("categorise", "categorize"), ("harmonise", "harmonize"), ("modernise", "modernize"),
    ("specialise", "specialize"), ("visualise", "visualize"), ("monopolise", "monopolize"),
    ("galvanise", "galvanize"), ("patronise", "patronize"), ("standardise", "standardize"),
];

/// The crude stems of [`SPELLINGS`]' British forms, each with its American form's, with a sieve
/// that passes over most words without a look-up. Built on first use.
static AMERICAN: LazyLock<(Sieve, HashMap<String, String>)> = LazyLock::new(|| {
    // A word, its plural, and its `-ed` and `-ing` forms.
    fn forms(word: &str) -> [String; 4] {
        let base = word.strip_suffix('e').unwrap_or(word);
        let ed = if word.ends_with('e') { "d" } else { "ed" };
        [
            word.to_owned(),
            format!("{word}s"),
            format!("{word}{ed}"),
            format!("{base}ing"),
        ]
    }
    let mut map: HashMap<String, String> = HashMap::new();
    let mut bits = [0u64; 256];
    for &(british, american) in SPELLINGS {
        for (b, a) in forms(british).iter().zip(forms(american).iter()) {
            let (b, a) = (crude_stem(b), crude_stem(a));
            if b != a {
                Sieve::mark(&mut bits, b);
                map.insert(b.to_owned(), a.to_owned());
            }
        }
    }
    (Sieve(bits), map)
});

/// The merge's own English stem: `-ing`, `-ed` or `-s` cut from a long word.
fn crude_stem(word: &str) -> &str {
    let n = if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    };
    for suffix in ["ing", "ed", "s"] {
        if n > suffix.len() + 3
            && let Some(stripped) = word.strip_suffix(suffix)
            && !stripped.ends_with('s')
        {
            return stripped;
        }
    }
    word
}

/// The quotations in `text`: runs between matching double quotes (straight or curly) and between
/// typographic single quotes, each as normalised words.
#[cfg(test)]
pub(crate) fn quotes(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for_each_quote(text, |quote| out.push(words(quote)));
    out.retain(|q| !q.is_empty());
    out
}

/// Calls `f` with the raw text of each quotation of `text` (see [`quotes`]), in text order.
pub(crate) fn for_each_quote(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut open: Option<(usize, char)> = None;
    let mut i = 0;
    // Only `"`, a newline and the typographic quotes (three bytes from 0xE2) matter; no byte of
    // these is ever inside another character.
    while let Some(&b) = bytes.get(i) {
        let c = match b {
            b'"' => '"',
            b'\n' => '\n',
            0xE2 => match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c @ ('\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}')) => c,
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let after = i + c.len_utf8();
        let next = || text.get(after..).and_then(|rest| rest.chars().next());
        match (open, c) {
            (None, '"' | '\u{201c}') => open = Some((after, '"')),
            (None, '\u{2018}') => open = Some((after, '\'')),
            (Some((start, '"')), '"' | '\u{201d}') => {
                f(text.get(start..i).unwrap_or_default());
                open = None;
            }
            (Some((start, '\'')), '\u{2019}') => {
                let prev = text.get(..i).and_then(|before| before.chars().next_back());
                if !(prev.is_some_and(char::is_alphabetic)
                    && next().is_some_and(char::is_alphabetic))
                {
                    f(text.get(start..i).unwrap_or_default());
                    open = None;
                }
            }
            (Some(_), '\n') if next() == Some('\n') => open = None,
            _ => {}
        }
        i = after;
    }
}

/// Calls `f` with the [`shingle_hash`] of every run of `size` consecutive words inside a quotation
/// of `text`, quotation by quotation, in text order: the hashes of
/// `quotes(text)[k].windows(size)`, without a string per word.
#[cfg(test)]
pub(crate) fn for_each_quote_shingle(text: &str, size: usize, mut f: impl FnMut(u64)) {
    let mut scratch = Shingles::default();
    for_each_quote(text, |quote| scratch.of_quote(quote, size, &mut f));
}

/// The words of one quotation, one after the other in one string, for its shingles.
#[derive(Debug, Default)]
pub(crate) struct Shingles {
    /// Each word followed by a space, as [`shingle_hash`] reads them.
    joined: String,
    /// Where each word's space ends in `joined`.
    ends: Vec<usize>,
}

impl Shingles {
    /// Reads `quote` (the raw text of one quotation) into its words.
    pub(crate) fn read(&mut self, quote: &str) {
        self.joined.clear();
        self.ends.clear();
        for_each_word(quote, |w| {
            self.joined.push_str(w);
            self.joined.push(' ');
            self.ends.push(self.joined.len());
        });
    }

    /// The number of words read.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Words `from..to` joined by single spaces.
    pub(crate) fn words(&self, from: usize, to: usize) -> &str {
        let start = match from.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = to
            .checked_sub(1)
            .and_then(|last| self.ends.get(last))
            .map_or(start, |e| e.saturating_sub(1).max(start));
        self.joined.get(start..end).unwrap_or_default()
    }

    /// The [`shingle_hash`] of words `from..from + size`.
    pub(crate) fn hash(&self, from: usize, size: usize) -> u64 {
        let start = match from.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(from + size - 1).copied().unwrap_or(start);
        fnv(self.joined.as_bytes().get(start..end).unwrap_or_default())
    }

    /// Calls `f` with the hash of every run of `size` consecutive words of `quote`, in order.
    pub(crate) fn of_quote(&mut self, quote: &str, size: usize, f: &mut impl FnMut(u64)) {
        self.read(quote);
        for from in 0..(self.len() + 1).saturating_sub(size) {
            f(self.hash(from, size));
        }
    }
}

/// The names in `text`: capitalised words that do not open a sentence as a common word, acronyms
/// and numbers, each normalised (`Russian` is `russia`, `3,000` is `3000`).
#[cfg(test)]
pub(crate) fn entities(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_entity(text, |e| out.push(e.to_owned()));
    out.sort();
    out.dedup();
    out
}

/// Calls `f` with each name of `text` (see [`entities`]), in text order, repeats included,
/// without allocating per name.
#[cfg(test)]
pub(crate) fn for_each_entity(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::with_capacity(32);
    let mut initials = Initials::default();
    for_each_token(text, |raw| {
        let name = entity_name(raw, &mut buf);
        let named = name.is_some();
        if let Some(name) = name {
            f(name);
        }
        initials.token(raw, named, &mut f);
    });
    initials.finish(&mut f);
}

/// The acronym a run of capitalised words would have: `Popular Mobilization Forces` gives `pmf`,
/// the name `PMF` gives, so that a report that spells a body out and one that abbreviates it
/// share the name. Read piece by piece ([`for_each_token`]); a run is up to five capitalised
/// words, one of them a body's word ([`is_body_word`]: a person's initials are seldom written),
/// with `of`, `and`, `for` and `the` between them passed over; punctuation after a word ends its
/// run. An acronym has three letters or more: `Ministry of Defence` gives `mod` (the
/// small word's letter counted, as outlets write it), `Islamic Revolutionary Guard Corps` `irgc`.
#[derive(Debug, Default)]
pub(crate) struct Initials {
    /// The run's initials without its small words' letters, and with them.
    bare: String,
    full: String,
    /// The capitalised words in the run.
    words: usize,
    /// Whether a word of the run names a kind of body ([`is_body_word`]).
    body: bool,
}

/// Whether `word` (any case) is one of the words of the names of bodies (`Forces`, `Corps`,
/// `Ministry`): a run of capitalised words holding one is an organisation's name, whose acronym
/// outlets write, where a person's or a place's initials are seldom written. Matched on the
/// word's lower-case bytes in a small buffer: no allocation, one comparison by length.
fn is_body_word(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"agency"
            | b"alliance"
            | b"army"
            | b"assembly"
            | b"association"
            | b"authority"
            | b"bank"
            | b"brigade"
            | b"brigades"
            | b"bureau"
            | b"command"
            | b"commission"
            | b"committee"
            | b"company"
            | b"congress"
            | b"corps"
            | b"corporation"
            | b"council"
            | b"court"
            | b"department"
            | b"force"
            | b"forces"
            | b"front"
            | b"fund"
            | b"group"
            | b"guard"
            | b"guards"
            | b"institute"
            | b"league"
            | b"ministry"
            | b"movement"
            | b"nations"
            | b"office"
            | b"organisation"
            | b"organization"
            | b"party"
            | b"program"
            | b"programme"
            | b"service"
            | b"services"
            | b"union"
            | b"unit"
    )
}

impl Initials {
    /// The longest run whose initials are kept.
    const MAX: usize = 5;

    /// Reads the next piece of text, `named` when it gave a name, calling `f` with the acronyms
    /// of a run that ends before or with it.
    #[inline]
    pub(crate) fn token(&mut self, raw: &str, named: bool, f: &mut impl FnMut(&str)) {
        // Most pieces are no name and stand in no run.
        if named || self.words > 0 {
            self.read(raw, named, f);
        }
    }

    /// [`Self::token`] for a name, or a piece after one.
    fn read(&mut self, raw: &str, named: bool, f: &mut impl FnMut(&str)) {
        let word = trim_non_alphanumeric(raw);
        let capital = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && word.bytes().any(|b| b.is_ascii_lowercase());
        // A possessive (`Iraq's`) stands before a name, not in it.
        let possessive = word.ends_with("'s") || word.ends_with("\u{2019}s");
        if named && capital && !possessive {
            let letter = word.as_bytes().first().map_or('x', |b| char::from(*b));
            let letter = letter.to_ascii_lowercase();
            self.bare.push(letter);
            self.full.push(letter);
            self.words += 1;
            self.body |= is_body_word(word);
            // Punctuation after the word (`Forces,`, `Forces)`) ends the run with it.
            let end = (word.as_ptr() as usize).wrapping_sub(raw.as_ptr() as usize) + word.len();
            if raw.len() > end {
                self.finish(f);
            }
            return;
        }
        if self.words > 0 && matches!(raw, "of" | "and" | "for" | "the") {
            self.full.extend(raw.chars().next());
            return;
        }
        self.finish(f);
    }

    /// Ends the run being read, calling `f` with its acronyms when it is one.
    pub(crate) fn finish(&mut self, f: &mut impl FnMut(&str)) {
        if self.body && self.words <= Self::MAX {
            // Two letters are a person's initials as often as a body's (`Dylan White` is no `DW`).
            if self.bare.len() >= 3 {
                f(&self.bare);
            }
            if self.full.len() > self.bare.len() && self.full.len() >= 3 {
                f(&self.full);
            }
        }
        self.words = 0;
        self.body = false;
        self.bare.clear();
        self.full.clear();
    }
}

/// The name a piece of text between whitespace and hyphens (see [`for_each_token`]) gives, if
/// any, spelled in `buf` or as a country's name.
pub(crate) fn entity_name<'b>(raw: &str, buf: &'b mut String) -> Option<&'b str> {
    // Most words start with a small letter: they name nothing.
    if raw.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let token = trim_non_alphanumeric(raw);
    let token = token
        .strip_suffix("'s")
        .or_else(|| token.strip_suffix("\u{2019}s"))
        .unwrap_or(token);
    let first = token.chars().next()?;
    if first.is_ascii_digit() {
        buf.clear();
        buf.push('#');
        buf.extend(token.chars().filter(char::is_ascii_digit));
        let digits = buf.get(1..).unwrap_or_default();
        // Single digits and years say little; "3,000 troops" says something.
        if digits.len() >= 2 && !(digits.len() == 4 && digits.starts_with("20")) {
            return Some(buf.as_str());
        }
        return None;
    }
    if !first.is_uppercase() || is_not_name(token) || token.len() < 2 {
        return None;
    }
    buf.clear();
    if token.is_ascii() {
        buf.push_str(token);
        buf.make_ascii_lowercase();
        if token.contains('.') {
            buf.retain(|c| c != '.');
        }
    } else {
        // Full Unicode lower-casing looks at context (a final sigma), so the whole name goes.
        let kept: String = token.chars().filter(|c| *c != '.').collect();
        buf.push_str(&kept.to_lowercase());
    }
    let name: &str = match demonym(buf) {
        Some(country) => country,
        None => buf.as_str(),
    };
    (!is_stop_word(name)).then_some(name)
}

/// Calls `f` with each piece of `text` between whitespace, hyphens and en dashes, empty pieces
/// included: `text.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2013}')`, with ASCII
/// read byte by byte.
#[cfg(test)]
pub(crate) fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let (split, len) = if b.is_ascii() {
            (b.is_ascii_whitespace() || b == b'\x0b' || b == b'-', 1)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace() || c == '\u{2013}', c.len_utf8()),
                None => break,
            }
        };
        if split {
            f(text.get(start..i).unwrap_or_default());
            start = i + len;
        }
        i += len;
    }
    f(text.get(start..).unwrap_or_default());
}

/// `token` without the characters that are not alphanumeric at either end; ASCII is trimmed
/// byte by byte, and the rest of the trim is left to `trim_matches` when a non-ASCII character is
/// reached.
fn trim_non_alphanumeric(token: &str) -> &str {
    let bytes = token.as_bytes();
    let trimmed = |b: &u8| b.is_ascii() && !b.is_ascii_alphanumeric();
    let start = bytes
        .iter()
        .position(|b| !trimmed(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !trimmed(b))
        .map_or(start, |e| e + 1);
    // Both ends are at ASCII bytes or at the ends of the token: character boundaries.
    let inner = token.get(start..end).unwrap_or_default();
    if inner.starts_with(|c: char| !c.is_ascii()) || inner.ends_with(|c: char| !c.is_ascii()) {
        inner.trim_matches(|c: char| !c.is_alphanumeric())
    } else {
        inner
    }
}

/// The predicates (verb lemmas) of a text's normalised words, sorted, without repeats.
#[cfg(test)]
pub(crate) fn predicates(words: &[String]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = words.iter().filter_map(|w| predicate(w)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The organisations that speak in a text (`defence-ministry`, `foreign-ministry`, ...).
#[cfg(test)]
pub(crate) fn organisations(words: &[String]) -> Vec<&'static str> {
    let mut speakers = Speakers::default();
    for w in words {
        speakers.push(w);
    }
    speakers.finish()
}

/// The organisations that speak in a stream of normalised words: those whose phrase
/// ([`ORGANISATIONS`]) is a run of consecutive words. Words are kept as their codes in the
/// phrases ([`Lexeme::org`]; 0 for every other word), so nothing is copied.
#[derive(Debug, Default)]
pub(crate) struct Speakers {
    /// The codes of the last words, the latest at `(next + LAST - 1) % LAST`.
    last: [u8; Speakers::LAST],
    next: usize,
    seen: usize,
    found: Vec<&'static str>,
}

impl Speakers {
    /// The longest phrase, in words.
    const LAST: usize = 4;

    #[cfg(test)]
    pub(crate) fn push(&mut self, word: &str) {
        self.push_code(lexeme(word).org);
    }

    /// Takes the next word, by its code in the phrases ([`Lexeme::org`]).
    pub(crate) fn push_code(&mut self, code: u8) {
        if let Some(slot) = self.last.get_mut(self.next) {
            *slot = code;
        }
        self.next = (self.next + 1) % Self::LAST;
        self.seen += 1;
        if code == 0 {
            return;
        }
        for (codes, key) in &LEXICON.phrases {
            let n = codes.len();
            if codes.last() != Some(&code) || n > self.seen.min(Self::LAST) {
                continue;
            }
            let start = (self.next + Self::LAST - n) % Self::LAST;
            let matched = codes
                .iter()
                .enumerate()
                .all(|(k, c)| self.last.get((start + k) % Self::LAST) == Some(c));
            if matched && !self.found.contains(key) {
                self.found.push(key);
            }
        }
    }

    /// The organisations found, sorted, without repeats.
    pub(crate) fn finish(mut self) -> Vec<&'static str> {
        self.found.sort_unstable();
        self.found
    }
}

/// A stable 64-bit hash (FNV-1a) of a run of words, for quote shingles. Never `std::hash`, whose
/// seed changes between runs.
#[cfg(test)]
pub(crate) fn shingle_hash(words: &[String]) -> u64 {
    let mut hash = FNV_OFFSET;
    for word in words {
        hash = fnv_extend(hash, word.as_bytes());
        hash = fnv_extend(hash, b" ");
    }
    hash
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`.
fn fnv(bytes: &[u8]) -> u64 {
    fnv_extend(FNV_OFFSET, bytes)
}

fn fnv_extend(mut hash: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_lookup_says_what_each_table_says() {
        let words = STOP_WORDS
            .iter()
            .copied()
            .chain(DEMONYMS.iter().map(|(w, _)| *w))
            .chain(PREDICATES.iter().map(|(w, _)| *w))
            .chain(ORGANISATIONS.iter().flat_map(|(p, _)| p.split(' ')))
            .chain([
                "",
                "x",
                "stat",
                "states",
                "iranians",
                "a\u{e9}",
                "us\0",
                "ministryministry",
                "call",
                "calling",
                "Said",
                "government",
            ]);
        let org_words: Vec<&str> = ORGANISATIONS
            .iter()
            .flat_map(|(p, _)| p.split(' '))
            .collect();
        for word in words {
            let l = lexeme(word);
            assert_eq!(l.stop, is_stop_word(word), "{word:?}");
            assert_eq!(l.country, demonym(word), "{word:?}");
            assert_eq!(l.lemma, predicate(word), "{word:?}");
            assert_eq!(l.org != 0, org_words.contains(&word), "{word:?}");
        }
        // Different words of the phrases have different codes.
        let mut codes: Vec<(u8, &str)> = org_words.iter().map(|w| (lexeme(w).org, *w)).collect();
        codes.sort_unstable();
        codes.dedup();
        assert!(
            codes
                .windows(2)
                .all(|w| w[0].0 != w[1].0 || w[0].1 == w[1].1)
        );
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| w.len() <= STOP_WORD_MAX));
        assert!(PREDICATES.windows(2).all(|w| w[0].0 < w[1].0), "predicates");
        assert!(DEMONYMS.windows(2).all(|w| w[0].0 < w[1].0), "demonyms");
        assert!(NOT_NAMES.windows(2).all(|w| w[0] < w[1]), "not names");
        let longest = STOP_WORDS
            .iter()
            .chain(NOT_NAMES)
            .chain(DEMONYMS.iter().map(|(w, _)| w))
            .chain(PREDICATES.iter().map(|(w, _)| w))
            .map(|w| w.len())
            .max();
        assert!(longest <= Some(PACKED_MAX), "packed tables");
        for (word, lemma) in PREDICATES {
            assert_eq!(predicate(word), Some(*lemma));
        }
        for (word, country) in DEMONYMS {
            assert_eq!(demonym(word), Some(*country));
        }
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(NOT_NAMES.iter().all(|w| is_not_name(w)));
        for word in [
            "",
            "x",
            "tweeted!",
            "ministry",
            "washingtonian",
            "a\u{e9}",
            "us\0",
        ] {
            assert_eq!(
                predicate(word),
                PREDICATES.iter().find(|p| p.0 == word).map(|p| p.1)
            );
            assert_eq!(is_stop_word(word), STOP_WORDS.contains(&word));
        }
    }

    #[test]
    fn quotes_are_normalised_whatever_their_marks() {
        let curly = quotes(
            "Trump wrote: \u{201c}Iran never won a war, but never lost a negotiation!\u{201d}",
        );
        let straight = quotes("\"IRAN never won a war but never lost a negotiation\" he said");
        assert_eq!(curly, straight);
        assert_eq!(
            curly[0].join(" "),
            "iran never won a war but never lost a negotiation"
        );
        // An apostrophe inside a word does not close a single-quoted run.
        let single = quotes("He said \u{2018}it\u{2019}s war, no doubt\u{2019} today");
        assert_eq!(single[0].join(" "), "it war no doubt");
        // A paragraph break closes nothing but drops an open quote; other typographic marks
        // (a dash) are not quotes.
        let broken = quotes("\u{201c}never closed\n\nthen \u{2014} \"a b c\" \u{201c}x\"");
        assert_eq!(broken, [vec!["a", "b", "c"], vec!["x"]]);
    }

    #[test]
    fn tokens_split_like_str_split() {
        let text = "a  b-c\u{2013}d\te\u{a0}f\u{2014}g\u{b}h\u{c}i\r\nj\u{3000}k- ";
        let mut tokens = Vec::new();
        for_each_token(text, |t| tokens.push(t.to_owned()));
        let expected: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2013}')
            .collect();
        assert_eq!(tokens, expected);
    }

    #[test]
    fn trimming_keeps_letters_of_any_script() {
        assert_eq!(trim_non_alphanumeric("(NATO's)"), "NATO's");
        assert_eq!(
            trim_non_alphanumeric("\u{201c}Caf\u{e9}\u{201d},"),
            "Caf\u{e9}"
        );
        assert_eq!(trim_non_alphanumeric("\u{bf}\u{c9}l?"), "\u{c9}l");
        assert_eq!(trim_non_alphanumeric("--"), "");
        assert_eq!(trim_non_alphanumeric("\u{2014}"), "");
        for token in [
            "a",
            "",
            "\"'x'\"",
            "\u{2018}\u{2019}",
            "1,000.",
            "\u{3b1}\u{3b2}!",
        ] {
            assert_eq!(
                trim_non_alphanumeric(token),
                token.trim_matches(|c: char| !c.is_alphanumeric())
            );
        }
    }

    #[test]
    fn words_fold_possessives_hyphens_and_numbers() {
        assert_eq!(
            words("Iran\u{2019}s Iran-backed militia: 3,000 troops!"),
            ["iran", "iran", "backed", "militia", "3000", "troops"]
        );
    }

    #[test]
    fn entities_are_names_and_numbers_not_sentence_openers() {
        let names = entities(
            "The Russian foreign ministry said NATO's spokesman Dylan White met 3,000 troops in January 2020. He left.",
        );
        assert_eq!(names, ["#3000", "dylan", "nato", "russia", "white"]);
    }

    /// A body spelled out and its acronym are one name; a person's initials are none.
    #[test]
    fn a_bodys_name_gives_its_acronym() {
        assert!(entities("Iraq's Popular Mobilization Forces said").contains(&"pmf".to_owned()));
        assert!(!entities("Iraq's Popular Mobilization Forces said").contains(&"ipmf".to_owned()));
        assert!(entities("the PMF said").contains(&"pmf".to_owned()));
        assert!(
            entities("a spokesman for the Ministry of Defence, who").contains(&"mod".to_owned())
        );
        assert!(
            entities("Islamic Revolutionary Guard Corps commanders").contains(&"irgc".to_owned())
        );
        assert_eq!(
            entities("Dylan White and Mary Ann Jones met."),
            ["ann", "dylan", "jones", "mary", "white"]
        );
    }

    #[test]
    fn predicates_have_lemmas() {
        let w = words(
            "NATO suspends activities; Trump tweeted; a rocket struck; they urged citizens to leave",
        );
        assert_eq!(
            predicates(&w),
            ["leave", "strike", "suspend", "tweet", "urge"]
        );
        assert_eq!(predicate("suspended"), Some("suspend"));
        assert_eq!(predicate("hit"), Some("strike"));
        assert_eq!(predicate("table"), None);
    }

    #[test]
    fn organisations_tell_ministries_apart() {
        let defence = words("Russia's Ministry of Defence has called the killing short-sighted");
        let foreign = words("the Russian foreign ministry said in a statement");
        assert_eq!(organisations(&defence), ["defence-ministry"]);
        assert_eq!(organisations(&foreign), ["foreign-ministry"]);
        let affairs =
            words("Iran's Ministry of Foreign Affairs and the Pentagon; a state departmental note");
        assert_eq!(
            organisations(&affairs),
            ["defence-ministry", "foreign-ministry"]
        );
        assert!(organisations(&words("the secretary of the ministry")).is_empty());
        // Every phrase ends with a word that makes the matcher look.
        for (phrase, key) in ORGANISATIONS {
            assert_eq!(organisations(&words(phrase)), [*key], "{phrase}");
        }
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("strikes"), stem("strike"));
        assert_eq!(stem("backed"), "back");
        assert_eq!(stem("russian"), "russia");
        assert_eq!(stem("us"), "us");
    }

    #[test]
    fn british_and_american_spellings_meet() {
        for (british, american) in [
            ("vapour", "vapor"),
            ("colours", "colors"),
            ("organised", "organized"),
            ("organising", "organizing"),
            ("centre", "center"),
            ("defence", "defense"),
            ("travelled", "traveled"),
            ("programmes", "programs"),
        ] {
            assert_eq!(stem(british), stem(american), "{british} {american}");
        }
        // Words that only look like one are left alone.
        assert_eq!(stem("four"), "four");
        assert_eq!(stem("genre"), "genre");
        assert_eq!(stem("promise"), "promise");
    }

    #[test]
    fn shingle_hash_is_stable() {
        let w: Vec<String> = ["a", "b"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(shingle_hash(&w), shingle_hash(&w.clone()));
        assert_ne!(shingle_hash(&w), shingle_hash(&w[..1]));
    }
}
