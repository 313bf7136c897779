//! Reading a post's text for merging: words, verbatim quotes, names, predicates and the actor's
//! organisation. Everything here is per post and needs no other post.

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
/// is not the foreign ministry's.
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

/// The country a nationality (or a capital standing for its government) names.
fn demonym(word: &str) -> Option<&'static str> {
    DEMONYMS
        .binary_search_by(|(d, _)| d.cmp(&word))
        .ok()
        .and_then(|i| DEMONYMS.get(i))
        .map(|(_, country)| *country)
}

/// The lemma of a predicate word, if it is one.
pub(crate) fn predicate(word: &str) -> Option<&'static str> {
    PREDICATES
        .binary_search_by(|(form, _)| form.cmp(&word))
        .ok()
        .and_then(|i| PREDICATES.get(i))
        .map(|(_, lemma)| *lemma)
}

/// Folds typographic quotes and apostrophes to their plain forms.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        _ => c,
    }
}

/// The normalised words of `text`: lower case, quotes folded, punctuation dropped, a possessive
/// `'s` removed. Hyphens split words (`Iran-backed` is `iran`, `backed`).
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_owned()));
    out
}

/// Calls `f` with each normalised word of `text` (see [`words`]), without allocating per word.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::with_capacity(32);
    let mut cleaned = String::with_capacity(32);
    let mut flush = |word: &mut String| {
        if word.is_empty() {
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
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII fast path: a byte is a whole character and folds to itself.
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
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == ',' && word.as_bytes().last().is_some_and(u8::is_ascii_digit) {
            // "3,000" stays one number.
        } else {
            flush(&mut word);
        }
    }
    flush(&mut word);
}

/// Whether a normalised word carries no information.
pub(crate) fn is_stop_word(word: &str) -> bool {
    // No stop word is longer than seven bytes: most content words are rejected without a search.
    word.len() <= STOP_WORD_MAX && STOP_WORDS.binary_search(&word).is_ok()
}

/// A crude stem so that `strikes`, `strike` and `striking` meet: a few English suffixes removed
/// from long words, and nationalities read as countries.
#[cfg(test)]
pub(crate) fn stem(word: &str) -> String {
    stem_str(word).to_owned()
}

/// [`stem`] without allocating: a slice of `word`, or a country's name.
pub(crate) fn stem_str(word: &str) -> &str {
    if let Some(country) = demonym(word) {
        return country;
    }
    let n = word.chars().count();
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
pub(crate) fn quotes(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if !text.contains(['"', '\u{201c}', '\u{2018}']) {
        return out;
    }
    let mut open: Option<(usize, char)> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let before = prev.replace(c);
        let prev = before;
        match (open, c) {
            (None, '"' | '\u{201c}') => open = Some((i + c.len_utf8(), '"')),
            (None, '\u{2018}') => open = Some((i + c.len_utf8(), '\'')),
            (Some((start, '"')), '"' | '\u{201d}') => {
                out.push(words(text.get(start..i).unwrap_or_default()));
                open = None;
            }
            (Some((start, '\'')), '\u{2019}')
                if !(prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic)) =>
            {
                out.push(words(text.get(start..i).unwrap_or_default()));
                open = None;
            }
            (Some(_), '\n') if next == Some('\n') => open = None,
            _ => {}
        }
    }
    out.retain(|q| !q.is_empty());
    out
}

/// The names in `text`: capitalised words that do not open a sentence as a common word, acronyms
/// and numbers, each normalised (`Russian` is `russia`, `3,000` is `3000`).
pub(crate) fn entities(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_entity(text, |e| out.push(e.to_owned()));
    out.sort();
    out.dedup();
    out
}

/// Calls `f` with each name of `text` (see [`entities`]), in text order, repeats included,
/// without allocating per name.
pub(crate) fn for_each_entity(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::with_capacity(32);
    for raw in text.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2013}') {
        let token = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let token = token
            .strip_suffix("'s")
            .or_else(|| token.strip_suffix("\u{2019}s"))
            .unwrap_or(token);
        let Some(first) = token.chars().next() else {
            continue;
        };
        if first.is_ascii_digit() {
            buf.clear();
            buf.push('#');
            buf.extend(token.chars().filter(char::is_ascii_digit));
            let digits = buf.get(1..).unwrap_or_default();
            // Single digits and years say little; "3,000 troops" says something.
            if digits.len() >= 2 && !(digits.len() == 4 && digits.starts_with("20")) {
                f(&buf);
            }
            continue;
        }
        if !first.is_uppercase() || NOT_NAMES.binary_search(&token).is_ok() || token.len() < 2 {
            continue;
        }
        buf.clear();
        if token.is_ascii() {
            buf.extend(
                token
                    .bytes()
                    .filter(|b| *b != b'.')
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            // Full Unicode lower-casing looks at context (a final sigma), so the whole name goes.
            let kept: String = token.chars().filter(|c| *c != '.').collect();
            buf.push_str(&kept.to_lowercase());
        }
        let name: &str = match demonym(&buf) {
            Some(country) => country,
            None => &buf,
        };
        if !is_stop_word(name) {
            f(name);
        }
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

/// Whether a word may be part of a speaking organisation's name.
pub(crate) fn is_organisation_cue(word: &str) -> bool {
    matches!(
        word,
        "ministry" | "minister" | "pentagon" | "department" | "secretary"
    )
}

/// The organisations that speak in a text (`defence-ministry`, `foreign-ministry`, ...).
pub(crate) fn organisations(words: &[String]) -> Vec<&'static str> {
    if !words.iter().any(|w| is_organisation_cue(w)) {
        return Vec::new();
    }
    let joined = format!(" {} ", words.join(" "));
    let mut out: Vec<&'static str> = ORGANISATIONS
        .iter()
        .filter(|(phrase, _)| joined.contains(&format!(" {phrase} ")))
        .map(|(_, key)| *key)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A stable 64-bit hash (FNV-1a) of a run of words, for quote shingles. Never `std::hash`, whose
/// seed changes between runs.
pub(crate) fn shingle_hash(words: &[String]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in words {
        for byte in word.bytes().chain([b' ']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| w.len() <= STOP_WORD_MAX));
        assert!(PREDICATES.windows(2).all(|w| w[0].0 < w[1].0), "predicates");
        assert!(DEMONYMS.windows(2).all(|w| w[0].0 < w[1].0), "demonyms");
        assert!(NOT_NAMES.windows(2).all(|w| w[0] < w[1]), "not names");
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
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("strikes"), stem("strike"));
        assert_eq!(stem("backed"), "back");
        assert_eq!(stem("russian"), "russia");
        assert_eq!(stem("us"), "us");
    }

    #[test]
    fn shingle_hash_is_stable() {
        let w: Vec<String> = ["a", "b"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(shingle_hash(&w), shingle_hash(&w.clone()));
        assert_ne!(shingle_hash(&w), shingle_hash(&w[..1]));
    }
}
